'use strict';

// The stream every file passes through: read to the end by any kind of reader, cut off above its
// limit or after its deadline, its source opened only when read, and its failures passed on to
// the streams it is piped into (even through a chain of legacy pipe() calls, where an error
// would otherwise stop at the first link and an upload wait for its deadline).
const { PassThrough, Writable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { expect } = require('chai');
const { failureOf } = require('../helpers/failure');
const { patternStream, sha256Of, patternSha256, MiB } = require('../helpers/bytes');
const { GuardedStream } = require('../../lib/platform/guardedStream');


describe('platform/guardedStream', () => {
  it('delivers every byte to for-await, to pipeline and to a slow reader', async () => {
    const size = 20 * MiB + 7;
    expect(await sha256Of(new GuardedStream({ open: () => patternStream(size, 3) }))).to.deep.equal({ sha256: await patternSha256(size, 3), size });
    let received = 0;
    await pipeline(new GuardedStream({ open: () => patternStream(size, 3) }), new Writable({
      highWaterMark: 1024,
      write(chunk, encoding, callback) {
        received += chunk.length;
        setImmediate(callback);
      },
    }));
    expect(received).to.equal(size);
  });

  it('opens its source only when read, and never when destroyed unread', async () => {
    let opened = 0;
    const unread = new GuardedStream({ open: () => { opened += 1; return patternStream(10); } });
    unread.destroy();
    await new Promise((resolve) => { setImmediate(resolve); });
    expect(opened).to.equal(0);
    const read = new GuardedStream({ open: () => { opened += 1; return patternStream(10); }, ended: (n) => { read.endedWith = n; } });
    expect((await sha256Of(read)).size).to.equal(10);
    expect(opened).to.equal(1);
    expect(read.endedWith).to.equal(10);
  });

  it('fails above its limit, after its deadline, and with the reader\'s error when the source fails', async () => {
    const big = new GuardedStream({ open: () => patternStream(3 * MiB), maxBytes: 1 * MiB, tooLarge: (n) => new Error(`too large at ${n}`) });
    expect((await failureOf(sha256Of(big))).message).to.match(/^too large at \d+$/);
    const stalled = new GuardedStream({ open: () => new PassThrough(), deadlineMs: 100, late: (n) => new Error(`late after ${n}`) });
    expect((await failureOf(sha256Of(stalled))).message).to.equal('late after 0');
    const broken = new GuardedStream({ open: () => patternStream(3 * MiB, 1, { failAfter: MiB }), failed: (err, n) => new Error(`broke after ${n}: ${err.code}`) });
    expect((await failureOf(sha256Of(broken))).message).to.equal(`broke after ${MiB}: ECONNRESET`);
    const unopenable = new GuardedStream({ open: async () => { throw new Error('no such file'); } });
    expect((await failureOf(sha256Of(unopenable))).message).to.equal('no such file');
  });

  it('passes a failure on through a chain of legacy pipes, so what consumes the last one stops at once', async () => {
    const source = new GuardedStream({ open: () => patternStream(3 * MiB, 1, { failAfter: MiB }) });
    const first = new PassThrough();
    const last = new PassThrough();
    source.pipe(first).pipe(last);
    const outcome = await new Promise((resolve) => {
      last.on('error', (err) => resolve(`error: ${err.code}`));
      last.on('end', () => resolve('end'));
      last.resume();
    });
    expect(outcome).to.equal('error: ECONNRESET');
    expect(first.destroyed).to.equal(true);
  });
});
