/**
 * Files that arrive with an elastic.io message (`msg.attachments`: name -> {url, size, content-type})
 * read from the platform's storage for sending inline. Sizes are checked before and while reading,
 * so an oversized file fails fast and is never held whole in memory; downloads go through the
 * egress guard (guardedGet), and every failure names the file and what to do.
 */
import { InputError } from '../errors';
import { quote } from '../validation/echo';
import { CONTROL_CHARS } from '../validation/text';
import { DownloadError, guardedGet } from './guardedGet';
import type { GuardedGetOptions } from './guardedGet';

export interface PlannedAttachment {
  name: string;
  url: string;
  declaredSize?: number;
  contentType: string;
}

export interface InlineFile {
  name: string;
  contentType: string;
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
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** Length of `bytes` bytes in base64, padding included: what a file adds to the JSON request. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Bytes of the JSON request body as the Graph client sends it (JSON.stringify, UTF-8). */
export function requestBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

const count = (n: number): string => n.toLocaleString('en-US');

function fieldOf(name: string): string {
  return `attachments[${quote(name.slice(0, 60))}]`;
}

/** `room`: bytes of base64 the request has left for the files. */
function tooLarge(base64Bytes: number, room: number, soFar: boolean): InputError {
  return new InputError('attachments', `the files take ${soFar ? 'at least ' : ''}${count(base64Bytes)} bytes as base64 (files grow by a third), but this mail leaves only ${count(Math.max(room, 0))} of the ${count(GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request, about ${count(Math.max(Math.floor(room / 4) * 3, 0))} bytes of files; send fewer or smaller files (larger attachments are not supported yet)`);
}

/** Validates the shape of msg.attachments and the sizes the platform declares; no I/O. */
export function planAttachments(attachments: unknown): PlannedAttachment[] {
  if (attachments === undefined || attachments === null) return [];
  if (typeof attachments !== 'object' || Array.isArray(attachments)) {
    throw new InputError('attachments', 'must be the message attachments object (file name -> {url, size, content-type})');
  }
  const entries = Object.entries(attachments as Record<string, unknown>);
  if (entries.length > MAX_ATTACHMENTS) throw new InputError('attachments', `${entries.length} files; at most ${MAX_ATTACHMENTS} are accepted`);
  return entries.map(([name, value]) => {
    const field = fieldOf(name);
    const file = value as { url?: unknown; size?: unknown; 'content-type'?: unknown } | null;
    if (!name.trim() || name.length > 255 || /[\\/]/.test(name) || CONTROL_CHARS.test(name)) throw new InputError(field, 'the file name must be 1 to 255 characters without slashes or control characters');
    if (!file || typeof file.url !== 'string' || !/^https?:\/\//.test(file.url) || !URL.canParse(file.url)) throw new InputError(field, 'has no readable url: attach the file with a step that stores it on the platform');
    const size = file.size === undefined || file.size === null || file.size === '' ? undefined : Number(file.size);
    if (size !== undefined && (!Number.isFinite(size) || size < 0)) throw new InputError(field, 'size must be a number of bytes');
    const contentType = typeof file['content-type'] === 'string' && /^[\w.+-]+\/[\w.+-]+/.test(file['content-type']) ? file['content-type'] : 'application/octet-stream';
    return { name, url: file.url, declaredSize: size, contentType };
  });
}

/**
 * The bytes of base64 the files may take: the request limit less the request built with every file
 * empty (so names, types and the JSON around each file are counted exactly as they will be sent).
 * Refuses before any download when the mail alone or the declared sizes do not fit.
 */
export function inlineRoom(planned: PlannedAttachment[], buildRequest: (files: InlineFile[]) => unknown): number {
  const skeleton = requestBytes(buildRequest(planned.map((file) => ({ name: file.name, contentType: file.contentType, bytes: Buffer.alloc(0) }))));
  const room = GRAPH_REQUEST_LIMIT_BYTES - skeleton;
  if (room < 0) {
    throw new InputError('body', `the mail is ${count(skeleton)} bytes as a Graph request${planned.length ? ' before its files' : ''}, over the ${count(GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request; shorten the body`);
  }
  const declared = planned.reduce((sum, file) => sum + base64Length(file.declaredSize ?? 0), 0);
  if (declared > room) throw tooLarge(declared, room, false);
  return room;
}

function downloadFailure(field: string, err: DownloadError): InputError {
  if (err.kind === 'config') return new InputError(field, err.message);
  if (err.kind === 'refused') return new InputError(field, `${err.message}; attach the file with a step that stores it on the platform`);
  return new InputError(field, `could not be downloaded: ${err.message}. Retry the message; if it keeps failing, check that the platform's storage is reachable and the file still exists`);
}

/**
 * Reads the files one after another, stopping as soon as their base64 would exceed `room`
 * (see inlineRoom), whatever sizes were declared.
 */
export async function downloadAttachments(
  planned: PlannedAttachment[],
  room: number,
  options: Partial<GuardedGetOptions> = {},
): Promise<InlineFile[]> {
  const files: InlineFile[] = [];
  let used = 0;
  for (const file of planned) {
    const field = fieldOf(file.name);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const response = await guardedGet(file.url, { ...options, timeoutMs: options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS });
      if (response.status < 200 || response.status > 299) {
        response.close();
        throw new InputError(field, `could not be downloaded from the platform storage (HTTP ${response.status}); the link may have expired: re-run the step that attached the file, or check that it still exists`);
      }
      for await (const chunk of response.body) {
        size += chunk.length;
        // Leaving the loop by throwing closes the download.
        if (used + base64Length(size) > room) throw tooLarge(used + base64Length(size), room, true);
        chunks.push(chunk);
      }
    } catch (err) {
      throw err instanceof DownloadError ? downloadFailure(field, err) : err;
    }
    used += base64Length(size);
    files.push({ name: file.name, contentType: file.contentType, bytes: Buffer.concat(chunks) });
  }
  return files;
}
