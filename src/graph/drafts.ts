/**
 * Drafts and their sending through Graph, for the send-like steps: finding the mail a key marks,
 * creating a draft (a new mail, or the reply or forward of one), changing it, sending it, and
 * reading where it is now. Paths start at the session's mailbox; ids are immutable (the session
 * asks for them), so a draft's id still finds it in the Outbox and in Sent Items once sent
 * (outlook-immutable-id.md).
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import { GraphRequestError } from './errors';
import { messagePath } from './messages';
import { queryString } from './odata';
import { sendKeyFilter } from './sendKey';
import type { GraphResult, GraphSession } from './session';

/** Where a mail is and what it is, as far as the guard needs to know. */
export type MessageRef = Pick<Message, 'isDraft' | 'parentFolderId' | 'webLink' | 'createdDateTime' | 'sentDateTime' | 'internetMessageId'
  | 'conversationId' | 'subject' | 'toRecipients' | 'ccRecipients' | 'bccRecipients'> & { id: string };

/** Enough to say where the mail is and to report it as sent; never the body. */
const REF_FIELDS = ['id', 'isDraft', 'parentFolderId', 'webLink', 'createdDateTime', 'sentDateTime', 'internetMessageId', 'conversationId', 'subject', 'toRecipients', 'ccRecipients', 'bccRecipients'];

/** A reply, a reply to all, or a forward, as Graph's create actions name them. */
export type ResponseKind = 'createReply' | 'createReplyAll' | 'createForward';

/**
 * Every mail of the mailbox that carries `key`, in any folder (Drafts, Outbox, Sent Items, where
 * a rule or a person moved it, Deleted Items): one request. A key is on one mail, or on a few
 * after crashes, so one page holds them all.
 */
export async function findByKey(session: GraphSession, key: string): Promise<MessageRef[]> {
  const { body } = await session.get<{ value?: MessageRef[] }>(`${session.root}/messages${queryString({ filter: sendKeyFilter(key), select: REF_FIELDS, top: 50 })}`);
  return body?.value ?? [];
}

/** The mail by id, or undefined when Graph no longer has it (404). */
export async function getMessageRef(session: GraphSession, id: string, field = 'messageId'): Promise<MessageRef | undefined> {
  try {
    const { body } = await session.get<MessageRef>(`${messagePath(session, id, field)}${queryString({ select: REF_FIELDS })}`);
    return body;
  } catch (err) {
    if (err instanceof GraphRequestError && err.statusCode === 404) return undefined;
    throw err;
  }
}

/** The id of a well-known folder of the mailbox (drafts, outbox): folder ids never change. */
export async function wellKnownFolderId(session: GraphSession, name: 'drafts' | 'outbox'): Promise<string> {
  const { body } = await session.get<{ id: string }>(`${session.root}/mailFolders/${name}${queryString({ select: ['id'] })}`);
  return body.id;
}

/** POST /messages: a new draft in Drafts. Not idempotent: a second POST is a second draft. */
export async function createMessage(session: GraphSession, message: unknown, sendingFrom?: string): Promise<Message & { id: string }> {
  const { body } = await session.post<Message & { id: string }>(`${session.root}/messages`, message, { idempotent: false, sendingFrom });
  return body;
}

/** The reply, reply-all or forward draft of mail `id`, in Drafts, quoting it. Not idempotent. */
export async function createResponse(session: GraphSession, id: string, kind: ResponseKind, request: unknown): Promise<Message & { id: string }> {
  const { body } = await session.post<Message & { id: string }>(`${messagePath(session, id)}/${kind}`, request, { idempotent: false });
  return body;
}

/** PATCH of a draft: setting the same values twice is harmless. */
export async function updateMessage(session: GraphSession, id: string, changes: unknown, field = 'messageId'): Promise<Message & { id: string }> {
  const { body } = await session.patch<Message & { id: string }>(messagePath(session, id, field), changes, { idempotent: true });
  return body;
}

/** POST /send of a draft. Never repeated by the client: after a lost answer the caller looks. */
export function sendMessage(session: GraphSession, id: string, sendingFrom?: string, field = 'messageId'): Promise<GraphResult<undefined>> {
  return session.post<undefined>(`${messagePath(session, id, field)}/send`, undefined, { idempotent: false, sendingFrom });
}
