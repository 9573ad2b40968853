"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recipientAddresses = exports.MAIL_LIST_PAGE_SIZE = exports.SEARCH_RESULTS_LIMIT = exports.MAIL_PAGE_SIZE = exports.MAIL_FIELDS = void 0;
exports.messagePath = messagePath;
exports.isNotFound = isNotFound;
exports.mailNotFound = mailNotFound;
exports.outcomeUnknown = outcomeUnknown;
exports.readMessage = readMessage;
exports.findByInternetMessageId = findByInternetMessageId;
const errors_1 = require("./errors");
const odata_1 = require("./odata");
/** What each emitted mail carries (the mail triggers, Get Mail, Find Mail); the out schemas use manifest/schemas.ts mailProperties. */
exports.MAIL_FIELDS = [
    'id', 'internetMessageId', 'conversationId', 'parentFolderId', 'subject', 'bodyPreview', 'body',
    'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
    'receivedDateTime', 'sentDateTime', 'importance', 'isRead', 'isDraft', 'flag', 'categories',
    'hasAttachments', 'webLink',
];
/** Graph's largest page for messages: one request per 1,000 mails. */
exports.MAIL_PAGE_SIZE = 1000;
/** Graph's cap on the results of one `$search` on messages (concepts/search-query-parameter.md). */
exports.SEARCH_RESULTS_LIMIT = 1000;
/** Mails per page of a list that carries bodies: well below Graph's time-outs (user-list-messages.md warns of 504). */
exports.MAIL_LIST_PAGE_SIZE = 100;
/** `{root}/messages/{id}`; `field` is the input that named the id, for the error a bad one gets. */
function messagePath(session, id, field = 'messageId') {
    return `${session.root}/messages/${(0, odata_1.idSegment)(id, field)}`;
}
/** The addresses of a recipient list as Graph gives it (toRecipients, ccRecipients...), for a step's output. */
const recipientAddresses = (list) => (list ?? []).map((r) => r.emailAddress?.address ?? '').filter(Boolean);
exports.recipientAddresses = recipientAddresses;
/** Graph's answer for an id that names no mail of the mailbox: deleted, or never one. */
function isNotFound(err) {
    return err instanceof errors_1.GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound';
}
/** The error for an id that names no mail: Graph cannot tell a deleted mail from a wrong id. */
function mailNotFound(field) {
    return new errors_1.GraphRequestError(`${field}: Outlook has no mail with this id in the mailbox (HTTP 404 ErrorItemNotFound): it was deleted, or the id belongs to another mailbox, or it is a REST id from before the mail was moved. Map the id the component emitted: it is immutable and survives moves.`, 404, 'ErrorItemNotFound', undefined);
}
/** Whether a request failed without an answer that says what happened (5xx, a lost answer): it may have been done. */
function outcomeUnknown(err) {
    return err instanceof errors_1.GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
}
/** The mail at `path`, or undefined when Graph says there is none (404 ErrorItemNotFound). */
async function readMessage(session, path, select) {
    try {
        return (await session.get(`${path}${(0, odata_1.queryString)({ select })}`)).body;
    }
    catch (err) {
        if (isNotFound(err))
            return undefined;
        throw err;
    }
}
/**
 * The mails of the mailbox with this Internet Message-ID, newest received first (a mail copied to
 * another folder, or sent to oneself, shares it). At most `top`.
 */
async function findByInternetMessageId(session, internetMessageId, select, top = 10) {
    const query = (0, odata_1.queryString)({ select, filter: `internetMessageId eq ${(0, odata_1.stringLiteral)(internetMessageId)}`, top });
    return (await session.page(`${session.root}/messages${query}`)).items;
}
