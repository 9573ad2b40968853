"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventAttachmentRoutes = eventAttachmentRoutes;
exports.attachToEvent = attachToEvent;
/**
 * The files of an incoming message added to an event (`POST /events/{id}/attachments`, or an
 * upload session for those too large for one request: "Attach large files to Outlook messages or
 * events"). Graph takes no files inside the request that creates an event, so each goes on its own,
 * one after another. A file the event already carries (same name, at least its size) is not added
 * again: a replayed message, or a run that died halfway, finds the ones the earlier run added.
 */
const attachments_1 = require("../graph/attachments");
const attachments_2 = require("./attachments");
const draftAttachments_1 = require("./draftAttachments");
const attachmentLimit_1 = require("./attachmentLimit");
const errors_1 = require("../errors");
const readAttachment_1 = require("./readAttachment");
const count = (n) => n.toLocaleString('en-US');
/** Which files fit one POST (as base64, with the JSON around them) and which need an upload session. */
function eventAttachmentRoutes(files) {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > attachmentLimit_1.GRAPH_ATTACHMENT_LIMIT_BYTES) {
        throw new errors_1.InputError('attachments', `the files take ${count(total)} bytes together, over the ${count(attachmentLimit_1.GRAPH_ATTACHMENT_LIMIT_BYTES)} bytes Microsoft Graph accepts on one item; attach fewer or smaller files`);
    }
    const alone = (file) => (0, attachments_2.requestBytes)((0, attachments_1.fileAttachmentBody)(file, Buffer.alloc(0))) + (0, attachments_2.base64Length)(file.size);
    return {
        inline: [],
        post: files.filter((file) => alone(file) <= attachments_2.GRAPH_REQUEST_LIMIT_BYTES),
        session: files.filter((file) => alone(file) > attachments_2.GRAPH_REQUEST_LIMIT_BYTES),
    };
}
/**
 * Adds `planned` (checked by planAttachments) to the event at `eventPath`, skipping those it already
 * has. Sizes not declared are measured first: an upload session must name the size up front.
 */
async function attachToEvent(session, eventPath, planned, options = {}) {
    if (planned.length === 0)
        return [];
    const sized = await (0, readAttachment_1.measureAttachments)(planned, options);
    return (0, draftAttachments_1.addDraftAttachments)(session, eventPath, eventAttachmentRoutes(sized), { ...options, skipPresent: true });
}
