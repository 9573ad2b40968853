"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactFolders = exports.CONTACT_DELTA_PAGE_SIZE = void 0;
exports.contactChangesSpec = contactChangesSpec;
exports.process = processTrigger;
/**
 * Contact Changes: what happens to the contacts of one contact folder, through Graph's delta query
 * for contacts (contact: delta, served on `/contactFolders/{id}/contacts/delta`; the default folder
 * by its well-known name `contacts`). One chain follows all three kinds, told apart by when each
 * contact was created (as for calendar views); removals come under `@removed`. The shared machinery
 * is graph/delta.ts, graph/deltaState.ts and platform/deltaTrigger.ts.
 */
const contacts_1 = require("../graph/contacts");
const deltaState_1 = require("../graph/deltaState");
const odata_1 = require("../graph/odata");
const deltaTrigger_1 = require("../platform/deltaTrigger");
const changeTypes_1 = require("../validation/changeTypes");
/** Contacts per page: Graph's largest, so a first read of a folder of 1,000 contacts is one request. */
exports.CONTACT_DELTA_PAGE_SIZE = 1000;
/** The contact as Poll for New and Updated Contacts emits it: the same fields, in the same order. */
function contactOf(item) {
    return Object.fromEntries(contacts_1.CONTACT_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}
function contactChangesSpec(cfg, root) {
    const folder = (0, contacts_1.isDefaultContactFolder)(cfg.contactFolderId) ? contacts_1.DEFAULT_CONTACT_FOLDER : (0, odata_1.idSegment)(cfg.contactFolderId, 'contactFolderId');
    const emits = (0, changeTypes_1.parseChangeTypes)(cfg.changeTypes, 'changeTypes', ['created', 'updated', 'deleted']);
    const shown = folder === contacts_1.DEFAULT_CONTACT_FOLDER ? 'the default Contacts folder' : `contact folder ${decodeURIComponent(folder).slice(0, 24)}`;
    const chain = {
        name: 'changes',
        kind: 'changes',
        initialPath: `${root}/contactFolders/${folder}/contacts/delta${(0, odata_1.queryString)({ select: contacts_1.CONTACT_FIELDS })}`,
        pageSize: exports.CONTACT_DELTA_PAGE_SIZE,
        label: `contacts of ${shown}`,
    };
    return {
        scope: `contacts|${root.toLowerCase()}|${folder}`,
        chains: [chain],
        emits,
        facts: (item) => (0, deltaState_1.itemFacts)(item, 'createdDateTime'),
        output: (type, item, facts) => (type === 'deleted'
            ? { changeType: type, id: facts.id, reason: item['@removed']?.reason ?? 'deleted' }
            : { changeType: type, id: facts.id, contact: contactOf(item) }),
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    await (0, deltaTrigger_1.runDeltaTrigger)(this, cfg, snapshot, (root) => contactChangesSpec(cfg, root));
}
// The Contact folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getContactFolders", { enumerable: true, get: function () { return dropdowns_1.getContactFolders; } });
