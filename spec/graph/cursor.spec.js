'use strict';

const { expect } = require('chai');
const cursor = require('../../lib/graph/cursor');

const T0 = Date.parse('2026-11-27T07:00:00Z') / 1000;

describe('cursor (pure)', () => {
  it('starts at the configured start time, else at now, floored to the second', () => {
    expect(cursor.restoreCursor(undefined, { startTime: (T0 + 5.7) * 1000, now: 0 }).from).to.equal(T0 + 5);
    expect(cursor.restoreCursor({}, { now: (T0 + 9.9) * 1000 }).from).to.equal(T0 + 9);
  });

  it('a saved snapshot wins over the start time and round-trips', () => {
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
    cursor.markEmitted(state, cursor.itemKey('a'), T0 + 3);
    cursor.markEmitted(state, cursor.itemKey('b'), T0 + 3);
    cursor.markEmitted(state, cursor.itemKey('c'), T0 + 7);
    const { snapshot } = cursor.snapshotOf(state, Infinity);
    const restored = cursor.restoreCursor(JSON.parse(JSON.stringify(snapshot)), { startTime: (T0 + 100) * 1000, now: 0 });
    expect(restored.from).to.equal(T0);
    expect(cursor.isNew(restored, cursor.itemKey('a'), T0 + 3)).to.equal(false);
    expect(cursor.isNew(restored, cursor.itemKey('c'), T0 + 7)).to.equal(false);
    expect(cursor.isNew(restored, cursor.itemKey('d'), T0 + 3)).to.equal(true);
  });

  it('an item stamped with the same whole second as emitted ones is still new (the precision quirk)', () => {
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
    cursor.markEmitted(state, cursor.itemKey('first'), T0 + 37);
    expect(cursor.isNew(state, cursor.itemKey('first'), T0 + 37)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('second-in-same-second'), T0 + 37)).to.equal(true);
  });

  it('treats a new version of the same item as new when keyed with its change key', () => {
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
    cursor.markEmitted(state, cursor.itemKey('evt', 'ck1'), T0 + 1);
    expect(cursor.isNew(state, cursor.itemKey('evt', 'ck1'), T0 + 1)).to.equal(false);
    expect(cursor.isNew(state, cursor.itemKey('evt', 'ck2'), T0 + 1)).to.equal(true);
  });

  it('advances only forward and forgets what lies behind', () => {
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
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
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
    for (let i = 0; i < 2000; i += 1) cursor.markEmitted(state, cursor.itemKey(`m${i}`), T0 + Math.floor(i / 10));
    const { snapshot, shortened } = cursor.snapshotOf(state, T0 + 150);
    expect(shortened).to.equal(true);
    expect(JSON.stringify(snapshot).length).to.be.at.most(cursor.SNAPSHOT_BUDGET_BYTES);
    // The newest seconds survive: their items may still be followed by others in the same second.
    expect(cursor.isNew(state, cursor.itemKey('m1999'), T0 + 199)).to.equal(false);
  });

  it('never drops a second that is still being paged through, even over budget', () => {
    const state = cursor.restoreCursor(undefined, { startTime: T0 * 1000, now: 0 });
    for (let i = 0; i < 1500; i += 1) cursor.markEmitted(state, cursor.itemKey(`burst${i}`), T0 + 10);
    const { snapshot, shortened } = cursor.snapshotOf(state, T0 + 10);
    expect(shortened).to.equal(false);
    expect(state.from).to.equal(T0);
    expect(Object.keys(snapshot.seen)).to.deep.equal(['10']);
    expect(cursor.isNew(state, cursor.itemKey('burst1499'), T0 + 10)).to.equal(false);
  });

  it('ignores a snapshot of another shape and starts afresh', () => {
    const state = cursor.restoreCursor({ lastModified: '2020-01-01T00:00:00.000Z' }, { startTime: T0 * 1000, now: 0 });
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
