/** microsoft.graph.message as Outlook renders it, including the whole-second timestamp quirk. */
import { dateTimeLiteral } from '../graph/odata';
import { bodyAs, preview } from './body';
import { weakEtag } from './entity';
import type { EntityDef } from './entity';
import type { StoredMessage } from './model';
import { recipient, recipients } from './recipients';

export const MESSAGE_SORT_KEYS = {
  receivedDateTime: (m: StoredMessage) => m.receivedAt,
  sentDateTime: (m: StoredMessage) => m.sentAt,
  createdDateTime: (m: StoredMessage) => m.createdAt,
  lastModifiedDateTime: (m: StoredMessage) => m.lastModifiedAt,
  subject: (m: StoredMessage) => m.subject.toLowerCase(),
};

const idOf = (m: StoredMessage, immutable: boolean): string => (immutable ? m.immutableId : m.id);

const PROPERTIES: EntityDef<StoredMessage>['properties'] = {
  id: (m, ctx) => idOf(m, ctx.immutableIds),
  createdDateTime: (m) => dateTimeLiteral(m.createdAt),
  lastModifiedDateTime: (m) => dateTimeLiteral(m.lastModifiedAt),
  changeKey: (m) => m.changeKey,
  categories: (m) => [...m.categories],
  receivedDateTime: (m) => dateTimeLiteral(m.receivedAt),
  sentDateTime: (m) => dateTimeLiteral(m.sentAt),
  hasAttachments: (m) => m.hasAttachments,
  internetMessageId: (m) => m.internetMessageId,
  subject: (m) => m.subject,
  bodyPreview: (m) => preview(m.body),
  importance: (m) => m.importance,
  parentFolderId: (m) => m.folderId,
  conversationId: (m) => m.conversationId,
  // A conversation index is a 22-byte header (here: derived from the conversation) + 5 bytes per reply.
  conversationIndex: (m) => Buffer.from(m.conversationId.slice(-30), 'base64').subarray(0, 22).toString('base64'),
  isDeliveryReceiptRequested: () => false,
  isReadReceiptRequested: () => false,
  isRead: (m) => m.isRead,
  isDraft: (m) => m.isDraft,
  webLink: (m, ctx) =>
    `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(idOf(m, ctx.immutableIds))}&exvsurl=1&viewmodel=ReadMessageItem`,
  inferenceClassification: (m) => m.inferenceClassification,
  body: (m, ctx) => ({ ...bodyAs(m.body, ctx.bodyType) }),
  sender: (m) => recipient(m.sender),
  from: (m) => recipient(m.from),
  toRecipients: (m) => recipients(m.to),
  ccRecipients: (m) => recipients(m.cc),
  bccRecipients: (m) => recipients(m.bcc),
  replyTo: (m) => recipients(m.replyTo),
  flag: (m) => ({ flagStatus: m.flagStatus, ...m.flagDates }),
  // Only returned when selected, as in Graph.
  uniqueBody: (m, ctx) => ({ ...bodyAs(m.body, ctx.bodyType) }),
  internetMessageHeaders: (m) => [
    { name: 'Message-ID', value: m.internetMessageId },
    { name: 'Subject', value: m.subject },
    { name: 'Date', value: new Date(m.sentAt).toUTCString() },
  ],
};

export const MESSAGE: EntityDef<StoredMessage> = {
  type: 'message',
  properties: PROPERTIES,
  defaults: Object.keys(PROPERTIES).filter((p) => p !== 'uniqueBody' && p !== 'internetMessageHeaders'),
  etag: (m) => weakEtag(m.changeKey),
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
  sortable: MESSAGE_SORT_KEYS,
  defaultOrder: { key: 'receivedDateTime', desc: true },
  visibleFrom: 'receivedDateTime',
  storedAt: (m) => m.storedAt,
  extendedProperties: (m) => m.extendedProperties,
  orderByMustLeadFilter: true,
};
