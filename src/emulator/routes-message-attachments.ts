/**
 * Adding files to a message, as Microsoft documents it: `POST /messages/{id}/attachments`
 * (message-post-attachments.md) answers 201 with the attachment, the whole request bounded by
 * Graph's 4 MB (413 from server.ts); a larger file goes through an upload session
 * (upload-sessions.ts), which adds it here at its last range. The attachment then appears on the
 * message with Graph's size (its bytes plus some metadata).
 */
import { attachmentsOf, renderAttachment } from './attachments';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { jsonBody, lookup } from './graph-request';
import { graphJson } from './http';
import type { Mailbox } from './mailbox';
import type { AttachmentInfo, StoredMessage } from './model';
import { readAttachments } from './send-mail';
import { startUploadSession } from './upload-sessions';
import type { UploadedFile } from './upload-sessions';

const messageOf = (req: GraphRequest, messageId: string): StoredMessage => lookup(messageId, (id) => req.mailbox.message(id));

/** Adds a file to a message as its next attachment; answers the attachment as Graph renders it. */
function attach(mailbox: Mailbox, message: StoredMessage, attachment: AttachmentInfo, now: number): Record<string, unknown> {
  mailbox.updateMessage(message, now, (m) => {
    m.attachments = [...m.attachments, attachment];
    m.hasAttachments = true;
  });
  return renderAttachment(attachmentsOf(message)[message.attachments.length - 1]);
}

const addAttachment: GraphHandler = (req, { messageId }) => {
  const message = messageOf(req, messageId);
  const [attachment] = readAttachments([jsonBody(req)]);
  return graphJson(201, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments/$entity`,
    ...attach(req.mailbox, message, attachment, req.world.now()),
  });
};

const createUploadSession: GraphHandler = (req, { messageId }) => {
  const { immutableId } = messageOf(req, messageId);
  const { mailbox } = req;
  return startUploadSession(req, {
    set: 'Messages',
    itemId: immutableId,
    attach: ({ item, chunks }: UploadedFile, now: number) => {
      // The message may have moved (a new REST id) since the session began: found by its immutable id.
      const message = mailbox.message(immutableId);
      const { contentId, ...rest } = item;
      return message && attach(mailbox, message, { ...rest, ...(contentId !== null && { contentId }), kind: 'file', chunks }, now).id as string;
    },
  });
};

export const MESSAGE_ATTACHMENT_ROUTES: readonly GraphRoute[] = [
  { method: 'POST', pattern: '/messages/{messageId}/attachments', handler: addAttachment, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/messages/{messageId}/attachments/createUploadSession', handler: createUploadSession, permission: 'Mail.ReadWrite' },
];
