"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
/**
 * Delete Mail: to Deleted Items (DELETE), or for good (`permanent`: POST permanentDelete, which
 * Graph offers in its global cloud only). Deleting what is already gone succeeds with
 * `alreadyDeleted: true`, so a replayed message is harmless; Graph answers a deleted mail and an
 * id that never named one alike (404), so `errorIfNotFound` turns that into an error instead.
 * A mail already in Deleted Items is not deleted again without `permanent` (a second DELETE
 * would purge it), and a delete whose answer is lost is checked before it is repeated.
 */
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const messages_2 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const writes_1 = require("../graph/writes");
const fields_1 = require("../validation/fields");
async function stateOf(session, path, deletedItems) {
    const mail = await (0, messages_2.readMessage)(session, path, ['id', 'parentFolderId']);
    if (!mail)
        return 'gone';
    return mail.parentFolderId === await deletedItems ? 'deleted' : 'there';
}
/** Runs the delete; a 404 means someone (or an earlier run) was first. */
async function remove(write, check) {
    try {
        return await (0, writes_1.confirmedWrite)(async () => { await write(); return false; }, async () => (await check() ? false : undefined));
    }
    catch (err) {
        if ((0, messages_2.isNotFound)(err))
            return true;
        throw err;
    }
}
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    (0, odata_1.idSegment)(input.messageId, 'messageId');
    const permanent = (0, fields_1.parseFlag)(input.permanent, 'permanent');
    const errorIfNotFound = (0, fields_1.parseFlag)(cfg.errorIfNotFound, 'errorIfNotFound');
    const session = (0, session_1.createSession)(cfg, this);
    if (permanent && session.cloud.name !== 'global') {
        throw new errors_1.InputError('permanent', `Microsoft Graph offers permanent deletion in its global cloud only, not in the ${session.cloud.name} cloud: set permanent to false (the mail goes to Deleted Items)`);
    }
    const path = (0, messages_2.messagePath)(session, input.messageId);
    let alreadyDeleted;
    let notFound;
    if (permanent) {
        // One request: a 404 says it is gone already.
        alreadyDeleted = await remove(() => session.post(`${path}/permanentDelete`, undefined, { idempotent: false }), async () => !(await (0, messages_2.readMessage)(session, path, ['id'])));
        notFound = alreadyDeleted;
    }
    else {
        const deletedItems = session.get(`${session.root}/mailFolders/deleteditems?$select=id`).then((r) => r.body.id);
        // Settled even if the mail turns out to be gone, so its failure cannot go unhandled.
        deletedItems.catch(() => undefined);
        const state = await stateOf(session, path, deletedItems);
        notFound = state === 'gone';
        // Not idempotent: a DELETE repeated after the first moved it to Deleted Items would purge it.
        alreadyDeleted = state !== 'there' || await remove(() => session.delete(path, { idempotent: false }), async () => (await stateOf(session, path, deletedItems)) !== 'there');
    }
    if (notFound && errorIfNotFound)
        throw (0, messages_2.mailNotFound)('messageId');
    this.logger.info(alreadyDeleted ? 'The mail was deleted already' : `Mail deleted${permanent ? ' permanently' : ''}`);
    return (0, messages_1.newMessageWithBody)({ id: String(input.messageId).trim(), permanent, alreadyDeleted });
}
