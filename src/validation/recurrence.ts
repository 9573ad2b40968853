/**
 * An event's recurrence as a flow designer can map it, checked before any request and turned into
 * Graph's patternedRecurrence. Two forms are taken:
 * - a recurrence rule of RFC 5545 (what calendars and CRMs export, one line a mapping can build):
 *   `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260630`, optionally prefixed `RRULE:`; the subset Outlook can
 *   store (FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL, WKST);
 * - Graph's own object `{pattern, range}` (or its JSON text), as the Graph documentation writes it.
 * Both are held to the rules of Graph's recurrencePattern and recurrenceRange (resources/*.md):
 * required properties per pattern type, `range.startDate` equal to the event's start date, an end
 * date not before it, days that exist in the month, and occurrences that do not overlap each other.
 */
import type { DayOfWeek, PatternedRecurrence, RecurrencePattern, RecurrencePatternType, RecurrenceRange, WeekIndex } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { describe, quote } from './echo';
import { epochToWallTime } from './datetime';
import { isAbsent } from './fields';
import { resolveTimeZone } from './timezones';
import type { ResolvedZone } from './timezones';

export const DAYS: readonly DayOfWeek[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const PATTERN_TYPES: readonly RecurrencePatternType[] = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
const INDEXES: readonly WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];
/** Outlook keeps at most 999 occurrences of a numbered series. */
export const MAX_OCCURRENCES = 999;
/** Outlook's intervals: every 1 to 999 days, 1 to 99 weeks, months or years. */
const MAX_INTERVAL: Record<'day' | 'other', number> = { day: 999, other: 99 };
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;
/** Stands in for an unknown start date while only the rule is checked. */
const SOME_DATE = '2001-01-01';

const FORMS = "give a rule such as 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10' or Graph's {pattern, range} object";

/** What the recurrence hangs on: the event's first day and zone, and how long each occurrence lasts. */
export interface RecurrenceContext {
  /**
   * The event's start date in its own zone, YYYY-MM-DD; undefined when not known yet (an update
   * that leaves the start as it is): the rule alone is checked, its dates later.
   */
  startDate: string | undefined;
  zone: ResolvedZone;
  /** Length of one occurrence; occurrences may not overlap (Outlook refuses them). */
  durationMs?: number;
  field?: string;
}

/** undefined when no recurrence is given (a single event). */
export function parseRecurrence(value: unknown, ctx: RecurrenceContext): PatternedRecurrence | undefined {
  const field = ctx.field ?? 'recurrence';
  if (isAbsent(value)) return undefined;
  let recurrence: { pattern: RecurrencePattern; range: RecurrenceRange };
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    recurrence = text.startsWith('{') ? fromObject(parseJson(text, field), ctx, field) : fromRule(text, ctx, field);
  } else if (typeof value === 'object' && !Array.isArray(value)) {
    recurrence = fromObject(value as Record<string, unknown>, ctx, field);
  } else {
    throw new InputError(field, `expected a recurrence rule as text or Graph's recurrence object, got ${describe(value)}; ${FORMS}`);
  }
  checkSeries(recurrence, ctx, field);
  return recurrence;
}

function parseJson(text: string, field: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(field, `starts like JSON but is not valid JSON; ${FORMS}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError(field, `must be a JSON object with pattern and range; ${FORMS}`);
  return parsed as Record<string, unknown>;
}

// ---- RFC 5545 rules ---------------------------------------------------------------------------------

const RULE_PARTS = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL', 'WKST'];
/** Parts Outlook has no way to store: named, so the designer knows why. */
const UNSUPPORTED_PARTS: Record<string, string> = {
  BYHOUR: 'hours', BYMINUTE: 'minutes', BYSECOND: 'seconds', BYWEEKNO: 'week numbers', BYYEARDAY: 'days of the year', RSCALE: 'other calendars', SKIP: 'skipping',
};

function fromRule(text: string, ctx: RecurrenceContext, field: string): { pattern: RecurrencePattern; range: RecurrenceRange } {
  const rule = text.replace(/^RRULE:/i, '');
  const parts = new Map<string, string>();
  for (const piece of rule.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(piece);
    if (!match) throw new InputError(field, `${quote(piece)} is not a NAME=VALUE part of a rule; ${FORMS}`);
    const name = match[1].toUpperCase();
    if (UNSUPPORTED_PARTS[name]) throw new InputError(field, `Outlook cannot repeat an event by ${UNSUPPORTED_PARTS[name]} (${name}); use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL and WKST`);
    if (!RULE_PARTS.includes(name)) throw new InputError(field, `${quote(name)} is not a part of a recurrence rule Outlook can store; use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL and WKST`);
    if (parts.has(name)) throw new InputError(field, `${name} is given twice; give each part once`);
    parts.set(name, match[2].trim());
  }
  const freq = parts.get('FREQ')?.toUpperCase();
  if (!freq) throw new InputError(field, `a rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY), e.g. 'FREQ=WEEKLY;BYDAY=MO'`);
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) {
    throw new InputError(field, `FREQ=${freq.slice(0, 20)}: Outlook repeats events daily, weekly, monthly or yearly; use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY`);
  }
  const startDay = new Date(`${ctx.startDate ?? SOME_DATE}T00:00:00Z`);
  const interval = parts.has('INTERVAL') ? ruleInteger(parts.get('INTERVAL') as string, 'INTERVAL', 1, freq === 'DAILY' ? MAX_INTERVAL.day : MAX_INTERVAL.other, field) : 1;
  // RFC 5545: a week starts on Monday unless WKST says otherwise.
  const firstDayOfWeek = parts.has('WKST') ? ruleDay(parts.get('WKST') as string, 'WKST', field) : 'monday';
  const byDay = parts.has('BYDAY') ? ruleDays(parts.get('BYDAY') as string, field) : undefined;
  const byMonthDay = parts.has('BYMONTHDAY') ? ruleInteger(parts.get('BYMONTHDAY') as string, 'BYMONTHDAY', -1, 31, field, 'a day of the month from 1 to 31, or -1 for the last day') : undefined;
  if (byMonthDay === 0) throw new InputError(field, 'BYMONTHDAY=0 names no day: use a day of the month from 1 to 31, or -1 for the last day');
  const byMonth = parts.has('BYMONTH') ? ruleInteger(parts.get('BYMONTH') as string, 'BYMONTH', 1, 12, field, 'one month from 1 to 12') : undefined;
  const bySetPos = parts.has('BYSETPOS') ? ruleIndex(parts.get('BYSETPOS') as string, 'BYSETPOS', field) : undefined;

  let pattern: RecurrencePattern;
  if (freq === 'DAILY' || freq === 'WEEKLY') {
    if (byMonthDay !== undefined || byMonth !== undefined || bySetPos !== undefined) {
      throw new InputError(field, `FREQ=${freq} takes no BYMONTHDAY, BYMONTH or BYSETPOS; use FREQ=MONTHLY or FREQ=YEARLY for days of a month`);
    }
    if (byDay?.some((d) => d.index !== undefined)) throw new InputError(field, `BYDAY with a number (2TU, -1FR) needs FREQ=MONTHLY or FREQ=YEARLY; with FREQ=${freq} give days alone, e.g. BYDAY=MO,WE`);
    if (freq === 'DAILY' && byDay) {
      // "Every weekday" as calendars write it: Outlook stores it as a weekly series on those days.
      if (interval !== 1) throw new InputError(field, 'FREQ=DAILY with BYDAY repeats on those days every week; Outlook cannot combine it with an INTERVAL: use FREQ=WEEKLY;INTERVAL=n;BYDAY=...');
      pattern = { type: 'weekly', interval: 1, daysOfWeek: byDay.map((d) => d.day), firstDayOfWeek };
    } else if (freq === 'DAILY') {
      pattern = { type: 'daily', interval };
    } else {
      // RFC 5545: without BYDAY a weekly rule repeats on the start's weekday.
      pattern = { type: 'weekly', interval, daysOfWeek: byDay ? byDay.map((d) => d.day) : [DAYS[startDay.getUTCDay()]], firstDayOfWeek };
    }
  } else {
    const yearly = freq === 'YEARLY';
    if (!yearly && byMonth !== undefined) throw new InputError(field, 'BYMONTH needs FREQ=YEARLY; a monthly rule repeats in every month');
    const month = yearly ? byMonth ?? startDay.getUTCMonth() + 1 : undefined;
    if (byDay && byMonthDay !== undefined) throw new InputError(field, 'give BYDAY or BYMONTHDAY, not both: Outlook repeats on a day of the month or on a weekday of it');
    if (byDay) {
      const ordinals = new Set(byDay.map((d) => d.index));
      if (ordinals.size > 1 || (byDay[0].index !== undefined && bySetPos !== undefined)) {
        throw new InputError(field, 'Outlook takes one position in the month for all BYDAY days: write BYDAY=2TU, or BYDAY=MO,TU;BYSETPOS=1');
      }
      const index = byDay[0].index ?? bySetPos;
      if (index === undefined) throw new InputError(field, `BYDAY with FREQ=${freq} needs a position in the month: write BYDAY=2TU (second Tuesday), BYDAY=-1FR (last Friday) or add BYSETPOS=1`);
      pattern = { type: yearly ? 'relativeYearly' : 'relativeMonthly', interval, daysOfWeek: byDay.map((d) => d.day), index, ...(month !== undefined && { month }) };
    } else if (bySetPos !== undefined) {
      throw new InputError(field, 'BYSETPOS needs BYDAY: e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 for the last weekday');
    } else if (byMonthDay === -1) {
      // Graph has no "last day of the month" as a date: the last of any weekday in it is that day.
      pattern = { type: yearly ? 'relativeYearly' : 'relativeMonthly', interval, daysOfWeek: [...DAYS], index: 'last', ...(month !== undefined && { month }) };
    } else {
      pattern = { type: yearly ? 'absoluteYearly' : 'absoluteMonthly', interval, dayOfMonth: byMonthDay ?? startDay.getUTCDate(), ...(month !== undefined && { month }) };
    }
  }

  const count = parts.has('COUNT') ? ruleInteger(parts.get('COUNT') as string, 'COUNT', 1, MAX_OCCURRENCES, field) : undefined;
  const until = parts.has('UNTIL') ? ruleUntil(parts.get('UNTIL') as string, ctx, field) : undefined;
  if (count !== undefined && until !== undefined) throw new InputError(field, 'give COUNT or UNTIL, not both (RFC 5545): the series ends after a number of occurrences or on a date');
  const range: RecurrenceRange = { type: count !== undefined ? 'numbered' : until !== undefined ? 'endDate' : 'noEnd', startDate: ctx.startDate ?? SOME_DATE, recurrenceTimeZone: ctx.zone.graphName };
  if (count !== undefined) range.numberOfOccurrences = count;
  if (until !== undefined) range.endDate = until;
  return { pattern, range };
}

function ruleInteger(text: string, name: string, min: number, max: number, field: string, what = `a whole number from ${min} to ${max}`): number {
  if (!/^[+-]?\d{1,6}$/.test(text)) throw new InputError(field, `${name}=${quote(text.slice(0, 20))}: use ${what}`);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(field, `${name}=${value}: use ${what}`);
  return value;
}

function ruleDay(text: string, name: string, field: string): DayOfWeek {
  const at = RRULE_DAYS.indexOf(text.toUpperCase());
  if (at < 0) throw new InputError(field, `${name}=${quote(text.slice(0, 20))}: use a day as SU, MO, TU, WE, TH, FR or SA`);
  return DAYS[at];
}

function ruleIndex(text: string, name: string, field: string): WeekIndex {
  const value = ruleInteger(text, name, -1, 4, field, '1, 2, 3, 4 (first to fourth) or -1 (last): Outlook counts no further');
  if (value === 0) throw new InputError(field, `${name}=0: use 1, 2, 3, 4 (first to fourth) or -1 (last)`);
  return value === -1 ? 'last' : INDEXES[value - 1];
}

function ruleDays(text: string, field: string): Array<{ day: DayOfWeek; index?: WeekIndex }> {
  const days = text.split(',').map((p) => p.trim()).filter(Boolean).map((piece) => {
    const match = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(piece);
    if (!match) throw new InputError(field, `BYDAY ${quote(piece.slice(0, 20))}: use days as SU, MO, TU, WE, TH, FR, SA, with a position for monthly and yearly rules (2TU, -1FR)`);
    return { day: ruleDay(match[2], 'BYDAY', field), ...(match[1] !== undefined && { index: ruleIndex(match[1], 'BYDAY', field) }) };
  });
  if (days.length === 0) throw new InputError(field, 'BYDAY is empty: name at least one day, e.g. BYDAY=MO');
  const seen = new Set<string>();
  return days.filter((d) => !seen.has(d.day) && seen.add(d.day));
}

/** UNTIL as a date (20260630, 2026-06-30) or an instant (20260630T170000Z: its date in the event's zone). */
function ruleUntil(text: string, ctx: RecurrenceContext, field: string): string {
  const date = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  const instant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(text);
  const parts = date ?? instant;
  if (!parts) throw new InputError(field, `UNTIL=${quote(text.slice(0, 30))}: use a date such as 20260630 or 2026-06-30, or a UTC time such as 20260630T170000Z`);
  const iso = `${parts[1]}-${parts[2]}-${parts[3]}`;
  if (!isRealDate(iso)) throw new InputError(field, `UNTIL=${text}: ${iso} is not a date of the calendar; use an existing date such as 2026-06-30`);
  if (instant && instant[7]) {
    const ms = Date.parse(`${iso}T${instant[4]}:${instant[5]}:${instant[6]}Z`);
    if (Number.isNaN(ms)) throw new InputError(field, `UNTIL=${text}: use a time such as 20260630T170000Z`);
    return epochToWallTime(ms, ctx.zone.iana).slice(0, 10);
  }
  return iso;
}

// ---- Graph's object -----------------------------------------------------------------------------------

/** A property of a JSON object by name in any letter case (Graph reads "DateTime" and "dateTime" alike). */
function member(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function enumOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  const match = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (!match) throw new InputError(path, `must be one of ${allowed.join(', ')}, got ${typeof value === 'string' ? quote(value.slice(0, 40)) : describe(value)}`);
  return match;
}

function integerOf(value: unknown, path: string, min: number, max: number): number {
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw new InputError(path, `must be a whole number from ${min} to ${max}, got ${typeof value === 'string' ? quote(value.slice(0, 20)) : describe(value)}`);
  }
  return number;
}

function dateOf(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) || !isRealDate(value.trim())) {
    throw new InputError(path, `must be a date such as 2026-06-30, got ${typeof value === 'string' ? quote(value.slice(0, 30)) : describe(value)}`);
  }
  return value.trim();
}

function objectOf(value: unknown, path: string, example: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, `is required as an object, e.g. ${example}`);
  return value as Record<string, unknown>;
}

function fromObject(value: Record<string, unknown>, ctx: RecurrenceContext, field: string): { pattern: RecurrencePattern; range: RecurrenceRange } {
  const p = objectOf(member(value, 'pattern'), `${field}.pattern`, '{"type": "weekly", "interval": 1, "daysOfWeek": ["monday"]}');
  const r = objectOf(member(value, 'range'), `${field}.range`, '{"type": "noEnd"}');
  const at = (name: string): string => `${field}.pattern.${name}`;
  const type = enumOf(member(p, 'type'), at('type'), PATTERN_TYPES);
  const givenInterval = member(p, 'interval');
  const interval = isAbsent(givenInterval) ? 1 : integerOf(givenInterval, at('interval'), 1, type === 'daily' ? MAX_INTERVAL.day : MAX_INTERVAL.other);
  const pattern: RecurrencePattern = { type, interval };
  const days = member(p, 'daysOfWeek');
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays) {
    const list = typeof days === 'string' ? days.split(',').map((d) => d.trim()).filter(Boolean) : days;
    if (!Array.isArray(list) || list.length === 0) {
      throw new InputError(at('daysOfWeek'), `a ${type} recurrence needs the days it falls on, e.g. ["monday", "wednesday"]`);
    }
    pattern.daysOfWeek = [...new Set(list.map((d, i) => enumOf(d, `${at('daysOfWeek')}[${i}]`, DAYS)))];
  }
  const firstDay = member(p, 'firstDayOfWeek');
  pattern.firstDayOfWeek = isAbsent(firstDay) ? 'sunday' : enumOf(firstDay, at('firstDayOfWeek'), DAYS);
  if (type === 'relativeMonthly' || type === 'relativeYearly') {
    const index = member(p, 'index');
    pattern.index = isAbsent(index) ? 'first' : enumOf(index, at('index'), INDEXES);
  }
  if (type === 'absoluteMonthly' || type === 'absoluteYearly') {
    const day = member(p, 'dayOfMonth');
    if (isAbsent(day)) throw new InputError(at('dayOfMonth'), `a ${type} recurrence needs the day of the month, a whole number from 1 to 31`);
    pattern.dayOfMonth = integerOf(day, at('dayOfMonth'), 1, 31);
  }
  if (type === 'absoluteYearly' || type === 'relativeYearly') {
    const month = member(p, 'month');
    if (isAbsent(month)) throw new InputError(at('month'), `a ${type} recurrence needs the month, a whole number from 1 to 12`);
    pattern.month = integerOf(month, at('month'), 1, 12);
  }

  const on = (name: string): string => `${field}.range.${name}`;
  const rangeType = enumOf(member(r, 'type'), on('type'), RANGE_TYPES);
  const givenStart = member(r, 'startDate');
  const startDate = isAbsent(givenStart) ? undefined : dateOf(givenStart, on('startDate'));
  if (startDate !== undefined && ctx.startDate !== undefined && startDate !== ctx.startDate) {
    throw new InputError(on('startDate'), `is ${String(givenStart).trim()} but must be the event's start date, ${ctx.startDate} in its time zone (Graph requires it); leave it empty to have it filled in`);
  }
  const givenZone = member(r, 'recurrenceTimeZone');
  const zone = isAbsent(givenZone) ? ctx.zone : resolveTimeZone(givenZone, on('recurrenceTimeZone'));
  const range: RecurrenceRange = { type: rangeType, startDate: ctx.startDate ?? startDate ?? SOME_DATE, recurrenceTimeZone: zone.graphName };
  if (rangeType === 'endDate') {
    const end = member(r, 'endDate');
    if (isAbsent(end)) throw new InputError(on('endDate'), 'a range of type endDate needs the last date, e.g. 2026-06-30');
    range.endDate = dateOf(end, on('endDate'));
  }
  if (rangeType === 'numbered') {
    const count = member(r, 'numberOfOccurrences');
    if (isAbsent(count)) throw new InputError(on('numberOfOccurrences'), `a numbered range needs the number of occurrences, from 1 to ${MAX_OCCURRENCES}`);
    range.numberOfOccurrences = integerOf(count, on('numberOfOccurrences'), 1, MAX_OCCURRENCES);
  }
  return { pattern, range };
}

// ---- the series as a whole --------------------------------------------------------------------------

function isRealDate(iso: string): boolean {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}

/** The shortest time between two occurrences' starts, for the overlap rule (calendar months and years at their shortest). */
function shortestGapMs(pattern: RecurrencePattern): number {
  const interval = pattern.interval ?? 1;
  switch (pattern.type) {
    case 'daily': return interval * DAY_MS;
    case 'weekly': {
      const first = DAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
      const offsets = (pattern.daysOfWeek ?? []).map((d) => (DAYS.indexOf(d) - first + 7) % 7).sort((a, b) => a - b);
      const gaps = offsets.slice(1).map((o, i) => o - offsets[i]);
      gaps.push(7 * interval - offsets[offsets.length - 1] + offsets[0]);
      return Math.min(...gaps) * DAY_MS;
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': return interval * 28 * DAY_MS;
    default: return interval * 365 * DAY_MS - DAY_MS;
  }
}

function checkSeries(recurrence: { pattern: RecurrencePattern; range: RecurrenceRange }, ctx: RecurrenceContext, field: string): void {
  const { pattern, range } = recurrence;
  if (pattern.dayOfMonth !== undefined && pattern.month !== undefined && pattern.dayOfMonth !== null && pattern.month !== null
    && pattern.dayOfMonth > DAYS_IN_MONTH[pattern.month - 1]) {
    throw new InputError(field, `${MONTHS[pattern.month - 1]} never has a day ${pattern.dayOfMonth}, so this yearly series would never occur; use a day up to ${DAYS_IN_MONTH[pattern.month - 1]}`);
  }
  if (range.endDate && ctx.startDate !== undefined && range.endDate < ctx.startDate) {
    throw new InputError(field, `the series ends on ${range.endDate}, before the event's start date ${ctx.startDate}; give an end date on or after the start`);
  }
  const gap = shortestGapMs(pattern);
  if (ctx.durationMs !== undefined && ctx.durationMs > gap) {
    const days = (ms: number): string => (ms % DAY_MS === 0 ? `${ms / DAY_MS} day(s)` : `${Math.round(ms / 3_600_000)} hour(s)`);
    throw new InputError(field, `each occurrence lasts ${days(ctx.durationMs)} but occurrences can be ${days(gap)} apart; Outlook refuses occurrences that overlap: shorten the event or repeat less often`);
  }
}
