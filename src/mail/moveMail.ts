/**
 * Move Mail: a mail into another folder of the mailbox. Ids are immutable, so the mail keeps its
 * id; a mail already in the destination (a replayed message) is left there and reported with
 * `alreadyThere: true`, without a request to move it. A move whose answer is lost is checked by
 * reading the mail again before it is repeated.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { parseDestination, resolveDestination } from '../graph/destination';
import type { StepContext } from '../graph/logger';
import { mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { confirmedWrite } from '../graph/writes';
import { idSegment } from '../graph/odata';
import { inputObject } from '../validation/fields';

export interface MoveMailConfig extends StepConfig {
  destinationFolderId?: string;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: MoveMailConfig) {
  const input = inputObject(msg.body);
  idSegment(input.messageId, 'messageId');
  const destination = parseDestination(input, cfg);
  const session = createSession(cfg, this);
  const path = messagePath(session, input.messageId);
  const where = () => readMessage<Mail>(session, path, ['id', 'parentFolderId']);
  const [folderId, mail] = await Promise.all([resolveDestination(session, destination), where()]);
  if (!mail) throw mailNotFound('messageId');
  const moved = (id: string, alreadyThere: boolean) => newMessageWithBody({ id, parentFolderId: folderId, alreadyThere });
  if (mail.parentFolderId === folderId) {
    this.logger.info('The mail is in the destination folder already; nothing to move');
    return moved(mail.id!, true);
  }
  const result = await confirmedWrite(
    async () => (await session.post<Mail>(`${path}/move`, { destinationId: folderId }, { idempotent: false })).body.id!,
    async () => {
      const now = await where();
      if (!now) throw mailNotFound('messageId');
      return now.parentFolderId === folderId ? now.id! : undefined;
    },
  );
  this.logger.info('Mail moved');
  return moved(result, false);
}

export { getFolders } from '../platform/dropdowns';
export { processAction as process };
