"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CALENDAR_VIEW_ROUTES = exports.MAX_WINDOW_DAYS = void 0;
exports.readWindow = readWindow;
/**
 * calendarView and instances: what a calendar shows in a time window, recurring series expanded
 * into occurrences and exceptions (user-list-calendarview.md, calendar-list-calendarview.md,
 * event-list-instances.md). Listed through the same OData machinery as /events: $select, $top,
 * $skip nextLinks (which keep the window), $filter, $orderby (default: start/dateTime ascending).
 */
const entity_event_1 = require("./entity-event");
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const instances_1 = require("./instances");
const timefmt_1 = require("./timefmt");
/**
 * The longest window Graph serves: "The range between the start and end dates is greater than the
 * allowed range. Maximum number of days: 1825" (microsoft-graph-docs issue #6284).
 */
exports.MAX_WINDOW_DAYS = 1825;
const DAY = 86_400_000;
/** A query parameter by name in any case (Graph reads StartDateTime and startDateTime alike). */
function param(params, name) {
    for (const [key, value] of params)
        if (key.toLowerCase() === name.toLowerCase())
            return value;
    return null;
}
/**
 * startDateTime and endDateTime, both required. An offset or Z is honoured, a time without one is
 * UTC ("not impacted by the value of the Prefer: outlook.timezone header"); up to 7 fractional
 * digits, compared exactly. Errors as Graph words them (microsoft-graph-docs issue #57, a malformed
 * value in public reports, e.g. msgraph-sdk-javascript #529 for an unencoded `+`).
 */
function readWindow(params) {
    const raw = { StartDateTime: param(params, 'startDateTime'), EndDateTime: param(params, 'endDateTime') };
    if (raw.StartDateTime === null || raw.EndDateTime === null) {
        throw new errors_1.GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
    }
    const instant = (name) => {
        const text = raw[name];
        const parsed = (0, timefmt_1.parseDateTimeOffset)(text) ?? (0, timefmt_1.parseDateTimeOffset)(`${text}Z`);
        if (!parsed)
            throw new errors_1.GraphError(400, 'ErrorInvalidParameter', `The value '${text}' of parameter '${name}' is invalid.`);
        return parsed.ms + parsed.subMs / 10_000;
    };
    const window = { startMs: instant('StartDateTime'), endMs: instant('EndDateTime') };
    if (window.endMs - window.startMs > exports.MAX_WINDOW_DAYS * DAY) {
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', `Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: ${exports.MAX_WINDOW_DAYS}`);
    }
    return window;
}
function calendarOf(req, scope, calendarId) {
    return scope === 'default' ? req.mailbox.calendar() : (0, graph_request_1.lookup)(calendarId, (id) => req.mailbox.calendar(id));
}
/** `/calendarView` and `/calendar/calendarView` are the default calendar's (user-list-calendarview.md). */
const listCalendarView = (scope, set) => (req, { calendarId }) => {
    const window = readWindow(req.params);
    const calendar = calendarOf(req, scope, calendarId);
    const where = scope === 'byId' ? `calendars('${encodeURIComponent(calendar.id)}')/calendarView` : set;
    return (0, graph_request_1.listItems)(req, entity_event_1.EVENT_INSTANCE, (0, instances_1.calendarView)(req.mailbox.calendarEvents(calendar).index('createdDateTime').items, window), where);
};
/** A series master's occurrences and exceptions in the window; other events have none. */
const listInstances = (scope) => (req, { calendarId, eventId }) => {
    const window = readWindow(req.params);
    const calendar = scope === 'all' ? undefined : calendarOf(req, scope, calendarId);
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    if (calendar && event.calendarId !== calendar.id)
        throw (0, errors_1.notFound)();
    const items = event.recurrence ? (0, instances_1.seriesInstances)(event, window) : [];
    return (0, graph_request_1.listItems)(req, entity_event_1.EVENT_INSTANCE, items, `events('${encodeURIComponent(event.id)}')/instances`);
};
exports.CALENDAR_VIEW_ROUTES = [
    { method: 'GET', pattern: '/calendarView', handler: listCalendarView('default', 'calendarView'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendar/calendarView', handler: listCalendarView('default', 'calendar/calendarView'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendars/{calendarId}/calendarView', handler: listCalendarView('byId', ''), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/events/{eventId}/instances', handler: listInstances('all'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendar/events/{eventId}/instances', handler: listInstances('default'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendars/{calendarId}/events/{eventId}/instances', handler: listInstances('byId'), permission: 'Calendars.Read' },
];
