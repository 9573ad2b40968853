'use strict';

// graph/cursorSet.ts: the cursors of several collections in one snapshot. Round trips, the switch
// between one folder and all of them (either way, without loss), folders that appear and vanish,
// and the budget: however many items changed, the envelope stays within the platform's 4,500 bytes
// and the collection being polled keeps at least MIN_ACTIVE_BYTES.
const { expect } = require('chai');
const {
  budgetFor, collectionKey, cursorFor, MAX_COLLECTIONS, MIN_ACTIVE_BYTES, readCursorSet, writeCursorSet,
} = require('../../lib/graph/cursorSet');
const { SNAPSHOT_BUDGET_BYTES, itemKey, restoreCursor, snapshotOf, markEmitted } = require('../../lib/graph/cursor');

const T = Date.parse('2026-03-10T09:00:00Z') / 1000;
const iso = (second) => new Date(second * 1000).toISOString().replace('.000Z', 'Z');
/** A cursor at `from` with `n` items remembered in each of `seconds` seconds after it. */
function cursor(from, n = 0, seconds = 1) {
  const state = restoreCursor({ v: 1, from: iso(from), seen: {} }, undefined);
  for (let s = 0; s < seconds; s += 1) for (let i = 0; i < n; i += 1) markEmitted(state, itemKey(`c-${from}-${s}-${i}`, 'ck'), from + s);
  return snapshotOf(state, Infinity, 1e9).snapshot;
}

describe('cursor set: several collections in one snapshot', () => {
  it('keys a folder id in 8 characters, the same every time', () => {
    expect(collectionKey('AAMkAGI2TKI5AAA=')).to.have.length(8).and.equal(collectionKey('AAMkAGI2TKI5AAA='));
    expect(collectionKey('contacts')).to.not.equal(collectionKey('AAMkAGI2TKI5AAA='));
  });

  it('writes the envelope as a plain cursor at the earliest point, each folder by its offset, and reads it back', () => {
    const set = { origin: undefined, entries: new Map([['a', cursor(T + 10, 2)], ['b', cursor(T)], ['c', cursor(T + 5)]]) };
    const envelope = writeCursorSet(set, ['a', 'b', 'c']);
    expect(envelope).to.include({ v: 1, from: iso(T) });
    expect(envelope.seen).to.deep.equal({});
    expect(envelope.sets.b).to.deep.equal({ o: 0 });
    expect(envelope.sets.a.o).to.equal(10);
    expect(Object.keys(envelope.sets.a.s)).to.deep.equal(['0']);
    const back = readCursorSet(JSON.parse(JSON.stringify(envelope)));
    for (const key of ['a', 'b', 'c']) expect(cursorFor(back, key), key).to.deep.equal(set.entries.get(key));
    expect(back.origin).to.deep.equal({ v: 1, from: iso(T), seen: {} });
  });

  it('starts a folder it has no cursor for (made later, or not reached by a poll that died) at the origin, not where the others got to', () => {
    const origin = { v: 1, from: iso(T - 3600), seen: {} };
    const set = readCursorSet(writeCursorSet({ origin, entries: new Map([['a', cursor(T + 30)], ['b', cursor(T + 20)]]) }, ['a', 'b']));
    expect(cursorFor(set, 'new')).to.deep.equal(origin);
  });

  it('while a listed folder has no cursor, the envelope read as one cursor is at the origin: nothing of that folder is skipped', () => {
    const origin = { v: 1, from: iso(T - 3600), seen: {} };
    const set = { origin, entries: new Map([['a', cursor(T + 30)]]) };
    expect(writeCursorSet(set, ['a', 'b'])).to.include({ from: iso(T - 3600), start: iso(T - 3600) });
    set.entries.set('b', cursor(T + 10));
    expect(writeCursorSet(set, ['a', 'b'])).to.include({ from: iso(T + 10), start: iso(T - 3600) });
  });

  it('drops the folders no longer listed (deleted)', () => {
    const set = { origin: undefined, entries: new Map([['a', cursor(T)], ['gone', cursor(T - 100)]]) };
    const envelope = writeCursorSet(set, ['a']);
    expect(Object.keys(envelope.sets)).to.deep.equal(['a']);
    expect(envelope.from).to.equal(iso(T));
  });

  it('a plain cursor (a trigger that watched one folder) becomes every folder\'s start, its remembered items included', () => {
    const single = cursor(T, 3);
    const set = readCursorSet(single);
    expect(set.entries.size).to.equal(0);
    expect(cursorFor(set, 'any')).to.deep.equal(single);
  });

  it('an envelope read as a plain cursor (switched back to one folder) goes on from the earliest point: nothing is skipped', () => {
    const envelope = writeCursorSet({ origin: undefined, entries: new Map([['a', cursor(T + 40, 1)], ['b', cursor(T + 3)]]) }, ['a', 'b']);
    const state = restoreCursor(envelope, undefined);
    expect(state.from).to.equal(T + 3);
  });

  it('reads nothing from nothing, and ignores broken entries', () => {
    expect(readCursorSet(undefined)).to.deep.equal({ origin: undefined, entries: new Map() });
    expect(readCursorSet({})).to.deep.equal({ origin: undefined, entries: new Map() });
    const set = readCursorSet({ v: 1, from: iso(T), seen: {}, sets: { a: { o: -1 }, b: { o: 'x' }, c: null, d: { o: 2 } } });
    expect([...set.entries.keys()]).to.deep.equal(['d']);
  });

  it('gives the folder being polled what the others leave of the budget', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    const set = { origin: undefined, entries: new Map(keys.map((k, i) => [k, cursor(T + i)])) };
    const { budget, shortened } = budgetFor(set, 'k0', keys);
    expect(shortened).to.equal(false);
    expect(budget).to.be.above(SNAPSHOT_BUDGET_BYTES - 400).and.below(SNAPSHOT_BUDGET_BYTES);
  });

  it('shortens the look-back of the largest other folders when they leave less than MIN_ACTIVE_BYTES, and says so', () => {
    // Three folders with many changes in the last two minutes each, then the fourth is polled.
    const busy = new Map([['a', cursor(T, 70, 4)], ['b', cursor(T, 70, 4)], ['c', cursor(T, 40, 2)], ['d', cursor(T)]]);
    const set = { origin: undefined, entries: busy };
    const before = JSON.stringify(writeCursorSet(set, ['a', 'b', 'c', 'd'])).length;
    expect(before).to.be.above(SNAPSHOT_BUDGET_BYTES);
    const { budget, shortened } = budgetFor(set, 'd', ['a', 'b', 'c', 'd']);
    expect(shortened).to.equal(true);
    expect(budget).to.be.at.least(MIN_ACTIVE_BYTES);
    // Whatever the polled folder then saves within its budget, the envelope fits.
    set.entries.set('d', cursor(T, Math.floor((budget - 60) / 8)));
    expect(JSON.stringify(set.entries.get('d')).length).to.be.at.most(budget);
    expect(JSON.stringify(writeCursorSet(set, ['a', 'b', 'c', 'd'])).length).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
    // Shortening only moves a cursor forward past remembered seconds: its items there were emitted.
    for (const key of ['a', 'b', 'c']) expect(Date.parse(set.entries.get(key).from)).to.be.at.least(T * 1000);
  });

  it(`holds ${MAX_COLLECTIONS} idle folders within the budget, leaving the polled one at least MIN_ACTIVE_BYTES`, () => {
    const keys = Array.from({ length: MAX_COLLECTIONS }, (_, i) => collectionKey(`folder-${i}`));
    const set = { origin: undefined, entries: new Map(keys.map((k, i) => [k, cursor(T + (i % 7) * 86_400 * 30)])) };
    const envelope = writeCursorSet(set, keys);
    expect(JSON.stringify(envelope).length).to.be.below(SNAPSHOT_BUDGET_BYTES - MIN_ACTIVE_BYTES);
    expect(budgetFor(set, keys[0], keys)).to.deep.include({ shortened: false });
  });
});
