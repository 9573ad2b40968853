/**
 * Send Mail. Everything is validated before the one request is made, and that request is never
 * repeated after a lost answer (only after a 429, which Graph answers before doing anything):
 * sendMail is not idempotent, and a retried send is a second mail.
 * Who it is from: the step's mailbox (`/users/{mailbox}/sendMail`: sent as that mailbox, kept in
 * its Sent Items; delegated, that needs Full Access plus Send As or Send on Behalf on it) or the
 * signed-in user; `from` sends on behalf of (or as) another address from that mailbox (Send on
 * Behalf or Send As on the address). Graph "Send Outlook messages from another user".
 */
import type { FileAttachment, Message } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { downloadAttachments, inlineRoom, planAttachments } from '../platform/attachments';
import type { InlineFile } from '../platform/attachments';
import { parseMailboxes, toRecipients } from '../validation/addresses';
import type { Mailbox } from '../validation/addresses';
import { inputObject, oneOf, optionalText, parseFlag } from '../validation/fields';
import { InputError } from '../errors';

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

/** Outlook's limit on recipients of one message. */
const MAX_RECIPIENTS = 500;
const MAX_SUBJECT = 255;
/** Graph's request limit bounds the body anyway; this only keeps the error clear. */
const MAX_BODY = 3 * 1024 * 1024;

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
    body: optionalText(body.body, 'body', MAX_BODY) ?? '',
    bodyContentType: oneOf(body.bodyContentType, 'bodyContentType', ['text', 'html'] as const, 'text'),
    importance: oneOf(body.importance, 'importance', ['low', 'normal', 'high'] as const, 'normal'),
    saveToSentItems: parseFlag(body.saveToSentItems, 'saveToSentItems', true),
  };
  const count = draft.to.length + draft.cc.length + draft.bcc.length;
  if (count === 0) throw new InputError('to', 'at least one recipient is required in to, cc or bcc (an address, "Name <address>", or a list of them)');
  if (count > MAX_RECIPIENTS) throw new InputError('to', `to, cc and bcc hold ${count} recipients together; Outlook accepts at most ${MAX_RECIPIENTS}`);
  return draft;
}

/** Graph needs the derived type named on each attachment; the typings do not model `@odata.type`. */
type OutgoingAttachment = FileAttachment & { '@odata.type': '#microsoft.graph.fileAttachment' };
export type OutgoingMessage = Omit<Message, 'attachments'> & { attachments?: OutgoingAttachment[] };

/** The sendMail request body; pure, so tests can check it against Graph's schema. */
export function buildSendMailRequest(draft: MailDraft, files: InlineFile[]): { message: OutgoingMessage; saveToSentItems: boolean } {
  const message: OutgoingMessage = {
    subject: draft.subject,
    body: { contentType: draft.bodyContentType, content: draft.body },
    toRecipients: toRecipients(draft.to),
    ccRecipients: toRecipients(draft.cc),
    bccRecipients: toRecipients(draft.bcc),
    importance: draft.importance,
  };
  if (draft.from) [message.from] = toRecipients([draft.from]);
  if (draft.replyTo.length) message.replyTo = toRecipients(draft.replyTo);
  if (files.length) {
    message.attachments = files.map((file): OutgoingAttachment => ({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: file.name,
      contentType: file.contentType,
      contentBytes: file.bytes.toString('base64'),
    }));
  }
  return { message, saveToSentItems: draft.saveToSentItems };
}

async function processAction(this: StepContext, msg: { body?: unknown; attachments?: unknown }, cfg: StepConfig) {
  const draft = parseMailInput(msg.body);
  // Before any download: a credential or mailbox that cannot work is refused without side effects.
  const session = createSession(cfg, this);
  const planned = planAttachments(msg.attachments);
  // The files get what Graph's request limit leaves after the rest of this very request.
  const files = await downloadAttachments(planned, inlineRoom(planned, (empty) => buildSendMailRequest(draft, empty)));
  try {
    await session.post(`${session.root}/sendMail`, buildSendMailRequest(draft, files), { idempotent: false, sendingFrom: draft.from?.address });
  } catch (err) {
    // Without an answer nobody knows whether Outlook sent it; a blind retry could send it twice.
    if (err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500)) {
      throw new GraphRequestError(`${err.message} The mail may or may not have been sent, so it was not sent again: check Sent Items before re-running this message.`, err.statusCode, err.code, err.requestId);
    }
    throw err;
  }
  const addresses = (list: Mailbox[]) => list.map((m) => m.address);
  this.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)`);
  return newMessageWithBody({
    sentAt: new Date().toISOString(),
    ...(session.mailbox && { mailbox: session.mailbox }),
    ...(draft.from && { from: draft.from.address }),
    subject: draft.subject,
    to: addresses(draft.to),
    cc: addresses(draft.cc),
    bcc: addresses(draft.bcc),
    attachments: files.map((file) => ({ name: file.name, size: file.bytes.length })),
    savedToSentItems: draft.saveToSentItems,
  });
}

export { processAction as process };
