'use strict';

// Time zones across the event steps: IANA and Windows names alike, all-day events that float,
// and the two DST days (the skipped hour refused with the time to use, the repeated hour read as
// the earlier instant), for occurrence starts, windows, proposals and moves.
const { expect } = require('chai');
const { parseOccurrenceStart, parseWindow } = require('../../lib/validation/eventRef');
const { resolveTimeZone } = require('../../lib/validation/timezones');
const { failureOf } = require('../helpers/failure');
const { emulated } = require('./emulated');

const zone = (name) => resolveTimeZone(name, 'timeZone');
const iso = (ms) => new Date(ms).toISOString();

describe('event steps and time zones', () => {
  describe('reading local times (pure)', () => {
    it('an occurrence start in IANA and Windows names of the same zone is the same instant', () => {
      const a = parseOccurrenceStart('2026-07-01T09:00:00', zone('Europe/Berlin'));
      const b = parseOccurrenceStart('2026-07-01T09:00:00', zone('W. Europe Standard Time'));
      expect(iso(a.epochMs)).to.equal('2026-07-01T07:00:00.000Z');
      expect(b.epochMs).to.equal(a.epochMs);
    });

    it('the skipped hour of the spring change is refused with the time to use; the repeated hour of the autumn change is the earlier instant', () => {
      expect(() => parseOccurrenceStart('2026-03-29T02:30:00', zone('Europe/Berlin'))).to.throw(/does not exist in Europe\/Berlin.*use 2026-03-29T03:30:00/);
      expect(iso(parseOccurrenceStart('2026-10-25T02:30:00', zone('Europe/Berlin')).epochMs)).to.equal('2026-10-25T00:30:00.000Z');
      expect(() => parseOccurrenceStart('2026-03-08T02:30:00', zone('Pacific Standard Time'))).to.throw(/does not exist in America\/Los_Angeles/);
    });

    it('a window of the spring-change day in Berlin spans 23 hours, of the autumn-change day 25; the southern hemisphere changes the other way', () => {
      const spring = parseWindow('2026-03-29', '2026-03-30', zone('Europe/Berlin'));
      const autumn = parseWindow('2026-10-25', '2026-10-26', zone('W. Europe Standard Time'));
      expect((spring.endMs - spring.startMs) / 3_600_000).to.equal(23);
      expect((autumn.endMs - autumn.startMs) / 3_600_000).to.equal(25);
      const sydney = parseWindow('2026-04-05', '2026-04-06', zone('AUS Eastern Standard Time'));
      expect((sydney.endMs - sydney.startMs) / 3_600_000).to.equal(25);
    });
  });

  describe('on the emulator', () => {
    const env = emulated();

    it('an all-day series floats: found by date whatever zone is asked, shown at midnight in every zone', async () => {
      const series = (await env.run('createEvent', { subject: 'Holiday week', start: '2026-03-28', end: '2026-03-29', isAllDay: true, timeZone: 'Europe/Berlin', recurrence: 'FREQ=DAILY;COUNT=3' })).out;
      for (const timeZone of ['Pacific Standard Time', 'Asia/Tokyo', 'UTC']) {
        const one = (await env.run('getEvent', { eventId: series.id, occurrenceStart: '2026-03-29', timeZone })).out;
        expect(one.start, timeZone).to.deep.equal({ dateTime: '2026-03-29T00:00:00.0000000', timeZone: timeZone === 'UTC' ? 'UTC' : timeZone });
      }
    });

    it('a meeting moved into the repeated hour of the autumn change is booked at the earlier instant and reads back at that wall time', async () => {
      const created = (await env.run('createEvent', { subject: 'Autumn night', start: '2026-10-24T10:00:00', end: '2026-10-24T11:00:00', timeZone: 'Europe/Berlin' })).out;
      const { out } = await env.run('updateEvent', { eventId: created.id, start: '2026-10-25T02:30:00', end: '2026-10-25T03:30:00', timeZone: 'Europe/Berlin' });
      expect(out.start).to.deep.equal({ dateTime: '2026-10-25T02:30:00.0000000', timeZone: 'Europe/Berlin' });
      const utc = (await env.run('getEvent', { eventId: created.id })).out;
      expect(utc.start.dateTime).to.equal('2026-10-25T00:30:00.0000000');
      expect(new Date(`${utc.end.dateTime.slice(0, 19)}Z`) - new Date(`${utc.start.dateTime.slice(0, 19)}Z`), 'two hours of clock time, 03:30 being after the change').to.equal(2 * 3_600_000);
    });

    it('a move into the skipped hour is refused before the PATCH, naming the time to use', async () => {
      const created = (await env.run('createEvent', { subject: 'Spring night', start: '2026-03-28T10:00:00', end: '2026-03-28T11:00:00', timeZone: 'Europe/Berlin' })).out;
      const err = await failureOf(env.run('updateEvent', { eventId: created.id, start: '2026-03-29T02:30:00', end: '2026-03-29T04:00:00', timeZone: 'Europe/Berlin' }));
      expect(err.field).to.equal('start');
      expect(err.message).to.match(/use 2026-03-29T03:30:00/);
      expect((await env.run('getEvent', { eventId: created.id, timeZone: 'Europe/Berlin' })).out.start.dateTime).to.equal('2026-03-28T10:00:00.0000000');
    });

    it('a weekly series in Sydney keeps its local time across the April change there; Find Events in a Windows zone shows it so', async () => {
      await env.run('createEvent', { subject: 'Sydney stand-up', start: '2026-03-30T09:00:00', end: '2026-03-30T09:15:00', timeZone: 'Australia/Sydney', recurrence: 'FREQ=WEEKLY;COUNT=3' });
      const { data } = await env.run('lookupEvents', { windowStart: '2026-03-29', windowEnd: '2026-04-20', timeZone: 'AUS Eastern Standard Time', subject: 'sydney stand-up' });
      expect(data.map((e) => e.start.dateTime)).to.deep.equal(['2026-03-30T09:00:00.0000000', '2026-04-06T09:00:00.0000000', '2026-04-13T09:00:00.0000000']);
      expect(data.map((e) => e.originalStart)).to.deep.equal(['2026-03-29T22:00:00Z', '2026-04-05T23:00:00Z', '2026-04-12T23:00:00Z']);
    });
  });
});
