"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MESSAGE_ATTACHMENT_ROUTES = void 0;
/**
 * Adding files to a message, as Microsoft documents it: `POST /messages/{id}/attachments`
 * (message-post-attachments.md) answers 201 with the attachment, the whole request bounded by
 * Graph's 4 MB (413 from server.ts); a larger file goes through an upload session
 * (upload-sessions.ts), which adds it here at its last range. The attachment then appears on the
 * message with Graph's size (its bytes plus some metadata).
 */
const attachments_1 = require("./attachments");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const send_mail_1 = require("./send-mail");
const upload_sessions_1 = require("./upload-sessions");
const messageOf = (req, messageId) => (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id));
/** Adds a file to a message as its next attachment; answers the attachment as Graph renders it. */
function attach(mailbox, message, attachment, now) {
    mailbox.updateMessage(message, now, (m) => {
        m.attachments = [...m.attachments, attachment];
        m.hasAttachments = true;
    });
    return (0, attachments_1.renderAttachment)((0, attachments_1.attachmentsOf)(message)[message.attachments.length - 1]);
}
const addAttachment = (req, { messageId }) => {
    const message = messageOf(req, messageId);
    const [attachment] = (0, send_mail_1.readAttachments)([(0, graph_request_1.jsonBody)(req)]);
    return (0, http_1.graphJson)(201, {
        '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments/$entity`,
        ...attach(req.mailbox, message, attachment, req.world.now()),
    });
};
const createUploadSession = (req, { messageId }) => {
    const { immutableId } = messageOf(req, messageId);
    const { mailbox } = req;
    return (0, upload_sessions_1.startUploadSession)(req, {
        set: 'Messages',
        itemId: immutableId,
        attach: ({ item, chunks }, now) => {
            // The message may have moved (a new REST id) since the session began: found by its immutable id.
            const message = mailbox.message(immutableId);
            const { contentId, ...rest } = item;
            return message && attach(mailbox, message, { ...rest, ...(contentId !== null && { contentId }), kind: 'file', chunks }, now).id;
        },
    });
};
exports.MESSAGE_ATTACHMENT_ROUTES = [
    { method: 'POST', pattern: '/messages/{messageId}/attachments', handler: addAttachment, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/attachments/createUploadSession', handler: createUploadSession, permission: 'Mail.ReadWrite' },
];
