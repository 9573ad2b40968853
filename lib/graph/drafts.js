"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findByKey = findByKey;
exports.getMessageRef = getMessageRef;
exports.wellKnownFolderId = wellKnownFolderId;
exports.createMessage = createMessage;
exports.createResponse = createResponse;
exports.updateMessage = updateMessage;
exports.sendMessage = sendMessage;
const errors_1 = require("./errors");
const messages_1 = require("./messages");
const odata_1 = require("./odata");
const sendKey_1 = require("./sendKey");
/** Enough to say where the mail is and to report it as sent; never the body. */
const REF_FIELDS = ['id', 'isDraft', 'parentFolderId', 'webLink', 'createdDateTime', 'sentDateTime', 'internetMessageId', 'conversationId', 'subject', 'toRecipients', 'ccRecipients', 'bccRecipients'];
/**
 * Every mail of the mailbox that carries `key`, in any folder (Drafts, Outbox, Sent Items, where
 * a rule or a person moved it, Deleted Items): one request. A key is on one mail, or on a few
 * after crashes, so one page holds them all.
 */
async function findByKey(session, key) {
    const { body } = await session.get(`${session.root}/messages${(0, odata_1.queryString)({ filter: (0, sendKey_1.sendKeyFilter)(key), select: REF_FIELDS, top: 50 })}`);
    return body?.value ?? [];
}
/** The mail by id, or undefined when Graph no longer has it (404). */
async function getMessageRef(session, id, field = 'messageId') {
    try {
        const { body } = await session.get(`${(0, messages_1.messagePath)(session, id, field)}${(0, odata_1.queryString)({ select: REF_FIELDS })}`);
        return body;
    }
    catch (err) {
        if (err instanceof errors_1.GraphRequestError && err.statusCode === 404)
            return undefined;
        throw err;
    }
}
/** The id of a well-known folder of the mailbox (drafts, outbox): folder ids never change. */
async function wellKnownFolderId(session, name) {
    const { body } = await session.get(`${session.root}/mailFolders/${name}${(0, odata_1.queryString)({ select: ['id'] })}`);
    return body.id;
}
/** POST /messages: a new draft in Drafts. Not idempotent: a second POST is a second draft. */
async function createMessage(session, message, sendingFrom) {
    const { body } = await session.post(`${session.root}/messages`, message, { idempotent: false, sendingFrom });
    return body;
}
/** The reply, reply-all or forward draft of mail `id`, in Drafts, quoting it. Not idempotent. */
async function createResponse(session, id, kind, request) {
    const { body } = await session.post(`${(0, messages_1.messagePath)(session, id)}/${kind}`, request, { idempotent: false });
    return body;
}
/** PATCH of a draft: setting the same values twice is harmless. */
async function updateMessage(session, id, changes, field = 'messageId') {
    const { body } = await session.patch((0, messages_1.messagePath)(session, id, field), changes, { idempotent: true });
    return body;
}
/** POST /send of a draft. Never repeated by the client: after a lost answer the caller looks. */
function sendMessage(session, id, sendingFrom, field = 'messageId') {
    return session.post(`${(0, messages_1.messagePath)(session, id, field)}/send`, undefined, { idempotent: false, sendingFrom });
}
