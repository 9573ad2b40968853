"use strict";
/** What the mail triggers read of a message: the fields they emit, and how many per page. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
/** The fields each emitted mail carries; getNewMail.out.json and the message of getMailFolderChanges.out.json match them. */
exports.MAIL_FIELDS = [
    'id', 'internetMessageId', 'conversationId', 'parentFolderId', 'subject', 'bodyPreview', 'body',
    'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
    'receivedDateTime', 'sentDateTime', 'importance', 'isRead', 'isDraft', 'flag', 'categories',
    'hasAttachments', 'webLink',
];
/** Graph's largest page for messages: one request per 1,000 mails. */
exports.MAIL_PAGE_SIZE = 1000;
