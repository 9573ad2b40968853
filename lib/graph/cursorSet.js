"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_COLLECTIONS = exports.MIN_ACTIVE_BYTES = void 0;
exports.collectionKey = collectionKey;
exports.readCursorSet = readCursorSet;
exports.cursorFor = cursorFor;
exports.writeCursorSet = writeCursorSet;
exports.budgetFor = budgetFor;
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
const node_crypto_1 = require("node:crypto");
const cursor_1 = require("./cursor");
const odata_1 = require("./odata");
/** The fewest bytes the collection being polled is given, other collections' look-back shortened if need be. */
exports.MIN_ACTIVE_BYTES = 1500;
/** The most collections one snapshot holds: an idle one takes about 25 bytes. */
exports.MAX_COLLECTIONS = 100;
/** Bytes the envelope may differ by between the check and the write (`from` and offsets move). */
const SLACK = 60;
/** A short key for a collection (a folder id is some 150 characters). */
function collectionKey(id) {
    return (0, node_crypto_1.createHash)('sha256').update(`collection\n${id}`).digest('base64url').slice(0, 8);
}
function isCursor(value) {
    const c = value;
    return !!c && (c.v === 1 || c.v === 2) && typeof c.from === 'string' && !Number.isNaN(Date.parse(c.from));
}
/** Reads a saved snapshot: a set, a plain cursor (every collection starts from it), or nothing. */
function readCursorSet(snapshot) {
    if (!isCursor(snapshot))
        return { origin: undefined, entries: new Map() };
    const { sets, start } = snapshot;
    if (!sets || typeof sets !== 'object')
        return { origin: snapshot, entries: new Map() };
    const from = (0, cursor_1.toSecond)(snapshot.from);
    const origin = typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? start : snapshot.from;
    const entries = new Map();
    for (const [key, entry] of Object.entries(sets)) {
        if (!entry || !Number.isInteger(entry.o) || entry.o < 0)
            continue;
        const cursor = { v: entry.d ? 2 : 1, from: (0, odata_1.dateTimeLiteral)((from + entry.o) * 1000), seen: entry.s ?? {} };
        if (entry.d)
            cursor.done = entry.d;
        entries.set(key, cursor);
    }
    return { origin: { v: 1, from: origin, seen: {} }, entries };
}
/** The cursor a collection resumes from. */
function cursorFor(set, key) {
    return set.entries.get(key) ?? set.origin;
}
/** The envelope of the collections in `keys` (others, such as deleted folders, are dropped). */
function writeCursorSet(set, keys) {
    const kept = keys.filter((key) => set.entries.has(key)).map((key) => [key, set.entries.get(key)]);
    const origin = set.origin ? (0, cursor_1.toSecond)(set.origin.from) : undefined;
    // A collection not polled yet starts at the origin, so the envelope read as one cursor does too.
    const froms = [...kept.map(([, c]) => (0, cursor_1.toSecond)(c.from)), ...(kept.length < keys.length && origin !== undefined ? [origin] : [])];
    if (!froms.length)
        return undefined;
    const from = Math.min(...froms);
    const sets = {};
    for (const [key, cursor] of kept) {
        const entry = { o: (0, cursor_1.toSecond)(cursor.from) - from };
        if (Object.keys(cursor.seen).length)
            entry.s = cursor.seen;
        if (cursor.done && Object.keys(cursor.done).length)
            entry.d = cursor.done;
        sets[key] = entry;
    }
    return { v: 1, from: (0, odata_1.dateTimeLiteral)(from * 1000), seen: {}, start: (0, odata_1.dateTimeLiteral)((origin ?? from) * 1000), sets };
}
const bytes = (value) => JSON.stringify(value).length;
/**
 * The budget of collection `key` while it is polled: what the others leave of the platform's
 * budget. When they leave less than MIN_ACTIVE_BYTES, the look-back of the largest of them is
 * shortened first (their oldest remembered seconds are forgotten, as snapshotOf does for one
 * cursor); `shortened` says so, for a warning.
 */
function budgetFor(set, key, keys, total = cursor_1.SNAPSHOT_BUDGET_BYTES) {
    let shortened = false;
    const others = keys.filter((k) => k !== key);
    const used = () => {
        const envelope = writeCursorSet(set, others);
        return envelope ? bytes(envelope) : 0;
    };
    for (;;) {
        const left = total - used() - SLACK;
        if (left >= exports.MIN_ACTIVE_BYTES)
            return { budget: left, shortened };
        const largest = others.filter((k) => set.entries.has(k)).sort((a, b) => bytes(set.entries.get(b)) - bytes(set.entries.get(a)))[0];
        const cursor = largest === undefined ? undefined : set.entries.get(largest);
        if (!cursor || bytes(cursor) <= 80)
            return { budget: Math.max(left, 0), shortened };
        const state = (0, cursor_1.restoreCursor)(cursor, undefined);
        const smaller = (0, cursor_1.snapshotOf)(state, Infinity, Math.floor(bytes(cursor) / 2)).snapshot;
        if (!smaller)
            return { budget: Math.max(left, 0), shortened };
        set.entries.set(largest, smaller);
        shortened = true;
    }
}
