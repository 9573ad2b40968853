"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getCalendars = exports.UPCOMING_FIELDS = exports.MAX_GRACE_MINUTES = exports.MAX_MINUTES_BEFORE = exports.DEFAULT_GRACE_MINUTES = exports.DEFAULT_MINUTES_BEFORE = void 0;
exports.upcomingSpec = upcomingSpec;
exports.dueMessage = dueMessage;
exports.process = processTrigger;
/**
 * Events Starting Soon: each occurrence of a calendar (recurring series expanded) emitted once when
 * it comes within `minutesBefore` of its start, by Graph's clock; an occurrence moved to another
 * start is emitted again when that start comes near; cancelled and deleted ones are not. The poll
 * and what it remembers are src/graph/upcomingPoll.ts and src/graph/upcoming.ts.
 */
const messages_1 = require("elasticio-node/lib/messages");
const calendars_1 = require("../graph/calendars");
const session_1 = require("../graph/session");
const upcomingPoll_1 = require("../graph/upcomingPoll");
const zonedTime_1 = require("../graph/zonedTime");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
exports.DEFAULT_MINUTES_BEFORE = 15;
exports.DEFAULT_GRACE_MINUTES = 15;
/** A day ahead at most: how many occurrences a poll must remember grows with it. */
exports.MAX_MINUTES_BEFORE = 1440;
exports.MAX_GRACE_MINUTES = 1440;
exports.UPCOMING_FIELDS = [
    'id', 'type', 'seriesMasterId', 'iCalUId', 'subject', 'bodyPreview', 'start', 'end', 'originalStart', 'isAllDay', 'isCancelled',
    'location', 'organizer', 'attendees', 'responseStatus', 'isOnlineMeeting', 'onlineMeetingProvider', 'onlineMeeting', 'webLink',
    'showAs', 'importance', 'sensitivity', 'categories', 'reminderMinutesBeforeStart', 'lastModifiedDateTime',
];
const MINUTE = 60_000;
/** The poll's settings from the configuration, checked before any request. */
function upcomingSpec(cfg, root) {
    const zone = (0, fields_1.isAbsent)(cfg.timeZone) ? timezones_1.UTC_ZONE : (0, timezones_1.resolveTimeZone)(cfg.timeZone, 'timeZone');
    return {
        calendarPath: (0, calendars_1.calendarPath)(root, cfg.calendarId),
        leadMs: ((0, fields_1.optionalInteger)(cfg.minutesBefore, 'minutesBefore', 0, exports.MAX_MINUTES_BEFORE) ?? exports.DEFAULT_MINUTES_BEFORE) * MINUTE,
        graceMs: ((0, fields_1.optionalInteger)(cfg.graceMinutes, 'graceMinutes', 0, exports.MAX_GRACE_MINUTES) ?? exports.DEFAULT_GRACE_MINUTES) * MINUTE,
        zone,
        select: exports.UPCOMING_FIELDS,
    };
}
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** The message for one due occurrence: its start and end in the chosen zone, and as instants. */
function dueMessage(due, zone) {
    const e = due.event;
    const allDay = e.isAllDay === true;
    return {
        id: e.id,
        type: e.type,
        seriesMasterId: e.seriesMasterId ?? null,
        iCalUId: e.iCalUId,
        subject: e.subject ?? '',
        bodyPreview: e.bodyPreview ?? null,
        start: allDay ? (0, zonedTime_1.floatingMidnight)(String(e.start?.dateTime).slice(0, 10), zone) : (0, zonedTime_1.inZone)(due.startMs, zone),
        end: allDay ? (0, zonedTime_1.floatingMidnight)(String(e.end?.dateTime).slice(0, 10), zone) : (0, zonedTime_1.inZone)(due.endMs, zone),
        startsAt: iso(due.startMs),
        endsAt: iso(due.endMs),
        minutesToStart: Math.floor((due.startMs - due.pollAt) / MINUTE),
        late: due.startMs < due.pollAt,
        originalStart: e.originalStart ?? null,
        isAllDay: allDay,
        location: e.location ?? null,
        organizer: e.organizer ?? null,
        attendees: e.attendees ?? [],
        responseStatus: e.responseStatus ?? null,
        isOnlineMeeting: e.isOnlineMeeting ?? false,
        onlineMeetingProvider: e.onlineMeetingProvider ?? null,
        onlineMeeting: e.onlineMeeting?.joinUrl ? { joinUrl: e.onlineMeeting.joinUrl } : null,
        webLink: e.webLink,
        showAs: e.showAs,
        importance: e.importance,
        sensitivity: e.sensitivity,
        categories: e.categories ?? [],
        reminderMinutesBeforeStart: e.reminderMinutesBeforeStart ?? null,
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    const session = (0, session_1.createSession)(cfg, this);
    const spec = upcomingSpec(cfg, session.root);
    const result = await (0, upcomingPoll_1.pollUpcoming)(session, spec, snapshot, {
        emit: async (due) => { await this.emit('data', (0, messages_1.newMessageWithBody)(dueMessage(due, spec.zone))); },
        persist: async (next) => { await this.emit('snapshot', next); },
    }, this.logger);
    this.logger.info(`Poll finished at ${iso(result.pollAt)} (Graph's clock): ${result.emitted} occurrence(s) starting soon, ${result.requests} request(s)`);
}
// The Calendar field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getCalendars", { enumerable: true, get: function () { return dropdowns_1.getCalendars; } });
