'use strict';

// graph/writes.ts without a network: a write whose answer is lost is looked into before it is
// tried again, the last attempt included; a look at a list that may lag goes on until Graph's clock
// (or, without a Date header, the waits) says the list must show what the write made.
const { expect } = require('chai');
const { GraphRequestError } = require('../../lib/graph/errors');
const { confirmedWrite, listedCheck, LIST_DELAY_MS, WRITE_ATTEMPTS } = require('../../lib/graph/writes');

const lost = () => new GraphRequestError('Graph did not answer in time.', undefined);

describe('graph/writes: writes looked into after a lost answer', () => {
  describe('confirmedWrite', () => {
    it('a lost answer on the last attempt is looked into too: a write that took effect then is the result, not an error', async () => {
      let writes = 0;
      let checks = 0;
      const result = await confirmedWrite(async () => { writes += 1; throw lost(); }, async () => { checks += 1; return checks === WRITE_ATTEMPTS ? 'done' : undefined; });
      expect(result).to.equal('done');
      expect([writes, checks]).to.deep.equal([WRITE_ATTEMPTS, WRITE_ATTEMPTS]);
    });

    it('nothing done after every attempt: the lost answer is the error; a refusal (4xx) is thrown at once, unchecked', async () => {
      let checks = 0;
      const err = await confirmedWrite(async () => { throw lost(); }, async () => { checks += 1; return undefined; }).catch((e) => e);
      expect(err.message).to.match(/did not answer/);
      expect(checks).to.equal(WRITE_ATTEMPTS);
      const refused = await confirmedWrite(async () => { throw new GraphRequestError('Forbidden', 403); }, async () => { throw new Error('looked'); }).catch((e) => e);
      expect(refused.statusCode).to.equal(403);
    });
  });

  describe('listedCheck', () => {
    /** A session whose waits move a clock; `dated` says whether answers carry Graph's Date (whole seconds). */
    function world({ dated, showsAt }) {
      let now = Date.UTC(2026, 2, 10, 9, 0, 0, 400);
      const waits = [];
      const session = { wait: async (ms) => { waits.push(ms); now += ms; } };
      const look = async () => ({ found: showsAt !== undefined && now >= showsAt ? 'copy-1' : undefined, serverTime: dated ? Math.floor(now / 1000) * 1000 : undefined });
      return { session, look, waits, start: now };
    }

    it('an item that shows late is found as soon as it shows', async () => {
      const w = world({ dated: true, showsAt: Date.UTC(2026, 2, 10, 9, 0, 6) });
      expect(await listedCheck(w.session, w.look)()).to.equal('copy-1');
      expect(w.waits).to.deep.equal([1000, 2000, 4000]);
    });

    it('nothing shows: undefined once Graph\'s clock is LIST_DELAY_MS past the first look (whole seconds: one more), never sooner', async () => {
      const w = world({ dated: true });
      expect(await listedCheck(w.session, w.look)()).to.equal(undefined);
      const waited = w.waits.reduce((a, b) => a + b, 0);
      expect(waited).to.be.at.least(LIST_DELAY_MS + 1000);
      expect(w.waits).to.have.length(5);
    });

    it('without a Date header it goes by its own waits, as long', async () => {
      const w = world({ dated: false });
      expect(await listedCheck(w.session, w.look)()).to.equal(undefined);
      expect(w.waits.reduce((a, b) => a + b, 0)).to.be.at.least(LIST_DELAY_MS);
    });
  });
});
