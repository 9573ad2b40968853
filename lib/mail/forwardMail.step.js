"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.forwardMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.forwardMail = {
    id: 'forwardMail',
    group: 'mail',
    kind: 'action',
    title: 'Forward Mail',
    description: 'Forwards a mail of the mailbox with its attachments to To, Cc and Bcc, your text above it, plus the incoming message\'s files; the same message delivered again is not forwarded twice.',
    help: {
        description: 'Forwards the mail given by its id, with its own attachments, from the Mailbox the mail is in (a shared mailbox needs Full Access plus Send As or Send on Behalf) to To (required), Cc and Bcc, your text above the forwarded original, and the incoming message\'s files attached too. A message delivered again finds the forward it sent (alreadySent) instead of sending it twice.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'The mailbox the mail is in; the forward is sent as it and kept in its Sent Items. Empty: the signed-in user.' }),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Mail id', 'The mail to forward, in the Mailbox.'),
        to: (0, schemas_1.text)('To', 'Who gets the forward: an address, "Name <address>", several separated by commas or semicolons, or a list. Graph needs at least one; at most 500 in To, Cc and Bcc together.', { required: true }),
        cc: (0, schemas_1.text)('Cc', 'Addresses as for To.'),
        bcc: (0, schemas_1.text)('Bcc', 'Addresses as for To; the other recipients do not see them.'),
        ...schemas_1.responseInput,
    }),
    out: (0, schemas_1.body)({
        ...(0, schemas_1.sentMail)('The forward'),
        messageId: (0, schemas_1.text)('Forwarded mail id', 'The id of the mail forwarded, as given.'),
        conversationId: (0, schemas_1.text)('Conversation id', 'The conversation the forward belongs to.'),
        attachments: (0, schemas_1.sentFiles)('Attachments', 'The files of the incoming message sent with the forward (the forwarded mail\'s own attachments go along and are not listed); empty when there were none.'),
    }),
};
