/**
 * What both polling triggers do on the platform: validate the start time, poll, send each new
 * item as a data message (or batches of them, with the files each carries) and each saved cursor
 * as the snapshot.
 */
import type { StepContext } from '../graph/logger';
import { pollCollection } from '../graph/poll';
import type { PollSpec } from '../graph/poll';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { parseInstant } from '../validation/datetime';
import { isAbsent } from '../validation/fields';
import { emitMessages } from './batches';
import type { EmitBehaviour, ItemMessage } from './batches';

/** How a trigger turns items into messages; the default: each item as it is, one message each. */
export interface TriggerOutput<T> {
  behaviour: EmitBehaviour;
  /** The body and files of an item's message (stored attachments, say). */
  prepare(item: T): Promise<ItemMessage<unknown>>;
}

export async function runPollingTrigger<T extends Record<string, unknown>>(
  context: StepContext,
  cfg: StepConfig & { startTime?: unknown },
  snapshot: unknown,
  specFor: (root: string) => PollSpec<T>,
  noun: string,
  outputFor?: (session: GraphSession) => TriggerOutput<T>,
): Promise<void> {
  const startTime = isAbsent(cfg.startTime) ? undefined : parseInstant(cfg.startTime, 'startTime');
  const session = createSession(cfg, context);
  const spec = specFor(session.root);
  const output = outputFor?.(session) ?? { behaviour: 'emitIndividually', prepare: async (item: T) => ({ body: item }) };
  let page = 0;
  const send = async (items: T[]): Promise<void> => {
    const messages: ItemMessage<unknown>[] = [];
    for (const item of items) messages.push(await output.prepare(item));
    page += 1;
    await emitMessages(context, output.behaviour, messages, page);
  };
  const { emitted, pages } = await pollCollection<T>(session, spec, { snapshot, startTime }, {
    emit: async (item) => { await send([item]); },
    ...(output.behaviour === 'emitPage' && { emitBatch: send }),
    persist: async (next) => { await context.emit('snapshot', next); },
  }, context.logger);
  context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}
