/**
 * Recurring series as Outlook expands them: a series master's patternedRecurrence turned into the
 * occurrences that fall in a window. Pure: no mailbox, no clock, no I/O.
 *
 * API (what the emulator's calendar routes call; getSchedule, findMeetingTimes and delta may too):
 * - `occurrences(series, window, limit?)`: the pattern's occurrences overlapping `window`, in order,
 *   each `{startMs, endMs}`. Exceptions and deletions are not applied here (see `instances`).
 * - `occurrenceAt(series, startMs)`: the occurrence that starts exactly there (an original start), if any.
 * - `instances(series, changes, window)`: what a calendar shows: occurrences minus deleted ones,
 *   with exceptions (moved or changed occurrences) in place of theirs, wherever they moved to.
 * - `occurrenceId(masterId, originalStartMs)` / `parseOccurrenceId(id)`: the id of one occurrence,
 *   deterministic from the master's id and the original start, and back.
 * - `overlaps(startMs, endMs, window)`: calendarView's rule for "in the window".
 *
 * How Outlook expands (sources: microsoft-graph-docs `resources/recurrencepattern.md`,
 * `resources/recurrencerange.md`, `concepts/outlook-schedule-recurring-events.md`; Exchange's
 * [MS-OXOCAL] 2.2.1.44.1 for what Graph inherits):
 * - Wall clock. Every occurrence starts at the master's wall-clock time in the zone its start was
 *   booked in, and ends at the master's wall-clock end offset (MS-OXOCAL StartTimeOffset and
 *   EndTimeOffset are minutes from the occurrence's midnight), so a 09:00 meeting stays at 09:00
 *   across DST changes in either hemisphere. A wall time the clocks skip moves forward by the gap,
 *   one they pass twice is the earlier instant (timezones.ts wallToUtc, as Exchange reads wall times);
 *   an occurrence whose start the gap moves to or past its end has no length (as a single event
 *   from 02:30 to 03:30 on the night the clocks jump from 02:00 to 03:00 has).
 *   All-day series float: midnight to midnight on each date, in no zone.
 * - The first occurrence is the first date on or after `range.startDate` that fits the pattern
 *   ("the first occurrence of the meeting may not occur on this date if it does not fit the
 *   pattern"); the interval counts weeks, months or years from the period of that first occurrence
 *   (MS-OXOCAL: the pattern's StartDate is the first occurrence; the concept page's example: "first
 *   Thursday of every other month starting August 29, 2017" first occurs in September, then
 *   November). Weekly periods begin on `firstDayOfWeek`.
 * - absoluteMonthly/absoluteYearly on a day the month does not have (31 in April, 29 February in
 *   other years) fall on the month's last day (EWS `AbsoluteMonthlyRecurrence`/`DayOfMonth`: "If for
 *   a particular month this value is larger than the number of days in the month, the last day of
 *   the month is assumed"; CDO's DayOfMonth: "Outlook and CDO generate recurrences on February 28").
 * - relativeMonthly/relativeYearly with several days: the Nth (or last) of the month's days that are
 *   any of them, i.e. "the first day that satisfies the pattern" (MS-OXOCAL MonthNth: "last
 *   weekday" is the mask Mon-Fri with N = last; MS-OXCICAL: BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1).
 * - Ranges: `endDate` includes occurrences on that date; `numbered` counts occurrences (not
 *   periods) from the first one, deleted ones included (they stay part of the series); `noEnd`.
 *   Dates are the series zone's dates; `recurrenceTimeZone` is echoed by Graph and not used here.
 * - A weekly or relative pattern without `daysOfWeek` has no occurrences (Graph refuses to create one).
 */
import type { Recurrence } from './recurrence';
import { DAYS_OF_WEEK } from './recurrence';
import { graphTimeZone, UTC_ZONE, utcToWall, wallToUtc } from './timezones';
import type { ResolvedZone } from './timezones';

/** What expansion needs of a series master. */
export interface Series {
  recurrence: Recurrence;
  /** The master's start and end: instants (epoch ms), or for all-day series floating midnights "as if UTC". */
  startMs: number;
  endMs: number;
  /** The zone the start was booked in (Graph's name, Windows or IANA); ignored for all-day series. */
  timeZone: string;
  isAllDay: boolean;
}

/** [startMs, endMs) in epoch ms; either end may be infinite. */
export interface Window {
  startMs: number;
  endMs: number;
}

export interface Occurrence {
  startMs: number;
  endMs: number;
}

/** Exceptions (by original start) and deleted occurrences (their original starts) of one series. */
export interface SeriesChanges<X extends Occurrence> {
  exceptions: ReadonlyMap<number, X>;
  cancelled: ReadonlySet<number>;
}

export interface Instance<X> extends Occurrence {
  originalStartMs: number;
  /** Present when the occurrence was changed on its own: the caller's exception record. */
  exception?: X;
}

const DAY = 86_400_000;
/** Periods searched for the first occurrence: it lies in startDate's period or the next one (days of the month are clamped). */
const FIRST_SEARCH = 2;

/**
 * Overlap as calendarView decides it: the item starts before the window ends and ends after it
 * starts; an item without length counts when it lies in [start, end).
 */
export function overlaps(startMs: number, endMs: number, window: Window): boolean {
  return startMs < window.endMs && (endMs > window.startMs || (startMs === endMs && startMs >= window.startMs));
}

// ---- the series' own calendar: day numbers (days since 1970-01-01 on its wall clock) ----

const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function civil(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function parseDate(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return dayOf(y, m, d);
}

/**
 * A pattern as periods: `unitOf(day)` numbers the day's period (day, week, month or year) and
 * `daysIn(unit)` lists the pattern's dates in one period, ascending.
 */
interface Cadence {
  unitOf(day: number): number;
  daysIn(unit: number): number[];
}

/** The `index`-th of the month's days that fall on any of `weekdays`. */
function relativeDay(y: number, m: number, weekdays: ReadonlySet<number>, index: Recurrence['pattern']['index']): number[] {
  const matching: number[] = [];
  for (let d = 1, first = dayOf(y, m, 1), n = daysInMonth(y, m); d <= n; d += 1) {
    if (weekdays.has(weekday(first + d - 1))) matching.push(first + d - 1);
  }
  const at = index === 'last' ? matching.length - 1 : ['first', 'second', 'third', 'fourth'].indexOf(index);
  return matching[at] === undefined ? [] : [matching[at]];
}

function cadenceOf(pattern: Recurrence['pattern'], startDay: number): Cadence | undefined {
  const start = civil(startDay);
  const weekdays = new Set(pattern.daysOfWeek.map((d) => DAYS_OF_WEEK.indexOf(d)));
  const dayOfMonth = pattern.dayOfMonth || start.d;
  const month = pattern.month || start.m;
  const monthly = (unit: number): { y: number; m: number } => ({ y: Math.floor(unit / 12), m: (((unit % 12) + 12) % 12) + 1 });
  const monthUnit = (day: number): number => {
    const { y, m } = civil(day);
    return y * 12 + m - 1;
  };
  switch (pattern.type) {
    case 'daily':
      return { unitOf: (day) => day, daysIn: (unit) => [unit] };
    case 'weekly': {
      if (weekdays.size === 0) return undefined;
      // Day numbers of the weeks' first days are congruent to `shift` modulo 7.
      const shift = (((DAYS_OF_WEEK.indexOf(pattern.firstDayOfWeek) - 4) % 7) + 7) % 7;
      return {
        unitOf: (day) => Math.floor((day - shift) / 7),
        daysIn: (unit) => [0, 1, 2, 3, 4, 5, 6].map((i) => shift + unit * 7 + i).filter((day) => weekdays.has(weekday(day))),
      };
    }
    case 'absoluteMonthly':
      return {
        unitOf: monthUnit,
        daysIn: (unit) => {
          const { y, m } = monthly(unit);
          return [dayOf(y, m, Math.min(dayOfMonth, daysInMonth(y, m)))];
        },
      };
    case 'relativeMonthly':
      if (weekdays.size === 0) return undefined;
      return {
        unitOf: monthUnit,
        daysIn: (unit) => {
          const { y, m } = monthly(unit);
          return relativeDay(y, m, weekdays, pattern.index);
        },
      };
    case 'absoluteYearly':
      return { unitOf: (day) => civil(day).y, daysIn: (y) => [dayOf(y, month, Math.min(dayOfMonth, daysInMonth(y, month)))] };
    case 'relativeYearly':
      if (weekdays.size === 0) return undefined;
      return { unitOf: (day) => civil(day).y, daysIn: (y) => relativeDay(y, month, weekdays, pattern.index) };
  }
}

/** The series' wall clock: where its occurrences start in the day, how long they last, and the way back to instants. */
interface Clock {
  zone: ResolvedZone | undefined;
  /** Wall ms of the master's start after its midnight. */
  timeOfDay: number;
  /** Wall-clock length (end offset minus start offset). */
  wallLength: number;
  toWall(ms: number): number;
  fromWall(wallMs: number): number;
}

function clockOf(series: Series): Clock {
  const zone = series.isAllDay ? undefined : graphTimeZone(series.timeZone) ?? UTC_ZONE;
  const toWall = (ms: number): number => (zone ? utcToWall(zone, ms) : ms);
  const startWall = toWall(series.startMs);
  return {
    zone,
    timeOfDay: startWall - Math.floor(startWall / DAY) * DAY,
    wallLength: toWall(series.endMs) - startWall,
    toWall,
    fromWall: (wallMs) => (zone ? wallToUtc(zone, wallMs) : wallMs),
  };
}

/**
 * The pattern's occurrences in order, from the first one whose period could reach `fromMs`
 * (numbered ranges always count from the first occurrence), until the range ends or `untilMs`.
 */
function* walk(series: Series, fromMs: number, untilMs: number): Generator<Occurrence> {
  const { pattern, range } = series.recurrence;
  const startDay = parseDate(range.startDate);
  const cadence = cadenceOf(pattern, startDay);
  if (!cadence) return;
  const endDay = range.type === 'endDate' ? parseDate(range.endDate) : Infinity;
  const limit = range.type === 'numbered' ? range.numberOfOccurrences : Infinity;
  if (limit <= 0) return;

  let anchor: number | undefined;
  for (let unit = cadence.unitOf(startDay); unit <= cadence.unitOf(startDay) + FIRST_SEARCH; unit += 1) {
    if (cadence.daysIn(unit).some((day) => day >= startDay)) {
      anchor = unit;
      break;
    }
  }
  if (anchor === undefined) return;

  const clock = clockOf(series);
  const interval = Math.max(1, pattern.interval);
  let k = 0;
  if (limit === Infinity && Number.isFinite(fromMs)) {
    // Skip whole periods that end before the window: the occurrence's wall date is at most a
    // day and its length away from the window's start in any zone.
    const slack = Math.ceil(Math.max(clock.wallLength, 0) / DAY) + 2;
    const firstUseful = cadence.unitOf(Math.floor(clock.toWall(fromMs) / DAY) - slack);
    k = Math.max(0, Math.floor((firstUseful - anchor) / interval) - 1);
  }
  let count = 0;
  for (; ; k += 1) {
    for (const day of cadence.daysIn(anchor + k * interval)) {
      if (day < startDay) continue;
      if (day > endDay) return;
      count += 1;
      if (count > limit) return;
      const startWall = day * DAY + clock.timeOfDay;
      const startMs = clock.fromWall(startWall);
      if (startMs >= untilMs) return;
      // A start the clocks skip moves forward by the gap, possibly past the end: then it ends as it starts.
      yield { startMs, endMs: Math.max(startMs, clock.fromWall(startWall + clock.wallLength)) };
    }
  }
}

/** The pattern's occurrences overlapping `window`, in order; at most `limit` of them. */
export function occurrences(series: Series, window: Window, limit = Infinity): Occurrence[] {
  const found: Occurrence[] = [];
  if (limit <= 0) return found;
  for (const o of walk(series, window.startMs, window.endMs)) {
    if (!overlaps(o.startMs, o.endMs, window)) continue;
    found.push(o);
    if (found.length >= limit) break;
  }
  return found;
}

/** The occurrence whose (original) start is exactly `startMs`, if the pattern has one there. */
export function occurrenceAt(series: Series, startMs: number): Occurrence | undefined {
  for (const o of walk(series, startMs, startMs + 1)) if (o.startMs === startMs) return o;
  return undefined;
}

/**
 * What the calendar shows of a series in `window`, ordered by start: its occurrences, less those
 * deleted, with each exception in place of its occurrence wherever the exception now lies (an
 * occurrence moved into the window from outside is in it; one moved out is not).
 */
export function instances<X extends Occurrence>(series: Series, changes: SeriesChanges<X>, window: Window): Instance<X>[] {
  const shown: Instance<X>[] = [];
  for (const o of occurrences(series, window)) {
    if (!changes.cancelled.has(o.startMs) && !changes.exceptions.has(o.startMs)) shown.push({ ...o, originalStartMs: o.startMs });
  }
  for (const [originalStartMs, exception] of changes.exceptions) {
    if (!changes.cancelled.has(originalStartMs) && overlaps(exception.startMs, exception.endMs, window)) {
      shown.push({ startMs: exception.startMs, endMs: exception.endMs, originalStartMs, exception });
    }
  }
  return shown.sort((a, b) => a.startMs - b.startMs || a.originalStartMs - b.originalStartMs);
}

// ---- ids ----

/**
 * Graph's occurrence ids are opaque and longer than the master's, which they extend. Ours: the
 * master's id (without its padding), a marker, then 16 bytes: the original start (8 bytes) and a
 * check over both (8 bytes), so an id decodes to its series without any state, and a made-up one
 * does not.
 */
const MARK = 'BEgAQ';
const TAIL = MARK.length + 22 + 1;

/** 8 bytes of check: two 32-bit FNV-1a hashes of the master id and start (cheap: one per occurrence listed). */
function check(masterId: string, originalStartMs: number): Buffer {
  const text = `${masterId}|${originalStartMs}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i += 1) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) ^ (a >>> 15);
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE(a >>> 0, 0);
  out.writeUInt32BE(b >>> 0, 4);
  return out;
}

export function occurrenceId(masterId: string, originalStartMs: number): string {
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(originalStartMs), 0);
  check(masterId, originalStartMs).copy(bytes, 8);
  return `${masterId.replace(/=+$/, '')}${MARK}${bytes.toString('base64url')}=`;
}

/** The master's id and the original start an occurrence id stands for; undefined for any other id. */
export function parseOccurrenceId(id: string): { masterId: string; originalStartMs: number } | undefined {
  if (id.length <= TAIL || id.slice(-TAIL, -TAIL + MARK.length) !== MARK || !id.endsWith('=')) return undefined;
  const bytes = Buffer.from(id.slice(-TAIL + MARK.length, -1), 'base64url');
  if (bytes.length !== 16) return undefined;
  const masterId = `${id.slice(0, -TAIL)}=`;
  const originalStartMs = Number(bytes.readBigInt64BE(0));
  return check(masterId, originalStartMs).equals(bytes.subarray(8)) ? { masterId, originalStartMs } : undefined;
}
