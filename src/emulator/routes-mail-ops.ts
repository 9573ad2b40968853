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
import { assertHasContent, attachmentContent, attachmentsOf, findAttachment, parseAttachmentSelect, renderAttachment } from './attachments';
import { MAIL_FOLDER } from './entity-folder';
import { MESSAGE } from './entity-message';
import { badRequest, GraphError } from './errors';
import { itemResponse, jsonBody, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { graphJson } from './http';
import { param } from './json';
import type { Folder, StoredMessage } from './model';
import { messageMime } from './mime';
import { folderParam } from './routes-mail';

const messageParam = (req: GraphRequest, id: string): StoredMessage => lookup(id, (found) => req.mailbox.message(found));

/** The destination of a copy, by id or well-known name; a missing one is Graph's 400. */
function destination(req: GraphRequest): Folder {
  const id = param(jsonBody(req), 'destinationId');
  if (typeof id !== 'string' || !id) throw badRequest("The 'DestinationId' parameter is required.");
  return folderParam(req, id);
}

const copyMessage: GraphHandler = (req, { messageId }) => {
  const message = messageParam(req, messageId);
  const copy = req.mailbox.copyMessage(message, destination(req), req.world.now());
  return itemResponse(req, MESSAGE, copy, 'messages', 201, true);
};

const permanentDelete: GraphHandler = (req, { messageId }) => {
  if (req.mailbox.tenant.cloud.name !== 'global') throw badRequest("Resource not found for the segment 'permanentDelete'.");
  req.mailbox.removeMessage(messageParam(req, messageId));
  return { status: 204 };
};

const messageValue: GraphHandler = (req, { messageId }) => {
  const message = messageParam(req, messageId);
  return { status: 200, headers: { 'Content-Type': 'text/plain' }, stream: () => messageMime(message) };
};

const listAttachments: GraphHandler = (req, { messageId }) => {
  const message = messageParam(req, messageId);
  const select = parseAttachmentSelect(req.params.get('$select'));
  return graphJson(200, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments`,
    value: attachmentsOf(message).map((ref) => renderAttachment(ref, select)),
  });
};

const attachmentParam = (req: GraphRequest, messageId: string, attachmentId: string) =>
  lookup(attachmentId, (id) => findAttachment(messageParam(req, messageId), id));

const getAttachment: GraphHandler = (req, { messageId, attachmentId }) => graphJson(200, {
  '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users('${req.mailbox.user.id}')/messages('${encodeURIComponent(messageId)}')/attachments/$entity`,
  ...renderAttachment(attachmentParam(req, messageId, attachmentId), parseAttachmentSelect(req.params.get('$select'))),
});

const attachmentValue: GraphHandler = (req, { messageId, attachmentId }) => {
  const ref = attachmentParam(req, messageId, attachmentId);
  assertHasContent(ref);
  const content = attachmentContent(ref);
  return { status: 200, headers: { 'Content-Type': content.contentType, 'Content-Length': String(content.length) }, stream: content.chunks };
};

/** Creates `displayName` under `parent`, or 409 when the parent already has a folder of that name. */
function createFolder(req: GraphRequest, parent: Folder, set: string) {
  const json = jsonBody(req);
  const name = param(json, 'displayName');
  const hidden = param(json, 'isHidden');
  if (typeof name !== 'string' || name.trim() === '') throw badRequest("The 'DisplayName' property is required.");
  if (hidden !== undefined && typeof hidden !== 'boolean') throw badRequest("Cannot convert the value of 'isHidden' to Edm.Boolean.");
  const taken = req.mailbox.childFolders(parent).some((f) => f.displayName.toLowerCase() === name.trim().toLowerCase());
  if (taken) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  return itemResponse(req, MAIL_FOLDER, req.mailbox.createFolder(name.trim(), parent, undefined, hidden === true), set, 201);
}

const createTopFolder: GraphHandler = (req) => createFolder(req, req.mailbox.wellKnownFolder('msgfolderroot'), 'mailFolders');

const createChildFolder: GraphHandler = (req, { folderId }) =>
  createFolder(req, folderParam(req, folderId), `mailFolders('${folderId}')/childFolders`);

export const MAIL_OPS_ROUTES: readonly GraphRoute[] = [
  { method: 'POST', pattern: '/messages/{messageId}/copy', handler: copyMessage, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/messages/{messageId}/permanentDelete', handler: permanentDelete, permission: 'Mail.ReadWrite' },
  { method: 'GET', pattern: '/messages/{messageId}/$value', handler: messageValue, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/messages/{messageId}/attachments', handler: listAttachments, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/messages/{messageId}/attachments/{attachmentId}', handler: getAttachment, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/messages/{messageId}/attachments/{attachmentId}/$value', handler: attachmentValue, permission: 'Mail.Read' },
  { method: 'POST', pattern: '/mailFolders', handler: createTopFolder, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/mailFolders/{folderId}/childFolders', handler: createChildFolder, permission: 'Mail.ReadWrite' },
];
