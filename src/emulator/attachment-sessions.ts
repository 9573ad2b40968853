/**
 * Upload sessions for large files on events ("Attach large files to Outlook messages or events",
 * concepts/outlook-large-attachments.md; attachment-createuploadsession.md). createUploadSession
 * answers a pre-authorised URL on Outlook's own API (`/api/v2.0/Users('...')/Events('...')/
 * AttachmentSessions('...')?authtoken=...`, here on the emulator's host): PUTs of byte ranges in order
 * (`Content-Range: bytes {start}-{end}/{total}`, no Authorization) answer 200 with
 * ExpirationDateTime and NextExpectedRanges (PascalCase, as Outlook's v2.0 API writes them), the
 * last one 201 with a Location naming the attachment; GET tells where the session stands; DELETE
 * cancels it. Sessions expire after 15 minutes of the emulator clock.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphError, notFound } from './errors';
import { graphJson } from './http';
import type { HttpResult } from './http';
import type { Mailbox } from './mailbox';
import type { StoredAttachment, StoredEvent } from './model';
import { graphInstant } from './timefmt';
import type { World } from './world';

/** Graph refuses sessions for small files; users measured the limit at 2 MiB (the pages say "3 MB"). */
export const MIN_SESSION_BYTES = 2 * 1024 * 1024;
/** "files up to 150 MB". */
export const MAX_ATTACHMENT_BYTES = 150 * 1024 * 1024;
const LIFETIME_MS = 15 * 60 * 1000;
/** Files this small keep their bytes (contentBytes can be shown); larger ones only their hash. */
export const KEPT_BYTES = 4 * 1024 * 1024;

export interface FileItem {
  name: string;
  size: number;
  contentType: string;
  isInline: boolean;
  contentId: string | null;
}

interface UploadSession {
  id: string;
  token: string;
  mailbox: Mailbox;
  eventId: string;
  item: FileItem;
  received: number;
  hash: Hash;
  kept: Buffer[];
  expiresAt: number;
}

const SESSIONS = new WeakMap<World, Map<string, UploadSession>>();

function sessionsOf(world: World): Map<string, UploadSession> {
  let map = SESSIONS.get(world);
  if (!map) {
    map = new Map();
    SESSIONS.set(world, map);
  }
  return map;
}

/** Graph's size of a stored file: the bytes and some metadata (a little more, as Graph reports it). */
export function storedSize(bytes: number, name: string): number {
  return bytes + 150 + 2 * name.length;
}

/** Adds a file to the event (the change bumps its change key, as any Exchange write does). */
export function attach(mailbox: Mailbox, event: StoredEvent, item: FileItem, sha256: string, content: Buffer | undefined, now: number): StoredAttachment {
  const attachment: StoredAttachment = {
    id: mailbox.ids.next('attachment'),
    name: item.name,
    contentType: item.contentType,
    size: storedSize(item.size, item.name),
    bytes: item.size,
    sha256,
    isInline: item.isInline,
    contentId: item.contentId,
    lastModifiedAt: now,
    ...(content && { content }),
  };
  mailbox.updateEvent(event, now, (e) => { e.attachments = [...e.attachments, attachment]; });
  return attachment;
}

function v2Base(world: World, mailbox: Mailbox): string {
  return `${world.baseUrl}/api/v2.0/Users('${mailbox.user.id}@${mailbox.tenant.id}')`;
}

export function createUploadSession(world: World, mailbox: Mailbox, event: StoredEvent, item: FileItem): Record<string, unknown> {
  const now = world.now();
  const session: UploadSession = {
    id: randomBytes(16).toString('base64url'),
    token: randomBytes(24).toString('base64url'),
    mailbox,
    eventId: event.id,
    item,
    received: 0,
    hash: createHash('sha256'),
    kept: [],
    expiresAt: now + LIFETIME_MS,
  };
  sessionsOf(world).set(session.id, session);
  return {
    '@odata.context': `${world.baseUrl}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${v2Base(world, mailbox)}/Events('${encodeURIComponent(event.id)}')/AttachmentSessions('${session.id}')?authtoken=${session.token}`,
    expirationDateTime: graphInstant(session.expiresAt),
    nextExpectedRanges: ['0-'],
  };
}

const UPLOAD_PATH = /^\/api\/v2\.0\/Users\('[^']*'\)\/Events\('([^']*)'\)\/AttachmentSessions\('([^']*)'\)$/i;

export function isUploadPath(path: string): boolean {
  return /^\/api\/v2\.0\//i.test(path);
}

function state(world: World, session: UploadSession, status = 200): HttpResult {
  return graphJson(status, {
    '@odata.context': `${v2Base(world, session.mailbox)}/$metadata#Users('${session.mailbox.user.id}%40${session.mailbox.tenant.id}')/Events('${encodeURIComponent(session.eventId)}')/AttachmentSessions/$entity`,
    ExpirationDateTime: graphInstant(session.expiresAt),
    NextExpectedRanges: [String(session.received)],
  });
}

/** A request to an upload URL: GET (where it stands), PUT (a range), DELETE (cancel). */
export function uploadRequest(world: World, method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer): HttpResult {
  const match = UPLOAD_PATH.exec(url.pathname);
  const sessions = sessionsOf(world);
  const session = match ? sessions.get(decodeURIComponent(match[2])) : undefined;
  const now = world.now();
  if (!session || url.searchParams.get('authtoken') !== session.token || now >= session.expiresAt) {
    if (session && now >= session.expiresAt) sessions.delete(session.id);
    throw notFound();
  }
  if (method === 'GET') return state(world, session);
  if (method === 'DELETE') {
    sessions.delete(session.id);
    return { status: 204 };
  }
  if (method !== 'PUT') throw new GraphError(405, 'ErrorInvalidRequest', `The OData request is not supported: ${method} is not allowed on this resource.`);
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range'] ?? ''));
  if (!range || Number(range[3]) !== session.item.size) {
    throw new GraphError(400, 'InvalidRequest', 'The Content-Range header is missing or does not match the size of the upload session.');
  }
  const start = Number(range[1]);
  const end = Number(range[2]);
  if (start !== session.received || end < start || end >= session.item.size) return state(world, session, 416);
  if (body.length !== end - start + 1) throw new GraphError(400, 'InvalidRequest', 'The number of bytes received does not match the Content-Range header.');
  session.hash.update(body);
  if (session.item.size <= KEPT_BYTES) session.kept.push(body);
  session.received += body.length;
  if (session.received < session.item.size) return state(world, session);
  sessions.delete(session.id);
  const event = session.mailbox.event(session.eventId);
  if (!event) throw notFound();
  const content = session.item.size <= KEPT_BYTES ? Buffer.concat(session.kept) : undefined;
  const attachment = attach(session.mailbox, event, session.item, session.hash.digest('hex'), content, now);
  return {
    status: 201,
    headers: { Location: `${v2Base(world, session.mailbox)}/Events('${encodeURIComponent(event.id)}')/Attachments('${encodeURIComponent(attachment.id)}')` },
  };
}
