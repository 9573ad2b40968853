/**
 * The cursors of several collections polled by one trigger (every contact folder of a mailbox) in
 * one snapshot, within the platform's budget. Each collection is polled by poll.ts exactly as a
 * single one is; this module only packs their CursorSnapshots together and decides how many bytes
 * the one being polled may take.
 *
 * A collection without a cursor of its own starts at the trigger's origin (`start`): its start
 * time, or where its first poll began by Graph's clock. That holds for a folder made later (what
 * it holds was put there after the origin) and for one a crashed poll had not reached yet.
 *
 * The envelope also reads as a plain v1 cursor (`from`, `seen` empty): at the earliest point
 * every collection has reached, or at the origin while one has not been polled yet. A trigger
 * switched from all folders to one goes on from there, and a plain cursor handed to a set
 * (switched the other way) becomes the origin and every collection's start.
 *
 * Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { restoreCursor, SNAPSHOT_BUDGET_BYTES, snapshotOf, toSecond } from './cursor';
import type { CursorSnapshot } from './cursor';
import { dateTimeLiteral } from './odata';

/** One collection's cursor, relative to the envelope's `from`: o seconds later, its seen and done maps. */
interface Entry {
  o: number;
  s?: Record<string, string>;
  d?: Record<string, number>;
}

export interface CursorSetSnapshot extends CursorSnapshot {
  /** The origin: where a collection without a cursor of its own starts. */
  start: string;
  /** Collection key -> its cursor. */
  sets: Record<string, Entry>;
}

export interface CursorSet {
  /** Where a collection without a cursor of its own starts; undefined: from the start time or Graph's clock. */
  origin: CursorSnapshot | undefined;
  entries: Map<string, CursorSnapshot>;
}

/** The fewest bytes the collection being polled is given, other collections' look-back shortened if need be. */
export const MIN_ACTIVE_BYTES = 1500;
/** The most collections one snapshot holds: an idle one takes about 25 bytes. */
export const MAX_COLLECTIONS = 100;
/** Bytes the envelope may differ by between the check and the write (`from` and offsets move). */
const SLACK = 60;

/** A short key for a collection (a folder id is some 150 characters). */
export function collectionKey(id: string): string {
  return createHash('sha256').update(`collection\n${id}`).digest('base64url').slice(0, 8);
}

function isCursor(value: unknown): value is CursorSnapshot {
  const c = value as Partial<CursorSnapshot> | null;
  return !!c && (c.v === 1 || c.v === 2) && typeof c.from === 'string' && !Number.isNaN(Date.parse(c.from));
}

/** Reads a saved snapshot: a set, a plain cursor (every collection starts from it), or nothing. */
export function readCursorSet(snapshot: unknown): CursorSet {
  if (!isCursor(snapshot)) return { origin: undefined, entries: new Map() };
  const { sets, start } = snapshot as Partial<CursorSetSnapshot>;
  if (!sets || typeof sets !== 'object') return { origin: snapshot, entries: new Map() };
  const from = toSecond(snapshot.from);
  const origin = typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? start : snapshot.from;
  const entries = new Map<string, CursorSnapshot>();
  for (const [key, entry] of Object.entries(sets)) {
    if (!entry || !Number.isInteger(entry.o) || entry.o < 0) continue;
    const cursor: CursorSnapshot = { v: entry.d ? 2 : 1, from: dateTimeLiteral((from + entry.o) * 1000), seen: entry.s ?? {} };
    if (entry.d) cursor.done = entry.d;
    entries.set(key, cursor);
  }
  return { origin: { v: 1, from: origin, seen: {} }, entries };
}

/** The cursor a collection resumes from. */
export function cursorFor(set: CursorSet, key: string): CursorSnapshot | undefined {
  return set.entries.get(key) ?? set.origin;
}

/** The envelope of the collections in `keys` (others, such as deleted folders, are dropped). */
export function writeCursorSet(set: CursorSet, keys: readonly string[]): CursorSetSnapshot | undefined {
  const kept = keys.filter((key) => set.entries.has(key)).map((key) => [key, set.entries.get(key)!] as const);
  const origin = set.origin ? toSecond(set.origin.from) : undefined;
  // A collection not polled yet starts at the origin, so the envelope read as one cursor does too.
  const froms = [...kept.map(([, c]) => toSecond(c.from)), ...(kept.length < keys.length && origin !== undefined ? [origin] : [])];
  if (!froms.length) return undefined;
  const from = Math.min(...froms);
  const sets: Record<string, Entry> = {};
  for (const [key, cursor] of kept) {
    const entry: Entry = { o: toSecond(cursor.from) - from };
    if (Object.keys(cursor.seen).length) entry.s = cursor.seen;
    if (cursor.done && Object.keys(cursor.done).length) entry.d = cursor.done;
    sets[key] = entry;
  }
  return { v: 1, from: dateTimeLiteral(from * 1000), seen: {}, start: dateTimeLiteral((origin ?? from) * 1000), sets };
}

const bytes = (value: unknown): number => JSON.stringify(value).length;

/**
 * The budget of collection `key` while it is polled: what the others leave of the platform's
 * budget. When they leave less than MIN_ACTIVE_BYTES, the look-back of the largest of them is
 * shortened first (their oldest remembered seconds are forgotten, as snapshotOf does for one
 * cursor); `shortened` says so, for a warning.
 */
export function budgetFor(set: CursorSet, key: string, keys: readonly string[], total = SNAPSHOT_BUDGET_BYTES): { budget: number; shortened: boolean } {
  let shortened = false;
  const others = keys.filter((k) => k !== key);
  const used = (): number => {
    const envelope = writeCursorSet(set, others);
    return envelope ? bytes(envelope) : 0;
  };
  for (;;) {
    const left = total - used() - SLACK;
    if (left >= MIN_ACTIVE_BYTES) return { budget: left, shortened };
    const largest = others.filter((k) => set.entries.has(k)).sort((a, b) => bytes(set.entries.get(b)) - bytes(set.entries.get(a)))[0];
    const cursor = largest === undefined ? undefined : set.entries.get(largest)!;
    if (!cursor || bytes(cursor) <= 80) return { budget: Math.max(left, 0), shortened };
    const state = restoreCursor(cursor, undefined)!;
    const smaller = snapshotOf(state, Infinity, Math.floor(bytes(cursor) / 2)).snapshot;
    if (!smaller) return { budget: Math.max(left, 0), shortened };
    set.entries.set(largest!, smaller);
    shortened = true;
  }
}
