"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
/** The rule parseMailInput enforces on To, Cc and Bcc together. */
const ONE_RECIPIENT = 'At least one of To, Cc and Bcc must hold a recipient; at most 500 in all.';
exports.sendMail = {
    id: 'sendMail',
    group: 'mail',
    kind: 'action',
    title: 'Send Mail',
    description: "Sends a mail from the chosen mailbox (empty: the signed-in user's), with the incoming message's attachments inline (just under 3,000,000 bytes in total: Graph takes 4 MB per request and files grow by a third as base64).",
    help: {
        description: "Sends one mail from the Mailbox (empty: the signed-in user's; a shared mailbox needs Full Access plus Send As or Send on Behalf) to To, Cc and Bcc, as text or HTML, with the incoming message's files; From sends on behalf of another address. Everything is checked before sending. A send whose answer is lost is not repeated (it could deliver twice): the error says to check Sent Items.",
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'Sends as this mailbox and keeps the copy in its Sent Items. Empty: the signed-in user.' }),
    },
    in: (0, schemas_1.body)({
        from: (0, schemas_1.text)('From', 'Send on behalf of (or as) this address, e.g. sales@contoso.com: the sender (the Mailbox, or the signed-in user) needs Send on Behalf or Send As on it. Empty: from the mailbox itself.'),
        to: (0, schemas_1.text)('To', `An address (name@example.com), "Display Name <name@example.com>", several of them separated by commas or semicolons, or a list of addresses or of {address, name} objects. ${ONE_RECIPIENT}`),
        cc: (0, schemas_1.text)('Cc', `Addresses as for To. ${ONE_RECIPIENT}`),
        bcc: (0, schemas_1.text)('Bcc', `Addresses as for To; the other recipients do not see them. ${ONE_RECIPIENT}`),
        subject: (0, schemas_1.text)('Subject', 'Up to 255 characters. Empty: a mail without subject.'),
        body: (0, schemas_1.text)('Body', 'The content of the mail, as text or HTML (see Body type).'),
        bodyContentType: schemas_1.inputProperties.bodyContentType,
        importance: schemas_1.inputProperties.importance,
        replyTo: (0, schemas_1.text)('Reply to', 'Addresses replies should go to instead of the sender, as for To; at most 10.'),
        saveToSentItems: (0, schemas_1.flag)('Save to Sent Items', 'true (the default) keeps a copy in Sent Items; false keeps none.'),
    }),
    out: (0, schemas_1.body)({
        sentAt: (0, schemas_1.instant)('Sent at', 'When Outlook accepted the mail for delivery (ISO 8601, UTC).'),
        mailbox: (0, schemas_1.text)('Mailbox', 'The mailbox it was sent from and saved in; absent for the signed-in user.'),
        from: (0, schemas_1.text)('From', 'The address it was sent on behalf of or as; absent when From was empty.'),
        subject: (0, schemas_1.text)('Subject', 'The subject sent; empty when there was none.'),
        to: (0, schemas_1.strings)('To', 'The To addresses the mail was sent to.'),
        cc: (0, schemas_1.strings)('Cc', 'The Cc addresses the mail was sent to.'),
        bcc: (0, schemas_1.strings)('Bcc', 'The Bcc addresses the mail was sent to.'),
        attachments: (0, schemas_1.list)('Attachments', 'The files sent with the mail; empty when there were none.', {
            type: 'object',
            properties: {
                name: (0, schemas_1.text)('Name', 'File name as the recipients see it.'),
                size: (0, schemas_1.number)('Size in bytes', 'Size of the file before encoding.'),
            },
        }),
        savedToSentItems: (0, schemas_1.flag)('Saved to Sent Items', 'Whether a copy was kept in Sent Items.'),
    }),
};
