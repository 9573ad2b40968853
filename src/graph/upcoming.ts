/**
 * What Events Starting Soon remembers between polls, and the decision it serves: has this
 * occurrence, at this start, been emitted? Pure: times in epoch ms, no I/O.
 *
 * A poll at Graph's time t lists the occurrences starting in [lo, hi): hi = t + lead (they are
 * due), lo = the previous poll's time minus a look-back (nothing before it can be new), or t minus
 * the grace period when the trigger did not poll for a while (older starts are late beyond it and
 * skipped). Everything listed is emitted unless remembered; afterwards the snapshot remembers the
 * occurrences listed whose start is still within the next poll's reach. So it holds:
 *
 * - `at`, `from`, `until`: the previous complete poll's time and the window it listed;
 * - `since`: where the next poll's window may begin at the earliest: `at` minus the look-back, or
 *   for a first poll that died halfway, its own time (a first poll lists from its time on);
 * - `seen`: 8-character hashes of (occurrence id, start instant) for what starts from `at` minus
 *   the look-back on: a moved occurrence has a new start, so a new key, and is emitted again; one
 *   moved back to a start it was emitted at is not;
 * - `gap`: how long the previous interval between polls was, by Graph's clock, to size the first
 *   request of the next one.
 *
 * Its size depends on how many occurrences start within `lead` of a poll, not on the calendar. When
 * more start at once than the budget holds (about 540), `partial` is set and the keys of the items
 * changed within the look-back of the poll are kept first: for the others, "unchanged since
 * before the previous complete poll, and inside the window it listed" proves they were listed, so
 * emitted, then. A forgotten key can then repeat only an occurrence changed without being moved
 * while it is due (documented in the README); nothing is ever lost to the budget.
 */
import { itemKey, SNAPSHOT_BUDGET_BYTES } from './cursor';
import { instantLiteral } from './odata';

/**
 * How far behind its timestamp a change may still become visible to list queries, and how long
 * before the previous poll a start may lie and still be listed (a meeting created just after its
 * start). Exchange replication takes seconds.
 */
export const LOOKBACK_MS = 120_000;

export interface UpcomingState {
  /** Graph's time of the previous complete poll; undefined before the first. */
  at?: number;
  /** The window the previous complete poll listed: [from, until). */
  from?: number;
  until?: number;
  /** The earliest start the next poll lists. */
  since?: number;
  /** The previous interval between polls by Graph's clock (ms). */
  gapMs: number;
  seen: Set<string>;
  /** Whether `seen` holds every key the previous poll should remember. */
  complete: boolean;
}

export interface UpcomingSnapshot {
  v: 1;
  at: string;
  since: string;
  from: string;
  until: string;
  /** Seconds. */
  gap: number;
  /** Concatenated 8-character hashes. */
  seen: string;
  partial?: true;
}

const HASH = 8;

export const occurrenceKey = (id: string, startMs: number): string => itemKey(id, String(startMs));

export function emptyState(): UpcomingState {
  return { gapMs: 0, seen: new Set(), complete: true };
}

/** The state a snapshot saved; an empty state for anything else (a first poll, another trigger's snapshot). */
export function restoreState(snapshot: unknown): UpcomingState {
  const s = snapshot as Partial<UpcomingSnapshot> | undefined;
  const times = s && [s.at, s.since, s.from, s.until].map((t) => (typeof t === 'string' ? Date.parse(t) : NaN));
  if (!s || s.v !== 1 || !times || times.some(Number.isNaN) || typeof s.seen !== 'string') return emptyState();
  const seen = new Set<string>();
  for (let i = 0; i + HASH <= s.seen.length; i += HASH) seen.add(s.seen.slice(i, i + HASH));
  return {
    at: times[0], since: times[1], from: times[2], until: times[3],
    gapMs: Number.isFinite(s.gap) ? Math.max(0, (s.gap as number) * 1000) : 0,
    seen,
    complete: s.partial !== true,
  };
}

/**
 * Whether an occurrence not in `seen` was surely emitted by an earlier poll: only when keys were
 * forgotten (`complete` false), and only if it was inside the previous poll's window and unchanged
 * since well before that poll, so that poll listed it, as it is.
 */
export function surelyListedBefore(state: UpcomingState, startMs: number, lastModifiedMs: number): boolean {
  if (state.complete || state.at === undefined || state.from === undefined || state.until === undefined) return false;
  return startMs >= state.from && startMs < state.until && lastModifiedMs < state.at - LOOKBACK_MS;
}

/** A key to remember after the poll, with what decides its place when the budget is tight. */
export interface Remembered {
  key: string;
  startMs: number;
  lastModifiedMs: number;
}

export interface Packed {
  snapshot: UpcomingSnapshot;
  /** Keys left out to stay within the budget. */
  dropped: number;
  /** Of those, keys the fallback cannot stand in for: their occurrence may be emitted again. */
  droppedRecent: number;
}

interface Frame {
  at: number;
  since: number;
  from: number;
  until: number;
  gapMs: number;
}

function pack(f: Frame, keys: readonly string[], partial: boolean): UpcomingSnapshot {
  return {
    v: 1,
    at: instantLiteral(f.at), since: instantLiteral(f.since), from: instantLiteral(f.from), until: instantLiteral(f.until),
    gap: Math.round(f.gapMs / 1000),
    seen: keys.join(''),
    ...(partial && { partial: true as const }),
  };
}

const sizeOf = (snapshot: UpcomingSnapshot): number => JSON.stringify(snapshot).length;

/**
 * The snapshot after a complete poll at Graph's time `at` that listed [from, until): the next
 * poll lists from `at` minus the look-back on. Over the budget, keys go in this order of need:
 * those changed within the look-back of `at` (the fallback cannot vouch for them), then the ones
 * starting latest (they stay due longest).
 */
export function packState(at: number, from: number, until: number, gapMs: number, remember: readonly Remembered[], budget = SNAPSHOT_BUDGET_BYTES): Packed {
  const frame: Frame = { at, since: at - LOOKBACK_MS, from, until, gapMs };
  const unique = [...new Map(remember.map((r) => [r.key, r])).values()];
  const full = pack(frame, unique.map((r) => r.key), false);
  if (sizeOf(full) <= budget) return { snapshot: full, dropped: 0, droppedRecent: 0 };
  const recent = (r: Remembered): boolean => r.lastModifiedMs >= at - LOOKBACK_MS;
  const ordered = [...unique].sort((a, b) => Number(recent(b)) - Number(recent(a)) || b.startMs - a.startMs);
  const room = Math.max(0, Math.floor((budget - sizeOf(pack(frame, [], true))) / HASH));
  const kept = ordered.slice(0, room);
  const dropped = ordered.slice(room);
  return { snapshot: pack(frame, kept.map((r) => r.key), true), dropped: dropped.length, droppedRecent: dropped.filter(recent).length };
}

/**
 * A snapshot taken during a poll: the previous poll's state plus what this one has emitted so
 * far, so that a poll that dies resumes without repeating them. Undefined when that would exceed
 * the budget: the caller then saves at the end of the poll.
 */
export function progressSnapshot(state: UpcomingState, pollAt: number, emitted: Iterable<string>, budget = SNAPSHOT_BUDGET_BYTES): UpcomingSnapshot | undefined {
  // A first poll has no earlier frame: its own time, with an empty window the fallback never trusts.
  const frame: Frame = state.at === undefined || state.from === undefined || state.until === undefined || state.since === undefined
    ? { at: pollAt, since: pollAt, from: pollAt, until: pollAt, gapMs: 0 }
    : { at: state.at, since: state.since, from: state.from, until: state.until, gapMs: state.gapMs };
  const keys = [...new Set([...state.seen, ...emitted])];
  const snapshot = pack(frame, keys, !state.complete);
  return sizeOf(snapshot) <= budget ? snapshot : undefined;
}
