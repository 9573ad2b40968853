/**
 * Building stored items from loose inputs (control API, sendMail, seeding), with the defaults
 * Exchange fills in. One place, so seeded, injected and delivered mail all look alike.
 */
import type { NewMessage } from './mailbox';
import type { AttachmentInfo, BodyType, EmailAddress, Importance } from './model';
import { storedBody } from './body';
import { nameFromAddress } from './recipients';

/**
 * An address as callers write it: 'a@b.c', 'Name <a@b.c>' or {address, name?}. Not the component's
 * parseMailboxes: received mail may carry addresses the component would refuse to send to.
 */
export type AddressInput = string | { address: string; name?: string };

export function toEmailAddress(input: AddressInput): EmailAddress {
  if (typeof input !== 'string') return { name: input.name ?? nameFromAddress(input.address), address: input.address };
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(input);
  if (named) return { name: named[1] || nameFromAddress(named[2]), address: named[2].trim() };
  return { name: nameFromAddress(input.trim()), address: input.trim() };
}

/** What a message is made of, apart from the per-item subject and receipt time (see composeMessage). */
export interface MessageSpec {
  folderId: string;
  from: EmailAddress;
  /** Who really sent it, when not `from` (sent on behalf of `from`). */
  sender?: EmailAddress;
  to?: EmailAddress[];
  cc?: EmailAddress[];
  bcc?: EmailAddress[];
  replyTo?: EmailAddress[];
  body?: string;
  bodyContentType?: BodyType;
  /** Defaults to a few seconds before receipt, as transport takes a moment. */
  sentAt?: number;
  isRead?: boolean;
  isDraft?: boolean;
  importance?: Importance;
  hasAttachments?: boolean;
  attachments?: AttachmentInfo[];
  flagStatus?: NewMessage['flagStatus'];
  categories?: string[];
  inferenceClassification?: NewMessage['inferenceClassification'];
  conversationId?: string;
  internetMessageId?: string;
}

/**
 * Subject and receipt time come apart from the spec so a bulk insert can reuse one spec object
 * (copying a spec per item was most of the cost of 100,000-mail inserts).
 * @param uniqueTag the unique left part of the Internet Message-ID.
 */
export function composeMessage(spec: MessageSpec, { subject, receivedAt }: { subject: string; receivedAt: number }, uniqueTag: string): NewMessage {
  const body = spec.body ?? `Message "${subject}".`;
  const contentType = spec.bodyContentType ?? 'html';
  const attachments = spec.attachments ?? [];
  const domain = spec.from.address.split('@')[1] ?? 'contoso.example';
  return {
    folderId: spec.folderId,
    createdAt: receivedAt,
    lastModifiedAt: receivedAt,
    receivedAt,
    sentAt: spec.sentAt ?? receivedAt - 2000,
    subject,
    body: storedBody(contentType, body),
    importance: spec.importance ?? 'normal',
    isRead: spec.isRead ?? false,
    isDraft: spec.isDraft ?? false,
    hasAttachments: spec.hasAttachments ?? attachments.length > 0,
    attachments,
    internetMessageId: spec.internetMessageId ?? `<${uniqueTag}@${domain}>`,
    conversationId: spec.conversationId,
    from: spec.from,
    sender: spec.sender ?? spec.from,
    to: spec.to ?? [],
    cc: spec.cc ?? [],
    bcc: spec.bcc ?? [],
    replyTo: spec.replyTo ?? [],
    flagStatus: spec.flagStatus ?? 'notFlagged',
    categories: spec.categories ?? [],
    inferenceClassification: spec.inferenceClassification ?? 'focused',
  };
}
