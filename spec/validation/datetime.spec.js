'use strict';
const { expect } = require('chai');
const {
  parseInstant, parseEventTime, wallTimeToEpoch, epochToWallTime,
} = require('../../lib/validation/datetime');
const { resolveTimeZone } = require('../../lib/validation/timezones');
const { dateTimeLiteral } = require('../../lib/graph/odata');
const { expectInputError } = require('./helpers');

const at = (iso) => Date.parse(iso);
const BERLIN = resolveTimeZone('Europe/Berlin', 'tz');
const W_EUROPE = resolveTimeZone('W. Europe Standard Time', 'tz');
const NEW_YORK = resolveTimeZone('America/New_York', 'tz');
const EASTERN = resolveTimeZone('Eastern Standard Time', 'tz');
const KATHMANDU = resolveTimeZone('Asia/Kathmandu', 'tz');
const SANTIAGO = resolveTimeZone('America/Santiago', 'tz');

describe('validation/datetime', () => {
  describe('parseInstant accepts', () => {
    const cases = [
      ['2026-03-10T12:00:00Z', '2026-03-10T12:00:00.000Z'],
      ['2026-03-10T12:00:00+01:00', '2026-03-10T11:00:00.000Z'],
      ['2026-03-10T12:00:00-05:00', '2026-03-10T17:00:00.000Z'],
      ['2026-03-10T12:00:00+05:45', '2026-03-10T06:15:00.000Z'],
      ['2026-03-10T12:00:00+0545', '2026-03-10T06:15:00.000Z'],
      ['2026-03-10T12:00:00+05', '2026-03-10T07:00:00.000Z'],
      ['2026-03-10T12:00:00-09:30', '2026-03-10T21:30:00.000Z'],
      ['2026-03-10T12:00:00-00:00', '2026-03-10T12:00:00.000Z'],
      ['2026-03-10T12:00:00+14:00', '2026-03-09T22:00:00.000Z'],
      ['2026-03-10T12:00Z', '2026-03-10T12:00:00.000Z'],
      ['2026-03-10T12:00:00.5Z', '2026-03-10T12:00:00.500Z'],
      ['2026-03-10T12:00:00.123Z', '2026-03-10T12:00:00.123Z'],
      ['2026-03-10T12:00:00.1239999Z', '2026-03-10T12:00:00.123Z'],
      ['2026-03-10T12:00:00,25+01:00', '2026-03-10T11:00:00.250Z'],
      ['2026-03-10t12:00:00z', '2026-03-10T12:00:00.000Z'],
      ['2026-03-10 12:00:00Z', '2026-03-10T12:00:00.000Z'],
      ['  2026-03-10T12:00:00Z  ', '2026-03-10T12:00:00.000Z'],
      ['2026-03-10', '2026-03-10T00:00:00.000Z'],
      ['2028-02-29', '2028-02-29T00:00:00.000Z'],
      ['2000-02-29T23:59:59Z', '2000-02-29T23:59:59.000Z'],
      ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
      ['1900-01-01T00:30:00+01:00', '1899-12-31T23:30:00.000Z'],
      ['2999-12-31T23:59:59Z', '2999-12-31T23:59:59.000Z'],
    ];
    for (const [input, expected] of cases) {
      it(JSON.stringify(input), () => expect(new Date(parseInstant(input, 'since')).toISOString()).to.equal(expected));
    }
  });

  describe('parseInstant refuses', () => {
    const cases = [
      ['Feb 29 in a common year', '2026-02-29', ['February 2026 has 28 days']],
      ['Feb 29 in 1900', '1900-02-29T00:00:00Z', ['February 1900 has 28 days']],
      ['Feb 29 in 2100', '2100-02-29', ['February 2100 has 28 days']],
      ['Feb 30 in a leap year', '2028-02-30', ['February 2028 has 29 days']],
      ['April 31', '2026-04-31T10:00:00Z', ['April 2026 has 30 days']],
      ['day 0', '2026-03-00', ['March 2026 has 31 days']],
      ['month 13', '2026-13-01', ['month must be 01 to 12']],
      ['month 0', '2026-00-10', ['month must be 01 to 12']],
      ['hour 24', '2026-03-10T24:00:00Z', ['hours must be 00 to 23']],
      ['minute 60', '2026-03-10T12:60:00Z', ['minutes and seconds 00 to 59']],
      ['a leap second', '2026-03-10T12:00:60Z', ['minutes and seconds 00 to 59']],
      ['offset hours 24', '2026-03-10T12:00:00+24:00', ['offset must be between -23:59 and +23:59']],
      ['offset minutes 60', '2026-03-10T12:00:00+05:60', ['offset must be between']],
      ['a year before 1900', '1899-12-31', ['year must be between 1900 and 2999']],
      ['a year after 2999', '3000-01-01T00:00:00Z', ['year must be between 1900 and 2999']],
      ['a missing offset', '2026-03-10T12:00:00', ['has no UTC offset', 'add Z', '+01:00']],
      ['a missing offset with fraction', '2026-03-10T12:00:00.000', ['has no UTC offset']],
      ['day/month/year', '10/03/2026', ['write the date as YYYY-MM-DD', "'2026-03-10T12:00:00Z'"]],
      ['slashes', '2026/03/10', ['not in ISO 8601 form']],
      ['single-digit month', '2026-3-10', ['not in ISO 8601 form']],
      ['compact digits', '20260310', ['a bare number is not a date']],
      ['a bad offset', '2026-03-10T12:00:00 CET', ['HH:mm:ss followed by Z or +hh:mm']],
      ['trailing text', '2026-03-10T12:00:00Z tomorrow', ['HH:mm:ss followed by Z']],
      ['a word', 'tomorrow', ['not in ISO 8601 form']],
      ['an empty string', '', ['is empty: give a date-time']],
      ['a number', 1773144000000, ['got a number', 'epoch numbers are not accepted']],
      ['null', null, ['got null']],
      ['undefined', undefined, ['got nothing']],
      ['an object', { date: '2026-03-10' }, ['got an object']],
      ['a Date object', new Date(0), ['got an object']],
      ['true', true, ['got the boolean true']],
    ];
    for (const [title, input, fragments] of cases) {
      it(title, () => expectInputError(() => parseInstant(input, 'since'), 'since', fragments));
    }

    it('a long value without echoing it whole', () => {
      const err = expectInputError(() => parseInstant(`2026-03-10T${'9'.repeat(500)}`, 'since'), 'since', ['…']);
      expect(err.message).not.to.include('9'.repeat(101));
    });
  });

  describe('parseEventTime accepts', () => {
    const cases = [
      ['an instant, no zone: UTC', '2026-03-10T12:00:00Z', {}, '2026-03-10T12:00:00', 'UTC', '2026-03-10T12:00:00Z'],
      ['an offset, no zone: UTC', '2026-03-10T12:00:00+05:45', {}, '2026-03-10T06:15:00', 'UTC', '2026-03-10T06:15:00Z'],
      ['an instant into Berlin winter', '2026-03-10T12:00:00Z', { timeZone: BERLIN }, '2026-03-10T13:00:00', 'Europe/Berlin', '2026-03-10T12:00:00Z'],
      ['an instant into Berlin summer', '2026-07-10T12:00:00Z', { timeZone: BERLIN }, '2026-07-10T14:00:00', 'Europe/Berlin', '2026-07-10T12:00:00Z'],
      ['an instant just after the Berlin change', '2026-03-29T01:30:00Z', { timeZone: BERLIN }, '2026-03-29T03:30:00', 'Europe/Berlin', '2026-03-29T01:30:00Z'],
      ['an instant into New York, previous day', '2026-03-10T02:00:00Z', { timeZone: EASTERN }, '2026-03-09T22:00:00', 'Eastern Standard Time', '2026-03-10T02:00:00Z'],
      ['an offset into Kathmandu', '2026-03-10T12:00:00+01:00', { timeZone: KATHMANDU }, '2026-03-10T16:45:00', 'Asia/Kathmandu', '2026-03-10T11:00:00Z'],
      ['fractions of a second dropped', '2026-03-10T12:00:00.999Z', {}, '2026-03-10T12:00:00', 'UTC', '2026-03-10T12:00:00Z'],
      ['a wall time in a Windows zone', '2026-03-10T09:00:00', { timeZone: W_EUROPE }, '2026-03-10T09:00:00', 'W. Europe Standard Time', '2026-03-10T08:00:00Z'],
      ['a wall time without seconds', '2026-03-10T09:00', { timeZone: NEW_YORK }, '2026-03-10T09:00:00', 'America/New_York', '2026-03-10T13:00:00Z'],
      ['a wall time with a fraction', '2026-03-10T09:00:00.0000000', { timeZone: NEW_YORK }, '2026-03-10T09:00:00', 'America/New_York', '2026-03-10T13:00:00Z'],
      ['a Berlin overlap: the earlier instant', '2026-10-25T02:30:00', { timeZone: BERLIN }, '2026-10-25T02:30:00', 'Europe/Berlin', '2026-10-25T00:30:00Z'],
      ['a New York overlap: the earlier instant', '2026-11-01T01:30:00', { timeZone: NEW_YORK }, '2026-11-01T01:30:00', 'America/New_York', '2026-11-01T05:30:00Z'],
      ['a Feb 29 wall time in a leap year', '2028-02-29T10:00:00', { timeZone: BERLIN }, '2028-02-29T10:00:00', 'Europe/Berlin', '2028-02-29T09:00:00Z'],
      ['an all-day date in Berlin', '2026-03-10', { allDay: true, timeZone: BERLIN }, '2026-03-10T00:00:00', 'Europe/Berlin', '2026-03-09T23:00:00Z'],
      ['an all-day date without a zone', '2026-03-10', { allDay: true }, '2026-03-10T00:00:00', 'UTC', '2026-03-10T00:00:00Z'],
      ['an all-day Feb 29', '2028-02-29', { allDay: true, timeZone: EASTERN }, '2028-02-29T00:00:00', 'Eastern Standard Time', '2028-02-29T05:00:00Z'],
      ['an all-day local midnight', '2026-03-10T00:00:00', { allDay: true, timeZone: BERLIN }, '2026-03-10T00:00:00', 'Europe/Berlin', '2026-03-09T23:00:00Z'],
      ['an all-day instant that is midnight in the zone', '2026-03-09T23:00:00Z', { allDay: true, timeZone: BERLIN }, '2026-03-10T00:00:00', 'Europe/Berlin', '2026-03-09T23:00:00Z'],
      ['an all-day UTC midnight', '2026-03-10T00:00:00Z', { allDay: true }, '2026-03-10T00:00:00', 'UTC', '2026-03-10T00:00:00Z'],
      // Chile starts DST at 24:00, so that midnight never happens: the day begins at 01:00.
      ['an all-day date whose midnight the clocks skip', '2026-09-06', { allDay: true, timeZone: SANTIAGO }, '2026-09-06T00:00:00', 'America/Santiago', '2026-09-06T04:00:00Z'],
      ['an all-day date on the Berlin change', '2026-03-29', { allDay: true, timeZone: BERLIN }, '2026-03-29T00:00:00', 'Europe/Berlin', '2026-03-28T23:00:00Z'],
    ];
    for (const [title, input, opts, dateTime, timeZone, instant] of cases) {
      it(title, () => expect(parseEventTime(input, 'start', opts)).to.deep.equal({ dateTime, timeZone, epochMs: at(instant) }));
    }
  });

  describe('parseEventTime refuses', () => {
    const cases = [
      ['a wall time without a zone', '2026-03-10T09:00:00', {}, ['no UTC offset and no time zone is set', 'add Z or an offset', 'choose a time zone']],
      ['an all-day wall time without a zone', '2026-03-10T00:00:00', { allDay: true }, ['no time zone is set']],
      ['a date for a timed event', '2026-03-10', { timeZone: BERLIN }, ['date without a time', 'all-day', "'2026-03-10T09:00:00'"]],
      ['a date for a timed event without a zone', '2026-03-10', {}, ['only all-day events accept']],
      ['an all-day time that is not midnight', '2026-03-10T09:00:00', { allDay: true, timeZone: BERLIN }, ['must start and end at midnight', 'is 2026-03-10T09:00:00 in Europe/Berlin', "'2026-03-10'"]],
      ['an all-day instant that is not midnight in the zone', '2026-03-10T00:00:00Z', { allDay: true, timeZone: BERLIN }, ['is 2026-03-10T01:00:00 in Europe/Berlin']],
      ['an all-day offset that is not midnight in UTC', '2026-03-10T00:00:00+01:00', { allDay: true }, ['is 2026-03-09T23:00:00 in UTC', "'2026-03-09'"]],
      ['an all-day time with seconds', '2026-03-10T00:00:01', { allDay: true, timeZone: W_EUROPE }, ['midnight', 'W. Europe Standard Time']],
      ['a time in the Berlin gap', '2026-03-29T02:30:00', { timeZone: BERLIN }, ['does not exist in Europe/Berlin', 'clocks jump forward', '2026-03-29T03:30:00']],
      ['a time in the New York gap', '2026-03-08T02:15:00', { timeZone: EASTERN }, ['does not exist in America/New_York', '2026-03-08T03:15:00']],
      ['Feb 29 in a common year', '2026-02-29T10:00:00', { timeZone: BERLIN }, ['February 2026 has 28 days']],
      ['an all-day Feb 29 in a common year', '2027-02-29', { allDay: true }, ['February 2027 has 28 days', "'2026-03-10'"]],
      ['garbage', 'next monday', { timeZone: BERLIN }, ['not a valid date-time']],
      ['a number', 20260310, { timeZone: BERLIN }, ['got a number']],
      ['null', null, { allDay: true }, ['got null', 'all-day']],
      ['blank', '  ', {}, ['is empty: give a date and time']],
    ];
    for (const [title, input, opts, fragments] of cases) {
      it(title, () => expectInputError(() => parseEventTime(input, 'end', opts), 'end', fragments));
    }
  });

  describe('wallTimeToEpoch', () => {
    const cases = [
      ['2026-03-10T12:00:00', 'UTC', '2026-03-10T12:00:00Z'],
      ['2026-03-10T12:00:00', 'Europe/Berlin', '2026-03-10T11:00:00Z'],
      ['2026-07-10T12:00:00', 'Europe/Berlin', '2026-07-10T10:00:00Z'],
      ['2026-03-29T01:59:59', 'Europe/Berlin', '2026-03-29T00:59:59Z'],
      ['2026-03-29T03:00:00', 'Europe/Berlin', '2026-03-29T01:00:00Z'],
      ['2026-10-25T02:00:00', 'Europe/Berlin', '2026-10-25T00:00:00Z'],
      ['2026-10-25T02:59:59', 'Europe/Berlin', '2026-10-25T00:59:59Z'],
      ['2026-10-25T03:00:00', 'Europe/Berlin', '2026-10-25T02:00:00Z'],
      ['2026-03-08T01:59:59', 'America/New_York', '2026-03-08T06:59:59Z'],
      ['2026-03-08T03:00:00', 'America/New_York', '2026-03-08T07:00:00Z'],
      ['2026-11-01T01:00:00', 'America/New_York', '2026-11-01T05:00:00Z'],
      ['2026-11-01T02:00:00', 'America/New_York', '2026-11-01T07:00:00Z'],
      ['2026-03-10T12:00', 'Asia/Katmandu', '2026-03-10T06:15:00Z'],
      ['2026-04-05T01:45:00', 'Australia/Lord_Howe', '2026-04-04T14:45:00Z'],
      ['2026-03-10T12:00:00.250', 'UTC', '2026-03-10T12:00:00.250Z'],
      ['2028-02-29T00:00:00', 'America/New_York', '2028-02-29T05:00:00Z'],
    ];
    for (const [wall, iana, instant] of cases) {
      it(`${wall} in ${iana}`, () => expect(wallTimeToEpoch(wall, iana)).to.equal(at(instant)));
    }

    const gaps = [
      ['2026-03-29T02:00:00', 'Europe/Berlin', '2026-03-29T03:00:00'],
      ['2026-03-29T02:59:59', 'Europe/Berlin', '2026-03-29T03:59:59'],
      ['2026-03-08T02:30:00', 'America/New_York', '2026-03-08T03:30:00'],
      ['2026-10-04T02:15:00', 'Australia/Lord_Howe', '2026-10-04T02:45:00'],
      // Samoa skipped 30 December 2011 entirely when it crossed the date line.
      ['2011-12-30T12:00:00', 'Pacific/Apia', '2011-12-31T12:00:00'],
    ];
    for (const [wall, iana, suggestion] of gaps) {
      it(`${wall} in ${iana} falls in a gap`, () => {
        expectInputError(() => wallTimeToEpoch(wall, iana, 'start'), 'start', [`does not exist in ${iana}`, suggestion]);
      });
    }

    const malformed = [
      ['2026-03-10T12:00:00Z', ['not a wall time', 'without Z or an offset']],
      ['2026-03-10T12:00:00+01:00', ['not a wall time']],
      ['2026-03-10', ['not a wall time']],
      ['2026-02-30T12:00:00', ['February 2026 has 28 days']],
      ['noon', ['not in ISO 8601 form']],
    ];
    for (const [wall, fragments] of malformed) {
      it(`refuses ${JSON.stringify(wall)} naming the default field`, () => expectInputError(() => wallTimeToEpoch(wall, 'UTC'), 'dateTime', fragments));
    }

    it('throws a RangeError for a zone Intl does not know', () => {
      expect(() => wallTimeToEpoch('2026-03-10T12:00:00', 'Mars/Base')).to.throw(RangeError);
    });

    it('inverts epochToWallTime through 2026, picking the earlier instant in overlaps', function () {
      this.timeout(60_000); // ~50,000 zone readings: about 2 s alone, 10 s on a loaded machine
      // A 53-minute step lands on every minute-of-hour pattern and inside each transition hour.
      for (const iana of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Katmandu']) {
        for (let t = at('2026-01-01T00:00:00Z'); t < at('2027-01-01T00:00:00Z'); t += 53 * 60_000) {
          const wall = epochToWallTime(t, iana);
          const back = wallTimeToEpoch(wall, iana);
          if (back !== t) {
            expect(back, `${iana} ${wall}`).to.be.below(t);
            expect(t - back, `${iana} ${wall}`).to.be.at.most(3_600_000);
            expect(epochToWallTime(back, iana)).to.equal(wall);
          }
        }
      }
    });
  });

  describe('epochToWallTime', () => {
    const cases = [
      ['2026-03-10T12:00:00Z', 'UTC', '2026-03-10T12:00:00'],
      ['2026-03-10T12:00:00.999Z', 'UTC', '2026-03-10T12:00:00'],
      ['2026-03-10T12:00:00Z', 'Europe/Berlin', '2026-03-10T13:00:00'],
      ['2026-03-29T00:59:59Z', 'Europe/Berlin', '2026-03-29T01:59:59'],
      ['2026-03-29T01:00:00Z', 'Europe/Berlin', '2026-03-29T03:00:00'],
      ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00'],
      ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25T02:30:00'],
      ['2026-01-10T04:59:59Z', 'America/New_York', '2026-01-09T23:59:59'],
      ['2026-01-10T05:00:00Z', 'America/New_York', '2026-01-10T00:00:00'],
      ['2026-03-10T12:00:00Z', 'Asia/Katmandu', '2026-03-10T17:45:00'],
      ['2026-01-01T00:00:00Z', 'Pacific/Kiritimati', '2026-01-01T14:00:00'],
      ['2026-03-10T12:00:00Z', 'Asia/Kolkata', '2026-03-10T17:30:00'],
      ['1950-06-01T00:00:00Z', 'Europe/London', '1950-06-01T01:00:00'],
      ['1969-12-31T23:59:59.500Z', 'UTC', '1969-12-31T23:59:59'],
    ];
    for (const [instant, iana, wall] of cases) {
      it(`${instant} in ${iana}`, () => expect(epochToWallTime(at(instant), iana)).to.equal(wall));
    }

    it('throws a RangeError on NaN', () => {
      expect(() => epochToWallTime(NaN, 'UTC')).to.throw(RangeError);
    });
  });

  describe('dateTimeLiteral', () => {
    const cases = [
      ['2026-03-10T12:00:00Z', '2026-03-10T12:00:00Z'],
      ['2026-03-10T12:00:00.999Z', '2026-03-10T12:00:00Z'],
      ['2026-03-10T12:00:00+01:00', '2026-03-10T11:00:00Z'],
      ['1969-12-31T23:59:59.001Z', '1969-12-31T23:59:59Z'],
      ['2999-12-31T23:59:59Z', '2999-12-31T23:59:59Z'],
    ];
    for (const [instant, literal] of cases) {
      it(`${instant} -> ${literal}`, () => expect(dateTimeLiteral(at(instant))).to.equal(literal));
    }

    it('floors to the second before the epoch too', () => {
      expect(dateTimeLiteral(-1)).to.equal('1969-12-31T23:59:59Z');
    });

    it('agrees with parseInstant', () => {
      expect(dateTimeLiteral(parseInstant('2026-03-10T12:00:00+05:45', 'since'))).to.equal('2026-03-10T06:15:00Z');
    });

    for (const bad of [NaN, Infinity, -Infinity]) {
      it(`throws a RangeError on ${bad}`, () => expect(() => dateTimeLiteral(bad)).to.throw(RangeError, /finite/));
    }
  });
});
