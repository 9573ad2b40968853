"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ATTENDEES_MODES = void 0;
exports.parseUpdateInput = parseUpdateInput;
exports.mergeAttendees = mergeAttendees;
exports.patchFor = patchFor;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const events_1 = require("../graph/events");
const session_1 = require("../graph/session");
const attachments_1 = require("../platform/attachments");
const eventAttachments_1 = require("../platform/eventAttachments");
const datetime_1 = require("../validation/datetime");
const event_1 = require("../validation/event");
const eventRef_1 = require("../validation/eventRef");
const fields_1 = require("../validation/fields");
const recurrence_1 = require("../validation/recurrence");
const timezones_1 = require("../validation/timezones");
exports.ATTENDEES_MODES = ['replace', 'add'];
/** What the event must show to check the changes against it. */
const CONTEXT_FIELDS = ['type', 'start', 'end', 'isAllDay', 'originalStartTimeZone', 'recurrence', 'attendees'];
/** Everything checked before a request. */
function parseUpdateInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const dateOnly = (value) => typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);
    // Dates alone are read as an all-day event's days; once the event is read, it decides.
    const changes = (0, event_1.parseEventChanges)(body, (0, fields_1.isAbsent)(body.isAllDay) && (dateOnly(body.start) || dateOnly(body.end)));
    const occurrence = (0, eventRef_1.parseOccurrenceStart)(body.occurrenceStart, changes.zone);
    if (occurrence && !(0, fields_1.isAbsent)(body.recurrence)) {
        throw new errors_1.InputError('recurrence', 'an occurrence has no recurrence of its own: to change the recurrence, use the whole series (leave occurrenceStart empty)');
    }
    const mode = (0, fields_1.oneOf)(body.attendeesMode, 'attendeesMode', exports.ATTENDEES_MODES, 'replace');
    const given = Object.keys(changes.event).length > 0 || changes.start || changes.end || changes.isAllDay !== undefined || changes.attendees.length > 0 || !(0, fields_1.isAbsent)(body.recurrence);
    return { body, idSegment: (0, eventRef_1.eventIdSegment)(body.eventId), occurrence, changes, mode, given: Boolean(given) };
}
const address = (a) => (a.emailAddress?.address ?? '').toLowerCase();
/** `add`: those invited stay; the given ones are added, or take the type given. */
function mergeAttendees(current, given) {
    const wanted = new Map(given.map((a) => [address(a), a]));
    const merged = current.map((a) => {
        const update = wanted.get(address(a));
        wanted.delete(address(a));
        return update ? { emailAddress: a.emailAddress, type: update.type } : { emailAddress: a.emailAddress, type: a.type };
    });
    return [...merged, ...wanted.values()];
}
function sameAttendees(a, b) {
    const key = (list) => list.map((x) => `${address(x)} ${x.type}`).sort().join('\n');
    return key(a) === key(b);
}
/** An end of the event as Graph shows it (in `zone`), as the instant the checks compare. */
function eventTime(value, zone) {
    const wall = value?.dateTime?.slice(0, 19);
    if (!wall)
        return undefined;
    try {
        return { dateTime: wall, timeZone: zone.graphName, epochMs: (0, datetime_1.wallTimeToEpoch)(wall, zone.iana) };
    }
    catch {
        return undefined;
    }
}
/** The zone a series' dates are counted in: the one given now, else the series' own. */
function seriesZone(changes, event, fallback) {
    if (changes.zone)
        return changes.zone;
    for (const name of [event.recurrence?.range?.recurrenceTimeZone, event.originalStartTimeZone]) {
        if (name && (0, timezones_1.isKnownTimeZone)(name))
            return (0, timezones_1.resolveTimeZone)(name, 'timeZone');
    }
    return fallback;
}
/** The PATCH body: the given fields, checked against what the event is now. */
function patchFor(changes, mode, event, zone, recurrenceInput) {
    const patch = { ...changes.event };
    const allDay = changes.isAllDay ?? event.isAllDay ?? false;
    if (changes.isAllDay !== undefined)
        patch.isAllDay = changes.isAllDay;
    const start = changes.start ?? eventTime(event.start, zone);
    const end = changes.end ?? eventTime(event.end, zone);
    if ((changes.start || changes.end) && start && end)
        (0, event_1.checkOrder)(start, end, allDay);
    if (changes.start)
        patch.start = { dateTime: changes.start.dateTime, timeZone: changes.start.timeZone };
    if (changes.end)
        patch.end = { dateTime: changes.end.dateTime, timeZone: changes.end.timeZone };
    if (changes.attendees.length) {
        const attendees = mode === 'add' ? mergeAttendees(event.attendees ?? [], changes.attendees) : changes.attendees;
        if (mode === 'replace' || !sameAttendees(attendees, event.attendees ?? []))
            patch.attendees = attendees;
    }
    if (!(0, fields_1.isAbsent)(recurrenceInput)) {
        if (event.type === 'occurrence' || event.type === 'exception') {
            throw new errors_1.InputError('recurrence', `the event is one ${event.type} of a series and has no recurrence of its own: map the series' id (seriesMasterId) to change the series`);
        }
        // A new start is sent in the zone it was given in (UTC for an offset alone): the series' dates too.
        const series = changes.start ? changes.zone ?? timezones_1.UTC_ZONE : seriesZone(changes, event, zone);
        const startDate = changes.start ? changes.start.dateTime.slice(0, 10)
            : start ? (allDay ? start.dateTime.slice(0, 10) : (0, datetime_1.epochToWallTime)(start.epochMs, series.iana).slice(0, 10)) : undefined;
        patch.recurrence = (0, recurrence_1.parseRecurrence)(recurrenceInput, { startDate, zone: series, durationMs: start && end ? end.epochMs - start.epochMs : undefined });
    }
    return patch;
}
async function processAction(msg, cfg) {
    const input = parseUpdateInput(msg.body);
    const { body, idSegment, occurrence, mode, given } = input;
    let { changes } = input;
    const planned = (0, attachments_1.planAttachments)(msg.attachments);
    if (!given && planned.length === 0) {
        throw new errors_1.InputError('eventId', `nothing to change: give at least one field of the event (subject, start and end, ${event_1.ATTENDEE_FIELDS.join(', ')}, recurrence...) or attach files`);
    }
    const session = (0, session_1.createSession)(cfg, this);
    if (changes.event.isOnlineMeeting && !session.cloud.teamsMeetings) {
        throw new errors_1.InputError('isOnlineMeeting', `the ${session.cloud.name} cloud offers no Microsoft Teams meetings through Microsoft Graph: leave Teams meeting empty and add the meeting details to the body`);
    }
    const zone = changes.zone ?? timezones_1.UTC_ZONE;
    const found = await (0, events_1.resolveEvent)(session, idSegment, occurrence, zone, CONTEXT_FIELDS);
    if (!found)
        throw (0, events_1.eventGone)(session, occurrence ? 'occurrence' : 'event');
    if (changes.isAllDay === undefined && (changes.start || changes.end)) {
        // Times are read the way the event is: dates for an all-day event, dates and times otherwise.
        changes = (0, event_1.parseEventChanges)(body, found.event.isAllDay ?? false);
    }
    (0, event_1.checkKindChange)(changes, found.event.isAllDay ?? false);
    const prefer = [(0, events_1.zonePreference)(zone.graphName)];
    const added = await (0, eventAttachments_1.attachToEvent)(session, found.path, planned, typeof msg.id === 'string' ? { msgId: msg.id } : {});
    const patch = patchFor(changes, mode, found.event, zone, body.recurrence);
    let event;
    if (Object.keys(patch).length) {
        // A PATCH sets values: repeating it after a lost answer leaves the same event.
        event = (await session.patch(found.path, patch, { idempotent: true, prefer })).body;
    }
    else {
        event = await (0, events_1.readEvent)(session, found.path, events_1.EVENT_DETAIL_FIELDS, zone.graphName);
        if (!event)
            throw (0, events_1.eventGone)(session);
    }
    this.logger.info(`Event updated${added.length ? ` with ${added.length} attachment(s) added` : ''}`);
    return (0, messages_1.newMessageWithBody)({ ...(0, events_1.eventDetail)(event), attachments: added.map((file) => ({ name: file.name, size: file.size })) });
}
