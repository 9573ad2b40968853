/**
 * The input of a new mail, as Send Mail and Create Draft take it: checked in full before any
 * request, so a bad field is an error that names it and nothing is sent or created.
 */
import { InputError } from '../errors';
import { idSegment } from '../graph/odata';
import { parseMailboxes } from './addresses';
import type { Mailbox } from './addresses';
import { inputObject, oneOf, optionalText, parseFlag } from './fields';

export interface MailDraft {
  /** Send on behalf of (or as) this address; undefined: from the mailbox itself. */
  from?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  replyTo: Mailbox[];
  subject: string;
  body: string;
  bodyContentType: 'text' | 'html';
  importance: 'low' | 'normal' | 'high';
  saveToSentItems: boolean;
}

/** What Send Mail and Create Draft report of the mail they made, in their output's order. */
export function draftSummary(mailbox: string | undefined, draft: MailDraft): Record<string, unknown> {
  const addresses = (list: Mailbox[]): string[] => list.map((m) => m.address);
  return {
    ...(mailbox && { mailbox }),
    ...(draft.from && { from: draft.from.address }),
    subject: draft.subject,
    to: addresses(draft.to),
    cc: addresses(draft.cc),
    bcc: addresses(draft.bcc),
  };
}

/** Outlook's limit on recipients of one message. */
export const MAX_RECIPIENTS = 500;
const MAX_SUBJECT = 255;
/** Graph's request limit bounds the body anyway; this only keeps the error clear. */
export const MAX_BODY = 3 * 1024 * 1024;

/** `bodyContentType`, as every step with a body takes it. */
export const parseBodyType = (value: unknown): 'text' | 'html' => oneOf(value, 'bodyContentType', ['text', 'html'] as const, 'text');

/** The text of a body: at most MAX_BODY characters. */
export const parseBody = (value: unknown, field = 'body'): string => optionalText(value, field, MAX_BODY) ?? '';

export function parseMailInput(input: unknown): MailDraft {
  const body = inputObject(input);
  const [from] = parseMailboxes(body.from, 'from', { max: 1 });
  const draft: MailDraft = {
    ...(from && { from }),
    to: parseMailboxes(body.to, 'to', { max: MAX_RECIPIENTS }),
    cc: parseMailboxes(body.cc, 'cc', { max: MAX_RECIPIENTS }),
    bcc: parseMailboxes(body.bcc, 'bcc', { max: MAX_RECIPIENTS }),
    replyTo: parseMailboxes(body.replyTo, 'replyTo', { max: 10 }),
    subject: optionalText(body.subject, 'subject', MAX_SUBJECT) ?? '',
    body: parseBody(body.body),
    bodyContentType: parseBodyType(body.bodyContentType),
    importance: oneOf(body.importance, 'importance', ['low', 'normal', 'high'] as const, 'normal'),
    saveToSentItems: parseFlag(body.saveToSentItems, 'saveToSentItems', true),
  };
  const count = draft.to.length + draft.cc.length + draft.bcc.length;
  if (count === 0) throw new InputError('to', 'at least one recipient is required in to, cc or bcc (an address, "Name <address>", or a list of them)');
  if (count > MAX_RECIPIENTS) throw new InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${MAX_RECIPIENTS}`);
  return draft;
}

/**
 * The id of a mail (messageId): required, and one an Outlook id can be (checked by idSegment, so
 * nothing in it can step out of its path segment). Returned as given, trimmed.
 */
export function parseMessageId(value: unknown, field = 'messageId'): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, 'is required: map the id of an Outlook mail (the id Poll for New Mail emits)');
  idSegment(value, field);
  return value.trim();
}

/** Recipients a reply or forward adds: at most MAX_RECIPIENTS in to, cc and bcc together. */
export function parseExtraRecipients(body: Record<string, unknown>, opts: { toRequired?: boolean } = {}): { to: Mailbox[]; cc: Mailbox[]; bcc: Mailbox[] } {
  const to = parseMailboxes(body.to, 'to', { max: MAX_RECIPIENTS, required: opts.toRequired });
  const cc = parseMailboxes(body.cc, 'cc', { max: MAX_RECIPIENTS });
  const bcc = parseMailboxes(body.bcc, 'bcc', { max: MAX_RECIPIENTS });
  const count = to.length + cc.length + bcc.length;
  if (count > MAX_RECIPIENTS) throw new InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${MAX_RECIPIENTS}`);
  return { to, cc, bcc };
}
