"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SLICE_ITEMS = exports.SNAPSHOT_BUDGET_BYTES = exports.LOOKBACK_SECONDS = void 0;
exports.itemKey = itemKey;
exports.toSecond = toSecond;
exports.restoreCursor = restoreCursor;
exports.startCursor = startCursor;
exports.isNew = isNew;
exports.markEmitted = markEmitted;
exports.advance = advance;
exports.walkFrom = walkFrom;
exports.walkUntil = walkUntil;
exports.markWalked = markWalked;
exports.settledSecond = settledSecond;
exports.snapshotOf = snapshotOf;
/**
 * The polling cursor both triggers share: which items are new, and what to remember between polls.
 *
 * Outlook returns receivedDateTime / lastModifiedDateTime in whole seconds but compares $filter at
 * full precision. So the query asks for `ge <second>` (never `gt`, which would miss the rest of that
 * second) and the cursor remembers short hashes of what it already emitted at or after that second.
 * Items become visible to the API a little after their timestamp (replication), so the cursor only
 * moves past a second once Graph's own clock is LOOKBACK seconds beyond it. The container's clock
 * is never asked: it may be minutes off Graph's, and every second it runs ahead would be lost.
 *
 * A second can hold more items than a snapshot can remember (a mass mailing, an import). The walk
 * then slices it by the milliseconds the filter compares but the results do not show, and once
 * Graph's clock has left that second the cursor keeps how far into it the walk got (`done`)
 * instead of the hashes of everything before that point.
 *
 * All of it is pure: times in epoch seconds (or ms where named), no I/O.
 */
const node_crypto_1 = require("node:crypto");
const odata_1 = require("./odata");
/** How long after its timestamp an item may still appear. Exchange replication takes seconds. */
exports.LOOKBACK_SECONDS = 120;
/** The platform keeps snapshots small (5 KB); leave room for the envelope. */
exports.SNAPSHOT_BUDGET_BYTES = 4500;
/**
 * The most items of one second a slice holds, so the most hashes of a crowded second the cursor
 * keeps: those of the slice being walked plus, at worst, as many more an earlier page left there.
 * 2 x 150 x 8 characters leave a third of the budget to the look-back of other seconds.
 */
exports.SLICE_ITEMS = 150;
const HASH_LENGTH = 8;
/**
 * 48 bits of SHA-256: with a few hundred items in the window, the chance that a new item collides
 * with a remembered one is about 1e-12. `version` is the change key for "once per change" triggers.
 */
function itemKey(id, version = '') {
    return (0, node_crypto_1.createHash)('sha256').update(`${id}\n${version}`).digest('base64url').slice(0, HASH_LENGTH);
}
function toSecond(iso) {
    const ms = Date.parse(iso ?? '');
    if (Number.isNaN(ms))
        throw new Error(`Graph returned an item without a valid timestamp ("${String(iso).slice(0, 40)}")`);
    return Math.floor(ms / 1000);
}
function emptyAt(from) {
    return { from, seen: new Map(), done: new Map() };
}
/**
 * Where polling goes on: the saved snapshot (v1 or v2), else the configured start time (epoch ms).
 * Undefined when there is neither: the start must then come from Graph (startCursor).
 */
function restoreCursor(snapshot, startTime) {
    const saved = snapshot;
    if (saved && (saved.v === 1 || saved.v === 2) && typeof saved.from === 'string' && !Number.isNaN(Date.parse(saved.from))) {
        const state = emptyAt(toSecond(saved.from));
        for (const [offset, packed] of Object.entries(saved.seen ?? {})) {
            if (typeof packed !== 'string' || !/^\d+$/.test(offset))
                continue;
            const hashes = new Set();
            for (let i = 0; i + HASH_LENGTH <= packed.length; i += HASH_LENGTH)
                hashes.add(packed.slice(i, i + HASH_LENGTH));
            state.seen.set(state.from + Number(offset), hashes);
        }
        if (saved.v === 2) {
            for (const [offset, ms] of Object.entries(saved.done ?? {})) {
                if (/^\d+$/.test(offset) && Number.isInteger(ms) && ms >= 1 && ms <= 1000)
                    state.done.set(state.from + Number(offset), ms);
            }
        }
        return state;
    }
    return startTime === undefined ? undefined : emptyAt(Math.floor(startTime / 1000));
}
/**
 * The first cursor of a trigger with neither snapshot nor start time, from its first response:
 * "from the first poll on" by Graph's clock, the Date header. Without one (a proxy dropped it)
 * the cursor starts at the second of the newest item Graph listed, the newest items of that second
 * remembered as emitted: nothing it has shown is emitted, and everything stamped later is (other
 * items of that second, beyond those listed, may be emitted too: without Graph's clock they cannot
 * be told from mail that arrived in the same second after the poll). An empty collection starts at
 * the beginning: whatever it holds later arrived after this poll.
 */
function startCursor(serverTime, newest) {
    if (serverTime !== undefined)
        return emptyAt(Math.floor(serverTime / 1000));
    if (!newest.length)
        return emptyAt(0);
    const state = emptyAt(Math.max(...newest.map((item) => item.second)));
    for (const item of newest)
        if (item.second === state.from)
            markEmitted(state, item.key, item.second);
    return state;
}
function isNew(state, key, second) {
    return second >= state.from && !state.seen.get(second)?.has(key);
}
function markEmitted(state, key, second) {
    let hashes = state.seen.get(second);
    if (!hashes) {
        hashes = new Set();
        state.seen.set(second, hashes);
    }
    hashes.add(key);
}
/** Moves `from` forward (never back) and forgets what lies before it. */
function advance(state, to) {
    if (to <= state.from)
        return;
    state.from = to;
    for (const second of state.seen.keys())
        if (second < to)
            state.seen.delete(second);
    for (const second of state.done.keys())
        if (second < to)
            state.done.delete(second);
}
/** Where a walk reaching `ms` goes on: past the part of its second (and of any following whole second) already walked. */
function walkFrom(state, ms) {
    for (;;) {
        const second = Math.floor(ms / 1000);
        const walked = state.done.get(second);
        if (walked === undefined || ms >= second * 1000 + walked)
            return ms;
        ms = second * 1000 + walked;
    }
}
/** Where a range walked from `ms` must end (exclusive): at the next second walked in part, if any. */
function walkUntil(state, ms) {
    const second = Math.floor(ms / 1000);
    const later = [...state.done.keys()].filter((s) => s > second);
    return later.length ? Math.min(...later) * 1000 : undefined;
}
/**
 * A slice of a crowded second, up to `endMs`, has been walked and emitted, and Graph's clock has
 * left that second, so nothing new can arrive in it: the cursor keeps the position and forgets the
 * hashes of the items that slice returned. The price: an item of that second that becomes visible
 * only after its slice was walked is never emitted.
 */
function markWalked(state, second, endMs, keys) {
    if (second < state.from)
        return;
    const walked = endMs - second * 1000;
    if (walked > (state.done.get(second) ?? 0))
        state.done.set(second, walked);
    const hashes = state.seen.get(second);
    if (!hashes)
        return;
    for (const key of keys)
        hashes.delete(key);
    if (!hashes.size || walked >= 1000)
        state.seen.delete(second);
}
/** The latest second every item of which is surely visible, judged by Graph's clock. */
function settledSecond(serverTimeMs) {
    return Math.floor(serverTimeMs / 1000) - exports.LOOKBACK_SECONDS;
}
function pack(state) {
    const seen = {};
    for (const second of [...state.seen.keys()].sort((a, b) => a - b)) {
        const hashes = state.seen.get(second);
        if (hashes.size)
            seen[String(second - state.from)] = [...hashes].join('');
    }
    const snapshot = { v: 1, from: (0, odata_1.dateTimeLiteral)(state.from * 1000), seen };
    if (state.done.size) {
        snapshot.v = 2;
        snapshot.done = Object.fromEntries([...state.done].sort(([a], [b]) => a - b).map(([second, ms]) => [String(second - state.from), ms]));
    }
    return snapshot;
}
/**
 * The snapshot to persist, within the budget. Over budget, the oldest seconds before `keepFrom`
 * are forgotten and `from` moves past them: that shortens the look-back for those seconds only,
 * and never re-emits. Seconds at or after `keepFrom` are still being walked (or may still receive
 * items) and are never dropped; if they alone exceed the budget there is no snapshot (undefined),
 * and the caller saves at its next chance instead of persisting more than the platform keeps.
 */
function snapshotOf(state, keepFrom, budget = exports.SNAPSHOT_BUDGET_BYTES) {
    let snapshot = pack(state);
    let shortened = false;
    while (JSON.stringify(snapshot).length > budget) {
        const oldest = Math.min(...state.seen.keys(), ...state.done.keys());
        if (!(oldest < keepFrom))
            return { snapshot: undefined, shortened };
        advance(state, oldest + 1);
        shortened = true;
        snapshot = pack(state);
    }
    return { snapshot, shortened };
}
