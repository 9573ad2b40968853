/**
 * Copy Mail: a copy of a mail in a folder of the mailbox. Graph's copy is a new item each time, and
 * its lists show a new item only after a replication delay, so "look in the folder, copy when
 * nothing is there" alone copies twice when the look comes seconds after an earlier copy (a
 * redelivered message, or our own look after a lost answer). Hence, unless the step's duplicate
 * check is skipped:
 *
 * - each copy is marked with the key of the step, the incoming message, the mail and the folder
 *   (the send guard's key, sendKey.ts), which a look-up by key finds at once; a run first looks for
 *   its key, then for any mail of the folder with the same Internet Message-ID (a copy keeps it, so
 *   a copy made before by anyone counts), and returns one found with `alreadyCopied: true`;
 * - after a lost answer to the copy (which may have been made, untagged: its id was in the answer)
 *   it looks for the Message-ID until the list must show a copy made before the look began
 *   (writes.ts), and copies again only when none shows by then.
 *
 * A mail without an Internet Message-ID (some drafts) cannot be looked for after a lost answer: it
 * is copied again. The README's Copy Mail section says what this costs and cannot promise.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { findByKey, updateMessage } from '../graph/drafts';
import { parseDestination, resolveDestination } from '../graph/destination';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment, queryString, stringLiteral } from '../graph/odata';
import { sendKeyFor, sendKeyProperty } from '../graph/sendKey';
import { createSession } from '../graph/session';
import type { GraphSession } from '../graph/session';
import { confirmedWrite, listedCheck } from '../graph/writes';
import type { ListLook } from '../graph/writes';
import { duplicateCheckOn } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { inputObject } from '../validation/fields';

export interface CopyMailConfig extends GuardedConfig {
  destinationFolderId?: string;
}

/** A mail in `folderId` other than `source` with the same Internet Message-ID: a copy made before. */
async function copyIn(session: GraphSession, folderId: string, source: Mail): Promise<ListLook<string>> {
  if (!source.internetMessageId) return { found: undefined };
  const query = queryString({ select: ['id'], filter: `internetMessageId eq ${stringLiteral(source.internetMessageId)}`, top: 10 });
  const page = await session.page<Mail>(`${session.root}/mailFolders/${idSegment(folderId, 'destinationFolderId')}/messages${query}`);
  return { found: page.items.find((mail) => mail.id !== source.id)?.id, serverTime: page.serverTime };
}

/** The copy an earlier run of this message marked, if it is still in the folder; else any copy there. */
async function earlierCopy(session: GraphSession, folderId: string, source: Mail, key: string): Promise<string | undefined> {
  const marked = (await findByKey(session, key)).find((mail) => mail.parentFolderId === folderId && mail.id !== source.id);
  return marked?.id ?? (await copyIn(session, folderId, source)).found;
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown }, cfg: CopyMailConfig) {
  const input = inputObject(msg.body);
  idSegment(input.messageId, 'messageId');
  const destination = parseDestination(input, cfg);
  const checked = duplicateCheckOn(cfg);
  const session = createSession(cfg, this);
  const path = messagePath(session, input.messageId);
  const [folderId, source] = await Promise.all([resolveDestination(session, destination), readMessage<Mail>(session, path, ['id', 'internetMessageId'])]);
  if (!source) throw mailNotFound('messageId');
  const copied = (id: string, alreadyCopied: boolean) => newMessageWithBody({ id, sourceId: source.id, parentFolderId: folderId, alreadyCopied });
  const key = checked ? sendKeyFor({ action: 'copyMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { source: source.id, destination: folderId } }) : undefined;
  if (key) {
    const existing = await earlierCopy(session, folderId, source, key);
    if (existing) {
      this.logger.info('The folder holds a copy of the mail already; no copy made');
      return copied(existing, true);
    }
  }
  if (!source.internetMessageId) this.logger.warn('The mail has no Internet Message-ID, so a copy whose answer is lost cannot be recognised: it is copied again');
  const id = await confirmedWrite(
    async () => (await session.post<Mail>(`${path}/copy`, { destinationId: folderId }, { idempotent: false })).body.id!,
    source.internetMessageId ? listedCheck(session, () => copyIn(session, folderId, source)) : async () => undefined,
  );
  if (key) {
    try {
      await updateMessage(session, id, { singleValueExtendedProperties: [sendKeyProperty(key)] });
    } catch (err) {
      // The copy is made and is the step's result; only a redelivery within seconds would miss it.
      if (!(err instanceof GraphRequestError)) throw err;
      this.logger.warn(`The copy was made but could not be marked for the duplicate check (${err.statusCode ?? 'no answer'}): if the platform delivers this message again within seconds, it may be copied again`);
    }
  }
  this.logger.info('Mail copied');
  return copied(id, false);
}

export { getFolders } from '../platform/dropdowns';
export { processAction as process };
