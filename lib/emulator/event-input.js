"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NEVER = void 0;
exports.readTime = readTime;
exports.readEvent = readEvent;
/**
 * Reading an event from a client's JSON (POST events, control addEvent) with Outlook's checks:
 * start/end present and ordered, known time zones, all-day events on midnights, valid enums.
 */
const body_1 = require("./body");
const errors_1 = require("./errors");
const json_1 = require("./json");
const places_1 = require("./places");
const expand_1 = require("./expand");
const recurrence_1 = require("./recurrence");
const recipients_1 = require("./recipients");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
/** Graph's time of an answer never given. */
exports.NEVER = '0001-01-01T00:00:00Z';
function stringValue(value, fallback) {
    return typeof value === 'string' ? value : fallback;
}
/** A dateTimeTimeZone of a request body (an event's start or end, getSchedule's startTime...) as an instant. */
function readTime(value, which, allDay) {
    if (!(0, json_1.isObject)(value) || typeof value.dateTime !== 'string') {
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', `Your request can't be completed. The '${which}' property with a dateTime is required.`);
    }
    const zoneName = typeof value.timeZone === 'string' && value.timeZone ? value.timeZone : 'UTC';
    const zone = (0, timezones_1.graphTimeZone)(zoneName);
    if (!zone) {
        throw new errors_1.GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zoneName}'.`);
    }
    const wall = (0, timefmt_1.parseWallTime)(value.dateTime);
    if (!wall)
        throw (0, errors_1.badRequest)(`Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
    if (allDay)
        return { ms: wall.wallMs, zone: zone.graphName };
    return { ms: wall.absolute ? wall.wallMs : (0, timezones_1.wallToUtc)(zone, wall.wallMs), zone: zone.graphName };
}
function readAttendees(value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw (0, errors_1.badRequest)("The 'attendees' property must be an array.");
    return value.map((a) => {
        const email = (0, json_1.isObject)(a) && (0, json_1.isObject)(a.emailAddress) ? a.emailAddress : undefined;
        if (!email || !(0, recipients_1.isValidAddress)(email.address)) {
            throw new errors_1.GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
        }
        return {
            emailAddress: { name: stringValue(email.name, (0, recipients_1.nameFromAddress)(email.address)), address: email.address },
            type: (0, json_1.enumValue)(a.type, ['required', 'optional', 'resource'], 'required'),
            status: { response: 'none', time: exports.NEVER },
        };
    });
}
const DAY_MS = 24 * 3600 * 1000;
/** The dial-in number of the emulator's meetings (a fictional 555-01xx number). */
const TOLL_NUMBER = '+1 425 555 0100';
/** A Teams meeting as Graph's create examples show it: join link, conference id, dial-in number. */
function newOnlineMeeting(mailbox) {
    return {
        joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${mailbox.ids.hex(24)}%40thread.v2/0?context=%7b%22Tid%22%3a%22${mailbox.user.id}%22%7d`,
        conferenceId: String(parseInt(mailbox.ids.hex(4), 16) % 1e9).padStart(9, '0'),
        tollNumber: TOLL_NUMBER,
    };
}
/**
 * Outlook refuses a series whose occurrences would overlap: each must end before the next starts
 * (EWS ResponseCodeType ErrorOccurrenceTimeSpanTooBig; Outlook: "The duration of the appointment
 * must be shorter than how frequently it occurs"). Checked on the first 100 occurrences, enough to
 * meet a February and a leap day.
 */
function checkSpan(series) {
    const first = (0, expand_1.occurrences)(series, { startMs: series.startMs - DAY_MS, endMs: Infinity }, 100);
    const duration = series.endMs - series.startMs;
    for (let i = 1; i < first.length; i += 1) {
        if (first[i].startMs - first[i - 1].startMs < duration) {
            throw new errors_1.GraphError(400, 'ErrorOccurrenceTimeSpanTooBig', 'The duration of the occurrence is longer than the time between two occurrences of the recurrence pattern.');
        }
    }
}
/**
 * Everything but the ids: the caller stores it in `calendarId` of `mailbox`.
 * @param span start and end as instants, for a caller that has them (the seed) instead of the
 *   wall times in `json.start`/`json.end`: a wall time cannot name both sides of a DST fold.
 */
function readEvent(json, mailbox, calendarId, now, span) {
    const isAllDay = json.isAllDay === true;
    const { start, end } = span ?? { start: readTime(json.start, 'start', isAllDay), end: readTime(json.end, 'end', isAllDay) };
    if (end.ms < start.ms) {
        throw new errors_1.GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
    }
    if (isAllDay && (start.ms % DAY_MS !== 0 || end.ms % DAY_MS !== 0 || end.ms === start.ms)) {
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. All-day events must start and end at midnight, at least one day apart.');
    }
    const recurrence = (0, recurrence_1.readRecurrence)(json.recurrence, start.zone);
    if (recurrence)
        checkSpan({ recurrence, startMs: start.ms, endMs: end.ms, timeZone: start.zone, isAllDay });
    const body = (0, json_1.isObject)(json.body) ? json.body : {};
    const isOnlineMeeting = json.isOnlineMeeting === true;
    const importance = (0, json_1.enumValue)(json.importance, ['low', 'normal', 'high'], 'normal');
    return {
        calendarId,
        createdAt: now,
        lastModifiedAt: now,
        subject: stringValue(json.subject, ''),
        body: (0, body_1.storedBody)((0, json_1.enumValue)(body.contentType, ['text', 'html'], 'html'), stringValue(body.content, '')),
        startMs: start.ms,
        endMs: end.ms,
        startTimeZone: start.zone,
        endTimeZone: end.zone,
        isAllDay,
        ...(0, places_1.readPlaces)(json),
        attendees: readAttendees(json.attendees),
        organizer: { name: mailbox.user.displayName, address: mailbox.address },
        isOrganizer: true,
        isOnlineMeeting,
        onlineMeetingProvider: isOnlineMeeting
            ? (0, json_1.enumValue)(json.onlineMeetingProvider, ['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'], 'teamsForBusiness')
            : 'unknown',
        onlineMeeting: isOnlineMeeting ? newOnlineMeeting(mailbox) : null,
        showAs: (0, json_1.enumValue)(json.showAs, ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'], 'busy'),
        sensitivity: (0, json_1.enumValue)(json.sensitivity, ['normal', 'personal', 'private', 'confidential'], 'normal'),
        importance,
        recurrence,
        reminderMinutesBeforeStart: typeof json.reminderMinutesBeforeStart === 'number' ? json.reminderMinutesBeforeStart : 15,
        isReminderOn: json.isReminderOn !== false,
        categories: Array.isArray(json.categories) ? json.categories.filter((c) => typeof c === 'string') : [],
        transactionId: typeof json.transactionId === 'string' && json.transactionId ? json.transactionId : null,
        iCalUId: `040000008200E00074C5B7101A82E00800000000${mailbox.ids.hex(36)}`,
        isCancelled: false,
        allowNewTimeProposals: json.allowNewTimeProposals !== false,
        responseStatus: { response: 'organizer', time: exports.NEVER },
        attachments: [],
    };
}
