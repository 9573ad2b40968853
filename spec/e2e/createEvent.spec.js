'use strict';

// createEvent in the real sailor: the event is created and emitted with its id and webLink; a
// replay of the same message books nothing twice; invalid input is an error and creates nothing.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const DAY = 24 * 3600 * 1000;

/** How many event-creating requests reached the emulator. */
function createEventRequests(stats) {
  return Object.entries(stats.byRoute).filter(([route]) => /^POST .*\/events$/i.test(route)).reduce((sum, [, n]) => sum + n, 0);
}

/** The wall-clock time in `zone` of a Graph dateTimeTimeZone ({dateTime, timeZone}, in that zone or UTC). */
function wallTime({ dateTime, timeZone }, zone) {
  if (timeZone === zone) return dateTime.slice(0, 19);
  expect(timeZone, 'Graph answered in UTC').to.equal('UTC');
  return new Date(`${dateTime.slice(0, 19)}Z`).toLocaleString('sv-SE', { timeZone: zone, hour12: false }).replace(' ', 'T');
}

/** Tomorrow's date (UTC) at a given wall time, without an offset, as the input form expects. */
function tomorrowAt(hhmm) {
  return `${new Date(Date.now() + DAY).toISOString().slice(0, 10)}T${hhmm}:00`;
}

describe('e2e: createEvent (Create Event) in sailor', function () {
  const s = useScenario();
  let step;
  let created;
  let firstMessageId;
  const subject = `E2E design review ${randomBytes(4).toString('hex')}`;
  const input = () => ({
    subject,
    body: 'Booked by the e2e suite.',
    start: tomorrowAt('10:00'),
    end: tomorrowAt('10:30'),
    timeZone: 'Europe/Berlin',
    location: 'Conf Room Rainier',
    attendees: `Megan Bowen <${s.graph.mailboxes.secondary}>`,
  });

  before(async () => {
    step = await s.startStep('createEvent', { ...s.graph.credential(), calendarId: '' });
  });

  it('creates the event in the default calendar and emits its id and webLink; the input is acked', async () => {
    const run = await step.run({ body: input() });
    expect(run.errors).to.deep.equal([]);
    expect(run.outcome).to.equal('ack');
    expect(run.data).to.have.length(1);
    created = run.data[0].body;
    firstMessageId = run.messageId;
    expect(created.id).to.be.a('string').and.not.empty;
    expect(created.webLink).to.be.a('string').and.match(/^https?:\/\//);
    expect(created).to.include({ subject });
    expect(created.attendees.map((a) => a.emailAddress.address)).to.deep.equal([s.graph.mailboxes.secondary]);
    // Graph answers a create in UTC unless asked otherwise: compare instants, not strings.
    expect(wallTime(created.start, 'Europe/Berlin'), 'start, in Berlin').to.equal(tomorrowAt('10:00'));
    expect(wallTime(created.end, 'Europe/Berlin'), 'end, in Berlin').to.equal(tomorrowAt('10:30'));

    const stored = await s.graph.graph('GET', `/me/calendar/events/${encodeURIComponent(created.id)}?$select=id,subject,webLink,location,start,end`,
      { prefer: ['outlook.timezone="Europe/Berlin"'] });
    expect(stored).to.include({ id: created.id, subject, webLink: created.webLink });
    expect(stored.location).to.include({ displayName: 'Conf Room Rainier' });
    expect(stored.start.dateTime.slice(0, 19), 'stored start, in Berlin').to.equal(tomorrowAt('10:00'));
  });

  it('does not book twice when the platform replays the same message', async () => {
    const run = await step.run({ body: input(), messageId: firstMessageId });
    expect(run).to.deep.include({ outcome: 'ack', errors: [] });
    expect(run.data).to.have.length(1);
    expect(run.data[0].body.id, 'the event created the first time').to.equal(created.id);
    const same = (await s.graph.graphAll('/me/calendar/events?$select=id,subject&$top=100')).filter((e) => e.subject === subject);
    expect(same, 'events with this subject').to.have.length(1);
  });

  it('turns an end before the start into an error naming the field, creates nothing and rejects the input', async () => {
    const before = createEventRequests(s.graph.control.stats());
    const run = await step.run({ body: { ...input(), subject: 'E2E never booked', end: tomorrowAt('09:00') } });
    expect(run.outcome).to.equal('reject');
    expect(run.data).to.deep.equal([]);
    expect(run.errors).to.have.length(1);
    expect(run.errors[0].message, 'names the field').to.match(/^end: /);
    expect(run.rejected.map((m) => m.id)).to.deep.equal([run.messageId]);
    expect(createEventRequests(s.graph.control.stats()), 'no request for the invalid event').to.equal(before);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    await s.stopCleanly(step);
  });

  s.itPrintedNoSecrets();
});
