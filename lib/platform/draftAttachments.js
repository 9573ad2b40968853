"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.addDraftAttachments = addDraftAttachments;
/**
 * The files of an incoming message that did not travel inside the request that created the
 * draft (routeAttachments' `post` and `session`), added to the draft: the small ones one POST
 * each, the large ones through an upload session, streamed from where the platform keeps them.
 */
const attachments_1 = require("../graph/attachments");
const uploadSession_1 = require("../graph/uploadSession");
const attachments_2 = require("./attachments");
const readAttachment_1 = require("./readAttachment");
/**
 * Adds `routes.post` and `routes.session` to the draft at `draftPath`, one file after another
 * (one upload at a time keeps memory flat and leaves the mailbox's other slots to other steps).
 */
async function addDraftAttachments(session, draftPath, routes, options = {}) {
    const added = [];
    const present = async (file) => (options.skipPresent ? (await (0, attachments_1.findFileAttachment)(session, draftPath, file.name, file.size))?.id : undefined);
    for (const file of routes.post) {
        const already = await present(file);
        if (already) {
            added.push({ name: file.name, size: file.size, via: 'post', attachmentId: already });
            continue;
        }
        // Routed here because its own request fits Graph's limit: read it whole (stopping should it
        // turn out larger than declared), then post it.
        const room = attachments_2.GRAPH_REQUEST_LIMIT_BYTES - (0, attachments_2.requestBytes)((0, attachments_1.fileAttachmentBody)(file, Buffer.alloc(0)));
        const [inline] = await (0, attachments_2.downloadAttachments)([file], room, options);
        const attachmentId = await (0, attachments_1.postFileAttachment)(session, draftPath, file, inline.bytes);
        added.push({ name: file.name, size: inline.bytes.length, via: 'post', attachmentId });
    }
    for (const file of routes.session) {
        const already = await present(file);
        if (already) {
            added.push({ name: file.name, size: file.size, via: 'session', attachmentId: already });
            continue;
        }
        const open = async () => (await (0, readAttachment_1.openAttachment)({ ...file, declaredSize: file.size }, options)).stream;
        const { attachmentId } = await (0, uploadSession_1.uploadLargeAttachment)(session, draftPath, file, open, options);
        added.push({ name: file.name, size: file.size, via: 'session', attachmentId });
    }
    return added;
}
