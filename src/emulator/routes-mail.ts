/** Mail: folders (top-level, children, by id or well-known name), messages, updates and moves. */
import { MAIL_FOLDER } from './entity-folder';
import { MESSAGE } from './entity-message';
import { badRequest, GraphError, notFound } from './errors';
import { itemResponse, jsonBody, listItems, listResponse, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { enumValue, isObject, param } from './json';
import type { Json } from './json';
import { WELL_KNOWN_FOLDERS } from './mailbox';
import type { Collection } from './collection';
import type { Folder, StoredMessage } from './model';
import { applyDraftChanges } from './drafts';
import { assertIfMatch, readFlag } from './mail-update';
import { changeMail } from './mutations';
import type { MailChanges } from './mutations';
import { searchResponse } from './search';
import { sendMail } from './send-mail';

export function folderParam(req: GraphRequest, idOrName: string): Folder {
  const wellKnown = (WELL_KNOWN_FOLDERS as readonly string[]).includes(idOrName.toLowerCase());
  return wellKnown ? req.mailbox.folder(idOrName) as Folder : lookup(idOrName, (id) => req.mailbox.folder(id));
}

/** Hidden folders are left out of lists unless `includeHiddenFolders=true` (user-list-mailfolders.md). */
const listFolders = (req: GraphRequest, folders: readonly Folder[], set: string) =>
  listItems(req, MAIL_FOLDER, folders.filter((f) => !f.isHidden || req.params.get('includeHiddenFolders') === 'true'), set);

const listTopFolders: GraphHandler = (req) =>
  listFolders(req, req.mailbox.childFolders(req.mailbox.wellKnownFolder('msgfolderroot')), 'mailFolders');

const getFolder: GraphHandler = (req, { folderId }) =>
  itemResponse(req, MAIL_FOLDER, folderParam(req, folderId), 'mailFolders');

const listChildFolders: GraphHandler = (req, { folderId }) =>
  listFolders(req, req.mailbox.childFolders(folderParam(req, folderId)), `mailFolders('${folderId}')/childFolders`);

/** A message list, or a search of it when `$search` is given (search.ts). */
const messageList = (req: GraphRequest, messages: Collection<StoredMessage>, set: string) =>
  (req.params.has('$search') ? searchResponse(req, MESSAGE, messages, set) : listResponse(req, MESSAGE, messages, set));

const listFolderMessages: GraphHandler = (req, { folderId }) => {
  const folder = folderParam(req, folderId);
  return messageList(req, req.mailbox.folderMessages(folder), `mailFolders('${folderId}')/messages`);
};

const getFolderMessage: GraphHandler = (req, { folderId, messageId }) => {
  const folder = folderParam(req, folderId);
  const message = lookup(messageId, (id) => req.mailbox.message(id));
  if (message.folderId !== folder.id) throw notFound();
  return itemResponse(req, MESSAGE, message, `mailFolders('${folderId}')/messages`);
};

const listMessages: GraphHandler = (req) => messageList(req, req.mailbox.allMessages, 'messages');

const getMessage: GraphHandler = (req, { messageId }) =>
  itemResponse(req, MESSAGE, lookup(messageId, (id) => req.mailbox.message(id)), 'messages');

/** What a PATCH may change on a received or sent message; other message properties are read-only there. */
const UPDATABLE = ['isRead', 'flag', 'categories', 'importance', 'inferenceClassification'];

function readMailChanges(json: Json): MailChanges {
  for (const key of Object.keys(json)) {
    if (key.startsWith('@odata.') || UPDATABLE.includes(key)) continue;
    if (key in MESSAGE.properties) {
      throw new GraphError(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is not allowed on this property of a sent or received message.');
    }
    throw new GraphError(400, 'RequestBodyRead', `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
  }
  if (json.isRead !== undefined && typeof json.isRead !== 'boolean') throw badRequest("Cannot convert the value of 'isRead' to Edm.Boolean.");
  if (json.categories !== undefined && !(Array.isArray(json.categories) && json.categories.every((c) => typeof c === 'string'))) {
    throw badRequest("'categories' must be an array of strings.");
  }
  if (json.flag !== undefined && !isObject(json.flag)) throw badRequest("'flag' must be an object.");
  const changes: MailChanges = {
    isRead: json.isRead as boolean | undefined,
    categories: json.categories as string[] | undefined,
  };
  if (json.flag !== undefined) Object.assign(changes, readFlag(json.flag as Json));
  if (json.importance !== undefined) changes.importance = enumValue(json.importance, ['low', 'normal', 'high'] as const, 'normal');
  if (json.inferenceClassification !== undefined) {
    changes.inferenceClassification = enumValue(json.inferenceClassification, ['focused', 'other'] as const, 'focused');
  }
  return changes;
}

const updateMessage: GraphHandler = (req, { messageId }) => {
  const message = lookup(messageId, (id) => req.mailbox.message(id));
  assertIfMatch(req, message);
  changeMail(req.mailbox, message, readMailChanges(applyDraftChanges(req, message, jsonBody(req))), req.world.now());
  return itemResponse(req, MESSAGE, message, 'messages');
};

/** POST /messages/{id}/move: 201 with the message under its new id. */
const moveMessage: GraphHandler = (req, { messageId }) => {
  const message = lookup(messageId, (id) => req.mailbox.message(id));
  const destination = param(jsonBody(req), 'destinationId');
  if (typeof destination !== 'string' || !destination) throw badRequest("The 'DestinationId' parameter is required.");
  changeMail(req.mailbox, message, { moveTo: folderParam(req, destination) }, req.world.now());
  return itemResponse(req, MESSAGE, message, 'messages', 201, true);
};

export const MAIL_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '/mailFolders', handler: listTopFolders, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/mailFolders/{folderId}', handler: getFolder, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/mailFolders/{folderId}/childFolders', handler: listChildFolders, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/mailFolders/{folderId}/messages', handler: listFolderMessages, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/mailFolders/{folderId}/messages/{messageId}', handler: getFolderMessage, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/messages', handler: listMessages, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/messages/{messageId}', handler: getMessage, permission: 'Mail.Read' },
  { method: 'PATCH', pattern: '/messages/{messageId}', handler: updateMessage, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/messages/{messageId}/move', handler: moveMessage, permission: 'Mail.ReadWrite' },
  { method: 'POST', pattern: '/sendMail', handler: sendMail, permission: 'Mail.Send' },
];
