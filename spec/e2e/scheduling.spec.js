'use strict';

// Check Availability and Find Meeting Times in the real sailor, each in a container of its own,
// against the emulator's getSchedule and findMeetingTimes: free/busy per slot with a person Graph
// cannot resolve carried in the output, suggestions around a busy attendee, a replay that only
// asks again, and invalid input rejected before any request.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const tag = randomBytes(3).toString('hex');
/** A fixed Monday for Graph's clock, so working hours (Monday to Friday, Pacific time) are known. */
const MONDAY = Date.UTC(2026, 10, 30, 7, 0, 0);
const scheduleCalls = (stats) => Object.entries(stats.byRoute).filter(([route]) => /^POST .*\/(getSchedule|findMeetingTimes)$/i.test(route)).reduce((sum, [, n]) => sum + n, 0);

describe('e2e: Check Availability and Find Meeting Times in sailor', function () {
  const s = useScenario({ emulator: { now: () => MONDAY } });
  let org;
  let ann;
  let credential;

  before(() => {
    org = s.graph.control.createUser({ userPrincipalName: `org.${tag}@contoso.example`, displayName: 'Organizer' }).mail;
    ann = s.graph.control.createUser({ userPrincipalName: `ann.${tag}@contoso.example`, displayName: 'Ann' }).mail;
    s.graph.control.addEvent({
      mailbox: ann, subject: 'Budget', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'Europe/Berlin' }, createdAt: MONDAY,
    });
    s.graph.control.addEvent({
      mailbox: ann, subject: 'Away', showAs: 'oof', start: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin' }, createdAt: MONDAY,
    });
    credential = s.graph.credential({}, { mailbox: org });
  });

  describe('Check Availability', () => {
    let step;
    let first;
    const input = () => ({ schedules: `Ann <${ann}>; nobody.${tag}@contoso.example`, start: '2026-12-01T09:00:00', end: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin', intervalMinutes: 30 });
    before(async () => { step = await s.startStep('checkAvailability', { ...credential }); });

    it('emits free/busy per slot in the zone asked for, the busy items, and an unknown address as an entry error; acks', async () => {
      const run = await step.run({ body: input() });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data).to.have.length(1);
      first = run.data[0].body;
      expect(first).to.include({ timeZone: 'Europe/Berlin', intervalMinutes: 30 });
      const [annSchedule, nobody] = first.schedules;
      expect(annSchedule).to.include({ address: ann, availabilityView: '002203', freeThroughout: false, error: null });
      expect(annSchedule.busyItems.map((i) => `${i.status} ${i.start.dateTime.slice(11, 16)} ${i.start.timeZone}`)).to.deep.equal(['busy 10:00 Europe/Berlin', 'oof 11:30 Europe/Berlin']);
      expect(nobody.error.code).to.equal('5009');
      expect(first.errors.map((e) => e.address)).to.deep.equal([`nobody.${tag}@contoso.example`]);
    });

    it('a replay of the same message asks again and emits the same answer', async () => {
      const before = scheduleCalls(s.graph.control.stats());
      const run = await step.run({ body: input() });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.deep.equal(first);
      expect(scheduleCalls(s.graph.control.stats())).to.equal(before + 1);
    });

    it('refuses a window over 62 days, naming the field, before any request; the input is rejected', async () => {
      const before = scheduleCalls(s.graph.control.stats());
      const run = await step.run({ body: { ...input(), end: '2027-03-01T00:00:00' } });
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^end: /).and.match(/62 days/);
      expect(scheduleCalls(s.graph.control.stats())).to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Find Meeting Times', () => {
    let step;
    before(async () => { step = await s.startStep('findMeetingTimes', { ...credential }); });

    it('suggests the free hours of organizer and attendee, best first, in the zone asked for; acks', async () => {
      const run = await step.run({ body: { requiredAttendees: `Ann <${ann}>`, durationMinutes: 60, maxCandidates: 3, activityDomain: 'unrestricted', start: '2026-12-01T09:00:00', end: '2026-12-01T14:00:00', timeZone: 'Europe/Berlin' } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      const out = run.data[0].body;
      expect(out).to.include({ count: 3, emptySuggestionsReason: '', timeZone: 'Europe/Berlin', durationMinutes: 60 });
      expect(out.suggestions.map((x) => `${x.start.dateTime.slice(11, 16)} ${x.confidence}`)).to.deep.equal(['09:00 100', '12:00 100', '13:00 100']);
      expect(out.suggestions[0].attendeeAvailability).to.deep.equal([{ address: ann, name: 'Ann', type: 'required', availability: 'free' }]);
    });

    it('says why there is no time and what to change', async () => {
      const run = await step.run({ body: { requiredAttendees: ann, durationMinutes: 120, minimumAttendeePercentage: 100, activityDomain: 'unrestricted', start: '2026-12-01T10:00:00', end: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin' } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.include({ count: 0, emptySuggestionsReason: 'attendeesUnavailable' });
      expect(run.data[0].body.emptySuggestionsExplanation).to.be.a('string').and.not.empty;
    });

    it('refuses a duration longer than the window, naming the field, before any request', async () => {
      const before = scheduleCalls(s.graph.control.stats());
      const run = await step.run({ body: { requiredAttendees: ann, durationMinutes: 90, start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' } });
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^durationMinutes: /);
      expect(scheduleCalls(s.graph.control.stats())).to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  s.itPrintedNoSecrets();
});
