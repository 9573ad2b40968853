"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DRAFT_ROUTES = void 0;
exports.applyDraftChanges = applyDraftChanges;
/**
 * Drafts and the responses to a mail, as Microsoft documents them:
 * - `POST /messages` and `POST /mailFolders/{id}/messages` (user-post-messages.md): 201 with a new
 *   draft (isDraft, in Drafts or the folder), its recipients, body, inline attachments and
 *   single-value extended properties;
 * - `PATCH /messages/{id}` of a draft: also subject, body, recipients, from, replyTo; of any item:
 *   singleValueExtendedProperties (singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md);
 * - `POST /messages/{id}/createReply`, `/createReplyAll`, `/createForward` (201, a draft in Drafts
 *   in the original's conversation: RE:/FW: subject, the quoted original, recipients from it, a
 *   forward's attachments) and `/reply`, `/replyAll`, `/forward` (202, the same sent at once), each
 *   with `{comment}` or `{message}` (any writeable message property), "either a comment or the body
 *   property of the message parameter. Specifying both will return an HTTP 400 Bad Request error"
 *   (message-createreply.md ...); a forward takes "either the toRecipients parameter or the
 *   toRecipients property of the message parameter. Specifying both or specifying neither will
 *   return an HTTP 400 Bad Request error" (message-forward.md), except that a forward draft may
 *   start without recipients, as createForward's published example does;
 * - `POST /messages/{id}/send` (message-send.md): 202; the draft goes through transport.ts
 *   (Outbox, then Sent Items after the send delay), with the rights of send-mail.ts (from, Send As,
 *   Send on Behalf). A reply or forward is sent as the mailbox it is in.
 */
const body_1 = require("./body");
const entity_message_1 = require("./entity-message");
const errors_1 = require("./errors");
const extended_properties_1 = require("./extended-properties");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const json_1 = require("./json");
const routes_mail_1 = require("./routes-mail");
const send_mail_1 = require("./send-mail");
const transport_1 = require("./transport");
/** What a client may set on a new draft, or change on one (message.md, writable properties). */
const DRAFT_FIELDS = ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'from', 'importance'];
/** Accepted on a new draft besides those (and then not kept): flags, receipts, headers. */
const TOLERATED = ['isRead', 'categories', 'flag', 'inferenceClassification', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'internetMessageHeaders', 'sender'];
const unknownMessageProperty = (key) => new errors_1.GraphError(400, 'RequestBodyRead', `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
const named = (req) => ({ name: req.mailbox.user.displayName, address: req.mailbox.address });
function readBody(value) {
    const body = (0, json_1.isObject)(value) ? value : {};
    const contentType = (0, json_1.enumValue)(body.contentType, ['text', 'html'], 'text');
    const content = typeof body.content === 'string' ? body.content : '';
    return { body: { contentType, content: contentType === 'html' ? (0, body_1.htmlDocument)(content) : content } };
}
/** The draft fields `json` sets, as stored; `from` absent: the mailbox itself. */
function readDraftFields(req, json) {
    const out = {};
    for (const key of Object.keys(json)) {
        const field = DRAFT_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
        if (!field)
            continue;
        const value = json[key];
        switch (field) {
            case 'subject':
                if (typeof value !== 'string')
                    throw (0, errors_1.badRequest)("Cannot convert the value of 'subject' to Edm.String.");
                out.subject = value;
                break;
            case 'body':
                Object.assign(out, readBody(value));
                break;
            case 'toRecipients':
                out.to = (0, send_mail_1.readRecipients)(value);
                break;
            case 'ccRecipients':
                out.cc = (0, send_mail_1.readRecipients)(value);
                break;
            case 'bccRecipients':
                out.bcc = (0, send_mail_1.readRecipients)(value);
                break;
            case 'replyTo':
                out.replyTo = (0, send_mail_1.readRecipients)(value);
                break;
            case 'importance':
                out.importance = (0, json_1.enumValue)(value, ['low', 'normal', 'high'], 'normal');
                break;
            default: {
                const [from] = (0, send_mail_1.readRecipients)(value === null ? [] : [value]);
                out.from = from ?? named(req);
            }
        }
    }
    return out;
}
/** Refuses what is no message property; `extra` are the keys this request takes besides. */
function checkKeys(json, extra) {
    for (const key of Object.keys(json)) {
        if (key.startsWith('@odata.'))
            continue;
        const lower = key.toLowerCase();
        if ([...DRAFT_FIELDS, ...TOLERATED, ...extra].some((f) => f.toLowerCase() === lower))
            continue;
        if (Object.keys(entity_message_1.MESSAGE.properties).some((p) => p.toLowerCase() === lower))
            throw new errors_1.GraphError(400, 'ErrorInvalidPropertySet', `The property '${key}' is read-only and cannot be set.`);
        throw unknownMessageProperty(key);
    }
}
/** A new draft of the mailbox in `folder`, from a message resource. */
function newDraft(req, json, folder, base = {}) {
    checkKeys(json, ['attachments', 'singleValueExtendedProperties']);
    const now = req.world.now();
    const { mailbox } = req;
    const fields = readDraftFields(req, json);
    const attachments = [...base.attachments ?? [], ...(0, send_mail_1.readAttachments)((0, json_1.param)(json, 'attachments'))];
    const properties = (0, extended_properties_1.readExtendedProperties)((0, json_1.param)(json, 'singleValueExtendedProperties'));
    return mailbox.insertMessage({
        folderId: folder.id,
        createdAt: now,
        lastModifiedAt: now,
        receivedAt: now,
        sentAt: now,
        subject: '',
        body: { contentType: 'text', content: '' },
        importance: 'normal',
        isRead: true,
        isDraft: true,
        internetMessageId: `<${mailbox.ids.hex(20)}@${mailbox.address.split('@')[1]}>`,
        from: named(req),
        sender: named(req),
        to: [],
        cc: [],
        bcc: [],
        replyTo: [],
        flagStatus: 'notFlagged',
        categories: [],
        inferenceClassification: 'focused',
        ...base,
        ...fields,
        attachments,
        hasAttachments: attachments.length > 0,
        ...(properties.size && { extendedProperties: properties }),
    });
}
const createDraft = (req) => (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, newDraft(req, (0, graph_request_1.jsonBody)(req), req.mailbox.wellKnownFolder('drafts')), 'messages', 201);
const createDraftInFolder = (req, { folderId }) => (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, newDraft(req, (0, graph_request_1.jsonBody)(req), (0, routes_mail_1.folderParam)(req, folderId)), `mailFolders('${folderId}')/messages`, 201);
/**
 * PATCH of a message, the part this module owns: its extended properties, and on a draft the
 * draft fields. Returns the keys left for the update of any message (routes-mail.ts).
 */
function applyDraftChanges(req, message, json) {
    const rest = {};
    const draftKeys = {};
    let properties;
    for (const [key, value] of Object.entries(json)) {
        if (key.toLowerCase() === 'singlevalueextendedproperties')
            properties = (0, extended_properties_1.readExtendedProperties)(value, new Map(message.extendedProperties ?? []));
        else if (message.isDraft && DRAFT_FIELDS.some((f) => f.toLowerCase() === key.toLowerCase()))
            draftKeys[key] = value;
        else
            rest[key] = value;
    }
    const fields = readDraftFields(req, draftKeys);
    if (properties || Object.keys(fields).length) {
        req.mailbox.updateMessage(message, req.world.now(), (m) => {
            Object.assign(m, fields);
            if (properties)
                m.extendedProperties = properties;
        });
    }
    return rest;
}
const PREFIX = { reply: 'RE: ', replyAll: 'RE: ', forward: 'FW: ' };
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const person = (a) => `${escapeHtml(a.name)} &lt;${escapeHtml(a.address)}&gt;`;
/** What Outlook writes into a reply or forward: the comment, a header block, the original. */
function quotedBody(original, comment) {
    const inner = /<body[^>]*>([\s\S]*)<\/body>/i.exec(original.body.content);
    const originalHtml = original.body.contentType === 'html'
        ? inner?.[1] ?? original.body.content
        : `<div>${escapeHtml(original.body.content).replace(/\r?\n/g, '<br>')}</div>`;
    const header = [
        `<b>From:</b> ${person(original.from)}`,
        `<b>Sent:</b> ${new Date(original.sentAt).toUTCString()}`,
        `<b>To:</b> ${original.to.map(person).join('; ')}`,
        ...(original.cc.length ? [`<b>Cc:</b> ${original.cc.map(person).join('; ')}`] : []),
        `<b>Subject:</b> ${escapeHtml(original.subject)}`,
    ].join('<br>\r\n');
    const said = comment ? `<div>${escapeHtml(comment).replace(/\r?\n/g, '<br>')}</div>\r\n` : '';
    return (0, body_1.htmlDocument)(`${said}<hr style="display:inline-block;width:98%" tabindex="-1">\r\n<div id="divRplyFwdMsg" dir="ltr">${header}</div>\r\n<br>\r\n${originalHtml}`);
}
/** Each address once, none of the mailbox's own. */
function others(req, list) {
    const seen = new Set();
    return list.filter((a) => {
        const key = a.address.toLowerCase();
        if (req.mailbox.owns(key) || seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The draft of a reply, reply-all or forward of `messageId`, in Drafts. */
function responseDraft(req, messageId, kind, sendAtOnce) {
    const original = (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id));
    // The body is optional: an empty one is no parameters.
    const json = req.body.length ? (0, http_1.parseJsonObject)(req.body) ?? (0, graph_request_1.jsonBody)(req) : {};
    for (const key of Object.keys(json)) {
        if (!['comment', 'message', 'torecipients'].includes(key.toLowerCase()) || (key.toLowerCase() === 'torecipients' && kind !== 'forward')) {
            throw (0, errors_1.badRequest)(`The parameter '${key}' is not supported by this action.`);
        }
    }
    const comment = (0, json_1.param)(json, 'comment');
    const message = (0, json_1.param)(json, 'message');
    if (comment !== undefined && typeof comment !== 'string')
        throw (0, errors_1.badRequest)("Cannot convert the value of 'Comment' to Edm.String.");
    if (message !== undefined && !(0, json_1.isObject)(message))
        throw (0, errors_1.badRequest)("The 'Message' parameter must be a message.");
    const given = message ?? {};
    if (comment !== undefined && (0, json_1.param)(given, 'body') !== undefined)
        throw (0, errors_1.badRequest)('Specify either a comment or the body property of the message parameter, not both.');
    let to;
    let cc = [];
    if (kind === 'forward') {
        const direct = (0, json_1.param)(json, 'toRecipients');
        const inMessage = (0, json_1.param)(given, 'toRecipients');
        // Both are refused; neither only when sending at once: a forward draft may start without
        // recipients (message-createforward.md's example 1 creates one from an empty request).
        if (direct !== undefined && inMessage !== undefined)
            throw (0, errors_1.badRequest)('Specify either the toRecipients parameter or the toRecipients property of the message parameter, not both.');
        if (direct === undefined && inMessage === undefined && sendAtOnce)
            throw (0, errors_1.badRequest)('Specify either the toRecipients parameter or the toRecipients property of the message parameter.');
        to = (0, send_mail_1.readRecipients)(direct ?? inMessage);
    }
    else {
        const answered = original.replyTo.length ? original.replyTo : [original.from];
        to = kind === 'replyAll' ? others(req, [...answered, ...original.to]) : answered;
        if (kind === 'replyAll')
            cc = others(req, original.cc);
    }
    const subject = /^(re|fw|fwd):/i.test(original.subject) ? original.subject : `${PREFIX[kind]}${original.subject}`;
    // A forward's recipients were read above; a reply's given ones replace Outlook's.
    const rest = kind === 'forward' ? Object.fromEntries(Object.entries(given).filter(([k]) => k.toLowerCase() !== 'torecipients')) : given;
    return newDraft(req, rest, req.mailbox.wellKnownFolder('drafts'), {
        subject,
        to,
        cc,
        body: { contentType: 'html', content: quotedBody(original, typeof comment === 'string' ? comment : '') },
        conversationId: original.conversationId,
        // A forward carries the original's attachments; a reply does not.
        attachments: kind === 'forward' ? original.attachments.map((a) => ({ ...a })) : [],
    });
}
/** Submits a draft: the rights to send as its From, at least one recipient, then transport. */
function sendItem(req, draft) {
    if (!draft.isDraft || draft.folderId === req.mailbox.wellKnownFolder('outbox').id) {
        throw new errors_1.GraphError(400, 'ErrorInvalidOperation', 'Only a draft that has not been submitted can be sent.');
    }
    if (draft.to.length + draft.cc.length + draft.bcc.length === 0)
        throw (0, send_mail_1.noRecipients)();
    const { from, sender: realSender } = (0, send_mail_1.originOf)(req, { from: { emailAddress: draft.from } });
    (0, transport_1.submit)(req.world, {
        sender: req.mailbox, from, realSender, item: draft, saveToSentItems: true,
        subject: draft.subject, to: draft.to, cc: draft.cc, bcc: draft.bcc, replyTo: draft.replyTo,
        body: draft.body.content, bodyContentType: draft.body.contentType, importance: draft.importance,
        attachments: draft.attachments, internetMessageId: draft.internetMessageId, conversationId: draft.conversationId,
    });
}
const createResponse = (kind) => (req, { messageId }) => (0, graph_request_1.itemResponse)(req, entity_message_1.MESSAGE, responseDraft(req, messageId, kind, false), 'messages', 201);
const respondAtOnce = (kind) => (req, { messageId }) => {
    sendItem(req, responseDraft(req, messageId, kind, true));
    return { status: 202 };
};
const sendDraft = (req, { messageId }) => {
    if (req.body.length && !(0, http_1.parseJsonObject)(req.body))
        throw (0, errors_1.badRequest)('Unable to read JSON request payload.');
    sendItem(req, (0, graph_request_1.lookup)(messageId, (id) => req.mailbox.message(id)));
    return { status: 202 };
};
exports.DRAFT_ROUTES = [
    { method: 'POST', pattern: '/messages', handler: createDraft, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/mailFolders/{folderId}/messages', handler: createDraftInFolder, permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/createReply', handler: createResponse('reply'), permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/createReplyAll', handler: createResponse('replyAll'), permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/createForward', handler: createResponse('forward'), permission: 'Mail.ReadWrite' },
    { method: 'POST', pattern: '/messages/{messageId}/reply', handler: respondAtOnce('reply'), permission: 'Mail.Send' },
    { method: 'POST', pattern: '/messages/{messageId}/replyAll', handler: respondAtOnce('replyAll'), permission: 'Mail.Send' },
    { method: 'POST', pattern: '/messages/{messageId}/forward', handler: respondAtOnce('forward'), permission: 'Mail.Send' },
    { method: 'POST', pattern: '/messages/{messageId}/send', handler: sendDraft, permission: 'Mail.Send' },
];
