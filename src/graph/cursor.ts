/**
 * The polling cursor both triggers share: which items are new, and what to remember between polls.
 *
 * Outlook returns receivedDateTime / lastModifiedDateTime in whole seconds but compares $filter at
 * full precision. So the query asks for `ge <second>` (never `gt`, which would miss the rest of that
 * second) and the cursor remembers short hashes of what it already emitted at or after that second.
 * Items become visible to the API a little after their timestamp (replication), so the cursor only
 * moves past a second once Graph's own clock (the Date header) is LOOKBACK seconds beyond it.
 *
 * All of it is pure: times in epoch seconds, no I/O.
 */
import { createHash } from 'node:crypto';
import { dateTimeLiteral } from './odata';

/** How long after its timestamp an item may still appear. Exchange replication takes seconds. */
export const LOOKBACK_SECONDS = 120;
/** The platform keeps snapshots small (5 KB); leave room for the envelope. */
export const SNAPSHOT_BUDGET_BYTES = 4500;

export interface CursorState {
  /** Every item stamped before this second has been emitted. */
  from: number;
  /** Hashes of items emitted at or after `from`, by the second they are stamped with. */
  seen: Map<number, Set<string>>;
}

export interface CursorSnapshot {
  v: 1;
  from: string;
  /** second offset from `from` -> concatenated 8-character hashes */
  seen: Record<string, string>;
}

const HASH_LENGTH = 8;

/**
 * 48 bits of SHA-256: with a few hundred items in the window, the chance that a new item collides
 * with a remembered one is about 1e-12. `version` is the change key for "once per change" triggers.
 */
export function itemKey(id: string, version = ''): string {
  return createHash('sha256').update(`${id}\n${version}`).digest('base64url').slice(0, HASH_LENGTH);
}

export function toSecond(iso: string | null | undefined): number {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) throw new Error(`Graph returned an item without a valid timestamp ("${String(iso).slice(0, 40)}")`);
  return Math.floor(ms / 1000);
}

/** Where polling starts: the saved snapshot, else the configured start time, else now. */
export function restoreCursor(snapshot: unknown, start: { startTime?: number; now: number }): CursorState {
  const saved = snapshot as Partial<CursorSnapshot> | undefined;
  if (saved && saved.v === 1 && typeof saved.from === 'string' && !Number.isNaN(Date.parse(saved.from))) {
    const from = toSecond(saved.from);
    const seen = new Map<number, Set<string>>();
    for (const [offset, packed] of Object.entries(saved.seen ?? {})) {
      if (typeof packed !== 'string' || !/^\d+$/.test(offset)) continue;
      const hashes = new Set<string>();
      for (let i = 0; i + HASH_LENGTH <= packed.length; i += HASH_LENGTH) hashes.add(packed.slice(i, i + HASH_LENGTH));
      seen.set(from + Number(offset), hashes);
    }
    return { from, seen };
  }
  const startMs = start.startTime ?? start.now;
  return { from: Math.floor(startMs / 1000), seen: new Map() };
}

export function isNew(state: CursorState, key: string, second: number): boolean {
  return second >= state.from && !state.seen.get(second)?.has(key);
}

export function markEmitted(state: CursorState, key: string, second: number): void {
  let hashes = state.seen.get(second);
  if (!hashes) {
    hashes = new Set();
    state.seen.set(second, hashes);
  }
  hashes.add(key);
}

/** Moves `from` forward (never back) and forgets what lies before it. */
export function advance(state: CursorState, to: number): void {
  if (to <= state.from) return;
  state.from = to;
  for (const second of state.seen.keys()) if (second < to) state.seen.delete(second);
}

/** The latest second every item of which is surely visible, judged by Graph's clock. */
export function settledSecond(serverTimeMs: number): number {
  return Math.floor(serverTimeMs / 1000) - LOOKBACK_SECONDS;
}

function pack(state: CursorState): CursorSnapshot {
  const seen: Record<string, string> = {};
  for (const second of [...state.seen.keys()].sort((a, b) => a - b)) {
    const hashes = state.seen.get(second)!;
    if (hashes.size) seen[String(second - state.from)] = [...hashes].join('');
  }
  return { v: 1, from: dateTimeLiteral(state.from * 1000), seen };
}

/**
 * The snapshot to persist. In a burst too large for the budget the oldest seconds are dropped and
 * `from` moves past them: that shortens the look-back for those seconds only, and never re-emits.
 * Seconds at or after `keepFrom` (still being paged through, or stamped after the poll began) are
 * never dropped, since items of theirs may still come; the snapshot is then larger than the budget.
 */
export function snapshotOf(state: CursorState, keepFrom: number, budget = SNAPSHOT_BUDGET_BYTES): { snapshot: CursorSnapshot; shortened: boolean } {
  let snapshot = pack(state);
  let shortened = false;
  while (JSON.stringify(snapshot).length > budget) {
    const oldest = Math.min(...state.seen.keys());
    if (!(oldest < keepFrom)) break;
    advance(state, oldest + 1);
    shortened = true;
    snapshot = pack(state);
  }
  return { snapshot, shortened };
}
