/**
 * Single mails of a mailbox: their path, the fields the steps that emit mail select, reading one
 * that may be gone, and finding one by its Internet Message-ID. Ids are immutable ones (the
 * session asks for them on every request), so they survive moves between folders.
 */
import type { Message, Recipient } from '@microsoft/microsoft-graph-types';
import { GraphRequestError } from './errors';
import { idSegment, queryString, stringLiteral } from './odata';
import type { GraphSession } from './session';

/** What each emitted mail carries (the mail triggers, Get Mail, Find Mail); the out schemas use manifest/schemas.ts mailProperties. */
export const MAIL_FIELDS = [
  'id', 'internetMessageId', 'conversationId', 'parentFolderId', 'subject', 'bodyPreview', 'body',
  'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo',
  'receivedDateTime', 'sentDateTime', 'importance', 'isRead', 'isDraft', 'flag', 'categories',
  'hasAttachments', 'webLink',
] as const;

/** Graph's largest page for messages: one request per 1,000 mails. */
export const MAIL_PAGE_SIZE = 1000;

export type Mail = Message & Record<string, unknown>;

/** Graph's cap on the results of one `$search` on messages (concepts/search-query-parameter.md). */
export const SEARCH_RESULTS_LIMIT = 1000;
/** Mails per page of a list that carries bodies: well below Graph's time-outs (user-list-messages.md warns of 504). */
export const MAIL_LIST_PAGE_SIZE = 100;

/** `{root}/messages/{id}`; `field` is the input that named the id, for the error a bad one gets. */
export function messagePath(session: GraphSession, id: unknown, field = 'messageId'): string {
  return `${session.root}/messages/${idSegment(id, field)}`;
}

/** The addresses of a recipient list as Graph gives it (toRecipients, ccRecipients...), for a step's output. */
export const recipientAddresses = (list: Recipient[] | null | undefined): string[] => (list ?? []).map((r) => r.emailAddress?.address ?? '').filter(Boolean);

/** Graph's answer for an id that names no mail of the mailbox: deleted, or never one. */
export function isNotFound(err: unknown): boolean {
  return err instanceof GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound';
}

/** The error for an id that names no mail: Graph cannot tell a deleted mail from a wrong id. */
export function mailNotFound(field: string): GraphRequestError {
  return new GraphRequestError(`${field}: Outlook has no mail with this id in the mailbox (HTTP 404 ErrorItemNotFound): it was deleted, or the id belongs to another mailbox, or it is a REST id from before the mail was moved. Map the id the component emitted: it is immutable and survives moves.`, 404, 'ErrorItemNotFound', undefined);
}

/** Whether a request failed without an answer that says what happened (5xx, a lost answer): it may have been done. */
export function outcomeUnknown(err: unknown): boolean {
  return err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
}

/** The mail at `path`, or undefined when Graph says there is none (404 ErrorItemNotFound). */
export async function readMessage<T extends Mail>(session: GraphSession, path: string, select: readonly string[]): Promise<T | undefined> {
  try {
    return (await session.get<T>(`${path}${queryString({ select })}`)).body;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * The mails of the mailbox with this Internet Message-ID, newest received first (a mail copied to
 * another folder, or sent to oneself, shares it). At most `top`.
 */
export async function findByInternetMessageId<T extends Mail>(session: GraphSession, internetMessageId: string, select: readonly string[], top = 10): Promise<T[]> {
  const query = queryString({ select, filter: `internetMessageId eq ${stringLiteral(internetMessageId)}`, top });
  return (await session.page<T>(`${session.root}/messages${query}`)).items;
}
