'use strict';

// Update Event: on the wire (nock), only the fields given reach the PATCH, checked against the
// event as it is (a lone start or end, all-day, attendees added, the series' start date for a new
// recurrence); one occurrence is found through instances; bad input is refused before any request,
// input that does not fit the event before the PATCH; the PATCH is repeated after a lost answer.
// Against the emulator: series, occurrences across a DST change, attendees, replays.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { watchNetwork } = require('../helpers/network');
const { graphEvent, graphOccurrence } = require('../helpers/graphAnswers');
const updateEvent = require('../../lib/calendar/updateEvent');
const { emulated } = require('./emulated');

const SERIES = '/v1.0/me/events/AAMkSeries1%3D';
const OCCURRENCE = '/v1.0/me/events/AAMkOccurrence17%3D';

function run(body, options = {}) {
  const ctx = createContext();
  const msg = { id: options.id || 'msg-update-1', body, headers: {}, ...(options.attachments && { attachments: options.attachments }) };
  return updateEvent.process.call(ctx, msg, options.cfg || cfgWith()).then((out) => ({ out: out.body, ctx }));
}

/** Answers the event read and records the PATCH; returns what Graph was sent. */
function graphWith(event = graphEvent(), { patchReplies = [[200, graphEvent()]], occurrences } = {}) {
  const seen = { patches: [], reads: [], instances: [] };
  const scope = nock(GRAPH);
  scope.get(/\/v1\.0\/me\/events\/[^/]+$/).query(true).times(5).reply(function read(uri) {
    seen.reads.push({ uri, prefer: this.req.headers.prefer });
    return [200, event];
  });
  if (occurrences) {
    scope.get(/\/instances/).query(true).times(3).reply(function instances(uri) {
      seen.instances.push({ query: Object.fromEntries(new URL(uri, GRAPH).searchParams), prefer: this.req.headers.prefer });
      return [200, { value: occurrences }];
    });
  }
  for (const reply of patchReplies) {
    scope.patch(/\/v1\.0\/me\/events\/[^/]+$/).reply(function patch(uri, body) {
      seen.patches.push({ uri, body, prefer: this.req.headers.prefer });
      return reply;
    });
  }
  return seen;
}

describe('Update Event: what reaches Graph', () => {
  it('sends only the fields given, in one PATCH, after reading what it must check against', async () => {
    const seen = graphWith();
    const { out } = await run({ eventId: 'AAMkSeries1=', subject: 'Planning (room 2)', categories: 'Blue, Red', reminderMinutesBeforeStart: 0 });
    expect(seen.patches).to.have.length(1);
    expect(seen.patches[0].uri).to.equal(SERIES);
    expect(seen.patches[0].body).to.deep.equal({ subject: 'Planning (room 2)', categories: ['Blue', 'Red'], isReminderOn: true, reminderMinutesBeforeStart: 0 });
    expect(seen.patches[0].prefer).to.include('outlook.timezone="UTC"');
    expect(out).to.include({ id: 'AAMkSeries1=', type: 'seriesMaster' });
    expect(out.attachments).to.deep.equal([]);
  });

  it('sends places with addresses, allowNewTimeProposals, Teams and a body, each in Graph\'s shape', async () => {
    const seen = graphWith();
    await run({
      eventId: 'AAMkSeries1=', locations: [{ name: 'HQ', street: '1 Main St', city: 'Berlin', email: 'hq@example.com' }, 'Room 2'], allowNewTimeProposals: 'false', isOnlineMeeting: true, body: '<p>x</p>', bodyContentType: 'HTML',
    });
    expect(seen.patches[0].body).to.deep.equal({
      body: { contentType: 'html', content: '<p>x</p>' },
      location: { displayName: 'HQ; Room 2' },
      locations: [{ displayName: 'HQ', address: { street: '1 Main St', city: 'Berlin' }, locationEmailAddress: 'hq@example.com' }, { displayName: 'Room 2' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
    });
  });

  it('moves the event: start and end in the zone given, and the output in it', async () => {
    const seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', start: '2026-03-10T10:00:00', end: '2026-03-10T11:30:00', timeZone: 'W. Europe Standard Time' });
    expect(seen.patches[0].body).to.deep.equal({
      start: { dateTime: '2026-03-10T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-10T11:30:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(seen.patches[0].prefer).to.include('outlook.timezone="W. Europe Standard Time"');
  });

  it('a lone end is checked against the current start, a lone start against the current end: refused before the PATCH when it would end before it starts', async () => {
    // The event runs 08:00-09:00 UTC on 10 March.
    let seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', end: '2026-03-10T10:00:00Z' });
    expect(seen.patches[0].body).to.deep.equal({ end: { dateTime: '2026-03-10T10:00:00', timeZone: 'UTC' } });
    nock.cleanAll();
    seen = graphWith();
    const err = await failureOf(run({ eventId: 'AAMkSeries1=', end: '2026-03-10T07:00:00Z' }));
    expect(err.message).to.equal('end: must be after start');
    expect(seen.patches).to.have.length(0);
    nock.cleanAll();
    seen = graphWith();
    expect((await failureOf(run({ eventId: 'AAMkSeries1=', start: '2026-03-10T09:00:00Z' }))).field).to.equal('end');
    expect(seen.patches).to.have.length(0);
  });

  it('dates alone move an all-day event; making a timed event all-day needs both dates; all-day to timed needs both times', async () => {
    const allDay = graphEvent({ isAllDay: true, start: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'UTC' } });
    let seen = graphWith(allDay);
    await run({ eventId: 'AAMkSeries1=', end: '2026-03-13' });
    expect(seen.patches[0].body).to.deep.equal({ end: { dateTime: '2026-03-13T00:00:00', timeZone: 'UTC' } });
    nock.cleanAll();
    seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', isAllDay: true, start: '2026-03-10', end: '2026-03-11', timeZone: 'Europe/Berlin' });
    expect(seen.patches[0].body).to.deep.equal({ isAllDay: true, start: { dateTime: '2026-03-10T00:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-11T00:00:00', timeZone: 'Europe/Berlin' } });
    nock.cleanAll();
    seen = graphWith();
    const err = await failureOf(run({ eventId: 'AAMkSeries1=', isAllDay: true, start: '2026-03-10' }));
    expect(err.field).to.equal('end');
    expect(err.message).to.match(/all-day: give start and end as dates/);
    expect(seen.patches).to.have.length(0);
    nock.cleanAll();
    seen = graphWith(allDay);
    expect((await failureOf(run({ eventId: 'AAMkSeries1=', isAllDay: false }))).message).to.match(/no longer all-day: give start and end as dates and times/);
    expect(seen.patches).to.have.length(0);
  });

  it('attendeesMode add keeps those invited, adds the new ones, retypes one given again; nothing new sends no attendees', async () => {
    let seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', attendeesMode: 'ADD', optionalAttendees: 'Ann <ann@example.com>, DANA@example.com' });
    expect(seen.patches[0].body.attendees).to.deep.equal([
      { emailAddress: { name: 'Dana', address: 'dana@example.com' }, type: 'optional' },
      { emailAddress: { address: 'ann@example.com', name: 'Ann' }, type: 'optional' },
    ]);
    nock.cleanAll();
    seen = graphWith(graphEvent(), { patchReplies: [] });
    nock(GRAPH).get(/\/v1\.0\/me\/events\/[^/]+$/).query(true).reply(200, graphEvent());
    await run({ eventId: 'AAMkSeries1=', attendeesMode: 'add', requiredAttendees: 'dana@example.com' });
    expect(seen.patches, 'already invited as required: nothing to change, the event is read back').to.have.length(0);
  });

  it('attendeesMode replace (the default) sets exactly the attendees given', async () => {
    const seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', requiredAttendees: 'ann@example.com', resourceAttendees: 'room@example.com' });
    expect(seen.patches[0].body.attendees).to.deep.equal([
      { emailAddress: { address: 'ann@example.com' }, type: 'required' },
      { emailAddress: { address: 'room@example.com' }, type: 'resource' },
    ]);
  });

  it('a new recurrence starts on the series\' own start date, in its own zone; on a single event, its start date in the zone it was booked in', async () => {
    let seen = graphWith();
    await run({ eventId: 'AAMkSeries1=', recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8' });
    expect(seen.patches[0].body).to.deep.equal({
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday', 'thursday'], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', startDate: '2026-03-10', recurrenceTimeZone: 'W. Europe Standard Time', numberOfOccurrences: 8 },
      },
    });
    nock.cleanAll();
    // 23:30 UTC on 9 March is 00:30 on 10 March in Berlin.
    const single = graphEvent({ type: 'singleInstance', recurrence: null, start: { dateTime: '2026-03-09T23:30:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-03-10T00:30:00.0000000', timeZone: 'UTC' } });
    seen = graphWith(single);
    await run({ eventId: 'AAMkSeries1=', recurrence: 'FREQ=DAILY;COUNT=3' });
    expect(seen.patches[0].body.recurrence.range).to.deep.equal({ type: 'numbered', startDate: '2026-03-10', recurrenceTimeZone: 'W. Europe Standard Time', numberOfOccurrences: 3 });
  });

  it('a recurrence whose occurrences would overlap the event\'s length is refused before the PATCH', async () => {
    const seen = graphWith(graphEvent({ end: { dateTime: '2026-03-12T08:00:00.0000000', timeZone: 'UTC' } }));
    const err = await failureOf(run({ eventId: 'AAMkSeries1=', recurrence: 'FREQ=DAILY' }));
    expect(err.field).to.equal('recurrence');
    expect(err.message).to.match(/overlap/);
    expect(seen.patches).to.have.length(0);
  });

  it('one occurrence, found through instances near its start (in the zone given), is patched by its own id', async () => {
    const seen = graphWith(graphEvent(), { occurrences: [graphOccurrence({ id: 'AAMkOccurrence10=', start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'Europe/Berlin' }, originalStart: '2026-03-10T08:00:00Z' }), graphOccurrence()] });
    await run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T09:00:00', timeZone: 'Europe/Berlin', subject: 'Only this one' });
    expect(seen.instances[0].query).to.deep.include({ startDateTime: '2026-03-15T08:00:00Z', endDateTime: '2026-03-19T08:00:00Z' });
    expect(seen.instances[0].query.$select.split(',')).to.include.members(['id', 'start', 'originalStart', 'type']);
    expect(seen.instances[0].prefer).to.include('outlook.timezone="Europe/Berlin"');
    expect(seen.patches[0].uri).to.equal(OCCURRENCE);
    expect(seen.patches[0].body).to.deep.equal({ subject: 'Only this one' });
  });

  it('an occurrence by date alone; by an instant with an offset; or by where it was moved to', async () => {
    for (const occurrenceStart of ['2026-03-17', '2026-03-17T08:00:00Z', '2026-03-17T10:00:00+02:00']) {
      nock.cleanAll();
      const seen = graphWith(graphEvent(), { occurrences: [graphOccurrence()] });
      await run({ eventId: 'AAMkSeries1=', occurrenceStart, timeZone: 'Europe/Berlin', subject: 'x' });
      expect(seen.patches[0].uri, occurrenceStart).to.equal(OCCURRENCE);
    }
    nock.cleanAll();
    // An exception moved from 09:00 to 15:00 that day: found by its original start and by its new one.
    const moved = graphOccurrence({ type: 'exception', start: { dateTime: '2026-03-17T15:00:00.0000000', timeZone: 'Europe/Berlin' } });
    for (const occurrenceStart of ['2026-03-17T09:00:00', '2026-03-17T15:00:00']) {
      nock.cleanAll();
      const seen = graphWith(graphEvent(), { occurrences: [moved] });
      await run({ eventId: 'AAMkSeries1=', occurrenceStart, timeZone: 'Europe/Berlin', subject: 'x' });
      expect(seen.patches[0].uri, occurrenceStart).to.equal(OCCURRENCE);
    }
  });

  it('a time on a day the series has another start is refused naming it; a day without occurrence is "no such occurrence"; a single event with occurrenceStart is refused', async () => {
    let seen = graphWith(graphEvent(), { occurrences: [graphOccurrence()] });
    let err = await failureOf(run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T10:00:00', timeZone: 'Europe/Berlin', subject: 'x' }));
    expect(err.field).to.equal('occurrenceStart');
    expect(err.message).to.include('that day it starts at 2026-03-17T09:00:00 Europe/Berlin');
    expect(seen.patches).to.have.length(0);
    nock.cleanAll();
    seen = graphWith(graphEvent(), { occurrences: [] });
    err = await failureOf(run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-18', subject: 'x' }));
    expect(err.statusCode).to.equal(404);
    expect(err.message).to.match(/no such occurrence/);
    expect(seen.patches).to.have.length(0);
    nock.cleanAll();
    seen = graphWith(graphEvent({ type: 'singleInstance', recurrence: null }));
    err = await failureOf(run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', subject: 'x' }));
    expect(err.field).to.equal('occurrenceStart');
    expect(err.message).to.match(/not a recurring series .*singleInstance/);
  });

  it('repeats the PATCH after a lost answer (it sets values, so the repeat changes nothing more), with the same body', async () => {
    const seen = graphWith(graphEvent(), { patchReplies: [[504, { error: { code: 'GatewayTimeout' } }], [200, graphEvent({ subject: 'Renamed' })]] });
    const { out } = await run({ eventId: 'AAMkSeries1=', subject: 'Renamed' });
    expect(seen.patches).to.have.length(2);
    expect(seen.patches[1].body).to.deep.equal(seen.patches[0].body);
    expect(out.subject).to.equal('Renamed');
  });
});

describe('Update Event: refused before any request', () => {
  let net;
  afterEach(() => { if (net) net.stop(); net = undefined; });
  const cases = [
    ['nothing to change', { eventId: 'AAMkSeries1=' }, 'eventId'],
    ['no eventId', { subject: 'x' }, 'eventId'],
    ['an eventId that leaves its path segment', { eventId: '../mailFolders/inbox', subject: 'x' }, 'eventId'],
    ['recurrence with occurrenceStart', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', recurrence: 'FREQ=DAILY' }, 'recurrence'],
    ['a recurrence rule Outlook cannot store', { eventId: 'AAMkSeries1=', recurrence: 'FREQ=HOURLY' }, 'recurrence'],
    ['end before start', { eventId: 'AAMkSeries1=', start: '2026-03-10T10:00:00Z', end: '2026-03-10T09:00:00Z' }, 'end'],
    ['an unknown attendeesMode', { eventId: 'AAMkSeries1=', attendeesMode: 'merge', requiredAttendees: 'a@example.com' }, 'attendeesMode'],
    ['a local occurrenceStart without time zone', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T09:00:00', subject: 'x' }, 'occurrenceStart'],
    ['an empty subject', { eventId: 'AAMkSeries1=', subject: '   ' }, 'subject'],
    ['a place without a name', { eventId: 'AAMkSeries1=', locations: [{ city: 'Berlin' }] }, 'locations[0].name'],
  ];
  for (const [label, body, field] of cases) {
    it(`${label} -> ${field}`, async () => {
      net = watchNetwork();
      const err = await failureOf(run(body));
      expect(err.name, err.message).to.equal('InputError');
      expect(err.field).to.equal(field);
      expect(net.hits).to.deep.equal([]);
    });
  }

  it('a Teams meeting in the china cloud', async () => {
    net = watchNetwork();
    const err = await failureOf(run({ eventId: 'AAMkSeries1=', isOnlineMeeting: true }, { cfg: cfgWith({ authType: 'application', tenantId: 'contoso.onmicrosoft.com', mailbox: 'info@contoso.com', cloud: 'china', loginHost: 'login.partner.microsoftonline.cn' }) }));
    expect(err.field).to.equal('isOnlineMeeting');
    expect(net.hits).to.deep.equal([]);
  });
});

describe('Update Event on the emulator', () => {
  const env = emulated();
  const event = async (extra = {}) => (await env.run('createEvent', { subject: 'Weekly planning', start: '2026-03-17T09:00:00', end: '2026-03-17T10:00:00', timeZone: 'Europe/Berlin', ...extra })).out;
  const instances = async (id, as = 'adele') => (await env.graph(`/me/events/${encodeURIComponent(id)}/instances?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z&$select=subject,start,type,originalStart`, { as, headers: { Prefer: 'outlook.timezone="Europe/Berlin"' } })).body.value;

  it('renames a whole series: every occurrence shows it', async () => {
    const series = await event({ recurrence: 'FREQ=WEEKLY;COUNT=4' });
    const { out } = await env.run('updateEvent', { eventId: series.id, subject: 'Weekly planning (room 2)' });
    expect(out).to.include({ type: 'seriesMaster', subject: 'Weekly planning (room 2)' });
    expect((await instances(series.id)).map((o) => o.subject)).to.deep.equal(Array(4).fill('Weekly planning (room 2)'));
  });

  it('moves one occurrence after the DST change by its local start (09:00 Berlin is 07:00 UTC from 29 March) and only that one; a replay changes nothing more', async () => {
    const series = await event({ recurrence: 'FREQ=WEEKLY;COUNT=4' });
    const body = { eventId: series.id, occurrenceStart: '2026-03-31T09:00:00', timeZone: 'Europe/Berlin', start: '2026-03-31T14:00:00', end: '2026-03-31T15:00:00', subject: 'Moved' };
    const first = (await env.run('updateEvent', body, env.adele, { id: 'replayed-update' })).out;
    expect(first).to.include({ type: 'exception', subject: 'Moved', originalStart: '2026-03-31T07:00:00Z' });
    const again = (await env.run('updateEvent', body, env.adele, { id: 'replayed-update' })).out;
    expect(again.id).to.equal(first.id);
    expect((await instances(series.id)).map((o) => `${o.start.dateTime.slice(0, 16)} ${o.type} ${o.subject}`)).to.deep.equal([
      '2026-03-17T09:00 occurrence Weekly planning', '2026-03-24T09:00 occurrence Weekly planning', '2026-03-31T14:00 exception Moved', '2026-04-07T09:00 occurrence Weekly planning',
    ]);
  });

  it('finds an occurrence by a Windows zone name and a date, across DST', async () => {
    const series = await event({ recurrence: 'FREQ=WEEKLY;COUNT=4' });
    const { out } = await env.run('updateEvent', { eventId: series.id, occurrenceStart: '2026-04-07', timeZone: 'W. Europe Standard Time', subject: 'April' });
    expect(out.start).to.deep.equal({ dateTime: '2026-04-07T09:00:00.0000000', timeZone: 'W. Europe Standard Time' });
  });

  it('adds an attendee who is a mailbox here: the meeting reaches Megan, and Ann stays invited', async () => {
    const meeting = await event({ requiredAttendees: 'ann@fabrikam.example' });
    const { out } = await env.run('updateEvent', { eventId: meeting.id, attendeesMode: 'add', optionalAttendees: env.emu.mailboxes.secondary });
    expect(out.attendees.map((a) => `${a.emailAddress.address} ${a.type}`)).to.deep.equal(['ann@fabrikam.example required', `${env.emu.mailboxes.secondary} optional`]);
    expect(await env.copyOf(meeting.iCalUId)).to.include({ isOrganizer: false });
  });

  it('makes a single event a series, and turns an event all-day by its dates', async () => {
    const single = await event();
    await env.run('updateEvent', { eventId: single.id, recurrence: 'FREQ=DAILY;COUNT=3' });
    expect(await instances(single.id)).to.have.length(3);
    const { out } = await env.run('updateEvent', { eventId: single.id, isAllDay: true, start: '2026-03-18', end: '2026-03-19', recurrence: 'FREQ=DAILY;COUNT=2' });
    expect(out).to.include({ isAllDay: true });
    expect((await instances(single.id)).map((o) => o.start.dateTime)).to.deep.equal(['2026-03-18T00:00:00.0000000', '2026-03-19T00:00:00.0000000']);
  });

  it('adds the files of the message before the change; a replay adds none twice', async () => {
    const meeting = await event();
    const nockStorage = nock('https://storage.example.net').persist().get('/agenda').reply(200, 'Agenda: budget');
    const attachments = { 'agenda.txt': { url: 'https://storage.example.net/agenda', size: 14, 'content-type': 'text/plain' } };
    const body = { eventId: meeting.id, subject: 'With agenda' };
    const first = await env.run('updateEvent', body, env.adele, { id: 'with-files', attachments });
    const second = await env.run('updateEvent', body, env.adele, { id: 'with-files', attachments });
    nockStorage.persist(false);
    expect(first.out.attachments).to.deep.equal([{ name: 'agenda.txt', size: 14 }]);
    expect(second.out.attachments).to.deep.equal([{ name: 'agenda.txt', size: 14 }]);
    const listed = (await env.graph(`/me/events/${encodeURIComponent(meeting.id)}/attachments?$select=name`)).body.value;
    expect(listed.map((a) => a.name)).to.deep.equal(['agenda.txt']);
    expect(first.out.hasAttachments).to.equal(true);
  });

  it('an event deleted meanwhile is an error saying so', async () => {
    const gone = await event();
    await env.graph(`/me/events/${encodeURIComponent(gone.id)}`, { method: 'DELETE' });
    const err = await failureOf(env.run('updateEvent', { eventId: gone.id, subject: 'x' }));
    expect(err.statusCode).to.equal(404);
    expect(err.message).to.match(/Outlook has no such event in the signed-in user's mailbox/);
  });
});
