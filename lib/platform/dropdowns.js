"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = getFolders;
exports.getContactFolders = getContactFolders;
exports.getCalendars = getCalendars;
/**
 * The dropdown models (a field's `"model": "name"`). Sailor calls `module[name](cfg)` on the step's
 * own module, so every step module re-exports the ones its fields name; the code lives here once.
 */
const calendars_1 = require("../graph/calendars");
const contacts_1 = require("../graph/contacts");
const folders_1 = require("../graph/folders");
const session_1 = require("../graph/session");
/** Every mail folder, nested ones by path. */
async function getFolders(cfg) {
    const folders = await (0, folders_1.listMailFolders)((0, session_1.createSession)(cfg, this));
    return Object.fromEntries(folders.map((folder) => [folder.id, folder.path]));
}
/** The default Contacts folder first, then every folder under it by path ("Contacts / Suppliers / Europe"). */
async function getContactFolders(cfg) {
    const folders = await (0, contacts_1.listContactFolders)((0, session_1.createSession)(cfg, this));
    return { [contacts_1.DEFAULT_CONTACT_FOLDER]: 'Contacts (default folder)', ...Object.fromEntries(folders.map((folder) => [folder.id, folder.path])) };
}
/** The mailbox's calendars, the default one first. */
async function getCalendars(cfg) {
    return (0, calendars_1.listCalendars)((0, session_1.createSession)(cfg, this));
}
