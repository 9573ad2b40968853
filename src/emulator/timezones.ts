/**
 * Time zones as Graph takes them in dateTimeTimeZone and `Prefer: outlook.timezone`. The names
 * (CLDR's Windows table, IANA spellings) and the clock arithmetic are the component's own
 * (src/validation); only where Graph is more lenient than the component does a rule live here.
 */
import { resolveWall } from '../validation/datetime';
import { isKnownTimeZone, resolveTimeZone, UTC_ZONE } from '../validation/timezones';
import type { ResolvedZone } from '../validation/timezones';
import { WINDOWS_ZONES } from '../validation/windowsZones';
import { offsetMs } from '../validation/zoneClock';

export type { ResolvedZone } from '../validation/timezones';
export { UTC_ZONE } from '../validation/timezones';

const DAY_MS = 86_400_000;

/** UTC's Windows display name: the emulator has always taken it, and CLDR's table of ids has no entry for it. */
const UTC_DISPLAY_NAME: ResolvedZone = { graphName: 'Coordinated Universal Time', iana: 'UTC' };

/** Zones already resolved, by the name as written: only known names are kept, so it stays as small as the zone list. */
const resolved = new Map<string, ResolvedZone>();

/**
 * The zone a client named, with `graphName` being what Graph echoes back; undefined = TimeZoneNotSupportedException.
 * Remembered per name: resolving an IANA name builds Intl formatters, and every occurrence of a
 * recurring series needs its zone.
 */
export function graphTimeZone(name: string): ResolvedZone | undefined {
  let zone = resolved.get(name);
  if (!zone) {
    zone = resolveGraphTimeZone(name);
    if (zone) resolved.set(name, zone);
  }
  return zone;
}

function resolveGraphTimeZone(name: string): ResolvedZone | undefined {
  // Graph takes a name exactly as written; the component also tidies the spaces users type.
  const asWritten = name === name.trim().replace(/\s+/g, ' ');
  if (asWritten && isKnownTimeZone(name)) {
    const zone = resolveTimeZone(name, 'timeZone');
    // Graph echoes a zone as the client wrote it, but a Windows name in its own spelling.
    const windows = Object.hasOwn(WINDOWS_ZONES, zone.graphName) && zone.graphName.toLowerCase() === name.toLowerCase();
    return windows ? zone : { graphName: name, iana: zone.iana };
  }
  if (name.toLowerCase() === UTC_DISPLAY_NAME.graphName.toLowerCase()) return UTC_DISPLAY_NAME;
  // The component refuses ICU's short ids (EST, BST, Japan, SystemV/...) because users typing them
  // may mean another zone; a Graph client names ids on purpose, so any id Intl knows is taken.
  return knownToIntl(name) ? { graphName: name, iana: name } : undefined;
}

function knownToIntl(iana: string): boolean {
  try {
    offsetMs(iana, 0);
    return true;
  } catch {
    return false;
  }
}

/** One UTC year of a zone: the instants its offset changes (the year's start first) and the offsets from then on. */
interface YearOfOffsets {
  from: number[];
  offsets: number[];
  end: number;
}

const SAMPLE_MS = 6 * 3_600_000;
/** Per zone: its years so far, and the one read last (the next reading is nearly always in it). */
const zoneYears = new Map<string, { years: Map<number, YearOfOffsets>; last: YearOfOffsets }>();

function yearOfOffsets(iana: string, year: number): YearOfOffsets {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const table: YearOfOffsets = { from: [start], offsets: [offsetMs(iana, start)], end };
  for (let t = start; t < end; t += SAMPLE_MS) {
    const next = Math.min(t + SAMPLE_MS, end - 1000);
    const offset = offsetMs(iana, next);
    if (offset === table.offsets[table.offsets.length - 1]) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetMs(iana, mid) === offset) hi = mid;
      else lo = mid;
    }
    table.from.push(hi);
    table.offsets.push(offset);
  }
  return table;
}

/**
 * offsetMs, read from a table of the zone's offset changes built once per zone and UTC year (the
 * offset every 6 hours, each change bisected to the second): a recurring series renders and
 * converts one time per occurrence, and each offsetMs asks Intl. Exact unless a zone changed its
 * offset twice within 6 hours, which the tz database does not record.
 */
export function zoneOffset(iana: string, utcMs: number): number {
  const second = Math.floor(utcMs / 1000) * 1000;
  let zone = zoneYears.get(iana);
  let table = zone?.last;
  if (!table || second < table.from[0] || second >= table.end) {
    const year = new Date(second).getUTCFullYear();
    table = zone?.years.get(year) ?? yearOfOffsets(iana, year);
    if (!zone) zoneYears.set(iana, zone = { years: new Map(), last: table });
    zone.years.set(year, table);
    zone.last = table;
  }
  let at = table.from.length - 1;
  while (table.from[at] > second) at -= 1;
  return table.offsets[at];
}

/** The zone's wall clock at `utcMs`, expressed as if it were UTC epoch ms (milliseconds kept). */
export function utcToWall(zone: ResolvedZone, utcMs: number): number {
  return zone.iana === UTC_ZONE.iana ? utcMs : utcMs + zoneOffset(zone.iana, utcMs);
}

/**
 * The instant at which the zone's wall clock shows `wallMs`: the earlier one across a DST fold.
 * Graph does not refuse a wall time in a spring-forward gap as the component's wallTimeToEpoch
 * does: Exchange moves it forward by the gap's length (as java.time and Temporal do), so a meeting
 * from 01:30 to 02:00 on the night the clocks jump from 02:00 to 03:00 lasts 30 minutes.
 */
export function wallToUtc(zone: ResolvedZone, wallMs: number): number {
  if (zone.iana === UTC_ZONE.iana) return wallMs;
  // Most wall times are a day or more from any offset change: then the offset a day either side
  // is the offset, and two readings of the zone do instead of resolveWall's seven or more (a
  // recurring series converts one wall time per occurrence).
  const before = zoneOffset(zone.iana, wallMs - DAY_MS);
  if (before === zoneOffset(zone.iana, wallMs + DAY_MS)) return wallMs - before;
  const { instants, afterGap } = resolveWall(wallMs, zone.iana);
  return instants[0] ?? afterGap;
}
