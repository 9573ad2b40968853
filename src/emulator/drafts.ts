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
import { htmlDocument } from './body';
import { MESSAGE } from './entity-message';
import { badRequest, GraphError } from './errors';
import { readExtendedProperties } from './extended-properties';
import { itemResponse, jsonBody, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { parseJsonObject } from './http';
import { enumValue, isObject, param } from './json';
import type { Json } from './json';
import type { NewMessage } from './mailbox';
import type { EmailAddress, Folder, StoredMessage } from './model';
import { folderParam } from './routes-mail';
import { noRecipients, originOf, readAttachments, readRecipients } from './send-mail';
import { submit } from './transport';

/** What a client may set on a new draft, or change on one (message.md, writable properties). */
const DRAFT_FIELDS = ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'from', 'importance'];
/** Accepted on a new draft besides those (and then not kept): flags, receipts, headers. */
const TOLERATED = ['isRead', 'categories', 'flag', 'inferenceClassification', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'internetMessageHeaders', 'sender'];

const unknownMessageProperty = (key: string): GraphError => new GraphError(400, 'RequestBodyRead',
  `The property '${key}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);

const named = (req: GraphRequest): EmailAddress => ({ name: req.mailbox.user.displayName, address: req.mailbox.address });

function readBody(value: unknown): Pick<StoredMessage, 'body'> {
  const body = isObject(value) ? value : {};
  const contentType = enumValue(body.contentType, ['text', 'html'] as const, 'text');
  const content = typeof body.content === 'string' ? body.content : '';
  return { body: { contentType, content: contentType === 'html' ? htmlDocument(content) : content } };
}

/** The draft fields `json` sets, as stored; `from` absent: the mailbox itself. */
function readDraftFields(req: GraphRequest, json: Json): Partial<StoredMessage> {
  const out: Partial<StoredMessage> = {};
  for (const key of Object.keys(json)) {
    const field = DRAFT_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    if (!field) continue;
    const value = json[key];
    switch (field) {
      case 'subject':
        if (typeof value !== 'string') throw badRequest("Cannot convert the value of 'subject' to Edm.String.");
        out.subject = value;
        break;
      case 'body': Object.assign(out, readBody(value)); break;
      case 'toRecipients': out.to = readRecipients(value); break;
      case 'ccRecipients': out.cc = readRecipients(value); break;
      case 'bccRecipients': out.bcc = readRecipients(value); break;
      case 'replyTo': out.replyTo = readRecipients(value); break;
      case 'importance': out.importance = enumValue(value, ['low', 'normal', 'high'] as const, 'normal'); break;
      default: {
        const [from] = readRecipients(value === null ? [] : [value]);
        out.from = from ?? named(req);
      }
    }
  }
  return out;
}

/** Refuses what is no message property; `extra` are the keys this request takes besides. */
function checkKeys(json: Json, extra: readonly string[]): void {
  for (const key of Object.keys(json)) {
    if (key.startsWith('@odata.')) continue;
    const lower = key.toLowerCase();
    if ([...DRAFT_FIELDS, ...TOLERATED, ...extra].some((f) => f.toLowerCase() === lower)) continue;
    if (Object.keys(MESSAGE.properties).some((p) => p.toLowerCase() === lower)) throw new GraphError(400, 'ErrorInvalidPropertySet', `The property '${key}' is read-only and cannot be set.`);
    throw unknownMessageProperty(key);
  }
}

/** A new draft of the mailbox in `folder`, from a message resource. */
function newDraft(req: GraphRequest, json: Json, folder: Folder, base: Partial<NewMessage> = {}): StoredMessage {
  checkKeys(json, ['attachments', 'singleValueExtendedProperties']);
  const now = req.world.now();
  const { mailbox } = req;
  const fields = readDraftFields(req, json);
  const attachments = [...base.attachments ?? [], ...readAttachments(param(json, 'attachments'))];
  const properties = readExtendedProperties(param(json, 'singleValueExtendedProperties'));
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

const createDraft: GraphHandler = (req) =>
  itemResponse(req, MESSAGE, newDraft(req, jsonBody(req), req.mailbox.wellKnownFolder('drafts')), 'messages', 201);

const createDraftInFolder: GraphHandler = (req, { folderId }) =>
  itemResponse(req, MESSAGE, newDraft(req, jsonBody(req), folderParam(req, folderId)), `mailFolders('${folderId}')/messages`, 201);

/**
 * PATCH of a message, the part this module owns: its extended properties, and on a draft the
 * draft fields. Returns the keys left for the update of any message (routes-mail.ts).
 */
export function applyDraftChanges(req: GraphRequest, message: StoredMessage, json: Json): Json {
  const rest: Json = {};
  const draftKeys: Json = {};
  let properties: StoredMessage['extendedProperties'];
  for (const [key, value] of Object.entries(json)) {
    if (key.toLowerCase() === 'singlevalueextendedproperties') properties = readExtendedProperties(value, new Map(message.extendedProperties ?? []));
    else if (message.isDraft && DRAFT_FIELDS.some((f) => f.toLowerCase() === key.toLowerCase())) draftKeys[key] = value;
    else rest[key] = value;
  }
  const fields = readDraftFields(req, draftKeys);
  if (properties || Object.keys(fields).length) {
    req.mailbox.updateMessage(message, req.world.now(), (m) => {
      Object.assign(m, fields);
      if (properties) m.extendedProperties = properties;
    });
  }
  return rest;
}

// ---- responses to a mail ----

type Kind = 'reply' | 'replyAll' | 'forward';

const PREFIX: Record<Kind, string> = { reply: 'RE: ', replyAll: 'RE: ', forward: 'FW: ' };
const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const person = (a: EmailAddress): string => `${escapeHtml(a.name)} &lt;${escapeHtml(a.address)}&gt;`;

/** What Outlook writes into a reply or forward: the comment, a header block, the original. */
function quotedBody(original: StoredMessage, comment: string): string {
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
  return htmlDocument(`${said}<hr style="display:inline-block;width:98%" tabindex="-1">\r\n<div id="divRplyFwdMsg" dir="ltr">${header}</div>\r\n<br>\r\n${originalHtml}`);
}

/** Each address once, none of the mailbox's own. */
function others(req: GraphRequest, list: EmailAddress[]): EmailAddress[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.address.toLowerCase();
    if (req.mailbox.owns(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The draft of a reply, reply-all or forward of `messageId`, in Drafts. */
function responseDraft(req: GraphRequest, messageId: string, kind: Kind, sendAtOnce: boolean): StoredMessage {
  const original = lookup(messageId, (id) => req.mailbox.message(id));
  // The body is optional: an empty one is no parameters.
  const json = req.body.length ? parseJsonObject(req.body) ?? jsonBody(req) : {};
  for (const key of Object.keys(json)) {
    if (!['comment', 'message', 'torecipients'].includes(key.toLowerCase()) || (key.toLowerCase() === 'torecipients' && kind !== 'forward')) {
      throw badRequest(`The parameter '${key}' is not supported by this action.`);
    }
  }
  const comment = param(json, 'comment');
  const message = param(json, 'message');
  if (comment !== undefined && typeof comment !== 'string') throw badRequest("Cannot convert the value of 'Comment' to Edm.String.");
  if (message !== undefined && !isObject(message)) throw badRequest("The 'Message' parameter must be a message.");
  const given = message ?? {};
  if (comment !== undefined && param(given, 'body') !== undefined) throw badRequest('Specify either a comment or the body property of the message parameter, not both.');
  let to: EmailAddress[];
  let cc: EmailAddress[] = [];
  if (kind === 'forward') {
    const direct = param(json, 'toRecipients');
    const inMessage = param(given, 'toRecipients');
    // Both are refused; neither only when sending at once: a forward draft may start without
    // recipients (message-createforward.md's example 1 creates one from an empty request).
    if (direct !== undefined && inMessage !== undefined) throw badRequest('Specify either the toRecipients parameter or the toRecipients property of the message parameter, not both.');
    if (direct === undefined && inMessage === undefined && sendAtOnce) throw badRequest('Specify either the toRecipients parameter or the toRecipients property of the message parameter.');
    to = readRecipients(direct ?? inMessage);
  } else {
    const answered = original.replyTo.length ? original.replyTo : [original.from];
    to = kind === 'replyAll' ? others(req, [...answered, ...original.to]) : answered;
    if (kind === 'replyAll') cc = others(req, original.cc);
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
function sendItem(req: GraphRequest, draft: StoredMessage): void {
  if (!draft.isDraft || draft.folderId === req.mailbox.wellKnownFolder('outbox').id) {
    throw new GraphError(400, 'ErrorInvalidOperation', 'Only a draft that has not been submitted can be sent.');
  }
  if (draft.to.length + draft.cc.length + draft.bcc.length === 0) throw noRecipients();
  const { from, sender: realSender } = originOf(req, { from: { emailAddress: draft.from } });
  submit(req.world, {
    sender: req.mailbox, from, realSender, item: draft, saveToSentItems: true,
    subject: draft.subject, to: draft.to, cc: draft.cc, bcc: draft.bcc, replyTo: draft.replyTo,
    body: draft.body.content, bodyContentType: draft.body.contentType, importance: draft.importance,
    attachments: draft.attachments, internetMessageId: draft.internetMessageId, conversationId: draft.conversationId,
  });
}

const createResponse = (kind: Kind): GraphHandler => (req, { messageId }) =>
  itemResponse(req, MESSAGE, responseDraft(req, messageId, kind, false), 'messages', 201);

const respondAtOnce = (kind: Kind): GraphHandler => (req, { messageId }) => {
  sendItem(req, responseDraft(req, messageId, kind, true));
  return { status: 202 };
};

const sendDraft: GraphHandler = (req, { messageId }) => {
  if (req.body.length && !parseJsonObject(req.body)) throw badRequest('Unable to read JSON request payload.');
  sendItem(req, lookup(messageId, (id) => req.mailbox.message(id)));
  return { status: 202 };
};

export const DRAFT_ROUTES: readonly GraphRoute[] = [
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
