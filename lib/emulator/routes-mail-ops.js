"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAIL_OPS_ROUTES = void 0;
/**
 * What the mail toolbox does to mail and folders, as Microsoft documents it:
 * - `POST /messages/{id}/copy` {destinationId}: 201 with the copy, a new item with new REST and
 *   immutable ids, the original's times and Internet Message-ID (message-copy.md);
 * - `DELETE /messages/{id}`: 204; the mail goes to Deleted Items (its immutable id stays, its REST id
 *   changes, like a move), and a mail already in Deleted Items is removed (message-delete.md);
 * - `POST /messages/{id}/permanentDelete`: 204, gone for good; global cloud only, as documented
 *   (message-permanentdelete.md), so elsewhere an unknown segment (400);
 * - `GET /messages/{id}/$value`: the MIME (mime.ts);
 * - `GET /messages/{id}/attachments[/{id}[/$value]]` (attachments.ts);
 * - `POST /mailFolders` and `POST /mailFolders/{id}/childFolders` {displayName, isHidden}: 201 with
 *   the folder (user-post-mailfolders.md, mailfolder-post-childfolders.md); a name the parent already
 *   holds, in any letter case, is 409 ErrorFolderExists.
 */
const attachments_1 = require("./attachments");
const entity_folder_1 = require("./entity-folder");
const entity_message_1 = require("./entity-message");
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const json_1 = require("./json");
const mime_1 = require("./mime");
const routes_mail_1 = require("./routes-mail");
const messageParam = (req, id) => (0, graph_request_1.lookup)(id, (found) => req.mailbox.message(found));
/** The destination of a copy, by id or well-known name; a missing one is Graph's 400. */
function destination(req) {
    const id = (0, json_1.param)((0, graph_request_1.jsonBody)(req), 'destinationId');
    if (typeof id !== 'string' || !id)
        throw (0, errors_1.badRequest)("The 'DestinationId' parameter is required.");
    return (0, routes_mail_1.folderParam)(req, id);
}
const copyMessage = (req, { messageId }) => {
    const message = messageParam(req, messageId);
    const copy = req.mailbox.copyMessage(message, destination(req), req.world.now());
    return (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, copy, 'messages', 201, true);
};
const permanentDelete = (req, { messageId }) => {
    if (req.mailbox.tenant.cloud.name !== 'global')
        throw (0, errors_1.badRequest)("Resource not found for the segment 'permanentDelete'.");
    req.mailbox.removeMessage(messageParam(req, messageId));
    return { status: 204 };
};
const messageValue = (req, { messageId }) => {
    const message = messageParam(req, messageId);
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, stream: () => (0, mime_1.messageMime)(message) };
};
const listAttachments = (req, { messageId }) => {
    const message = messageParam(req, messageId);
    const select = (0, attachments_1.parseAttachmentSelect)(req.params.get('$select'));
    return (0, http_1.graphJson)(200, {
        '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments`,
        value: (0, attachments_1.attachmentsOf)(message).map((ref) => (0, attachments_1.renderAttachment)(ref, select)),
    });
};
const attachmentParam = (req, messageId, attachmentId) => (0, graph_request_1.lookup)(attachmentId, (id) => (0, attachments_1.findAttachment)(messageParam(req, messageId), id));
const getAttachment = (req, { messageId, attachmentId }) => (0, http_1.graphJson)(200, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments/$entity`,
    ...(0, attachments_1.renderAttachment)(attachmentParam(req, messageId, attachmentId), (0, attachments_1.parseAttachmentSelect)(req.params.get('$select'))),
});
const attachmentValue = (req, { messageId, attachmentId }) => {
    const ref = attachmentParam(req, messageId, attachmentId);
    (0, attachments_1.assertHasContent)(ref);
    const content = (0, attachments_1.attachmentContent)(ref);
    return { status: 200, headers: { 'Content-Type': content.contentType, 'Content-Length': String(content.length) }, stream: content.chunks };
};
/** Creates `displayName` under `parent`, or 409 when the parent already has a folder of that name. */
function createFolder(req, parent, set) {
    const json = (0, graph_request_1.jsonBody)(req);
    const name = (0, json_1.param)(json, 'displayName');
    const hidden = (0, json_1.param)(json, 'isHidden');
    if (typeof name !== 'string' || name.trim() === '')
        throw (0, errors_1.badRequest)("The 'DisplayName' property is required.");
    if (hidden !== undefined && typeof hidden !== 'boolean')
        throw (0, errors_1.badRequest)("Cannot convert the value of 'isHidden' to Edm.Boolean.");
    const taken = req.mailbox.childFolders(parent).some((f) => f.displayName.toLowerCase() === name.trim().toLowerCase());
    if (taken)
        throw new errors_1.GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    return (0, graph_request_1.itemResponse)(req, entity_folder_1.MAIL_FOLDER, req.mailbox.createFolder(name.trim(), parent, undefined, hidden === true), set, 201);
}
const createTopFolder = (req) => createFolder(req, req.mailbox.wellKnownFolder('msgfolderroot'), 'mailFolders');
const createChildFolder = (req, { folderId }) => createFolder(req, (0, routes_mail_1.folderParam)(req, folderId), `mailFolders('${folderId}')/childFolders`);
exports.MAIL_OPS_ROUTES = [
    { method: 'POST', pattern: '/messages/{messageId}/copy', handler: copyMessage, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/permanentDelete', handler: permanentDelete, permission: 'Mail.ReadWrite' },
    { method: 'GET', pattern: '/messages/{messageId}/$value', handler: messageValue, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/messages/{messageId}/attachments', handler: listAttachments, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/messages/{messageId}/attachments/{attachmentId}', handler: getAttachment, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/messages/{messageId}/attachments/{attachmentId}/$value', handler: attachmentValue, permission: 'Mail.Read' },
    { method: 'POST', pattern: '/mailFolders', handler: createTopFolder, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/mailFolders/{folderId}/childFolders', handler: createChildFolder, permission: 'Mail.ReadWrite' },
];
