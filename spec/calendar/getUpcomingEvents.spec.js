'use strict';

// Events Starting Soon on the emulator: each occurrence once per start time as its start comes
// within minutesBefore, by Graph's clock; moves later and earlier, cancellations, deletions and
// series exceptions; late polls and their grace period; a first poll; all-day events and DST days.
// Crashes, throttling, clocks, the snapshot budget and the wire are in getUpcomingEvents.*.spec.js.
const { expect } = require('chai');
const { upcomingWorld, MINUTE } = require('./upcomingWorld');

const T0 = Date.UTC(2026, 10, 30, 8, 0, 0);
const labels = (data) => data.map((b) => `${b.subject} ${b.startsAt.slice(11, 16)}`);

describe('Events Starting Soon (getUpcomingEvents): what is emitted when', () => {
  let w;
  afterEach(async () => { if (w) await w.close(); w = undefined; });

  /** Polls every minute for `minutes` minutes; returns the labels emitted, with the minute they came at. */
  async function everyMinute(minutes, poll = () => w.poll()) {
    const out = [];
    for (let i = 0; i < minutes; i += 1) {
      const { data, error } = await poll();
      if (error) throw error;
      for (const label of labels(data)) out.push(`${new Date(w.now()).toISOString().slice(11, 16)} ${label}`);
      w.minutes(1);
    }
    return out;
  }

  it('emits an occurrence once, when it comes within 15 minutes of its start, with its times in the chosen zone', async () => {
    w = await upcomingWorld({ start: T0, cfg: { timeZone: 'Europe/Berlin' } });
    w.book('Standup', '2026-11-30T08:30', '2026-11-30T08:45', { location: { displayName: 'Room 1' }, isOnlineMeeting: true });
    expect(await everyMinute(40)).to.deep.equal(['08:15 Standup 08:30']);
    const [body] = w.delivered;
    expect(body).to.include({ subject: 'Standup', startsAt: '2026-11-30T08:30:00Z', endsAt: '2026-11-30T08:45:00Z', minutesToStart: 15, late: false, type: 'singleInstance', isAllDay: false });
    expect(body.start).to.deep.equal({ dateTime: '2026-11-30T09:30:00.0000000', timeZone: 'Europe/Berlin' });
    expect(body.end).to.deep.equal({ dateTime: '2026-11-30T09:45:00.0000000', timeZone: 'Europe/Berlin' });
    expect(body.location).to.include({ displayName: 'Room 1' });
    expect(body.onlineMeeting.joinUrl).to.match(/^https:\/\/teams/);
  });

  it('minutesBefore decides how early; the first poll emits what is already due, not what has started', async () => {
    w = await upcomingWorld({ start: T0, cfg: { minutesBefore: '60' } });
    w.book('Started', '2026-11-30T07:55', '2026-11-30T08:30');
    w.book('In 30 minutes', '2026-11-30T08:30', '2026-11-30T09:00');
    w.book('In 90 minutes', '2026-11-30T09:30', '2026-11-30T10:00');
    const first = await w.poll();
    expect(labels(first.data)).to.deep.equal(['In 30 minutes 08:30']);
    expect(first.data[0].minutesToStart).to.equal(30);
    expect(await everyMinute(40)).to.deep.equal(['08:30 In 90 minutes 09:30']);
  });

  it('emits a meeting again when it is moved to a later time, when its new start comes near; not when only its subject or attendees change', async () => {
    w = await upcomingWorld({ start: T0 });
    const event = w.book('Review', '2026-11-30T08:20', '2026-11-30T09:00');
    expect(await everyMinute(6)).to.deep.equal(['08:05 Review 08:20']);
    w.emu.control.updateEvent(event.id, { subject: 'Review (agenda)', attendees: [{ emailAddress: { address: 'ann@contoso.example' }, type: 'required' }] });
    expect(await everyMinute(3)).to.deep.equal([]);
    w.emu.control.updateEvent(event.id, { subject: 'Review', start: { dateTime: '2026-11-30T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T10:30:00', timeZone: 'UTC' } });
    expect(await everyMinute(120)).to.deep.equal(['09:45 Review 10:00']);
  });

  it('emits a meeting moved earlier at once when its new start is already near, and one moved later but still within the window', async () => {
    w = await upcomingWorld({ start: T0 });
    const early = w.book('Moved earlier', '2026-11-30T09:00', '2026-11-30T09:30');
    const later = w.book('Moved later', '2026-11-30T08:20', '2026-11-30T08:40');
    expect(await everyMinute(6)).to.deep.equal(['08:05 Moved later 08:20']);
    w.emu.control.updateEvent(early.id, { start: { dateTime: '2026-11-30T08:15:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:45:00', timeZone: 'UTC' } });
    w.emu.control.updateEvent(later.id, { start: { dateTime: '2026-11-30T08:25:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:45:00', timeZone: 'UTC' } });
    expect(await everyMinute(30)).to.deep.equal(['08:06 Moved earlier 08:15', '08:10 Moved later 08:25']);
  });

  it('does not emit a cancelled or deleted meeting, nor a cancelled or deleted occurrence of a series; emits the moved exception at its new time, once', async () => {
    w = await upcomingWorld({ start: T0 });
    const cancelled = w.book('Cancelled', '2026-11-30T08:20', '2026-11-30T08:40');
    const deleted = w.book('Deleted', '2026-11-30T08:25', '2026-11-30T08:40');
    const series = w.book('Daily', '2026-11-30T09:00', '2026-11-30T09:15', {
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-11-30', numberOfOccurrences: 4 } },
    });
    w.emu.control.updateEvent(cancelled.id, { isCancelled: true });
    w.emu.control.deleteEvent(deleted.id);
    const view = w.emu.control.calendarView({ mailbox: w.owner, startMs: T0, endMs: T0 + 4 * 24 * 60 * MINUTE }).filter((e) => e.seriesMasterId === series.id);
    expect(view).to.have.length(4);
    w.emu.control.updateEvent(view[1].id, { isCancelled: true });
    w.emu.control.deleteEvent(view[2].id);
    w.emu.control.updateEvent(view[3].id, { subject: 'Daily (moved)', start: { dateTime: '2026-12-03T11:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-03T11:15:00', timeZone: 'UTC' } });
    const seen = [];
    // Every 15 minutes across four days: the series' occurrences come one a day.
    for (let i = 0; i < 4 * 24 * 4; i += 1) {
      const { data, error } = await w.poll();
      if (error) throw error;
      seen.push(...data.map((b) => `${b.subject} ${b.startsAt} ${b.type}`));
      w.minutes(15);
    }
    expect(seen).to.deep.equal(['Daily 2026-11-30T09:00:00Z occurrence', 'Daily (moved) 2026-12-03T11:00:00Z exception']);
    expect(w.delivered.every((b) => b.minutesToStart >= 0 && b.minutesToStart <= 15)).to.equal(true);
  });

  it('an occurrence changed on its own but not moved is not emitted again; a whole series moved is emitted at the new times', async () => {
    w = await upcomingWorld({ start: T0 });
    const series = w.book('Weekly', '2026-11-30T08:10', '2026-11-30T08:30', {
      recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'noEnd', startDate: '2026-11-30' } },
    });
    expect(await everyMinute(2)).to.deep.equal(['08:00 Weekly 08:10']);
    const [occurrence] = w.emu.control.calendarView({ mailbox: w.owner, startMs: T0, endMs: T0 + 60 * MINUTE });
    w.emu.control.updateEvent(occurrence.id, { subject: 'Weekly', location: { displayName: 'Moved room' } });
    expect(await everyMinute(3)).to.deep.equal([]);
    w.emu.control.updateEvent(series.id, { start: { dateTime: '2026-11-30T08:20:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:40:00', timeZone: 'UTC' } });
    expect(await everyMinute(3)).to.deep.equal(['08:05 Weekly 08:20']);
  });

  it('emits a meeting created after the poll that covered its start, and one created just after it started', async () => {
    w = await upcomingWorld({ start: T0 });
    await everyMinute(5);
    w.book('Booked late', '2026-11-30T08:12', '2026-11-30T08:30', { createdAt: w.now() });
    w.book('Ad hoc', '2026-11-30T08:04:30', '2026-11-30T08:30', { createdAt: w.now() });
    const out = await everyMinute(2);
    expect(out).to.deep.equal(['08:05 Ad hoc 08:04', '08:05 Booked late 08:12']);
    expect(w.delivered.find((b) => b.subject === 'Ad hoc')).to.include({ late: true, minutesToStart: -1 });
  });

  it('after a pause, emits marked late what started within the grace period and skips (and logs) what started before', async () => {
    w = await upcomingWorld({ start: T0, cfg: { graceMinutes: 30 } });
    w.book('Long ago', '2026-11-30T08:20', '2026-11-30T08:40');
    w.book('Recently', '2026-11-30T09:10', '2026-11-30T09:40');
    w.book('Soon', '2026-11-30T09:45', '2026-11-30T10:00');
    await w.poll();
    w.minutes(90);
    const { data, logs } = await w.poll();
    expect(labels(data)).to.deep.equal(['Recently 09:10', 'Soon 09:45']);
    expect(data[0]).to.include({ late: true, minutesToStart: -20 });
    expect(data[1]).to.include({ late: false, minutesToStart: 15 });
    const warning = logs.find((l) => l.level === 'warn');
    expect(warning && warning.message).to.match(/No poll covered the starts from 2026-11-30T08:15:01Z to 2026-11-30T09:00:00Z .*more than 30 minutes before this poll, are skipped/);
    expect(labels((await w.poll()).data)).to.deep.equal([]);
  });

  it('grace 0 skips whatever started before the poll; minutesBefore 0 emits at the start', async () => {
    w = await upcomingWorld({ start: T0, cfg: { graceMinutes: '0', minutesBefore: 0 } });
    w.book('At eight ten', '2026-11-30T08:10', '2026-11-30T08:30');
    w.book('At eight thirty', '2026-11-30T08:30:30', '2026-11-30T08:50');
    expect(await everyMinute(20)).to.deep.equal(['08:10 At eight ten 08:10']);
    w.minutes(20);
    expect(await everyMinute(2)).to.deep.equal([]);
  });

  it('all-day events start at midnight of their date in the chosen zone', async () => {
    w = await upcomingWorld({ start: Date.UTC(2026, 10, 30, 22, 0, 0), cfg: { timeZone: 'Europe/Berlin', minutesBefore: 30 } });
    w.book('Holiday', '2026-12-01', '2026-12-02', { isAllDay: true, timeZone: 'UTC', showAs: 'oof' });
    // Berlin midnight of 1 December is 23:00 UTC: due from 22:30.
    const out = await everyMinute(60);
    expect(out).to.deep.equal(['22:30 Holiday 23:00']);
    const [body] = w.delivered;
    expect(body).to.include({ isAllDay: true, startsAt: '2026-11-30T23:00:00Z', endsAt: '2026-12-01T23:00:00Z' });
    expect(body.start).to.deep.equal({ dateTime: '2026-12-01T00:00:00.0000000', timeZone: 'Europe/Berlin' });
  });

  it('on DST days: a daily 02:30 Berlin meeting across the fall-back night and the spring-forward gap, an all-day event on the short day', async () => {
    w = await upcomingWorld({ start: Date.UTC(2026, 9, 24, 0, 0, 0), cfg: { timeZone: 'Europe/Berlin' } });
    w.book('Night shift', '2026-10-24T02:30', '2026-10-24T03:00', {
      timeZone: 'Europe/Berlin',
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-10-24', numberOfOccurrences: 3 } },
    });
    const seen = [];
    for (let i = 0; i < 3 * 24 * 4; i += 1) {
      const { data, error } = await w.poll();
      if (error) throw error;
      seen.push(...data.map((b) => `${b.startsAt} ${b.start.dateTime.slice(0, 16)}`));
      w.minutes(15);
    }
    // 02:30 CEST (+2) on the 24th; on the 25th 02:30 happens twice, the earlier (CEST) counts; CET (+1) on the 26th.
    expect(seen).to.deep.equal(['2026-10-24T00:30:00Z 2026-10-24T02:30', '2026-10-25T00:30:00Z 2026-10-25T02:30', '2026-10-26T01:30:00Z 2026-10-26T02:30']);
    await w.close();

    w = await upcomingWorld({ start: Date.UTC(2027, 2, 27, 20, 0, 0), cfg: { timeZone: 'Europe/Berlin', minutesBefore: 60 } });
    w.book('Gap', '2027-03-28T02:30', '2027-03-28T03:30', { timeZone: 'Europe/Berlin' });
    w.book('Short day', '2027-03-28', '2027-03-29', { isAllDay: true, timeZone: 'UTC' });
    const spring = [];
    for (let i = 0; i < 12 * 4; i += 1) {
      const { data, error } = await w.poll();
      if (error) throw error;
      spring.push(...data.map((b) => `${b.subject} ${b.startsAt} ${b.endsAt}`));
      w.minutes(15);
    }
    // 02:30 does not exist that night: Exchange moves it to 03:30 CEST (01:30 UTC). The all-day day lasts 23 hours.
    expect(spring).to.deep.equal(['Short day 2027-03-27T23:00:00Z 2027-03-28T22:00:00Z', 'Gap 2027-03-28T01:30:00Z 2027-03-28T01:30:00Z']);
  });

  it('works on another mailbox through the Mailbox field, on a chosen calendar, and with an application credential', async () => {
    w = await upcomingWorld({ start: T0 });
    const team = w.emu.control.createSharedMailbox({ address: 'team@contoso.example', displayName: 'Team' });
    w.emu.control.grantMailboxRights({ mailbox: team.mail, user: w.owner, rights: ['fullAccess'] });
    w.emu.control.addEvent({ mailbox: team.mail, subject: 'Team sync', start: { dateTime: '2026-11-30T08:10:00', timeZone: 'UTC' }, end: { dateTime: '2026-11-30T08:30:00', timeZone: 'UTC' }, createdAt: T0 - 86400000 });
    expect(labels((await w.poll({ cfg: { mailbox: team.mail } })).data)).to.deep.equal(['Team sync 08:10']);
    w.snapshot = {};
    const res = await fetch(`${w.emu.url}/v1.0/users/${team.mail}/calendar`, { headers: { Authorization: `Bearer ${w.credential.oauth.access_token}` } });
    const calendarId = (await res.json()).id;
    w.credential = { authType: 'application', tenantId: w.emu.tenantId };
    const app = await w.poll({ cfg: { mailbox: team.mail, calendarId } });
    expect(app.error).to.equal(undefined);
    expect(labels(app.data)).to.deep.equal(['Team sync 08:10']);
  });
});
