"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REFERENCE_ATTACHMENT = exports.ITEM_ATTACHMENT = exports.FILE_ATTACHMENT = void 0;
exports.listAttachments = listAttachments;
exports.openAttachmentValue = openAttachmentValue;
exports.fileAttachmentBody = fileAttachmentBody;
exports.findFileAttachment = findFileAttachment;
exports.postFileAttachment = postFileAttachment;
const errors_1 = require("./errors");
const odata_1 = require("./odata");
exports.FILE_ATTACHMENT = '#microsoft.graph.fileAttachment';
exports.ITEM_ATTACHMENT = '#microsoft.graph.itemAttachment';
exports.REFERENCE_ATTACHMENT = '#microsoft.graph.referenceAttachment';
/**
 * What is listed. contentId exists on fileAttachment only, so it is selected through a type cast:
 * plain `contentId` on the attachments collection is refused with 400. No contentBytes: a listing
 * with them carries every file as base64.
 */
const LIST_QUERY = (0, odata_1.queryString)({ select: ['id', 'name', 'contentType', 'size', 'isInline', 'microsoft.graph.fileAttachment/contentId'] });
/** Every attachment of the item, page by page (an item has at most a few hundred). */
async function listAttachments(session, messagePath) {
    return session.all(`${messagePath}/attachments${LIST_QUERY}`);
}
/** The attachment's raw contents: a file's bytes; an attached mail, event or contact as MIME. */
async function openAttachmentValue(session, messagePath, attachmentId, timeoutMs) {
    const { body, headers } = await session.getStream(`${messagePath}/attachments/${(0, odata_1.idSegment)(attachmentId, 'attachmentId')}/$value`, { timeoutMs });
    const length = headers.get('content-length');
    return {
        body,
        contentLength: length && /^\d+$/.test(length) ? Number(length) : undefined,
        contentType: headers.get('content-type') ?? undefined,
    };
}
/** The fileAttachment Graph takes in a POST to attachments, or inside a message's attachments. */
function fileAttachmentBody(file, bytes) {
    return {
        '@odata.type': exports.FILE_ATTACHMENT,
        name: file.name,
        contentType: file.contentType,
        contentBytes: bytes.toString('base64'),
        ...(file.isInline ? { isInline: true } : {}),
        ...(file.contentId ? { contentId: file.contentId } : {}),
    };
}
/**
 * The file attachment named `name` that the item already has, of at least `minBytes` (Graph's
 * size counts a little metadata too): how an add whose answer was lost is checked before it is
 * repeated, and how a draft left by an interrupted run shows what it already carries.
 */
async function findFileAttachment(session, messagePath, name, minBytes) {
    const listed = await listAttachments(session, messagePath);
    return listed.find((a) => a['@odata.type'] === exports.FILE_ATTACHMENT && a.name === name && a.size >= minBytes);
}
/**
 * Adds a small file (one that fits one request as base64) to the item. A POST is not idempotent:
 * after a lost answer the attachments are looked at, and the file is added again only if it is
 * not there.
 */
async function postFileAttachment(session, messagePath, file, bytes) {
    const path = `${messagePath}/attachments`;
    try {
        const { body } = await session.post(path, fileAttachmentBody(file, bytes), { idempotent: false });
        return body?.id;
    }
    catch (err) {
        if (!(err instanceof errors_1.GraphRequestError) || (err.statusCode !== undefined && err.statusCode < 500))
            throw err;
        const there = await findFileAttachment(session, messagePath, file.name, bytes.length);
        if (there)
            return there.id;
        const { body } = await session.post(path, fileAttachmentBody(file, bytes), { idempotent: false });
        return body?.id;
    }
}
