"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.occurrenceKey = exports.LOOKBACK_MS = void 0;
exports.emptyState = emptyState;
exports.restoreState = restoreState;
exports.surelyListedBefore = surelyListedBefore;
exports.packState = packState;
exports.progressSnapshot = progressSnapshot;
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
const cursor_1 = require("./cursor");
const odata_1 = require("./odata");
/**
 * How far behind its timestamp a change may still become visible to list queries, and how long
 * before the previous poll a start may lie and still be listed (a meeting created just after its
 * start). Exchange replication takes seconds.
 */
exports.LOOKBACK_MS = 120_000;
const HASH = 8;
const occurrenceKey = (id, startMs) => (0, cursor_1.itemKey)(id, String(startMs));
exports.occurrenceKey = occurrenceKey;
function emptyState() {
    return { gapMs: 0, seen: new Set(), complete: true };
}
/** The state a snapshot saved; an empty state for anything else (a first poll, another trigger's snapshot). */
function restoreState(snapshot) {
    const s = snapshot;
    const times = s && [s.at, s.since, s.from, s.until].map((t) => (typeof t === 'string' ? Date.parse(t) : NaN));
    if (!s || s.v !== 1 || !times || times.some(Number.isNaN) || typeof s.seen !== 'string')
        return emptyState();
    const seen = new Set();
    for (let i = 0; i + HASH <= s.seen.length; i += HASH)
        seen.add(s.seen.slice(i, i + HASH));
    return {
        at: times[0], since: times[1], from: times[2], until: times[3],
        gapMs: Number.isFinite(s.gap) ? Math.max(0, s.gap * 1000) : 0,
        seen,
        complete: s.partial !== true,
    };
}
/**
 * Whether an occurrence not in `seen` was surely emitted by an earlier poll: only when keys were
 * forgotten (`complete` false), and only if it was inside the previous poll's window and unchanged
 * since well before that poll, so that poll listed it, as it is.
 */
function surelyListedBefore(state, startMs, lastModifiedMs) {
    if (state.complete || state.at === undefined || state.from === undefined || state.until === undefined)
        return false;
    return startMs >= state.from && startMs < state.until && lastModifiedMs < state.at - exports.LOOKBACK_MS;
}
function pack(f, keys, partial) {
    return {
        v: 1,
        at: (0, odata_1.instantLiteral)(f.at), since: (0, odata_1.instantLiteral)(f.since), from: (0, odata_1.instantLiteral)(f.from), until: (0, odata_1.instantLiteral)(f.until),
        gap: Math.round(f.gapMs / 1000),
        seen: keys.join(''),
        ...(partial && { partial: true }),
    };
}
const sizeOf = (snapshot) => JSON.stringify(snapshot).length;
/**
 * The snapshot after a complete poll at Graph's time `at` that listed [from, until): the next
 * poll lists from `at` minus the look-back on. Over the budget, keys go in this order of need:
 * those changed within the look-back of `at` (the fallback cannot vouch for them), then the ones
 * starting latest (they stay due longest).
 */
function packState(at, from, until, gapMs, remember, budget = cursor_1.SNAPSHOT_BUDGET_BYTES) {
    const frame = { at, since: at - exports.LOOKBACK_MS, from, until, gapMs };
    const unique = [...new Map(remember.map((r) => [r.key, r])).values()];
    const full = pack(frame, unique.map((r) => r.key), false);
    if (sizeOf(full) <= budget)
        return { snapshot: full, dropped: 0, droppedRecent: 0 };
    const recent = (r) => r.lastModifiedMs >= at - exports.LOOKBACK_MS;
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
function progressSnapshot(state, pollAt, emitted, budget = cursor_1.SNAPSHOT_BUDGET_BYTES) {
    // A first poll has no earlier frame: its own time, with an empty window the fallback never trusts.
    const frame = state.at === undefined || state.from === undefined || state.until === undefined || state.since === undefined
        ? { at: pollAt, since: pollAt, from: pollAt, until: pollAt, gapMs: 0 }
        : { at: state.at, since: state.since, from: state.from, until: state.until, gapMs: state.gapMs };
    const keys = [...new Set([...state.seen, ...emitted])];
    const snapshot = pack(frame, keys, !state.complete);
    return sizeOf(snapshot) <= budget ? snapshot : undefined;
}
