"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UTC_ZONE = void 0;
exports.graphTimeZone = graphTimeZone;
exports.zoneOffset = zoneOffset;
exports.utcToWall = utcToWall;
exports.wallToUtc = wallToUtc;
/**
 * Time zones as Graph takes them in dateTimeTimeZone and `Prefer: outlook.timezone`. The names
 * (CLDR's Windows table, IANA spellings) and the clock arithmetic are the component's own
 * (src/validation); only where Graph is more lenient than the component does a rule live here.
 */
const datetime_1 = require("../validation/datetime");
const timezones_1 = require("../validation/timezones");
const windowsZones_1 = require("../validation/windowsZones");
const zoneClock_1 = require("../validation/zoneClock");
var timezones_2 = require("../validation/timezones");
Object.defineProperty(exports, "UTC_ZONE", { enumerable: true, get: function () { return timezones_2.UTC_ZONE; } });
const DAY_MS = 86_400_000;
/** UTC's Windows display name: the emulator has always taken it, and CLDR's table of ids has no entry for it. */
const UTC_DISPLAY_NAME = { graphName: 'Coordinated Universal Time', iana: 'UTC' };
/** Zones already resolved, by the name as written: only known names are kept, so it stays as small as the zone list. */
const resolved = new Map();
/**
 * The zone a client named, with `graphName` being what Graph echoes back; undefined = TimeZoneNotSupportedException.
 * Remembered per name: resolving an IANA name builds Intl formatters, and every occurrence of a
 * recurring series needs its zone.
 */
function graphTimeZone(name) {
    let zone = resolved.get(name);
    if (!zone) {
        zone = resolveGraphTimeZone(name);
        if (zone)
            resolved.set(name, zone);
    }
    return zone;
}
function resolveGraphTimeZone(name) {
    // Graph takes a name exactly as written; the component also tidies the spaces users type.
    const asWritten = name === name.trim().replace(/\s+/g, ' ');
    if (asWritten && (0, timezones_1.isKnownTimeZone)(name)) {
        const zone = (0, timezones_1.resolveTimeZone)(name, 'timeZone');
        // Graph echoes a zone as the client wrote it, but a Windows name in its own spelling.
        const windows = Object.hasOwn(windowsZones_1.WINDOWS_ZONES, zone.graphName) && zone.graphName.toLowerCase() === name.toLowerCase();
        return windows ? zone : { graphName: name, iana: zone.iana };
    }
    if (name.toLowerCase() === UTC_DISPLAY_NAME.graphName.toLowerCase())
        return UTC_DISPLAY_NAME;
    // The component refuses ICU's short ids (EST, BST, Japan, SystemV/...) because users typing them
    // may mean another zone; a Graph client names ids on purpose, so any id Intl knows is taken.
    return knownToIntl(name) ? { graphName: name, iana: name } : undefined;
}
function knownToIntl(iana) {
    try {
        (0, zoneClock_1.offsetMs)(iana, 0);
        return true;
    }
    catch {
        return false;
    }
}
const SAMPLE_MS = 6 * 3_600_000;
/** Per zone: its years so far, and the one read last (the next reading is nearly always in it). */
const zoneYears = new Map();
function yearOfOffsets(iana, year) {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const table = { from: [start], offsets: [(0, zoneClock_1.offsetMs)(iana, start)], end };
    for (let t = start; t < end; t += SAMPLE_MS) {
        const next = Math.min(t + SAMPLE_MS, end - 1000);
        const offset = (0, zoneClock_1.offsetMs)(iana, next);
        if (offset === table.offsets[table.offsets.length - 1])
            continue;
        let lo = t;
        let hi = next;
        while (hi - lo > 1000) {
            const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
            if ((0, zoneClock_1.offsetMs)(iana, mid) === offset)
                hi = mid;
            else
                lo = mid;
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
function zoneOffset(iana, utcMs) {
    const second = Math.floor(utcMs / 1000) * 1000;
    let zone = zoneYears.get(iana);
    let table = zone?.last;
    if (!table || second < table.from[0] || second >= table.end) {
        const year = new Date(second).getUTCFullYear();
        table = zone?.years.get(year) ?? yearOfOffsets(iana, year);
        if (!zone)
            zoneYears.set(iana, zone = { years: new Map(), last: table });
        zone.years.set(year, table);
        zone.last = table;
    }
    let at = table.from.length - 1;
    while (table.from[at] > second)
        at -= 1;
    return table.offsets[at];
}
/** The zone's wall clock at `utcMs`, expressed as if it were UTC epoch ms (milliseconds kept). */
function utcToWall(zone, utcMs) {
    return zone.iana === timezones_1.UTC_ZONE.iana ? utcMs : utcMs + zoneOffset(zone.iana, utcMs);
}
/**
 * The instant at which the zone's wall clock shows `wallMs`: the earlier one across a DST fold.
 * Graph does not refuse a wall time in a spring-forward gap as the component's wallTimeToEpoch
 * does: Exchange moves it forward by the gap's length (as java.time and Temporal do), so a meeting
 * from 01:30 to 02:00 on the night the clocks jump from 02:00 to 03:00 lasts 30 minutes.
 */
function wallToUtc(zone, wallMs) {
    if (zone.iana === timezones_1.UTC_ZONE.iana)
        return wallMs;
    // Most wall times are a day or more from any offset change: then the offset a day either side
    // is the offset, and two readings of the zone do instead of resolveWall's seven or more (a
    // recurring series converts one wall time per occurrence).
    const before = zoneOffset(zone.iana, wallMs - DAY_MS);
    if (before === zoneOffset(zone.iana, wallMs + DAY_MS))
        return wallMs - before;
    const { instants, afterGap } = (0, datetime_1.resolveWall)(wallMs, zone.iana);
    return instants[0] ?? afterGap;
}
