"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAIL_ROUTES = void 0;
exports.folderParam = folderParam;
/** Mail: folders (top-level, children, by id or well-known name), messages, updates and moves. */
const entity_folder_1 = require("./entity-folder");
const entity_message_1 = require("./entity-message");
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const json_1 = require("./json");
const mailbox_1 = require("./mailbox");
const drafts_1 = require("./drafts");
const mail_update_1 = require("./mail-update");
const mutations_1 = require("./mutations");
const search_1 = require("./search");
const send_mail_1 = require("./send-mail");
function folderParam(req, idOrName) {
    const wellKnown = mailbox_1.WELL_KNOWN_FOLDERS.includes(idOrName.toLowerCase());
    return wellKnown ? req.mailbox.folder(idOrName) : (0, graph_request_1.lookup)(idOrName, (id) => req.mailbox.folder(id));
}
/** Hidden folders are left out of lists unless `includeHiddenFolders=true` (user-list-mailfolders.md). */
const listFolders = (req, folders, set) => (0, graph_request_1.listItems)(req, entity_folder_1.MAIL_FOLDER, folders.filter((f) => !f.isHidden || req.params.get('includeHiddenFolders') === 'true'), set);
const listTopFolders = (req) => listFolders(req, req.mailbox.childFolders(req.mailbox.wellKnownFolder('msgfolderroot')), 'mailFolders');
const getFolder = (req, { folderId }) => (0, graph_request_1.itemResponse)(req, entity_folder_1.MAIL_FOLDER, folderParam(req, folderId), 'mailFolders');
const listChildFolders = (req, { folderId }) => listFolders(req, req.mailbox.childFolders(folderParam(req, folderId)), `mailFolders('${folderId}')/childFolders`);
/** A message list, or a search of it when `$search` is given (search.ts). */
const messageList = (req, messages, set) => (req.params.has('$search') ? (0, search_1.searchResponse)(req, entity_message_1.MESSAGE, messages, set) : (0, graph_request_1.listResponse)(req, entity_message_1.MESSAGE, messages, set));
const listFolderMessages = (req, { folderId }) => {
    const folder = folderParam(req, folderId);
    return messageList(req, req.mailbox.folderMessages(folder), `mailFolders('${folderId}')/messages`);
};
const getFolderMessage = (req, { folderId, messageId }) => {
    const folder = folderParam(req, folderId);
    const message = (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id));
    if (message.folderId !== folder.id)
        throw (0, errors_1.notFound)();
    return (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, message, `mailFolders('${folderId}')/messages`);
};
const listMessages = (req) => messageList(req, req.mailbox.allMessages, 'messages');
const getMessage = (req, { messageId }) => (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id)), 'messages');
/** What a PATCH may change on a received or sent message; other message properties are read-only there. */
const UPDATABLE = ['isRead', 'flag', 'categories', 'importance', 'inferenceClassification'];
function readMailChanges(json) {
    for (const key of Object.keys(json)) {
        if (key.startsWith('@odata.') || UPDATABLE.includes(key))
            continue;
        if (key in entity_message_1.MESSAGE.properties) {
            throw new errors_1.GraphError(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is not allowed on this property of a sent or received message.');
        }
        throw new errors_1.GraphError(400, 'RequestBodyRead', `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
    if (json.isRead !== undefined && typeof json.isRead !== 'boolean')
        throw (0, errors_1.badRequest)("Cannot convert the value of 'isRead' to Edm.Boolean.");
    if (json.categories !== undefined && !(Array.isArray(json.categories) && json.categories.every((c) => typeof c === 'string'))) {
        throw (0, errors_1.badRequest)("'categories' must be an array of strings.");
    }
    if (json.flag !== undefined && !(0, json_1.isObject)(json.flag))
        throw (0, errors_1.badRequest)("'flag' must be an object.");
    const changes = {
        isRead: json.isRead,
        categories: json.categories,
    };
    if (json.flag !== undefined)
        Object.assign(changes, (0, mail_update_1.readFlag)(json.flag));
    if (json.importance !== undefined)
        changes.importance = (0, json_1.enumValue)(json.importance, ['low', 'normal', 'high'], 'normal');
    if (json.inferenceClassification !== undefined) {
        changes.inferenceClassification = (0, json_1.enumValue)(json.inferenceClassification, ['focused', 'other'], 'focused');
    }
    return changes;
}
const updateMessage = (req, { messageId }) => {
    const message = (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id));
    (0, mail_update_1.assertIfMatch)(req, message);
    (0, mutations_1.changeMail)(req.mailbox, message, readMailChanges((0, drafts_1.applyDraftChanges)(req, message, (0, graph_request_1.jsonBody)(req))), req.world.now());
    return (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, message, 'messages');
};
/** POST /messages/{id}/move: 201 with the message under its new id. */
const moveMessage = (req, { messageId }) => {
    const message = (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id));
    const destination = (0, json_1.param)((0, graph_request_1.jsonBody)(req), 'destinationId');
    if (typeof destination !== 'string' || !destination)
        throw (0, errors_1.badRequest)("The 'DestinationId' parameter is required.");
    (0, mutations_1.changeMail)(req.mailbox, message, { moveTo: folderParam(req, destination) }, req.world.now());
    return (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, message, 'messages', 201, true);
};
exports.MAIL_ROUTES = [
    { method: 'GET', pattern: '/mailFolders', handler: listTopFolders, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/mailFolders/{folderId}', handler: getFolder, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/mailFolders/{folderId}/childFolders', handler: listChildFolders, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/mailFolders/{folderId}/messages', handler: listFolderMessages, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/mailFolders/{folderId}/messages/{messageId}', handler: getFolderMessage, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/messages', handler: listMessages, permission: 'Mail.Read' },
    { method: 'GET', pattern: '/messages/{messageId}', handler: getMessage, permission: 'Mail.Read' },
    { method: 'PATCH', pattern: '/messages/{messageId}', handler: updateMessage, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/move', handler: moveMessage, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/sendMail', handler: send_mail_1.sendMail, permission: 'Mail.Send' },
];
