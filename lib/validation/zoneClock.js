"use strict";
/**
 * Wall-clock readings of an instant in an IANA zone, from Intl (Node's ICU carries the tz database,
 * so no zone data of our own). Formatters are costly to build and are reused per zone. Meant for
 * years 1583-9999: before that ICU switches to the Julian calendar.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.wallParts = wallParts;
exports.offsetMs = offsetMs;
exports.wallAsUtcMs = wallAsUtcMs;
exports.floorToSecond = floorToSecond;
const formatters = new Map();
function formatter(iana) {
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
function wallParts(iana, epochMs) {
    if (!Number.isFinite(epochMs))
        throw new RangeError(`epochMs must be a finite number, got ${epochMs}`);
    const parts = {};
    for (const { type, value } of formatter(iana).formatToParts(floorToSecond(epochMs)))
        parts[type] = value;
    return {
        year: Number(parts.year),
        month: Number(parts.month), day: Number(parts.day),
        hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second),
    };
}
/** Milliseconds the zone is ahead of UTC at `epochMs` (whole seconds: pre-1970 local mean times are not whole minutes). */
function offsetMs(iana, epochMs) {
    const t = floorToSecond(epochMs);
    return wallAsUtcMs(wallParts(iana, t)) - t;
}
/** The instant at which UTC shows this wall time; for any other zone, subtract its offset. */
function wallAsUtcMs(w, millisecond = 0) {
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millisecond);
}
function floorToSecond(epochMs) {
    return Math.floor(epochMs / 1000) * 1000;
}
