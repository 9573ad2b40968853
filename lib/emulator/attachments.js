"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTACHMENT_TYPES = void 0;
exports.attachmentId = attachmentId;
exports.attachmentsOf = attachmentsOf;
exports.findAttachment = findAttachment;
exports.attachmentContent = attachmentContent;
exports.parseAttachmentSelect = parseAttachmentSelect;
exports.renderAttachment = renderAttachment;
exports.assertHasContent = assertHasContent;
/**
 * The attachments of stored messages as Graph serves them (message-list-attachments.md,
 * attachment-get.md): metadata with `@odata.type`, `$select` of the base attachment's properties
 * and of fileAttachment's own ones only through the type cast
 * (`microsoft.graph.fileAttachment/contentId`; plain `contentId` is 400), and the contents
 * (`/$value`): a file's raw bytes with Content-Length, an attached mail, event or contact as MIME
 * text, and 405 for a link to a cloud file (reference attachment), whose contents Graph v1.0 does
 * not give. A file's bytes are its `text` when given, else `size` bytes computed from their
 * position and `seed` (the pattern of spec/helpers/bytes.js, so specs can check them by hash), so a
 * 160 MB attachment costs no memory.
 */
const node_crypto_1 = require("node:crypto");
const odata_1 = require("../graph/odata");
const errors_1 = require("./errors");
exports.ATTACHMENT_TYPES = {
    file: '#microsoft.graph.fileAttachment',
    item: '#microsoft.graph.itemAttachment',
    reference: '#microsoft.graph.referenceAttachment',
};
/** Graph's size of an attachment counts its properties too: a little more than the bytes. */
const METADATA_BYTES = 160;
const CHUNK = 64 * 1024;
const kindOf = (a) => a.kind ?? 'file';
/** Exchange's attachment ids extend the item's: stable for the item, new for a copy of it. */
function attachmentId(message, index) {
    const tail = (0, node_crypto_1.createHash)('sha256').update(`${message.immutableId}|${index}`).digest('base64url').slice(0, 22);
    return `${message.immutableId.slice(0, 44)}BEgAQ${tail}=`;
}
function attachmentsOf(message) {
    return message.attachments.map((attachment, index) => ({ message, attachment, index }));
}
function findAttachment(message, id) {
    return attachmentsOf(message).find((ref) => attachmentId(message, ref.index) === id);
}
// ---- contents ----
/** The pattern byte at `offset` of the file `seed` (spec/helpers/bytes.js patternBytes). */
function patternBytes(seed, offset, length) {
    const bytes = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i += 1) {
        const at = offset + i;
        bytes[i] = (at * 31 + Math.floor(at / 256) * 7 + seed * 13) & 0xff;
    }
    return bytes;
}
/** The seed of a file given without one: from its name, so the same attachment always has the same bytes. */
function seedOf(a) {
    return a.seed ?? (0, node_crypto_1.createHash)('sha256').update(a.name).digest().readUInt16LE(0);
}
async function* patternChunks(size, seed) {
    for (let offset = 0; offset < size; offset += CHUNK)
        yield patternBytes(seed, offset, Math.min(CHUNK, size - offset));
}
/** What an attached item looks like as MIME when no text was given for it. */
function itemMime(ref) {
    const { attachment: a, message } = ref;
    const stamp = new Date(message.receivedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    switch (a.item ?? 'message') {
        case 'event':
            return ['BEGIN:VCALENDAR', 'METHOD:PUBLISH', 'PRODID:Microsoft Exchange Server 2010', 'VERSION:2.0', 'BEGIN:VEVENT',
                `SUMMARY;LANGUAGE=en-US:${a.name}`, `DTSTART:${stamp}`, `DTEND:${stamp}`, `UID:${attachmentId(message, ref.index)}`,
                'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
        case 'contact':
            return ['BEGIN:VCARD', 'VERSION:3.0', 'MAILER:Microsoft Exchange', `FN:${a.name}`, 'END:VCARD', ''].join('\r\n');
        default:
            return [`From: ${message.from.name} <${message.from.address}>`, `Subject: ${a.name}`, `Date: ${new Date(message.sentAt).toUTCString()}`,
                'MIME-Version: 1.0', 'Content-Type: text/plain; charset="utf-8"', '', `The attached mail "${a.name}".`, ''].join('\r\n');
    }
}
/** The bytes `/$value` answers, and how many there are. */
function attachmentContent(ref) {
    const a = ref.attachment;
    if (kindOf(a) === 'item') {
        const text = Buffer.from(a.text ?? itemMime(ref));
        return { length: text.length, chunks: async function* one() { yield text; }, contentType: 'text/plain' };
    }
    if (a.text !== undefined) {
        const text = Buffer.from(a.text);
        return { length: text.length, chunks: async function* one() { yield text; }, contentType: a.contentType };
    }
    return { length: a.size, chunks: () => patternChunks(a.size, seedOf(a)), contentType: a.contentType };
}
/** A file's bytes as base64, for contentBytes (Graph sends them when they are not left out by $select). */
function contentBytes(ref) {
    const a = ref.attachment;
    return (a.text !== undefined ? Buffer.from(a.text) : patternBytes(seedOf(a), 0, a.size)).toString('base64');
}
// ---- metadata ----
/** Properties of microsoft.graph.attachment, which every kind has. */
const BASE = ['id', 'lastModifiedDateTime', 'name', 'contentType', 'size', 'isInline'];
/** fileAttachment's own properties, which `$select` reaches only through the type cast. */
const FILE_ONLY = ['contentId', 'contentLocation', 'contentBytes'];
const FILE_CAST = 'microsoft.graph.fileattachment/';
/** `$select` as Graph takes it on attachments; undefined: everything. */
function parseAttachmentSelect(raw) {
    if (raw === null || raw.trim() === '')
        return undefined;
    const select = { base: [], file: [] };
    for (const part of raw.split(',').map((p) => p.trim())) {
        const lower = part.toLowerCase();
        const base = BASE.find((name) => name.toLowerCase() === lower);
        const file = lower.startsWith(FILE_CAST) ? FILE_ONLY.find((name) => name.toLowerCase() === lower.slice(FILE_CAST.length)) : undefined;
        if (base)
            select.base.push(base);
        else if (file)
            select.file.push(file);
        else
            throw (0, errors_1.unknownProperty)(part.includes('/') ? part.split('/').pop() : part, 'attachment');
    }
    return select;
}
function graphSize(ref) {
    const a = ref.attachment;
    const bytes = kindOf(a) === 'item' ? attachmentContent(ref).length : kindOf(a) === 'reference' ? 0 : a.size;
    return bytes + METADATA_BYTES + 2 * a.name.length;
}
function renderAttachment(ref, select) {
    const a = ref.attachment;
    const kind = kindOf(a);
    const values = {
        id: () => attachmentId(ref.message, ref.index),
        lastModifiedDateTime: () => (0, odata_1.dateTimeLiteral)(ref.message.createdAt),
        name: () => a.name,
        // Graph has no content type for attached items.
        contentType: () => (kind === 'item' ? null : a.contentType),
        size: () => graphSize(ref),
        isInline: () => Boolean(a.isInline),
        contentId: () => a.contentId ?? null,
        contentLocation: () => null,
        contentBytes: () => contentBytes(ref),
    };
    const names = [...(select?.base ?? BASE), ...(kind === 'file' ? select?.file ?? FILE_ONLY : [])];
    const out = { '@odata.type': exports.ATTACHMENT_TYPES[kind], id: values.id() };
    for (const name of names)
        out[name] = values[name]();
    return out;
}
/** 405 for the contents of a link to a cloud file: Graph v1.0 has neither its bytes nor its address. */
function assertHasContent(ref) {
    if (kindOf(ref.attachment) === 'reference') {
        throw new errors_1.GraphError(405, 'ErrorInvalidRequest', 'The OData request is not supported: the contents of a reference attachment cannot be read.');
    }
}
