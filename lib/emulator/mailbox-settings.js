"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidSettings = exports.DEFAULT_SETTINGS = void 0;
exports.settingsOf = settingsOf;
exports.timeOfDayMs = timeOfDayMs;
exports.changeSettings = changeSettings;
exports.renderWorkingHours = renderWorkingHours;
exports.workingIntervals = workingIntervals;
/**
 * The mailbox settings free/busy and meeting suggestions read: the mailbox's time zone and working
 * hours (user-get-mailboxsettings.md, workinghours.md). Every mailbox starts with Outlook's
 * defaults as findMeetingTimes describes them ("Monday to Friday, 8am to 5pm in the time zone set
 * for the mailbox"); the control API changes them. Kept beside the mailbox rather than in it, so
 * the mailbox model stays what the mail and calendar routes need.
 */
const json_1 = require("./json");
const recurrence_1 = require("./recurrence");
const timezones_1 = require("./timezones");
/**
 * As the published mailboxSettings example shows them: the mailbox's zone UTC, working hours
 * Monday to Friday 8:00 to 17:00 Pacific time (Contoso's examples are in Seattle; the getSchedule
 * and findMeetingTimes examples use Pacific time too).
 */
exports.DEFAULT_SETTINGS = Object.freeze({
    timeZone: 'UTC',
    workingHours: Object.freeze({
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00',
        endTime: '17:00:00',
        timeZone: 'Pacific Standard Time',
    }),
});
const settings = new WeakMap();
/** A change the control API refuses (it answers 400 with the message). */
class InvalidSettings extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidSettings';
    }
}
exports.InvalidSettings = InvalidSettings;
function settingsOf(mailbox) {
    return settings.get(mailbox) ?? exports.DEFAULT_SETTINGS;
}
const DAY = 86_400_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,7})?)?$/;
/** Milliseconds after midnight of 'HH:mm[:ss[.fffffff]]'. */
function timeOfDayMs(text) {
    const m = TIME_OF_DAY.exec(text);
    return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 : undefined;
}
function zoneNamed(value, what) {
    const zone = typeof value === 'string' ? (0, timezones_1.graphTimeZone)(value) : undefined;
    if (!zone)
        throw new InvalidSettings(`${what} must be a time zone Graph knows (Windows or IANA name)`);
    return zone;
}
/** Replaces what `changes` names ({timeZone?, workingHours?: {daysOfWeek?, startTime?, endTime?, timeZone?}}). */
function changeSettings(mailbox, changes) {
    const current = settingsOf(mailbox);
    const next = { timeZone: current.timeZone, workingHours: { ...current.workingHours, daysOfWeek: [...current.workingHours.daysOfWeek] } };
    if (changes.timeZone !== undefined)
        next.timeZone = zoneNamed(changes.timeZone, 'timeZone').graphName;
    if (changes.workingHours !== undefined) {
        const hours = changes.workingHours;
        if (!(0, json_1.isObject)(hours))
            throw new InvalidSettings('workingHours must be an object');
        if (hours.daysOfWeek !== undefined) {
            const days = Array.isArray(hours.daysOfWeek) ? hours.daysOfWeek.map((d) => String(d).toLowerCase()) : [];
            if (!days.every((d) => recurrence_1.DAYS_OF_WEEK.includes(d))) {
                throw new InvalidSettings(`workingHours.daysOfWeek must be a list of ${recurrence_1.DAYS_OF_WEEK.join(', ')}`);
            }
            next.workingHours.daysOfWeek = recurrence_1.DAYS_OF_WEEK.filter((d) => days.includes(d));
        }
        for (const key of ['startTime', 'endTime']) {
            if (hours[key] === undefined)
                continue;
            const ms = typeof hours[key] === 'string' ? timeOfDayMs(hours[key]) : undefined;
            if (ms === undefined)
                throw new InvalidSettings(`workingHours.${key} must be a time of day such as '08:30:00'`);
            next.workingHours[key] = new Date(ms).toISOString().slice(11, 19);
        }
        if (hours.timeZone !== undefined)
            next.workingHours.timeZone = zoneNamed(hours.timeZone, 'workingHours.timeZone').graphName;
    }
    settings.set(mailbox, next);
    return next;
}
/** workingHours as Graph renders it: times of day with seven fractional digits, the zone as a timeZoneBase. */
function renderWorkingHours(hours) {
    return {
        daysOfWeek: [...hours.daysOfWeek],
        startTime: `${hours.startTime}.0000000`,
        endTime: `${hours.endTime}.0000000`,
        timeZone: { name: hours.timeZone },
    };
}
/**
 * The mailbox's working hours overlapping `window`, as instants, in order: on the working days
 * (`everyDay`: on every day, findMeetingTimes' `personal` activity domain), from the start time
 * to the end time of that day in the working hours' zone, across DST as the wall clock goes. An
 * end time at or before the start time ends the next day (a night shift).
 */
function workingIntervals(hours, window, everyDay = false) {
    const zone = (0, timezones_1.graphTimeZone)(hours.timeZone);
    const start = timeOfDayMs(hours.startTime);
    let end = timeOfDayMs(hours.endTime);
    if (end <= start)
        end += DAY;
    const found = [];
    // Wall dates a day either side of the window cover every zone's offset.
    for (let day = Math.floor(window.startMs / DAY) - 2; day * DAY <= window.endMs + DAY; day += 1) {
        const weekday = recurrence_1.DAYS_OF_WEEK[(((day + 4) % 7) + 7) % 7];
        if (!everyDay && !hours.daysOfWeek.includes(weekday))
            continue;
        const from = (0, timezones_1.wallToUtc)(zone, day * DAY + start);
        const to = (0, timezones_1.wallToUtc)(zone, day * DAY + end);
        if (to > window.startMs && from < window.endMs)
            found.push({ startMs: Math.max(from, window.startMs), endMs: Math.min(to, window.endMs) });
    }
    return found;
}
