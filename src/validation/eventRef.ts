/**
 * Which event a step acts on: an Outlook event id, and for one occurrence of a recurring series
 * the start of that occurrence (an instant, a local time with the step's time zone, or a date).
 */
import { InputError } from '../errors';
import { idSegment } from '../graph/odata';
import { describe, quote } from './echo';
import { wallTimeToEpoch } from './datetime';
import { isAbsent } from './fields';
import { lexIso } from './isoDateTime';
import { UTC_ZONE } from './timezones';
import type { ResolvedZone } from './timezones';
import { wallAsUtcMs } from './zoneClock';

/** One occurrence, by its start: an instant, or a whole day (YYYY-MM-DD) in the step's zone. */
export type OccurrenceRef = { epochMs: number; date: string; text: string; dateOnly: false } | { date: string; text: string; dateOnly: true };

const EXAMPLE = "use '2026-03-10T09:00:00+01:00', a local time such as '2026-03-10T09:00:00' with Time zone set, or the date '2026-03-10'";

/** The event id, checked to stay one path segment (percent-encoded). */
export function eventIdSegment(value: unknown, field = 'eventId'): string {
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) throw new InputError(field, 'is required: map the id of an event (from Create Event, Find Events or a trigger)');
  return idSegment(value, field);
}

/** The occurrence's start, or undefined for the event (the whole series) itself. */
export function parseOccurrenceStart(value: unknown, zone: ResolvedZone | undefined, field = 'occurrenceStart'): OccurrenceRef | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw new InputError(field, `expected the occurrence's start as text, got ${describe(value)}; ${EXAMPLE}`);
  const text = value.trim();
  if (text === '') return undefined;
  const iso = lexIso(text);
  if (typeof iso === 'string') throw new InputError(field, `${quote(text)} is not a valid date-time: ${iso}; ${EXAMPLE}`);
  const date = text.slice(0, 10);
  if (!iso.hasTime) return { date, text, dateOnly: true };
  if (iso.offsetMinutes !== undefined) {
    const epochMs = Math.floor((wallAsUtcMs(iso.wall, iso.millisecond) - iso.offsetMinutes * 60_000) / 1000) * 1000;
    return { epochMs, date, text, dateOnly: false };
  }
  if (!zone) throw new InputError(field, `${quote(text)} has no UTC offset and no time zone is set; add Z or an offset such as +01:00, or choose a time zone such as 'Europe/Berlin'`);
  return { epochMs: wallTimeToEpoch(text, zone.iana, field), date, text, dateOnly: false };
}

/** Outlook's longest calendarView window (microsoft-graph-docs issue #6284: "Maximum number of days: 1825"). */
export const MAX_WINDOW_DAYS = 1825;
const DAY_MS = 86_400_000;

/**
 * One end of a time window: an instant with Z or an offset, a local time in `zone`, or a date
 * (its midnight in `zone`); local times and dates are UTC when no zone is set.
 */
export function parseWindowBound(value: unknown, field: string, zone: ResolvedZone | undefined): number {
  const example = "use '2026-03-10T09:00:00+01:00', a local time such as '2026-03-10T09:00:00' with Time zone set, or a date such as '2026-03-10'";
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) throw new InputError(field, `is required; ${example}`);
  if (typeof value !== 'string') throw new InputError(field, `expected a date or date-time as text, got ${describe(value)}; ${example}`);
  const text = value.trim();
  const iso = lexIso(text);
  if (typeof iso === 'string') throw new InputError(field, `${quote(text)} is not a valid date-time: ${iso}; ${example}`);
  if (iso.offsetMinutes !== undefined) return wallAsUtcMs(iso.wall, iso.millisecond) - iso.offsetMinutes * 60_000;
  const wall = iso.hasTime ? text : `${text}T00:00:00`;
  return wallTimeToEpoch(wall.replace(' ', 'T'), (zone ?? UTC_ZONE).iana, field);
}

/** The window of Find Events: end after start, at most Outlook's 1825 days. */
export function parseWindow(start: unknown, end: unknown, zone: ResolvedZone | undefined): { startMs: number; endMs: number } {
  const startMs = parseWindowBound(start, 'windowStart', zone);
  const endMs = parseWindowBound(end, 'windowEnd', zone);
  if (endMs <= startMs) throw new InputError('windowEnd', 'must be after windowStart: the window holds the events that overlap it');
  if (endMs - startMs > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InputError('windowEnd', `the window spans ${Math.ceil((endMs - startMs) / DAY_MS)} days; Outlook lists at most ${MAX_WINDOW_DAYS} days at once: split it into shorter windows`);
  }
  return { startMs, endMs };
}
