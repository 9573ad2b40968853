"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INLINE_LIMIT_BYTES = void 0;
exports.planAttachments = planAttachments;
exports.downloadAttachments = downloadAttachments;
/**
 * Files that arrive with an elastic.io message (`msg.attachments`: name -> {url, size, content-type})
 * read from the platform's storage for sending inline. Sizes are checked before and while reading,
 * so an oversized file fails fast and is never held whole in memory.
 */
const errors_1 = require("../errors");
const echo_1 = require("../validation/echo");
const text_1 = require("../validation/text");
/** Graph takes about 4 MB per request; base64 grows files by a third, leaving about 3 MB of files. */
exports.INLINE_LIMIT_BYTES = 3 * 1024 * 1024;
const MAX_ATTACHMENTS = 150;
const DOWNLOAD_TIMEOUT_MS = 120_000;
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(2)} MB (${bytes} bytes)`;
}
function tooLarge(field, bytes) {
    return new errors_1.InputError(field, `attachments total ${megabytes(bytes)}, over the ${megabytes(exports.INLINE_LIMIT_BYTES)} that fit into one Outlook request; sending larger attachments is not supported yet, so send fewer or smaller files`);
}
/** Validates the shape of msg.attachments and the sizes the platform declares; no I/O. */
function planAttachments(attachments) {
    if (attachments === undefined || attachments === null)
        return [];
    if (typeof attachments !== 'object' || Array.isArray(attachments)) {
        throw new errors_1.InputError('attachments', 'must be the message attachments object (file name -> {url, size, content-type})');
    }
    const entries = Object.entries(attachments);
    if (entries.length > MAX_ATTACHMENTS)
        throw new errors_1.InputError('attachments', `${entries.length} files; at most ${MAX_ATTACHMENTS} are accepted`);
    let declaredTotal = 0;
    const planned = entries.map(([name, value]) => {
        const field = `attachments[${(0, echo_1.quote)(name.slice(0, 60))}]`;
        const file = value;
        if (!name.trim() || name.length > 255 || /[\\/]/.test(name) || text_1.CONTROL_CHARS.test(name))
            throw new errors_1.InputError(field, 'the file name must be 1 to 255 characters without slashes or control characters');
        if (!file || typeof file.url !== 'string' || !/^https?:\/\//.test(file.url))
            throw new errors_1.InputError(field, 'has no readable url: attach the file with a step that stores it on the platform');
        const size = file.size === undefined || file.size === null || file.size === '' ? undefined : Number(file.size);
        if (size !== undefined && (!Number.isFinite(size) || size < 0))
            throw new errors_1.InputError(field, 'size must be a number of bytes');
        declaredTotal += size ?? 0;
        const contentType = typeof file['content-type'] === 'string' && /^[\w.+-]+\/[\w.+-]+/.test(file['content-type']) ? file['content-type'] : 'application/octet-stream';
        return { name, url: file.url, declaredSize: size, contentType };
    });
    if (declaredTotal > exports.INLINE_LIMIT_BYTES)
        throw tooLarge('attachments', declaredTotal);
    return planned;
}
/**
 * Platform object storage (Maester) wants the step's storage token; pre-signed URLs want nothing.
 * Compared by origin: a prefix test would hand the token to https://maester.example.net.evil.example.
 */
function storageHeaders(url, env) {
    const storage = env.ELASTICIO_OBJECT_STORAGE_URI;
    const token = env.ELASTICIO_OBJECT_STORAGE_TOKEN;
    if (!storage || !token)
        return {};
    try {
        return new URL(url).origin === new URL(storage).origin ? { Authorization: `Bearer ${token}` } : {};
    }
    catch {
        return {};
    }
}
async function downloadAttachments(planned, env = process.env) {
    const files = [];
    let total = 0;
    for (const file of planned) {
        const field = `attachments[${(0, echo_1.quote)(file.name.slice(0, 60))}]`;
        let response;
        try {
            response = await fetch(file.url, { headers: storageHeaders(file.url, env), signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
        }
        catch {
            throw new errors_1.InputError(field, 'could not be downloaded from the platform storage (no answer); retry, or check that the file still exists');
        }
        if (!response.ok || !response.body) {
            throw new errors_1.InputError(field, `could not be downloaded from the platform storage (HTTP ${response.status}); the link may have expired: re-run the step that attached the file, or check that it still exists`);
        }
        const chunks = [];
        for await (const chunk of response.body) {
            total += chunk.byteLength;
            // Leaving the loop by throwing cancels the download.
            if (total > exports.INLINE_LIMIT_BYTES)
                throw tooLarge('attachments', total);
            chunks.push(Buffer.from(chunk));
        }
        files.push({ name: file.name, contentType: file.contentType, bytes: Buffer.concat(chunks) });
    }
    return files;
}
