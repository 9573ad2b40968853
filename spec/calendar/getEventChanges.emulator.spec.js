'use strict';

// Calendar Changes on the emulator, whose calendarView delta expands series into occurrences and
// keeps sync states as Exchange does: events and occurrences created, changed, deleted and
// cancelled; the window moving on by day; Graph losing the state; crashes; replays. Polled the way
// the platform polls (the snapshot handed from one poll to the next), on the emulator's clock.
const { expect } = require('chai');
const { createContext } = require('../helpers/context');
const { manualClock } = require('../emulator/helpers');
const { startEmulator } = require('../../lib/emulator');
const { createSession } = require('../../lib/graph/session');
const trigger = require('../../lib/calendar/getEventChanges');

const ENDPOINTS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const DAY = 86400000;
const ROUTE = 'GET /me/calendarView/delta';

describe('Calendar Changes on the emulator', function () {
  this.timeout(60000);
  let emu;
  let clock;
  let saved;
  let snapshot;
  let cfg;

  beforeEach(async () => {
    clock = manualClock();
    emu = await startEmulator({ now: clock.now, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    saved = ENDPOINTS.map((name) => process.env[name]);
    ENDPOINTS.forEach((name) => { process.env[name] = emu.url; });
    snapshot = {};
    cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', pastDays: 7, futureDays: 30 };
  });
  afterEach(async () => {
    ENDPOINTS.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    await emu.close();
  });

  /** One poll on the last snapshot; the clock moves on a minute first. */
  async function poll(extra = {}, ctx = createContext()) {
    clock.advance(60000);
    await trigger.process.call(ctx, {}, { ...cfg, ...extra }, snapshot);
    const snaps = ctx.emitted('snapshot');
    if (snaps.length) snapshot = snaps[snaps.length - 1];
    return { ctx, changes: ctx.emitted('data').map((d) => d.body) };
  }

  const wall = (ms) => new Date(ms).toISOString().slice(0, 19);
  /** An event `days` from now (UTC day of the clock), an hour long. */
  const event = (subject, days, extra = {}) => {
    const start = Math.floor(clock.now() / DAY) * DAY + days * DAY + 9 * 3600000;
    return emu.control.addEvent({
      subject, start: { dateTime: wall(start), timeZone: 'UTC' }, end: { dateTime: wall(start + 3600000), timeZone: 'UTC' }, ...extra,
    });
  };
  const graph = () => createSession(cfg, createContext());
  const del = async (id) => {
    const res = await fetch(`${emu.url}/v1.0/me/events/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${emu.control.issueTokens().access_token}` } });
    expect(res.status).to.equal(204);
    return res;
  };
  const summary = (changes) => changes.map((c) => `${c.changeType} ${c.event ? c.event.subject : c.id}${c.reason ? ` (${c.reason})` : ''}`);

  it('without a start time the first poll records the calendar; then each event and occurrence change once, deletions and cancellations included', async () => {
    event('Before the trigger', 2);
    expect((await poll()).changes).to.deep.equal([]);
    expect(emu.control.stats().byRoute[ROUTE]).to.equal(1);

    const review = event('Review', 3);
    const first = await poll();
    expect(summary(first.changes)).to.deep.equal(['created Review']);
    expect(first.changes[0]).to.include({ id: review.id });
    expect(first.changes[0].event).to.include({ type: 'singleInstance' });

    emu.control.updateEvent(review.id, { subject: 'Review (room 2)' });
    expect(summary((await poll()).changes)).to.deep.equal(['updated Review (room 2)']);
    expect((await poll()).changes).to.deep.equal([]);

    // A weekly series: each occurrence in the window (30 days ahead: 5 Mondays) on its own.
    const session = graph();
    const monday = new Date(Math.floor(clock.now() / DAY) * DAY + ((8 - new Date(clock.now()).getUTCDay()) % 7 || 7) * DAY).toISOString().slice(0, 10);
    const series = (await session.post(`${session.root}/events`, {
      subject: 'Standup',
      start: { dateTime: `${monday}T09:00:00`, timeZone: 'UTC' },
      end: { dateTime: `${monday}T09:15:00`, timeZone: 'UTC' },
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'noEnd', startDate: monday } },
    })).body;
    const occurrences = (await poll()).changes;
    expect(occurrences.map((c) => c.changeType)).to.deep.equal(Array(occurrences.length).fill('created'));
    expect(occurrences.length).to.be.within(4, 5);
    expect(occurrences.every((c) => c.event.type === 'occurrence' && c.event.seriesMasterId === series.id)).to.equal(true);

    // One occurrence moved, one deleted, one cancelled by the organizer (an attendee's copy).
    emu.control.updateEvent(occurrences[0].id, { subject: 'Standup (moved)' });
    expect((await del(occurrences[1].id)).status).to.equal(204);
    emu.control.updateEvent(occurrences[2].id, { isCancelled: true });
    const changed = await poll();
    expect(summary(changed.changes).sort()).to.deep.equal([
      `deleted ${occurrences[1].id} (deleted)`, 'deleted Standup (cancelled)', 'updated Standup (moved)',
    ].sort());
    expect(changed.changes.find((c) => c.reason === 'cancelled').id).to.equal(occurrences[2].id);

    // Deleted outright: reported once, the cancelled occurrence's deletion is not repeated.
    await del(review.id);
    await del(occurrences[2].id);
    expect((await poll()).changes).to.deep.equal([{ changeType: 'deleted', id: review.id, reason: 'deleted' }]);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('with a start time the first poll emits what was created or changed from then on', async () => {
    emu.control.addEvent({ subject: 'Long ago', createdAt: clock.now() - 10 * DAY, start: { dateTime: wall(clock.now() + DAY), timeZone: 'UTC' }, end: { dateTime: wall(clock.now() + DAY + 3600000), timeZone: 'UTC' } });
    const changed = emu.control.addEvent({ subject: 'Old, changed lately', createdAt: clock.now() - 10 * DAY, start: { dateTime: wall(clock.now() + 2 * DAY), timeZone: 'UTC' }, end: { dateTime: wall(clock.now() + 2 * DAY + 3600000), timeZone: 'UTC' } });
    emu.control.updateEvent(changed.id, { categories: ['Blue category'] });
    event('New', 4);
    const first = await poll({ startTime: new Date(clock.now() - 3600000).toISOString() });
    expect(summary(first.changes).sort()).to.deep.equal(['created New', 'updated Old, changed lately']);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('the window moves on daily: events coming into view at its far end are emitted once as created, nothing already emitted repeats', async () => {
    const far = event('Far ahead, beyond the window', 32);
    event('Inside', 5);
    await poll();
    expect(snapshot.chains.changes.windowEnd).to.match(/T00:00:00Z$/);
    const end = Date.parse(snapshot.chains.changes.windowEnd);
    const emitted = [];
    // Each day, what came into view at the far end (occurrences of the seeded series too), once.
    for (let day = 1; day <= 3; day += 1) {
      clock.advance(DAY);
      const { ctx, changes } = await poll();
      expect(Date.parse(snapshot.chains.changes.windowEnd)).to.equal(end + day * DAY);
      expect(ctx.logs.some((l) => /moves on to/.test(l.message))).to.equal(true);
      for (const change of changes) {
        expect(change.changeType).to.equal('created');
        expect(Date.parse(`${change.event.start.dateTime.slice(0, 19)}Z`)).to.be.within(end + (day - 1) * DAY, end + day * DAY - 1);
      }
      expect(changes.some((c) => c.id === far.id)).to.equal(day === 2);
      emitted.push(...changes.map((c) => c.id));
      expect(Object.keys(snapshot.chains)).to.deep.equal(['changes']);
      expect((await poll()).changes).to.deep.equal([]);
    }
    expect(new Set(emitted).size).to.equal(emitted.length);
  });

  it('an event booked beyond the window is no deletion: nothing until it comes into view, then created and later deleted once each; one moved out is updated, with its new time', async () => {
    const near = event('Moved out of the window', 2, { createdAt: clock.now() - DAY });
    await poll();
    // Graph lists both as removed from the view: one was booked out there, the other moved out.
    const far = event('Booked beyond the window', 32, { createdAt: clock.now() });
    emu.control.updateEvent(near.id, { start: { dateTime: wall(Date.parse(`${near.start.dateTime.slice(0, 19)}Z`) + 40 * DAY), timeZone: 'UTC' }, end: { dateTime: wall(Date.parse(`${near.end.dateTime.slice(0, 19)}Z`) + 40 * DAY), timeZone: 'UTC' } });
    const moved = await poll();
    expect(summary(moved.changes)).to.deep.equal(['updated Moved out of the window']);
    expect(Date.parse(`${moved.changes[0].event.start.dateTime.slice(0, 19)}Z`)).to.be.above(Date.parse(snapshot.chains.changes.windowEnd));
    const seen = [];
    for (let day = 1; day <= 3; day += 1) {
      clock.advance(DAY);
      seen.push(...summary((await poll()).changes.filter((c) => c.id === far.id || c.id === near.id)));
    }
    expect(seen).to.deep.equal(['created Booked beyond the window']);
    await del(far.id);
    expect((await poll()).changes).to.deep.equal([{ changeType: 'deleted', id: far.id, reason: 'deleted' }]);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('a deletion made while the window moves on is reported by the old window\'s last round, after a crash too', async () => {
    const doomed = event('Deleted during the roll', 3);
    const kept = event('Deleted at the same moment, then the poll dies', 4);
    for (const crash of [false, true]) {
      await poll();
      clock.advance(DAY);
      // Deleted just after the window moved on (saved) and before the new window's first request:
      // the new window never lists it, the old window's last round reports it.
      const ctx = createContext();
      let phase = 'rolling';
      ctx.emit = async (kind, payload) => {
        ctx.events.push({ event: kind, payload });
        if (kind !== 'snapshot' || !payload.chains['changes~']) return;
        if (phase === 'rolling' && payload.chains.changes.phase === 'resync') {
          phase = 'rolled';
          await del((crash ? kept : doomed).id);
        } else if (crash && phase === 'rolled' && payload.chains.changes.phase === 'tracking') {
          phase = 'crashed';
          throw new Error('platform restarted');
        }
      };
      const died = await poll({}, ctx).then(() => false, (err) => err.message === 'platform restarted');
      expect(died).to.equal(crash);
      const deletion = { changeType: 'deleted', id: (crash ? kept : doomed).id, reason: 'deleted' };
      // (occurrences of the seeded series come into view at the far end, as created)
      const deletions = (changes) => changes.filter((c) => c.changeType !== 'created');
      if (!crash) {
        expect(deletions(ctx.emitted('data').map((d) => d.body))).to.deep.equal([deletion]);
        continue;
      }
      snapshot = ctx.emitted('snapshot').pop();
      expect(snapshot.chains['changes~']).to.have.property('link');
      expect(deletions(ctx.emitted('data').map((d) => d.body))).to.deep.equal([]);
      expect((await poll()).changes).to.deep.equal([deletion]);
    }
    expect(Object.keys(snapshot.chains)).to.deep.equal(['changes']);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('Graph losing the state (410): the calendar is read again and only what changed in the meantime is emitted', async () => {
    event('Before', 1);
    await poll();
    const early = event('Before the loss', 2);
    expect(summary((await poll()).changes)).to.deep.equal(['created Before the loss']);
    clock.advance(10 * 60000);
    emu.control.expireDeltaTokens({ code: 'syncStateNotFound' });
    event('During the gap', 3);
    emu.control.updateEvent(early.id, { subject: 'Before the loss, changed' });
    const after = await poll();
    expect(summary(after.changes).sort()).to.deep.equal(['created During the gap', 'updated Before the loss, changed']);
    expect(after.ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message).join('\n')).to.match(/HTTP 410 syncStateNotFound\): reading it afresh/);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('a poll that dies halfway through a round of several pages resumes from its page; what it emitted is not emitted again', async () => {
    await poll();
    emu.control.addEvents(2500, { subject: 'Bulk', startAt: clock.now() - 1000, stepMs: 0 });
    const ctx = createContext();
    let data = 0;
    ctx.emit = async (kind, payload) => {
      if (kind === 'data' && ++data === 1500) throw new Error('platform restarted');
      ctx.events.push({ event: kind, payload });
    };
    await poll({}, ctx).catch((err) => expect(err.message).to.equal('platform restarted'));
    const before = ctx.emitted('data').map((d) => d.body.id);
    snapshot = ctx.emitted('snapshot').pop();
    for (const saved of ctx.emitted('snapshot')) expect(JSON.stringify(saved).length).to.be.at.most(4500);
    const after = (await poll()).changes.map((c) => c.id);
    const all = [...before, ...after];
    expect(new Set(all).size).to.equal(2500);
    // Repeats: at most the emissions since the last save (a page boundary or every 25).
    expect(all.length - 2500).to.be.at.most(25);
  });

  it('replays are not emitted again; a chosen calendar is followed on its own path', async () => {
    await poll();
    event('Replayed by Graph', 2);
    expect(summary((await poll()).changes)).to.deep.equal(['created Replayed by Graph']);
    emu.control.replayDelta({ rounds: 1 });
    expect((await poll()).changes).to.deep.equal([]);

    const calendars = (await graph().get('/me/calendars?$select=id,isDefaultCalendar')).body.value;
    const other = calendars.find((c) => !c.isDefaultCalendar);
    snapshot = {};
    cfg.calendarId = other.id;
    emu.control.resetStats();
    await poll();
    emu.control.addEvent({ calendar: other.id, subject: 'In the other calendar', start: { dateTime: wall(clock.now() + DAY), timeZone: 'UTC' }, end: { dateTime: wall(clock.now() + DAY + 3600000), timeZone: 'UTC' } });
    event('In the default calendar', 1);
    expect(summary((await poll()).changes)).to.deep.equal(['created In the other calendar']);
    expect(emu.control.stats().byRoute['GET /me/calendars/{calendarId}/calendarView/delta']).to.equal(2);
  });
});
