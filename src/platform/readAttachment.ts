/**
 * Reading a file an elastic.io message carries (`msg.attachments[name] = {url, size, content-type}`)
 * as a stream: from the platform's storage through its client when the URL is the storage's, from
 * anywhere else through the egress guard (guardedGet), which never sends the storage token
 * elsewhere. Sizes are checked against the per-file limit before any request (the declared
 * size), before the body (Content-Length) and while it streams (the bytes themselves); every
 * failure names the file (attachments["name"]) and what to do.
 */
import { Readable } from 'node:stream';
import { ClientTransportError } from '@elastic.io/maester-client/dist/src/errors';
import { InputError } from '../errors';
import { quote } from '../validation/echo';
import { attachmentLimit, overLimit, transferDeadlineMs } from './attachmentLimit';
import { DownloadError, guardedGet } from './guardedGet';
import type { GuardedGetOptions } from './guardedGet';
import { GuardedStream } from './guardedStream';
import { storageClient, storageConfig, storageObjectId } from './storage';

/** A file named by an incoming message, as planAttachments reads it. */
export interface PlannedAttachment {
  name: string;
  url: string;
  declaredSize?: number;
  contentType: string;
}

export interface OpenedAttachment {
  /** The bytes; fails with an InputError naming the file. Read it to the end or destroy it. */
  stream: Readable;
  /** The declared size, else the download's Content-Length; undefined when neither tells. */
  size: number | undefined;
}

export interface ReadOptions {
  env?: NodeJS.ProcessEnv;
  /** Per-file limit; default: attachmentLimit(env). */
  maxBytes?: number;
  /** Deadline of the whole download; default: transferDeadlineMs of the size or the limit. */
  timeoutMs?: number;
  /** dns.lookup or a stand-in, for guardedGet (tests map names to addresses). */
  resolve?: GuardedGetOptions['resolve'];
  /** The incoming message's id, sent to the storage for the platform's request tracing. */
  msgId?: string;
}

/** How long the storage may take to start answering; the body has the transfer deadline. */
const STORAGE_HEADERS_TIMEOUT_MS = 60_000;

export function attachmentField(name: string): string {
  return `attachments[${quote(name.slice(0, 60))}]`;
}

function downloadFailure(field: string, err: DownloadError): InputError {
  if (err.kind === 'config') return new InputError(field, err.message);
  if (err.kind === 'refused') return new InputError(field, `${err.message}; attach the file with a step that stores it on the platform`);
  return new InputError(field, `could not be downloaded: ${err.message}. Retry the message; if it keeps failing, check that the platform's storage is reachable and the file still exists`);
}

function storageFailure(field: string, err: unknown): InputError {
  if (err instanceof ClientTransportError) {
    if (err.code === 404) return new InputError(field, 'no longer exists in the platform\'s storage (HTTP 404); its link may have expired: re-run the step that attached the file');
    if (err.code === 401 || err.code === 403) return new InputError(field, `the platform's storage refused the component's token (HTTP ${err.code}); retry the message, and if it keeps failing report it to the platform's support`);
    return new InputError(field, `could not be read from the platform's storage (HTTP ${err.code}); retry the message`);
  }
  const detail = err instanceof Error ? err.message.slice(0, 160) : 'unknown error';
  return new InputError(field, `could not be downloaded from the platform's storage (${detail}). Retry the message; if it keeps failing, check that the platform's storage is reachable`);
}

/** Content-Length when it is the length of the bytes read (no content coding in between). */
function lengthOf(headers: Record<string, unknown>): number | undefined {
  const length = headers['content-length'];
  const coding = headers['content-encoding'];
  if (coding && coding !== 'identity') return undefined;
  return typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : undefined;
}

/**
 * Opens the file for reading. Refuses, before any request, a declared size above the limit;
 * before the body, a Content-Length above it; and fails the stream as soon as the bytes exceed it.
 */
export async function openAttachment(file: PlannedAttachment, options: ReadOptions = {}): Promise<OpenedAttachment> {
  const env = options.env ?? process.env;
  const field = attachmentField(file.name);
  const maxBytes = options.maxBytes ?? attachmentLimit(env);
  const tooLarge = (bytes: number | undefined, when: string): InputError => new InputError(field, `${overLimit(bytes, maxBytes)}${when}; it was not sent`);
  if (file.declaredSize !== undefined && file.declaredSize > maxBytes) throw tooLarge(file.declaredSize, '');
  const timeoutMs = options.timeoutMs ?? transferDeadlineMs(file.declaredSize ?? maxBytes);
  const config = storageConfig(env);
  const objectId = storageObjectId(file.url, config);

  let source: Readable;
  let headers: Record<string, unknown>;
  let deadlineMs: number | undefined;
  if (objectId && config) {
    try {
      const response = await storageClient(config, options.msgId).getOne(objectId, {
        responseType: 'stream',
        retryOptions: { requestTimeout: STORAGE_HEADERS_TIMEOUT_MS },
      }) as { data: Readable; headers: Record<string, unknown> };
      ({ data: source, headers } = response);
    } catch (err) {
      throw storageFailure(field, err);
    }
    // The storage client's deadline covers the wait for headers only; the body gets its own.
    deadlineMs = timeoutMs;
  } else {
    let response;
    try {
      response = await guardedGet(file.url, { timeoutMs, env, resolve: options.resolve });
    } catch (err) {
      throw err instanceof DownloadError ? downloadFailure(field, err) : err;
    }
    if (response.status < 200 || response.status > 299) {
      response.close();
      throw new InputError(field, `could not be downloaded (HTTP ${response.status}); the link may have expired: re-run the step that attached the file, or check that it still exists`);
    }
    const { body, close } = response;
    source = Readable.from(body, { objectMode: false });
    source.once('close', close);
    headers = response.headers as Record<string, unknown>;
  }

  const length = lengthOf(headers);
  if (length !== undefined && length > maxBytes) {
    source.destroy();
    throw tooLarge(length, ' (as the download announced it)');
  }
  const stream = new GuardedStream({
    open: () => source,
    maxBytes,
    tooLarge: () => tooLarge(undefined, ' (it grew past it while being read)'),
    deadlineMs,
    late: (received) => new InputError(field, `could not be downloaded: the platform's storage did not deliver it within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (${received} bytes arrived). Retry the message`),
    failed: (err, received) => {
      if (err instanceof InputError) return err;
      if (err instanceof DownloadError) return downloadFailure(field, err);
      return new InputError(field, `could not be downloaded: the connection failed after ${received} bytes (${err instanceof Error ? err.message.slice(0, 120) : 'error'}). Retry the message`);
    },
  });
  // Destroyed unread, the guarded stream never touched its source: close the download here.
  stream.once('close', () => source.destroy());
  return { stream, size: file.declaredSize ?? (objectId ? undefined : length) };
}

/**
 * The size of each file: the declared one, else the download's Content-Length, else counted by
 * reading the file through once (never holding it). An upload session must name it up front.
 */
export async function measureAttachments<T extends PlannedAttachment>(files: T[], options: ReadOptions = {}): Promise<Array<T & { size: number }>> {
  const sized: Array<T & { size: number }> = [];
  for (const file of files) {
    if (file.declaredSize !== undefined) {
      sized.push({ ...file, size: file.declaredSize });
      continue;
    }
    const opened = await openAttachment(file, options);
    let size = opened.size;
    if (size === undefined) {
      size = 0;
      for await (const chunk of opened.stream) size += (chunk as Buffer).length;
    } else {
      opened.stream.destroy();
    }
    sized.push({ ...file, size });
  }
  return sized;
}
