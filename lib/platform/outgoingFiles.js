"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.markInlineImages = markInlineImages;
exports.outgoingFiles = outgoingFiles;
exports.filesOutput = filesOutput;
exports.filesKey = filesKey;
const attachments_1 = require("./attachments");
const readAttachment_1 = require("./readAttachment");
/** Whether an HTML body refers to `name` as a cid: URL, written as is or percent-encoded (RFC 2392). */
function shownInline(html, name) {
    const forms = new Set([name, encodeURIComponent(name)]);
    for (const form of forms) {
        const at = html.indexOf(`cid:${form}`);
        // The reference must end where the name does: logo.png must not match cid:logo.png2.
        if (at >= 0 && !/[\w.%-]/.test(html.charAt(at + 4 + form.length)))
            return true;
    }
    return false;
}
/** The files an HTML body shows through `cid:` become inline images with their name as content id. */
function markInlineImages(planned, body) {
    if (body.contentType !== 'html')
        return planned;
    return planned.map((file) => (shownInline(body.content, file.name) ? { ...file, isInline: true, contentId: file.name } : file));
}
/**
 * The incoming message's files, planned, marked and sized: a declared size is taken as is, an
 * unknown one is counted by reading the file once (upload sessions need it up front).
 */
async function outgoingFiles(attachments, body, options = {}) {
    const planned = markInlineImages((0, attachments_1.planAttachments)(attachments, { env: options.env, maxBytes: options.maxBytes }), body);
    return (0, readAttachment_1.measureAttachments)(planned, options);
}
/** What the output lists of each file. */
function filesOutput(files) {
    return files.map((file) => ({ name: file.name, size: file.size, ...(file.isInline ? { isInline: true } : {}) }));
}
/**
 * What identifies the files in the duplicate guard's key: the same files give the same key. Not
 * their URLs: the platform may hand the same message again with its files behind new (re-signed)
 * URLs, and a key that changed with them would send the mail twice. Within one message id, a file's
 * name, size and type tell it apart.
 */
function filesKey(files) {
    return files.map((file) => [file.name, file.size, file.contentType, Boolean(file.isInline)]);
}
