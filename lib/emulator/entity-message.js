"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MESSAGE = exports.MESSAGE_SORT_KEYS = void 0;
/** microsoft.graph.message as Outlook renders it, including the whole-second timestamp quirk. */
const odata_1 = require("../graph/odata");
const body_1 = require("./body");
const entity_1 = require("./entity");
const recipients_1 = require("./recipients");
exports.MESSAGE_SORT_KEYS = {
    receivedDateTime: (m) => m.receivedAt,
    sentDateTime: (m) => m.sentAt,
    createdDateTime: (m) => m.createdAt,
    lastModifiedDateTime: (m) => m.lastModifiedAt,
    subject: (m) => m.subject.toLowerCase(),
};
const idOf = (m, immutable) => (immutable ? m.immutableId : m.id);
const PROPERTIES = {
    id: (m, ctx) => idOf(m, ctx.immutableIds),
    createdDateTime: (m) => (0, odata_1.dateTimeLiteral)(m.createdAt),
    lastModifiedDateTime: (m) => (0, odata_1.dateTimeLiteral)(m.lastModifiedAt),
    changeKey: (m) => m.changeKey,
    categories: (m) => [...m.categories],
    receivedDateTime: (m) => (0, odata_1.dateTimeLiteral)(m.receivedAt),
    sentDateTime: (m) => (0, odata_1.dateTimeLiteral)(m.sentAt),
    hasAttachments: (m) => m.hasAttachments,
    internetMessageId: (m) => m.internetMessageId,
    subject: (m) => m.subject,
    bodyPreview: (m) => (0, body_1.preview)(m.body),
    importance: (m) => m.importance,
    parentFolderId: (m) => m.folderId,
    conversationId: (m) => m.conversationId,
    // A conversation index is a 22-byte header (here: derived from the conversation) + 5 bytes per reply.
    conversationIndex: (m) => Buffer.from(m.conversationId.slice(-30), 'base64').subarray(0, 22).toString('base64'),
    isDeliveryReceiptRequested: () => false,
    isReadReceiptRequested: () => false,
    isRead: (m) => m.isRead,
    isDraft: (m) => m.isDraft,
    webLink: (m, ctx) => `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(idOf(m, ctx.immutableIds))}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: (m) => m.inferenceClassification,
    body: (m, ctx) => ({ ...(0, body_1.bodyAs)(m.body, ctx.bodyType) }),
    sender: (m) => (0, recipients_1.recipient)(m.sender),
    from: (m) => (0, recipients_1.recipient)(m.from),
    toRecipients: (m) => (0, recipients_1.recipients)(m.to),
    ccRecipients: (m) => (0, recipients_1.recipients)(m.cc),
    bccRecipients: (m) => (0, recipients_1.recipients)(m.bcc),
    replyTo: (m) => (0, recipients_1.recipients)(m.replyTo),
    flag: (m) => ({ flagStatus: m.flagStatus, ...m.flagDates }),
    // Only returned when selected, as in Graph.
    uniqueBody: (m, ctx) => ({ ...(0, body_1.bodyAs)(m.body, ctx.bodyType) }),
    internetMessageHeaders: (m) => [
        { name: 'Message-ID', value: m.internetMessageId },
        { name: 'Subject', value: m.subject },
        { name: 'Date', value: new Date(m.sentAt).toUTCString() },
    ],
};
exports.MESSAGE = {
    type: 'message',
    properties: PROPERTIES,
    defaults: Object.keys(PROPERTIES).filter((p) => p !== 'uniqueBody' && p !== 'internetMessageHeaders'),
    etag: (m) => (0, entity_1.weakEtag)(m.changeKey),
    textFunctions: true,
    filterable: {
        receivedDateTime: { kind: 'datetime', get: (m) => m.receivedAt },
        sentDateTime: { kind: 'datetime', get: (m) => m.sentAt },
        createdDateTime: { kind: 'datetime', get: (m) => m.createdAt },
        lastModifiedDateTime: { kind: 'datetime', get: (m) => m.lastModifiedAt },
        isRead: { kind: 'boolean', get: (m) => m.isRead },
        hasAttachments: { kind: 'boolean', get: (m) => m.hasAttachments },
        subject: { kind: 'string', get: (m) => m.subject },
        importance: { kind: 'string', get: (m) => m.importance },
        internetMessageId: { kind: 'string', get: (m) => m.internetMessageId },
        conversationId: { kind: 'string', get: (m) => m.conversationId },
        parentFolderId: { kind: 'string', get: (m) => m.folderId },
        'from/emailAddress/address': { kind: 'string', get: (m) => m.from.address },
        'flag/flagStatus': { kind: 'string', get: (m) => m.flagStatus },
        categories: { kind: 'strings', get: (m) => m.categories },
    },
    sortable: exports.MESSAGE_SORT_KEYS,
    defaultOrder: { key: 'receivedDateTime', desc: true },
    visibleFrom: 'receivedDateTime',
    storedAt: (m) => m.storedAt,
    extendedProperties: (m) => m.extendedProperties,
    orderByMustLeadFilter: true,
};
