/**
 * Files that arrive with an elastic.io message (`msg.attachments`: name -> {url, size, content-type})
 * and how they travel to Graph: checked before any request (names, declared sizes against the
 * per-file limit), then routed: small sets inside the request that creates the mail, the rest
 * of the small files one POST each, files too large for one request through an upload session.
 * Downloads go through openAttachment (readAttachment.ts), so every failure names the file and
 * what to do, and nothing oversized is ever held in memory.
 */
import { InputError } from '../errors';
import { fileAttachmentBody } from '../graph/attachments';
import type { OutgoingFile } from '../graph/attachments';
import { UPLOAD_SESSION_MIN_BYTES } from '../graph/uploadSession';
import { CONTROL_CHARS } from '../validation/text';
import { attachmentLimit, GRAPH_ATTACHMENT_LIMIT_BYTES, overLimit, transferDeadlineMs } from './attachmentLimit';
import { attachmentField, openAttachment } from './readAttachment';
import type { PlannedAttachment, ReadOptions } from './readAttachment';

export type { PlannedAttachment } from './readAttachment';

export interface InlineFile extends OutgoingFile {
  bytes: Buffer;
}

/**
 * Microsoft Graph refuses larger request bodies with 413. Microsoft documents "4 MB": "The Microsoft
 * Graph REST API has a 4 MB request limit. Anything above this will fail with the error message
 * 'request too large (413)'" (learn.microsoft.com/graph/onenote-images-files), and write requests
 * have "a size limit of 4 MB", in some cases lower (learn.microsoft.com/graph/use-the-api). Read as
 * 4,000,000 bytes, the smaller of its two readings, so that neither is exceeded. It bounds the whole
 * JSON body: the mail, its recipients and text, and every file as base64 (a third larger).
 */
export const GRAPH_REQUEST_LIMIT_BYTES = 4_000_000;
const MAX_ATTACHMENTS = 150;

/** Length of `bytes` bytes in base64, padding included: what a file adds to the JSON request. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Bytes of the JSON request body as the Graph client sends it (JSON.stringify, UTF-8). */
export function requestBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

const count = (n: number): string => n.toLocaleString('en-US');

/** `room`: bytes of base64 the request has left for the files. */
function tooLarge(base64Bytes: number, room: number, soFar: boolean): InputError {
  return new InputError('attachments', `the files take ${soFar ? 'at least ' : ''}${count(base64Bytes)} bytes as base64 (files grow by a third), but this mail leaves only ${count(Math.max(room, 0))} of the ${count(GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request, about ${count(Math.max(Math.floor(room / 4) * 3, 0))} bytes of files; send fewer or smaller files`);
}

export interface PlanOptions {
  /** Per-file limit; default: attachmentLimit(env). */
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Validates the shape of msg.attachments, the names, and the sizes the platform declares against
 * the per-file limit; no I/O.
 */
export function planAttachments(attachments: unknown, options: PlanOptions = {}): PlannedAttachment[] {
  if (attachments === undefined || attachments === null) return [];
  if (typeof attachments !== 'object' || Array.isArray(attachments)) {
    throw new InputError('attachments', 'must be the message attachments object (file name -> {url, size, content-type})');
  }
  const entries = Object.entries(attachments as Record<string, unknown>);
  if (entries.length > MAX_ATTACHMENTS) throw new InputError('attachments', `${entries.length} files; at most ${MAX_ATTACHMENTS} are accepted`);
  const maxBytes = options.maxBytes ?? attachmentLimit(options.env);
  return entries.map(([name, value]) => {
    const field = attachmentField(name);
    const file = value as { url?: unknown; size?: unknown; 'content-type'?: unknown } | null;
    if (!name.trim() || name.length > 255 || /[\\/]/.test(name) || CONTROL_CHARS.test(name)) throw new InputError(field, 'the file name must be 1 to 255 characters without slashes or control characters');
    if (!file || typeof file.url !== 'string' || !/^https?:\/\//.test(file.url) || !URL.canParse(file.url)) throw new InputError(field, 'has no readable url: attach the file with a step that stores it on the platform');
    const size = file.size === undefined || file.size === null || file.size === '' ? undefined : Number(file.size);
    if (size !== undefined && (!Number.isFinite(size) || size < 0 || !Number.isInteger(size))) throw new InputError(field, 'size must be a whole number of bytes');
    if (size !== undefined && size > maxBytes) throw new InputError(field, `${overLimit(size, maxBytes)}; nothing was sent`);
    const contentType = typeof file['content-type'] === 'string' && /^[\w.+-]+\/[\w.+-]+/.test(file['content-type']) ? file['content-type'] : 'application/octet-stream';
    return { name, url: file.url, declaredSize: size, contentType };
  });
}

/** The bytes of base64 a request built by `buildRequest` leaves for these files (negative: none fit). */
function roomLeft(files: readonly OutgoingFile[], buildRequest: (files: InlineFile[]) => unknown): number {
  return GRAPH_REQUEST_LIMIT_BYTES - requestBytes(buildRequest(files.map((file) => ({ ...pick(file), bytes: Buffer.alloc(0) }))));
}

/** roomLeft, refusing a mail too large on its own. */
function requestRoom(files: readonly OutgoingFile[], buildRequest: (files: InlineFile[]) => unknown): number {
  const room = roomLeft(files, buildRequest);
  if (room < 0) {
    const skeleton = GRAPH_REQUEST_LIMIT_BYTES - room;
    throw new InputError('body', `the mail is ${count(skeleton)} bytes as a Graph request${files.length ? ' before its files' : ''}, over the ${count(GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request; shorten the body`);
  }
  return room;
}

function pick(file: OutgoingFile): OutgoingFile {
  return {
    name: file.name,
    contentType: file.contentType,
    ...(file.isInline ? { isInline: true } : {}),
    ...(file.contentId ? { contentId: file.contentId } : {}),
  };
}

/**
 * The bytes of base64 the files may take: the request limit less the request built with every file
 * empty (so names, types and the JSON around each file are counted exactly as they will be sent).
 * Refuses before any download when the mail alone or the declared sizes do not fit.
 */
export function inlineRoom(planned: PlannedAttachment[], buildRequest: (files: InlineFile[]) => unknown): number {
  const room = requestRoom(planned, buildRequest);
  const declared = planned.reduce((sum, file) => sum + base64Length(file.declaredSize ?? 0), 0);
  if (declared > room) throw tooLarge(declared, room, false);
  return room;
}

/** A file whose exact size is known (declared, or measured by measureAttachments). */
export interface SizedFile extends OutgoingFile {
  size: number;
}

export interface AttachmentRoutes<T> {
  /** Inside the request that creates the mail (sendMail, or the draft). */
  inline: T[];
  /** Small, but more than that request holds: one POST each to the draft's attachments. */
  post: T[];
  /** Too large for one request: an upload session each (uploadLargeAttachment). */
  session: T[];
}

/**
 * Which files travel how, within Graph's request limit, before any request: a file whose own
 * POST would exceed the limit goes through an upload session (such a file is over 2.9 MB, above
 * the smallest file Graph accepts in a session); of the others, as many as fit (smallest first)
 * go inside the request `buildRequest` makes, the rest one POST each. When `post` and `session`
 * are empty the mail can be sent in one request; otherwise it needs a draft. Lists keep the
 * files' order.
 */
export function routeAttachments<T extends SizedFile>(files: T[], buildRequest: (files: InlineFile[]) => unknown, options: PlanOptions = {}): AttachmentRoutes<T> {
  const maxBytes = options.maxBytes ?? attachmentLimit(options.env);
  for (const file of files) {
    if (file.size > maxBytes) throw new InputError(attachmentField(file.name), `${overLimit(file.size, maxBytes)}; nothing was sent`);
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > GRAPH_ATTACHMENT_LIMIT_BYTES) {
    throw new InputError('attachments', `the files take ${count(total)} bytes together, over the ${count(GRAPH_ATTACHMENT_LIMIT_BYTES)} bytes Microsoft Graph accepts in one mail (and the mailbox may allow less: 35 MB unless an administrator raised it); send fewer or smaller files`);
  }
  const alone = (file: T): number => requestBytes(fileAttachmentBody(file, Buffer.alloc(0))) + base64Length(file.size);
  const session = new Set(files.filter((file) => alone(file) > GRAPH_REQUEST_LIMIT_BYTES));
  for (const file of session) {
    // Follows from the request limit; kept as a check should either number change.
    if (file.size < UPLOAD_SESSION_MIN_BYTES) throw new RangeError(`${file.name}: ${file.size} bytes is below Graph's smallest upload session`);
  }
  const small = files.filter((file) => !session.has(file));
  // Measured with every small file in the request; with fewer it can only be larger.
  let room = roomLeft(small, buildRequest);
  const inline = new Set<T>();
  let used = 0;
  for (const file of [...small].sort((a, b) => a.size - b.size)) {
    if (used + base64Length(file.size) > room) break;
    inline.add(file);
    used += base64Length(file.size);
  }
  // Measured again for the files chosen (and the mail refused if too large on its own), dropping
  // the largest until they fit should a builder grow with fewer files.
  const chosen = (): T[] => small.filter((file) => inline.has(file));
  room = requestRoom(chosen(), buildRequest);
  while (used > room) {
    const largest = chosen().reduce((a, b) => (b.size > a.size ? b : a));
    inline.delete(largest);
    used -= base64Length(largest.size);
    room = requestRoom(chosen(), buildRequest);
  }
  return {
    inline: chosen(),
    post: small.filter((file) => !inline.has(file)),
    session: files.filter((file) => session.has(file)),
  };
}

/**
 * Reads the files one after another into memory for sending inline, stopping as soon as their
 * base64 would exceed `room` (see inlineRoom or routeAttachments), whatever sizes were declared.
 */
export async function downloadAttachments<T extends PlannedAttachment & Partial<OutgoingFile>>(
  planned: T[],
  room: number,
  options: ReadOptions = {},
): Promise<InlineFile[]> {
  const files: InlineFile[] = [];
  let used = 0;
  for (const file of planned) {
    // Nothing larger than the room is read, so the room bounds the deadline of a file of unknown size.
    const timeoutMs = options.timeoutMs ?? transferDeadlineMs(file.declaredSize ?? Math.ceil(room / 4) * 3);
    const { stream } = await openAttachment(file, { ...options, timeoutMs });
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (used + base64Length(size) > room) throw tooLarge(used + base64Length(size), room, true);
        chunks.push(chunk as Buffer);
      }
    } finally {
      stream.destroy();
    }
    used += base64Length(size);
    files.push({ ...pick(file as OutgoingFile), bytes: Buffer.concat(chunks) });
  }
  return files;
}
