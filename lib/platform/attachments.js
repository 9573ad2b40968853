"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GRAPH_REQUEST_LIMIT_BYTES = void 0;
exports.base64Length = base64Length;
exports.requestBytes = requestBytes;
exports.planAttachments = planAttachments;
exports.inlineRoom = inlineRoom;
exports.routeAttachments = routeAttachments;
exports.downloadAttachments = downloadAttachments;
/**
 * Files that arrive with an elastic.io message (`msg.attachments`: name -> {url, size, content-type})
 * and how they travel to Graph: checked before any request (names, declared sizes against the
 * per-file limit), then routed: small sets inside the request that creates the mail, the rest
 * of the small files one POST each, files too large for one request through an upload session.
 * Downloads go through openAttachment (readAttachment.ts), so every failure names the file and
 * what to do, and nothing oversized is ever held in memory.
 */
const errors_1 = require("../errors");
const attachments_1 = require("../graph/attachments");
const uploadSession_1 = require("../graph/uploadSession");
const text_1 = require("../validation/text");
const attachmentLimit_1 = require("./attachmentLimit");
const readAttachment_1 = require("./readAttachment");
/**
 * Microsoft Graph refuses larger request bodies with 413. Microsoft documents "4 MB": "The Microsoft
 * Graph REST API has a 4 MB request limit. Anything above this will fail with the error message
 * 'request too large (413)'" (learn.microsoft.com/graph/onenote-images-files), and write requests
 * have "a size limit of 4 MB", in some cases lower (learn.microsoft.com/graph/use-the-api). Read as
 * 4,000,000 bytes, the smaller of its two readings, so that neither is exceeded. It bounds the whole
 * JSON body: the mail, its recipients and text, and every file as base64 (a third larger).
 */
exports.GRAPH_REQUEST_LIMIT_BYTES = 4_000_000;
const MAX_ATTACHMENTS = 150;
/** Length of `bytes` bytes in base64, padding included: what a file adds to the JSON request. */
function base64Length(bytes) {
    return 4 * Math.ceil(bytes / 3);
}
/** Bytes of the JSON request body as the Graph client sends it (JSON.stringify, UTF-8). */
function requestBytes(body) {
    return Buffer.byteLength(JSON.stringify(body), 'utf8');
}
const count = (n) => n.toLocaleString('en-US');
/** `room`: bytes of base64 the request has left for the files. */
function tooLarge(base64Bytes, room, soFar) {
    return new errors_1.InputError('attachments', `the files take ${soFar ? 'at least ' : ''}${count(base64Bytes)} bytes as base64 (files grow by a third), but this mail leaves only ${count(Math.max(room, 0))} of the ${count(exports.GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request, about ${count(Math.max(Math.floor(room / 4) * 3, 0))} bytes of files; send fewer or smaller files`);
}
/**
 * Validates the shape of msg.attachments, the names, and the sizes the platform declares against
 * the per-file limit; no I/O.
 */
function planAttachments(attachments, options = {}) {
    if (attachments === undefined || attachments === null)
        return [];
    if (typeof attachments !== 'object' || Array.isArray(attachments)) {
        throw new errors_1.InputError('attachments', 'must be the message attachments object (file name -> {url, size, content-type})');
    }
    const entries = Object.entries(attachments);
    if (entries.length > MAX_ATTACHMENTS)
        throw new errors_1.InputError('attachments', `${entries.length} files; at most ${MAX_ATTACHMENTS} are accepted`);
    const maxBytes = options.maxBytes ?? (0, attachmentLimit_1.attachmentLimit)(options.env);
    return entries.map(([name, value]) => {
        const field = (0, readAttachment_1.attachmentField)(name);
        const file = value;
        if (!name.trim() || name.length > 255 || /[\\/]/.test(name) || text_1.CONTROL_CHARS.test(name))
            throw new errors_1.InputError(field, 'the file name must be 1 to 255 characters without slashes or control characters');
        if (!file || typeof file.url !== 'string' || !/^https?:\/\//.test(file.url) || !URL.canParse(file.url))
            throw new errors_1.InputError(field, 'has no readable url: attach the file with a step that stores it on the platform');
        const size = file.size === undefined || file.size === null || file.size === '' ? undefined : Number(file.size);
        if (size !== undefined && (!Number.isFinite(size) || size < 0 || !Number.isInteger(size)))
            throw new errors_1.InputError(field, 'size must be a whole number of bytes');
        if (size !== undefined && size > maxBytes)
            throw new errors_1.InputError(field, `${(0, attachmentLimit_1.overLimit)(size, maxBytes)}; nothing was sent`);
        const contentType = typeof file['content-type'] === 'string' && /^[\w.+-]+\/[\w.+-]+/.test(file['content-type']) ? file['content-type'] : 'application/octet-stream';
        return { name, url: file.url, declaredSize: size, contentType };
    });
}
/** The bytes of base64 a request built by `buildRequest` leaves for these files (negative: none fit). */
function roomLeft(files, buildRequest) {
    return exports.GRAPH_REQUEST_LIMIT_BYTES - requestBytes(buildRequest(files.map((file) => ({ ...pick(file), bytes: Buffer.alloc(0) }))));
}
/** roomLeft, refusing a mail too large on its own. */
function requestRoom(files, buildRequest) {
    const room = roomLeft(files, buildRequest);
    if (room < 0) {
        const skeleton = exports.GRAPH_REQUEST_LIMIT_BYTES - room;
        throw new errors_1.InputError('body', `the mail is ${count(skeleton)} bytes as a Graph request${files.length ? ' before its files' : ''}, over the ${count(exports.GRAPH_REQUEST_LIMIT_BYTES)} bytes Microsoft Graph accepts in one request; shorten the body`);
    }
    return room;
}
function pick(file) {
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
function inlineRoom(planned, buildRequest) {
    const room = requestRoom(planned, buildRequest);
    const declared = planned.reduce((sum, file) => sum + base64Length(file.declaredSize ?? 0), 0);
    if (declared > room)
        throw tooLarge(declared, room, false);
    return room;
}
/**
 * Which files travel how, within Graph's request limit, before any request: a file whose own
 * POST would exceed the limit goes through an upload session (such a file is over 2.9 MB, above
 * the smallest file Graph accepts in a session); of the others, as many as fit (smallest first)
 * go inside the request `buildRequest` makes, the rest one POST each. When `post` and `session`
 * are empty the mail can be sent in one request; otherwise it needs a draft. Lists keep the
 * files' order.
 */
function routeAttachments(files, buildRequest, options = {}) {
    const maxBytes = options.maxBytes ?? (0, attachmentLimit_1.attachmentLimit)(options.env);
    for (const file of files) {
        if (file.size > maxBytes)
            throw new errors_1.InputError((0, readAttachment_1.attachmentField)(file.name), `${(0, attachmentLimit_1.overLimit)(file.size, maxBytes)}; nothing was sent`);
    }
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > attachmentLimit_1.GRAPH_ATTACHMENT_LIMIT_BYTES) {
        throw new errors_1.InputError('attachments', `the files take ${count(total)} bytes together, over the ${count(attachmentLimit_1.GRAPH_ATTACHMENT_LIMIT_BYTES)} bytes Microsoft Graph accepts in one mail (and the mailbox may allow less: 35 MB unless an administrator raised it); send fewer or smaller files`);
    }
    const alone = (file) => requestBytes((0, attachments_1.fileAttachmentBody)(file, Buffer.alloc(0))) + base64Length(file.size);
    const session = new Set(files.filter((file) => alone(file) > exports.GRAPH_REQUEST_LIMIT_BYTES));
    for (const file of session) {
        // Follows from the request limit; kept as a check should either number change.
        if (file.size < uploadSession_1.UPLOAD_SESSION_MIN_BYTES)
            throw new RangeError(`${file.name}: ${file.size} bytes is below Graph's smallest upload session`);
    }
    const small = files.filter((file) => !session.has(file));
    // Measured with every small file in the request; with fewer it can only be larger.
    let room = roomLeft(small, buildRequest);
    const inline = new Set();
    let used = 0;
    for (const file of [...small].sort((a, b) => a.size - b.size)) {
        if (used + base64Length(file.size) > room)
            break;
        inline.add(file);
        used += base64Length(file.size);
    }
    // Measured again for the files chosen (and the mail refused if too large on its own), dropping
    // the largest until they fit should a builder grow with fewer files.
    const chosen = () => small.filter((file) => inline.has(file));
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
async function downloadAttachments(planned, room, options = {}) {
    const files = [];
    let used = 0;
    for (const file of planned) {
        // Nothing larger than the room is read, so the room bounds the deadline of a file of unknown size.
        const timeoutMs = options.timeoutMs ?? (0, attachmentLimit_1.transferDeadlineMs)(file.declaredSize ?? Math.ceil(room / 4) * 3);
        const { stream } = await (0, readAttachment_1.openAttachment)(file, { ...options, timeoutMs });
        const chunks = [];
        let size = 0;
        try {
            for await (const chunk of stream) {
                size += chunk.length;
                if (used + base64Length(size) > room)
                    throw tooLarge(used + base64Length(size), room, true);
                chunks.push(chunk);
            }
        }
        finally {
            stream.destroy();
        }
        used += base64Length(size);
        files.push({ ...pick(file), bytes: Buffer.concat(chunks) });
    }
    return files;
}
