'use strict';

// Get Event and Find Events. Find Events reads calendarView (series expanded, masters left out)
// page by page with the properties it emits, filters subject, organizer and categories itself
// (calendarView's $filter on subject fails on events without one), emits per event or per page
// before reading the next page, and refuses a window Outlook would refuse. Get Event reads one
// event or one occurrence. On the wire and against the emulator.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { watchNetwork } = require('../helpers/network');
const { graphEvent, graphOccurrence } = require('../helpers/graphAnswers');
const lookupEvents = require('../../lib/calendar/lookupEvents');
const getEvent = require('../../lib/calendar/getEvent');
const { EVENT_DETAIL_FIELDS } = require('../../lib/graph/events');
const { emulated } = require('./emulated');

async function find(body, cfg = cfgWith()) {
  const ctx = createContext();
  await lookupEvents.process.call(ctx, { id: 'msg-find', body, headers: {} }, cfg);
  return ctx;
}

describe('Find Events: what reaches Graph, and what is emitted', () => {
  let net;
  afterEach(() => { if (net) net.stop(); net = undefined; });

  it('asks calendarView for the window in UTC, the emitted properties, ordered by start, 100 a page, in the zone given; then follows nextLink', async () => {
    const requests = [];
    const page = (items, next) => ({ value: items, ...(next && { '@odata.nextLink': `${GRAPH}/v1.0/me/calendar/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&$skip=100` }) });
    nock(GRAPH)
      .get('/v1.0/me/calendar/calendarView').query(true).reply(function first(uri) { requests.push({ uri, prefer: this.req.headers.prefer }); return [200, page([graphOccurrence()], true)]; })
      .get('/v1.0/me/calendar/calendarView').query(true).reply(function second(uri) { requests.push({ uri, prefer: this.req.headers.prefer }); return [200, page([graphOccurrence({ id: 'AAMkOccurrence24=' })])]; });
    const ctx = await find({ windowStart: '2026-03-01', windowEnd: '2026-04-01T02:00:00+02:00', timeZone: 'Europe/Berlin' });
    const query = Object.fromEntries(new URL(requests[0].uri, GRAPH).searchParams);
    // Midnight in Berlin (UTC+1 in March) is 23:00 UTC the day before.
    expect(query).to.deep.include({ startDateTime: '2026-02-28T23:00:00Z', endDateTime: '2026-04-01T00:00:00Z', $orderby: 'start/dateTime', $top: '100' });
    expect(query.$select.split(',')).to.have.members([...EVENT_DETAIL_FIELDS]);
    expect(requests.every((r) => r.prefer.includes('outlook.timezone="Europe/Berlin"')), 'every page in the zone').to.equal(true);
    expect(requests[1].uri).to.include('$skip=100');
    expect(ctx.emitted('data').map((d) => d.body.id)).to.deep.equal(['AAMkOccurrence17=', 'AAMkOccurrence24=']);
  });

  it('filters subject (contains, any case), organizer (any case) and categories (any of them) itself, on every page', async () => {
    const events = [
      graphEvent({ id: 'a', subject: 'Quarterly PLANNING', organizer: { emailAddress: { address: 'Ann@Example.com' } }, categories: ['Blue'] }),
      graphEvent({ id: 'b', subject: null, organizer: { emailAddress: { address: 'ann@example.com' } }, categories: ['Blue'] }),
      graphEvent({ id: 'c', subject: 'Planning', organizer: { emailAddress: { address: 'bob@example.com' } }, categories: ['Blue'] }),
      graphEvent({ id: 'd', subject: 'Planning', organizer: { emailAddress: { address: 'ann@example.com' } }, categories: ['Red'] }),
      graphEvent({ id: 'e', subject: 'planning day', organizer: { emailAddress: { address: 'ann@example.com' } }, categories: ['red', 'green'] }),
    ];
    let query;
    nock(GRAPH).get('/v1.0/me/calendar/calendarView').query(true).reply((uri) => { query = Object.fromEntries(new URL(uri, GRAPH).searchParams); return [200, { value: events }]; });
    const ctx = await find({ windowStart: '2026-03-01T00:00:00Z', windowEnd: '2026-03-02T00:00:00Z', subject: 'planning', organizer: 'ANN@example.com', categories: 'Blue, GREEN' });
    expect(ctx.emitted('data').map((d) => d.body.id)).to.deep.equal(['a', 'e']);
    expect(query, 'no $filter: calendarView fails on events without subject').to.not.have.property('$filter');
  });

  it('emitPage: one message per Graph page that has matches, numbered, each emitted before the next page is read', async () => {
    const order = [];
    const ctx = createContext();
    const emit = ctx.emit.bind(ctx);
    ctx.emit = async (event, payload) => { order.push(`emit page ${payload.body.page}`); return emit(event, payload); };
    const page = (ids, next) => ({ value: ids.map((id) => graphEvent({ id })), ...(next && { '@odata.nextLink': `${GRAPH}/v1.0/me/calendar/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&$skip=${next}` }) });
    nock(GRAPH)
      .get('/v1.0/me/calendar/calendarView').query(true).reply(() => { order.push('read 1'); return [200, page(['a', 'b'], 100)]; })
      .get('/v1.0/me/calendar/calendarView').query(true).reply(() => { order.push('read 2'); return [200, page([], 200)]; })
      .get('/v1.0/me/calendar/calendarView').query(true).reply(() => { order.push('read 3'); return [200, page(['c'])]; });
    await lookupEvents.process.call(ctx, { body: { windowStart: '2026-03-01T00:00:00Z', windowEnd: '2026-04-01T00:00:00Z' } }, cfgWith({ emitBehaviour: 'emitPage' }));
    expect(order).to.deep.equal(['read 1', 'emit page 1', 'read 2', 'read 3', 'emit page 2']);
    expect(ctx.emitted('data').map((d) => d.body.results.map((e) => e.id))).to.deep.equal([['a', 'b'], ['c']]);
  });

  it('nothing matching emits nothing; a chosen calendar and another mailbox are in the path', async () => {
    nock(GRAPH).get('/v1.0/users/info@example.com/calendars/AAMkCal%2B1%3D/calendarView').query(true).reply(200, { value: [] });
    const ctx = await find({ windowStart: '2026-03-01', windowEnd: '2026-03-02' }, cfgWith({ mailbox: 'info@example.com', calendarId: 'AAMkCal+1=' }));
    expect(ctx.emitted('data')).to.deep.equal([]);
  });

  it('a window of exactly 1825 days is asked; one second more is refused before any request, as Outlook would refuse it', async () => {
    nock(GRAPH).get('/v1.0/me/calendar/calendarView').query(true).reply(200, { value: [] });
    await find({ windowStart: '2026-01-01T00:00:00Z', windowEnd: '2030-12-31T00:00:00Z' });
    net = watchNetwork();
    const err = await failureOf(find({ windowStart: '2026-01-01T00:00:00Z', windowEnd: '2030-12-31T00:00:01Z' }));
    expect(err.field).to.equal('windowEnd');
    expect(err.message).to.match(/at most 1825 days/);
    expect(net.hits).to.deep.equal([]);
  });

  for (const [label, body, field] of [
    ['no window start', { windowEnd: '2026-03-02' }, 'windowStart'],
    ['no window end', { windowStart: '2026-03-01' }, 'windowEnd'],
    ['an end before the start', { windowStart: '2026-03-02', windowEnd: '2026-03-01' }, 'windowEnd'],
    ['an end equal to the start', { windowStart: '2026-03-02', windowEnd: '2026-03-02' }, 'windowEnd'],
    ['a start in words', { windowStart: 'next week', windowEnd: '2026-03-02' }, 'windowStart'],
    ['a local time the clocks skip', { windowStart: '2026-03-29T02:30:00', windowEnd: '2026-03-30', timeZone: 'Europe/Berlin' }, 'windowStart'],
    ['an unknown zone', { windowStart: '2026-03-01', windowEnd: '2026-03-02', timeZone: 'CEST' }, 'timeZone'],
    ['two organizers', { windowStart: '2026-03-01', windowEnd: '2026-03-02', organizer: 'a@example.com, b@example.com' }, 'organizer'],
    ['a malformed organizer', { windowStart: '2026-03-01', windowEnd: '2026-03-02', organizer: 'ann(at)example.com' }, 'organizer'],
    ['26 categories', { windowStart: '2026-03-01', windowEnd: '2026-03-02', categories: Array.from({ length: 26 }, (_, i) => `c${i}`) }, 'categories'],
  ]) {
    it(`refuses ${label} before any request -> ${field}`, async () => {
      net = watchNetwork();
      const err = await failureOf(find(body));
      expect(err.field.split(/[[.]/)[0]).to.equal(field);
      expect(net.hits).to.deep.equal([]);
    });
  }
});

describe('Get Event: what reaches Graph', () => {
  it('reads the event with the emitted properties, in the zone given', async () => {
    let seen;
    nock(GRAPH).get('/v1.0/me/events/AAMkSeries1%3D').query(true).reply(function read(uri) { seen = { query: new URL(uri, GRAPH).searchParams.get('$select'), prefer: this.req.headers.prefer }; return [200, graphEvent()]; });
    const out = await getEvent.process.call(createContext(), { body: { eventId: 'AAMkSeries1=', timeZone: 'Pacific Standard Time' } }, cfgWith());
    expect(seen.query.split(',')).to.have.members([...EVENT_DETAIL_FIELDS]);
    expect(seen.prefer).to.include('outlook.timezone="Pacific Standard Time"');
    expect(out.body).to.include({ id: 'AAMkSeries1=', subject: 'Planning' });
  });

  it('an event that is gone is an error that says so and names eventId', async () => {
    nock(GRAPH).get(/events/).query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    const err = await failureOf(getEvent.process.call(createContext(), { body: { eventId: 'AAMkGone=' } }, cfgWith()));
    expect(err.statusCode).to.equal(404);
    expect(err.message).to.match(/Outlook has no such event .* Check eventId/);
  });
});

describe('Get Event and Find Events on the emulator', () => {
  const env = emulated();

  it('finds a weekly series across the DST change as occurrences at the same local time, with single events, no master; Get Event reads one by date', async () => {
    const subject = 'Sprint review (find)';
    const series = (await env.run('createEvent', { subject, start: '2026-03-20T09:00:00', end: '2026-03-20T10:00:00', timeZone: 'Europe/Berlin', recurrence: 'FREQ=WEEKLY;COUNT=3' })).out;
    await env.run('createEvent', { subject: `${subject} prep`, start: '2026-03-25', end: '2026-03-26', isAllDay: true, timeZone: 'Europe/Berlin' });
    const { data } = await env.run('lookupEvents', { windowStart: '2026-03-16', windowEnd: '2026-04-06', timeZone: 'Europe/Berlin', subject: 'SPRINT REVIEW' });
    expect(data.map((e) => `${e.type} ${e.start.dateTime} ${e.subject}`)).to.deep.equal([
      `occurrence 2026-03-20T09:00:00.0000000 ${subject}`,
      `singleInstance 2026-03-25T00:00:00.0000000 ${subject} prep`,
      `occurrence 2026-03-27T09:00:00.0000000 ${subject}`,
      `occurrence 2026-04-03T09:00:00.0000000 ${subject}`,
    ]);
    expect(data[2].originalStart, 'after the change to summer time, 09:00 Berlin is 07:00 UTC').to.equal('2026-03-27T08:00:00Z');
    expect(data[3].originalStart).to.equal('2026-04-03T07:00:00Z');
    const one = (await env.run('getEvent', { eventId: series.id, occurrenceStart: '2026-04-03', timeZone: 'America/New_York' })).out;
    expect(one).to.include({ type: 'occurrence', seriesMasterId: series.id });
    expect(one.start).to.deep.equal({ dateTime: '2026-04-03T03:00:00.0000000', timeZone: 'America/New_York' });
  });

  it('emitPage in pages of 100 over 230 matching events, memory one page at a time', async () => {
    for (let i = 0; i < 230; i += 1) {
      env.emu.control.addEvent({ subject: `Bulk find ${i}`, start: { dateTime: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:00:00`, timeZone: 'UTC' }, end: { dateTime: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:30:00`, timeZone: 'UTC' } });
    }
    const { data } = await env.run('lookupEvents', { windowStart: '2026-05-01', windowEnd: '2026-06-01', subject: 'bulk find' }, { ...env.adele, emitBehaviour: 'emitPage' });
    // Graph's pages hold 100 events, seeded ones of the window too; the filter keeps what matches of each.
    expect(data.map((d) => d.page)).to.deep.equal([1, 2, 3]);
    expect(data.every((d) => d.results.length > 0 && d.results.length <= 100)).to.equal(true);
    expect(data.reduce((n, d) => n + d.results.length, 0)).to.equal(230);
    const starts = data.flatMap((d) => d.results.map((e) => e.start.dateTime));
    expect([...starts].sort(), 'ordered by start').to.deep.equal(starts);
  });

  it('finds the invitations Megan received, with her own answer, by organizer', async () => {
    const meeting = (await env.run('createEvent', { subject: 'Invitation to find', start: '2026-03-18T15:00:00Z', end: '2026-03-18T16:00:00Z', requiredAttendees: env.emu.mailboxes.secondary })).out;
    const { data } = await env.run('lookupEvents', { windowStart: '2026-03-18', windowEnd: '2026-03-19', organizer: env.emu.mailboxes.primary.toUpperCase() }, env.megan);
    const found = data.find((e) => e.iCalUId === meeting.iCalUId);
    expect(found).to.deep.include({ isOrganizer: false, responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } });
  });
});
