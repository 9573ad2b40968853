/**
 * What the polling triggers do on the platform: validate the start time, poll, send each new
 * item as a data message (or batches of them, with the files each carries) and each saved cursor
 * as the snapshot.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { budgetFor, cursorFor, readCursorSet, writeCursorSet } from '../graph/cursorSet';
import { dateTimeLiteral } from '../graph/odata';
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
    page += await emitMessages(context, output.behaviour, messages, page + 1);
  };
  const { emitted, pages } = await pollCollection<T>(session, spec, { snapshot, startTime }, {
    emit: async (item) => { await send([item]); },
    ...(output.behaviour === 'emitPage' && { emitBatch: send }),
    persist: async (next) => { await context.emit('snapshot', next); },
  }, context.logger);
  context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}

/** One collection a trigger polls among several: a key stable across polls (collectionKey of its id) and its spec. */
export interface PolledCollection<T> {
  key: string;
  spec: PollSpec<T>;
}

/**
 * A trigger over several collections (every contact folder of a mailbox): each is polled by
 * pollCollection exactly as a single one is, one after the other, their cursors kept together in
 * one snapshot (graph/cursorSet.ts) that is saved whenever one of them moves. `collectionsFor` lists
 * them on every poll, so a collection that appears later is polled from then on.
 */
export async function runPollingTriggerOverCollections<T extends Record<string, unknown>>(
  context: StepContext,
  cfg: StepConfig & { startTime?: unknown },
  snapshot: unknown,
  collectionsFor: (session: GraphSession) => Promise<PolledCollection<T>[]>,
  noun: string,
): Promise<void> {
  const startTime = isAbsent(cfg.startTime) ? undefined : parseInstant(cfg.startTime, 'startTime');
  const session = createSession(cfg, context);
  const collections = await collectionsFor(session);
  const keys = collections.map((c) => c.key);
  const set = readCursorSet(snapshot);
  if (!set.origin && startTime !== undefined) set.origin = { v: 1, from: dateTimeLiteral(startTime), seen: {} };
  let lastSaved = JSON.stringify(snapshot ?? null);
  const save = async (): Promise<void> => {
    const envelope = writeCursorSet(set, keys);
    const json = JSON.stringify(envelope ?? null);
    if (!envelope || json === lastSaved) return;
    await context.emit('snapshot', envelope);
    lastSaved = json;
  };
  let emitted = 0;
  let pages = 0;
  for (const { key, spec } of collections) {
    const { budget, shortened } = budgetFor(set, key, keys);
    if (shortened) context.logger.warn('More items changed within the look-back, in all collections together, than the snapshot can remember; the look-back for the oldest of them was shortened');
    const from = cursorFor(set, key);
    const result = await pollCollection<T>(session, spec, { snapshot: from, startTime, budget }, {
      emit: async (item) => { await context.emit('data', newMessageWithBody(item)); },
      persist: async (next) => {
        set.entries.set(key, next);
        // The first cursor of a trigger without a start time: "from the first poll on", by Graph's clock.
        set.origin ??= { v: 1, from: next.from, seen: {} };
        await save();
      },
    }, context.logger);
    // A collection that did not move keeps where it started, so that a later `from` of the others does not carry it along.
    if (!set.entries.has(key) && from) set.entries.set(key, from);
    emitted += result.emitted;
    pages += result.pages;
  }
  await save();
  context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s) of ${collections.length} collection(s)`);
}
