/**
 * Replies and forwards, shared by Reply to Mail and Forward Mail. Outlook writes the response
 * draft itself (createReply, createReplyAll, createForward: the quoted original, the subject with
 * RE:/FW:, the threading headers, the original's attachments for a forward); the step then adds in
 * one PATCH what the flow gives (its text above the quote, extra recipients) together with the
 * duplicate guard's key, adds the incoming message's files one by one (a PATCH cannot carry
 * attachments), and sends the draft through the guard (sendGuard.ts).
 *
 * A crash between the create and the PATCH (one request apart) leaves an untagged draft in Drafts
 * that no later run can recognise: it stays there, unsent, and the next run writes a new one.
 */
import type { ItemBody, Message, Recipient } from '@microsoft/microsoft-graph-types';
import { createResponse, updateMessage } from '../graph/drafts';
import { messagePath, recipientAddresses } from '../graph/messages';
import type { MessageRef, ResponseKind } from '../graph/drafts';
import { GraphRequestError } from '../graph/errors';
import type { ExtendedProperty } from '../graph/sendKey';
import type { GraphSession } from '../graph/session';
import { toRecipients } from '../validation/addresses';
import type { Mailbox } from '../validation/addresses';
import { routeAttachments } from './attachments';
import { addDraftAttachments } from './draftAttachments';
import { filesOutput } from './outgoingFiles';
import type { BodyText, SizedOutgoing } from './outgoingFiles';
import { prepareDraft, sendDraft } from './sendGuard';
import type { DraftRef } from './sendGuard';

export interface ResponseRequest {
  kind: ResponseKind;
  /** The mail replied to or forwarded. */
  messageId: string;
  /** The flow's text, above the quoted original; empty: none. */
  body: BodyText;
  /** Recipients added to Outlook's (a forward has only these). */
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  files: SizedOutgoing[];
  /** The duplicate guard's key; undefined when the step's check is off. */
  key?: string;
}

export interface ResponseResult {
  /** The sent mail (or the one an earlier run sent), as far as it is known. */
  mail: DraftRef & Pick<Message, 'subject' | 'toRecipients' | 'ccRecipients' | 'bccRecipients' | 'sentDateTime' | 'conversationId'>;
  alreadySent: boolean;
  reusedDraft: boolean;
  acceptedAt?: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const textToHtml = (text: string): string => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');

/** An HTML fragment of `html`: what is inside its <body> when it is a whole document. */
function fragment(html: string): string {
  const inner = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return inner ? inner[1] : html;
}

/**
 * The response's body: the flow's text above what Outlook wrote (the quoted original), in the
 * draft's own format. Undefined when the flow gives no text: the draft stays as Outlook wrote it.
 */
export function responseBody(ours: BodyText, drafted: ItemBody | null | undefined): ItemBody | undefined {
  if (!ours.content) return undefined;
  const quoted = drafted?.content ?? '';
  const quotedHtml = (drafted?.contentType ?? 'html').toLowerCase() === 'html';
  if (!quotedHtml && ours.contentType === 'text') return { contentType: 'text', content: quoted ? `${ours.content}\r\n\r\n${quoted}` : ours.content };
  const mine = `<div>${ours.contentType === 'html' ? fragment(ours.content) : textToHtml(ours.content)}</div>`;
  if (!quotedHtml) return { contentType: 'html', content: `${mine}<br><div>${textToHtml(quoted)}</div>` };
  const open = /<body[^>]*>/i.exec(quoted);
  if (!open) return { contentType: 'html', content: `${mine}${quoted}` };
  const at = open.index + open[0].length;
  return { contentType: 'html', content: `${quoted.slice(0, at)}${mine}${quoted.slice(at)}` };
}

/** Outlook's recipients and the flow's, each address once (the first spelling wins). */
export function withExtra(drafted: Recipient[] | null | undefined, extra: Mailbox[]): Recipient[] {
  const list = [...(drafted ?? []), ...toRecipients(extra)];
  const seen = new Set<string>();
  return list.filter((r) => {
    const address = r.emailAddress?.address?.toLowerCase();
    if (!address || seen.has(address)) return false;
    seen.add(address);
    return true;
  });
}

/** The create request: a forward needs its recipients at once (Graph refuses one without). */
export function createRequest(request: Pick<ResponseRequest, 'kind' | 'to' | 'cc' | 'bcc'>): Record<string, unknown> {
  if (request.kind !== 'createForward') return {};
  return { message: { toRecipients: toRecipients(request.to), ccRecipients: toRecipients(request.cc), bccRecipients: toRecipients(request.bcc) } };
}

/** The PATCH that completes Outlook's draft; undefined when nothing is to change. */
export function draftChanges(request: ResponseRequest, drafted: Message, tags: ExtendedProperty[]): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {};
  if (tags.length) changes.singleValueExtendedProperties = tags;
  const body = responseBody(request.body, drafted.body);
  if (body) changes.body = body;
  if (request.kind !== 'createForward') {
    if (request.to.length) changes.toRecipients = withExtra(drafted.toRecipients, request.to);
    if (request.cc.length) changes.ccRecipients = withExtra(drafted.ccRecipients, request.cc);
    if (request.bcc.length) changes.bccRecipients = withExtra(drafted.bccRecipients, request.bcc);
  }
  return Object.keys(changes).length ? changes : undefined;
}

async function createDraft(session: GraphSession, request: ResponseRequest, tags: ExtendedProperty[]): Promise<Message & { id: string }> {
  let drafted: Message & { id: string };
  try {
    drafted = await createResponse(session, request.messageId, request.kind, createRequest(request));
  } catch (err) {
    if (err instanceof GraphRequestError && err.statusCode === 404) {
      const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
      throw new GraphRequestError(`messageId: the mail is not in ${where} (deleted, or an id of another mailbox); nothing was sent. Map the id of a mail of this mailbox. ${err.message}`, err.statusCode, err.code, err.requestId);
    }
    throw err;
  }
  const changes = draftChanges(request, drafted, tags);
  return changes ? { ...drafted, ...await updateMessage(session, drafted.id, changes, 'draft id') } : drafted;
}

/** Creates (or finds) the response draft, completes it and sends it, never twice. */
export async function respond(session: GraphSession, request: ResponseRequest): Promise<ResponseResult> {
  // Every file is added by its own request: the draft is created by Outlook, not by a request of ours.
  const routed = routeAttachments(request.files, () => ({}));
  const routes = { inline: [], post: [...routed.inline, ...routed.post], session: routed.session };
  let written: Message | undefined;
  const prepared = await prepareDraft(session, {
    create: async (tags) => {
      written = await createDraft(session, request, tags);
      return written as Message & { id: string };
    },
    complete: async (draft, reused) => { await addDraftAttachments(session, messagePath(session, draft.id, 'draft id'), routes, { skipPresent: reused }); },
  }, { key: request.key });
  if (prepared.kind === 'sent') return { mail: prepared.found, alreadySent: true, reusedDraft: false };
  const sent = await sendDraft(session, prepared.draft, { key: request.key, field: 'draft id' });
  const mail = (written ?? prepared.draft) as MessageRef;
  return { mail: { ...mail, id: prepared.draft.id }, alreadySent: false, reusedDraft: prepared.reused, acceptedAt: sent.acceptedAt };
}


/** What Reply to Mail and Forward Mail emit: the mail as sent (or as an earlier run sent it). */
export function responseOutput(session: GraphSession, messageId: string, files: SizedOutgoing[], result: ResponseResult): Record<string, unknown> {
  const { mail } = result;
  return {
    id: mail.id,
    sentAt: result.acceptedAt ?? mail.sentDateTime ?? new Date().toISOString(),
    ...(session.mailbox && { mailbox: session.mailbox }),
    messageId,
    subject: mail.subject ?? '',
    to: recipientAddresses(mail.toRecipients),
    cc: recipientAddresses(mail.ccRecipients),
    bcc: recipientAddresses(mail.bccRecipients),
    ...(mail.conversationId && { conversationId: mail.conversationId }),
    attachments: filesOutput(files),
    alreadySent: result.alreadySent,
  };
}
