"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UTC_ZONE = void 0;
exports.graphTimeZone = graphTimeZone;
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
/** The zone a client named, with `graphName` being what Graph echoes back; undefined = TimeZoneNotSupportedException. */
function graphTimeZone(name) {
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
/** The zone's wall clock at `utcMs`, expressed as if it were UTC epoch ms (milliseconds kept). */
function utcToWall(zone, utcMs) {
    return zone.iana === timezones_1.UTC_ZONE.iana ? utcMs : utcMs + (0, zoneClock_1.offsetMs)(zone.iana, utcMs);
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
    const before = (0, zoneClock_1.offsetMs)(zone.iana, wallMs - DAY_MS);
    if (before === (0, zoneClock_1.offsetMs)(zone.iana, wallMs + DAY_MS))
        return wallMs - before;
    const { instants, afterGap } = (0, datetime_1.resolveWall)(wallMs, zone.iana);
    return instants[0] ?? afterGap;
}
