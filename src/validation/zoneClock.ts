/**
 * Wall-clock readings of an instant in an IANA zone, from Intl (Node's ICU carries the tz database,
 * so no zone data of our own). Formatters are costly to build and are reused per zone. Meant for
 * years 1583-9999: before that ICU switches to the Julian calendar.
 */

export interface WallParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (f === undefined) {
    // h23, because some ICU versions print midnight as 24 with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(iana, f);
  }
  return f;
}

/** The zone's wall clock at the whole second containing `epochMs`. */
export function wallParts(iana: string, epochMs: number): WallParts {
  if (!Number.isFinite(epochMs)) throw new RangeError(`epochMs must be a finite number, got ${epochMs}`);
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter(iana).formatToParts(floorToSecond(epochMs))) parts[type] = value;
  return {
    year: Number(parts.year),
    month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
  };
}

/** Milliseconds the zone is ahead of UTC at `epochMs` (whole seconds: pre-1970 local mean times are not whole minutes). */
export function offsetMs(iana: string, epochMs: number): number {
  const t = floorToSecond(epochMs);
  return wallAsUtcMs(wallParts(iana, t)) - t;
}

/** The instant at which UTC shows this wall time; for any other zone, subtract its offset. */
export function wallAsUtcMs(w: WallParts, millisecond = 0): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millisecond);
}

export function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}
