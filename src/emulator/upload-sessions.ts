/**
 * Upload sessions for large files on messages and events, one model for both, as Microsoft
 * documents them (attachment-createuploadsession.md, concepts/outlook-large-attachments.md):
 * - `POST .../attachments/createUploadSession {AttachmentItem: {attachmentType, name, size}}` on a
 *   message or an event answers 201 `{uploadUrl, expirationDateTime, nextExpectedRanges: ["0-"]}`;
 *   a file smaller than 2 MiB is refused with 400 ErrorAttachmentSizeShouldNotBeLessThanMinimumSize
 *   (Microsoft's pages say to use sessions from 3 MB; 2,097,152 bytes is the smallest a session
 *   takes, as measured and reported in msgraph-sdk-java#52; src/graph/uploadSession.ts says the
 *   same), one over 150 MB with 413 ErrorMessageSizeExceeded; with delegated permissions on a
 *   mailbox that is not the user's own, 403 ErrorAccessDenied (the known issue the page links:
 *   large attachments in a shared or delegated mailbox fail with 403).
 * - The upload URL is Outlook's (here `{emulator}/api/v2.0/Users('{user}@{tenant}')/{Messages|Events}
 *   ('{id}')/AttachmentSessions('{id}')?authtoken=...`): it carries its own authorisation, and a
 *   request with an `Authorization` header is refused (401; Microsoft says "Do not specify an
 *   Authorization request header"). `PUT` with `Content-Range: bytes {start}-{end}/{total}` takes
 *   the ranges in order, each at most 4 MB: 200 with Outlook's own shape `{"@odata.context",
 *   "ExpirationDateTime", "NextExpectedRanges": ["{next}"]}` (PascalCase, a single start, as the
 *   page shows), the last one 201 with a `Location` naming `Attachments('{id}')` and no body; a
 *   range that does not start at the next expected byte is 416 with the state; `GET` answers the
 *   state; `DELETE` cancels (204). After its expiration date (the emulator's
 *   uploadSessionLifetimeMs, 100 minutes as in Microsoft's message example), or once complete, the
 *   URL answers 404. The finished file is added by the item kind's own attach function.
 */
import { createHash, randomBytes } from 'node:crypto';
import { badRequest, GraphError } from './errors';
import type { GraphRequest } from './graph-request';
import { jsonBody } from './graph-request';
import { graphJson } from './http';
import type { HttpResult } from './http';
import { isObject, param } from './json';
import type { Mailbox } from './mailbox';
import { graphInstant } from './timefmt';
import type { World } from './world';

/** The smallest file an upload session takes (see above). */
export const UPLOAD_SESSION_MIN_BYTES = 2 * 1024 * 1024;
/** Microsoft Graph's largest attachment, "up to 150 MB", read as 150 MiB (the larger reading: the component keeps under the smaller). */
export const UPLOAD_SESSION_MAX_BYTES = 150 * 1024 * 1024;
/** Outlook takes ranges "up to 4 MB each time". */
const MAX_RANGE_BYTES = 4 * 1024 * 1024;

/** A file as createUploadSession's AttachmentItem describes it. */
export interface FileItem {
  name: string;
  size: number;
  contentType: string;
  isInline: boolean;
  contentId: string | null;
}

/** A file whose every byte arrived: the pieces as sent, and their SHA-256. */
export interface UploadedFile {
  item: FileItem;
  chunks: Buffer[];
  sha256: string;
}

/**
 * The message or event a session adds its file to. `attach` runs at the last range: it adds the
 * file through the kind's own model and answers the attachment's id, or undefined when the item
 * is gone.
 */
export interface UploadTarget {
  /** Outlook's v2.0 entity set, in the upload URL and the Location. */
  set: 'Messages' | 'Events';
  itemId: string;
  attach: (file: UploadedFile, now: number) => string | undefined;
}

interface UploadSession {
  id: string;
  token: string;
  mailbox: Mailbox;
  target: UploadTarget;
  item: FileItem;
  expiresAt: number;
  chunks: Buffer[];
  hash: ReturnType<typeof createHash>;
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

/** Reads and checks createUploadSession's AttachmentItem (after the item itself was found). */
function fileItemOf(req: GraphRequest): FileItem {
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
  const contentType = param(item, 'contentType');
  const contentId = param(item, 'contentId');
  return {
    name,
    size,
    contentType: typeof contentType === 'string' && contentType ? contentType : 'application/octet-stream',
    isInline: param(item, 'isInline') === true,
    contentId: typeof contentId === 'string' ? contentId : null,
  };
}

/** Outlook's v2.0 address of the mailbox's user, `{user}@{tenant}`. */
const v2User = (mailbox: Mailbox): string => `${mailbox.user.id}@${mailbox.tenant.id}`;

function itemUrl(world: World, s: UploadSession): string {
  return `${world.baseUrl}/api/v2.0/Users('${v2User(s.mailbox)}')/${s.target.set}('${encodeURIComponent(s.target.itemId)}')`;
}

/** createUploadSession on a message or an event: 201 with the upload URL. */
export function startUploadSession(req: GraphRequest, target: UploadTarget): HttpResult {
  const item = fileItemOf(req);
  const session: UploadSession = {
    id: `AAMkAGUpload${randomBytes(12).toString('base64url')}AAA=`,
    token: randomBytes(24).toString('base64url'),
    mailbox: req.mailbox,
    target,
    item,
    expiresAt: req.world.now() + req.world.options.uploadSessionLifetimeMs,
    chunks: [],
    hash: createHash('sha256'),
    received: 0,
  };
  sessionsOf(req.world).set(session.id, session);
  return graphJson(201, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${itemUrl(req.world, session)}/AttachmentSessions('${encodeURIComponent(session.id)}')?authtoken=${session.token}`,
    expirationDateTime: graphInstant(session.expiresAt),
    nextExpectedRanges: ['0-'],
  });
}

// ---- the upload URL ----

/** Every path of Outlook's v2.0 API: the emulator serves only upload sessions there (404 otherwise). */
export const OUTLOOK_API_PATH = /^\/api\/v2\.0\//i;
/** `/api/v2.0/Users('...')/{Messages|Events}('...')/AttachmentSessions('{id}')`: the session id. */
const UPLOAD_PATH = /^\/api\/v2\.0\/Users\('[^']+'\)\/(Messages|Events)\('[^']+'\)\/AttachmentSessions\('([^']+)'\)$/i;

export interface UploadRequest {
  world: World;
  method: string;
  url: URL;
  authorization: string | undefined;
  contentRange: string | undefined;
  body: Buffer;
  tooLarge: boolean;
}

function sessionAt(world: World, url: URL): UploadSession | undefined {
  const match = UPLOAD_PATH.exec(url.pathname);
  const session = match ? sessionsOf(world).get(decodeURIComponent(match[2])) : undefined;
  return session && session.target.set.toLowerCase() === match?.[1].toLowerCase() ? session : undefined;
}

/** The mailbox an upload URL belongs to (for the concurrency gate), if the session exists. */
export function uploadMailbox(world: World, url: URL): Mailbox | undefined {
  return sessionAt(world, url)?.mailbox;
}

const outlookError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): HttpResult =>
  graphJson(status, { error: { code, message }, ...extra });

function state(world: World, s: UploadSession): Record<string, unknown> {
  return {
    '@odata.context': `${world.baseUrl}/api/v2.0/$metadata#Users('${encodeURIComponent(v2User(s.mailbox))}')/${s.target.set}('${encodeURIComponent(s.target.itemId)}')/AttachmentSessions/$entity`,
    ExpirationDateTime: graphInstant(s.expiresAt),
    NextExpectedRanges: [String(s.received)],
  };
}

const NOT_FOUND = (): HttpResult => outlookError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

/** A request to an upload URL, answered as Outlook answers it. */
export function handleUpload(r: UploadRequest): HttpResult {
  const all = sessionsOf(r.world);
  const session = sessionAt(r.world, r.url);
  if (r.authorization !== undefined) return outlookError(401, 'InvalidAuthenticationToken', 'The upload URL carries its own authorisation: send no Authorization header.');
  if (!session || r.url.searchParams.get('authtoken') !== session.token) return NOT_FOUND();
  if (r.world.now() >= session.expiresAt) {
    all.delete(session.id);
    return NOT_FOUND();
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
  const chunk = Buffer.from(r.body);
  session.chunks.push(chunk);
  session.hash.update(chunk);
  session.received += chunk.length;
  if (session.received < session.item.size) return graphJson(200, state(r.world, session));
  all.delete(session.id);
  const attachmentId = session.target.attach({ item: session.item, chunks: session.chunks, sha256: session.hash.digest('hex') }, r.world.now());
  if (attachmentId === undefined) return NOT_FOUND();
  return {
    status: 201,
    headers: { Location: `${itemUrl(r.world, session)}/Attachments('${encodeURIComponent(attachmentId)}')` },
    text: '',
  };
}
