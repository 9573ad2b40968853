"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = void 0;
exports.process = processAction;
/**
 * Copy Mail: a copy of a mail in a folder of the mailbox. Graph's copy is a new item each time, and
 * its lists show a new item only after a replication delay, so "look in the folder, copy when
 * nothing is there" alone copies twice when the look comes seconds after an earlier copy (a
 * redelivered message, or our own look after a lost answer). Hence, unless the step's duplicate
 * check is skipped:
 *
 * - each copy is marked with the key of the step, the incoming message, the mail and the folder
 *   (the send guard's key, sendKey.ts), which a look-up by key finds at once; a run first looks for
 *   its key, then for any mail of the folder with the same Internet Message-ID (a copy keeps it, so
 *   a copy made before by anyone counts), and returns one found with `alreadyCopied: true`;
 * - after a lost answer to the copy (which may have been made, untagged: its id was in the answer)
 *   it looks for the Message-ID until the list must show a copy made before the look began
 *   (writes.ts), and copies again only when none shows by then.
 *
 * A mail without an Internet Message-ID (some drafts) cannot be looked for after a lost answer: it
 * is copied again. The README's Copy Mail section says what this costs and cannot promise.
 */
const messages_1 = require("elasticio-node/lib/messages");
const drafts_1 = require("../graph/drafts");
const destination_1 = require("../graph/destination");
const errors_1 = require("../graph/errors");
const messages_2 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const sendKey_1 = require("../graph/sendKey");
const session_1 = require("../graph/session");
const writes_1 = require("../graph/writes");
const sendGuard_1 = require("../platform/sendGuard");
const fields_1 = require("../validation/fields");
/** A mail in `folderId` other than `source` with the same Internet Message-ID: a copy made before. */
async function copyIn(session, folderId, source) {
    if (!source.internetMessageId)
        return { found: undefined };
    const query = (0, odata_1.queryString)({ select: ['id'], filter: `internetMessageId eq ${(0, odata_1.stringLiteral)(source.internetMessageId)}`, top: 10 });
    const page = await session.page(`${session.root}/mailFolders/${(0, odata_1.idSegment)(folderId, 'destinationFolderId')}/messages${query}`);
    return { found: page.items.find((mail) => mail.id !== source.id)?.id, serverTime: page.serverTime };
}
/** The copy an earlier run of this message marked, if it is still in the folder; else any copy there. */
async function earlierCopy(session, folderId, source, key) {
    const marked = (await (0, drafts_1.findByKey)(session, key)).find((mail) => mail.parentFolderId === folderId && mail.id !== source.id);
    return marked?.id ?? (await copyIn(session, folderId, source)).found;
}
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    (0, odata_1.idSegment)(input.messageId, 'messageId');
    const destination = (0, destination_1.parseDestination)(input, cfg);
    const checked = (0, sendGuard_1.duplicateCheckOn)(cfg);
    const session = (0, session_1.createSession)(cfg, this);
    const path = (0, messages_2.messagePath)(session, input.messageId);
    const [folderId, source] = await Promise.all([(0, destination_1.resolveDestination)(session, destination), (0, messages_2.readMessage)(session, path, ['id', 'internetMessageId'])]);
    if (!source)
        throw (0, messages_2.mailNotFound)('messageId');
    const copied = (id, alreadyCopied) => (0, messages_1.newMessageWithBody)({ id, sourceId: source.id, parentFolderId: folderId, alreadyCopied });
    const key = checked ? (0, sendKey_1.sendKeyFor)({ action: 'copyMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { source: source.id, destination: folderId } }) : undefined;
    if (key) {
        const existing = await earlierCopy(session, folderId, source, key);
        if (existing) {
            this.logger.info('The folder holds a copy of the mail already; no copy made');
            return copied(existing, true);
        }
    }
    if (!source.internetMessageId)
        this.logger.warn('The mail has no Internet Message-ID, so a copy whose answer is lost cannot be recognised: it is copied again');
    const id = await (0, writes_1.confirmedWrite)(async () => (await session.post(`${path}/copy`, { destinationId: folderId }, { idempotent: false })).body.id, source.internetMessageId ? (0, writes_1.listedCheck)(session, () => copyIn(session, folderId, source)) : async () => undefined);
    if (key) {
        try {
            await (0, drafts_1.updateMessage)(session, id, { singleValueExtendedProperties: [(0, sendKey_1.sendKeyProperty)(key)] });
        }
        catch (err) {
            // The copy is made and is the step's result; only a redelivery within seconds would miss it.
            if (!(err instanceof errors_1.GraphRequestError))
                throw err;
            this.logger.warn(`The copy was made but could not be marked for the duplicate check (${err.statusCode ?? 'no answer'}): if the platform delivers this message again within seconds, it may be copied again`);
        }
    }
    this.logger.info('Mail copied');
    return copied(id, false);
}
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
