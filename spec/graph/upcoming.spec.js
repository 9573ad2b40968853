'use strict';

// The snapshot of Events Starting Soon at its budget, byte for byte: exactly full is kept whole;
// one key more and the poll drops the key the fallback can best stand in for, marks the snapshot
// partial and stays within the budget; a progress snapshot over the budget is not taken at all.
const { expect } = require('chai');
const { SNAPSHOT_BUDGET_BYTES } = require('../../lib/graph/cursor');
const { occurrenceKey, packState, progressSnapshot, restoreState, LOOKBACK_MS } = require('../../lib/graph/upcoming');

const MINUTE = 60_000;
const AT = Date.UTC(2026, 11, 1, 8, 0, 0);
const size = (snapshot) => JSON.stringify(snapshot).length;

/** `n` occurrences starting a minute apart from 08:05, changed long ago (so the fallback covers them). */
const POOL = Array.from({ length: 800 }, (_, i) => ({ key: occurrenceKey(`AAMkOcc${i}`, AT + (5 + i) * MINUTE), startMs: AT + (5 + i) * MINUTE, lastModifiedMs: AT - 60 * MINUTE }));
const occurrences = (n) => POOL.slice(0, n);

/** How many keys fit in `budget` with this frame, found by packing (not by arithmetic). */
function capacity(budget) {
  let n = 0;
  while (!packState(AT, AT, AT + 16 * MINUTE, 60_000, occurrences(n + 1), budget).snapshot.partial) n += 1;
  return n;
}

describe('Events Starting Soon: the snapshot at its budget', () => {
  it(`a snapshot of exactly ${SNAPSHOT_BUDGET_BYTES} bytes is kept whole; one occurrence more drops the earliest unchanged one, marked partial, within the budget`, () => {
    const n = capacity(SNAPSHOT_BUDGET_BYTES);
    expect(n, 'keys in a full snapshot').to.be.above(500);
    const full = packState(AT, AT, AT + 16 * MINUTE, 60_000, occurrences(n));
    expect(full).to.include({ dropped: 0, droppedRecent: 0 });
    expect(full.snapshot.partial).to.equal(undefined);
    expect(size(full.snapshot)).to.be.at.most(SNAPSHOT_BUDGET_BYTES).and.above(SNAPSHOT_BUDGET_BYTES - 8);
    expect(restoreState(full.snapshot).seen.size).to.equal(n);

    const over = packState(AT, AT, AT + 16 * MINUTE, 60_000, occurrences(n + 1));
    expect(size(over.snapshot)).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
    expect(over.snapshot.partial).to.equal(true);
    expect(over.dropped).to.be.at.least(1);
    expect(over.droppedRecent).to.equal(0);
    const kept = restoreState(over.snapshot);
    expect(kept.complete).to.equal(false);
    // The earliest start goes first: it stops being due soonest.
    expect(kept.seen.has(occurrences(n + 1)[0].key)).to.equal(false);
    expect(kept.seen.has(occurrences(n + 1)[n].key)).to.equal(true);
  });

  it('over the budget, occurrences changed within the look-back are kept before older ones, and those dropped are counted', () => {
    const n = capacity(SNAPSHOT_BUDGET_BYTES);
    const all = occurrences(n + 10).map((o, i) => (i < 5 ? { ...o, lastModifiedMs: AT - LOOKBACK_MS + 1000 } : o));
    const packed = packState(AT, AT, AT + 16 * MINUTE, 60_000, all);
    const kept = restoreState(packed.snapshot).seen;
    for (const o of all.slice(0, 5)) expect(kept.has(o.key), 'a recently changed occurrence').to.equal(true);
    expect(packed).to.include({ droppedRecent: 0 });
    expect(size(packed.snapshot)).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
  });

  it('a progress snapshot is taken up to the budget byte and not beyond (the poll then saves at its end)', () => {
    const state = restoreState(packState(AT - MINUTE, AT - 3 * MINUTE, AT + 15 * MINUTE, 60_000, []).snapshot);
    let n = 0;
    while (progressSnapshot(state, AT, occurrences(n + 1).map((o) => o.key))) n += 1;
    const last = progressSnapshot(state, AT, occurrences(n).map((o) => o.key));
    expect(size(last)).to.be.at.most(SNAPSHOT_BUDGET_BYTES).and.above(SNAPSHOT_BUDGET_BYTES - 8);
    expect(progressSnapshot(state, AT, occurrences(n + 1).map((o) => o.key))).to.equal(undefined);
  });
});
