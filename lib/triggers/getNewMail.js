"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
exports.mailPollSpec = mailPollSpec;
exports.getFolders = getFolders;
exports.process = processTrigger;
const messages_1 = require("elasticio-node/lib/messages");
const cursor_1 = require("../graph/cursor");
const folders_1 = require("../graph/folders");
const odata_1 = require("../graph/odata");
const poll_1 = require("../graph/poll");
const session_1 = require("../graph/session");
const fields_1 = require("../validation/fields");
const datetime_1 = require("../validation/datetime");
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
    const folder = (0, odata_1.idSegment)(cfg.folderId || 'inbox', 'folderId');
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
    const startTime = cfg.startTime ? (0, datetime_1.parseInstant)(cfg.startTime, 'startTime') : undefined;
    const session = (0, session_1.createSession)(cfg, this);
    const spec = mailPollSpec(cfg, session.root);
    const { emitted, pages } = await (0, poll_1.pollCollection)(session, spec, { snapshot, startTime }, {
        emit: async (mail) => { await this.emit('data', (0, messages_1.newMessageWithBody)(mail)); },
        persist: async (next) => { await this.emit('snapshot', next); },
    }, this.logger);
    this.logger.info(`Poll finished: ${emitted} new mail(s) in ${pages} page(s)`);
}
/** Dropdown: every folder, nested ones by path. */
async function getFolders(cfg) {
    const folders = await (0, folders_1.listMailFolders)((0, session_1.createSession)(cfg, this));
    return Object.fromEntries(folders.map((folder) => [folder.id, folder.path]));
}
