"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
exports.mailPollSpec = mailPollSpec;
exports.process = processTrigger;
/**
 * Poll for New Mail: every mail that arrives in the chosen folder, emitted once.
 * The cursor is receivedDateTime, which never changes: reading, flagging or moving an old mail
 * (which moves lastModifiedDateTime) cannot bring it back. With Store attachments each mail's
 * files go to the platform's storage before its message is emitted; with emitPage mails go out in
 * batches, each before the snapshot that covers it.
 */
const cursor_1 = require("../graph/cursor");
const messages_1 = require("../graph/messages");
Object.defineProperty(exports, "MAIL_FIELDS", { enumerable: true, get: function () { return messages_1.MAIL_FIELDS; } });
Object.defineProperty(exports, "MAIL_PAGE_SIZE", { enumerable: true, get: function () { return messages_1.MAIL_PAGE_SIZE; } });
const odata_1 = require("../graph/odata");
const batches_1 = require("../platform/batches");
const mailOutput_1 = require("../platform/mailOutput");
const pollingTrigger_1 = require("../platform/pollingTrigger");
const fields_1 = require("../validation/fields");
function mailPollSpec(cfg, root) {
    const folder = (0, odata_1.idSegment)((0, fields_1.isAbsent)(cfg.folderId) ? 'inbox' : cfg.folderId, 'folderId');
    return {
        collectionPath: `${root}/mailFolders/${folder}/messages`,
        timeField: 'receivedDateTime',
        extraFilter: (0, fields_1.parseFlag)(cfg.pollOnlyUnreadMail, 'pollOnlyUnreadMail') ? 'isRead eq false' : undefined,
        select: messages_1.MAIL_FIELDS,
        pageSize: messages_1.MAIL_PAGE_SIZE,
        keyOf: (mail) => (0, cursor_1.itemKey)(mail.id),
    };
}
async function processTrigger(msg, cfg, snapshot) {
    const storeAttachments = (0, fields_1.parseFlag)(cfg.storeAttachments, 'storeAttachments');
    const behaviour = (0, batches_1.parseEmitBehaviour)(cfg.emitBehaviour);
    await (0, pollingTrigger_1.runPollingTrigger)(this, cfg, snapshot, (root) => mailPollSpec(cfg, root), 'new mail(s)', (session) => ({
        behaviour,
        prepare: (mail) => (0, mailOutput_1.mailMessage)(session, mail, { storeAttachments, msgId: msg?.id }),
    }));
}
// The Folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
