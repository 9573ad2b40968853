'use strict';

// Create Event's recurrence, places, new-time proposals and files. On the wire: what the POST
// carries, files added after it (small ones by POST, large ones by an upload session) and the
// attendees set once they are there. Against the emulator: the series Outlook expands from what
// was sent (across DST, month ends, last weekdays), and replays that neither book nor attach twice,
// even after a run that died between the steps.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { createdEvent } = require('../helpers/graphAnswers');
const { MiB, patternBytes } = require('../helpers/bytes');
const createEvent = require('../../lib/calendar/createEvent');
const { emulated } = require('./emulated');

const STORAGE = 'https://storage.example.net';
const base = { subject: 'Planning', start: '2026-03-10T09:00:00', end: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin' };

describe('Create Event: recurrence, places and proposals on the wire', () => {
  async function sent(input) {
    let body;
    nock(GRAPH).post('/v1.0/me/calendar/events').reply((uri, b) => { body = b; return [201, createdEvent()]; });
    await createEvent.process.call(createContext(), { id: 'm1', body: input, headers: {} }, cfgWith());
    return body;
  }

  it('sends the recurrence counted from the start date in the event\'s zone', async () => {
    expect((await sent({ ...base, recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630' })).recurrence).to.deep.equal({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday', 'thursday'], firstDayOfWeek: 'monday' },
      range: { type: 'endDate', startDate: '2026-03-10', recurrenceTimeZone: 'Europe/Berlin', endDate: '2026-06-30' },
    });
    // 23:30 UTC is already the next day in Berlin; the event in UTC starts on the 9th.
    const late = await sent({ subject: 'Late', start: '2026-03-09T23:30:00Z', end: '2026-03-10T00:30:00Z', recurrence: 'FREQ=DAILY;COUNT=2' });
    expect(late.recurrence.range).to.deep.equal({ type: 'numbered', startDate: '2026-03-09', recurrenceTimeZone: 'UTC', numberOfOccurrences: 2 });
    const berlin = await sent({ subject: 'Late', start: '2026-03-09T23:30:00Z', end: '2026-03-10T00:30:00Z', timeZone: 'Europe/Berlin', recurrence: 'FREQ=DAILY;COUNT=2' });
    expect(berlin.start).to.deep.equal({ dateTime: '2026-03-10T00:30:00', timeZone: 'Europe/Berlin' });
    expect(berlin.recurrence.range.startDate).to.equal('2026-03-10');
  });

  it('sends an all-day yearly series on its date, and Graph\'s own object as given', async () => {
    const birthday = await sent({ subject: 'Birthday', start: '2026-02-28', end: '2026-03-01', isAllDay: true, recurrence: 'FREQ=YEARLY' });
    expect(birthday.recurrence.pattern).to.deep.equal({ type: 'absoluteYearly', interval: 1, dayOfMonth: 28, month: 2 });
    const object = await sent({ ...base, recurrence: { pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' }, range: { type: 'numbered', numberOfOccurrences: 6 } } });
    expect(object.recurrence.pattern).to.deep.equal({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday', index: 'second' });
  });

  it('sends several places with addresses, Outlook\'s location naming them all, and allowNewTimeProposals', async () => {
    const body = await sent({ ...base, locations: 'Conf Room 3; Fourth Coffee', allowNewTimeProposals: false });
    expect(body).to.deep.include({ location: { displayName: 'Conf Room 3; Fourth Coffee' }, locations: [{ displayName: 'Conf Room 3' }, { displayName: 'Fourth Coffee' }], allowNewTimeProposals: false });
    const addressed = await sent({ ...base, location: 'HQ', locations: [{ displayName: 'HQ', address: { street: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'US' }, locationType: 'BusinessAddress' }] });
    expect(addressed.location).to.deep.equal({ displayName: 'HQ' });
    expect(addressed.locations).to.deep.equal([{ displayName: 'HQ', address: { street: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'US' }, locationType: 'businessAddress' }]);
  });

  it('a recurrence that cannot be stored is refused before any request, naming recurrence', async () => {
    const err = await failureOf(createEvent.process.call(createContext(), { id: 'm1', body: { ...base, end: '2026-03-12T10:00:00', recurrence: 'FREQ=DAILY' }, headers: {} }, cfgWith()));
    expect(err.field).to.equal('recurrence');
  });

  it('with files and attendees: created without attendees, each file added, then the attendees invited; the output lists the files', async () => {
    const order = [];
    const small = Buffer.from('Agenda');
    nock(STORAGE).get('/agenda').reply(200, small);
    nock(GRAPH)
      .post('/v1.0/me/calendar/events').reply((uri, body) => { order.push(`create attendees=${body.attendees.length}`); return [201, createdEvent({ id: 'AAMkNew=' })]; })
      .get('/v1.0/me/events/AAMkNew%3D/attachments').query(true).reply(200, { value: [] })
      .post('/v1.0/me/events/AAMkNew%3D/attachments').reply((uri, body) => { order.push(`attach ${body.name} ${Buffer.from(body.contentBytes, 'base64')}`); return [201, { id: 'att1' }]; })
      .patch('/v1.0/me/events/AAMkNew%3D').reply((uri, body) => { order.push(`invite ${body.attendees.map((a) => a.emailAddress.address)}`); return [200, createdEvent({ id: 'AAMkNew=', attendees: body.attendees })]; });
    const out = await createEvent.process.call(createContext(), { id: 'm1', body: { ...base, requiredAttendees: 'ann@example.com' }, attachments: { 'agenda.txt': { url: `${STORAGE}/agenda`, size: small.length } }, headers: {} }, cfgWith());
    expect(order).to.deep.equal(['create attendees=0', 'attach agenda.txt Agenda', 'invite ann@example.com']);
    expect(out.body.attachments).to.deep.equal([{ name: 'agenda.txt', size: 6 }]);
    expect(out.body.attendees.map((a) => a.emailAddress.address)).to.deep.equal(['ann@example.com']);
  });

  it('without files, one POST with the attendees, as before', async () => {
    const body = await sent({ ...base, requiredAttendees: 'ann@example.com' });
    expect(body.attendees).to.have.length(1);
  });
});

describe('Create Event on the emulator: series as Outlook expands them, files, replays', () => {
  const env = emulated();
  const occurrences = async (id, zone = 'Europe/Berlin', window = 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z') => (await env.graph(`/me/events/${encodeURIComponent(id)}/instances?${window}&$top=1000&$select=start`, { headers: { Prefer: `outlook.timezone="${zone}"` } })).body.value.map((o) => o.start.dateTime.slice(0, 16));

  it('weekly on Tuesdays and Thursdays in Berlin keeps 09:00 across the change to summer time (29 March)', async () => {
    const { out } = await env.run('createEvent', { ...base, subject: 'Twice weekly', start: '2026-03-24T09:00:00', end: '2026-03-24T10:00:00', recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4' });
    expect(await occurrences(out.id)).to.deep.equal(['2026-03-24T09:00', '2026-03-26T09:00', '2026-03-31T09:00', '2026-04-02T09:00']);
    expect(await occurrences(out.id, 'UTC')).to.deep.equal(['2026-03-24T08:00', '2026-03-26T08:00', '2026-03-31T07:00', '2026-04-02T07:00']);
    expect(out.recurrence.range).to.include({ type: 'numbered', numberOfOccurrences: 4, recurrenceTimeZone: 'Europe/Berlin' });
  });

  it('monthly on the 31st falls on each month\'s last day; the last weekday of the month; the second Tuesday, in a Windows zone', async () => {
    let { out } = await env.run('createEvent', { ...base, subject: 'Month end', start: '2026-01-31T17:00:00', end: '2026-01-31T18:00:00', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4' });
    expect((await occurrences(out.id)).map((s) => s.slice(0, 10))).to.deep.equal(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    ({ out } = await env.run('createEvent', { ...base, subject: 'Last weekday', start: '2026-01-30T17:00:00', end: '2026-01-30T18:00:00', recurrence: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3' }));
    expect((await occurrences(out.id)).map((s) => s.slice(0, 10))).to.deep.equal(['2026-01-30', '2026-02-27', '2026-03-31']);
    ({ out } = await env.run('createEvent', { ...base, subject: 'Second Tuesday', timeZone: 'Pacific Standard Time', start: '2026-03-10T08:00:00', end: '2026-03-10T09:00:00', recurrence: 'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260601' }));
    expect(await occurrences(out.id, 'Pacific Standard Time')).to.deep.equal(['2026-03-10T08:00', '2026-04-14T08:00', '2026-05-12T08:00']);
    ({ out } = await env.run('createEvent', { ...base, subject: 'Every last day', start: '2026-01-31T12:00:00', end: '2026-01-31T13:00:00', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3' }));
    expect((await occurrences(out.id)).map((s) => s.slice(0, 10))).to.deep.equal(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('an all-day yearly series stays on its date; a daily all-day series of one-day events is accepted', async () => {
    let { out } = await env.run('createEvent', { subject: 'Anniversary', start: '2026-03-10', end: '2026-03-11', isAllDay: true, timeZone: 'America/New_York', recurrence: 'FREQ=YEARLY;COUNT=2' });
    expect(await occurrences(out.id, 'Asia/Tokyo', 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2028-01-01T00:00:00Z')).to.deep.equal(['2026-03-10T00:00', '2027-03-10T00:00']);
    ({ out } = await env.run('createEvent', { subject: 'Offsite', start: '2026-03-10', end: '2026-03-11', isAllDay: true, recurrence: 'FREQ=DAILY;COUNT=3' }));
    expect(await occurrences(out.id)).to.have.length(3);
  });

  it('a replayed message books one series, with the same transactionId', async () => {
    const body = { ...base, subject: 'Replayed series', recurrence: 'FREQ=DAILY;COUNT=5' };
    const first = (await env.run('createEvent', body, env.adele, { id: 'series-replay' })).out;
    const second = (await env.run('createEvent', body, env.adele, { id: 'series-replay' })).out;
    expect(second.id).to.equal(first.id);
    const { data } = await env.run('lookupEvents', { windowStart: '2026-03-01', windowEnd: '2026-04-01', subject: 'Replayed series' });
    expect(data).to.have.length(5);
  });

  it('a small file by POST and a large one (3 MB) by upload session; the attendees get one invitation carrying them; a replay attaches nothing twice', async () => {
    const large = 3 * MiB + 17;
    const storage = nock(STORAGE).persist()
      .get('/menu').reply(200, 'mac and cheese today')
      .get('/deck').reply(200, () => patternBytes(5, 0, large));
    const attachments = {
      'menu.txt': { url: `${STORAGE}/menu`, size: 20, 'content-type': 'text/plain' },
      'deck.pptx': { url: `${STORAGE}/deck`, size: large },
    };
    const body = { ...base, subject: 'Files and invitation', requiredAttendees: env.emu.mailboxes.secondary };
    const first = (await env.run('createEvent', body, env.adele, { id: 'files-replay', attachments })).out;
    const second = (await env.run('createEvent', body, env.adele, { id: 'files-replay', attachments })).out;
    storage.persist(false);
    expect(first.attachments).to.deep.equal([{ name: 'menu.txt', size: 20 }, { name: 'deck.pptx', size: large }]);
    expect(second.id).to.equal(first.id);
    const listed = (await env.graph(`/me/events/${encodeURIComponent(first.id)}/attachments?$select=name,size`)).body.value;
    expect(listed.map((a) => a.name).sort()).to.deep.equal(['deck.pptx', 'menu.txt']);
    const copy = await env.copyOf(first.iCalUId);
    expect((await env.graph(`/me/events/${encodeURIComponent(copy.id)}?$select=hasAttachments`, { as: 'megan' })).body.hasAttachments, 'the invitation carries the files').to.equal(true);
  });

  it('a run that dies after the files, before the invitation (the PATCH failing), is completed by the replay: one event, files once, attendees invited', async () => {
    nock(STORAGE).persist().get('/notes').reply(200, 'Notes');
    const attachments = { 'notes.txt': { url: `${STORAGE}/notes`, size: 5 } };
    const body = { ...base, subject: 'Half done', requiredAttendees: env.emu.mailboxes.secondary };
    env.emu.control.setFaults([{ match: { method: 'PATCH' }, kind: 'status', status: 503, times: 10 }]);
    expect((await failureOf(env.run('createEvent', body, env.adele, { id: 'half-done', attachments }))).statusCode).to.equal(503);
    env.emu.control.clearFaults();
    const { out } = await env.run('createEvent', body, env.adele, { id: 'half-done', attachments });
    const { data } = await env.run('lookupEvents', { windowStart: '2026-03-10', windowEnd: '2026-03-11', subject: 'Half done' });
    expect(data).to.have.length(1);
    expect(data[0].attendees.map((a) => a.emailAddress.address)).to.deep.equal([env.emu.mailboxes.secondary]);
    expect((await env.graph(`/me/events/${encodeURIComponent(out.id)}/attachments?$select=name`)).body.value.map((a) => a.name)).to.deep.equal(['notes.txt']);
  });

  it('a lost answer to the file POST is not repeated blindly: the file is found on the event and not added again', async () => {
    nock(STORAGE).persist().get('/minutes').reply(200, 'Minutes');
    env.emu.control.setFaults([{ match: { method: 'POST', path: '/attachments$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const { out } = await env.run('createEvent', { ...base, subject: 'Lost file answer' }, env.adele, { id: 'lost-file', attachments: { 'minutes.txt': { url: `${STORAGE}/minutes`, size: 7 } } });
    expect((await env.graph(`/me/events/${encodeURIComponent(out.id)}/attachments?$select=name`)).body.value.map((a) => a.name)).to.deep.equal(['minutes.txt']);
  });
});
