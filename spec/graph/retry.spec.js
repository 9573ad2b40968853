'use strict';

const { expect } = require('chai');
const { decideRetry, parseRetryAfter, DEFAULT_RETRY_LIMITS } = require('../../lib/graph/retry');

const base = { attempt: 1, waitedMs: 0, random: () => 0.5 };

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

  describe('Retry-After takes only the two RFC 9110 forms', () => {
    const NOW = Date.parse('2026-11-27T07:00:00Z');
    const valid = [
      ['0', 0],
      ['1', 1000],
      ['120', 120000],
      ['007', 7000],
      [' 5 ', 5000],
      ['Fri, 27 Nov 2026 07:00:10 GMT', 10000],
      ['Fri, 27 Nov 2026 07:00:00 GMT', 0],
      // A date already past means "now", never a negative wait.
      ['Fri, 27 Nov 2026 06:59:00 GMT', 0],
      // The two obsolete HTTP-date forms recipients must still accept.
      ['Friday, 27-Nov-26 07:00:10 GMT', 10000],
      ['Fri Nov 27 07:00:10 2026', 10000],
      ['Mon Dec  7 07:00:00 2026', Date.parse('2026-12-07T07:00:00Z') - NOW],
    ];
    valid.forEach(([value, ms]) => {
      it(`${JSON.stringify(value)} means ${ms} ms`, () => {
        expect(parseRetryAfter(value, NOW)).to.equal(ms);
      });
    });

    const invalid = ['+5', '-1', '1.5', '5s', '0x10', '1e3', '', ' ', 'soon', '5, 6',
      '2026-11-27T07:00:10Z', 'Fri, 27 Nov 2026 07:00:10 +0000', 'Fri, 27 Nov 2026 07:00:10', 'Fri, 32 Nov 2026 07:00:10 GMT',
      'Fri, 27 Nov 2026 24:00:10 GMT', 'Fri, 27 Nob 2026 07:00:10 GMT', '27 Nov 2026 07:00:10 GMT', 'Fri, 31 Feb 2026 07:00:10 GMT'];
    invalid.forEach((value) => {
      it(`${JSON.stringify(value)} is ignored`, () => {
        expect(parseRetryAfter(value, NOW)).to.equal(undefined);
      });
    });

    ['+5', '-1', 'Fri, 27 Nov 2026 07:00:10 +0000'].forEach((value) => {
      it(`${JSON.stringify(value)} gets the normal backoff, not "retry now"`, () => {
        const decision = decideRetry({ status: 429, retryAfter: value, serverTime: NOW }, { ...base, idempotent: true, attempt: 2 });
        expect(decision.retry).to.equal(true);
        expect(decision.delayMs).to.be.within(DEFAULT_RETRY_LIMITS.baseDelayMs, DEFAULT_RETRY_LIMITS.baseDelayMs * 2);
      });
    });

    it('a date without the Date header of its answer gets the normal backoff: the container clock never measures it', () => {
      expect(parseRetryAfter('Fri, 27 Nov 2026 07:00:10 GMT', undefined)).to.equal(undefined);
      expect(parseRetryAfter('7', undefined)).to.equal(7000);
      const decision = decideRetry({ status: 429, retryAfter: 'Fri, 27 Nov 2026 07:00:10 GMT' }, { ...base, idempotent: true, attempt: 2 });
      expect(decision.delayMs).to.be.within(DEFAULT_RETRY_LIMITS.baseDelayMs, DEFAULT_RETRY_LIMITS.baseDelayMs * 2);
    });

    it('a two-digit year more than 50 years ahead is read as the past century (RFC 9110)', () => {
      expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).to.equal(0);
      expect(parseRetryAfter('Friday, 27-Nov-76 07:00:10 GMT', NOW)).to.equal(Date.parse('2076-11-27T07:00:10Z') - NOW);
    });
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
