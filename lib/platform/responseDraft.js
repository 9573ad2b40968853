"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.responseBody = responseBody;
exports.withExtra = withExtra;
exports.createRequest = createRequest;
exports.draftChanges = draftChanges;
exports.respond = respond;
exports.responseOutput = responseOutput;
const drafts_1 = require("../graph/drafts");
const messages_1 = require("../graph/messages");
const errors_1 = require("../graph/errors");
const addresses_1 = require("../validation/addresses");
const attachments_1 = require("./attachments");
const draftAttachments_1 = require("./draftAttachments");
const outgoingFiles_1 = require("./outgoingFiles");
const sendGuard_1 = require("./sendGuard");
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const textToHtml = (text) => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
/** An HTML fragment of `html`: what is inside its <body> when it is a whole document. */
function fragment(html) {
    const inner = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
    return inner ? inner[1] : html;
}
/**
 * The response's body: the flow's text above what Outlook wrote (the quoted original), in the
 * draft's own format. Undefined when the flow gives no text: the draft stays as Outlook wrote it.
 */
function responseBody(ours, drafted) {
    if (!ours.content)
        return undefined;
    const quoted = drafted?.content ?? '';
    const quotedHtml = (drafted?.contentType ?? 'html').toLowerCase() === 'html';
    if (!quotedHtml && ours.contentType === 'text')
        return { contentType: 'text', content: quoted ? `${ours.content}\r\n\r\n${quoted}` : ours.content };
    const mine = `<div>${ours.contentType === 'html' ? fragment(ours.content) : textToHtml(ours.content)}</div>`;
    if (!quotedHtml)
        return { contentType: 'html', content: `${mine}<br><div>${textToHtml(quoted)}</div>` };
    const open = /<body[^>]*>/i.exec(quoted);
    if (!open)
        return { contentType: 'html', content: `${mine}${quoted}` };
    const at = open.index + open[0].length;
    return { contentType: 'html', content: `${quoted.slice(0, at)}${mine}${quoted.slice(at)}` };
}
/** Outlook's recipients and the flow's, each address once (the first spelling wins). */
function withExtra(drafted, extra) {
    const list = [...(drafted ?? []), ...(0, addresses_1.toRecipients)(extra)];
    const seen = new Set();
    return list.filter((r) => {
        const address = r.emailAddress?.address?.toLowerCase();
        if (!address || seen.has(address))
            return false;
        seen.add(address);
        return true;
    });
}
/** The create request: a forward needs its recipients at once (Graph refuses one without). */
function createRequest(request) {
    if (request.kind !== 'createForward')
        return {};
    return { message: { toRecipients: (0, addresses_1.toRecipients)(request.to), ccRecipients: (0, addresses_1.toRecipients)(request.cc), bccRecipients: (0, addresses_1.toRecipients)(request.bcc) } };
}
/** The PATCH that completes Outlook's draft; undefined when nothing is to change. */
function draftChanges(request, drafted, tags) {
    const changes = {};
    if (tags.length)
        changes.singleValueExtendedProperties = tags;
    const body = responseBody(request.body, drafted.body);
    if (body)
        changes.body = body;
    if (request.kind !== 'createForward') {
        if (request.to.length)
            changes.toRecipients = withExtra(drafted.toRecipients, request.to);
        if (request.cc.length)
            changes.ccRecipients = withExtra(drafted.ccRecipients, request.cc);
        if (request.bcc.length)
            changes.bccRecipients = withExtra(drafted.bccRecipients, request.bcc);
    }
    return Object.keys(changes).length ? changes : undefined;
}
async function createDraft(session, request, tags) {
    let drafted;
    try {
        drafted = await (0, drafts_1.createResponse)(session, request.messageId, request.kind, createRequest(request));
    }
    catch (err) {
        if (err instanceof errors_1.GraphRequestError && err.statusCode === 404) {
            const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
            throw new errors_1.GraphRequestError(`messageId: the mail is not in ${where} (deleted, or an id of another mailbox); nothing was sent. Map the id of a mail of this mailbox. ${err.message}`, err.statusCode, err.code, err.requestId);
        }
        throw err;
    }
    const changes = draftChanges(request, drafted, tags);
    return changes ? { ...drafted, ...await (0, drafts_1.updateMessage)(session, drafted.id, changes, 'draft id') } : drafted;
}
/** Creates (or finds) the response draft, completes it and sends it, never twice. */
async function respond(session, request) {
    // Every file is added by its own request: the draft is created by Outlook, not by a request of ours.
    const routed = (0, attachments_1.routeAttachments)(request.files, () => ({}));
    const routes = { inline: [], post: [...routed.inline, ...routed.post], session: routed.session };
    let written;
    const prepared = await (0, sendGuard_1.prepareDraft)(session, {
        create: async (tags) => {
            written = await createDraft(session, request, tags);
            return written;
        },
        complete: async (draft, reused) => { await (0, draftAttachments_1.addDraftAttachments)(session, (0, messages_1.messagePath)(session, draft.id, 'draft id'), routes, { skipPresent: reused }); },
    }, { key: request.key });
    if (prepared.kind === 'sent')
        return { mail: prepared.found, alreadySent: true, reusedDraft: false };
    const sent = await (0, sendGuard_1.sendDraft)(session, prepared.draft, { key: request.key, field: 'draft id' });
    const mail = (written ?? prepared.draft);
    return { mail: { ...mail, id: prepared.draft.id }, alreadySent: false, reusedDraft: prepared.reused, acceptedAt: sent.acceptedAt };
}
/** What Reply to Mail and Forward Mail emit: the mail as sent (or as an earlier run sent it). */
function responseOutput(session, messageId, files, result) {
    const { mail } = result;
    return {
        id: mail.id,
        sentAt: result.acceptedAt ?? mail.sentDateTime ?? new Date().toISOString(),
        ...(session.mailbox && { mailbox: session.mailbox }),
        messageId,
        subject: mail.subject ?? '',
        to: (0, messages_1.recipientAddresses)(mail.toRecipients),
        cc: (0, messages_1.recipientAddresses)(mail.ccRecipients),
        bcc: (0, messages_1.recipientAddresses)(mail.bccRecipients),
        ...(mail.conversationId && { conversationId: mail.conversationId }),
        attachments: (0, outgoingFiles_1.filesOutput)(files),
        alreadySent: result.alreadySent,
    };
}
