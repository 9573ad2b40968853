'use strict';

// The event steps Update Event, Respond to Invitation, Get Event, Find Events and Cancel or Delete
// Event in the real sailor, each in a container of its own, against the emulator, on a daily
// series Adele (primary) organises with Megan (secondary) invited, booked by Create Event with a
// recurrence: one occurrence moved and replayed, Megan's answer and its replay, one occurrence read
// by its date, the window listed one message per occurrence and one per page, an occurrence and
// then the series cancelled, each replay reporting what was already done. Invalid input is
// rejected with nothing written.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const DAY = 24 * 3600 * 1000;
const tag = randomBytes(3).toString('hex');
const writes = (stats) => Object.entries(stats.byRoute).filter(([route]) => /^(POST|PATCH|DELETE) .*events/i.test(route)).reduce((sum, [, n]) => sum + n, 0);
/** The date `days` from today (UTC), as the inputs take it. */
const dayIn = (days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('e2e: the event steps in sailor', function () {
  const s = useScenario();
  const subject = `E2E daily stand-up ${tag}`;
  let adele;
  let megan;
  let series;

  before(() => {
    adele = s.graph.credential();
    megan = s.graph.credential({}, { mailbox: s.graph.mailboxes.secondary });
  });

  describe('Create Event with a recurrence', () => {
    it('books a daily series of five in Berlin time with Megan invited', async () => {
      const step = await s.startStep('createEvent', { ...adele, calendarId: '' });
      const run = await step.run({ body: {
        subject, start: `${dayIn(2)}T09:00:00`, end: `${dayIn(2)}T09:15:00`, timeZone: 'Europe/Berlin',
        recurrence: 'FREQ=DAILY;COUNT=5', requiredAttendees: s.graph.mailboxes.secondary, locations: 'Room 1; Room 2',
      } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      series = run.data[0].body;
      const stored = await s.graph.graph('GET', `/me/events/${encodeURIComponent(series.id)}?$select=type`);
      expect(stored.type).to.equal('seriesMaster');
      expect(series.recurrence.range).to.include({ type: 'numbered', numberOfOccurrences: 5 });
      expect(series.locations.map((l) => l.displayName)).to.deep.equal(['Room 1', 'Room 2']);
      await s.stopCleanly(step);
    });
  });

  describe('Update Event', () => {
    let step;
    before(async () => { step = await s.startStep('updateEvent', { ...adele }); });

    it('moves the third occurrence only, by its date; a replay changes nothing more', async () => {
      const body = { eventId: series.id, occurrenceStart: dayIn(4), start: `${dayIn(4)}T11:00:00`, end: `${dayIn(4)}T11:15:00`, timeZone: 'Europe/Berlin' };
      const run = await step.run({ body });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.deep.include({ type: 'exception', seriesMasterId: series.id });
      expect(run.data[0].body.start.dateTime.slice(0, 19)).to.equal(`${dayIn(4)}T11:00:00`);
      const replay = await step.run({ body: { ...body, occurrenceStart: `${dayIn(4)}T11:00:00` }, messageId: run.messageId });
      expect(replay).to.deep.include({ outcome: 'ack', errors: [] });
      expect(replay.data[0].body.id).to.equal(run.data[0].body.id);
    });

    it('adds an attendee to the series (attendeesMode add): Megan stays invited', async () => {
      const run = await step.run({ body: { eventId: series.id, attendeesMode: 'add', optionalAttendees: `ann.${tag}@fabrikam.example` } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body.attendees.map((a) => `${a.emailAddress.address} ${a.type}`)).to.have.members([`${s.graph.mailboxes.secondary} required`, `ann.${tag}@fabrikam.example optional`]);
    });

    it('refuses a recurrence on one occurrence, naming the field, and writes nothing', async () => {
      const before = writes(s.graph.control.stats());
      const run = await step.run({ body: { eventId: series.id, occurrenceStart: dayIn(3), recurrence: 'FREQ=WEEKLY' } });
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^recurrence: an occurrence has no recurrence of its own/);
      expect(writes(s.graph.control.stats())).to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Find Events and Get Event (Megan)', () => {
    let invitation;

    it('Find Events lists the five occurrences one message each, then as one page', async () => {
      const step = await s.startStep('lookupEvents', { ...megan, calendarId: '' });
      const window = { windowStart: dayIn(1), windowEnd: dayIn(10), timeZone: 'Europe/Berlin', subject: tag };
      const run = await step.run({ body: window });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => m.body.start.dateTime.slice(0, 16))).to.deep.equal(
        [2, 3, 5, 6].map((d) => `${dayIn(d)}T09:00`).toSpliced(2, 0, `${dayIn(4)}T11:00`),
      );
      invitation = run.data[0].body;
      expect(invitation).to.deep.include({ isOrganizer: false, type: 'occurrence' });
      await s.stopCleanly(step);
      const paged = await s.startStep('lookupEvents', { ...megan, calendarId: '', emitBehaviour: 'emitPage' });
      const pageRun = await paged.run({ body: window });
      expect(pageRun.data).to.have.length(1);
      expect(pageRun.data[0].body).to.include({ page: 1 });
      expect(pageRun.data[0].body.results).to.have.length(5);
      await s.stopCleanly(paged);
    });

    it('Get Event reads the series master\'s occurrence of a day by its date', async () => {
      const step = await s.startStep('getEvent', { ...megan });
      const run = await step.run({ body: { eventId: invitation.seriesMasterId, occurrenceStart: dayIn(3), timeZone: 'Europe/Berlin' } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.deep.include({ type: 'occurrence', subject });
      expect(run.data[0].body.start.dateTime.slice(0, 19)).to.equal(`${dayIn(3)}T09:00:00`);
      await s.stopCleanly(step);
    });

    it('Respond to Invitation: Megan accepts the series; the same answer again is success, nothing sent', async () => {
      const step = await s.startStep('respondToEvent', { ...megan });
      const body = { eventId: invitation.seriesMasterId, response: 'accept', comment: 'See you there' };
      const run = await step.run({ body });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.include({ response: 'accept', alreadyAnswered: false });
      const before = writes(s.graph.control.stats());
      const replay = await step.run({ body, messageId: run.messageId });
      expect(replay.data[0].body).to.include({ alreadyAnswered: true });
      expect(writes(s.graph.control.stats())).to.equal(before);
      await s.stopCleanly(step);
    });
  });

  describe('Cancel or Delete Event', () => {
    let step;
    before(async () => { step = await s.startStep('cancelEvent', { ...adele }); });

    it('cancels one occurrence, telling the attendees; a replay finds it already gone', async () => {
      const body = { eventId: series.id, occurrenceStart: dayIn(5), comment: 'Holiday' };
      const run = await step.run({ body });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.include({ action: 'cancelled', alreadyDeleted: false, attendeesNotified: 2 });
      const replay = await step.run({ body, messageId: run.messageId });
      expect(replay.data[0].body).to.include({ action: 'none', alreadyDeleted: true });
    });

    it('cancels the series; a replay says it was already deleted', async () => {
      const run = await step.run({ body: { eventId: series.id, comment: 'Moved to chat' } });
      expect(run.data[0].body).to.include({ action: 'cancelled', alreadyDeleted: false });
      const replay = await step.run({ body: { eventId: series.id }, messageId: run.messageId });
      expect(replay.data[0].body).to.include({ alreadyDeleted: true });
      const left = (await s.graph.graphAll('/me/calendar/events?$select=id,subject&$top=100')).filter((e) => e.subject === subject);
      expect(left).to.deep.equal([]);
    });

    it('refuses a comment over 10,000 characters, naming it, and writes nothing', async () => {
      const before = writes(s.graph.control.stats());
      const run = await step.run({ body: { eventId: series.id, comment: 'x'.repeat(10001) } });
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^comment: /);
      expect(writes(s.graph.control.stats())).to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  s.itPrintedNoSecrets();
});
