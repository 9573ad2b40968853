'use strict';

// Recurrence expansion (src/emulator/expand.ts), pure and table-driven. Each row's expectation was
// worked out by hand from the calendar (weekdays, month lengths) and the zone's published DST rules,
// not produced by the code; where Microsoft's documentation gives the answer, the row names it.
// Occurrences are written `UTC start/length in minutes`.
const { expect } = require('chai');
const {
  occurrences, occurrenceAt, instances, occurrenceId, parseOccurrenceId, overlaps,
} = require('../../lib/emulator/expand');
const { readRecurrence } = require('../../lib/emulator/recurrence');
const { graphTimeZone, wallToUtc } = require('../../lib/emulator/timezones');

const asUtc = (wall) => Date.parse(`${wall}Z`);

/** A series master as the emulator stores one: instants, the zone's Graph name, the completed recurrence. */
function series(zone, start, end, recurrence, isAllDay = false) {
  const z = graphTimeZone(zone);
  const at = (wall) => (isAllDay ? asUtc(wall) : wallToUtc(z, asUtc(wall)));
  return { recurrence: readRecurrence(recurrence, z.graphName), startMs: at(start), endMs: at(end), timeZone: z.graphName, isAllDay };
}

const ALL_TIME = { startMs: -Infinity, endMs: Infinity };
const shown = (list) => list.map((o) => `${new Date(o.startMs).toISOString().slice(0, 16)}Z/${(o.endMs - o.startMs) / 60000}`);
const weekly = (daysOfWeek, extra = {}) => ({ type: 'weekly', interval: 1, daysOfWeek, ...extra });
const numbered = (startDate, numberOfOccurrences) => ({ type: 'numbered', startDate, numberOfOccurrences });

const ROWS = [
  {
    name: 'weekly on Mondays until a Sunday end date, across the end of US DST (concepts/outlook-schedule-recurring-events.md: the last occurrence is Monday, December 25)',
    series: series('Pacific Standard Time', '2017-09-04T12:00:00', '2017-09-04T14:00:00',
      { pattern: weekly(['Monday']), range: { type: 'endDate', startDate: '2017-09-04', endDate: '2017-12-31' } }),
    // 12:00 PDT is 19:00Z until the clocks fall back on 5 November 2017, then 12:00 PST is 20:00Z.
    expected: [
      ...['09-04', '09-11', '09-18', '09-25', '10-02', '10-09', '10-16', '10-23', '10-30'].map((d) => `2017-${d}T19:00Z/120`),
      ...['11-06', '11-13', '11-20', '11-27', '12-04', '12-11', '12-18', '12-25'].map((d) => `2017-${d}T20:00Z/120`),
    ],
  },
  {
    name: 'weekly on two days in Berlin across the start of EU DST (29 March 2026): 09:00 stays 09:00',
    series: series('W. Europe Standard Time', '2026-03-23T09:00:00', '2026-03-23T09:30:00',
      { pattern: weekly(['monday', 'friday']), range: { type: 'endDate', startDate: '2026-03-23', endDate: '2026-04-03' } }),
    expected: ['2026-03-23T08:00Z/30', '2026-03-27T08:00Z/30', '2026-03-30T07:00Z/30', '2026-04-03T07:00Z/30'],
  },
  {
    name: 'weekly in Sydney across the end of Australian DST (5 April 2026): 09:00 AEDT (UTC+11), then 09:00 AEST (UTC+10)',
    series: series('AUS Eastern Standard Time', '2026-03-27T09:00:00', '2026-03-27T10:00:00',
      { pattern: weekly(['friday']), range: { type: 'noEnd', startDate: '2026-03-27' } }),
    window: { startMs: asUtc('2026-03-01T00:00:00'), endMs: asUtc('2026-04-12T00:00:00') },
    expected: ['2026-03-26T22:00Z/60', '2026-04-02T22:00Z/60', '2026-04-09T23:00Z/60'],
  },
  {
    name: 'weekly at 02:30 in Sydney on the night DST starts (4 October 2026, 02:00 -> 03:00): the skipped time moves forward by the gap',
    series: series('Australia/Sydney', '2026-09-27T02:30:00', '2026-09-27T03:30:00', { pattern: weekly(['sunday']), range: numbered('2026-09-27', 3) }),
    // 02:30 AEST = 16:30Z the day before; on 4 October 02:30 becomes 03:30 AEDT = 16:30Z and the
    // 03:30 end is that same instant (as a single event booked 02:30-03:30 that night); then 02:30 AEDT = 15:30Z.
    expected: ['2026-09-26T16:30Z/60', '2026-10-03T16:30Z/0', '2026-10-10T15:30Z/60'],
  },
  {
    name: 'weekly at 23:30 in Santiago on the night DST ends (clocks go back at 24:00 on 4 April 2026): the repeated hour is read as its earlier instant',
    series: series('Pacific SA Standard Time', '2026-03-28T23:30:00', '2026-03-29T00:30:00', { pattern: weekly(['saturday']), range: numbered('2026-03-28', 3) }),
    // 23:30 at UTC-3 = 02:30Z; on 4 April 23:30 is the first one (UTC-3) and 00:30 is after the fall-back (UTC-4): 2 hours; then 23:30 UTC-4 = 03:30Z.
    expected: ['2026-03-29T02:30Z/60', '2026-04-05T02:30Z/120', '2026-04-12T03:30Z/60'],
  },
  {
    name: 'daily at 00:30 in Santiago across the start of Chilean DST (00:00 -> 01:00 on 6 September 2026)',
    series: series('America/Santiago', '2026-09-03T00:30:00', '2026-09-03T01:00:00', { pattern: { type: 'daily', interval: 1 }, range: numbered('2026-09-03', 6) }),
    // 00:30 UTC-4 = 04:30Z; on the 6th 00:30 does not exist and becomes 01:30 UTC-3 = 04:30Z, past the 01:00 end; then 00:30 UTC-3 = 03:30Z.
    expected: ['2026-09-03T04:30Z/30', '2026-09-04T04:30Z/30', '2026-09-05T04:30Z/30', '2026-09-06T04:30Z/0', '2026-09-07T03:30Z/30', '2026-09-08T03:30Z/30'],
  },
  {
    name: 'daily at 01:30 in New York across the end of US DST (1 November 2026, 01:00-01:59 twice)',
    series: series('America/New_York', '2026-10-30T01:30:00', '2026-10-30T02:00:00', { pattern: { type: 'daily', interval: 1 }, range: numbered('2026-10-30', 4) }),
    expected: ['2026-10-30T05:30Z/30', '2026-10-31T05:30Z/30', '2026-11-01T05:30Z/90', '2026-11-02T06:30Z/30'],
  },
  {
    name: 'absoluteMonthly on the 31st: short months get their last day (EWS AbsoluteMonthlyRecurrence/DayOfMonth)',
    series: series('UTC', '2026-01-31T10:00:00', '2026-01-31T11:00:00', { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, range: numbered('2026-01-31', 6) }),
    expected: ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'].map((d) => `${d}T10:00Z/60`),
  },
  {
    name: 'absoluteMonthly on the 30th every 2 months through a leap February',
    series: series('UTC', '2027-12-30T10:00:00', '2027-12-30T11:00:00', { pattern: { type: 'absoluteMonthly', interval: 2, dayOfMonth: 30 }, range: numbered('2027-12-30', 3) }),
    expected: ['2027-12-30', '2028-02-29', '2028-04-30'].map((d) => `${d}T10:00Z/60`),
  },
  {
    name: 'relativeMonthly, the last weekday of the month (MS-OXOCAL MonthNth: mask Mon-Fri, N = last)',
    series: series('UTC', '2026-01-30T10:00:00', '2026-01-30T11:00:00', {
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], index: 'last' },
      range: numbered('2026-01-30', 8),
    }),
    // 31 Jan 2026 and 28 Feb are Saturdays, 31 May a Sunday; 31 Aug a Monday.
    expected: ['2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30', '2026-07-31', '2026-08-31'].map((d) => `${d}T10:00Z/60`),
  },
  {
    name: 'relativeMonthly, the last Friday, interval 3',
    series: series('UTC', '2026-01-30T15:00:00', '2026-01-30T16:00:00', {
      pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['friday'], index: 'last' }, range: numbered('2026-01-01', 4),
    }),
    expected: ['2026-01-30', '2026-04-24', '2026-07-31', '2026-10-30'].map((d) => `${d}T15:00Z/60`),
  },
  {
    name: 'relativeMonthly from a start date after that month\'s occurrence (concepts/outlook-schedule-recurring-events.md: first Thursday of every other month from 29 August 2017 first occurs in September)',
    series: series('UTC', '2017-08-29T14:00:00', '2017-08-29T15:00:00', {
      pattern: { type: 'relativeMonthly', interval: 2, daysOfWeek: ['thursday'], index: 'first' }, range: { type: 'noEnd', startDate: '2017-08-29' },
    }),
    limit: 3,
    expected: ['2017-09-07', '2017-11-02', '2018-01-04'].map((d) => `${d}T14:00Z/60`),
  },
  {
    name: 'a numbered range counts occurrences, not weeks',
    series: series('UTC', '2026-03-02T09:00:00', '2026-03-02T09:15:00', { pattern: weekly(['monday', 'wednesday', 'friday']), range: numbered('2026-03-02', 5) }),
    expected: ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11'].map((d) => `${d}T09:00Z/15`),
  },
  {
    name: 'weekly on Sunday and Monday every 2 weeks, weeks starting on Sunday',
    series: series('UTC', '2026-03-01T10:00:00', '2026-03-01T11:00:00', { pattern: weekly(['sunday', 'monday'], { interval: 2 }), range: numbered('2026-03-01', 6) }),
    expected: ['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-16', '2026-03-29', '2026-03-30'].map((d) => `${d}T10:00Z/60`),
  },
  {
    name: 'the same with weeks starting on Monday: Sunday 1 March closes a week, so the pairs are Sunday and the next Monday',
    series: series('UTC', '2026-03-01T10:00:00', '2026-03-01T11:00:00', {
      pattern: weekly(['sunday', 'monday'], { interval: 2, firstDayOfWeek: 'monday' }), range: numbered('2026-03-01', 5),
    }),
    expected: ['2026-03-01', '2026-03-09', '2026-03-15', '2026-03-23', '2026-03-29'].map((d) => `${d}T10:00Z/60`),
  },
  {
    name: 'a series starting on a day not in daysOfWeek: the first occurrence is the next fitting day, and the interval counts from its week',
    series: series('UTC', '2026-03-04T09:00:00', '2026-03-04T10:00:00', { pattern: weekly(['monday'], { interval: 2 }), range: numbered('2026-03-04', 3) }),
    // Wednesday 4 March: no occurrence that day; Monday 9 March, then every other Monday.
    expected: ['2026-03-09', '2026-03-23', '2026-04-06'].map((d) => `${d}T09:00Z/60`),
  },
  {
    name: 'an all-day series floats: midnight to midnight on each date, two days long',
    series: series('W. Europe Standard Time', '2026-03-07T00:00:00', '2026-03-09T00:00:00', { pattern: weekly(['saturday']), range: numbered('2026-03-07', 3) }, true),
    expected: ['2026-03-07', '2026-03-14', '2026-03-21'].map((d) => `${d}T00:00Z/2880`),
  },
  {
    name: 'absoluteYearly on 29 February: 28 February in other years',
    series: series('UTC', '2028-02-29T09:00:00', '2028-02-29T10:00:00', { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 }, range: numbered('2028-02-29', 5) }),
    expected: ['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29'].map((d) => `${d}T09:00Z/60`),
  },
  {
    name: 'relativeYearly, the last Wednesday of November (the concept page\'s example)',
    series: series('UTC', '2026-11-25T09:00:00', '2026-11-25T10:00:00', {
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['wednesday'], index: 'last', month: 11 }, range: numbered('2026-11-01', 3),
    }),
    expected: ['2026-11-25', '2027-11-24', '2028-11-29'].map((d) => `${d}T09:00Z/60`),
  },
  {
    name: 'daily every 3 days until an end date that is itself an occurrence (the end date is included)',
    series: series('UTC', '2026-03-01T09:00:00', '2026-03-01T10:00:00', { pattern: { type: 'daily', interval: 3 }, range: { type: 'endDate', startDate: '2026-03-01', endDate: '2026-03-10' } }),
    expected: ['2026-03-01', '2026-03-04', '2026-03-07', '2026-03-10'].map((d) => `${d}T09:00Z/60`),
  },
  {
    name: 'a window overlapping an occurrence that started before it, and one ending where the next starts',
    series: series('UTC', '2026-03-01T09:00:00', '2026-03-01T10:00:00', { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-01' } }),
    window: { startMs: asUtc('2026-03-05T09:30:00'), endMs: asUtc('2026-03-07T09:00:00') },
    expected: ['2026-03-05T09:00Z/60', '2026-03-06T09:00Z/60'],
  },
];

describe('emulator: recurring series expand as Outlook expands them (pure)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      expect(shown(occurrences(row.series, row.window ?? ALL_TIME, row.limit))).to.deep.equal(row.expected);
    });
  }

  it('a window far into a series that never ends gives what walking it from the first occurrence gives', () => {
    const s = series('Eastern Standard Time', '2000-01-01T08:00:00', '2000-01-01T09:00:00', { pattern: { type: 'daily', interval: 3 }, range: { type: 'noEnd', startDate: '2000-01-01' } });
    const window = { startMs: asUtc('2026-03-10T00:00:00'), endMs: asUtc('2026-03-20T00:00:00') };
    // 2026-03-12 is day 9567 after 2000-01-01 (9567 = 3 * 3189); 08:00 EST = 13:00Z, EDT from 8 March: 12:00Z.
    expect(shown(occurrences(s, window))).to.deep.equal(['2026-03-12T12:00Z/60', '2026-03-15T12:00Z/60', '2026-03-18T12:00Z/60']);
    const walked = occurrences(s, { startMs: -Infinity, endMs: window.endMs }).filter((o) => overlaps(o.startMs, o.endMs, window));
    expect(shown(walked)).to.deep.equal(shown(occurrences(s, window)));
  });

  it('any window gives exactly the occurrences of the whole series that overlap it (the skip to the window loses none)', () => {
    const horizon = asUtc('2033-01-01T00:00:00');
    for (const row of ROWS) {
      const all = occurrences(row.series, { startMs: -Infinity, endMs: horizon });
      const first = all[0].startMs;
      const span = all.at(-1).endMs - first + 40 * 86400000;
      for (let i = 0; i < 60; i += 1) {
        // Windows of a few hours to a few months, spread over the series and beyond its ends.
        const startMs = first - 20 * 86400000 + Math.floor(((i * 7919) % 1000) / 1000 * span);
        const window = { startMs, endMs: startMs + (1 + ((i * 31) % 90)) * 3_600_000 * (i % 3 === 0 ? 24 : 1) };
        const expected = all.filter((o) => overlaps(o.startMs, o.endMs, window));
        expect(shown(occurrences(row.series, window)), `${row.name}: ${new Date(window.startMs).toISOString()}`).to.deep.equal(shown(expected));
      }
    }
  });

  it('patterns without days, and numbered ranges of none, have no occurrences (Graph refuses to store them: recurrencepattern.md, recurrencerange.md)', () => {
    const start = ['UTC', '2026-03-02T09:00:00', '2026-03-02T10:00:00'];
    const daily = series(...start, { pattern: { type: 'daily', interval: 1 }, range: numbered('2026-03-02', 1) });
    const dayless = { ...daily, recurrence: { ...daily.recurrence, pattern: { ...daily.recurrence.pattern, type: 'weekly', daysOfWeek: [] } } };
    expect(occurrences(dayless, ALL_TIME, 5)).to.deep.equal([]);
    expect(occurrences({ ...daily, recurrence: { ...daily.recurrence, range: { ...daily.recurrence.range, numberOfOccurrences: 0 } } }, ALL_TIME)).to.deep.equal([]);
    expect(() => readRecurrence({ pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02' } }, 'UTC')).to.throw(/pattern\.daysOfWeek/);
    expect(() => readRecurrence({ pattern: { type: 'daily', interval: 1 }, range: numbered('2026-03-02', 0) }, 'UTC')).to.throw(/numberOfOccurrences/);
  });

  it('finds an occurrence by its exact original start, and nothing between occurrences or after the range', () => {
    const s = ROWS[0].series;
    expect(occurrenceAt(s, Date.parse('2017-11-06T20:00:00Z'))).to.deep.equal({ startMs: Date.parse('2017-11-06T20:00:00Z'), endMs: Date.parse('2017-11-06T22:00:00Z') });
    expect(occurrenceAt(s, Date.parse('2017-11-06T19:00:00Z')), 'the PDT time after the change').to.equal(undefined);
    expect(occurrenceAt(s, Date.parse('2017-11-07T20:00:00Z'))).to.equal(undefined);
    expect(occurrenceAt(s, Date.parse('2018-01-01T20:00:00Z')), 'after the end date').to.equal(undefined);
  });

  it('shows exceptions where they moved to (into the window from outside it too) and leaves deleted occurrences out', () => {
    const s = series('UTC', '2026-03-02T09:00:00', '2026-03-02T10:00:00', { pattern: { type: 'daily', interval: 1 }, range: numbered('2026-03-02', 10) });
    const at = (wall) => asUtc(wall);
    const moved = { startMs: at('2026-03-05T14:00:00'), endMs: at('2026-03-05T15:00:00'), tag: 'moved in' };
    const away = { startMs: at('2026-03-20T09:00:00'), endMs: at('2026-03-20T10:00:00'), tag: 'moved out' };
    const changes = {
      exceptions: new Map([[at('2026-03-09T09:00:00'), moved], [at('2026-03-04T09:00:00'), away]]),
      cancelled: new Set([at('2026-03-03T09:00:00')]),
    };
    const window = { startMs: at('2026-03-02T00:00:00'), endMs: at('2026-03-06T00:00:00') };
    const list = instances(s, changes, window);
    expect(list.map((i) => [new Date(i.startMs).toISOString().slice(5, 16), new Date(i.originalStartMs).toISOString().slice(5, 16), i.exception?.tag]))
      .to.deep.equal([
        ['03-02T09:00', '03-02T09:00', undefined],
        ['03-05T09:00', '03-05T09:00', undefined],
        ['03-05T14:00', '03-09T09:00', 'moved in'],
      ]);
  });

  it('gives each occurrence an id of its own, the same every time, that leads back to its series and start, and refuses made-up ones', () => {
    const master = 'AAMkAGQ5YjE0MzJhLTc4NmUtNDkBGAAAAAAAbW9jay1tYXN0ZXItaWQtZm9yLXRlc3RzAAA=';
    const a = occurrenceId(master, Date.parse('2026-03-02T09:00:00Z'));
    const b = occurrenceId(master, Date.parse('2026-03-03T09:00:00Z'));
    expect(a).to.not.equal(b);
    expect(a).to.not.equal(master);
    expect(occurrenceId(master, Date.parse('2026-03-02T09:00:00Z'))).to.equal(a);
    expect(a).to.match(/^AA[A-Za-z0-9_-]{40,}=$/);
    expect(a.startsWith(master.slice(0, -1))).to.equal(true);
    expect(parseOccurrenceId(a)).to.deep.equal({ masterId: master, originalStartMs: Date.parse('2026-03-02T09:00:00Z') });
    expect(parseOccurrenceId(master)).to.equal(undefined);
    const tampered = `${a.slice(0, -10)}${a.slice(-10, -9) === 'A' ? 'B' : 'A'}${a.slice(-9)}`;
    expect(parseOccurrenceId(tampered)).to.equal(undefined);
  });
});
