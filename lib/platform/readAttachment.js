"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachmentField = attachmentField;
exports.openAttachment = openAttachment;
exports.measureAttachments = measureAttachments;
/**
 * Reading a file an elastic.io message carries (`msg.attachments[name] = {url, size, content-type}`)
 * as a stream: from the platform's storage through its client when the URL is the storage's, from
 * anywhere else through the egress guard (guardedGet), which never sends the storage token
 * elsewhere. Sizes are checked against the per-file limit before any request (the declared
 * size), before the body (Content-Length) and while it streams (the bytes themselves); every
 * failure names the file (attachments["name"]) and what to do.
 */
const node_stream_1 = require("node:stream");
const errors_1 = require("@elastic.io/maester-client/dist/src/errors");
const errors_2 = require("../errors");
const echo_1 = require("../validation/echo");
const attachmentLimit_1 = require("./attachmentLimit");
const guardedGet_1 = require("./guardedGet");
const guardedStream_1 = require("./guardedStream");
const storage_1 = require("./storage");
/** How long the storage may take to start answering; the body has the transfer deadline. */
const STORAGE_HEADERS_TIMEOUT_MS = 60_000;
function attachmentField(name) {
    return `attachments[${(0, echo_1.quote)(name.slice(0, 60))}]`;
}
function downloadFailure(field, err) {
    if (err.kind === 'config')
        return new errors_2.InputError(field, err.message);
    if (err.kind === 'refused')
        return new errors_2.InputError(field, `${err.message}; attach the file with a step that stores it on the platform`);
    return new errors_2.InputError(field, `could not be downloaded: ${err.message}. Retry the message; if it keeps failing, check that the platform's storage is reachable and the file still exists`);
}
function storageFailure(field, err) {
    if (err instanceof errors_1.ClientTransportError) {
        if (err.code === 404)
            return new errors_2.InputError(field, 'no longer exists in the platform\'s storage (HTTP 404); its link may have expired: re-run the step that attached the file');
        if (err.code === 401 || err.code === 403)
            return new errors_2.InputError(field, `the platform's storage refused the component's token (HTTP ${err.code}); retry the message, and if it keeps failing report it to the platform's support`);
        return new errors_2.InputError(field, `could not be read from the platform's storage (HTTP ${err.code}); retry the message`);
    }
    const detail = err instanceof Error ? err.message.slice(0, 160) : 'unknown error';
    return new errors_2.InputError(field, `could not be downloaded from the platform's storage (${detail}). Retry the message; if it keeps failing, check that the platform's storage is reachable`);
}
/** Content-Length when it is the length of the bytes read (no content coding in between). */
function lengthOf(headers) {
    const length = headers['content-length'];
    const coding = headers['content-encoding'];
    if (coding && coding !== 'identity')
        return undefined;
    return typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : undefined;
}
/**
 * Opens the file for reading. Refuses, before any request, a declared size above the limit;
 * before the body, a Content-Length above it; and fails the stream as soon as the bytes exceed it.
 */
async function openAttachment(file, options = {}) {
    const env = options.env ?? process.env;
    const field = attachmentField(file.name);
    const maxBytes = options.maxBytes ?? (0, attachmentLimit_1.attachmentLimit)(env);
    const tooLarge = (bytes, when) => new errors_2.InputError(field, `${(0, attachmentLimit_1.overLimit)(bytes, maxBytes)}${when}; it was not sent`);
    if (file.declaredSize !== undefined && file.declaredSize > maxBytes)
        throw tooLarge(file.declaredSize, '');
    const timeoutMs = options.timeoutMs ?? (0, attachmentLimit_1.transferDeadlineMs)(file.declaredSize ?? maxBytes);
    const config = (0, storage_1.storageConfig)(env);
    const objectId = (0, storage_1.storageObjectId)(file.url, config);
    let source;
    let headers;
    let deadlineMs;
    if (objectId && config) {
        try {
            const response = await (0, storage_1.storageClient)(config, options.msgId).getOne(objectId, {
                responseType: 'stream',
                retryOptions: { requestTimeout: STORAGE_HEADERS_TIMEOUT_MS },
            });
            ({ data: source, headers } = response);
        }
        catch (err) {
            throw storageFailure(field, err);
        }
        // The storage client's deadline covers the wait for headers only; the body gets its own.
        deadlineMs = timeoutMs;
    }
    else {
        let response;
        try {
            response = await (0, guardedGet_1.guardedGet)(file.url, { timeoutMs, env, resolve: options.resolve });
        }
        catch (err) {
            throw err instanceof guardedGet_1.DownloadError ? downloadFailure(field, err) : err;
        }
        if (response.status < 200 || response.status > 299) {
            response.close();
            throw new errors_2.InputError(field, `could not be downloaded (HTTP ${response.status}); the link may have expired: re-run the step that attached the file, or check that it still exists`);
        }
        const { body, close } = response;
        source = node_stream_1.Readable.from(body, { objectMode: false });
        source.once('close', close);
        headers = response.headers;
    }
    const length = lengthOf(headers);
    if (length !== undefined && length > maxBytes) {
        source.destroy();
        throw tooLarge(length, ' (as the download announced it)');
    }
    const stream = new guardedStream_1.GuardedStream({
        open: () => source,
        maxBytes,
        tooLarge: () => tooLarge(undefined, ' (it grew past it while being read)'),
        deadlineMs,
        late: (received) => new errors_2.InputError(field, `could not be downloaded: the platform's storage did not deliver it within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} (${received} bytes arrived). Retry the message`),
        failed: (err, received) => {
            if (err instanceof errors_2.InputError)
                return err;
            if (err instanceof guardedGet_1.DownloadError)
                return downloadFailure(field, err);
            return new errors_2.InputError(field, `could not be downloaded: the connection failed after ${received} bytes (${err instanceof Error ? err.message.slice(0, 120) : 'error'}). Retry the message`);
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
async function measureAttachments(files, options = {}) {
    const sized = [];
    for (const file of files) {
        if (file.declaredSize !== undefined) {
            sized.push({ ...file, size: file.declaredSize });
            continue;
        }
        const opened = await openAttachment(file, options);
        let size = opened.size;
        if (size === undefined) {
            size = 0;
            for await (const chunk of opened.stream)
                size += chunk.length;
        }
        else {
            opened.stream.destroy();
        }
        sized.push({ ...file, size });
    }
    return sized;
}
