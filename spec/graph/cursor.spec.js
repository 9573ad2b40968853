'use strict';

const { expect } = require('chai');
const cursor = require('../../lib/graph/cursor');

const T0 = Date.parse('2026-11-27T07:00:00Z') / 1000;

describe('cursor (pure)', () => {
  it('starts at the configured start time, floored to the second; without one it has no start of its own', () => {
    expect(cursor.restoreCursor(undefined, (T0 + 5.7) * 1000).from).to.equal(T0 + 5);
    expect(cursor.restoreCursor({}, undefined)).to.equal(undefined);
    expect(cursor.restoreCursor(undefined, undefined)).to.equal(undefined);
  });

  describe('the first cursor without a snapshot or start time comes from Graph', () => {
    const newest = [
      { second: T0 + 40, key: cursor.itemKey('n1') },
      { second: T0 + 40, key: cursor.itemKey('n2') },
      { second: T0 + 39, key: cursor.itemKey('n3') },
    ];

    it('at the second of its Date header, whatever it listed', () => {
      const state = cursor.startCursor((T0 + 77.9) * 1000, newest);
      expect(state.from).to.equal(T0 + 77);
      expect(state.seen.size).to.equal(0);
    });

    it('without a Date header, at the newest second it listed, the items it listed there not new', () => {
      const state = cursor.startCursor(undefined, newest);
      expect(state.from).to.equal(T0 + 40);
      expect(cursor.isNew(state, cursor.itemKey('n1'), T0 + 40)).to.equal(false);
      expect(cursor.isNew(state, cursor.itemKey('n2'), T0 + 40)).to.equal(false);
      expect(cursor.isNew(state, cursor.itemKey('n3'), T0 + 39)).to.equal(false);
      expect(cursor.isNew(state, cursor.itemKey('arrived'), T0 + 41)).to.equal(true);
    });

    it('without a Date header and with an empty collection, at the beginning', () => {
      const state = cursor.startCursor(undefined, []);
      expect(state.from).to.equal(0);
      expect(cursor.isNew(state, cursor.itemKey('anything'), T0)).to.equal(true);
    });
  });

  it('a saved snapshot wins over the start time and round-trips', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    cursor.markEmitted(state, cursor.itemKey('a'), T0 + 3);
    cursor.markEmitted(state, cursor.itemKey('b'), T0 + 3);
    cursor.markEmitted(state, cursor.itemKey('c'), T0 + 7);
    const { snapshot } = cursor.snapshotOf(state, Infinity);
    const restored = cursor.restoreCursor(JSON.parse(JSON.stringify(snapshot)), (T0 + 100) * 1000);
    expect(restored.from).to.equal(T0);
    expect(cursor.isNew(restored, cursor.itemKey('a'), T0 + 3)).to.equal(false);
    expect(cursor.isNew(restored, cursor.itemKey('c'), T0 + 7)).to.equal(false);
    expect(cursor.isNew(restored, cursor.itemKey('d'), T0 + 3)).to.equal(true);
  });

  it('an item stamped with the same whole second as emitted ones is still new (the precision quirk)', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    cursor.markEmitted(state, cursor.itemKey('first'), T0 + 37);
    expect(cursor.isNew(state, cursor.itemKey('first'), T0 + 37)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('second-in-same-second'), T0 + 37)).to.equal(true);
  });

  it('treats a new version of the same item as new when keyed with its change key', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    cursor.markEmitted(state, cursor.itemKey('evt', 'ck1'), T0 + 1);
    expect(cursor.isNew(state, cursor.itemKey('evt', 'ck1'), T0 + 1)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('evt', 'ck2'), T0 + 1)).to.equal(true);
  });

  it('advances only forward and forgets what lies behind', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    cursor.markEmitted(state, 'aaaaaaaa', T0 + 1);
    cursor.markEmitted(state, 'bbbbbbbb', T0 + 5);
    cursor.advance(state, T0 + 5);
    expect(state.from).to.equal(T0 + 5);
    expect([...state.seen.keys()]).to.deep.equal([T0 + 5]);
    cursor.advance(state, T0 + 2);
    expect(state.from).to.equal(T0 + 5);
    expect(cursor.isNew(state, 'cccccccc', T0 + 4)).to.equal(false);
  });

  it('settles a second only LOOKBACK_SECONDS behind Graph\'s clock', () => {
    expect(cursor.settledSecond((T0 + 500.9) * 1000)).to.equal(T0 + 500 - cursor.LOOKBACK_SECONDS);
  });

  it('keeps the snapshot within budget by shortening the look-back of old seconds only', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    for (let i = 0; i < 2000; i += 1) cursor.markEmitted(state, cursor.itemKey(`m${i}`), T0 + Math.floor(i / 10));
    const { snapshot, shortened } = cursor.snapshotOf(state, T0 + 150);
    expect(shortened).to.equal(true);
    expect(JSON.stringify(snapshot).length).to.be.at.most(cursor.SNAPSHOT_BUDGET_BYTES);
    // The newest seconds survive: their items may still be followed by others in the same second.
    expect(cursor.isNew(state, cursor.itemKey('m1999'), T0 + 199)).to.equal(false);
  });

  it('never drops a second that is still being walked, and never persists more than the budget: no snapshot then', () => {
    const state = cursor.restoreCursor(undefined, T0 * 1000);
    cursor.markEmitted(state, cursor.itemKey('older'), T0 + 2);
    for (let i = 0; i < 1500; i += 1) cursor.markEmitted(state, cursor.itemKey(`burst${i}`), T0 + 10);
    const { snapshot, shortened } = cursor.snapshotOf(state, T0 + 10);
    expect(snapshot).to.equal(undefined);
    expect(shortened).to.equal(true);
    expect(state.from).to.equal(T0 + 3);
    expect(cursor.isNew(state, cursor.itemKey('burst1499'), T0 + 10)).to.equal(false);
  });

  it('reads a v1 snapshot as saved by earlier versions, and writes v1 while no second is walked in part', () => {
    const v1 = { v: 1, from: '2026-11-27T07:00:00Z', seen: { 0: cursor.itemKey('a') + cursor.itemKey('b'), 37: cursor.itemKey('c') } };
    const state = cursor.restoreCursor(v1, undefined);
    expect(state.from).to.equal(T0);
    expect(cursor.isNew(state, cursor.itemKey('b'), T0)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('c'), T0 + 37)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('c'), T0 + 36)).to.equal(true);
    expect(cursor.snapshotOf(state, Infinity).snapshot).to.deep.equal(v1);
  });

  describe('a crowded second walked in slices', () => {
    function crowded() {
      const state = cursor.restoreCursor(undefined, T0 * 1000);
      cursor.markEmitted(state, cursor.itemKey('before'), T0 + 4);
      for (let i = 0; i < 100; i += 1) cursor.markEmitted(state, cursor.itemKey(`s${i}`), T0 + 5);
      return state;
    }

    it('keeps the position inside the second instead of the hashes the walked slice returned', () => {
      const state = crowded();
      cursor.markWalked(state, T0 + 5, (T0 + 5) * 1000 + 250, Array.from({ length: 60 }, (_, i) => cursor.itemKey(`s${i}`)));
      expect(state.seen.get(T0 + 5).size).to.equal(40);
      expect(state.from).to.equal(T0);
      expect(cursor.isNew(state, cursor.itemKey('before'), T0 + 4), 'the look-back of earlier seconds stays').to.equal(false);
      expect(cursor.walkFrom(state, T0 * 1000)).to.equal(T0 * 1000);
      expect(cursor.walkUntil(state, T0 * 1000)).to.equal((T0 + 5) * 1000);
      expect(cursor.walkFrom(state, (T0 + 5) * 1000)).to.equal((T0 + 5) * 1000 + 250);
      expect(cursor.walkUntil(state, (T0 + 5) * 1000 + 250)).to.equal(undefined);
    });

    it('a second walked whole is skipped and forgets all its hashes; a walk never goes back', () => {
      const state = crowded();
      cursor.markWalked(state, T0 + 5, (T0 + 5) * 1000 + 600, []);
      cursor.markWalked(state, T0 + 5, (T0 + 5) * 1000 + 300, []);
      expect(cursor.walkFrom(state, (T0 + 5) * 1000)).to.equal((T0 + 5) * 1000 + 600);
      cursor.markWalked(state, T0 + 5, (T0 + 6) * 1000, []);
      expect(state.seen.has(T0 + 5)).to.equal(false);
      cursor.markWalked(state, T0 + 6, (T0 + 6) * 1000 + 10, []);
      expect(cursor.walkFrom(state, (T0 + 5) * 1000)).to.equal((T0 + 6) * 1000 + 10);
    });

    it('round-trips through a v2 snapshot, and forgets the position once `from` passes the second', () => {
      const state = crowded();
      cursor.markWalked(state, T0 + 5, (T0 + 5) * 1000 + 250, [cursor.itemKey('s0')]);
      const { snapshot } = cursor.snapshotOf(state, Infinity);
      expect(snapshot).to.include({ v: 2 });
      expect(snapshot.done).to.deep.equal({ 5: 250 });
      const restored = cursor.restoreCursor(JSON.parse(JSON.stringify(snapshot)), undefined);
      expect(restored.done).to.deep.equal(state.done);
      expect(cursor.isNew(restored, cursor.itemKey('s0'), T0 + 5)).to.equal(true);
      expect(cursor.isNew(restored, cursor.itemKey('s1'), T0 + 5)).to.equal(false);
      cursor.advance(restored, T0 + 6);
      expect(restored.done.size).to.equal(0);
      expect(cursor.snapshotOf(restored, Infinity).snapshot.v).to.equal(1);
    });

    it('ignores positions a snapshot cannot mean', () => {
      const restored = cursor.restoreCursor({ v: 2, from: '2026-11-27T07:00:00Z', seen: {}, done: { 1: 0, 2: 1001, 3: 2.5, x: 5, 4: '7', 5: 1000 } }, undefined);
      expect([...restored.done]).to.deep.equal([[T0 + 5, 1000]]);
    });
  });

  it('ignores a snapshot of another shape and starts afresh', () => {
    const state = cursor.restoreCursor({ lastModified: '2020-01-01T00:00:00.000Z' }, T0 * 1000);
    expect(state.from).to.equal(T0);
    expect(state.seen.size).to.equal(0);
  });

  it('keys are short and stable', () => {
    expect(cursor.itemKey('AAMkAG=')).to.have.length(8);
    expect(cursor.itemKey('AAMkAG=')).to.equal(cursor.itemKey('AAMkAG='));
    expect(cursor.itemKey('AAMkAG=')).not.to.equal(cursor.itemKey('AAMkAH='));
  });

  it('rejects items without a timestamp loudly rather than guessing', () => {
    expect(() => cursor.toSecond(undefined)).to.throw(/timestamp/);
  });
});
