/**
 * Get Mail: one mail by its id or by its Internet Message-ID, with Poll for New Mail's fields;
 * optionally its files stored in the platform, and the whole mail as MIME (`$value`) stored as an
 * .eml file. Reads only: a replayed message reads (and stores) again.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import type { StepContext } from '../graph/logger';
import { findByInternetMessageId, MAIL_FIELDS, mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment } from '../graph/odata';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { attachmentLimit, overLimit, transferDeadlineMs } from '../platform/attachmentLimit';
import { mailMessage } from '../platform/mailOutput';
import { safeFileName, uniqueName } from '../platform/mailAttachments';
import { messageAttachment, StorageError, storeStream } from '../platform/storage';
import type { MessageAttachment } from '../platform/storage';
import { inputObject, isAbsent, parseFlag } from '../validation/fields';
import { parseInternetMessageId } from '../validation/mailInputs';

export interface GetMailConfig extends StepConfig {
  storeAttachments?: boolean | string;
  exportMime?: boolean | string;
}

/** The stored MIME as the body lists it; `skipped` says why it was not stored. */
export interface MimeFile {
  name: string;
  contentType: 'message/rfc822';
  size?: number;
  url?: string;
  skipped?: string;
}

/** The mail the input names, or a clear error. */
async function findMail(session: GraphSession, input: Record<string, unknown>, internetMessageId: string | undefined, logger: StepContext['logger']): Promise<Mail> {
  if (!isAbsent(input.messageId)) {
    const mail = await readMessage<Mail>(session, messagePath(session, input.messageId), MAIL_FIELDS);
    if (!mail) throw mailNotFound('messageId');
    return mail;
  }
  const found = await findByInternetMessageId<Mail>(session, internetMessageId!, MAIL_FIELDS, 2);
  if (!found.length) throw new InputError('internetMessageId', 'no mail of the mailbox has this Message-ID: check it (it is the mail\'s internetMessageId, angle brackets included) and the Mailbox');
  if (found.length > 1) logger.warn('Several mails share this Message-ID (a copy, or a mail sent to oneself); the one received last is returned');
  return found[0];
}

/** The mail's MIME streamed into the platform's storage; a MIME over the limit is listed with the reason. */
async function storeMime(session: GraphSession, mail: Mail, name: string, msgId: string | undefined): Promise<{ file: MimeFile; entry?: MessageAttachment }> {
  const maxBytes = attachmentLimit();
  const open = async () => (await session.getStream(`${messagePath(session, mail.id)}/$value`, { timeoutMs: transferDeadlineMs(maxBytes) })).body;
  try {
    const stored = await storeStream(open, { name, contentType: 'message/rfc822', maxBytes, msgId });
    return { file: { name, contentType: 'message/rfc822', size: stored.size, url: stored.url }, entry: messageAttachment(stored) };
  } catch (err) {
    if (err instanceof StorageError && err.reason === 'tooLarge') return { file: { name, contentType: 'message/rfc822', skipped: `not stored: it ${overLimit(undefined, maxBytes)}` } };
    throw err;
  }
}

async function processAction(this: StepContext, msg: { id?: string; body?: unknown }, cfg: GetMailConfig) {
  const input = inputObject(msg.body);
  const storeAttachments = parseFlag(cfg.storeAttachments, 'storeAttachments');
  const exportMime = parseFlag(cfg.exportMime, 'exportMime');
  // Both checked; the id, which is exact, wins when both are given.
  const internetMessageId = isAbsent(input.internetMessageId) ? undefined : parseInternetMessageId(input.internetMessageId, 'internetMessageId');
  if (!isAbsent(input.messageId)) idSegment(input.messageId, 'messageId');
  else if (!internetMessageId) throw new InputError('messageId', 'is required, or else internetMessageId: map the id the component emitted, or the mail\'s Message-ID header');
  if (exportMime || storeAttachments) attachmentLimit();
  const session = createSession(cfg, this);
  const mail = await findMail(session, input, internetMessageId, this.logger);
  const { body, attachments = {} } = await mailMessage(session, mail, { storeAttachments, msgId: msg.id });
  const output = newMessageWithBody(body);
  output.attachments = { ...attachments };
  if (exportMime) {
    const taken = new Set(Object.keys(attachments).map((key) => key.toLowerCase()));
    const name = uniqueName(safeFileName(mail.subject || 'mail', '.eml'), taken);
    const mime = await storeMime(session, mail, name, msg.id);
    (output.body as Record<string, unknown>).mime = mime.file;
    if (mime.entry) output.attachments[name] = mime.entry;
  }
  this.logger.info(`Mail read${storeAttachments ? ', attachments stored' : ''}${exportMime ? ', MIME exported' : ''}`);
  return output;
}

export { processAction as process };
