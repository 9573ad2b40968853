"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = void 0;
exports.mailChangesSpec = mailChangesSpec;
exports.process = processTrigger;
const deltaState_1 = require("../graph/deltaState");
const messages_1 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const deltaTrigger_1 = require("../platform/deltaTrigger");
const changeTypes_1 = require("../validation/changeTypes");
const fields_1 = require("../validation/fields");
/** Each change Graph reports: the mail's fields, and the time it changed for the rules of a resync. */
const CHANGE_SELECT = [...messages_1.MAIL_FIELDS, 'lastModifiedDateTime'];
/** The message as the time-cursor trigger emits it: the same fields, in the same order. */
function messageOf(item) {
    return Object.fromEntries(messages_1.MAIL_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}
function mailChangesSpec(cfg, root) {
    const folder = (0, odata_1.idSegment)((0, fields_1.isAbsent)(cfg.folderId) ? 'inbox' : cfg.folderId, 'folderId');
    const types = (0, changeTypes_1.parseChangeTypes)(cfg.changeTypes, 'changeTypes');
    const path = `${root}/mailFolders/${folder}/messages/delta`;
    const shown = decodeURIComponent(folder).slice(0, 24);
    // Removals first. A mail moved out and back in between two polls shows in both chains, its
    // removal in this one and its return in the created chain, each round fixed at its own first
    // page; emitted the other way round, the folder's last word on a mail in it was "deleted", which
    // also made the trigger forget the arrival, so a later resync emitted it again.
    const ordered = [...types.filter((type) => type === 'deleted'), ...types.filter((type) => type !== 'deleted')];
    const chains = ordered.map((type) => ({
        name: type,
        kind: type,
        // A removal carries only its id; the other kinds need the mail itself.
        initialPath: `${path}?changeType=${type}&${(0, odata_1.queryString)({ select: type === 'deleted' ? ['id'] : CHANGE_SELECT }).slice(1)}`,
        pageSize: messages_1.MAIL_PAGE_SIZE,
        label: `${type} mail in folder ${shown}`,
    }));
    return {
        scope: `mail|${root.toLowerCase()}|${folder}`,
        chains,
        facts: (item) => (0, deltaState_1.itemFacts)(item, 'receivedDateTime'),
        output: (type, item, facts) => (type === 'deleted'
            ? { changeType: type, id: facts.id, reason: item['@removed']?.reason ?? 'deleted' }
            : { changeType: type, id: facts.id, message: messageOf(item) }),
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    await (0, deltaTrigger_1.runDeltaTrigger)(this, cfg, snapshot, (root) => mailChangesSpec(cfg, root));
}
// The Folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
