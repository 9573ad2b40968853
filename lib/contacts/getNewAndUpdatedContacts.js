"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactFolders = exports.CONTACT_PAGE_SIZE = void 0;
exports.contactPollSpec = contactPollSpec;
exports.allFolders = allFolders;
exports.process = processTrigger;
/**
 * Poll for New and Updated Contacts: each contact once per change, on the polling machinery of the
 * events trigger (graph/poll.ts): the cursor is lastModifiedDateTime, the key id plus changeKey.
 * One folder is one collection; all contacts (the default) are every folder Graph lists under the
 * default Contacts folder and that folder itself, each polled the same way, their cursors kept in
 * one snapshot (graph/cursorSet.ts). Folders are listed on every poll, so a new folder is watched
 * from then on.
 */
const errors_1 = require("../errors");
const cursor_1 = require("../graph/cursor");
const cursorSet_1 = require("../graph/cursorSet");
const contacts_1 = require("../graph/contacts");
const pollingTrigger_1 = require("../platform/pollingTrigger");
const fields_1 = require("../validation/fields");
exports.CONTACT_PAGE_SIZE = 1000;
function contactPollSpec(root, folderId) {
    return {
        collectionPath: (0, contacts_1.contactsPath)(root, folderId),
        timeField: 'lastModifiedDateTime',
        select: contacts_1.CONTACT_FIELDS,
        pageSize: exports.CONTACT_PAGE_SIZE,
        keyOf: (contact) => (0, cursor_1.itemKey)(contact.id, contact.changeKey ?? ''),
    };
}
/** Every contact folder as a collection: the default folder first, then those under it by path. */
async function allFolders(session) {
    const ids = [contacts_1.DEFAULT_CONTACT_FOLDER, ...(await (0, contacts_1.listContactFolders)(session)).map((f) => f.id)];
    if (ids.length > cursorSet_1.MAX_COLLECTIONS) {
        throw new errors_1.InputError('contactFolderId', `the mailbox has ${ids.length} contact folders, more than the ${cursorSet_1.MAX_COLLECTIONS} one trigger can keep track of: pick one folder (a flow per folder)`);
    }
    return ids.map((id) => ({ key: (0, cursorSet_1.collectionKey)(id), spec: contactPollSpec(session.root, id) }));
}
async function processTrigger(_msg, cfg, snapshot) {
    const noun = 'new or changed contact(s)';
    if ((0, fields_1.isAbsent)(cfg.contactFolderId)) {
        await (0, pollingTrigger_1.runPollingTriggerOverCollections)(this, cfg, snapshot, allFolders, noun);
    }
    else {
        await (0, pollingTrigger_1.runPollingTrigger)(this, cfg, snapshot, (root) => contactPollSpec(root, cfg.contactFolderId), noun);
    }
}
// The Contact folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getContactFolders", { enumerable: true, get: function () { return dropdowns_1.getContactFolders; } });
