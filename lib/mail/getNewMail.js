"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
exports.mailPollSpec = mailPollSpec;
exports.process = processTrigger;
const cursor_1 = require("../graph/cursor");
const odata_1 = require("../graph/odata");
const pollingTrigger_1 = require("../platform/pollingTrigger");
const fields_1 = require("../validation/fields");
/** What each emitted message carries; matches getNewMail.out.json. */
exports.MAIL_FIELDS = [
    'id', 'internetMessageId', 'conversationId', 'parentFolderId', 'subject', 'bodyPreview', 'body',
    'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
    'receivedDateTime', 'sentDateTime', 'importance', 'isRead', 'isDraft', 'flag', 'categories',
    'hasAttachments', 'webLink',
];
/** Graph's largest page for messages: one request per 1,000 mails. */
exports.MAIL_PAGE_SIZE = 1000;
function mailPollSpec(cfg, root) {
    const folder = (0, odata_1.idSegment)((0, fields_1.isAbsent)(cfg.folderId) ? 'inbox' : cfg.folderId, 'folderId');
    return {
        collectionPath: `${root}/mailFolders/${folder}/messages`,
        timeField: 'receivedDateTime',
        extraFilter: (0, fields_1.parseFlag)(cfg.pollOnlyUnreadMail, 'pollOnlyUnreadMail') ? 'isRead eq false' : undefined,
        select: exports.MAIL_FIELDS,
        pageSize: exports.MAIL_PAGE_SIZE,
        keyOf: (mail) => (0, cursor_1.itemKey)(mail.id),
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    await (0, pollingTrigger_1.runPollingTrigger)(this, cfg, snapshot, (root) => mailPollSpec(cfg, root), 'new mail(s)');
}
// The Folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
