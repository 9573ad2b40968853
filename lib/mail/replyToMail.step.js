"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replyToMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.replyToMail = {
    id: 'replyToMail',
    group: 'mail',
    kind: 'action',
    title: 'Reply to Mail',
    description: 'Replies to a mail of the mailbox (its sender, or everyone with Reply all), your text above the quoted original, with the incoming message\'s files; the same message delivered again is not answered twice.',
    help: {
        description: 'Answers the mail given by its id, in its conversation, from the Mailbox the mail is in (a shared mailbox needs Full Access plus Send As or Send on Behalf): to its sender, or with Reply all to the sender and every recipient, plus any To, Cc and Bcc you add. Your text goes above the quoted original; the incoming message\'s files are attached. A message delivered again finds the reply it sent (alreadySent) instead of answering twice.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'The mailbox the mail is in; the reply is sent as it and kept in its Sent Items. Empty: the signed-in user.' }),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Mail id', 'The mail to answer, in the Mailbox.'),
        replyAll: (0, schemas_1.flag)('Reply all', 'true: to the sender and everyone the mail was sent to (Reply all); false or empty: to the sender only (or to its Reply-To addresses).'),
        ...schemas_1.responseInput,
        to: (0, schemas_1.text)('To', 'Further recipients besides those Outlook answers, as Send Mail takes them (addresses separated by , or ;, "Name <address>", or a list).'),
        cc: (0, schemas_1.text)('Cc', 'Further Cc recipients, as for To.'),
        bcc: (0, schemas_1.text)('Bcc', 'Bcc recipients, as for To.'),
    }),
    out: (0, schemas_1.body)({
        ...(0, schemas_1.sentMail)('The reply'),
        messageId: (0, schemas_1.text)('Answered mail id', 'The id of the mail answered, as given.'),
        replyAll: (0, schemas_1.flag)('Reply all', 'Whether everyone on the mail was answered.'),
        conversationId: (0, schemas_1.text)('Conversation id', 'The conversation the reply belongs to, the answered mail\'s.'),
        attachments: (0, schemas_1.sentFiles)('Attachments', 'The files of the incoming message sent with the reply; empty when there were none.'),
    }),
};
