/**
 * A mail's attachments into the platform's storage, for steps that emit mail (Poll for New Mail,
 * Get Mail): each file streamed from Graph (`/$value`) straight into storage, never held whole.
 * Attached mails, events and contacts come as MIME and are stored as .eml, .ics and .vcf; links
 * to cloud files (reference attachments) are listed without contents; a file above the per-file
 * limit is listed with the reason instead of failing the mail. Each entry is what a step puts in
 * its body's `attachments[]`; `map` is the emitted message's `attachments`.
 */
import { Readable } from 'node:stream';
import { FILE_ATTACHMENT, ITEM_ATTACHMENT, listAttachments, openAttachmentValue } from '../graph/attachments';
import type { AttachmentInfo } from '../graph/attachments';
import type { GraphSession } from '../graph/session';
import { CONTROL_CHARS } from '../validation/text';
import { attachmentLimit, overLimit, transferDeadlineMs } from './attachmentLimit';
import { messageAttachment, StorageError, storeStream } from './storage';
import type { MessageAttachment } from './storage';

export interface MailAttachment {
  /** Graph's attachment id. */
  id: string;
  /** Unique within the mail, safe as a key of the message's attachments (no slashes, no control characters). */
  name: string;
  contentType: string;
  /** Bytes stored; when not stored, Graph's size of the attachment. */
  size: number;
  /** Where the platform keeps it; absent when it was not stored (see `skipped`). */
  url?: string;
  isInline: boolean;
  contentId?: string;
  kind: 'file' | 'item' | 'reference';
  /** Why it was listed without contents. */
  skipped?: string;
}

export interface StoredMailAttachments {
  attachments: MailAttachment[];
  /** The emitted message's `attachments`: name -> {url, size, content-type}, stored files only. */
  map: Record<string, MessageAttachment>;
}

export interface MailAttachmentOptions {
  env?: NodeJS.ProcessEnv;
  /** Per-file limit; default: attachmentLimit(env). */
  maxBytes?: number;
  /** The incoming elastic.io message's id, for the platform's request tracing. */
  msgId?: string;
}

const REFERENCE_REASON = 'a link to a file in the cloud (OneDrive or SharePoint), not a copy of it; Microsoft Graph v1.0 gives neither its contents nor its address';

/** What an attached item's MIME is, from its first line: Graph names none of them. */
export function itemFormat(head: Buffer): { extension: string; contentType: string } {
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 20).toUpperCase();
  if (start.startsWith('BEGIN:VCALENDAR')) return { extension: '.ics', contentType: 'text/calendar' };
  if (start.startsWith('BEGIN:VCARD')) return { extension: '.vcf', contentType: 'text/vcard' };
  return { extension: '.eml', contentType: 'message/rfc822' };
}

/** A file name safe as a key of an elastic.io message's attachments and as a name on disk. */
export function safeFileName(name: string | null | undefined, extension = ''): string {
  const CONTROL = new RegExp(CONTROL_CHARS.source, 'g');
  let base = (name ?? '').replace(CONTROL, '').replace(/[\\/]/g, '_').trim() || 'attachment';
  if (extension && base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length) || 'attachment';
  return `${base.slice(0, 255 - extension.length)}${extension}`;
}

/** `name`, or `name (2)`, `name (3)`... before its extension, unique (ignoring case) among `taken`. */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 240)} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The first bytes of `body` (up to `bytes`, fewer if it ends), and a stream that still yields all of it. */
async function peek(body: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = (body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const { value, done } = await iterator.next();
    if (done) {
      ended = true;
      break;
    }
    taken.push(value);
    length += value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* taken;
    if (ended) return;
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) return;
      yield value;
    }
  }
  const stream = Readable.from(replay(), { objectMode: false });
  stream.once('close', () => body.destroy());
  return { head: Buffer.concat(taken), stream };
}

/** Stores every attachment of the mail at `messagePath`, one after another; see the module comment. */
export async function storeMailAttachments(session: GraphSession, messagePath: string, options: MailAttachmentOptions = {}): Promise<StoredMailAttachments> {
  const env = options.env ?? process.env;
  const maxBytes = options.maxBytes ?? attachmentLimit(env);
  const listed = await listAttachments(session, messagePath);
  const taken = new Set<string>();
  const attachments: MailAttachment[] = [];
  const map: Record<string, MessageAttachment> = {};
  for (const info of listed) {
    const entry = await storeOne(session, messagePath, info, taken, maxBytes, env, options.msgId);
    attachments.push(entry);
    if (entry.url) map[entry.name] = messageAttachment({ url: entry.url, size: entry.size, contentType: entry.contentType });
  }
  return { attachments, map };
}

async function storeOne(session: GraphSession, messagePath: string, info: AttachmentInfo, taken: Set<string>, maxBytes: number, env: NodeJS.ProcessEnv, msgId: string | undefined): Promise<MailAttachment> {
  const kind = info['@odata.type'] === FILE_ATTACHMENT ? 'file' : info['@odata.type'] === ITEM_ATTACHMENT ? 'item' : 'reference';
  const common = { id: info.id, isInline: Boolean(info.isInline), ...(info.contentId ? { contentId: info.contentId } : {}), kind } as const;
  const listedOnly = (reason: string, name = safeFileName(info.name)): MailAttachment => ({
    ...common,
    name: uniqueName(name, taken),
    contentType: info.contentType ?? 'application/octet-stream',
    size: info.size,
    skipped: reason,
  });
  if (kind === 'reference') return listedOnly(REFERENCE_REASON);

  const timeoutMs = transferDeadlineMs(Math.min(info.size, maxBytes));
  const open = async (): Promise<Readable> => (await openAttachmentValue(session, messagePath, info.id, timeoutMs)).body;
  const first = await openAttachmentValue(session, messagePath, info.id, timeoutMs);
  if (first.contentLength !== undefined && first.contentLength > maxBytes) {
    first.body.destroy();
    return listedOnly(`not stored: it ${overLimit(first.contentLength, maxBytes)}`);
  }
  let name = safeFileName(info.name);
  let contentType = info.contentType ?? first.contentType ?? 'application/octet-stream';
  let stream = first.body;
  if (kind === 'item') {
    const peeked = await peek(first.body, 64);
    const format = itemFormat(peeked.head);
    name = safeFileName(info.name, format.extension);
    ({ contentType } = format);
    ({ stream } = peeked);
  }
  try {
    const stored = await storeStream(open, { name, contentType, expectedBytes: first.contentLength ?? Math.min(info.size, maxBytes), maxBytes, first: stream, msgId, env });
    return { ...common, name: uniqueName(name, taken), contentType, size: stored.size, url: stored.url };
  } catch (err) {
    // Larger than announced (or announced without a length): listed like any file over the limit.
    if (err instanceof StorageError && err.reason === 'tooLarge') return listedOnly(`not stored: it ${overLimit(undefined, maxBytes)}`, name);
    throw err;
  }
}
