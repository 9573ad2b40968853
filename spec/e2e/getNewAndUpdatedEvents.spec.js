'use strict';

// getNewAndUpdatedEvents in the real sailor: first poll from startTime, polls with the stored
// snapshot, a new event, and a change to it (emitted again, once per change).
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');
const { isoSecond } = require('./helpers/graph');

const EVENT_SELECT = '$select=id,subject,changeKey,lastModifiedDateTime,start,end&$top=100';

/** An instant's wall-clock time in an IANA zone, as Graph writes dateTime (no offset). */
function wallTime(utcIso, timeZone) {
  return new Date(utcIso).toLocaleString('sv-SE', { timeZone, hour12: false }).replace(' ', 'T');
}

describe('e2e: getNewAndUpdatedEvents (Poll for New and Updated Events) in sailor', function () {
  const s = useScenario();
  let startTime;
  let expected;
  let snapshot;
  let credential;

  before(async () => {
    const events = await s.graph.graphAll(`/me/calendar/events?${EVENT_SELECT}`);
    events.sort((a, b) => Date.parse(a.lastModifiedDateTime) - Date.parse(b.lastModifiedDateTime));
    startTime = isoSecond(events[Math.floor(events.length / 2)].lastModifiedDateTime);
    expected = events.filter((e) => isoSecond(e.lastModifiedDateTime) >= startTime);
    expect(expected.length, 'seeded events of the default calendar from startTime on').to.be.within(3, events.length - 3);
    credential = s.graph.credential();
  });

  describe('first container, started with an empty snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getNewAndUpdatedEvents', { ...credential, startTime, calendarId: '' }); });

    it('emits each event of the default calendar changed from startTime on, once, then a snapshot', async () => {
      const run = await step.run();
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      const bodies = run.data.map((m) => m.body);
      expect(bodies.map((b) => b.id)).to.have.members(expected.map((e) => e.id));
      expect(bodies).to.have.length(expected.length);
      for (const body of bodies) {
        const event = expected.find((e) => e.id === body.id);
        expect(body).to.include({ subject: event.subject, changeKey: event.changeKey, lastModifiedDateTime: event.lastModifiedDateTime });
        expect(body.start).to.include({ timeZone: 'UTC' });
      }
      const times = bodies.map((b) => b.lastModifiedDateTime);
      expect(times, 'emitted oldest change first').to.deep.equal([...times].sort());
      expect(run.snapshots.length).to.be.greaterThan(0);
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(snapshot).to.include({ v: 1 });
    });

    it('emits nothing on the next poll of the same container', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      if (run.snapshots.length) snapshot = run.snapshots[run.snapshots.length - 1];
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  describe('second container, started with the stored snapshot and the time zone Europe/Berlin', () => {
    let step;
    let added;
    before(async () => {
      step = await s.startStep('getNewAndUpdatedEvents', { ...credential, startTime, timeZone: 'Europe/Berlin' }, { snapshot });
    });

    it('emits nothing that was emitted before', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('emits exactly a newly created event, with start and end in the configured time zone', async () => {
      const subject = `E2E planning ${randomBytes(4).toString('hex')}`;
      added = s.graph.control.addEvent({ subject });
      const inUtc = await s.graph.graph('GET', `/me/events/${encodeURIComponent(added.id)}?$select=id,start,end,changeKey`);

      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => m.body.id)).to.deep.equal([inUtc.id]);
      const body = run.data[0].body;
      expect(body).to.include({ subject, changeKey: inUtc.changeKey });
      expect(body.start.timeZone).to.equal('Europe/Berlin');
      expect(body.start.dateTime.slice(0, 19)).to.equal(wallTime(`${inUtc.start.dateTime.slice(0, 19)}Z`, 'Europe/Berlin'));
      expect(body.end.dateTime.slice(0, 19)).to.equal(wallTime(`${inUtc.end.dateTime.slice(0, 19)}Z`, 'Europe/Berlin'));
    });

    it('emits that event again, once, after it changed', async () => {
      const subject = `${added.subject} (moved)`;
      s.graph.control.updateEvent(added.id, { subject });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data).to.have.length(1);
      expect(run.data[0].body).to.include({ subject });
      expect(run.data[0].body.changeKey).to.not.equal(added.changeKey);

      const again = await step.run();
      expect(again).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  s.itPrintedNoSecrets();
});
