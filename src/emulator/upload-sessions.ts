/**
 * Adding files to a message, as Microsoft documents it:
 * - `POST /messages/{id}/attachments` (message-post-attachments.md): 201 with the attachment; the
 *   whole request is bounded by Graph's 4 MB (413 from server.ts), so a file over about 3 MB needs
 * - an upload session (attachment-createuploadsession.md, concepts/outlook-large-attachments.md):
 *   `POST .../attachments/createUploadSession {AttachmentItem: {attachmentType, name, size}}` answers
 *   201 `{uploadUrl, expirationDateTime, nextExpectedRanges: ["0-"]}`; a file smaller than 2 MiB is
 *   refused with 400 ErrorAttachmentSizeShouldNotBeLessThanMinimumSize (Microsoft's pages say to use
 *   sessions from 3 MB; 2,097,152 bytes is the smallest a session takes, as measured and reported
 *   in msgraph-sdk-java#52; src/graph/uploadSession.ts says the same), one over 150 MB with 413
 *   ErrorMessageSizeExceeded; with delegated permissions on a mailbox that is not the user's own,
 *   403 ErrorAccessDenied (the known issue the page links: large attachments in a shared or
 *   delegated mailbox fail with 403).
 * - The upload URL is Outlook's (here `{emulator}/api/v2.0/Users('{user}@{tenant}')/Messages('{id}')/
 *   AttachmentSessions('{id}')?authtoken=...`): it carries its own authorisation, and a request with
 *   an `Authorization` header is refused (401; Microsoft says "Do not specify an Authorization
 *   request header"). `PUT` with `Content-Range: bytes {start}-{end}/{total}` takes the ranges in
 *   order: 200 with Outlook's own shape `{"@odata.context", "ExpirationDateTime",
 *   "NextExpectedRanges": ["{next}"]}` (PascalCase, a single start, as the page shows), the last one
 *   201 with a `Location` naming `Attachments('{id}')` and no body; a range that does not start at
 *   the next expected byte is 416 with the state; `GET` answers the state; `DELETE` cancels (204).
 *   After its expiration date, or once complete, the URL answers 404. The attachment then appears
 *   on the message with Graph's size (its bytes plus some metadata).
 */
import { createHash, randomBytes } from 'node:crypto';
import { attachmentsOf, renderAttachment } from './attachments';
import { badRequest, GraphError } from './errors';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { jsonBody, lookup } from './graph-request';
import { graphJson } from './http';
import type { HttpResult } from './http';
import { isObject, param } from './json';
import type { Mailbox } from './mailbox';
import type { AttachmentInfo, StoredMessage } from './model';
import { readAttachments } from './send-mail';
import { graphInstant } from './timefmt';
import type { World } from './world';

/** The smallest file an upload session takes (see above). */
export const UPLOAD_SESSION_MIN_BYTES = 2 * 1024 * 1024;
/** Microsoft Graph's largest attachment, "up to 150 MB", read as 150 MiB (the larger reading: the component keeps under the smaller). */
export const UPLOAD_SESSION_MAX_BYTES = 150 * 1024 * 1024;
/** Outlook takes ranges "up to 4 MB each time". */
const MAX_RANGE_BYTES = 4 * 1024 * 1024;

interface UploadSession {
  id: string;
  token: string;
  mailbox: Mailbox;
  message: StoredMessage;
  item: { name: string; size: number; contentType: string; isInline: boolean; contentId?: string };
  expiresAt: number;
  chunks: Buffer[];
  received: number;
}

const sessions = new WeakMap<World, Map<string, UploadSession>>();

function sessionsOf(world: World): Map<string, UploadSession> {
  let found = sessions.get(world);
  if (!found) {
    found = new Map();
    sessions.set(world, found);
  }
  return found;
}

const messageOf = (req: GraphRequest, messageId: string): StoredMessage => lookup(messageId, (id) => req.mailbox.message(id));

/** Adds a file to a message as its next attachment. */
function attach(mailbox: Mailbox, message: StoredMessage, attachment: AttachmentInfo, now: number): number {
  mailbox.updateMessage(message, now, (m) => {
    m.attachments = [...m.attachments, attachment];
    m.hasAttachments = true;
  });
  return message.attachments.length - 1;
}

const addAttachment: GraphHandler = (req, { messageId }) => {
  const message = messageOf(req, messageId);
  const [attachment] = readAttachments([jsonBody(req)]);
  const index = attach(req.mailbox, message, attachment, req.world.now());
  const ref = attachmentsOf(message)[index];
  return graphJson(201, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments/$entity`,
    ...renderAttachment(ref),
  });
};

const createUploadSession: GraphHandler = (req, { messageId }) => {
  const message = messageOf(req, messageId);
  const item = param(jsonBody(req), 'AttachmentItem');
  if (!isObject(item)) throw badRequest("The 'AttachmentItem' parameter is required.");
  const type = param(item, 'attachmentType');
  const name = param(item, 'name');
  const size = param(item, 'size');
  if (type !== undefined && String(type).toLowerCase() !== 'file') throw badRequest(`Requested value '${String(type)}' was not found.`);
  if (typeof name !== 'string' || !name) throw badRequest("The 'name' of the AttachmentItem is required.");
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw badRequest("The 'size' of the AttachmentItem is required: the file's size in bytes.");
  if (size < UPLOAD_SESSION_MIN_BYTES) {
    throw new GraphError(400, 'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize', 'Attachment size should not be less than the minimum size for an upload session; attach a smaller file with a single POST.');
  }
  if (size > UPLOAD_SESSION_MAX_BYTES) throw new GraphError(413, 'ErrorMessageSizeExceeded', 'The message exceeds the maximum supported size.');
  // The known issue: delegated, large attachments only on the user's own mailbox.
  if (req.caller.kind === 'delegated' && req.caller.user !== req.mailbox) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  const now = req.world.now();
  const contentType = param(item, 'contentType');
  const contentId = param(item, 'contentId');
  const session: UploadSession = {
    id: `AAMkAGUpload${randomBytes(12).toString('base64url')}AAA=`,
    token: randomBytes(24).toString('base64url'),
    mailbox: req.mailbox,
    message,
    item: {
      name,
      size,
      contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream',
      isInline: param(item, 'isInline') === true,
      ...(typeof contentId === 'string' && { contentId }),
    },
    expiresAt: now + req.world.options.uploadSessionLifetimeMs,
    chunks: [],
    received: 0,
  };
  sessionsOf(req.world).set(session.id, session);
  return graphJson(201, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${req.world.baseUrl}/api/v2.0/Users('${req.mailbox.user.id}@${req.mailbox.tenant.id}')/Messages('${encodeURIComponent(message.immutableId)}')/AttachmentSessions('${encodeURIComponent(session.id)}')?authtoken=${session.token}`,
    expirationDateTime: graphInstant(session.expiresAt),
    nextExpectedRanges: ['0-'],
  });
};

export const UPLOAD_ROUTES: readonly GraphRoute[] = [
  { method: 'POST', pattern: '/messages/{messageId}/attachments', handler: addAttachment, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/messages/{messageId}/attachments/createUploadSession', handler: createUploadSession, permission: 'Mail.ReadWrite' },
];

// ---- the upload URL ----

/** `/api/v2.0/Users('...')/Messages('...')/AttachmentSessions('{id}')`: the session id. */
export const UPLOAD_PATH = /^\/api\/v2\.0\/Users\('([^']+)'\)\/Messages\('([^']+)'\)\/AttachmentSessions\('([^']+)'\)$/;

export interface UploadRequest {
  world: World;
  method: string;
  url: URL;
  authorization: string | undefined;
  contentRange: string | undefined;
  body: Buffer;
  tooLarge: boolean;
}

/** The mailbox an upload URL belongs to (for the concurrency gate), if the session exists. */
export function uploadMailbox(world: World, url: URL): Mailbox | undefined {
  const match = UPLOAD_PATH.exec(url.pathname);
  return match ? sessionsOf(world).get(decodeURIComponent(match[3]))?.mailbox : undefined;
}

const outlookError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): HttpResult =>
  graphJson(status, { error: { code, message }, ...extra });

function state(world: World, s: UploadSession): Record<string, unknown> {
  const user = `${s.mailbox.user.id}@${s.mailbox.tenant.id}`;
  return {
    '@odata.context': `${world.baseUrl}/api/v2.0/$metadata#Users('${encodeURIComponent(user)}')/Messages('${encodeURIComponent(s.message.immutableId)}')/AttachmentSessions/$entity`,
    ExpirationDateTime: graphInstant(s.expiresAt),
    NextExpectedRanges: [String(s.received)],
  };
}

/** A request to an upload URL, answered as Outlook answers it. */
export function handleUpload(r: UploadRequest): HttpResult {
  const match = UPLOAD_PATH.exec(r.url.pathname);
  const all = sessionsOf(r.world);
  const session = match ? all.get(decodeURIComponent(match[3])) : undefined;
  if (r.authorization !== undefined) return outlookError(401, 'InvalidAuthenticationToken', 'The upload URL carries its own authorisation: send no Authorization header.');
  if (!session || r.url.searchParams.get('authtoken') !== session.token || r.world.now() >= session.expiresAt) {
    return outlookError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
  if (r.method === 'GET') return graphJson(200, state(r.world, session));
  if (r.method === 'DELETE') {
    all.delete(session.id);
    return { status: 204 };
  }
  if (r.method !== 'PUT') return outlookError(405, 'ErrorInvalidRequest', `${r.method} is not allowed on an upload session.`);
  if (r.tooLarge) return outlookError(413, 'ErrorRequestEntityTooLarge', 'A range may be at most 4 MB.');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(r.contentRange ?? '');
  if (!range) return outlookError(400, 'ErrorInvalidRequest', "A 'Content-Range: bytes {start}-{end}/{total}' header is required.");
  const [start, end, total] = range.slice(1).map(Number);
  if (total !== session.item.size) return outlookError(400, 'ErrorInvalidRequest', `The total size ${total} is not the session's ${session.item.size}.`);
  if (start !== session.received) return outlookError(416, 'ErrorInvalidRange', `The range must start at byte ${session.received}.`, state(r.world, session));
  if (end < start || end >= total || r.body.length !== end - start + 1) return outlookError(400, 'ErrorInvalidRequest', 'The body is not the length the Content-Range names.');
  if (r.body.length > MAX_RANGE_BYTES) return outlookError(413, 'ErrorRequestEntityTooLarge', 'A range may be at most 4 MB.');
  session.chunks.push(Buffer.from(r.body));
  session.received += r.body.length;
  if (session.received < session.item.size) return graphJson(200, state(r.world, session));
  all.delete(session.id);
  const index = attach(session.mailbox, session.message, {
    ...session.item, kind: 'file', chunks: session.chunks,
  }, r.world.now());
  const attachmentId = renderAttachment(attachmentsOf(session.message)[index]).id as string;
  const user = `${session.mailbox.user.id}@${session.mailbox.tenant.id}`;
  return {
    status: 201,
    headers: { Location: `${r.world.baseUrl}/api/v2.0/Users('${user}')/Messages('${encodeURIComponent(session.message.immutableId)}')/Attachments('${encodeURIComponent(attachmentId)}')` },
    text: '',
  };
}

/** SHA-256 of an attachment's bytes as a client sent them (specs and the chaos run compare by it). */
export function sentSha256(attachment: AttachmentInfo): string | undefined {
  if (!attachment.chunks) return undefined;
  const hash = createHash('sha256');
  for (const chunk of attachment.chunks) hash.update(chunk);
  return hash.digest('hex');
}
