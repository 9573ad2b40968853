"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = void 0;
exports.process = processAction;
/**
 * Copy Mail: a copy of a mail in a folder of the mailbox. Graph's copy is a new item each time, so
 * a replayed message would copy again; instead, the destination is searched first for a mail with
 * the same Internet Message-ID (a copy keeps it), and one found there is returned with
 * `alreadyCopied: true`. The same search follows a copy whose answer was lost, before it is tried
 * again. A mail without an Internet Message-ID (some drafts) cannot be recognised and is copied.
 */
const messages_1 = require("elasticio-node/lib/messages");
const destination_1 = require("../graph/destination");
const messages_2 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const writes_1 = require("../graph/writes");
const fields_1 = require("../validation/fields");
/** A mail in `folderId` other than `source` with the same Internet Message-ID: a copy made before. */
async function copyIn(session, folderId, source) {
    if (!source.internetMessageId)
        return undefined;
    const query = (0, odata_1.queryString)({ select: ['id'], filter: `internetMessageId eq ${(0, odata_1.stringLiteral)(source.internetMessageId)}`, top: 10 });
    const { items } = await session.page(`${session.root}/mailFolders/${(0, odata_1.idSegment)(folderId, 'destinationFolderId')}/messages${query}`);
    return items.find((mail) => mail.id !== source.id)?.id;
}
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    (0, odata_1.idSegment)(input.messageId, 'messageId');
    const destination = (0, destination_1.parseDestination)(input, cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const path = (0, messages_2.messagePath)(session, input.messageId);
    const [folderId, source] = await Promise.all([(0, destination_1.resolveDestination)(session, destination), (0, messages_2.readMessage)(session, path, ['id', 'internetMessageId'])]);
    if (!source)
        throw (0, messages_2.mailNotFound)('messageId');
    const copied = (id, alreadyCopied) => (0, messages_1.newMessageWithBody)({ id, sourceId: source.id, parentFolderId: folderId, alreadyCopied });
    const existing = await copyIn(session, folderId, source);
    if (existing) {
        this.logger.info('The folder holds a copy of the mail already; no copy made');
        return copied(existing, true);
    }
    if (!source.internetMessageId)
        this.logger.warn('The mail has no Internet Message-ID, so a copy made before cannot be recognised: a replayed message copies it again');
    const id = await (0, writes_1.confirmedWrite)(async () => (await session.post(`${path}/copy`, { destinationId: folderId }, { idempotent: false })).body.id, () => copyIn(session, folderId, source));
    this.logger.info('Mail copied');
    return copied(id, false);
}
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
