/**
 * Delete Mail: to Deleted Items (DELETE), or for good (`permanent`: POST permanentDelete, which
 * Graph offers in its global cloud only). Deleting what is already gone succeeds with
 * `alreadyDeleted: true`, so a replayed message is harmless; Graph answers a deleted mail and an
 * id that never named one alike (404), so `errorIfNotFound` turns that into an error instead.
 * A mail already in Deleted Items is not deleted again without `permanent` (a second DELETE
 * would purge it), and a delete whose answer is lost is checked before it is repeated.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import type { StepContext } from '../graph/logger';
import { isNotFound, mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment } from '../graph/odata';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { confirmedWrite } from '../graph/writes';
import { inputObject, parseFlag } from '../validation/fields';

export interface DeleteMailConfig extends StepConfig {
  errorIfNotFound?: boolean | string;
}

/** 'gone', 'deleted' (in Deleted Items), or 'there' (still elsewhere). */
type State = 'gone' | 'deleted' | 'there';

async function stateOf(session: GraphSession, path: string, deletedItems: Promise<string>): Promise<State> {
  const mail = await readMessage<Mail>(session, path, ['id', 'parentFolderId']);
  if (!mail) return 'gone';
  return mail.parentFolderId === await deletedItems ? 'deleted' : 'there';
}

/** Runs the delete; a 404 means someone (or an earlier run) was first. */
async function remove(write: () => Promise<unknown>, check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await confirmedWrite(async () => { await write(); return false; }, async () => (await check() ? false : undefined));
  } catch (err) {
    if (isNotFound(err)) return true;
    throw err;
  }
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: DeleteMailConfig) {
  const input = inputObject(msg.body);
  idSegment(input.messageId, 'messageId');
  const permanent = parseFlag(input.permanent, 'permanent');
  const errorIfNotFound = parseFlag(cfg.errorIfNotFound, 'errorIfNotFound');
  const session = createSession(cfg, this);
  if (permanent && session.cloud.name !== 'global') {
    throw new InputError('permanent', `Microsoft Graph offers permanent deletion in its global cloud only, not in the ${session.cloud.name} cloud: set permanent to false (the mail goes to Deleted Items)`);
  }
  const path = messagePath(session, input.messageId);
  let alreadyDeleted: boolean;
  let notFound: boolean;
  if (permanent) {
    // One request: a 404 says it is gone already.
    alreadyDeleted = await remove(() => session.post(`${path}/permanentDelete`, undefined, { idempotent: false }), async () => !(await readMessage(session, path, ['id'])));
    notFound = alreadyDeleted;
  } else {
    const deletedItems = session.get<{ id: string }>(`${session.root}/mailFolders/deleteditems?$select=id`).then((r) => r.body.id);
    // Settled even if the mail turns out to be gone, so its failure cannot go unhandled.
    deletedItems.catch(() => undefined);
    const state = await stateOf(session, path, deletedItems);
    notFound = state === 'gone';
    // Not idempotent: a DELETE repeated after the first moved it to Deleted Items would purge it.
    alreadyDeleted = state !== 'there' || await remove(() => session.delete(path, { idempotent: false }), async () => (await stateOf(session, path, deletedItems)) !== 'there');
  }
  if (notFound && errorIfNotFound) throw mailNotFound('messageId');
  this.logger.info(alreadyDeleted ? 'The mail was deleted already' : `Mail deleted${permanent ? ' permanently' : ''}`);
  return newMessageWithBody({ id: String(input.messageId).trim(), permanent, alreadyDeleted });
}

export { processAction as process };
