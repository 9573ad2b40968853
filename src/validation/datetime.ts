/**
 * Instants and event boundaries from user text. Times without an offset are only meaningful with a
 * zone, so they are refused where no zone applies instead of being read as UTC or server time.
 */
import { InputError } from '../errors';
import { describe, quote } from './echo';
import { lexIso } from './isoDateTime';
import type { IsoParts } from './isoDateTime';
import { UTC_ZONE } from './timezones';
import type { ResolvedZone } from './timezones';
import { floorToSecond, offsetMs, wallAsUtcMs, wallParts } from './zoneClock';
import type { WallParts } from './zoneClock';

export interface EventTime {
  /** 'YYYY-MM-DDTHH:mm:ss' wall time in `timeZone`, no offset. */
  dateTime: string;
  /** The zone's graphName. */
  timeZone: string;
  /** The instant `dateTime` denotes in that zone, in whole seconds, for comparisons. */
  epochMs: number;
}

const INSTANT_EXAMPLE = "use ISO 8601 such as '2026-03-10T12:00:00Z' or '2026-03-10T12:00:00+01:00'";
const HOUR_MS = 3_600_000;

/**
 * An instant for a 'start time' style field: a date-time with Z or an offset, or a date alone
 * meaning midnight UTC.
 */
export function parseInstant(value: unknown, field: string): number {
  const text = textOf(value, field, 'a date-time', INSTANT_EXAMPLE);
  const iso = lexed(text, field, INSTANT_EXAMPLE);
  if (iso.hasTime && iso.offsetMinutes === undefined) {
    throw new InputError(field, `${quote(text)} has no UTC offset, so the instant is unclear; add Z for UTC or an offset such as +01:00, e.g. '2026-03-10T12:00:00Z'`);
  }
  return wallAsUtcMs(iso.wall, iso.millisecond) - (iso.offsetMinutes ?? 0) * 60_000;
}

/**
 * An event start or end for Graph's dateTimeTimeZone. Graph takes wall times, so an instant given
 * with an offset is converted to the wall time of the target zone (UTC when none is given); a wall
 * time given without offset needs the zone to mean anything. All-day events must sit on midnights.
 */
export function parseEventTime(value: unknown, field: string, opts: { timeZone?: ResolvedZone; allDay?: boolean }): EventTime {
  const example = opts.allDay
    ? "use a date such as '2026-03-10' for an all-day event"
    : "use ISO 8601 such as '2026-03-10T09:00:00' (with a time zone set) or '2026-03-10T09:00:00+01:00'";
  const text = textOf(value, field, 'a date and time', example);
  const iso = lexed(text, field, example);
  const zone = opts.timeZone ?? UTC_ZONE;
  let event: EventTime;
  if (!iso.hasTime) {
    if (!opts.allDay) {
      throw new InputError(field, `${quote(text)} is a date without a time, which only all-day events accept; give a date and time such as '${text}T09:00:00'`);
    }
    event = wallEvent(iso.wall, zone, field, true);
  } else if (iso.offsetMinutes !== undefined) {
    const epochMs = floorToSecond(wallAsUtcMs(iso.wall, iso.millisecond) - iso.offsetMinutes * 60_000);
    event = { dateTime: epochToWallTime(epochMs, zone.iana), timeZone: zone.graphName, epochMs };
  } else {
    if (opts.timeZone === undefined) {
      throw new InputError(field, `${quote(text)} has no UTC offset and no time zone is set; add Z or an offset such as +01:00, or choose a time zone such as 'Europe/Berlin'`);
    }
    event = wallEvent(iso.wall, zone, field, Boolean(opts.allDay));
  }
  if (opts.allDay && !event.dateTime.endsWith('T00:00:00')) {
    throw new InputError(field, `all-day events must start and end at midnight, but ${quote(text)} is ${event.dateTime} in ${zone.graphName}; give a date such as '${event.dateTime.slice(0, 10)}'`);
  }
  return event;
}

/**
 * The instant a wall time ('YYYY-MM-DDTHH:mm[:ss[.fff]]', no offset) denotes in an IANA zone. A time
 * the clocks skip (spring forward) is an InputError naming `field`; a time they pass twice (fall back)
 * is the earlier instant, i.e. the one still on daylight saving time.
 */
export function wallTimeToEpoch(wall: string, iana: string, field = 'dateTime'): number {
  const example = "use a wall time such as '2026-03-10T09:00:00'";
  const iso = lexed(wall, field, example);
  if (!iso.hasTime || iso.offsetMinutes !== undefined) {
    throw new InputError(field, `${quote(wall)} is not a wall time: give the date and time without Z or an offset; ${example}`);
  }
  const local = wallAsUtcMs(iso.wall, iso.millisecond);
  const resolved = resolveWall(local, iana);
  if (resolved.instants.length === 0) {
    throw new InputError(field, `${quote(wall)} does not exist in ${iana}: it falls in the gap where the clocks jump forward (daylight saving time starts); use ${epochToWallTime(resolved.afterGap, iana)} or another time`);
  }
  return resolved.instants[0];
}

/** 'YYYY-MM-DDTHH:mm:ss' as the zone's clocks showed it at that instant (fractions of a second dropped). */
export function epochToWallTime(epochMs: number, iana: string): string {
  return formatWall(wallParts(iana, epochMs));
}

function textOf(value: unknown, field: string, what: string, example: string): string {
  if (typeof value !== 'string') {
    const epochNote = typeof value === 'number' ? ' (epoch numbers are not accepted)' : '';
    throw new InputError(field, `expected ${what} as text, got ${describe(value)}${epochNote}; ${example}`);
  }
  const text = value.trim();
  if (text === '') throw new InputError(field, `is empty: give ${what}; ${example}`);
  return text;
}

function lexed(text: string, field: string, example: string): IsoParts {
  const iso = lexIso(text);
  if (typeof iso === 'string') throw new InputError(field, `${quote(text)} is not a valid date-time: ${iso}; ${example}`);
  return iso;
}

/**
 * An event boundary given as a wall time in the zone. For all-day events Graph only looks at the
 * date, so a midnight the clocks skip (zones that switch at 00:00) is not an error: the instant
 * becomes the first moment of that day.
 */
function wallEvent(wall: WallParts, zone: ResolvedZone, field: string, lenientGap: boolean): EventTime {
  const dateTime = formatWall(wall);
  if (!lenientGap) return { dateTime, timeZone: zone.graphName, epochMs: wallTimeToEpoch(dateTime, zone.iana, field) };
  const resolved = resolveWall(wallAsUtcMs(wall), zone.iana);
  return { dateTime, timeZone: zone.graphName, epochMs: resolved.instants[0] ?? resolved.afterGap };
}

/**
 * Every instant at which the zone's clocks read `localMs` (a wall time expressed as if it were UTC),
 * earliest first; none inside a gap, two inside an overlap. Zone offsets lie within -12h..+14h, so
 * sampling 18 hours either side finds every offset that can apply, provided transitions are more
 * than 6 hours apart (Temporal assumes a day); each candidate is checked by converting back.
 * afterGap is the wall time moved forward by the gap's length.
 */
export function resolveWall(localMs: number, iana: string): { instants: number[]; afterGap: number } {
  const offsets = new Set<number>();
  for (let h = -18; h <= 18; h += 6) offsets.add(offsetMs(iana, localMs + h * HOUR_MS));
  const instants = [...offsets]
    .map((offset) => localMs - offset)
    .filter((instant) => offsetMs(iana, instant) === localMs - instant)
    .sort((a, b) => a - b);
  return { instants, afterGap: localMs - Math.min(...offsets) };
}

function formatWall(w: WallParts): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
