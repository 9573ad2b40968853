'use strict';

// Events Starting Soon on the wire (nock): the first poll asks Graph the time, then lists
// calendarView from then to minutesBefore ahead; later polls list in one request the window the
// last interval suggests, and list what the guess missed; pages go by start time, and by
// nextLink only within one start; all-day events are looked for around their date; every value
// from the configuration reaches the URL encoded; Prefer asks for UTC and immutable ids.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/calendar/getUpcomingEvents');

const T = Date.UTC(2026, 10, 30, 8, 0, 0);
const dated = (ms) => ({ Date: new Date(ms).toUTCString() });
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const MINUTE = 60000;

function occurrence(id, startMs, extra = {}) {
  const wall = (ms) => `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
  return {
    id, type: 'singleInstance', subject: id, isAllDay: false, isCancelled: false, lastModifiedDateTime: '2026-11-01T00:00:00Z',
    start: { dateTime: wall(startMs), timeZone: 'UTC' }, end: { dateTime: wall(startMs + 30 * MINUTE), timeZone: 'UTC' }, ...extra,
  };
}

/** Records every Graph request: path, decoded query, Prefer. `answer(path, query)` returns [status, body, headers]. */
function graph(answer) {
  const seen = [];
  nock(GRAPH).persist().get(/.*/).query(true).reply(function reply(uri) {
    const url = new URL(uri, GRAPH);
    const entry = { path: url.pathname, query: Object.fromEntries(url.searchParams), prefer: this.req.headers.prefer };
    seen.push(entry);
    return answer(entry);
  });
  return seen;
}

async function poll(cfg, snapshot = {}) {
  const ctx = createContext();
  const error = await trigger.process.call(ctx, {}, cfgWith(cfg), snapshot).then(() => undefined, (e) => e);
  return { ctx, error, data: ctx.emitted('data').map((m) => m.body), snapshot: ctx.emitted('snapshot').pop() };
}

describe('Events Starting Soon (getUpcomingEvents) on the wire', () => {
  it('a first poll: the calendar (for Graph\'s clock), then calendarView from now to minutesBefore ahead, in UTC, by start, with the fields it emits', async () => {
    const seen = graph(({ path }) => (path.endsWith('/calendarView')
      ? [200, { value: [occurrence('soon', T + 5 * MINUTE), occurrence('started', T - MINUTE), occurrence('later', T + 31 * MINUTE)] }, dated(T)]
      : [200, { id: 'AAMkCal=' }, dated(T)]));
    const { data, snapshot, error } = await poll({ minutesBefore: 30 });
    expect(error).to.equal(undefined);
    expect(seen.map((r) => r.path)).to.deep.equal(['/v1.0/me/calendar', '/v1.0/me/calendar/calendarView']);
    expect(seen[0].query).to.deep.equal({ $select: 'id' });
    const list = seen[1];
    expect(list.prefer).to.equal('IdType="ImmutableId", outlook.timezone="UTC"');
    expect(list.query).to.deep.equal({
      startDateTime: iso(T), endDateTime: iso(T + 30 * MINUTE + 1000), $select: trigger.UPCOMING_FIELDS.join(','), $orderby: 'start/dateTime', $top: '500',
    });
    expect(data.map((b) => b.id)).to.deep.equal(['soon']);
    expect(snapshot).to.include({ v: 1, at: iso(T), since: iso(T - 2 * MINUTE), from: iso(T), until: iso(T + 30 * MINUTE + 1000), gap: 0 });
    expect(snapshot.seen).to.have.length(8);
  });

  it('a later poll: one request over the window the last interval suggests; nothing emitted twice', async () => {
    const items = [occurrence('soon', T + 5 * MINUTE), occurrence('next', T + 16 * MINUTE)];
    let now = T;
    const seen = graph(({ path }) => (path.endsWith('/calendarView') ? [200, { value: items }, dated(now)] : [200, { id: 'c' }, dated(now)]));
    const first = await poll({});
    now = T + MINUTE;
    const second = await poll({}, first.snapshot);
    expect(seen.slice(2).map((r) => [r.path, r.query.startDateTime, r.query.endDateTime])).to.deep.equal([
      ['/v1.0/me/calendar/calendarView', iso(T - 2 * MINUTE), iso(T + 17 * MINUTE)],
    ]);
    expect(first.data.map((b) => b.id)).to.deep.equal(['soon']);
    expect(second.data.map((b) => b.id)).to.deep.equal(['next']);
    expect(second.snapshot).to.include({ at: iso(T + MINUTE), gap: 60 });
  });

  it('when Graph\'s clock is past the guess (a paused flow), lists what the guess missed, from the grace period on, and logs what it skipped', async () => {
    let now = T;
    const seen = graph(({ path }) => (path.endsWith('/calendarView') ? [200, { value: [] }, dated(now)] : [200, { id: 'c' }, dated(now)]));
    const first = await poll({ graceMinutes: 10 });
    now = T + 3 * 60 * MINUTE;
    const { ctx } = await poll({ graceMinutes: 10 }, first.snapshot);
    expect(seen.slice(2).map((r) => [r.query.startDateTime, r.query.endDateTime])).to.deep.equal([
      [iso(T - 2 * MINUTE), iso(T + 17 * MINUTE)],
      [iso(now - 10 * MINUTE), iso(now + 15 * MINUTE + 1000)],
    ]);
    expect(ctx.logs.find((l) => l.level === 'warn').message).to.include(`No poll covered the starts from ${iso(T + 15 * MINUTE + 1000)} to ${iso(now - 10 * MINUTE)}`);
  });

  it('pages by start time; a page of one start only follows nextLink; duplicates across pages are emitted once', async () => {
    const nine = T + 10 * MINUTE;
    const seen = graph(({ path, query }) => {
      if (!path.endsWith('/calendarView')) return [200, { id: 'c' }, dated(T)];
      if (query.$skip === '2') return [200, { value: [occurrence('c', nine)] }, dated(T)];
      if (query.startDateTime === iso(nine)) {
        return [200, { value: [occurrence('b', nine), occurrence('d', nine)], '@odata.nextLink': `${GRAPH}/v1.0/me/calendar/calendarView?startDateTime=${iso(nine)}&$skip=2` }, dated(T)];
      }
      return [200, { value: [occurrence('a', T + 5 * MINUTE), occurrence('b', nine)], '@odata.nextLink': `${GRAPH}/v1.0/me/calendar/calendarView?$skip=2` }, dated(T)];
    });
    const { data } = await poll({});
    expect(seen.slice(1).map((r) => (r.query.$skip ? `skip ${r.query.$skip}` : `from ${r.query.startDateTime}`))).to.deep.equal([`from ${iso(T)}`, `from ${iso(nine)}`, 'skip 2']);
    expect(data.map((b) => b.id)).to.deep.equal(['a', 'b', 'd', 'c']);
  });

  it('looks for all-day events around a date whose midnight in the chosen zone falls in the window, and only for those', async () => {
    const now = Date.UTC(2026, 10, 30, 22, 50, 0);
    const seen = graph(({ path, query }) => {
      if (!path.endsWith('/calendarView')) return [200, { id: 'c' }, dated(now)];
      if (query.startDateTime.startsWith('2026-12-01T09')) {
        return [200, { value: [
          { ...occurrence('holiday', Date.UTC(2026, 11, 1)), isAllDay: true, end: { dateTime: '2026-12-02T00:00:00.0000000', timeZone: 'UTC' } },
          { ...occurrence('yesterday', Date.UTC(2026, 10, 30)), isAllDay: true },
          occurrence('a timed one', Date.UTC(2026, 11, 1, 10)),
        ] }, dated(now)];
      }
      return [200, { value: [{ ...occurrence('holiday (in the main listing)', Date.UTC(2026, 11, 1)), isAllDay: true }] }, dated(now)];
    });
    const { data } = await poll({ timeZone: 'Europe/Berlin' });
    expect(seen.slice(1).map((r) => r.query.startDateTime)).to.deep.equal([iso(now), '2026-12-01T09:00:00Z']);
    expect(seen[2].query.endDateTime).to.equal('2026-12-01T15:00:00Z');
    expect(data.map((b) => `${b.id} ${b.startsAt} ${b.start.dateTime}`)).to.deep.equal(['holiday 2026-11-30T23:00:00Z 2026-12-01T00:00:00.0000000']);
    nock.cleanAll();
    const utc = graph(() => [200, { value: [] }, dated(now)]);
    await poll({});
    expect(utc.slice(1).map((r) => r.query.startDateTime), 'no midnight UTC within 15 minutes of 22:50').to.deep.equal([iso(now)]);
  });

  it('encodes a chosen calendar and the Mailbox field into the path', async () => {
    const seen = graph(() => [200, { value: [] }, dated(T)]);
    await poll({ calendarId: 'AAMk/cal+1=', mailbox: 'Info+Desk@Contoso.com' });
    expect(seen.map((r) => r.path)).to.deep.equal([
      '/v1.0/users/Info%2BDesk@Contoso.com/calendars/AAMk%2Fcal%2B1%3D',
      '/v1.0/users/Info%2BDesk@Contoso.com/calendars/AAMk%2Fcal%2B1%3D/calendarView',
    ]);
  });

  it('takes a snapshot it does not know (another trigger\'s, a broken one) as a first poll', async () => {
    for (const snapshot of [{ v: 1, from: '2026-11-30T07:00:00Z', seen: {} }, { v: 1, at: 'yesterday' }, 'text', null]) {
      nock.cleanAll();
      const seen = graph(() => [200, { value: [] }, dated(T)]);
      const { error } = await poll({}, snapshot);
      expect(error, JSON.stringify(snapshot)).to.equal(undefined);
      expect(seen[0].path).to.equal('/v1.0/me/calendar');
    }
  });
});
