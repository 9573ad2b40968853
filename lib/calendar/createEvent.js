"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getCalendars = void 0;
exports.buildEvent = buildEvent;
exports.transactionIdFor = transactionIdFor;
exports.process = processAction;
/**
 * Create Event. Input is validated in full before the request; the request carries a transactionId
 * derived from the incoming message and its event, so Outlook drops a repeat of it (a retried POST
 * after a lost answer, or the platform replaying the message) instead of double-booking.
 */
const node_crypto_1 = require("node:crypto");
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const calendars_1 = require("../graph/calendars");
const session_1 = require("../graph/session");
const attendees_1 = require("../validation/attendees");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
/** Outlook's longest reminder: four weeks. */
const MAX_REMINDER_MINUTES = 40_320;
/** The usual mistake with all-day events: one day given as start = end = that day. */
function allDayEndHint(startDateTime) {
    const day = startDateTime.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return `; for an all-day event, end is the day after the last day (start ${day}, end ${next} for one day)`;
}
function buildEvent(input) {
    const body = (0, fields_1.inputObject)(input);
    const isAllDay = (0, fields_1.parseFlag)(body.isAllDay, 'isAllDay');
    const timeZone = (0, fields_1.isAbsent)(body.timeZone) ? undefined : (0, timezones_1.resolveTimeZone)(body.timeZone, 'timeZone');
    const start = (0, datetime_1.parseEventTime)(body.start, 'start', { timeZone, allDay: isAllDay });
    const end = (0, datetime_1.parseEventTime)(body.end, 'end', { timeZone, allDay: isAllDay });
    if (end.epochMs <= start.epochMs)
        throw new errors_1.InputError('end', `must be after start${end.epochMs === start.epochMs && isAllDay ? allDayEndHint(start.dateTime) : ''}`);
    const location = (0, fields_1.optionalText)(body.location, 'location', 255);
    const isOnlineMeeting = (0, fields_1.parseFlag)(body.isOnlineMeeting, 'isOnlineMeeting');
    const event = {
        subject: (0, fields_1.requiredText)(body.subject, 'subject', 255),
        body: { contentType: (0, fields_1.oneOf)(body.bodyContentType, 'bodyContentType', ['text', 'html'], 'text'), content: (0, fields_1.optionalText)(body.body, 'body', 1024 * 1024) ?? '' },
        start: { dateTime: start.dateTime, timeZone: start.timeZone },
        end: { dateTime: end.dateTime, timeZone: end.timeZone },
        isAllDay,
        attendees: (0, attendees_1.parseAttendees)(body),
        importance: (0, fields_1.oneOf)(body.importance, 'importance', ['low', 'normal', 'high'], 'normal'),
        showAs: (0, fields_1.oneOf)(body.showAs, 'showAs', ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'], 'busy'),
        sensitivity: (0, fields_1.oneOf)(body.sensitivity, 'sensitivity', ['normal', 'personal', 'private', 'confidential'], 'normal'),
        categories: (0, fields_1.stringList)(body.categories, 'categories', { maxItems: 25, maxLength: 255 }),
    };
    if (location)
        event.location = { displayName: location };
    if (isOnlineMeeting) {
        event.isOnlineMeeting = true;
        event.onlineMeetingProvider = 'teamsForBusiness';
    }
    const reminder = (0, fields_1.optionalInteger)(body.reminderMinutesBeforeStart, 'reminderMinutesBeforeStart', 0, MAX_REMINDER_MINUTES);
    if (reminder !== undefined) {
        event.isReminderOn = true;
        event.reminderMinutesBeforeStart = reminder;
    }
    return event;
}
/**
 * Outlook drops a create whose transactionId it has already seen, so the id must repeat exactly when
 * a second POST would book the same thing again: the same message carrying the same event. It is a
 * hash of the step, the calendar, the message id AND the event, so that
 * - a redelivery of the message, or our own retry after a lost answer, sends the same id: booked once;
 * - two messages sharing an id with different events (a step that re-emits its incoming message once
 *   per item) get different ids: both are booked;
 * - without a message id nothing tells a redelivery from a second request, and merging two real
 *   bookings silently is worse than booking twice, so a nonce drawn once per run stands in for the
 *   id: the retries of this run's POST (the retry middleware re-sends the same body) share it, and
 *   other runs never do. Platform messages always carry an id; only hand-made ones lack it.
 */
function transactionIdFor(msgId, calendar, event, stepId = process.env.ELASTICIO_STEP_ID ?? '') {
    const source = typeof msgId === 'string' && msgId ? `message:${msgId}` : `run:${(0, node_crypto_1.randomUUID)()}`;
    // JSON of the parts, not a join: no two different inputs can run together into the same text.
    const parts = JSON.stringify([stepId, calendar, source, event]);
    const hex = (0, node_crypto_1.createHash)('sha256').update(parts).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
async function processAction(msg, cfg) {
    const event = buildEvent(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    if (event.isOnlineMeeting && !session.cloud.teamsMeetings) {
        throw new errors_1.InputError('isOnlineMeeting', `the ${session.cloud.name} cloud offers no Microsoft Teams meetings through Microsoft Graph, so Outlook would create the event without one: set Teams meeting to false (or leave it empty) and add the meeting details to the body`);
    }
    const calendar = (0, calendars_1.calendarPath)(session.root, cfg.calendarId);
    event.transactionId = transactionIdFor(msg.id, calendar, event);
    // Graph answers in UTC unless asked; the output should show the zone the event was given in.
    const { body: created } = await session.post(`${calendar}/events`, event, { idempotent: true, prefer: [`outlook.timezone="${event.start.timeZone}"`] });
    this.logger.info('Event created');
    return (0, messages_1.newMessageWithBody)({
        id: created.id,
        iCalUId: created.iCalUId,
        webLink: created.webLink,
        subject: created.subject,
        start: created.start,
        end: created.end,
        isAllDay: created.isAllDay,
        isOnlineMeeting: created.isOnlineMeeting,
        joinUrl: created.onlineMeeting?.joinUrl ?? undefined,
        attendees: created.attendees,
        transactionId: created.transactionId ?? event.transactionId,
    });
}
// The Calendar field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getCalendars", { enumerable: true, get: function () { return dropdowns_1.getCalendars; } });
