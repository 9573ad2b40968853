"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseTimeWindow = parseTimeWindow;
/**
 * A time window given as `start`, `end` and optionally `timeZone` (the scheduling steps): each end
 * an ISO 8601 date-time with an offset, or a local time in `timeZone`; checked in order and
 * against the longest span the step allows, before any request.
 */
const errors_1 = require("../errors");
const datetime_1 = require("./datetime");
const fields_1 = require("./fields");
const timezones_1 = require("./timezones");
const DAY_MS = 86_400_000;
/** `limit` names what imposes the longest span, for the message ("Microsoft Graph's free/busy"). */
function parseTimeWindow(body, maxDays, limit) {
    const given = (0, fields_1.isAbsent)(body.timeZone) ? undefined : (0, timezones_1.resolveTimeZone)(body.timeZone, 'timeZone');
    const start = (0, datetime_1.parseEventTime)(body.start, 'start', { timeZone: given });
    const end = (0, datetime_1.parseEventTime)(body.end, 'end', { timeZone: given });
    if (end.epochMs <= start.epochMs)
        throw new errors_1.InputError('end', `must be after start (${start.dateTime} ${start.timeZone})`);
    const span = end.epochMs - start.epochMs;
    if (span > maxDays * DAY_MS) {
        const days = Math.round((span / DAY_MS) * 100) / 100;
        throw new errors_1.InputError('end', `is ${days} days after start; ${limit} covers at most ${maxDays} days: shorten the window, or split it over several messages`);
    }
    return { start, end, zone: given ?? timezones_1.UTC_ZONE };
}
