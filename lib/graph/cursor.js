"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNAPSHOT_BUDGET_BYTES = exports.LOOKBACK_SECONDS = void 0;
exports.itemKey = itemKey;
exports.toSecond = toSecond;
exports.restoreCursor = restoreCursor;
exports.isNew = isNew;
exports.markEmitted = markEmitted;
exports.advance = advance;
exports.settledSecond = settledSecond;
exports.snapshotOf = snapshotOf;
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
const node_crypto_1 = require("node:crypto");
const odata_1 = require("./odata");
/** How long after its timestamp an item may still appear. Exchange replication takes seconds. */
exports.LOOKBACK_SECONDS = 120;
/** The platform keeps snapshots small (5 KB); leave room for the envelope. */
exports.SNAPSHOT_BUDGET_BYTES = 4500;
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
/** Where polling starts: the saved snapshot, else the configured start time, else now. */
function restoreCursor(snapshot, start) {
    const saved = snapshot;
    if (saved && saved.v === 1 && typeof saved.from === 'string' && !Number.isNaN(Date.parse(saved.from))) {
        const from = toSecond(saved.from);
        const seen = new Map();
        for (const [offset, packed] of Object.entries(saved.seen ?? {})) {
            if (typeof packed !== 'string' || !/^\d+$/.test(offset))
                continue;
            const hashes = new Set();
            for (let i = 0; i + HASH_LENGTH <= packed.length; i += HASH_LENGTH)
                hashes.add(packed.slice(i, i + HASH_LENGTH));
            seen.set(from + Number(offset), hashes);
        }
        return { from, seen };
    }
    const startMs = start.startTime ?? start.now;
    return { from: Math.floor(startMs / 1000), seen: new Map() };
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
    return { v: 1, from: (0, odata_1.dateTimeLiteral)(state.from * 1000), seen };
}
/**
 * The snapshot to persist. In a burst too large for the budget the oldest seconds are dropped and
 * `from` moves past them: that shortens the look-back for those seconds only, and never re-emits.
 * Seconds at or after `keepFrom` (still being paged through, or stamped after the poll began) are
 * never dropped, since items of theirs may still come; the snapshot is then larger than the budget.
 */
function snapshotOf(state, keepFrom, budget = exports.SNAPSHOT_BUDGET_BYTES) {
    let snapshot = pack(state);
    let shortened = false;
    while (JSON.stringify(snapshot).length > budget) {
        const oldest = Math.min(...state.seen.keys());
        if (!(oldest < keepFrom))
            break;
        advance(state, oldest + 1);
        shortened = true;
        snapshot = pack(state);
    }
    return { snapshot, shortened };
}
