/**
 * Recurring series seeded in the primary mailbox's default calendar so that calendarView,
 * instances and the steps built on them meet what recurrence does, whatever `now` is: weekly series
 * that never end (so they cross the next DST change) in both hemispheres, a monthly one on the 31st,
 * and a daily one with an exception (moved and renamed) and a deleted occurrence.
 *
 * They are added after everything else is seeded, with timestamps at least a day old, so the data
 * seeded before them, and what polls from a recent start time see, are as they were. Like the other
 * seeded meetings, their starts lie on whole half hours relative to `now` (spec/emulator/seed-dst.spec.js).
 */
import { readEvent } from './event-input';
import { occurrenceId, occurrences } from './expand';
import { deleteEvent, findEvent, seriesOf, updateOccurrence } from './instances';
import type { Mailbox } from './mailbox';
import type { StoredEvent } from './model';
import { DAYS_OF_WEEK } from './recurrence';
import { wallTicks } from './timefmt';
import { graphTimeZone, utcToWall } from './timezones';
import type { ResolvedZone } from './timezones';

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
const DAY = 24 * 60 * MINUTE;

/** Subjects of the seeded series, for specs and demos that look for them. */
export const SEEDED_SERIES = {
  weeklyEurope: 'Weekly planning (Berlin)',
  weeklyAustralia: 'Weekly planning (Sydney)',
  monthEnd: 'Month-end close',
  daily: 'Daily check-in',
  /** The subject of the daily series' exception: its 5th occurrence, two hours later. */
  dailyMoved: 'Daily check-in (moved)',
} as const;

const date = (wallMs: number): string => new Date(wallMs).toISOString().slice(0, 10);

/** A timed series booked in `zoneName` from `startMs` for `minutes`; its dates are the zone's. */
function timed(subject: string, zoneName: string, startMs: number, minutes: number, pattern: Record<string, unknown>, range: Record<string, unknown>) {
  const zone = graphTimeZone(zoneName) as ResolvedZone;
  const wall = utcToWall(zone, startMs);
  const recurrence = {
    pattern: { daysOfWeek: [DAYS_OF_WEEK[new Date(wall).getUTCDay()]], ...pattern },
    range: { startDate: date(wall), ...range },
  };
  const span = { start: { ms: startMs, zone: zone.graphName }, end: { ms: startMs + minutes * MINUTE, zone: zone.graphName } };
  return { input: { subject, body: { contentType: 'html', content: '<p>Standing agenda.</p>' }, showAs: 'busy', recurrence }, span };
}

export function seedSeries(mailbox: Mailbox, now: number): void {
  const calendar = mailbox.calendar();
  if (!calendar) return;
  const base = Math.floor(now / HALF_HOUR) * HALF_HOUR;
  const createdAt = base - 60 * DAY;
  const weekly = { type: 'weekly', interval: 1 };
  // The latest 31st on or before today (UTC): an all-day series, so its place need not be a whole number of half hours from now.
  let monthEnd = Math.floor(now / DAY) * DAY;
  while (new Date(monthEnd).getUTCDate() !== 31) monthEnd -= DAY;
  const series = [
    timed(SEEDED_SERIES.weeklyEurope, 'W. Europe Standard Time', base - 5 * DAY - 6 * HALF_HOUR, 60, weekly, { type: 'noEnd' }),
    timed(SEEDED_SERIES.weeklyAustralia, 'AUS Eastern Standard Time', base - 3 * DAY + 5 * HALF_HOUR, 30, weekly, { type: 'noEnd' }),
    timed(SEEDED_SERIES.daily, 'Eastern Standard Time', base - 3 * DAY + 3 * HALF_HOUR, 30, { type: 'daily', interval: 1 }, { type: 'numbered', numberOfOccurrences: 14 }),
    {
      input: {
        subject: SEEDED_SERIES.monthEnd, isAllDay: true, showAs: 'free',
        start: { dateTime: wallTicks(monthEnd), timeZone: 'UTC' }, end: { dateTime: wallTicks(monthEnd + DAY), timeZone: 'UTC' },
        recurrence: { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { type: 'noEnd', startDate: date(monthEnd) } },
      },
      span: undefined,
    },
  ];
  const [, , daily] = mailbox.insertEvents(series.map(({ input, span }) => readEvent(input, mailbox, calendar.id, createdAt, span)));

  // The daily series' 6th occurrence deleted, then its 5th (a day or so from now) moved by two
  // hours and renamed: in this order the move never reaches the day of the next occurrence.
  const [fifth, sixth] = occurrences(seriesOf(daily), { startMs: -Infinity, endMs: Infinity }, 6).slice(4);
  const changedAt = base - DAY;
  deleteEvent(mailbox, findEvent(mailbox, occurrenceId(daily.id, sixth.startMs)) as StoredEvent, changedAt);
  // Written as a client would: wall times in the zone the series was booked in.
  const zone = graphTimeZone(daily.startTimeZone) as ResolvedZone;
  const at = (ms: number) => ({ dateTime: wallTicks(utcToWall(zone, ms)), timeZone: zone.graphName });
  const moved = findEvent(mailbox, occurrenceId(daily.id, fifth.startMs)) as StoredEvent;
  updateOccurrence(mailbox, moved, { subject: SEEDED_SERIES.dailyMoved, start: at(fifth.startMs + 4 * HALF_HOUR), end: at(fifth.endMs + 4 * HALF_HOUR) }, changedAt);
}
