'use strict';
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');

const event = (over = {}) => ({
  subject: 'Planning',
  start: { dateTime: '2026-03-10T12:00:00', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2026-03-10T13:00:00', timeZone: 'Pacific Standard Time' },
  ...over,
});

describe('emulator: calendars and events', () => {
  let emu;
  let graph;
  let clock;

  withEmulator({ clock: true }, (env) => ({ emu, graph, clock } = env));

  it('lists two calendars, the default one first, and serves /calendar', async () => {
    const calendars = await graph('/me/calendars');
    expect(calendars.body.value.map((c) => c.name)).to.deep.equal(['Calendar', 'Team Events']);
    const def = await graph('/me/calendar');
    expect(def.body).to.include({ id: calendars.body.value[0].id, isDefaultCalendar: true });
    expect((await graph(`/me/calendars/${calendars.body.value[1].id}`)).body.name).to.equal('Team Events');
  });

  it('the control API adds a calendar (not the default), listed and served; a name taken is refused', async () => {
    const added = emu.control.addCalendar({ name: 'Chaos Changes' });
    expect(added).to.include({ name: 'Chaos Changes', isDefaultCalendar: false });
    const calendars = await graph('/me/calendars');
    expect(calendars.body.value.map((c) => c.name)).to.deep.equal(['Calendar', 'Team Events', 'Chaos Changes']);
    const booked = emu.control.addEvent({ calendar: added.id, subject: 'In it', start: { dateTime: '2026-03-10T12:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-10T13:00:00', timeZone: 'UTC' } });
    expect((await graph(`/me/calendars/${added.id}/events`)).body.value.map((e) => e.id)).to.deep.equal([booked.id]);
    expect(() => emu.control.addCalendar({ name: 'team events' })).to.throw(/already exists/);
    expect(() => emu.control.addCalendar({ name: ' ' })).to.throw(/'name' is required/);
  });

  it('lists single events and series masters with recurrence, times in UTC with 7 fractional digits', async () => {
    const { items } = await pageAll(graph, '/me/events?$top=50');
    expect(items.length).to.be.at.least(30);
    const types = new Set(items.map((e) => e.type));
    expect([...types].sort()).to.deep.equal(['seriesMaster', 'singleInstance']);
    // Series masters: the recurrence complete, as Graph returns it, its range on the dates of the zone the series was booked in.
    for (const master of items.filter((e) => e.type === 'seriesMaster')) {
      expect(master.recurrence.pattern).to.have.all.keys('type', 'interval', 'month', 'dayOfMonth', 'daysOfWeek', 'firstDayOfWeek', 'index');
      expect(master.recurrence.range).to.have.all.keys('type', 'startDate', 'endDate', 'recurrenceTimeZone', 'numberOfOccurrences');
      expect(master.recurrence.range.recurrenceTimeZone).to.equal(master.originalStartTimeZone);
      const local = await graph(`/me/events/${master.id}`, { headers: { Prefer: `outlook.timezone="${master.originalStartTimeZone}"` } });
      expect(master.recurrence.range.startDate, master.subject).to.equal(local.body.start.dateTime.slice(0, 10));
    }
    const e = items.find((x) => !x.isAllDay);
    expect(e.start.dateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
    expect(e.start.timeZone).to.equal('UTC');
    for (const key of ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'subject', 'bodyPreview', 'body', 'start', 'end',
      'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting', 'onlineMeetingProvider', 'onlineMeeting', 'showAs',
      'sensitivity', 'importance', 'type', 'recurrence', 'reminderMinutesBeforeStart', 'categories', 'webLink', 'transactionId',
      'iCalUId', 'isCancelled']) {
      expect(e, key).to.have.property(key);
    }
    const calendars = (await graph('/me/calendars')).body.value;
    const team = await pageAll(graph, `/me/calendars/${calendars[1].id}/events`);
    const main = await pageAll(graph, '/me/calendar/events');
    expect(team.items.length + main.items.length).to.equal(items.length);
    for (const calendar of [team, main]) expect(calendar.items.map((x) => x.type)).to.include('seriesMaster');
  });

  it('creates an event (201), answering in the zone it was booked in, reads it in UTC, and renders it in the Prefer zone', async () => {
    const created = await graph('/me/calendar/events', { method: 'POST', body: event() });
    expect(created.status).to.equal(201);
    // Without outlook.timezone Graph answers a create in the request's zones (user-post-events, example 3) ...
    expect(created.body.start).to.deep.equal({ dateTime: '2026-03-10T12:00:00.0000000', timeZone: 'Pacific Standard Time' });
    expect(created.body.originalStartTimeZone).to.equal('Pacific Standard Time');
    // ... and any read in UTC.
    const read = await graph(`/me/events/${created.body.id}`);
    expect(read.body.start).to.deep.equal({ dateTime: '2026-03-10T19:00:00.0000000', timeZone: 'UTC' }); // PDT is UTC-7 on March 10
    const asked = await graph('/me/events', { method: 'POST', headers: { Prefer: 'outlook.timezone="Tokyo Standard Time"' }, body: event({ subject: 'In Tokyo' }) });
    expect(asked.body.end).to.deep.equal({ dateTime: '2026-03-11T05:00:00.0000000', timeZone: 'Tokyo Standard Time' });
    const inBerlin = await graph(`/me/events/${created.body.id}`, { headers: { Prefer: 'outlook.timezone="Europe/Berlin"' } });
    expect(inBerlin.body.start).to.deep.equal({ dateTime: '2026-03-10T20:00:00.0000000', timeZone: 'Europe/Berlin' });
    expect(inBerlin.headers.get('preference-applied')).to.equal('outlook.timezone="Europe/Berlin"');
    const inPacific = await graph(`/me/events/${created.body.id}`, { headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } });
    expect(inPacific.body.end.dateTime).to.equal('2026-03-10T13:00:00.0000000');
  });

  it('validates start, end and time zones', async () => {
    const cases = [
      [event({ end: undefined }), 'ErrorInvalidRequest'],
      [event({ end: { dateTime: '2026-03-10T11:00:00', timeZone: 'Pacific Standard Time' } }), 'ErrorCalendarEndDateIsEarlierThanStartDate'],
      [event({ start: { dateTime: '2026-03-10T12:00:00', timeZone: 'Mars/Olympus_Mons' } }), 'TimeZoneNotSupportedException'],
      [event({ isAllDay: true }), 'ErrorInvalidRequest'],
      [event({ showAs: 'sleeping' }), 'BadRequest'],
      [event({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] } } }), 'BadRequest'],
      [event({ recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Funday'] }, range: { type: 'noEnd', startDate: '2026-03-10' } } }), 'BadRequest'],
      [event({ recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'endDate', startDate: '2026-03-10' } } }), 'BadRequest'],
    ];
    for (const [body, code] of cases) {
      const res = await graph('/me/events', { method: 'POST', body });
      expect(res.status, code).to.equal(400);
      expect(res.body.error.code).to.equal(code);
    }
    const allDay = await graph('/me/events', {
      method: 'POST',
      body: event({ isAllDay: true, start: { dateTime: '2026-04-01T00:00:00', timeZone: 'Tokyo Standard Time' }, end: { dateTime: '2026-04-02T00:00:00', timeZone: 'Tokyo Standard Time' } }),
    });
    expect(allDay.status).to.equal(201);
    // All-day events float: midnight stays midnight in any zone.
    const shown = await graph(`/me/events/${allDay.body.id}`, { headers: { Prefer: 'outlook.timezone="Eastern Standard Time"' } });
    expect(shown.body.start).to.deep.equal({ dateTime: '2026-04-01T00:00:00.0000000', timeZone: 'Eastern Standard Time' });
  });

  it('reads wall times across DST changes as Exchange does: a skipped time moves forward by the gap, a repeated one is the earlier instant', async () => {
    const utc = { Prefer: 'outlook.timezone="UTC"' };
    const at = (dateTime, timeZone) => ({ dateTime, timeZone });
    const create = (zone, start, end) => graph('/me/events', { method: 'POST', headers: utc, body: event({ start: at(start, zone), end: at(end, zone) }) });
    const cases = [
      // New York springs forward at 02:00 on 8 March 2026: 02:00-02:59 do not exist.
      ['America/New_York', '2026-03-08T01:30:00', '2026-03-08T02:00:00', '2026-03-08T06:30:00', '2026-03-08T07:00:00'],
      ['Eastern Standard Time', '2026-03-08T02:30:00', '2026-03-08T03:30:00', '2026-03-08T07:30:00', '2026-03-08T07:30:00'],
      // ... and falls back at 02:00 on 1 November 2026: 01:00-01:59 happen twice.
      ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T02:00:00', '2026-11-01T05:30:00', '2026-11-01T07:00:00'],
      // Sydney springs forward at 02:00 on 4 October 2026 and falls back at 03:00 on 5 April 2026.
      ['AUS Eastern Standard Time', '2026-10-04T01:30:00', '2026-10-04T02:30:00', '2026-10-03T15:30:00', '2026-10-03T16:30:00'],
      ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-05T03:00:00', '2026-04-04T15:30:00', '2026-04-04T17:00:00'],
    ];
    for (const [zone, start, end, utcStart, utcEnd] of cases) {
      const res = await create(zone, start, end);
      expect(res.status, `${zone} ${start}..${end}: ${JSON.stringify(res.body.error)}`).to.equal(201);
      expect([res.body.start.dateTime, res.body.end.dateTime], `${zone} ${start}..${end}`).to.deep.equal([`${utcStart}.0000000`, `${utcEnd}.0000000`]);
    }
  });

  it('does not create a second event for a repeated transactionId', async () => {
    const body = event({ subject: 'Retried booking', transactionId: 'retry-me-1' });
    const first = await graph('/me/calendars/' + (await graph('/me/calendar')).body.id + '/events', { method: 'POST', body });
    const second = await graph('/me/calendar/events', { method: 'POST', body });
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(second.body.id).to.equal(first.body.id);
    const found = await graph(`/me/events?$filter=${encodeURIComponent("subject eq 'Retried booking'")}`);
    expect(found.body.value).to.have.length(1);
  });

  it('sets onlineMeeting.joinUrl for online meetings, and attendees come back with status', async () => {
    const res = await graph('/me/events', {
      method: 'POST',
      body: event({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', attendees: [{ emailAddress: { address: 'megan.bowen@contoso.example' }, type: 'optional' }] }),
    });
    expect(res.body.onlineMeeting.joinUrl).to.match(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(res.body.attendees[0]).to.deep.equal({
      type: 'optional', status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'Megan Bowen', address: 'megan.bowen@contoso.example' },
    });
    const plain = await graph('/me/events', { method: 'POST', body: event() });
    expect(plain.body.onlineMeeting).to.equal(null);
  });

  it('control updateEvent bumps lastModifiedDateTime and changeKey; filters see the change', async () => {
    const created = emu.control.addEvent(event({ subject: 'Before' }));
    clock.advance(60_000);
    const updated = emu.control.updateEvent(created.id, { subject: 'After', isCancelled: true });
    expect(updated.subject).to.equal('After');
    expect(updated.isCancelled).to.equal(true);
    expect(updated.changeKey).not.to.equal(created.changeKey);
    expect(updated.lastModifiedDateTime > created.lastModifiedDateTime).to.equal(true);
    expect(updated.start).to.deep.equal(created.start);
    expect(updated.originalStartTimeZone).to.equal('Pacific Standard Time');
    const since = new Date(clock.now() - 1000).toISOString();
    const res = await graph(`/me/events?$filter=${encodeURIComponent(`lastModifiedDateTime ge ${since}`)}&$orderby=lastModifiedDateTime asc`);
    expect(res.body.value.map((e) => e.id)).to.deep.equal([created.id]);
  });

  it('PATCHes an event through Graph with create-time validation', async () => {
    const created = (await graph('/me/events', { method: 'POST', headers: { Prefer: 'outlook.timezone="UTC"' }, body: event({ subject: 'Patchable' }) })).body;
    clock.advance(1000);
    const patched = await graph(`/me/events/${created.id}`, { method: 'PATCH', body: { subject: 'Patched', location: { displayName: 'Room 9' } } });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.deep.include({ subject: 'Patched', start: created.start, transactionId: null, iCalUId: created.iCalUId });
    expect(patched.body.location.displayName).to.equal('Room 9');
    expect(patched.body.locations, 'locations follow a new location').to.deep.equal([patched.body.location]);
    const rooms = await graph(`/me/events/${created.id}`, { method: 'PATCH', body: { locations: [{ displayName: 'Room 1' }, { displayName: 'Lobby', address: { city: 'Redmond' } }] } });
    expect(rooms.body.location).to.include({ displayName: 'Room 1; Lobby', uniqueIdType: 'private' });
    expect(rooms.body.locations).to.deep.equal([
      { displayName: 'Room 1', locationType: 'default', uniqueIdType: 'unknown' },
      { displayName: 'Lobby', locationType: 'default', uniqueId: 'Lobby', uniqueIdType: 'private', address: { city: 'Redmond' } },
    ]);
    const renamed = await graph(`/me/events/${created.id}`, { method: 'PATCH', body: { subject: 'Renamed' } });
    expect(renamed.body.locations, 'unchanged by an unrelated PATCH').to.deep.equal(rooms.body.locations);
    expect(patched.body.changeKey).not.to.equal(created.changeKey);
    const bad = await graph(`/me/events/${created.id}`, { method: 'PATCH', body: { end: { dateTime: '2026-03-09T00:00:00', timeZone: 'UTC' } } });
    expect(bad.body.error.code).to.equal('ErrorCalendarEndDateIsEarlierThanStartDate');
  });

  it('filters events on start/dateTime and orders by it', async () => {
    const res = await graph(`/me/events?$filter=${encodeURIComponent("start/dateTime ge '2026-11-27T00:00:00'")}&$orderby=start/dateTime&$top=100`);
    expect(res.status).to.equal(200);
    const starts = res.body.value.map((e) => e.start.dateTime);
    expect(starts.length).to.be.above(0);
    expect([...starts].sort()).to.deep.equal(starts);
    expect(starts.every((s) => s >= '2026-11-27')).to.equal(true);
  });
});
