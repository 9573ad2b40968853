"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
/**
 * Find or Create Folder: a mail folder by its path (`Inbox/Projects/Alpha`), each level found by
 * name and, with Create missing folders, created where missing. Safe to repeat and to run in
 * parallel: what exists is found, not created again, and two runs creating the same folder at once
 * end with the one folder (graph/folders.ts resolveFolderPath).
 */
const messages_1 = require("elasticio-node/lib/messages");
const folders_1 = require("../graph/folders");
const session_1 = require("../graph/session");
const fields_1 = require("../validation/fields");
const mailInputs_1 = require("../validation/mailInputs");
async function processAction(msg, cfg) {
    const names = (0, mailInputs_1.parseFolderPath)((0, fields_1.inputObject)(msg.body).path, 'path');
    const create = (0, fields_1.parseFlag)(cfg.createMissing, 'createMissing');
    const session = (0, session_1.createSession)(cfg, this);
    const folder = await (0, folders_1.resolveFolderPath)(session, names, { create, field: 'path' });
    this.logger.info(folder.created ? 'Folder created' : 'Folder found');
    return (0, messages_1.newMessageWithBody)({ id: folder.id, path: folder.path, created: folder.created });
}
