"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendMail = void 0;
const schemas_1 = require("../manifest/schemas");
/** The rule parseMailInput enforces on To, Cc and Bcc together. */
const ONE_RECIPIENT = 'At least one of To, Cc and Bcc must hold a recipient; at most 500 in all.';
exports.sendMail = {
    id: 'sendMail',
    group: 'mail',
    kind: 'action',
    title: 'Send Mail',
    description: "Sends a mail from the signed-in mailbox, with the incoming message's attachments inline (just under 3,000,000 bytes in total: Graph takes 4 MB per request and files grow by a third as base64).",
    help: {
        description: 'Sends one mail from the signed-in mailbox to the To, Cc and Bcc addresses (at least one recipient in all), as text or HTML, with the files attached to the incoming message. Every field is checked before anything is sent, and an error names the field to fix. A send whose answer is lost is not repeated, since that could deliver the mail twice: the error then says to check Sent Items.',
    },
    in: (0, schemas_1.body)({
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
