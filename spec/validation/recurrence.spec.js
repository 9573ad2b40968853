'use strict';

// Recurrence as a designer maps it (RFC 5545 rules, Graph's object or its JSON text) turned into
// Graph's patternedRecurrence, and the table of what is refused before any request, each with an
// error naming the field and what to do. The emulator then expands what is accepted (spec/calendar/
// createEvent.recurrence.spec.js); here the translation and the refusals are pinned.
const { expect } = require('chai');
const { parseRecurrence } = require('../../lib/validation/recurrence');
const { resolveTimeZone, UTC_ZONE } = require('../../lib/validation/timezones');

const HOUR = 3_600_000;
const BERLIN = resolveTimeZone('Europe/Berlin', 'timeZone');
/** A Tuesday, 10 March 2026, a one-hour event in Berlin. */
const CTX = { startDate: '2026-03-10', zone: BERLIN, durationMs: HOUR };
const parse = (value, ctx = {}) => parseRecurrence(value, { ...CTX, ...ctx });
const range = (extra) => ({ startDate: '2026-03-10', recurrenceTimeZone: 'Europe/Berlin', ...extra });

describe('validation/recurrence: the forms a designer maps', () => {
  describe('RFC 5545 rules', () => {
    const ROWS = [
      ['FREQ=DAILY', { type: 'daily', interval: 1 }, { type: 'noEnd' }],
      ['RRULE:FREQ=DAILY;INTERVAL=2;COUNT=10', { type: 'daily', interval: 2 }, { type: 'numbered', numberOfOccurrences: 10 }],
      ['freq=daily;byday=mo,tu,we,th,fr', { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], firstDayOfWeek: 'monday' }, { type: 'noEnd' }],
      ['FREQ=WEEKLY', { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' }, { type: 'noEnd' }],
      ['FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260630', { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'monday' }, { type: 'endDate', endDate: '2026-06-30' }],
      ['FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO;UNTIL=2026-06-30', { type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'], firstDayOfWeek: 'sunday' }, { type: 'endDate', endDate: '2026-06-30' }],
      ['FREQ=MONTHLY', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 10 }, { type: 'noEnd' }],
      ['FREQ=MONTHLY;BYMONTHDAY=31;COUNT=12', { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, { type: 'numbered', numberOfOccurrences: 12 }],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'], index: 'last' }, { type: 'noEnd' }],
      ['FREQ=MONTHLY;BYDAY=2TU', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' }, { type: 'noEnd' }],
      ['FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', { type: 'relativeMonthly', interval: 3, daysOfWeek: ['friday'], index: 'last' }, { type: 'noEnd' }],
      ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], index: 'last' }, { type: 'noEnd' }],
      ['FREQ=YEARLY', { type: 'absoluteYearly', interval: 1, dayOfMonth: 10, month: 3 }, { type: 'noEnd' }],
      ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, { type: 'noEnd' }],
      ['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', { type: 'relativeYearly', interval: 1, daysOfWeek: ['thursday'], index: 'fourth', month: 11 }, { type: 'noEnd' }],
      [' FREQ=WEEKLY ; BYDAY=TU ; ', { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' }, { type: 'noEnd' }],
    ];
    for (const [rule, pattern, rangeParts] of ROWS) {
      it(`${rule.trim()} -> ${pattern.type}${pattern.index ? ` (${pattern.index})` : ''}, ${rangeParts.type}`, () => {
        expect(parse(rule)).to.deep.equal({ pattern, range: range(rangeParts) });
      });
    }

    it('UNTIL as a UTC time is its date in the event\'s zone (23:30 UTC on 30 June is 1 July in Berlin)', () => {
      expect(parse('FREQ=DAILY;UNTIL=20260630T233000Z').range.endDate).to.equal('2026-07-01');
      expect(parse('FREQ=DAILY;UNTIL=20260630T233000Z', { zone: UTC_ZONE }).range).to.deep.equal({ type: 'endDate', startDate: '2026-03-10', recurrenceTimeZone: 'UTC', endDate: '2026-06-30' });
    });

    it('counts the range in the event\'s own zone, Windows names included', () => {
      const pacific = resolveTimeZone('Pacific Standard Time', 'timeZone');
      expect(parse('FREQ=WEEKLY;BYDAY=TU', { zone: pacific }).range.recurrenceTimeZone).to.equal('Pacific Standard Time');
    });
  });

  describe("Graph's object, and its JSON text", () => {
    it('takes the object as the Graph documentation writes it, enum values in any case, and fills startDate and the zone', () => {
      const given = { Pattern: { Type: 'Weekly', Interval: '2', DaysOfWeek: ['MONDAY', 'monday', 'Friday'], FirstDayOfWeek: 'Sunday' }, range: { type: 'EndDate', endDate: '2026-06-30' } };
      expect(parse(given)).to.deep.equal({
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'friday'], firstDayOfWeek: 'sunday' },
        range: range({ type: 'endDate', endDate: '2026-06-30' }),
      });
    });

    it('takes the JSON text of it, and days as comma-separated text', () => {
      const text = '{"pattern": {"type": "relativeMonthly", "interval": 1, "daysOfWeek": "thursday", "index": "last"}, "range": {"type": "numbered", "numberOfOccurrences": 6, "startDate": "2026-03-10"}}';
      expect(parse(text)).to.deep.equal({
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], firstDayOfWeek: 'sunday', index: 'last' },
        range: range({ type: 'numbered', numberOfOccurrences: 6 }),
      });
    });

    it('keeps a recurrenceTimeZone given, in Graph\'s spelling', () => {
      expect(parse({ pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', recurrenceTimeZone: 'w. europe standard time' } }).range.recurrenceTimeZone).to.equal('W. Europe Standard Time');
    });

    it('nothing given is a single event', () => {
      for (const value of [undefined, null, '', '   ']) expect(parse(value)).to.equal(undefined);
    });
  });

  describe('refused before any request, naming the field and the fix', () => {
    const ROWS = [
      // [label, value, field, what the message says, context]
      ['weekly without days (object)', { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd' } }, 'recurrence.pattern.daysOfWeek', /needs the days/],
      ['weekly with an empty day list', { pattern: { type: 'weekly', interval: 1, daysOfWeek: [] }, range: { type: 'noEnd' } }, 'recurrence.pattern.daysOfWeek', /needs the days/],
      ['relativeMonthly without days', { pattern: { type: 'relativeMonthly', interval: 1, index: 'first' }, range: { type: 'noEnd' } }, 'recurrence.pattern.daysOfWeek', /needs the days/],
      ['absoluteMonthly without its day', { pattern: { type: 'absoluteMonthly', interval: 1 }, range: { type: 'noEnd' } }, 'recurrence.pattern.dayOfMonth', /day of the month/],
      ['absoluteYearly without its month', { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 3 }, range: { type: 'noEnd' } }, 'recurrence.pattern.month', /needs the month/],
      ['day 31 in a February-only yearly series', { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 31, month: 2 }, range: { type: 'noEnd' } }, 'recurrence', /February never has a day 31/],
      ['30 February as a rule', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'recurrence', /February never has a day 30/],
      ['31 April as a rule', 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31', 'recurrence', /April never has a day 31.*up to 30/],
      ['an end date before the start date', 'FREQ=DAILY;UNTIL=20260309', 'recurrence', /ends on 2026-03-09, before the event's start date 2026-03-10/],
      ['an object end date before the start date', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', endDate: '2026-01-01' } }, 'recurrence', /before the event's start date/],
      ['an endDate range without its date', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate' } }, 'recurrence.range.endDate', /needs the last date/],
      ['a numbered range without a number', { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered' } }, 'recurrence.range.numberOfOccurrences', /needs the number/],
      ['1000 occurrences', 'FREQ=DAILY;COUNT=1000', 'recurrence', /COUNT=1000: use a whole number from 1 to 999/],
      ['0 occurrences', { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 0 } }, 'recurrence.range.numberOfOccurrences', /from 1 to 999/],
      ['a startDate other than the event\'s', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-11' } }, 'recurrence.range.startDate', /must be the event's start date, 2026-03-10/],
      ['COUNT with UNTIL', 'FREQ=DAILY;COUNT=3;UNTIL=20260630', 'recurrence', /COUNT or UNTIL, not both/],
      ['an interval of 0', 'FREQ=DAILY;INTERVAL=0', 'recurrence', /INTERVAL=0: use a whole number from 1 to 999/],
      ['every 100 weeks', 'FREQ=WEEKLY;INTERVAL=100', 'recurrence', /1 to 99/],
      ['every 1000 days', { pattern: { type: 'daily', interval: 1000 }, range: { type: 'noEnd' } }, 'recurrence.pattern.interval', /from 1 to 999/],
      ['hourly', 'FREQ=HOURLY', 'recurrence', /daily, weekly, monthly or yearly/],
      ['no FREQ', 'BYDAY=MO', 'recurrence', /needs FREQ/],
      ['BYHOUR', 'FREQ=DAILY;BYHOUR=9', 'recurrence', /cannot repeat an event by hours/],
      ['BYWEEKNO', 'FREQ=YEARLY;BYWEEKNO=20', 'recurrence', /by week numbers/],
      ['an unknown part', 'FREQ=DAILY;FOO=1', 'recurrence', /not a part/],
      ['a part twice', 'FREQ=DAILY;FREQ=WEEKLY', 'recurrence', /given twice/],
      ['a part without a value', 'FREQ=DAILY;COUNT', 'recurrence', /NAME=VALUE/],
      ['a bad day', 'FREQ=WEEKLY;BYDAY=MON', 'recurrence', /SU, MO, TU/],
      ['a fifth Monday', 'FREQ=MONTHLY;BYDAY=5MO', 'recurrence', /first to fourth.*last/],
      ['two positions in BYDAY', 'FREQ=MONTHLY;BYDAY=1MO,2TU', 'recurrence', /one position in the month/],
      ['BYDAY without a position, monthly', 'FREQ=MONTHLY;BYDAY=TU', 'recurrence', /needs a position/],
      ['BYDAY with a position, weekly', 'FREQ=WEEKLY;BYDAY=2TU', 'recurrence', /needs FREQ=MONTHLY or FREQ=YEARLY/],
      ['BYDAY and BYMONTHDAY together', 'FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=3', 'recurrence', /not both/],
      ['BYMONTH on a monthly rule', 'FREQ=MONTHLY;BYMONTH=3', 'recurrence', /BYMONTH needs FREQ=YEARLY/],
      ['two months', 'FREQ=YEARLY;BYMONTH=3,4', 'recurrence', /one month from 1 to 12/],
      ['BYMONTHDAY=0', 'FREQ=MONTHLY;BYMONTHDAY=0', 'recurrence', /names no day/],
      ['BYSETPOS without BYDAY', 'FREQ=MONTHLY;BYSETPOS=1', 'recurrence', /BYSETPOS needs BYDAY/],
      ['daily with days and an interval', 'FREQ=DAILY;INTERVAL=2;BYDAY=MO', 'recurrence', /cannot combine it with an INTERVAL/],
      ['UNTIL on a day that does not exist', 'FREQ=DAILY;UNTIL=20260230', 'recurrence', /not a date of the calendar/],
      ['UNTIL in words', 'FREQ=DAILY;UNTIL=june', 'recurrence', /use a date such as 20260630/],
      ['an unknown pattern type', { pattern: { type: 'hourly', interval: 1 }, range: { type: 'noEnd' } }, 'recurrence.pattern.type', /must be one of daily, weekly/],
      ['an unknown range type', { pattern: { type: 'daily', interval: 1 }, range: { type: 'forever' } }, 'recurrence.range.type', /must be one of endDate, noEnd, numbered/],
      ['no pattern', { range: { type: 'noEnd' } }, 'recurrence.pattern', /is required as an object/],
      ['no range', { pattern: { type: 'daily', interval: 1 } }, 'recurrence.range', /is required as an object/],
      ['an unknown day', { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['moonday'] }, range: { type: 'noEnd' } }, 'recurrence.pattern.daysOfWeek[0]', /must be one of sunday/],
      ['an unknown week index', { pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'fifth' }, range: { type: 'noEnd' } }, 'recurrence.pattern.index', /first, second, third, fourth, last/],
      ['a bad end date', { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', endDate: '30/06/2026' } }, 'recurrence.range.endDate', /a date such as 2026-06-30/],
      ['an unknown recurrenceTimeZone', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', recurrenceTimeZone: 'Mars/Base' } }, 'recurrence.range.recurrenceTimeZone', /not a known time zone/],
      ['broken JSON', '{"pattern": ', 'recurrence', /not valid JSON/],
      ['a JSON list', '{}', 'recurrence.pattern', /is required/],
      ['a number', 7, 'recurrence', /rule as text or Graph's recurrence object/],
      ['a list', ['FREQ=DAILY'], 'recurrence', /rule as text or Graph's recurrence object/],
      // Outlook refuses occurrences that overlap: each must end before the next starts.
      ['a two-day event repeated daily', 'FREQ=DAILY', 'recurrence', /lasts 2 day\(s\) but occurrences can be 1 day\(s\) apart/, { durationMs: 48 * HOUR }],
      ['a 25-hour event on Mondays and Tuesdays', 'FREQ=WEEKLY;BYDAY=MO,TU', 'recurrence', /lasts 25 hour\(s\).*overlap/, { durationMs: 25 * HOUR }],
      ['an 8-day event weekly', { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'] }, range: { type: 'noEnd' } }, 'recurrence', /overlap/, { durationMs: 8 * 24 * HOUR }],
      ['a 30-day event monthly', 'FREQ=MONTHLY', 'recurrence', /overlap/, { durationMs: 30 * 24 * HOUR }],
    ];
    for (const [label, value, field, says, ctx] of ROWS) {
      it(`${label} -> ${field}`, () => {
        let error;
        try {
          parse(value, ctx);
        } catch (err) {
          error = err;
        }
        expect(error, 'refused').to.be.instanceOf(Error);
        expect(error.name).to.equal('InputError');
        expect(error.field).to.equal(field);
        expect(error.message).to.match(says);
        expect(error.message.startsWith(`${field}: `)).to.equal(true);
      });
    }

    it('accepts the boundaries: 999 occurrences, every 999 days, every 99 weeks, an all-day event repeated daily, a week-long event repeated weekly', () => {
      expect(parse('FREQ=DAILY;COUNT=999').range.numberOfOccurrences).to.equal(999);
      expect(parse('FREQ=DAILY;INTERVAL=999').pattern.interval).to.equal(999);
      expect(parse('FREQ=WEEKLY;INTERVAL=99').pattern.interval).to.equal(99);
      expect(parse('FREQ=DAILY', { durationMs: 24 * HOUR }).pattern.type, 'all day, daily: lasts exactly the gap').to.equal('daily');
      expect(parse('FREQ=WEEKLY;BYDAY=MO', { durationMs: 7 * 24 * HOUR }).pattern.type).to.equal('weekly');
      expect(parse('FREQ=DAILY;UNTIL=20260310').range.endDate, 'ending on the start date: one occurrence').to.equal('2026-03-10');
      expect(parse('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29').pattern.dayOfMonth, 'a leap day: every fourth year').to.equal(29);
    });

    it('checks the rule alone while the start date is not known yet (an update that keeps the start)', () => {
      expect(() => parseRecurrence('FREQ=WEEKLY;BYDAY=XX', { startDate: undefined, zone: UTC_ZONE })).to.throw(/SU, MO/);
      expect(() => parseRecurrence('FREQ=DAILY;UNTIL=20000101', { startDate: undefined, zone: UTC_ZONE }), 'the end date waits for the start').to.not.throw();
      expect(() => parseRecurrence({ pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-11' } }, { startDate: undefined, zone: UTC_ZONE })).to.not.throw();
    });
  });
});
