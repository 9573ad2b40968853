"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.itemFormat = itemFormat;
exports.safeFileName = safeFileName;
exports.uniqueName = uniqueName;
exports.storeMailAttachments = storeMailAttachments;
/**
 * A mail's attachments into the platform's storage, for steps that emit mail (Poll for New Mail,
 * Get Mail): each file streamed from Graph (`/$value`) straight into storage, never held whole.
 * Attached mails, events and contacts come as MIME and are stored as .eml, .ics and .vcf; links
 * to cloud files (reference attachments) are listed without contents; a file above the per-file
 * limit is listed with the reason instead of failing the mail. Each entry is what a step puts in
 * its body's `attachments[]`; `map` is the emitted message's `attachments`.
 */
const node_stream_1 = require("node:stream");
const attachments_1 = require("../graph/attachments");
const text_1 = require("../validation/text");
const attachmentLimit_1 = require("./attachmentLimit");
const storage_1 = require("./storage");
const REFERENCE_REASON = 'a link to a file in the cloud (OneDrive or SharePoint), not a copy of it; Microsoft Graph v1.0 gives neither its contents nor its address';
/** What an attached item's MIME is, from its first line: Graph names none of them. */
function itemFormat(head) {
    const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 20).toUpperCase();
    if (start.startsWith('BEGIN:VCALENDAR'))
        return { extension: '.ics', contentType: 'text/calendar' };
    if (start.startsWith('BEGIN:VCARD'))
        return { extension: '.vcf', contentType: 'text/vcard' };
    return { extension: '.eml', contentType: 'message/rfc822' };
}
/** A file name safe as a key of an elastic.io message's attachments and as a name on disk. */
function safeFileName(name, extension = '') {
    const CONTROL = new RegExp(text_1.CONTROL_CHARS.source, 'g');
    let base = (name ?? '').replace(CONTROL, '').replace(/[\\/]/g, '_').trim() || 'attachment';
    if (extension && base.toLowerCase().endsWith(extension))
        base = base.slice(0, -extension.length) || 'attachment';
    return `${base.slice(0, 255 - extension.length)}${extension}`;
}
/** `name`, or `name (2)`, `name (3)`... before its extension, unique (ignoring case) among `taken`. */
function uniqueName(name, taken) {
    const dot = name.lastIndexOf('.');
    const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1)
        candidate = `${base.slice(0, 240)} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
}
/** The first bytes of `body` (up to `bytes`, fewer if it ends), and a stream that still yields all of it. */
async function peek(body, bytes) {
    const iterator = body[Symbol.asyncIterator]();
    const taken = [];
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
    async function* replay() {
        yield* taken;
        if (ended)
            return;
        for (;;) {
            const { value, done } = await iterator.next();
            if (done)
                return;
            yield value;
        }
    }
    const stream = node_stream_1.Readable.from(replay(), { objectMode: false });
    stream.once('close', () => body.destroy());
    return { head: Buffer.concat(taken), stream };
}
/** Stores every attachment of the mail at `messagePath`, one after another; see the module comment. */
async function storeMailAttachments(session, messagePath, options = {}) {
    const env = options.env ?? process.env;
    const maxBytes = options.maxBytes ?? (0, attachmentLimit_1.attachmentLimit)(env);
    const listed = await (0, attachments_1.listAttachments)(session, messagePath);
    const taken = new Set();
    const attachments = [];
    const map = {};
    for (const info of listed) {
        const entry = await storeOne(session, messagePath, info, taken, maxBytes, env, options.msgId);
        attachments.push(entry);
        if (entry.url)
            map[entry.name] = (0, storage_1.messageAttachment)({ url: entry.url, size: entry.size, contentType: entry.contentType });
    }
    return { attachments, map };
}
async function storeOne(session, messagePath, info, taken, maxBytes, env, msgId) {
    const kind = info['@odata.type'] === attachments_1.FILE_ATTACHMENT ? 'file' : info['@odata.type'] === attachments_1.ITEM_ATTACHMENT ? 'item' : 'reference';
    const common = { id: info.id, isInline: Boolean(info.isInline), ...(info.contentId ? { contentId: info.contentId } : {}), kind };
    const listedOnly = (reason, name = safeFileName(info.name)) => ({
        ...common,
        name: uniqueName(name, taken),
        contentType: info.contentType ?? 'application/octet-stream',
        size: info.size,
        skipped: reason,
    });
    if (kind === 'reference')
        return listedOnly(REFERENCE_REASON);
    const timeoutMs = (0, attachmentLimit_1.transferDeadlineMs)(Math.min(info.size, maxBytes));
    const open = async () => (await (0, attachments_1.openAttachmentValue)(session, messagePath, info.id, timeoutMs)).body;
    const first = await (0, attachments_1.openAttachmentValue)(session, messagePath, info.id, timeoutMs);
    if (first.contentLength !== undefined && first.contentLength > maxBytes) {
        first.body.destroy();
        return listedOnly(`not stored: it ${(0, attachmentLimit_1.overLimit)(first.contentLength, maxBytes)}`);
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
        const stored = await (0, storage_1.storeStream)(open, { name, contentType, expectedBytes: first.contentLength ?? Math.min(info.size, maxBytes), maxBytes, first: stream, msgId, env });
        return { ...common, name: uniqueName(name, taken), contentType, size: stored.size, url: stored.url };
    }
    catch (err) {
        // Larger than announced (or announced without a length): listed like any file over the limit.
        if (err instanceof storage_1.StorageError && err.reason === 'tooLarge')
            return listedOnly(`not stored: it ${(0, attachmentLimit_1.overLimit)(undefined, maxBytes)}`, name);
        throw err;
    }
}
