/**
 * Graph's dateTimeTimeZone and instants, both ways: the wall time of an instant in a zone as
 * Graph writes it (seven fractional digits, no offset), and the instant of a dateTimeTimeZone
 * Graph returned in UTC (what a request without `Prefer: outlook.timezone` gets).
 */
import { epochToWallTime } from '../validation/datetime';
import type { ResolvedZone } from '../validation/timezones';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export function inZone(epochMs: number, zone: ResolvedZone): DateTimeTimeZone {
  return { dateTime: `${epochToWallTime(epochMs, zone.iana)}.0000000`, timeZone: zone.graphName };
}

/** A floating date (all-day events) as midnight in the zone's name, whatever its offset. */
export function floatingMidnight(date: string, zone: ResolvedZone): DateTimeTimeZone {
  return { dateTime: `${date}T00:00:00.0000000`, timeZone: zone.graphName };
}

/** The instant of a dateTimeTimeZone Graph gave in UTC; NaN when it is not one. */
export function utcInstant(value: { dateTime?: string | null; timeZone?: string | null } | null | undefined): number {
  if (!value?.dateTime || (value.timeZone ?? 'UTC').toUpperCase() !== 'UTC') return NaN;
  return Date.parse(`${value.dateTime.slice(0, 23)}Z`);
}
