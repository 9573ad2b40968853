"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNewMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getNewMail = {
    id: 'getNewMail',
    group: 'mail',
    kind: 'trigger',
    title: 'Poll for New Mail',
    description: 'Emits each mail once, oldest first: mail delivered to the chosen folder, or moved into it within about two minutes of arriving.',
    help: {
        description: 'Emits one message per mail of the chosen folder (sender, recipients, subject, body, flags), each once, oldest first. It goes by the time each mail was received, so it sees mail delivered to the folder and mail moved or sorted into it by a rule within about two minutes of arriving. Mail moved in later (by hand, by a client-side rule, by a later sweep) is not emitted; a trigger that also follows moves is planned. Set Start time to include mail received before the flow starts.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        folderId: (0, fields_1.folderField)('Empty: the Inbox. Emits mail delivered here, or moved or ruled in within about two minutes of arriving; mail moved in later is not emitted.', 30),
        startTime: (0, fields_1.startTimeField)({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
        pollOnlyUnreadMail: {
            label: 'Only unread mail',
            viewClass: 'CheckBoxView',
            required: false,
            note: 'Skip mail that is already read when the poll sees it.',
            order: 10,
        },
    },
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Message id', 'Immutable Outlook id: stays the same when the mail is moved.'),
        internetMessageId: (0, schemas_1.text)('Internet message id', 'The Message-ID header; null for some drafts.'),
        conversationId: (0, schemas_1.text)('Conversation id', 'Shared by the mails of one conversation; null when Outlook has none.'),
        parentFolderId: (0, schemas_1.text)('Folder id', 'Id of the folder the mail is in.'),
        subject: (0, schemas_1.text)('Subject', 'The subject; empty when there is none.'),
        bodyPreview: (0, schemas_1.text)('Body preview', 'The first 255 characters of the body, as text; null when Outlook has none.'),
        body: schemas_1.itemBody,
        from: (0, schemas_1.recipient)('From', 'Who the mail is from; null for drafts.', "The sender's"),
        sender: (0, schemas_1.recipient)('Sender', 'The mailbox that sent it (differs from From when sent on behalf); null for drafts.', "The sending mailbox's"),
        toRecipients: (0, schemas_1.recipientList)('To', 'The To recipients.'),
        ccRecipients: (0, schemas_1.recipientList)('Cc', 'The Cc recipients.'),
        bccRecipients: (0, schemas_1.recipientList)('Bcc', 'The Bcc recipients (only on mail the mailbox sent).'),
        replyTo: (0, schemas_1.recipientList)('Reply to', 'Where replies should go, when the sender asked for other addresses.', "The reply address's"),
        receivedDateTime: (0, schemas_1.instant)('Received', 'When the mail arrived (ISO 8601, UTC, whole seconds).'),
        sentDateTime: (0, schemas_1.instant)('Sent', 'When the mail was sent (ISO 8601, UTC); null for drafts.'),
        importance: (0, schemas_1.text)('Importance', 'low, normal or high.'),
        isRead: (0, schemas_1.flag)('Read', 'Whether the mail has been read.'),
        isDraft: (0, schemas_1.flag)('Draft', 'Whether the mail is an unsent draft.'),
        flag: (0, schemas_1.object)('Flag', 'The follow-up flag; null when Outlook has none.', {
            flagStatus: (0, schemas_1.text)('Flag status', 'notFlagged, flagged or complete.'),
        }),
        categories: (0, schemas_1.strings)('Categories', 'Outlook category names on the mail.'),
        hasAttachments: (0, schemas_1.flag)('Has attachments', 'Whether the mail has file attachments (not counting inline images).'),
        webLink: (0, schemas_1.text)('Link to open the mail in Outlook on the web', 'URL of the mail in Outlook on the web; null when Outlook has none.'),
    }),
};
