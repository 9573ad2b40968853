"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CALENDAR_ROUTES = void 0;
/** Calendars and events: listing (series masters and single instances), reading, creating, updating, deleting. */
const entity_folder_1 = require("./entity-folder");
const entity_event_1 = require("./entity-event");
const errors_1 = require("./errors");
const event_input_1 = require("./event-input");
const graph_request_1 = require("./graph-request");
const instances_1 = require("./instances");
const meetings_1 = require("./meetings");
const mutations_1 = require("./mutations");
function calendarIn(req, scope, calendarId) {
    if (scope === 'all')
        return undefined;
    if (scope === 'default')
        return req.mailbox.calendar();
    return (0, graph_request_1.lookup)(calendarId, (id) => req.mailbox.calendar(id));
}
/** The entity set in @odata.context: Graph names the calendar when the route does (`calendars('id')/events`). */
function eventSet(scope, calendar) {
    return scope === 'byId' ? `calendars('${encodeURIComponent(calendar.id)}')/events` : 'events';
}
const listCalendars = (req) => (0, graph_request_1.listItems)(req, entity_folder_1.CALENDAR, req.mailbox.calendars, 'calendars');
const getCalendar = (scope) => (req, { calendarId }) => (0, graph_request_1.itemResponse)(req, entity_folder_1.CALENDAR, calendarIn(req, scope, calendarId), 'calendars');
const listEvents = (scope) => (req, { calendarId }) => {
    const calendar = calendarIn(req, scope, calendarId);
    return (0, graph_request_1.listResponse)(req, entity_event_1.EVENT, calendar ? req.mailbox.calendarEvents(calendar) : req.mailbox.allEvents, eventSet(scope, calendar));
};
/** Occurrences and exceptions (ids from calendarView or instances) are read and written by id like any event. */
const getEvent = (scope) => (req, { calendarId, eventId }) => {
    const calendar = calendarIn(req, scope, calendarId);
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    if (calendar && event.calendarId !== calendar.id)
        throw (0, errors_1.notFound)();
    return (0, graph_request_1.itemResponse)(req, event.instance ? entity_event_1.EVENT_INSTANCE : entity_event_1.EVENT, event, eventSet(scope, calendar));
};
/**
 * A repeated transactionId returns the event already created, so a retried POST does not double-book.
 * Without outlook.timezone, Graph answers a create in the zones of the request's start and end.
 */
const createEvent = (scope) => (req, { calendarId }) => {
    const json = (0, graph_request_1.jsonBody)(req);
    const calendar = calendarIn(req, scope, calendarId);
    const existing = typeof json.transactionId === 'string' ? req.mailbox.eventByTransactionId(json.transactionId) : undefined;
    const event = existing ?? req.mailbox.insertEvents([(0, event_input_1.readEvent)(json, req.mailbox, calendar.id, req.world.now())])[0];
    if (!existing)
        (0, meetings_1.invite)(req.world, req.mailbox, event, req.world.now());
    const answer = req.prefs.timeZone ? req : { ...req, render: { ...req.render, bookedZones: true } };
    return (0, graph_request_1.itemResponse)(answer, entity_event_1.EVENT, event, eventSet(scope, calendar), 201);
};
/**
 * PATCH: Graph-shaped changes, validated like a create. Cancelling is an action of its own in Graph.
 * A PATCH of an occurrence makes it an exception (event-update.md).
 */
const updateEvent = (req, { eventId }) => {
    const json = (0, graph_request_1.jsonBody)(req);
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    // isCancelled is read-only here: it changes through the cancel action, not PATCH.
    delete json.isCancelled;
    const now = req.world.now();
    if (event.instance) {
        const exception = (0, instances_1.updateOccurrence)(req.mailbox, event, json, now);
        (0, meetings_1.followOccurrenceChange)(req.world, req.mailbox, exception, json, now);
        return (0, graph_request_1.itemResponse)(req, entity_event_1.EVENT_INSTANCE, exception, 'events');
    }
    const before = { attendees: event.attendees, startMs: event.startMs, endMs: event.endMs, recurrence: event.recurrence };
    (0, mutations_1.changeEvent)(req.mailbox, event, json, now);
    (0, meetings_1.followChanges)(req.world, req.mailbox, event, before, now);
    return (0, graph_request_1.itemResponse)(req, entity_event_1.EVENT, event, 'events');
};
/**
 * DELETE (event-delete.md): 204. Of an occurrence, only that one leaves the series; of a master, the
 * whole series goes. The organizer deleting a meeting cancels it for the attendees.
 */
const deleteEvent = (req, { eventId }) => {
    const event = (0, graph_request_1.lookup)(eventId, (id) => (0, instances_1.findEvent)(req.mailbox, id));
    if (event.isOrganizer && event.attendees.length)
        (0, meetings_1.cancelMeeting)(req.world, req.mailbox, event, '', req.world.now());
    else
        (0, instances_1.deleteEvent)(req.mailbox, event, req.world.now());
    return { status: 204 };
};
exports.CALENDAR_ROUTES = [
    { method: 'GET', pattern: '/calendars', handler: listCalendars, permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendars/{calendarId}', handler: getCalendar('byId'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendar', handler: getCalendar('default'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendars/{calendarId}/events', handler: listEvents('byId'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendar/events', handler: listEvents('default'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/events', handler: listEvents('all'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendars/{calendarId}/events/{eventId}', handler: getEvent('byId'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/calendar/events/{eventId}', handler: getEvent('default'), permission: 'Calendars.Read' },
    { method: 'GET', pattern: '/events/{eventId}', handler: getEvent('all'), permission: 'Calendars.Read' },
    { method: 'PATCH', pattern: '/events/{eventId}', handler: updateEvent, permission: 'Calendars.ReadWrite' },
    { method: 'DELETE', pattern: '/events/{eventId}', handler: deleteEvent, permission: 'Calendars.ReadWrite' },
    // POST /events creates in the default calendar, as in Graph.
    { method: 'POST', pattern: '/calendars/{calendarId}/events', handler: createEvent('byId'), permission: 'Calendars.ReadWrite' },
    { method: 'POST', pattern: '/calendar/events', handler: createEvent('default'), permission: 'Calendars.ReadWrite' },
    { method: 'POST', pattern: '/events', handler: createEvent('default'), permission: 'Calendars.ReadWrite' },
];
