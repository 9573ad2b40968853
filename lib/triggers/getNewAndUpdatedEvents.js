"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_PAGE_SIZE = exports.EVENT_FIELDS = void 0;
exports.calendarPath = calendarPath;
exports.eventPollSpec = eventPollSpec;
exports.getCalendars = getCalendars;
exports.process = processTrigger;
const messages_1 = require("elasticio-node/lib/messages");
const calendars_1 = require("../graph/calendars");
const cursor_1 = require("../graph/cursor");
const odata_1 = require("../graph/odata");
const poll_1 = require("../graph/poll");
const session_1 = require("../graph/session");
const datetime_1 = require("../validation/datetime");
const timezones_1 = require("../validation/timezones");
exports.EVENT_FIELDS = [
    'id', 'changeKey', 'iCalUId', 'type', 'seriesMasterId', 'subject', 'bodyPreview', 'body',
    'start', 'end', 'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting',
    'onlineMeetingProvider', 'onlineMeeting', 'showAs', 'sensitivity', 'importance', 'recurrence',
    'isCancelled', 'categories', 'reminderMinutesBeforeStart', 'webLink', 'createdDateTime',
    'lastModifiedDateTime',
];
exports.EVENT_PAGE_SIZE = 1000;
/** `/calendar` is the default calendar; a chosen one is addressed by id. */
function calendarPath(root, calendarId) {
    return calendarId ? `${root}/calendars/${(0, odata_1.idSegment)(calendarId, 'calendarId')}` : `${root}/calendar`;
}
function eventPollSpec(cfg, root) {
    const zone = cfg.timeZone ? (0, timezones_1.resolveTimeZone)(cfg.timeZone, 'timeZone').graphName : 'UTC';
    return {
        collectionPath: `${calendarPath(root, cfg.calendarId)}/events`,
        timeField: 'lastModifiedDateTime',
        select: exports.EVENT_FIELDS,
        prefer: [`outlook.timezone="${zone}"`],
        pageSize: exports.EVENT_PAGE_SIZE,
        keyOf: (event) => (0, cursor_1.itemKey)(event.id, event.changeKey ?? ''),
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    const startTime = cfg.startTime ? (0, datetime_1.parseInstant)(cfg.startTime, 'startTime') : undefined;
    const session = (0, session_1.createSession)(cfg, this);
    const spec = eventPollSpec(cfg, session.root);
    const { emitted, pages } = await (0, poll_1.pollCollection)(session, spec, { snapshot, startTime }, {
        emit: async (event) => { await this.emit('data', (0, messages_1.newMessageWithBody)(event)); },
        persist: async (next) => { await this.emit('snapshot', next); },
    }, this.logger);
    this.logger.info(`Poll finished: ${emitted} new or changed event(s) in ${pages} page(s)`);
}
/** Dropdown: the mailbox's calendars, the default one first. */
async function getCalendars(cfg) {
    return (0, calendars_1.listCalendars)((0, session_1.createSession)(cfg, this));
}
