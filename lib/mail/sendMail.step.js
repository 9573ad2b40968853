"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.sendMail = {
    id: 'sendMail',
    group: 'mail',
    kind: 'action',
    title: 'Send Mail',
    description: "Sends a mail from the chosen mailbox (empty: the signed-in user's), with the incoming message's files of any size up to the attachment limit; the same message delivered again is not sent twice.",
    help: {
        description: "Sends one mail from the Mailbox (empty: the signed-in user's; a shared mailbox needs Full Access plus Send As or Send on Behalf) to To, Cc and Bcc, as text or HTML, with the incoming message's files; From sends on behalf of another address. Everything is checked before sending. A message delivered again finds the mail it sent (alreadySent) instead of sending it twice, unless the duplicate check is skipped.",
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'Sends as this mailbox and keeps the copy in its Sent Items. Empty: the signed-in user.' }),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9),
    },
    in: (0, schemas_1.body)({
        ...schemas_1.newMailInput,
        saveToSentItems: (0, schemas_1.flag)('Save to Sent Items', 'true (the default) keeps a copy in Sent Items; false keeps none, which also leaves the duplicate check nothing to find, and needs all files to fit into one request (about 2.9 MB).'),
    }),
    out: (0, schemas_1.body)({
        ...(0, schemas_1.sentMail)('The mail'),
        id: { ...(0, schemas_1.sentMail)('The mail').id, description: "The sent mail's immutable id, which its copy in Sent Items keeps; absent when it was sent in one request (duplicate check skipped, or Save to Sent Items false)." },
        from: (0, schemas_1.text)('From', 'The address it was sent on behalf of or as; absent when From was empty.'),
        attachments: (0, schemas_1.sentFiles)('Attachments', 'The files sent with the mail; empty when there were none.'),
        savedToSentItems: (0, schemas_1.flag)('Saved to Sent Items', 'Whether a copy was kept in Sent Items.'),
    }),
};
