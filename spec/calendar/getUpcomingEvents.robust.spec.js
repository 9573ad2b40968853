'use strict';

// Events Starting Soon under what the platform and Graph do to a trigger: a crash at every point
// where it persists (and inside emits), throttling and outages, Graph's clock off the container's
// either way, a proxy that drops Graph's Date header from every answer or from some, and a busy
// calendar (1,000 recurring series) with every persisted snapshot held to the budget.
const { expect } = require('chai');
const { setSessionDefaults } = require('../../lib/graph/session');
const { SNAPSHOT_BUDGET_BYTES } = require('../../lib/graph/cursor');
const { PERSIST_EVERY } = require('../../lib/graph/poll');
const { startLab, upcomingWorld, MINUTE } = require('./upcomingWorld');

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const wall = (ms) => new Date(ms).toISOString().slice(0, 19);

class Crash extends Error {}

/**
 * Thirty meetings starting from 08:03 every 20 s, a daily series at 08:20, then at 08:04 one
 * meeting moved later, one moved earlier and one cancelled; polled every minute for 20 minutes.
 * `hooks.emit` sees every emit of every poll.
 */
async function scenario(w, hooks = {}) {
  const ids = [];
  for (let i = 0; i < 30; i += 1) ids.push(w.book(`E${i}`, wall(T0 + 3 * MINUTE + i * 20_000), wall(T0 + 20 * MINUTE)).id);
  w.book('Daily', '2026-11-30T08:20', '2026-11-30T08:35', { recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-11-30', numberOfOccurrences: 3 } } });
  for (let minute = 0; minute < 20; minute += 1) {
    if (minute === 4) {
      const moveTo = (id, ms) => w.emu.control.updateEvent(id, { start: { dateTime: wall(ms), timeZone: 'UTC' }, end: { dateTime: wall(ms + 10 * MINUTE), timeZone: 'UTC' } });
      moveTo(ids[5], T0 + 16 * MINUTE);
      moveTo(ids[20], T0 + 4 * MINUTE + 30_000);
      w.emu.control.updateEvent(ids[25], { isCancelled: true });
    }
    await w.poll({ hooks });
    w.minutes(1);
  }
}

/** Graph requests to calendars since the last resetStats (token requests left out: a skewed container refreshes more often). */
const calendarRequests = (emu) => Object.entries(emu.control.stats().byRoute).filter(([route]) => /calendar/i.test(route)).reduce((sum, [, n]) => sum + n, 0);

const labelsOf = (w) => w.delivered.map((b) => `${b.subject}@${b.startsAt}`);
const repeats = (list) => list.filter((x, i) => list.indexOf(x) !== i);

describe('Events Starting Soon (getUpcomingEvents): crashes, throttling, clocks, a proxy, a busy calendar', function () {
  this.timeout(120000);
  let lab;
  let undoDefaults;
  before(async () => {
    lab = await startLab({ start: T0 });
    // Retry-After and backoff are waited out by the retry middleware; these specs do not wait for real.
    undoDefaults = setSessionDefaults({ sleep: async () => {} });
  });
  after(async () => {
    undoDefaults();
    await lab.close();
  });

  let reference;
  /** The reference run with the poll each occurrence came in. */
  let referencePolls;
  before(async () => {
    const w = await upcomingWorld({ lab, start: T0 });
    await scenario(w);
    reference = labelsOf(w);
    referencePolls = w.delivered.map((b) => `${b.poll} ${b.subject}@${b.startsAt}`);
  });

  it('the scenario itself: each occurrence once, moved ones again at their new start, the cancelled one after it was cancelled never', () => {
    expect(repeats(reference)).to.deep.equal([]);
    expect(reference).to.include.members(['E5@2026-11-30T08:04:40Z', 'E5@2026-11-30T08:16:00Z', 'E20@2026-11-30T08:09:40Z', 'E20@2026-11-30T08:04:30Z', 'Daily@2026-11-30T08:20:00Z']);
    expect(reference).to.include('E25@2026-11-30T08:11:20Z');
    expect(reference).to.have.length(30 + 1 + 2);
  });

  describe('a crash at every point the trigger persists, and inside emits of data', () => {
    // How many emits the reference run made; crashes hit each snapshot and every fifth data message.
    let points = [];
    before(async () => {
      const w = await upcomingWorld({ lab, start: T0 });
      const kinds = [];
      await scenario(w, { emit: (event) => { kinds.push(event); } });
      points = kinds.map((kind, i) => ({ kind, n: i + 1 })).filter((p, i) => p.kind === 'snapshot' || i % 5 === 0);
      expect(points.filter((p) => p.kind === 'snapshot').length, 'snapshots persisted in the reference run').to.be.above(20);
    });

    it('loses nothing, and repeats only what was emitted after the last persisted snapshot (at most PERSIST_EVERY)', async () => {
      for (const point of points) {
        const w = await upcomingWorld({ lab, start: T0 });
        let count = 0;
        let sinceSnapshot = [];
        let uncovered = [];
        await scenario(w, {
          emit: (event, payload) => {
            count += 1;
            if (count === point.n) {
              uncovered = [...sinceSnapshot];
              throw new Crash(`crash at emit ${point.n} (${point.kind})`);
            }
            if (event === 'data') sinceSnapshot.push(`${payload.body.subject}@${payload.body.startsAt}`);
            if (event === 'snapshot') sinceSnapshot = [];
          },
        });
        const got = labelsOf(w);
        const where = `crash at emit ${point.n} (${point.kind})`;
        expect([...new Set(got)].sort(), where).to.deep.equal([...reference].sort());
        const again = repeats(got);
        expect(again.every((label) => uncovered.includes(label)), `${where}: repeated ${again} beyond ${uncovered}`).to.equal(true);
        expect(again.length, where).to.be.at.most(PERSIST_EVERY);
      }
    });
  });

  it('under throttling (429 with and without Retry-After) and outages (503, 504): nothing lost, nothing repeated', async () => {
    const w = await upcomingWorld({ lab, start: T0 });
    lab.emu.control.setFaults([
      { match: { path: 'calendarView' }, kind: 'status', status: 429, retryAfterSeconds: 2, probability: 0.3 },
      { match: { path: 'calendarView' }, kind: 'status', status: 429, retryAfterSeconds: null, probability: 0.1 },
      { match: { path: 'calendarView' }, kind: 'status', status: 503, probability: 0.15 },
      { match: { path: 'calendarView' }, kind: 'status', status: 504, probability: 0.1 },
    ]);
    try {
      await scenario(w);
    } finally {
      lab.emu.control.clearFaults();
    }
    expect(lab.emu.control.stats().throttled, 'throttled answers').to.be.above(5);
    const got = labelsOf(w);
    expect(repeats(got)).to.deep.equal([]);
    expect([...got].sort()).to.deep.equal([...reference].sort());
  });

  for (const [title, ahead] of [["Graph's clock 5 s ahead of the container", -5000], ["Graph's clock 5 s behind the container", 5000], ['the container 6 hours ahead', 6 * 3600_000], ['the container a month behind', -30 * 24 * 3600_000]]) {
    it(`${title}: the same occurrences at the same polls, in one request per poll`, async () => {
      const skewed = await startLab({ start: T0, containerAhead: ahead });
      try {
        const w = await upcomingWorld({ lab: skewed, start: T0 });
        skewed.emu.control.resetStats();
        await scenario(w);
        expect(w.delivered.map((b) => `${b.poll} ${b.subject}@${b.startsAt}`)).to.deep.equal(referencePolls);
        const requests = calendarRequests(skewed.emu);
        // The first poll asks for the calendar (Graph's clock) and lists; each later one lists once.
        expect(requests).to.equal(2 + 19);
      } finally {
        await skewed.close();
      }
    });
  }

  describe('behind a proxy that drops the Date header', () => {
    let realFetch;
    let drop;
    beforeEach(() => {
      realFetch = globalThis.fetch;
      let answers = 0;
      globalThis.fetch = async (input, init) => {
        const res = await realFetch(input, init);
        if (!String(input instanceof Request ? input.url : input).startsWith(`${lab.emu.url}/v1.0`)) return res;
        answers += 1;
        if (!drop(answers)) return res;
        const headers = new Headers(res.headers);
        headers.delete('date');
        return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
      };
    });
    afterEach(() => { globalThis.fetch = realFetch; });

    it('from every answer: the poll emits nothing, persists nothing, and says why and what to do', async () => {
      drop = () => true;
      const w = await upcomingWorld({ lab, start: T0 });
      w.book('Standup', '2026-11-30T08:10', '2026-11-30T08:20');
      const { error, data, snapshots } = await w.poll();
      expect(data).to.deep.equal([]);
      expect(snapshots).to.deep.equal([]);
      expect(error).to.include({ name: 'GraphRequestError', code: 'noServerTime' });
      expect(error.message).to.match(/without a Date header .*Graph's clock only, never by the container's.*Let the Date header through/);
      const second = await upcomingWorld({ lab, start: T0 });
      second.book('Standup', '2026-11-30T08:10', '2026-11-30T08:20');
      await second.poll({ cfg: {} });
      drop = () => true;
      second.minutes(1);
      const later = await second.poll();
      expect(later.error.code).to.equal('noServerTime');
      expect(later.snapshots).to.deep.equal([]);
    });

    it('from every other answer: the same occurrences as with the header', async () => {
      drop = (n) => n % 2 === 1;
      const w = await upcomingWorld({ lab, start: T0 });
      await scenario(w);
      const got = labelsOf(w);
      expect(repeats(got)).to.deep.equal([]);
      expect([...got].sort()).to.deep.equal([...reference].sort());
    });
  });

  describe('a busy calendar: 1,000 recurring series', () => {
    it('every persisted snapshot stays within the budget; each occurrence once; moved ones again; a poll is a request or two', async () => {
      const w = await upcomingWorld({ lab, start: Date.UTC(2026, 11, 1, 7, 0, 0), cfg: { minutesBefore: 60, timeZone: 'Europe/Berlin' } });
      const daily = { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-11-01' } };
      const weekdays = { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }, range: { type: 'noEnd', startDate: '2026-11-01' } };
      // 600 at 09:00 sharp (everybody's stand-up), 400 spread over the day every 5 minutes.
      const masters = [];
      for (let i = 0; i < 1000; i += 1) {
        const start = i < 600 ? Date.UTC(2026, 10, 2, 9, 0) : Date.UTC(2026, 10, 2, 8, 0) + ((i - 600) % 120) * 5 * MINUTE;
        masters.push(w.book(`S${i}`, wall(start), wall(start + 30 * MINUTE), { recurrence: i % 2 ? daily : weekdays }).id);
      }
      const sizes = [];
      const requests = [];
      let moved = false;
      for (let t = w.now(); t <= Date.UTC(2026, 11, 1, 11, 0, 0); t += 5 * MINUTE) {
        w.set(t);
        if (!moved && t >= Date.UTC(2026, 11, 1, 8, 10)) {
          // Two stand-ups of today moved to 10:30 after they were emitted.
          const today = w.emu.control.calendarView({ mailbox: w.owner, startMs: Date.UTC(2026, 11, 1, 9, 0), endMs: Date.UTC(2026, 11, 1, 9, 1) });
          for (const o of today.slice(0, 2)) w.emu.control.updateEvent(o.id, { start: { dateTime: '2026-12-01T10:30:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } });
          moved = true;
        }
        lab.emu.control.resetStats();
        const { error, snapshots } = await w.poll();
        if (error) throw error;
        requests.push(calendarRequests(lab.emu));
        sizes.push(...snapshots.map((s) => JSON.stringify(s).length));
      }
      expect(Math.max(...sizes), 'largest persisted snapshot').to.be.at.most(SNAPSHOT_BUDGET_BYTES);
      expect(sizes.some((s) => s > SNAPSHOT_BUDGET_BYTES / 2), 'the budget was really put to the test').to.equal(true);
      const got = labelsOf(w);
      expect(repeats(got), 'repeated occurrences').to.deep.equal([]);
      const expected = w.emu.control.calendarView({ mailbox: w.owner, startMs: Date.UTC(2026, 11, 1, 7, 0), endMs: Date.UTC(2026, 11, 1, 12, 0) })
        .filter((e) => Date.parse(`${e.start.dateTime.slice(0, 19)}Z`) <= Date.UTC(2026, 11, 1, 12, 0))
        .map((e) => `${e.subject}@${e.start.dateTime.slice(0, 19)}Z`);
      expect(got.filter((l) => expected.includes(l)).length, 'occurrences due by 12:00 emitted').to.equal(expected.length);
      expect(got.filter((l) => l.endsWith('T10:30:00Z')).length, 'moved stand-ups emitted again').to.be.at.least(2);
      expect(Math.max(...requests.slice(1)), 'requests per poll').to.be.at.most(4);
    });
  });
});
