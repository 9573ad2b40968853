/**
 * What the delta triggers do on the platform: validate the start time, follow each chain of the
 * trigger to the end of its round, emit each change as a data message (once: replays, and what a
 * crashed poll emitted already, are recognised by the hashes the snapshot keeps), and save the
 * state as the snapshot after every page and every PERSIST_EVERY emissions. Chains are followed in
 * the spec's order (Mail Changes in Folder: removals first); a chain of removals reads one more
 * round after arrivals were emitted, so that it knows them. A windowed chain (calendar views) whose
 * window is due to move on starts over on the new window in the same poll, then follows the old
 * window's last round (deltaState.rollWindow).
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { itemKey } from '../graph/cursor';
import { dateTimeLiteral } from '../graph/odata';
import { followChain } from '../graph/delta';
import { GraphRequestError } from '../graph/errors';
import type { DeltaChainSpec } from '../graph/delta';
import { classify, emissionKey, forget, itemListed, listedAtStart, packDeltaState, remember, restoreDeltaState, retiredName, rollWindow } from '../graph/deltaState';
import type { ChainState, ChangeType, DeltaState, ItemFacts, Window } from '../graph/deltaState';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { parseInstant } from '../validation/datetime';
import { isAbsent } from '../validation/fields';

export interface DeltaTriggerSpec<T> {
  /** What the trigger tracks (mailbox, folder...); a snapshot of another scope is not continued (see restoreDeltaState). */
  scope: string;
  chains: readonly DeltaChainSpec[];
  facts(item: T): ItemFacts;
  /** The data message's body for a change. */
  output(type: ChangeType, item: T, facts: ItemFacts): Record<string, unknown>;
  /** The kinds emitted (default: all); the others are followed but not emitted. */
  emits?: readonly ChangeType[];
  /** What a change is emitted as, once classified (a cancelled event: deleted). */
  retype?(type: ChangeType, item: T): ChangeType;
  /** Before the chains are followed (a windowed chain's first window, from Graph's clock): Graph's clock (ms) if it looked. */
  prepare?(session: GraphSession, state: DeltaState): Promise<number | undefined>;
  /** A windowed chain after a complete round: the window it moves on to, when that is due by Graph's clock `now` (s). */
  nextWindow?(chain: ChainState, now: number): Window | undefined;
  /** Graph's clock (ms) from a look at what is tracked, for a poll whose answers carried none (undefined: nor did the look's). */
  clock?(session: GraphSession): Promise<number | undefined>;
  /**
   * A removal Graph reported may be none: a calendar view reports an event out of its window (moved
   * out, or created or changed out there) as removed too. The item as it is now; undefined when it
   * is really gone.
   */
  recheck?(session: GraphSession, facts: ItemFacts): Promise<T | undefined>;
  /** A windowed chain: whether an item is within the window. */
  inView?(facts: ItemFacts, window: Window): boolean;
}

/** A refusal that asking again will not change (not throttling, a time-out or the token). */
function lastingRefusal(err: unknown): err is GraphRequestError {
  const status = err instanceof GraphRequestError ? err.statusCode : undefined;
  return status !== undefined && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
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
  // The rounds of earlier polls come first: a chain followed first that lists nothing with a time
  // (removals carry only ids) is then dated by them rather than left where its first round was.
  for (const chain of Object.values(state.chains)) saw(chain.mark);
  // The latest Date header this poll has had: Graph's clock now, as far as it is known.
  let dated: number | undefined;
  const clockAt = (ms: number | undefined): void => {
    if (ms !== undefined) dated = Math.max(dated ?? -Infinity, Math.floor(ms / 1000));
  };
  const emits = new Set<ChangeType>(spec.emits ?? ['created', 'updated', 'deleted']);
  /** What a reported removal is (see DeltaTriggerSpec.recheck): the item still there, and whether it is out of `view`'s window. */
  const recheck = async (listed: T, listedFacts: ItemFacts, chain: ChainState, view: ChainState): Promise<{ item: T; facts: ItemFacts; outside: boolean }> => {
    const unchanged = { item: listed, facts: listedFacts, outside: false };
    if (!listedFacts.removed || !spec.recheck || chain.phase !== 'tracking') return unchanged;
    let now: T | undefined;
    try {
      now = await spec.recheck(session, listedFacts);
    } catch (err) {
      if (!lastingRefusal(err)) throw err;
      // Asked again, it would be refused again and every poll would stop at this item: it is reported
      // removed, as Graph listed it.
      logger.warn(`Looking up an item Graph listed as removed was refused (HTTP ${err.statusCode}${err.code ? ` ${err.code}` : ''}): it is reported deleted`);
      return unchanged;
    }
    if (!now) return unchanged;
    const facts = spec.facts(now);
    return { item: now, facts, outside: view.window !== undefined && spec.inView !== undefined && !spec.inView(facts, view.window) };
  };
  // `view`: the chain whose window is watched (the previous window's last round reports against the new one).
  const follow = (chainSpec: DeltaChainSpec, chain: ChainState, view = chain) => followChain<T>(session, chainSpec, chain, {
      knownSecond: () => graphSecond,
      clockSecond: () => dated,
      page: (page) => {
        clockAt(page.serverTime);
        saw(page.serverTime === undefined ? undefined : Math.floor(page.serverTime / 1000));
      },
      item: async (listed) => {
        const listedFacts = spec.facts(listed);
        itemListed(chain, listedFacts);
        saw(Math.max(listedFacts.arrivedAt ?? -Infinity, listedFacts.changedAt ?? -Infinity));
        const { item, facts, outside } = await recheck(listed, listedFacts, chain, view);
        const classified = classify(chainSpec.kind, chain, facts);
        if (!classified) return false;
        // Out of the window and new since the last round: it was never in view (unless the trigger
        // emitted it, or its first round found it); it is emitted once it comes into view.
        if (outside && classified === 'created' && !state.seenSet.has(emissionKey('created', facts)) && !listedAtStart(view, facts.id)) return false;
        let type = spec.retype ? spec.retype(classified, item) : classified;
        // One chain for all kinds: an item reported as new again (a replay) may carry an update.
        if (type === 'created' && chainSpec.kind === 'changes' && state.seenSet.has(emissionKey('created', facts))) type = 'updated';
        if (!emits.has(type)) return false;
        const key = emissionKey(type, facts);
        if (state.seenSet.has(key)) return false;
        // A version emitted as updated (a round without Graph's clock could not call it new) is not
        // emitted again when a resync calls it created: each version once, whatever it was called.
        if (type === 'created' && versionsMatter && state.seenSet.has(emissionKey('updated', facts))) return false;
        await context.emit('data', newMessageWithBody(spec.output(type, item, facts)));
        remember(state, key);
        // An item moved out and back in (a mail, an event leaving and re-entering the window) keeps
        // its id: its arrival and its removal are new each time, not replays of the earlier ones.
        if (type === 'deleted') forget(state, emissionKey('created', facts));
        if (type === 'created') forget(state, emissionKey('deleted', facts));
        if (type === 'created' && versionsMatter) remember(state, emissionKey('updated', facts));
        counts[type] += 1;
        return true;
      },
      persist,
    }, logger);

  // Whether a windowed chain moves on is decided by Graph's clock: this poll's Date headers, else a
  // look for it (a proxy stripped them: the last round's own start would keep the window on its old
  // day for as long as the proxy does), else what the rounds showed of it.
  const windowDue = async (chain: ChainState): Promise<Window | undefined> => {
    if (!spec.nextWindow || chain.window === undefined || chain.phase !== 'tracking') return undefined;
    if (dated === undefined && spec.clock) clockAt(await spec.clock(session));
    const now = Math.max(dated ?? -Infinity, graphSecond ?? -Infinity, chain.mark ?? -Infinity);
    return Number.isFinite(now) ? spec.nextWindow(chain, now) : undefined;
  };

  clockAt(await spec.prepare?.(session, state));
  // Arrivals emitted by the time the chain of removals ended its round (undefined: no such chain).
  let arrivedBefore: number | undefined;
  for (const chainSpec of spec.chains) {
    const chain = state.chains[chainSpec.name];
    await follow(chainSpec, chain);
    if (chainSpec.kind === 'deleted') arrivedBefore = counts.created;
    const window = await windowDue(chain);
    if (window) {
      rollWindow(state, chainSpec.name, window);
      logger.info(`The window of ${chainSpec.label} moves on to ${dateTimeLiteral(window.start * 1000)} – ${dateTimeLiteral(window.end * 1000)}: events coming into view are emitted as created`);
      await persist();
      await follow(chainSpec, chain);
    }
    // The previous window's last round (also one a crashed poll left): then it is done with.
    const retired = state.chains[retiredName(chainSpec.name)];
    if (retired) {
      await follow({ ...chainSpec, name: retiredName(chainSpec.name), label: `${chainSpec.label} (previous window)`, last: true }, retired, chain);
      delete state.chains[retiredName(chainSpec.name)];
      await persist();
    }
  }
  // A round of removals reports only what was there when it was fixed: mail that arrived after it
  // (emitted by a later round of this poll) and is gone by its next round counts to Graph as come and
  // gone. One more round now makes it known, so a removal before the next poll is reported then.
  const removals = spec.chains.find((c) => c.kind === 'deleted');
  if (removals && arrivedBefore !== undefined && counts.created > arrivedBefore) await follow(removals, state.chains[removals.name]);
  // A quiet poll with nothing new still saves, so the next one starts where this one stood.
  await persist();
  logger.info(`Poll finished: ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted`);
}
