"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UTC_ZONE = void 0;
exports.resolveTimeZone = resolveTimeZone;
exports.isKnownTimeZone = isKnownTimeZone;
exports.offsetMinutes = offsetMinutes;
/**
 * Time zones for Graph's dateTimeTimeZone: Graph takes Windows names ('W. Europe Standard Time'),
 * IANA names ('Europe/Berlin') and 'UTC'. Users type either, in any case; we send back the same
 * zone in its proper spelling and keep an IANA name beside it to compute offsets with Intl.
 */
const errors_1 = require("../errors");
const echo_1 = require("./echo");
const ianaRenames_1 = require("./ianaRenames");
const windowsZones_1 = require("./windowsZones");
const zoneClock_1 = require("./zoneClock");
exports.UTC_ZONE = Object.freeze({ graphName: 'UTC', iana: 'UTC' });
const WINDOWS_BY_LOWER = new Map(Object.keys(windowsZones_1.WINDOWS_ZONES).map((name) => [name.toLowerCase(), name]));
/** Lower-cased IANA name -> its spelling, for the names Intl reports plus the current names it reports under older ones. */
const IANA_SPELLING = new Map([...Intl.supportedValuesOf('timeZone'), ...Object.values(ianaRenames_1.IANA_RENAMES)].map((name) => [name.toLowerCase(), name]));
/**
 * ICU accepts more than the tz database: Java-era three-letter ids where 'BST' is Dhaka and 'IST'
 * Kolkata, and SystemV/* zones. A user typing those means something else, so only Area/Location
 * names and the POSIX-rule zones below are taken as IANA names.
 */
const IANA_SHAPE = /^(?!systemv\/)[a-z][a-z0-9_+-]*(?:\/[a-z0-9_+-]+)+$/i;
/**
 * The tz database's POSIX-rule zones have been links to these cities since tzdata 2024b. ICU is
 * not consistent about it (Node 20 resolves EST5EDT to America/New_York, Node 24 keeps EST5EDT),
 * and Graph's documented IANA names are the cities, so the city is what we resolve and send.
 */
const POSIX_RULE_ZONES = new Map([
    ['est5edt', 'America/New_York'],
    ['cst6cdt', 'America/Chicago'],
    ['mst7mdt', 'America/Denver'],
    ['pst8pdt', 'America/Los_Angeles'],
]);
const EXAMPLES = "use an IANA name such as 'Europe/Berlin', a Windows name such as 'W. Europe Standard Time', or 'UTC'";
function resolveTimeZone(value, field) {
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `expected a time zone name as text, got ${(0, echo_1.describe)(value)}; ${EXAMPLES}`);
    const text = value.trim().replace(/\s+/g, ' ');
    if (text === '')
        throw new errors_1.InputError(field, `no time zone given; ${EXAMPLES}`);
    const zone = lookUp(text);
    if (zone === undefined)
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(text)} is not a known time zone; ${EXAMPLES}${hintFor(text)}`);
    return zone;
}
function isKnownTimeZone(value) {
    return lookUp(value.trim().replace(/\s+/g, ' ')) !== undefined;
}
/**
 * The zone's offset from UTC in minutes at that instant (positive east of Greenwich). Not always
 * whole: zones on local mean time before ~1900-1970 had offsets in seconds.
 */
function offsetMinutes(iana, epochMs) {
    return (0, zoneClock_1.offsetMs)(iana, epochMs) / 60_000;
}
function lookUp(text) {
    const lower = text.toLowerCase();
    if (lower === 'utc' || lower === 'gmt')
        return exports.UTC_ZONE;
    const windows = WINDOWS_BY_LOWER.get(lower);
    if (windows !== undefined)
        return { graphName: windows, iana: windowsZones_1.WINDOWS_ZONES[windows] };
    return lookUpIana(text);
}
function lookUpIana(text) {
    const city = POSIX_RULE_ZONES.get(text.toLowerCase());
    if (city !== undefined)
        return { graphName: city, iana: city };
    if (!IANA_SHAPE.test(text))
        return undefined;
    let iana;
    try {
        iana = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    }
    catch {
        return undefined;
    }
    // Keep the name the user chose (Asia/Calcutta stays Asia/Calcutta); only aliases Intl knows but
    // does not list (US/Eastern, Etc/GMT+5, ...) become the canonical zone they stand for.
    const graphName = IANA_SPELLING.get(text.toLowerCase()) ?? ianaRenames_1.IANA_RENAMES[iana] ?? iana;
    return { graphName, iana };
}
function hintFor(text) {
    if (/^(?:utc|gmt)?\s*[+-]\d/i.test(text)) {
        return "; a fixed offset is not a time zone: pick the zone of the place, or for a whole-hour offset use 'Etc/GMT-1' for UTC+01:00 (the sign is reversed)";
    }
    if (/^[A-Za-z]{2,5}$/.test(text))
        return '; abbreviations such as PST or CEST are ambiguous: use the full zone name';
    return '';
}
