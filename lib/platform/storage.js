"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageError = exports.STORAGE_TOKEN_VARIABLE = exports.STORAGE_URI_VARIABLE = void 0;
exports.storageConfig = storageConfig;
exports.storageObjectId = storageObjectId;
exports.objectUrl = objectUrl;
exports.storageClient = storageClient;
exports.messageAttachment = messageAttachment;
exports.storeStream = storeStream;
const maester_client_1 = require("@elastic.io/maester-client");
const errors_1 = require("@elastic.io/maester-client/dist/src/errors");
const echo_1 = require("../validation/echo");
const attachmentLimit_1 = require("./attachmentLimit");
const guardedStream_1 = require("./guardedStream");
exports.STORAGE_URI_VARIABLE = 'ELASTICIO_OBJECT_STORAGE_URI';
exports.STORAGE_TOKEN_VARIABLE = 'ELASTICIO_OBJECT_STORAGE_TOKEN';
const USER_AGENT = 'outlook-component';
/** How often a failed upload is repeated (the client's own default, named here for the error message). */
const STORE_RETRIES = 3;
/** The storage the platform configured for this container; undefined outside the platform. */
function storageConfig(env = process.env) {
    const uri = env[exports.STORAGE_URI_VARIABLE]?.trim().replace(/\/+$/, '');
    const token = env[exports.STORAGE_TOKEN_VARIABLE];
    if (!uri || !token || !URL.canParse(uri))
        return undefined;
    return { uri, token };
}
/**
 * The object id when `url` names an object of the platform's storage (its origin and path, then
 * /objects/<id>); undefined for any other URL, which is then fetched as a plain download.
 */
function storageObjectId(url, config) {
    if (!config || !URL.canParse(url))
        return undefined;
    const base = new URL(config.uri);
    const target = new URL(url);
    if (target.origin !== base.origin)
        return undefined;
    const prefix = `${base.pathname.replace(/\/+$/, '')}/objects/`;
    if (!target.pathname.startsWith(prefix))
        return undefined;
    const id = target.pathname.slice(prefix.length);
    if (!/^[\w.~-]+$/.test(id))
        return undefined;
    return id;
}
/** The URL an elastic.io message carries for a stored object. */
function objectUrl(config, id) {
    return `${config.uri}/objects/${encodeURIComponent(id)}?storage_type=maester`;
}
function storageClient(config, msgId) {
    return new maester_client_1.ObjectStorage({ uri: config.uri, jwtSecret: config.token, userAgent: USER_AGENT, msgId });
}
function messageAttachment(file) {
    return { url: file.url, size: file.size, 'content-type': file.contentType };
}
/** A failure to store a file; the message names the file and what to do. */
class StorageError extends Error {
    field;
    reason;
    /** `tooLarge`: over the per-file limit, which no retry changes. */
    constructor(field, detail, reason = 'failed') {
        super(`${field}: ${detail}`);
        this.field = field;
        this.reason = reason;
        this.name = 'StorageError';
    }
}
exports.StorageError = StorageError;
/** Ends the client's retries: it repeats a failed upload unless the error is one of its own kind. */
class StopRetrying extends errors_1.ObjectStorageClientError {
}
const fieldOf = (name) => `attachments[${(0, echo_1.quote)(name.slice(0, 60))}]`;
/**
 * Streams a file into the platform's storage and returns its entry. `open` is called for each
 * attempt (a retry starts from the first byte again); only the bytes in flight are in memory.
 * The file fails, without further attempts, when it grows past the per-file limit or its source
 * cannot be opened.
 */
async function storeStream(open, options) {
    const env = options.env ?? process.env;
    const field = fieldOf(options.name);
    let config;
    let maxBytes;
    try {
        config = storageConfig(env);
        if (!config) {
            throw new StorageError(field, `cannot be stored: the platform's object storage is not configured (${exports.STORAGE_URI_VARIABLE} and ${exports.STORAGE_TOKEN_VARIABLE}, which the platform sets for each step); storing attachments works on the platform only`);
        }
        maxBytes = options.maxBytes ?? (0, attachmentLimit_1.attachmentLimit)(env);
        if (options.expectedBytes !== undefined && options.expectedBytes > maxBytes) {
            throw new StorageError(field, `${(0, attachmentLimit_1.overLimit)(options.expectedBytes, maxBytes)}; it was not stored`, 'tooLarge');
        }
    }
    catch (err) {
        // A source opened to read its headers first would otherwise hold its connection (and, from
        // Graph, one of the mailbox's slots) until its deadline.
        options.first?.destroy();
        throw err;
    }
    let first = options.first;
    let fatal;
    let stored = 0;
    let made = [];
    const attempt = async () => {
        if (fatal)
            throw new StopRetrying(fatal.message);
        // A new attempt: whatever the last one opened is of no more use.
        made.forEach((stream) => stream.destroy());
        made = [];
        const stream = new guardedStream_1.GuardedStream({
            open: async () => {
                const given = first;
                first = undefined;
                try {
                    return given ?? await open();
                }
                catch (err) {
                    fatal = err instanceof Error ? err : new Error(String(err));
                    throw fatal;
                }
            },
            maxBytes,
            tooLarge: () => {
                fatal = new StorageError(field, `${(0, attachmentLimit_1.overLimit)(undefined, maxBytes)} (it grew past it while being stored); it was not stored`, 'tooLarge');
                return fatal;
            },
            ended: (received) => { stored = received; },
        });
        made.push(stream);
        return stream;
    };
    const timeoutMs = options.timeoutMs ?? (0, attachmentLimit_1.transferDeadlineMs)(options.expectedBytes ?? maxBytes);
    let id;
    try {
        id = await storageClient(config, options.msgId).add(attempt, {
            headers: { 'content-type': options.contentType },
            retryOptions: { retriesCount: STORE_RETRIES, requestTimeout: timeoutMs },
        });
    }
    catch (err) {
        if (fatal)
            throw fatal;
        throw storageFailure(field, err, timeoutMs);
    }
    finally {
        first?.destroy();
        made.forEach((stream) => stream.destroy());
    }
    if (typeof id !== 'string' || !id)
        throw new StorageError(field, 'the platform\'s storage answered without an object id; retry the message');
    return { url: objectUrl(config, id), size: stored, contentType: options.contentType };
}
function storageFailure(field, err, timeoutMs) {
    if (err instanceof errors_1.ClientTransportError) {
        if (err.code === 401 || err.code === 403) {
            return new StorageError(field, `the platform's storage refused the component's token (HTTP ${err.code}); retry the message, and if it keeps failing report it to the platform's support`);
        }
        if (err.code === 413) {
            return new StorageError(field, `the platform's storage refused the file as too large (HTTP 413); lower ${attachmentLimit_1.MAX_BYTES_VARIABLE} to what this installation's storage accepts`);
        }
        return new StorageError(field, `the platform's storage refused it (HTTP ${err.code}); retry the message`);
    }
    const deadline = `${Math.round(timeoutMs / 1000)} s`;
    if (err instanceof errors_1.ServerTransportError) {
        const what = err.code ? `HTTP ${err.code}` : `no answer: ${(err.cause?.message ?? err.message).slice(0, 120)}`;
        return new StorageError(field, `could not be stored in the platform's storage after ${STORE_RETRIES + 1} attempts (${what}; each attempt may take ${deadline}); retry the message`);
    }
    return new StorageError(field, `could not be stored in the platform's storage (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}); retry the message`);
}
