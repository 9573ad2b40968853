/**
 * The Graph request bodies of a new mail, pure so that tests can hold them to Graph's schema:
 * `POST /sendMail` (sent at once) and `POST /messages` (a draft, which can carry the duplicate
 * guard's key). The files given travel inside the request, as base64.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import { fileAttachmentBody } from './attachments';
import type { OutgoingFile } from './attachments';
import type { ExtendedProperty } from './sendKey';
import { toRecipients } from '../validation/addresses';
import type { MailDraft } from '../validation/mailInput';

/** A file travelling inside the request. */
export type InlineFile = OutgoingFile & { bytes: Buffer };

/** Graph needs the derived type named on each attachment; the typings do not model `@odata.type`. */
export type OutgoingMessage = Omit<Message, 'attachments' | 'singleValueExtendedProperties'> & {
  attachments?: Array<Record<string, unknown>>;
  singleValueExtendedProperties?: ExtendedProperty[];
};

/** The message resource of `draft` with `files` inside it. */
export function buildMessage(draft: MailDraft, files: InlineFile[]): OutgoingMessage {
  const message: OutgoingMessage = {
    subject: draft.subject,
    body: { contentType: draft.bodyContentType, content: draft.body },
    toRecipients: toRecipients(draft.to),
    ccRecipients: toRecipients(draft.cc),
    bccRecipients: toRecipients(draft.bcc),
    importance: draft.importance,
  };
  if (draft.from) [message.from] = toRecipients([draft.from]);
  if (draft.replyTo.length) message.replyTo = toRecipients(draft.replyTo);
  if (files.length) message.attachments = files.map((file) => fileAttachmentBody(file, file.bytes));
  return message;
}

/** The sendMail request body. */
export function buildSendMailRequest(draft: MailDraft, files: InlineFile[]): { message: OutgoingMessage; saveToSentItems: boolean } {
  return { message: buildMessage(draft, files), saveToSentItems: draft.saveToSentItems };
}

/** The POST /messages body of a draft, tagged with `tags` (the guard's key; none when it is off). */
export function buildDraftRequest(draft: MailDraft, files: InlineFile[], tags: ExtendedProperty[]): OutgoingMessage {
  const message = buildMessage(draft, files);
  if (tags.length) message.singleValueExtendedProperties = tags;
  return message;
}
