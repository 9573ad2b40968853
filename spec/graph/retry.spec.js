'use strict';

const { expect } = require('chai');
const { decideRetry, parseRetryAfter, DEFAULT_RETRY_LIMITS } = require('../../lib/graph/retry');

const base = { attempt: 1, waitedMs: 0, now: 0, random: () => 0.5 };

describe('retry policy (pure)', () => {
  const table = [
    // [outcome, idempotent, retry?]
    [{ status: 429, retryAfter: '2' }, false, true],
    [{ status: 429 }, true, true],
    [{ status: 503 }, true, true],
    [{ status: 503 }, false, false],
    [{ status: 504 }, true, true],
    [{ status: 504 }, false, false],
    [{ status: 502 }, true, true],
    [{ transportFailure: true }, true, true],
    [{ transportFailure: true }, false, false],
    [{ status: 500 }, true, false],
    [{ status: 400 }, true, false],
    [{ status: 404 }, true, false],
    [{ status: 200 }, true, false],
  ];
  table.forEach(([outcome, idempotent, expected]) => {
    it(`${JSON.stringify(outcome)} on a${idempotent ? 'n idempotent' : ' non-idempotent'} request: ${expected ? 'retry' : 'stop'}`, () => {
      expect(decideRetry(outcome, { ...base, idempotent }).retry).to.equal(expected);
    });
  });

  it('waits exactly as long as Retry-After says', () => {
    expect(decideRetry({ status: 429, retryAfter: '7' }, { ...base, idempotent: false })).to.deep.equal({ retry: true, delayMs: 7000 });
    expect(parseRetryAfter('Fri, 27 Nov 2026 07:00:10 GMT', Date.parse('2026-11-27T07:00:00Z'))).to.equal(10000);
    expect(parseRetryAfter('soon', 0)).to.equal(undefined);
  });

  it('backs off exponentially without a hint, with jitter inside [half, full]', () => {
    const first = decideRetry({ status: 503 }, { ...base, idempotent: true, attempt: 1 });
    const third = decideRetry({ status: 503 }, { ...base, idempotent: true, attempt: 3 });
    expect(first.delayMs).to.be.within(DEFAULT_RETRY_LIMITS.baseDelayMs / 2, DEFAULT_RETRY_LIMITS.baseDelayMs);
    expect(third.delayMs).to.be.within(DEFAULT_RETRY_LIMITS.baseDelayMs * 2, DEFAULT_RETRY_LIMITS.baseDelayMs * 4);
  });

  it('stops after the attempt limit', () => {
    const decision = decideRetry({ status: 429 }, { ...base, idempotent: true, attempt: DEFAULT_RETRY_LIMITS.maxAttempts });
    expect(decision.retry).to.equal(false);
    expect(decision.reason).to.match(/gave up/);
  });

  it('fails fast when Retry-After exceeds what the step may still wait', () => {
    const decision = decideRetry({ status: 429, retryAfter: '3600' }, { ...base, idempotent: true });
    expect(decision.retry).to.equal(false);
    expect(decision.reason).to.match(/3600 s/);
  });
});
