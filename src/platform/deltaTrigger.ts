/**
 * What the delta triggers do on the platform: validate the start time, follow each chain of the
 * trigger to the end of its round, emit each change as a data message (once: replays, and what a
 * crashed poll emitted already, are recognised by the hashes the snapshot keeps), and save the
 * state as the snapshot after every page and every PERSIST_EVERY emissions.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { itemKey } from '../graph/cursor';
import { followChain } from '../graph/delta';
import type { DeltaChainSpec } from '../graph/delta';
import { classify, emissionKey, itemListed, packDeltaState, remember, restoreDeltaState } from '../graph/deltaState';
import type { ChangeType, ItemFacts } from '../graph/deltaState';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { parseInstant } from '../validation/datetime';
import { isAbsent } from '../validation/fields';

export interface DeltaTriggerSpec<T> {
  /** What the trigger tracks (mailbox, folder...); a snapshot of another scope is not continued (see restoreDeltaState). */
  scope: string;
  chains: readonly DeltaChainSpec[];
  facts(item: T): ItemFacts;
  /** The data message's body for a change. */
  output(type: ChangeType, item: T, facts: ItemFacts): Record<string, unknown>;
}

export async function runDeltaTrigger<T extends Record<string, unknown>>(
  context: StepContext,
  cfg: StepConfig & { startTime?: unknown },
  snapshot: unknown,
  specFor: (root: string) => DeltaTriggerSpec<T>,
): Promise<void> {
  const startTime = isAbsent(cfg.startTime) ? undefined : parseInstant(cfg.startTime, 'startTime');
  const session = createSession(cfg, context);
  const spec = specFor(session.root);
  // Links are only valid on the Graph host that gave them: another host (a cloud changed) is another scope.
  const scope = itemKey(`${session.endpoints.graph}|${spec.scope}`);
  const state = restoreDeltaState(snapshot, scope, spec.chains.map((c) => c.name), startTime === undefined ? undefined : Math.floor(startTime / 1000));
  // A version emitted as created needs no update of its own (a resync cannot tell a move in from a change).
  const versionsMatter = spec.chains.some((c) => c.kind === 'updated' || c.kind === 'changes');
  const { logger } = context;

  // Compared with what was handed in, so a first poll always saves where it stands.
  let lastSaved = JSON.stringify(snapshot ?? null);
  let warnedOver = false;
  const persist = async (): Promise<void> => {
    const { snapshot: next, over } = packDeltaState(state);
    if (over && !warnedOver) {
      warnedOver = true;
      logger.warn(`The change-tracking links alone take ${JSON.stringify(next).length} bytes, more than the snapshot budget: saving them whole, without the memory of recent emissions`);
    }
    const json = JSON.stringify(next);
    if (json === lastSaved) return;
    await context.emit('snapshot', next);
    lastSaved = json;
  };

  const counts: Record<ChangeType, number> = { created: 0, updated: 0, deleted: 0 };
  // Graph's clock as far as this poll has seen it (Date headers, timestamps listed), for chains whose
  // answers come without a Date header (a proxy dropped it) and list nothing with a time.
  let graphSecond: number | undefined;
  const saw = (second: number | undefined): void => {
    if (second !== undefined && Number.isFinite(second)) graphSecond = Math.max(graphSecond ?? -Infinity, second);
  };
  for (const chainSpec of spec.chains) {
    const chain = state.chains[chainSpec.name];
    await followChain<T>(session, chainSpec, chain, {
      knownSecond: () => graphSecond,
      page: (page) => saw(page.serverTime === undefined ? undefined : Math.floor(page.serverTime / 1000)),
      item: async (item) => {
        const facts = spec.facts(item);
        itemListed(chain, facts);
        saw(Math.max(facts.arrivedAt ?? -Infinity, facts.changedAt ?? -Infinity));
        let type = classify(chainSpec.kind, chain, facts);
        if (!type) return false;
        // One chain for all kinds: an item reported as new again (a replay) may carry an update.
        if (type === 'created' && chainSpec.kind === 'changes' && state.seenSet.has(emissionKey('created', facts))) type = 'updated';
        const key = emissionKey(type, facts);
        if (state.seenSet.has(key)) return false;
        await context.emit('data', newMessageWithBody(spec.output(type, item, facts)));
        remember(state, key);
        if (type === 'created' && versionsMatter) remember(state, emissionKey('updated', facts));
        counts[type] += 1;
        return true;
      },
      persist,
    }, logger);
  }
  // A quiet poll with nothing new still saves, so the next one starts where this one stood.
  await persist();
  logger.info(`Poll finished: ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted`);
}
