"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.process = processAction;
/**
 * Send Mail. Everything is validated before the first request. With the duplicate check on (the
 * default) the mail goes out through a draft that carries the step's key, so that the same message
 * delivered again finds it instead of sending it twice (platform/sendGuard.ts); off, it is one
 * sendMail request when the files fit into it, never repeated after a lost answer.
 * Who it is from: the step's mailbox (`/users/{mailbox}`: sent as that mailbox, kept in its Sent
 * Items; delegated, that needs Full Access plus Send As or Send on Behalf on it) or the signed-in
 * user; `from` sends on behalf of (or as) another address from that mailbox (Send on Behalf or
 * Send As on the address). Graph "Send Outlook messages from another user".
 */
const messages_1 = require("elasticio-node/lib/messages");
const drafts_1 = require("../graph/drafts");
const messages_2 = require("../graph/messages");
const errors_1 = require("../graph/errors");
const httpDate_1 = require("../graph/httpDate");
const outgoingMail_1 = require("../graph/outgoingMail");
const sendKey_1 = require("../graph/sendKey");
const session_1 = require("../graph/session");
const attachments_1 = require("../platform/attachments");
const draftAttachments_1 = require("../platform/draftAttachments");
const outgoingFiles_1 = require("../platform/outgoingFiles");
const sendGuard_1 = require("../platform/sendGuard");
const errors_2 = require("../errors");
const mailInput_1 = require("../validation/mailInput");
function output(session, draft, files, sent) {
    return (0, messages_1.newMessageWithBody)({
        ...(sent.id && { id: sent.id }),
        sentAt: sent.sentAt,
        ...(0, mailInput_1.draftSummary)(session.mailbox, draft),
        attachments: (0, outgoingFiles_1.filesOutput)(files),
        savedToSentItems: draft.saveToSentItems,
        alreadySent: sent.alreadySent,
    });
}
/** Without the guard, when every file fits: today's one sendMail request, never repeated after a lost answer. */
async function sendAtOnce(context, session, draft, files) {
    const build = (inline) => (0, outgoingMail_1.buildSendMailRequest)(draft, inline);
    const inline = await (0, attachments_1.downloadAttachments)(files, (0, attachments_1.inlineRoom)(files, build));
    let acceptedAt;
    try {
        const { headers } = await session.post(`${session.root}/sendMail`, build(inline), { idempotent: false, sendingFrom: draft.from?.address });
        acceptedAt = (0, httpDate_1.answeredAt)(headers);
    }
    catch (err) {
        // Without an answer nobody knows whether Outlook sent it; a blind retry could send it twice.
        if (err instanceof errors_1.GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500)) {
            throw new errors_1.GraphRequestError(`${err.message} The mail may or may not have been sent, so it was not sent again: check Sent Items before re-running this message (with the duplicate check on, the step finds out itself).`, err.statusCode, err.code, err.requestId);
        }
        throw err;
    }
    context.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)`);
    // By Graph's clock where its answer tells (the container's may be off).
    return output(session, draft, files, { sentAt: acceptedAt ?? new Date().toISOString(), alreadySent: false });
}
async function processAction(msg, cfg) {
    const draft = (0, mailInput_1.parseMailInput)(msg.body);
    const checked = (0, sendGuard_1.duplicateCheckOn)(cfg);
    // Before any download: a credential or mailbox that cannot work is refused without side effects.
    const session = (0, session_1.createSession)(cfg, this);
    const files = await (0, outgoingFiles_1.outgoingFiles)(msg.attachments, { content: draft.body, contentType: draft.bodyContentType });
    // Without a copy in Sent Items there is nothing the guard could find later.
    const guarded = checked && draft.saveToSentItems;
    if (!guarded) {
        const direct = (0, attachments_1.routeAttachments)(files, (inline) => (0, outgoingMail_1.buildSendMailRequest)(draft, inline));
        if (!direct.post.length && !direct.session.length)
            return sendAtOnce(this, session, draft, files);
        if (!draft.saveToSentItems) {
            throw new errors_2.InputError('saveToSentItems', 'false needs every file to fit into one request (about 2.9 MB in total): Graph sends larger files only from a draft, which always keeps a copy in Sent Items. Set it to true, or send smaller files; nothing was sent');
        }
    }
    const key = guarded ? (0, sendKey_1.sendKeyFor)({ action: 'sendMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { draft, files: (0, outgoingFiles_1.filesKey)(files) } }) : undefined;
    const build = (inline) => (0, outgoingMail_1.buildDraftRequest)(draft, inline, key ? [(0, sendKey_1.sendKeyProperty)(key)] : []);
    const routes = (0, attachments_1.routeAttachments)(files, build);
    // Before the first request: a file the storage refuses, or larger than it said, is an input error with no side effect.
    const inline = await (0, attachments_1.downloadAttachments)(routes.inline, (0, attachments_1.inlineRoom)(routes.inline, build));
    const prepared = await (0, sendGuard_1.prepareDraft)(session, {
        create: async (tags) => (0, drafts_1.createMessage)(session, (0, outgoingMail_1.buildDraftRequest)(draft, inline, tags), draft.from?.address),
        complete: async (created, reused) => { await (0, draftAttachments_1.addDraftAttachments)(session, (0, messages_2.messagePath)(session, created.id), routes, { skipPresent: reused }); },
    }, { key });
    if (prepared.kind === 'sent')
        return alreadySent(this, session, draft, files, prepared.found);
    const sent = await (0, sendGuard_1.sendDraft)(session, prepared.draft, { key, sendingFrom: draft.from?.address });
    this.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)${prepared.reused ? ', from the draft an interrupted run left' : ''}`);
    return output(session, draft, files, { id: prepared.draft.id, sentAt: sent.acceptedAt ?? new Date().toISOString(), alreadySent: false });
}
function alreadySent(context, session, draft, files, found) {
    context.logger.info('This message was sent by an earlier run of the step (the same message delivered again): not sent twice');
    return output(session, draft, files, { id: found.id, sentAt: found.sentDateTime ?? found.createdDateTime ?? new Date().toISOString(), alreadySent: true });
}
