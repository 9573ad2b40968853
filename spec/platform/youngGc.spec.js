'use strict';

// Files streamed through the component leave their chunks for V8 to collect, which it does late
// (see src/platform/youngGc.ts; the benchmark's attachment scenario measures the effect). Here:
// the collection really happens in a process started without --expose-gc, as on the platform,
// and a guarded stream asks for one every 4 MB it moves.
const { PerformanceObserver, constants } = require('node:perf_hooks');
const { expect } = require('chai');
const { patternStream, MiB } = require('../helpers/bytes');
const { collectYoung, YOUNG_GC_EVERY_BYTES } = require('../../lib/platform/youngGc');
const { GuardedStream } = require('../../lib/platform/guardedStream');

/** Young-generation collections seen while `work` runs. */
async function minorCollectionsDuring(work) {
  const seen = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.detail && entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) seen.push(entry);
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    await work();
    // Entries are delivered asynchronously.
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  } finally {
    observer.disconnect();
  }
  return seen.length;
}

describe('platform/youngGc: streamed chunks collected early', () => {
  it('runs a young-generation collection in a process started without --expose-gc', async () => {
    expect(typeof global.gc).to.equal('undefined');
    const count = await minorCollectionsDuring(async () => { collectYoung(); });
    expect(count).to.be.at.least(1);
    expect(typeof global.gc).to.equal('undefined');
  });

  it('a guarded stream asks for one every 4 MB it moves', async () => {
    expect(YOUNG_GC_EVERY_BYTES).to.equal(4 * MiB);
    const count = await minorCollectionsDuring(async () => {
      const stream = new GuardedStream({ open: () => patternStream(40 * MiB) });
      // eslint-disable-next-line no-unused-vars
      for await (const chunk of stream);
    });
    // Ten asked for (every 4 MB of 40); V8 may fold one into the collection before it.
    expect(count).to.be.at.least(8);
  });
});
