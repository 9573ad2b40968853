/** Poll for New Mail as component.json shows it; the code is getNewMail.ts (its MAIL_FIELDS match `out`). */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { folderField, mailboxField, startTimeField } from '../manifest/fields';
import { body, flag, instant, itemBody, object, recipient, recipientList, strings, text } from '../manifest/schemas';

export const getNewMail: TriggerDescriptor = {
  id: 'getNewMail',
  group: 'mail',
  kind: 'trigger',
  title: 'Poll for New Mail',
  description: 'Emits each mail once, oldest first: mail delivered to the chosen folder, or moved into it within about two minutes of arriving.',
  help: {
    description: 'Emits one message per mail of the chosen folder (sender, recipients, subject, body, flags), each once, oldest first. It goes by the time each mail was received, so it sees mail delivered to the folder and mail moved or sorted into it by a rule within about two minutes of arriving. Mail moved in later (by hand, by a client-side rule, by a later sweep) is not emitted; a trigger that also follows moves is planned. Set Start time to include mail received before the flow starts.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    folderId: folderField('Empty: the Inbox. Emits mail delivered here, or moved or ruled in within about two minutes of arriving; mail moved in later is not emitted.', 30),
    startTime: startTimeField({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
    pollOnlyUnreadMail: {
      label: 'Only unread mail',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Skip mail that is already read when the poll sees it.',
      order: 10,
    },
  },
  out: body({
    id: text('Message id', 'Immutable Outlook id: stays the same when the mail is moved.'),
    internetMessageId: text('Internet message id', 'The Message-ID header; null for some drafts.'),
    conversationId: text('Conversation id', 'Shared by the mails of one conversation; null when Outlook has none.'),
    parentFolderId: text('Folder id', 'Id of the folder the mail is in.'),
    subject: text('Subject', 'The subject; empty when there is none.'),
    bodyPreview: text('Body preview', 'The first 255 characters of the body, as text; null when Outlook has none.'),
    body: itemBody,
    from: recipient('From', 'Who the mail is from; null for drafts.', "The sender's"),
    sender: recipient('Sender', 'The mailbox that sent it (differs from From when sent on behalf); null for drafts.', "The sending mailbox's"),
    toRecipients: recipientList('To', 'The To recipients.'),
    ccRecipients: recipientList('Cc', 'The Cc recipients.'),
    bccRecipients: recipientList('Bcc', 'The Bcc recipients (only on mail the mailbox sent).'),
    replyTo: recipientList('Reply to', 'Where replies should go, when the sender asked for other addresses.', "The reply address's"),
    receivedDateTime: instant('Received', 'When the mail arrived (ISO 8601, UTC, whole seconds).'),
    sentDateTime: instant('Sent', 'When the mail was sent (ISO 8601, UTC); null for drafts.'),
    importance: text('Importance', 'low, normal or high.'),
    isRead: flag('Read', 'Whether the mail has been read.'),
    isDraft: flag('Draft', 'Whether the mail is an unsent draft.'),
    flag: object('Flag', 'The follow-up flag; null when Outlook has none.', {
      flagStatus: text('Flag status', 'notFlagged, flagged or complete.'),
    }),
    categories: strings('Categories', 'Outlook category names on the mail.'),
    hasAttachments: flag('Has attachments', 'Whether the mail has file attachments (not counting inline images).'),
    webLink: text('Link to open the mail in Outlook on the web', 'URL of the mail in Outlook on the web; null when Outlook has none.'),
  }),
};
