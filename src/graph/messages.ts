/** What the mail triggers read of a message: the fields they emit, and how many per page. */

/** The fields each emitted mail carries; getNewMail.out.json and the message of getMailFolderChanges.out.json match them. */
export const MAIL_FIELDS = [
  'id', 'internetMessageId', 'conversationId', 'parentFolderId', 'subject', 'bodyPreview', 'body',
  'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
  'receivedDateTime', 'sentDateTime', 'importance', 'isRead', 'isDraft', 'flag', 'categories',
  'hasAttachments', 'webLink',
] as const;

/** Graph's largest page for messages: one request per 1,000 mails. */
export const MAIL_PAGE_SIZE = 1000;
