"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTENDEE_FIELDS = void 0;
exports.checkOrder = checkOrder;
exports.inputZone = inputZone;
exports.buildEvent = buildEvent;
exports.checkKindChange = checkKindChange;
exports.parseEventChanges = parseEventChanges;
const errors_1 = require("../errors");
const attendees_1 = require("./attendees");
const datetime_1 = require("./datetime");
const fields_1 = require("./fields");
const locations_1 = require("./locations");
const recurrence_1 = require("./recurrence");
const timezones_1 = require("./timezones");
exports.ATTENDEE_FIELDS = [...attendees_1.TYPED_ATTENDEE_FIELDS.map(([field]) => field), 'attendees'];
/** Outlook's longest reminder: four weeks. */
const MAX_REMINDER_MINUTES = 40_320;
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'];
const IMPORTANCE = ['low', 'normal', 'high'];
/** The usual mistake with all-day events: one day given as start = end = that day. */
function allDayEndHint(startDateTime) {
    const day = startDateTime.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return `; for an all-day event, end is the day after the last day (start ${day}, end ${next} for one day)`;
}
/** end after start, said the way that helps (an all-day event ends the day after its last day). */
function checkOrder(start, end, allDay) {
    if (end.epochMs <= start.epochMs)
        throw new errors_1.InputError('end', `must be after start${end.epochMs === start.epochMs && allDay ? allDayEndHint(start.dateTime) : ''}`);
}
/** The zone of the Time zone field (UTC when empty). */
function inputZone(body) {
    return (0, fields_1.isAbsent)(body.timeZone) ? undefined : (0, timezones_1.resolveTimeZone)(body.timeZone, 'timeZone');
}
/**
 * `location` (one name) and `locations` (several, with addresses) as Graph takes them: with
 * several places Graph's own example names them all in `location` too.
 */
function places(body) {
    const location = (0, fields_1.optionalText)(body.location, 'location', 255);
    const locations = (0, locations_1.parseLocations)(body.locations);
    if (locations)
        return { location: { displayName: location ?? locations.map((l) => l.displayName).join('; ') }, locations };
    return location ? { location: { displayName: location } } : {};
}
/** The fields of both steps that need no times: only those given (Create Event adds its defaults). */
function givenFields(body) {
    const event = {};
    const subject = (0, fields_1.optionalText)(body.subject, 'subject', 255);
    if (subject !== undefined) {
        if (subject.trim() === '')
            throw new errors_1.InputError('subject', 'is empty: give the event a subject');
        event.subject = subject;
    }
    const text = (0, fields_1.optionalText)(body.body, 'body', 1024 * 1024);
    const contentType = (0, fields_1.oneOf)(body.bodyContentType, 'bodyContentType', ['text', 'html']);
    if (text !== undefined)
        event.body = { contentType: contentType ?? 'text', content: text };
    const importance = (0, fields_1.oneOf)(body.importance, 'importance', IMPORTANCE);
    if (importance)
        event.importance = importance;
    const showAs = (0, fields_1.oneOf)(body.showAs, 'showAs', SHOW_AS);
    if (showAs)
        event.showAs = showAs;
    const sensitivity = (0, fields_1.oneOf)(body.sensitivity, 'sensitivity', SENSITIVITY);
    if (sensitivity)
        event.sensitivity = sensitivity;
    const categories = (0, fields_1.stringList)(body.categories, 'categories', { maxItems: 25, maxLength: 255 });
    if (categories.length)
        event.categories = categories;
    Object.assign(event, places(body));
    if (!(0, fields_1.isAbsent)(body.isOnlineMeeting)) {
        event.isOnlineMeeting = (0, fields_1.parseFlag)(body.isOnlineMeeting, 'isOnlineMeeting');
        if (event.isOnlineMeeting)
            event.onlineMeetingProvider = 'teamsForBusiness';
    }
    const reminder = (0, fields_1.optionalInteger)(body.reminderMinutesBeforeStart, 'reminderMinutesBeforeStart', 0, MAX_REMINDER_MINUTES);
    if (reminder !== undefined) {
        event.isReminderOn = true;
        event.reminderMinutesBeforeStart = reminder;
    }
    if (!(0, fields_1.isAbsent)(body.allowNewTimeProposals))
        event.allowNewTimeProposals = (0, fields_1.parseFlag)(body.allowNewTimeProposals, 'allowNewTimeProposals');
    return event;
}
/** What Create Event sends: every field, defaults filled in; recurrence checked against the times. */
function buildEvent(input) {
    const body = (0, fields_1.inputObject)(input);
    const isAllDay = (0, fields_1.parseFlag)(body.isAllDay, 'isAllDay');
    const zone = inputZone(body);
    const subject = (0, fields_1.requiredText)(body.subject, 'subject', 255);
    const start = (0, datetime_1.parseEventTime)(body.start, 'start', { timeZone: zone, allDay: isAllDay });
    const end = (0, datetime_1.parseEventTime)(body.end, 'end', { timeZone: zone, allDay: isAllDay });
    checkOrder(start, end, isAllDay);
    const given = givenFields(body);
    const attendees = (0, attendees_1.parseAttendees)(body);
    const recurrence = (0, recurrence_1.parseRecurrence)(body.recurrence, { startDate: start.dateTime.slice(0, 10), zone: zone ?? timezones_1.UTC_ZONE, durationMs: end.epochMs - start.epochMs });
    const { isOnlineMeeting, onlineMeetingProvider, location, locations, isReminderOn, reminderMinutesBeforeStart, allowNewTimeProposals } = given;
    const event = {
        subject,
        body: given.body ?? { contentType: (0, fields_1.oneOf)(body.bodyContentType, 'bodyContentType', ['text', 'html'], 'text'), content: '' },
        start: { dateTime: start.dateTime, timeZone: start.timeZone },
        end: { dateTime: end.dateTime, timeZone: end.timeZone },
        isAllDay,
        attendees,
        importance: given.importance ?? 'normal',
        showAs: given.showAs ?? 'busy',
        sensitivity: given.sensitivity ?? 'normal',
        categories: given.categories ?? [],
    };
    if (location)
        event.location = location;
    if (locations)
        event.locations = locations;
    if (isOnlineMeeting)
        Object.assign(event, { isOnlineMeeting, onlineMeetingProvider });
    if (reminderMinutesBeforeStart !== undefined)
        Object.assign(event, { isReminderOn, reminderMinutesBeforeStart });
    if (allowNewTimeProposals !== undefined)
        event.allowNewTimeProposals = allowNewTimeProposals;
    if (recurrence)
        event.recurrence = recurrence;
    return event;
}
/** An event turned all-day, or no longer all-day, needs its new times: Outlook cannot guess them. */
function checkKindChange(changes, eventIsAllDay) {
    if (changes.isAllDay === undefined || changes.isAllDay === eventIsAllDay || (changes.start && changes.end))
        return;
    throw new errors_1.InputError(changes.start ? 'end' : 'start', `is needed to make the event ${changes.isAllDay ? "all-day: give start and end as dates (start '2026-03-10', end '2026-03-11' for one day)" : 'no longer all-day: give start and end as dates and times'}`);
}
/**
 * Update Event's fields, every one optional. Start and end are read as all-day dates when
 * `isAllDay` says so, or when the event is all-day (`eventIsAllDay`, known after reading it).
 */
function parseEventChanges(input, eventIsAllDay = false) {
    const body = (0, fields_1.inputObject)(input);
    const zone = inputZone(body);
    const isAllDay = (0, fields_1.isAbsent)(body.isAllDay) ? undefined : (0, fields_1.parseFlag)(body.isAllDay, 'isAllDay');
    const allDay = isAllDay ?? eventIsAllDay;
    const start = (0, fields_1.isAbsent)(body.start) ? undefined : (0, datetime_1.parseEventTime)(body.start, 'start', { timeZone: zone, allDay });
    const end = (0, fields_1.isAbsent)(body.end) ? undefined : (0, datetime_1.parseEventTime)(body.end, 'end', { timeZone: zone, allDay });
    if (start && end)
        checkOrder(start, end, allDay);
    const changes = { event: givenFields(body), isAllDay, attendees: (0, attendees_1.parseAttendees)(body), recurrence: body.recurrence, zone };
    if (start)
        changes.start = start;
    if (end)
        changes.end = end;
    if (!(0, fields_1.isAbsent)(body.recurrence)) {
        // The rule itself is checked now; its dates once the series' start is known.
        (0, recurrence_1.parseRecurrence)(body.recurrence, { startDate: start?.dateTime.slice(0, 10), zone: zone ?? timezones_1.UTC_ZONE, durationMs: start && end ? end.epochMs - start.epochMs : undefined });
    }
    return changes;
}
