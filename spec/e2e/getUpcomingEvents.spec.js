'use strict';

// getUpcomingEvents (Events Starting Soon) in the real sailor, on Graph's clock (the emulator's,
// moved by the spec): a first container emits what is due and its snapshot; a second one, started
// with that snapshot, emits nothing twice, a meeting moved later again when its new start comes
// near, each occurrence of a daily series once, and neither a cancelled nor a deleted occurrence.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const MINUTE = 60_000;
const tag = randomBytes(3).toString('hex');
/** Graph's clock: a whole minute near the real time, moved only by the spec. */
let graphNow = Math.floor(Date.now() / MINUTE) * MINUTE;
const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
const labels = (run) => run.data.map((m) => `${m.body.subject} +${Math.round((Date.parse(m.body.startsAt) - T0) / MINUTE)}`);
const T0 = graphNow;

describe('e2e: getUpcomingEvents (Events Starting Soon) in sailor', function () {
  const s = useScenario({ emulator: { now: () => graphNow } });
  let credential;
  let owner;
  let snapshot;
  let standup;
  let review;
  let series;

  before(() => {
    owner = s.graph.control.createUser({ userPrincipalName: `ops.${tag}@contoso.example`, displayName: 'Ops' }).mail;
    credential = s.graph.credential({}, { mailbox: owner });
    const book = (subject, startMin, endMin, extra = {}) => s.graph.control.addEvent({
      mailbox: owner, subject: `${subject} ${tag}`, start: wall(T0 + startMin * MINUTE), end: wall(T0 + endMin * MINUTE), createdAt: T0 - 60 * MINUTE, ...extra,
    });
    standup = book('Standup', 10, 25, { location: { displayName: 'Room 1' } });
    review = book('Review', 40, 70);
    s.graph.control.updateEvent(book('Cancelled', 12, 20).id, { isCancelled: true });
    series = book('Daily', 20, 35, { recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: new Date(T0 + 20 * MINUTE).toISOString().slice(0, 10) } } });
  });

  describe('first container, started with an empty snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getUpcomingEvents', { ...credential, minutesBefore: '15', timeZone: 'Europe/Berlin', calendarId: '' }); });

    it('emits the meeting due within 15 minutes by Graph\'s clock, with its start in Berlin time; not the cancelled one; then a snapshot', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(labels(run)).to.deep.equal([`Standup ${tag} +10`]);
      const body = run.data[0].body;
      expect(body).to.include({ id: standup.id, minutesToStart: 10, late: false, type: 'singleInstance' });
      expect(body.start.timeZone).to.equal('Europe/Berlin');
      const berlin = new Date(T0 + 10 * MINUTE).toLocaleString('sv-SE', { timeZone: 'Europe/Berlin', hour12: false }).replace(' ', 'T');
      expect(body.start.dateTime.slice(0, 19)).to.equal(berlin);
      expect(body.location).to.include({ displayName: 'Room 1' });
      expect(run.snapshots.length).to.be.greaterThan(0);
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(JSON.stringify(snapshot).length, 'snapshot bytes').to.be.below(5000);
    });

    it('emits nothing on the next poll of the same container', async () => {
      graphNow += MINUTE;
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      if (run.snapshots.length) snapshot = run.snapshots[run.snapshots.length - 1];
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('second container, started with the stored snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getUpcomingEvents', { ...credential, minutesBefore: '15', calendarId: '' }, { snapshot }); });

    it('emits nothing that was emitted before', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('emits the series\' occurrence once when it comes near, and a meeting moved later again when its new start comes near', async () => {
      s.graph.control.updateEvent(standup.id, { start: wall(T0 + 30 * MINUTE), end: wall(T0 + 45 * MINUTE) });
      graphNow = T0 + 6 * MINUTE;
      const first = await step.run();
      expect(first).to.deep.include({ outcome: 'ack', errors: [] });
      expect(labels(first)).to.deep.equal([`Daily ${tag} +20`]);
      expect(first.data[0].body).to.include({ type: 'occurrence', seriesMasterId: series.id });

      graphNow = T0 + 16 * MINUTE;
      const moved = await step.run();
      expect(moved).to.deep.include({ outcome: 'ack', errors: [] });
      expect(labels(moved)).to.deep.equal([`Standup ${tag} +30`]);
      expect(moved.data[0].body).to.include({ id: standup.id, minutesToStart: 14 });
    });

    it('emits neither a deleted meeting nor anything twice as the clock moves on', async () => {
      s.graph.control.deleteEvent(review.id);
      const seen = [];
      for (const minute of [20, 26, 30, 41, 50]) {
        graphNow = T0 + minute * MINUTE;
        const run = await step.run();
        expect(run).to.deep.include({ outcome: 'ack', errors: [] });
        seen.push(...labels(run));
        for (const snap of run.snapshots) expect(JSON.stringify(snap).length, 'snapshot bytes').to.be.below(5000);
      }
      expect(seen).to.deep.equal([]);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  s.itPrintedNoSecrets();
});
