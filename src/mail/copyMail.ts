/**
 * Copy Mail: a copy of a mail in a folder of the mailbox. Graph's copy is a new item each time, so
 * a replayed message would copy again; instead, the destination is searched first for a mail with
 * the same Internet Message-ID (a copy keeps it), and one found there is returned with
 * `alreadyCopied: true`. The same search follows a copy whose answer was lost, before it is tried
 * again. A mail without an Internet Message-ID (some drafts) cannot be recognised and is copied.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { parseDestination, resolveDestination } from '../graph/destination';
import type { StepContext } from '../graph/logger';
import { mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment, queryString, stringLiteral } from '../graph/odata';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { confirmedWrite } from '../graph/writes';
import { inputObject } from '../validation/fields';

export interface CopyMailConfig extends StepConfig {
  destinationFolderId?: string;
}

/** A mail in `folderId` other than `source` with the same Internet Message-ID: a copy made before. */
async function copyIn(session: GraphSession, folderId: string, source: Mail): Promise<string | undefined> {
  if (!source.internetMessageId) return undefined;
  const query = queryString({ select: ['id'], filter: `internetMessageId eq ${stringLiteral(source.internetMessageId)}`, top: 10 });
  const { items } = await session.page<Mail>(`${session.root}/mailFolders/${idSegment(folderId, 'destinationFolderId')}/messages${query}`);
  return items.find((mail) => mail.id !== source.id)?.id;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: CopyMailConfig) {
  const input = inputObject(msg.body);
  idSegment(input.messageId, 'messageId');
  const destination = parseDestination(input, cfg);
  const session = createSession(cfg, this);
  const path = messagePath(session, input.messageId);
  const [folderId, source] = await Promise.all([resolveDestination(session, destination), readMessage<Mail>(session, path, ['id', 'internetMessageId'])]);
  if (!source) throw mailNotFound('messageId');
  const copied = (id: string, alreadyCopied: boolean) => newMessageWithBody({ id, sourceId: source.id, parentFolderId: folderId, alreadyCopied });
  const existing = await copyIn(session, folderId, source);
  if (existing) {
    this.logger.info('The folder holds a copy of the mail already; no copy made');
    return copied(existing, true);
  }
  if (!source.internetMessageId) this.logger.warn('The mail has no Internet Message-ID, so a copy made before cannot be recognised: a replayed message copies it again');
  const id = await confirmedWrite(
    async () => (await session.post<Mail>(`${path}/copy`, { destinationId: folderId }, { idempotent: false })).body.id!,
    () => copyIn(session, folderId, source),
  );
  this.logger.info('Mail copied');
  return copied(id, false);
}

export { getFolders } from '../platform/dropdowns';
export { processAction as process };
