"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
exports.mailPollSpec = mailPollSpec;
exports.process = processTrigger;
const cursor_1 = require("../graph/cursor");
const messages_1 = require("../graph/messages");
Object.defineProperty(exports, "MAIL_FIELDS", { enumerable: true, get: function () { return messages_1.MAIL_FIELDS; } });
Object.defineProperty(exports, "MAIL_PAGE_SIZE", { enumerable: true, get: function () { return messages_1.MAIL_PAGE_SIZE; } });
const odata_1 = require("../graph/odata");
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
async function processTrigger(_msg, cfg, snapshot) {
    await (0, pollingTrigger_1.runPollingTrigger)(this, cfg, snapshot, (root) => mailPollSpec(cfg, root), 'new mail(s)');
}
// The Folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
