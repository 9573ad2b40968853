"use strict";
/**
 * Time zones as Outlook accepts them: 'UTC', IANA names, and Windows names (which most Outlook
 * clients and the Graph docs use). Conversion goes through Intl, so DST rules are the real ones.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.UTC = void 0;
exports.resolveTimeZone = resolveTimeZone;
exports.utcToWall = utcToWall;
exports.wallToUtc = wallToUtc;
/** Windows zone name -> IANA (the CLDR "001" territory mapping) for the zones people actually use. */
const WINDOWS_TO_IANA = {
    'UTC': 'UTC',
    'Coordinated Universal Time': 'UTC',
    'Dateline Standard Time': 'Etc/GMT+12',
    'Hawaiian Standard Time': 'Pacific/Honolulu',
    'Alaskan Standard Time': 'America/Anchorage',
    'Pacific Standard Time': 'America/Los_Angeles',
    'US Mountain Standard Time': 'America/Phoenix',
    'Mountain Standard Time': 'America/Denver',
    'Central Standard Time': 'America/Chicago',
    'Central America Standard Time': 'America/Guatemala',
    'Eastern Standard Time': 'America/New_York',
    'Atlantic Standard Time': 'America/Halifax',
    'Newfoundland Standard Time': 'America/St_Johns',
    'E. South America Standard Time': 'America/Sao_Paulo',
    'Argentina Standard Time': 'America/Buenos_Aires',
    'Greenwich Standard Time': 'Atlantic/Reykjavik',
    'GMT Standard Time': 'Europe/London',
    'W. Europe Standard Time': 'Europe/Berlin',
    'Central Europe Standard Time': 'Europe/Budapest',
    'Central European Standard Time': 'Europe/Warsaw',
    'Romance Standard Time': 'Europe/Paris',
    'W. Central Africa Standard Time': 'Africa/Lagos',
    'GTB Standard Time': 'Europe/Bucharest',
    'E. Europe Standard Time': 'Europe/Chisinau',
    'FLE Standard Time': 'Europe/Kiev',
    'Egypt Standard Time': 'Africa/Cairo',
    'South Africa Standard Time': 'Africa/Johannesburg',
    'Israel Standard Time': 'Asia/Jerusalem',
    'Turkey Standard Time': 'Europe/Istanbul',
    'Russian Standard Time': 'Europe/Moscow',
    'Arabian Standard Time': 'Asia/Dubai',
    'Pakistan Standard Time': 'Asia/Karachi',
    'India Standard Time': 'Asia/Calcutta',
    'Bangladesh Standard Time': 'Asia/Dhaka',
    'SE Asia Standard Time': 'Asia/Bangkok',
    'China Standard Time': 'Asia/Shanghai',
    'Singapore Standard Time': 'Asia/Singapore',
    'Taipei Standard Time': 'Asia/Taipei',
    'W. Australia Standard Time': 'Australia/Perth',
    'Tokyo Standard Time': 'Asia/Tokyo',
    'Korea Standard Time': 'Asia/Seoul',
    'AUS Eastern Standard Time': 'Australia/Sydney',
    'New Zealand Standard Time': 'Pacific/Auckland',
};
const formatters = new Map();
function formatterFor(iana) {
    let f = formatters.get(iana);
    if (f === undefined) {
        try {
            f = new Intl.DateTimeFormat('en-US', {
                timeZone: iana, hourCycle: 'h23',
                year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
            });
        }
        catch {
            f = null;
        }
        formatters.set(iana, f);
    }
    return f;
}
function resolveTimeZone(name) {
    const windows = Object.keys(WINDOWS_TO_IANA).find((k) => k.toLowerCase() === name.toLowerCase());
    const iana = windows ? WINDOWS_TO_IANA[windows] : name;
    return formatterFor(iana) ? { name: windows ?? name, iana } : undefined;
}
exports.UTC = { name: 'UTC', iana: 'UTC' };
/** Wall clock in the zone, expressed as if it were UTC epoch ms. */
function utcToWall(zone, utcMs) {
    if (zone.iana === 'UTC')
        return utcMs;
    const parts = formatterFor(zone.iana).formatToParts(new Date(utcMs));
    const get = (type) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
        + (((utcMs % 1000) + 1000) % 1000);
}
/** The instant at which the zone's wall clock shows `wallMs` (first match across a DST fold). */
function wallToUtc(zone, wallMs) {
    if (zone.iana === 'UTC')
        return wallMs;
    const guess = wallMs - (utcToWall(zone, wallMs) - wallMs);
    return wallMs - (utcToWall(zone, guess) - guess);
}
