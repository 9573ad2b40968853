"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = void 0;
exports.process = processAction;
/**
 * Move Mail: a mail into another folder of the mailbox. Ids are immutable, so the mail keeps its
 * id; a mail already in the destination (a replayed message) is left there and reported with
 * `alreadyThere: true`, without a request to move it. A move whose answer is lost is checked by
 * reading the mail again before it is repeated.
 */
const messages_1 = require("elasticio-node/lib/messages");
const destination_1 = require("../graph/destination");
const messages_2 = require("../graph/messages");
const session_1 = require("../graph/session");
const writes_1 = require("../graph/writes");
const odata_1 = require("../graph/odata");
const fields_1 = require("../validation/fields");
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    (0, odata_1.idSegment)(input.messageId, 'messageId');
    const destination = (0, destination_1.parseDestination)(input, cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const path = (0, messages_2.messagePath)(session, input.messageId);
    const where = () => (0, messages_2.readMessage)(session, path, ['id', 'parentFolderId']);
    const [folderId, mail] = await Promise.all([(0, destination_1.resolveDestination)(session, destination), where()]);
    if (!mail)
        throw (0, messages_2.mailNotFound)('messageId');
    const moved = (id, alreadyThere) => (0, messages_1.newMessageWithBody)({ id, parentFolderId: folderId, alreadyThere });
    if (mail.parentFolderId === folderId) {
        this.logger.info('The mail is in the destination folder already; nothing to move');
        return moved(mail.id, true);
    }
    const result = await (0, writes_1.confirmedWrite)(async () => (await session.post(`${path}/move`, { destinationId: folderId }, { idempotent: false })).body.id, async () => {
        const now = await where();
        if (!now)
            throw (0, messages_2.mailNotFound)('messageId');
        return now.parentFolderId === folderId ? now.id : undefined;
    });
    this.logger.info('Mail moved');
    return moved(result, false);
}
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
