/**
 * Timestamp formats Graph uses on the wire, and the OData DateTimeOffset literal parser.
 * Stored times are integer epoch milliseconds; what differs is how much of them each field shows.
 * Whole-second timestamps (messages, contacts) are the component's dateTimeLiteral (src/graph/odata).
 */

/** dateTimeTimeZone.dateTime: a wall-clock time with no offset, seven fractional digits (ours end in zeros past the ms). */
export function wallTicks(wallMs: number): string {
  return `${new Date(wallMs).toISOString().slice(0, 23)}0000`;
}

/**
 * Event timestamps as Graph writes them: the tick fraction with trailing zeros dropped
 * (`.56197Z`, `.245372Z`), none at all on a whole second. Ours stop at the millisecond.
 */
export function graphInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');
}

/** The `date` of an error's innerError: no fraction and, like Graph, no zone designator. */
export function innerErrorDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * An instant at 100 ns precision, split so that it stays exact in doubles: `ms` is the whole
 * milliseconds (floored) and `subMs` the remaining ticks (0..9999).
 */
export interface PreciseInstant {
  ms: number;
  subMs: number;
}

// OData's grammar as Graph parses it, not the component's lexIso: ticks are kept (filters compare exactly), no 1900-2999 limit, only T and ±hh:mm.
const DATE_TIME_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2}))?$/i;

/** Parses `2026-01-02T03:04:05Z`, `...05.1234567+01:00` or a bare date (midnight UTC). */
export function parseDateTimeOffset(literal: string): PreciseInstant | undefined {
  const m = DATE_TIME_OFFSET.exec(literal);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const base = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  if (Number.isNaN(base) || +mo > 12 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  const offsetMin = zone.toUpperCase() === 'Z'
    ? 0
    : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const ticks = Number(fraction.padEnd(7, '0'));
  return { ms: base - offsetMin * 60000 + Math.floor(ticks / 10000), subMs: ticks % 10000 };
}

/**
 * A wall-clock time as written in dateTimeTimeZone.dateTime (`2026-03-10T12:00:00`, optional
 * fraction), read as if it were UTC. An explicit offset or Z is honoured and reported.
 */
export function parseWallTime(text: string): { wallMs: number; absolute: boolean } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(Z|[+-]\d{2}:\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const instant = parseDateTimeOffset(`${m[1]}${m[2] ?? 'Z'}`);
  return instant && { wallMs: instant.ms, absolute: m[2] !== undefined };
}
