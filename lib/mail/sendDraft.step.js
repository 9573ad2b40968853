"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendDraft = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.sendDraft = {
    id: 'sendDraft',
    group: 'mail',
    kind: 'action',
    title: 'Send Draft',
    description: 'Sends a draft of the mailbox as it is, for example one Create Draft made; the same message delivered again is not sent twice.',
    help: {
        description: 'Sends the draft given by its id (Create Draft\'s output, or a draft a person wrote) from the Mailbox it is in, as the draft says: its From needs Send As or Send on Behalf as for Send Mail. The copy is kept in the mailbox\'s Sent Items. A message delivered again finds the mail it sent (alreadySent) instead of failing or sending twice.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'The mailbox the draft is in. Empty: the signed-in user.' }),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Draft id', 'The draft to send, in the Mailbox (Create Draft emits it as id).'),
    }),
    out: (0, schemas_1.body)((0, schemas_1.sentMail)('The mail')),
};
