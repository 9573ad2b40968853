'use strict';

// calendarView, instances, and occurrences read, changed and deleted by id, over HTTP. The series
// is the weekly lunch of microsoft-graph-docs user-post-events.md (create_event_recurring): Mondays
// 12:00-14:00 Pacific from 4 September to 31 December 2017, across the end of US DST on 5 November.
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');
const { SEEDED_SERIES } = require('../../lib/emulator/seed-series');

const LUNCH = {
  subject: "Let's go for lunch",
  start: { dateTime: '2017-09-04T12:00:00', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2017-09-04T14:00:00', timeZone: 'Pacific Standard Time' },
  recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' } },
};
const window = (start, end) => `startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`;
const OCT_NOV = window('2017-10-23T00:00:00Z', '2017-11-14T00:00:00Z');
const ALL_2017 = window('2017-01-01T00:00:00Z', '2018-01-01T00:00:00Z');
const starts = (items) => items.map((e) => e.start.dateTime);

describe('emulator: calendarView and instances expand recurring series', () => {
  let emu;
  let graph;
  let master;
  withEmulator({ clock: true }, async (env) => {
    ({ emu, graph } = env);
  });
  beforeEach(async () => {
    master = (await graph('/me/events', { method: 'POST', body: LUNCH })).body;
    expect(master.type).to.equal('seriesMaster');
  });

  describe('the window', () => {
    it('is required: without either bound, 400 ErrorInvalidParameter in Graph\'s words, on every calendarView and instances route', async () => {
      const routes = ['/me/calendarView', '/me/calendar/calendarView', `/me/calendars/${(await graph('/me/calendar')).body.id}/calendarView`,
        `/me/events/${master.id}/instances`, `/me/calendar/events/${master.id}/instances`];
      for (const route of routes) {
        for (const query of ['', '?startDateTime=2017-10-23T00:00:00Z', '?endDateTime=2017-10-23T00:00:00Z']) {
          const res = await graph(`${route}${query}`);
          expect(res.status, `${route}${query}`).to.equal(400);
          expect(res.body.error).to.include({
            code: 'ErrorInvalidParameter', message: 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
          });
        }
      }
    });

    it('refuses a malformed bound naming it, e.g. an offset whose + was not URL-encoded (it arrives as a space)', async () => {
      const res = await graph('/me/calendarView?startDateTime=2017-10-23T00:00:00+05:30&endDateTime=2017-10-30T00:00:00Z');
      expect(res.status).to.equal(400);
      expect(res.body.error).to.include({ code: 'ErrorInvalidParameter', message: "The value '2017-10-23T00:00:00 05:30' of parameter 'StartDateTime' is invalid." });
      const end = await graph('/me/calendarView?startDateTime=2017-10-23T00:00:00Z&endDateTime=next%20week');
      expect(end.body.error.message).to.equal("The value 'next week' of parameter 'EndDateTime' is invalid.");
    });

    it('takes offsets, Z, 7 fractional digits, or no offset (UTC), whatever Prefer says; names in any case', async () => {
      const pacific = { Prefer: 'outlook.timezone="Pacific Standard Time"' };
      const forms = [
        window('2017-10-22T17:00:00-07:00', '2017-11-13T16:00:00-08:00'),
        window('2017-10-23T00:00:00.0000000', '2017-11-14T00:00:00.0000000'),
        'StartDateTime=2017-10-23T00:00:00Z&EndDateTime=2017-11-14T00:00:00Z',
      ];
      for (const form of forms) {
        const res = await graph(`/me/calendarView?${form}`, { headers: pacific });
        expect(res.status, form).to.equal(200);
        expect(starts(res.body.value), form).to.deep.equal(['2017-10-23', '2017-10-30', '2017-11-06', '2017-11-13'].map((d) => `${d}T12:00:00.0000000`));
      }
    });

    it('spans at most 1825 days: exactly that is served, a second more is 400 ErrorInvalidRequest', async () => {
      const start = Date.UTC(2017, 0, 1);
      const iso = (ms) => new Date(ms).toISOString();
      const ok = await graph(`/me/calendarView?${window(iso(start), iso(start + 1825 * 86400000))}&$top=1`);
      expect(ok.status).to.equal(200);
      const tooLong = await graph(`/me/calendarView?${window(iso(start), iso(start + 1825 * 86400000 + 1000))}`);
      expect(tooLong.status).to.equal(400);
      expect(tooLong.body.error).to.include({
        code: 'ErrorInvalidRequest',
        message: "Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: 1825",
      });
    });

    it('holds what overlaps it: an occurrence that started before the window, not one that ends where the window starts', async () => {
      // The 23 October occurrence is 19:00Z-21:00Z.
      const inside = await graph(`/me/calendarView?${window('2017-10-23T20:00:00Z', '2017-10-23T20:30:00Z')}`);
      expect(inside.body.value.map((e) => e.subject)).to.deep.equal([LUNCH.subject]);
      const after = await graph(`/me/calendarView?${window('2017-10-23T21:00:00Z', '2017-10-30T19:00:00Z')}`);
      expect(after.body.value).to.deep.equal([]);
    });
  });

  describe('calendarView', () => {
    it('lists occurrences at the series\' wall-clock time across DST (19:00Z, then 20:00Z), no series master, with type, seriesMasterId and originalStart', async () => {
      const res = await graph(`/me/calendarView?${OCT_NOV}`);
      expect(res.status).to.equal(200);
      expect(res.body['@odata.context']).to.match(/\/v1\.0\/\$metadata#users\('[^']+'\)\/calendarView$/);
      const items = res.body.value;
      expect(starts(items)).to.deep.equal(['2017-10-23T19:00', '2017-10-30T19:00', '2017-11-06T20:00', '2017-11-13T20:00'].map((s) => `${s}:00.0000000`));
      expect(items.map((e) => e.end.dateTime.slice(11, 16))).to.deep.equal(['21:00', '21:00', '22:00', '22:00']);
      for (const e of items) {
        expect(e).to.include({ type: 'occurrence', seriesMasterId: master.id, recurrence: null, subject: LUNCH.subject, originalStartTimeZone: 'Pacific Standard Time' });
        expect(e.originalStart).to.equal(`${e.start.dateTime.slice(0, 19)}Z`);
        expect(e.id).to.not.equal(master.id);
        expect(e['@odata.etag']).to.equal(master['@odata.etag']);
        expect(e.iCalUId, 'an iCalUId of its own').to.not.equal(master.iCalUId);
      }
      expect(new Set(items.map((e) => e.id)).size).to.equal(4);
      expect(new Set(items.map((e) => e.iCalUId)).size).to.equal(4);
      // The same occurrences get the same ids on every read.
      expect((await graph(`/me/calendarView?${OCT_NOV}`)).body.value.map((e) => e.id)).to.deep.equal(items.map((e) => e.id));
    });

    it('has the series end where the docs say (Monday 25 December), and renders times in the Prefer zone', async () => {
      const res = await graph(`/me/calendar/calendarView?${ALL_2017}&$top=50`, { headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } });
      expect(res.headers.get('preference-applied')).to.equal('outlook.timezone="Pacific Standard Time"');
      const lunches = res.body.value.filter((e) => e.seriesMasterId === master.id);
      expect(lunches).to.have.length(17);
      expect(lunches[0].start).to.deep.equal({ dateTime: '2017-09-04T12:00:00.0000000', timeZone: 'Pacific Standard Time' });
      expect(lunches.at(-1).start.dateTime).to.equal('2017-12-25T12:00:00.0000000');
      expect(new Set(lunches.map((e) => e.start.dateTime.slice(11)))).to.deep.equal(new Set(['12:00:00.0000000']));
    });

    it('lists single events in the window beside occurrences, ordered by start, and never series masters', async () => {
      const single = await graph('/me/events', { method: 'POST', body: { subject: 'One-off', start: { dateTime: '2017-10-31T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2017-10-31T10:00:00', timeZone: 'UTC' } } });
      const items = (await graph(`/me/calendarView?${OCT_NOV}`)).body.value;
      expect(items.map((e) => [e.subject, e.type])).to.deep.equal([
        [LUNCH.subject, 'occurrence'], [LUNCH.subject, 'occurrence'], ['One-off', 'singleInstance'], [LUNCH.subject, 'occurrence'], [LUNCH.subject, 'occurrence'],
      ]);
      expect(items[2]).to.include({ id: single.body.id, seriesMasterId: null });
      expect(items[2]).to.not.have.property('originalStart');
    });

    it('pages with $top and nextLinks that keep the window, honours $select, $orderby and $filter', async () => {
      const { items, pages } = await pageAll(graph, `/me/calendarView?${ALL_2017}&$top=5&$select=subject,start`);
      expect(pages).to.equal(4);
      expect(items).to.have.length(17);
      expect(Object.keys(items[0]).sort()).to.deep.equal(['@odata.etag', 'id', 'start', 'subject']);
      const first = await graph(`/me/calendarView?${ALL_2017}&$top=5`);
      expect(first.body['@odata.nextLink']).to.include('startDateTime=2017-01-01T00%3A00%3A00Z').and.include('%24skip=5');
      const desc = (await graph(`/me/calendarView?${ALL_2017}&$orderby=start/dateTime desc&$top=2`)).body.value;
      expect(starts(desc)).to.deep.equal(['2017-12-25T20:00:00.0000000', '2017-12-18T20:00:00.0000000']);
      const filtered = await graph(`/me/calendarView?${ALL_2017}&$filter=${encodeURIComponent("start/dateTime ge '2017-12-01T00:00:00' and subject eq 'Let''s go for lunch'")}`);
      expect(starts(filtered.body.value)).to.deep.equal(['04', '11', '18', '25'].map((d) => `2017-12-${d}T20:00:00.0000000`));
      expect((await graph(`/me/calendarView?${ALL_2017}&$select=nope`)).status).to.equal(400);
      expect((await graph(`/me/calendarView?${ALL_2017}&$expand=attachments`)).status).to.equal(400);
    });

    it('serves one calendar by id, the default one under /calendarView, another mailbox by /users/{id}', async () => {
      const calendars = (await graph('/me/calendars')).body.value;
      const mine = await graph(`/me/calendars/${calendars[0].id}/calendarView?${OCT_NOV}`);
      expect(mine.body.value).to.have.length(4);
      expect(mine.body['@odata.context']).to.match(/\/calendars\('[^']+'\)\/calendarView$/);
      expect((await graph(`/me/calendars/${calendars[1].id}/calendarView?${OCT_NOV}`)).body.value).to.deep.equal([]);
      expect((await graph(`/users/${emu.mailboxes.primary}/calendarView?${OCT_NOV}`)).body.value).to.have.length(4);
      expect((await graph(`/users/${emu.mailboxes.secondary}/calendarView?${OCT_NOV}`)).body.value).to.deep.equal([]);
      expect((await graph(`/me/calendars/AAMkAGnotacalendarnotacalendarnotacalendarnotacalendarAAA=/calendarView?${OCT_NOV}`)).status).to.equal(404);
    });
  });

  describe('instances', () => {
    it('lists a series\' occurrences in the window, named by the master in @odata.context, and none for a single event', async () => {
      const res = await graph(`/me/events/${master.id}/instances?${OCT_NOV}&$select=subject,seriesMasterId,type,recurrence,start,end`);
      expect(res.status).to.equal(200);
      expect(res.body['@odata.context']).to.contain(`/events('${encodeURIComponent(master.id)}')/instances(subject,seriesMasterId,type,recurrence,start,end)`);
      expect(starts(res.body.value)).to.deep.equal(starts((await graph(`/me/calendarView?${OCT_NOV}`)).body.value));
      const single = await graph('/me/events', { method: 'POST', body: { subject: 'One-off', start: { dateTime: '2017-10-31T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2017-10-31T10:00:00', timeZone: 'UTC' } } });
      expect((await graph(`/me/events/${single.body.id}/instances?${OCT_NOV}`)).body.value).to.deep.equal([]);
      expect((await graph(`/me/events/AAMkAGnotaneventnotaneventnotaneventnotaneventnotaneventAAA=/instances?${OCT_NOV}`)).status).to.equal(404);
      expect((await graph(`/me/events/nope/instances?${OCT_NOV}`)).body.error.code).to.equal('ErrorInvalidIdMalformed');
    });
  });

  describe('occurrences by id', () => {
    const occurrenceOn = async (day) => (await graph(`/me/calendarView?${ALL_2017}&$top=50`)).body.value.find((e) => e.start.dateTime.startsWith(day));

    it('reads an occurrence under /events, /calendar/events and its calendar; not under another calendar', async () => {
      const o = await occurrenceOn('2017-11-06');
      for (const path of [`/me/events/${o.id}`, `/me/calendar/events/${o.id}`]) {
        const res = await graph(path);
        expect(res.status, path).to.equal(200);
        expect(res.body).to.include({ id: o.id, type: 'occurrence', seriesMasterId: master.id, originalStart: '2017-11-06T20:00:00Z' });
      }
      const team = (await graph('/me/calendars')).body.value[1].id;
      expect((await graph(`/me/calendars/${team}/events/${o.id}`)).status).to.equal(404);
    });

    it('PATCH makes it an exception: moved and renamed, shown where it moved to, the master modified, /events still lists only the master', async () => {
      const o = await occurrenceOn('2017-11-06');
      const before = (await graph(`/me/events/${master.id}`)).body;
      const res = await graph(`/me/events/${o.id}`, {
        method: 'PATCH',
        body: { subject: 'Lunch moved', start: { dateTime: '2017-11-07T13:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2017-11-07T14:00:00', timeZone: 'Pacific Standard Time' } },
      });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ id: o.id, type: 'exception', subject: 'Lunch moved', seriesMasterId: master.id, originalStart: '2017-11-06T20:00:00Z' });
      expect(res.body.start).to.deep.equal({ dateTime: '2017-11-07T21:00:00.0000000', timeZone: 'UTC' });
      const view = (await graph(`/me/calendarView?${OCT_NOV}`)).body.value;
      expect(view.map((e) => [e.start.dateTime.slice(0, 16), e.type, e.subject])).to.deep.equal([
        ['2017-10-23T19:00', 'occurrence', LUNCH.subject], ['2017-10-30T19:00', 'occurrence', LUNCH.subject],
        ['2017-11-07T21:00', 'exception', 'Lunch moved'], ['2017-11-13T20:00', 'occurrence', LUNCH.subject],
      ]);
      const after = (await graph(`/me/events/${master.id}`)).body;
      expect(after.changeKey).to.not.equal(before.changeKey);
      expect(new Set(view.map((e) => e['@odata.etag']))).to.deep.equal(new Set([after['@odata.etag']]));
      expect((await graph(`/me/events/${o.id}`)).body.subject).to.equal('Lunch moved');
      expect((await graph(`/me/events/${master.id}/instances?${OCT_NOV}`)).body.value.map((e) => e.type)).to.deep.equal(['occurrence', 'occurrence', 'exception', 'occurrence']);
      const listed = (await pageAll(graph, '/me/events?$top=100')).items;
      expect(listed.filter((e) => e.subject === 'Lunch moved' || e.id === o.id)).to.deep.equal([]);
      // A window holding only the moved-to time finds it; one holding only its original slot does not.
      expect((await graph(`/me/calendarView?${window('2017-11-07T21:00:00Z', '2017-11-07T21:30:00Z')}`)).body.value.map((e) => e.id)).to.deep.equal([o.id]);
      expect((await graph(`/me/calendarView?${window('2017-11-06T20:00:00Z', '2017-11-06T22:00:00Z')}`)).body.value).to.deep.equal([]);
    });

    it('refuses to move an occurrence to or past the day of its neighbour: 400 ErrorOccurrenceCrossingBoundary, nothing changed', async () => {
      const o = await occurrenceOn('2017-11-06');
      for (const day of ['2017-10-30', '2017-11-13', '2017-11-20']) {
        const res = await graph(`/me/events/${o.id}`, {
          method: 'PATCH', body: { start: { dateTime: `${day}T15:00:00`, timeZone: 'Pacific Standard Time' }, end: { dateTime: `${day}T16:00:00`, timeZone: 'Pacific Standard Time' } },
        });
        expect(res.status, day).to.equal(400);
        expect(res.body.error).to.include({ code: 'ErrorOccurrenceCrossingBoundary', message: 'Modified occurrence is crossing or overlapping adjacent occurrence.' });
      }
      expect((await graph(`/me/events/${o.id}`)).body.type).to.equal('occurrence');
      const recurrence = await graph(`/me/events/${o.id}`, { method: 'PATCH', body: { recurrence: LUNCH.recurrence } });
      expect(recurrence.status).to.equal(400);
    });

    it('DELETE cancels just that occurrence (204): gone from the view, the instances and by id; the range is not extended', async () => {
      const o = await occurrenceOn('2017-11-06');
      const res = await graph(`/me/events/${o.id}`, { method: 'DELETE' });
      expect(res.status).to.equal(204);
      expect(res.body).to.equal(undefined);
      expect(starts((await graph(`/me/calendarView?${OCT_NOV}`)).body.value)).to.deep.equal(['2017-10-23T19:00', '2017-10-30T19:00', '2017-11-13T20:00'].map((s) => `${s}:00.0000000`));
      expect((await graph(`/me/events/${master.id}/instances?${ALL_2017}&$top=50`)).body.value).to.have.length(16);
      expect((await graph(`/me/events/${o.id}`)).status).to.equal(404);
      expect((await graph(`/me/events/${o.id}`, { method: 'DELETE' })).status).to.equal(404);
      expect((await graph(`/me/events/${o.id}`, { method: 'PATCH', body: { subject: 'x' } })).status).to.equal(404);
    });

    it('DELETE of an exception cancels it too; DELETE of the master removes the whole series', async () => {
      const o = await occurrenceOn('2017-11-06');
      const other = await occurrenceOn('2017-10-23');
      await graph(`/me/events/${o.id}`, { method: 'PATCH', body: { subject: 'Lunch moved' } });
      expect((await graph(`/me/events/${o.id}`, { method: 'DELETE' })).status).to.equal(204);
      expect((await graph(`/me/calendarView?${OCT_NOV}`)).body.value.map((e) => e.subject)).to.not.include('Lunch moved');
      expect((await graph(`/me/events/${master.id}`, { method: 'DELETE' })).status).to.equal(204);
      expect((await graph(`/me/events/${master.id}`)).status).to.equal(404);
      expect((await graph(`/me/calendarView?${ALL_2017}`)).body.value).to.deep.equal([]);
      expect((await graph(`/me/events/${other.id}`)).status).to.equal(404);
    });

    it('a change to the series\' time drops its exceptions and deletions (their original starts no longer exist)', async () => {
      const o = await occurrenceOn('2017-11-06');
      await graph(`/me/events/${o.id}`, { method: 'DELETE' });
      await graph(`/me/events/${master.id}`, {
        method: 'PATCH', body: { start: { dateTime: '2017-09-04T11:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2017-09-04T13:00:00', timeZone: 'Pacific Standard Time' } },
      });
      expect(starts((await graph(`/me/calendarView?${OCT_NOV}`)).body.value)).to.deep.equal(['2017-10-23T18:00', '2017-10-30T18:00', '2017-11-06T19:00', '2017-11-13T19:00'].map((s) => `${s}:00.0000000`));
      // A change that leaves the time alone keeps them.
      const again = await occurrenceOn('2017-11-13');
      await graph(`/me/events/${again.id}`, { method: 'DELETE' });
      await graph(`/me/events/${master.id}`, { method: 'PATCH', body: { subject: 'Lunch' } });
      expect((await graph(`/me/calendarView?${OCT_NOV}`)).body.value.map((e) => e.subject)).to.deep.equal(['Lunch', 'Lunch', 'Lunch']);
    });

    it('the control API changes an occurrence as PATCH does, and can mark it cancelled as an attendee\'s copy shows it', async () => {
      const o = await occurrenceOn('2017-11-06');
      const changed = emu.control.updateEvent(o.id, { isCancelled: true });
      expect(changed).to.include({ id: o.id, type: 'exception', isCancelled: true });
      const shown = (await graph(`/me/calendarView?${OCT_NOV}`)).body.value.find((e) => e.id === o.id);
      expect(shown).to.include({ isCancelled: true, type: 'exception' });
    });

    it('obeys fault rules on the new routes', async () => {
      emu.control.setFaults([{ match: { path: '/calendarView$' }, kind: 'status', status: 503, times: 1 }]);
      expect((await graph(`/me/calendarView?${OCT_NOV}`)).status).to.equal(503);
      expect((await graph(`/me/calendarView?${OCT_NOV}`)).status).to.equal(200);
    });
  });
});

describe('emulator: seeded recurring series', () => {
  let graph;
  const NOW = Date.UTC(2026, 10, 27, 7, 0, 0);
  withEmulator({ once: true, clock: NOW }, (env) => ({ graph } = env));
  const days = (n) => new Date(NOW + n * 86400000).toISOString().replace('.000Z', 'Z');

  it('the default calendar holds weekly series in both hemispheres that keep their wall-clock time across the next DST change', async () => {
    // Berlin leaves DST on 25 October 2026 and enters it on 28 March 2027; Sydney enters it on 4 October 2026 and leaves on 4 April 2027.
    const { items } = await pageAll(graph, `/me/calendarView?${window(days(-10), days(180))}&$top=200`);
    for (const [subject, zone] of [[SEEDED_SERIES.weeklyEurope, 'Europe/Berlin'], [SEEDED_SERIES.weeklyAustralia, 'Australia/Sydney']]) {
      const occurrences = items.filter((e) => e.subject === subject);
      expect(occurrences.length, subject).to.be.within(26, 28);
      const wall = new Set(occurrences.map((e) => new Date(`${e.start.dateTime.slice(0, 19)}Z`).toLocaleTimeString('en-GB', { timeZone: zone })));
      expect(wall.size, `${subject}: one wall-clock time`).to.equal(1);
      const utc = new Set(occurrences.map((e) => e.start.dateTime.slice(11, 16)));
      expect(utc.size, `${subject}: two UTC times, either side of the change`).to.equal(2);
    }
  });

  it('holds a monthly series on the 31st that falls on the last day of shorter months', async () => {
    const { items } = await pageAll(graph, `/me/calendarView?${window(days(0), days(200))}&$top=200`);
    const dates = items.filter((e) => e.subject === SEEDED_SERIES.monthEnd).map((e) => e.start.dateTime.slice(0, 10));
    expect(dates).to.deep.equal(['2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
  });

  it('holds a daily series with an exception (moved two hours, renamed) and a deleted occurrence', async () => {
    const { items } = await pageAll(graph, `/me/calendarView?${window(days(-5), days(15))}&$top=200`);
    const daily = items.filter((e) => e.subject.startsWith(SEEDED_SERIES.daily));
    expect(daily).to.have.length(13);
    const exception = daily.find((e) => e.type === 'exception');
    expect(exception.subject).to.equal(SEEDED_SERIES.dailyMoved);
    expect(Date.parse(`${exception.start.dateTime.slice(0, 19)}Z`) - Date.parse(exception.originalStart)).to.equal(2 * 3600000);
    const dates = daily.map((e) => e.start.dateTime.slice(0, 10));
    expect(new Set(dates).size, 'one a day, one day missing').to.equal(13);
    const master = (await graph(`/me/events/${daily[0].seriesMasterId}`)).body;
    expect(master.recurrence.range).to.include({ type: 'numbered', numberOfOccurrences: 14 });
  });
});
