/**
 * What both polling triggers do on the platform: validate the start time, poll, send each new
 * item as a data message and each saved cursor as the snapshot.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import type { StepContext } from '../graph/logger';
import { pollCollection } from '../graph/poll';
import type { PollSpec } from '../graph/poll';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { parseInstant } from '../validation/datetime';
import { isAbsent } from '../validation/fields';

export async function runPollingTrigger<T extends Record<string, unknown>>(
  context: StepContext,
  cfg: StepConfig & { startTime?: unknown },
  snapshot: unknown,
  specFor: (root: string) => PollSpec<T>,
  noun: string,
): Promise<void> {
  const startTime = isAbsent(cfg.startTime) ? undefined : parseInstant(cfg.startTime, 'startTime');
  const session = createSession(cfg, context);
  const spec = specFor(session.root);
  const { emitted, pages } = await pollCollection<T>(session, spec, { snapshot, startTime }, {
    emit: async (item) => { await context.emit('data', newMessageWithBody(item)); },
    persist: async (next) => { await context.emit('snapshot', next); },
  }, context.logger);
  context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}
