/**
 * The platform's object storage (Maester), through its own client, @elastic.io/maester-client:
 * where the files an elastic.io message carries live. The platform gives each container the
 * storage's address (ELASTICIO_OBJECT_STORAGE_URI) and a token (ELASTICIO_OBJECT_STORAGE_TOKEN,
 * sent as the bearer, as the sailor does); an object's URL is
 * `${ELASTICIO_OBJECT_STORAGE_URI}/objects/<id>?storage_type=maester`.
 *
 * Storing takes a function that opens the source, not a stream: the client repeats a failed
 * upload, and each attempt needs the file from its first byte again.
 */
import type { Readable } from 'node:stream';
import { ObjectStorage } from '@elastic.io/maester-client';
import { ClientTransportError, ObjectStorageClientError, ServerTransportError } from '@elastic.io/maester-client/dist/src/errors';
import { quote } from '../validation/echo';
import { attachmentLimit, MAX_BYTES_VARIABLE, overLimit, transferDeadlineMs } from './attachmentLimit';
import { GuardedStream } from './guardedStream';

export const STORAGE_URI_VARIABLE = 'ELASTICIO_OBJECT_STORAGE_URI';
export const STORAGE_TOKEN_VARIABLE = 'ELASTICIO_OBJECT_STORAGE_TOKEN';
const USER_AGENT = 'outlook-component';
/** How often a failed upload is repeated (the client's own default, named here for the error message). */
const STORE_RETRIES = 3;

export interface StorageConfig {
  uri: string;
  token: string;
}

/** The storage the platform configured for this container; undefined outside the platform. */
export function storageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig | undefined {
  const uri = env[STORAGE_URI_VARIABLE]?.trim().replace(/\/+$/, '');
  const token = env[STORAGE_TOKEN_VARIABLE];
  if (!uri || !token || !URL.canParse(uri)) return undefined;
  return { uri, token };
}

/**
 * The object id when `url` names an object of the platform's storage (its origin and path, then
 * /objects/<id>); undefined for any other URL, which is then fetched as a plain download.
 */
export function storageObjectId(url: string, config: StorageConfig | undefined): string | undefined {
  if (!config || !URL.canParse(url)) return undefined;
  const base = new URL(config.uri);
  const target = new URL(url);
  if (target.origin !== base.origin) return undefined;
  const prefix = `${base.pathname.replace(/\/+$/, '')}/objects/`;
  if (!target.pathname.startsWith(prefix)) return undefined;
  const id = target.pathname.slice(prefix.length);
  if (!/^[\w.~-]+$/.test(id)) return undefined;
  return id;
}

/** The URL an elastic.io message carries for a stored object. */
export function objectUrl(config: StorageConfig, id: string): string {
  return `${config.uri}/objects/${encodeURIComponent(id)}?storage_type=maester`;
}

export function storageClient(config: StorageConfig, msgId?: string): ObjectStorage {
  return new ObjectStorage({ uri: config.uri, jwtSecret: config.token, userAgent: USER_AGENT, msgId });
}

/** What storing a file returns: the url, size and content type an elastic.io message's attachments entry needs. */
export interface StoredFile {
  url: string;
  /** The bytes actually stored. */
  size: number;
  contentType: string;
}

/** An entry of an elastic.io message's `attachments` map. */
export interface MessageAttachment {
  url: string;
  size: number;
  'content-type': string;
}

export function messageAttachment(file: StoredFile): MessageAttachment {
  return { url: file.url, size: file.size, 'content-type': file.contentType };
}

/** A failure to store a file; the message names the file and what to do. */
export class StorageError extends Error {
  /** `tooLarge`: over the per-file limit, which no retry changes. */
  constructor(public readonly field: string, detail: string, public readonly reason: 'tooLarge' | 'failed' = 'failed') {
    super(`${field}: ${detail}`);
    this.name = 'StorageError';
  }
}

export interface StoreOptions {
  /** The file's name, for error messages (attachments["name"]). */
  name: string;
  contentType: string;
  /** The size expected (Content-Length, attachment metadata): sets the deadline. */
  expectedBytes?: number;
  /** Per-file limit; default: attachmentLimit(env). */
  maxBytes?: number;
  /** Deadline of one upload attempt; default: transferDeadlineMs of the expected size or the limit. */
  timeoutMs?: number;
  /** A source already opened (to read its headers first); used by the first attempt. */
  first?: Readable;
  /** The incoming elastic.io message's id, sent along for the platform's request tracing. */
  msgId?: string;
  env?: NodeJS.ProcessEnv;
}

/** Ends the client's retries: it repeats a failed upload unless the error is one of its own kind. */
class StopRetrying extends ObjectStorageClientError {}

const fieldOf = (name: string): string => `attachments[${quote(name.slice(0, 60))}]`;

/**
 * Streams a file into the platform's storage and returns its entry. `open` is called for each
 * attempt (a retry starts from the first byte again); only the bytes in flight are in memory.
 * The file fails, without further attempts, when it grows past the per-file limit or its source
 * cannot be opened.
 */
export async function storeStream(open: () => Promise<Readable>, options: StoreOptions): Promise<StoredFile> {
  const env = options.env ?? process.env;
  const field = fieldOf(options.name);
  let config: StorageConfig | undefined;
  let maxBytes: number;
  try {
    config = storageConfig(env);
    if (!config) {
      throw new StorageError(field, `cannot be stored: the platform's object storage is not configured (${STORAGE_URI_VARIABLE} and ${STORAGE_TOKEN_VARIABLE}, which the platform sets for each step); storing attachments works on the platform only`);
    }
    maxBytes = options.maxBytes ?? attachmentLimit(env);
    if (options.expectedBytes !== undefined && options.expectedBytes > maxBytes) {
      throw new StorageError(field, `${overLimit(options.expectedBytes, maxBytes)}; it was not stored`, 'tooLarge');
    }
  } catch (err) {
    // A source opened to read its headers first would otherwise hold its connection (and, from
    // Graph, one of the mailbox's slots) until its deadline.
    options.first?.destroy();
    throw err;
  }
  let first = options.first;
  let fatal: Error | undefined;
  let stored = 0;
  let made: GuardedStream[] = [];
  const attempt = async (): Promise<Readable> => {
    if (fatal) throw new StopRetrying(fatal.message);
    // A new attempt: whatever the last one opened is of no more use.
    made.forEach((stream) => stream.destroy());
    made = [];
    const stream = new GuardedStream({
      open: async () => {
        const given = first;
        first = undefined;
        try {
          return given ?? await open();
        } catch (err) {
          fatal = err instanceof Error ? err : new Error(String(err));
          throw fatal;
        }
      },
      maxBytes,
      tooLarge: () => {
        fatal = new StorageError(field, `${overLimit(undefined, maxBytes)} (it grew past it while being stored); it was not stored`, 'tooLarge');
        return fatal;
      },
      ended: (received) => { stored = received; },
    });
    made.push(stream);
    return stream;
  };
  const timeoutMs = options.timeoutMs ?? transferDeadlineMs(options.expectedBytes ?? maxBytes);
  let id: unknown;
  try {
    id = await storageClient(config, options.msgId).add(attempt, {
      headers: { 'content-type': options.contentType },
      retryOptions: { retriesCount: STORE_RETRIES, requestTimeout: timeoutMs },
    });
  } catch (err) {
    if (fatal) throw fatal;
    throw storageFailure(field, err, timeoutMs);
  } finally {
    first?.destroy();
    made.forEach((stream) => stream.destroy());
  }
  if (typeof id !== 'string' || !id) throw new StorageError(field, 'the platform\'s storage answered without an object id; retry the message');
  return { url: objectUrl(config, id), size: stored, contentType: options.contentType };
}

function storageFailure(field: string, err: unknown, timeoutMs: number): StorageError {
  if (err instanceof ClientTransportError) {
    if (err.code === 401 || err.code === 403) {
      return new StorageError(field, `the platform's storage refused the component's token (HTTP ${err.code}); retry the message, and if it keeps failing report it to the platform's support`);
    }
    if (err.code === 413) {
      return new StorageError(field, `the platform's storage refused the file as too large (HTTP 413); lower ${MAX_BYTES_VARIABLE} to what this installation's storage accepts`);
    }
    return new StorageError(field, `the platform's storage refused it (HTTP ${err.code}); retry the message`);
  }
  const deadline = `${Math.round(timeoutMs / 1000)} s`;
  if (err instanceof ServerTransportError) {
    const what = err.code ? `HTTP ${err.code}` : `no answer: ${(err.cause?.message ?? err.message).slice(0, 120)}`;
    return new StorageError(field, `could not be stored in the platform's storage after ${STORE_RETRIES + 1} attempts (${what}; each attempt may take ${deadline}); retry the message`);
  }
  return new StorageError(field, `could not be stored in the platform's storage (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}); retry the message`);
}
