"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_WINDOW_DAYS = void 0;
exports.eventIdSegment = eventIdSegment;
exports.parseOccurrenceStart = parseOccurrenceStart;
exports.parseWindowBound = parseWindowBound;
exports.parseWindow = parseWindow;
/**
 * Which event a step acts on: an Outlook event id, and for one occurrence of a recurring series
 * the start of that occurrence (an instant, a local time with the step's time zone, or a date).
 */
const errors_1 = require("../errors");
const odata_1 = require("../graph/odata");
const echo_1 = require("./echo");
const datetime_1 = require("./datetime");
const fields_1 = require("./fields");
const isoDateTime_1 = require("./isoDateTime");
const timezones_1 = require("./timezones");
const zoneClock_1 = require("./zoneClock");
const EXAMPLE = "use '2026-03-10T09:00:00+01:00', a local time such as '2026-03-10T09:00:00' with Time zone set, or the date '2026-03-10'";
/** The event id, checked to stay one path segment (percent-encoded). */
function eventIdSegment(value, field = 'eventId') {
    if ((0, fields_1.isAbsent)(value) || (typeof value === 'string' && value.trim() === ''))
        throw new errors_1.InputError(field, 'is required: map the id of an event (from Create Event, Find Events or a trigger)');
    return (0, odata_1.idSegment)(value, field);
}
/** The occurrence's start, or undefined for the event (the whole series) itself. */
function parseOccurrenceStart(value, zone, field = 'occurrenceStart') {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `expected the occurrence's start as text, got ${(0, echo_1.describe)(value)}; ${EXAMPLE}`);
    const text = value.trim();
    if (text === '')
        return undefined;
    const iso = (0, isoDateTime_1.lexIso)(text);
    if (typeof iso === 'string')
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(text)} is not a valid date-time: ${iso}; ${EXAMPLE}`);
    const date = text.slice(0, 10);
    if (!iso.hasTime)
        return { date, text, dateOnly: true };
    if (iso.offsetMinutes !== undefined) {
        const epochMs = Math.floor(((0, zoneClock_1.wallAsUtcMs)(iso.wall, iso.millisecond) - iso.offsetMinutes * 60_000) / 1000) * 1000;
        return { epochMs, date, text, dateOnly: false };
    }
    if (!zone)
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(text)} has no UTC offset and no time zone is set; add Z or an offset such as +01:00, or choose a time zone such as 'Europe/Berlin'`);
    return { epochMs: (0, datetime_1.wallTimeToEpoch)(text, zone.iana, field), date, text, dateOnly: false };
}
/** Outlook's longest calendarView window (microsoft-graph-docs issue #6284: "Maximum number of days: 1825"). */
exports.MAX_WINDOW_DAYS = 1825;
const DAY_MS = 86_400_000;
/**
 * One end of a time window: an instant with Z or an offset, a local time in `zone`, or a date
 * (its midnight in `zone`); local times and dates are UTC when no zone is set.
 */
function parseWindowBound(value, field, zone) {
    const example = "use '2026-03-10T09:00:00+01:00', a local time such as '2026-03-10T09:00:00' with Time zone set, or a date such as '2026-03-10'";
    if ((0, fields_1.isAbsent)(value) || (typeof value === 'string' && value.trim() === ''))
        throw new errors_1.InputError(field, `is required; ${example}`);
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `expected a date or date-time as text, got ${(0, echo_1.describe)(value)}; ${example}`);
    const text = value.trim();
    const iso = (0, isoDateTime_1.lexIso)(text);
    if (typeof iso === 'string')
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(text)} is not a valid date-time: ${iso}; ${example}`);
    if (iso.offsetMinutes !== undefined)
        return (0, zoneClock_1.wallAsUtcMs)(iso.wall, iso.millisecond) - iso.offsetMinutes * 60_000;
    const wall = iso.hasTime ? text : `${text}T00:00:00`;
    return (0, datetime_1.wallTimeToEpoch)(wall.replace(' ', 'T'), (zone ?? timezones_1.UTC_ZONE).iana, field);
}
/** The window of Find Events: end after start, at most Outlook's 1825 days. */
function parseWindow(start, end, zone) {
    const startMs = parseWindowBound(start, 'windowStart', zone);
    const endMs = parseWindowBound(end, 'windowEnd', zone);
    if (endMs <= startMs)
        throw new errors_1.InputError('windowEnd', 'must be after windowStart: the window holds the events that overlap it');
    if (endMs - startMs > exports.MAX_WINDOW_DAYS * DAY_MS) {
        throw new errors_1.InputError('windowEnd', `the window spans ${Math.ceil((endMs - startMs) / DAY_MS)} days; Outlook lists at most ${exports.MAX_WINDOW_DAYS} days at once: split it into shorter windows`);
    }
    return { startMs, endMs };
}
