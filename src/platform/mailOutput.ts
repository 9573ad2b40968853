/**
 * A mail as the steps that emit mail send it on (Poll for New Mail, Get Mail): Graph's fields, and
 * with "Store attachments" its files streamed into the platform's storage, listed in the body's
 * `attachments` and carried in the message's own `attachments`. Only mails that can have files are
 * asked for them: Graph's hasAttachments, or an HTML body that shows an inline image (`cid:`),
 * which hasAttachments does not count; every other mail costs no request.
 */
import type { GraphSession } from '../graph/session';
import type { Mail } from '../graph/messages';
import { messagePath } from '../graph/messages';
import type { ItemMessage } from './batches';
import { storeMailAttachments } from './mailAttachments';

export interface MailOutputOptions {
  storeAttachments: boolean;
  /** The incoming elastic.io message's id, for the storage's request tracing. */
  msgId?: string;
  env?: NodeJS.ProcessEnv;
}

/** Whether the mail may have attachments worth listing. */
export function mayHaveFiles(mail: Mail): boolean {
  const content = mail.body?.contentType === 'html' ? mail.body.content ?? '' : '';
  return mail.hasAttachments === true || /\bcid:/i.test(content);
}

export async function mailMessage(session: GraphSession, mail: Mail, options: MailOutputOptions): Promise<ItemMessage<Mail>> {
  if (!options.storeAttachments) return { body: mail };
  if (!mayHaveFiles(mail)) return { body: { ...mail, attachments: [] } };
  const stored = await storeMailAttachments(session, messagePath(session, mail.id), { msgId: options.msgId, env: options.env });
  return { body: { ...mail, attachments: stored.attachments }, attachments: stored.map };
}
