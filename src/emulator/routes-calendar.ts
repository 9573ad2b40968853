/** Calendars and events: listing (series masters and single instances), reading, creating, updating, deleting. */
import { CALENDAR } from './entity-folder';
import { EVENT, EVENT_INSTANCE } from './entity-event';
import { notFound } from './errors';
import { readEvent } from './event-input';
import { itemResponse, jsonBody, listItems, listResponse, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { deleteEvent as removeEvent, findEvent, updateOccurrence } from './instances';
import type { Calendar } from './model';
import { cancelMeeting, followChanges, followOccurrenceChange, invite } from './meetings';
import { changeEvent } from './mutations';

/** Which calendar a route addresses: one by id, the default one, or (for /events) all of them. */
type Scope = 'byId' | 'default' | 'all';

function calendarIn(req: GraphRequest, scope: Scope, calendarId: string | undefined): Calendar | undefined {
  if (scope === 'all') return undefined;
  if (scope === 'default') return req.mailbox.calendar() as Calendar;
  return lookup(calendarId as string, (id) => req.mailbox.calendar(id));
}

/** The entity set in @odata.context: Graph names the calendar when the route does (`calendars('id')/events`). */
function eventSet(scope: Scope, calendar: Calendar | undefined): string {
  return scope === 'byId' ? `calendars('${encodeURIComponent((calendar as Calendar).id)}')/events` : 'events';
}

const listCalendars: GraphHandler = (req) => listItems(req, CALENDAR, req.mailbox.calendars, 'calendars');

const getCalendar = (scope: Scope): GraphHandler => (req, { calendarId }) =>
  itemResponse(req, CALENDAR, calendarIn(req, scope, calendarId) as Calendar, 'calendars');

const listEvents = (scope: Scope): GraphHandler => (req, { calendarId }) => {
  const calendar = calendarIn(req, scope, calendarId);
  return listResponse(req, EVENT, calendar ? req.mailbox.calendarEvents(calendar) : req.mailbox.allEvents, eventSet(scope, calendar));
};

/** Occurrences and exceptions (ids from calendarView or instances) are read and written by id like any event. */
const getEvent = (scope: Scope): GraphHandler => (req, { calendarId, eventId }) => {
  const calendar = calendarIn(req, scope, calendarId);
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  if (calendar && event.calendarId !== calendar.id) throw notFound();
  return itemResponse(req, event.instance ? EVENT_INSTANCE : EVENT, event, eventSet(scope, calendar));
};

/**
 * A repeated transactionId returns the event already created, so a retried POST does not double-book.
 * Without outlook.timezone, Graph answers a create in the zones of the request's start and end.
 */
const createEvent = (scope: Exclude<Scope, 'all'>): GraphHandler => (req, { calendarId }) => {
  const json = jsonBody(req);
  const calendar = calendarIn(req, scope, calendarId) as Calendar;
  const existing = typeof json.transactionId === 'string' ? req.mailbox.eventByTransactionId(json.transactionId) : undefined;
  const event = existing ?? req.mailbox.insertEvents([readEvent(json, req.mailbox, calendar.id, req.world.now())])[0];
  if (!existing) invite(req.world, req.mailbox, event, req.world.now());
  const answer = req.prefs.timeZone ? req : { ...req, render: { ...req.render, bookedZones: true } };
  return itemResponse(answer, EVENT, event, eventSet(scope, calendar), 201);
};

/**
 * PATCH: Graph-shaped changes, validated like a create. Cancelling is an action of its own in Graph.
 * A PATCH of an occurrence makes it an exception (event-update.md).
 */
const updateEvent: GraphHandler = (req, { eventId }) => {
  const json = jsonBody(req);
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  // isCancelled is read-only here: it changes through the cancel action, not PATCH.
  delete json.isCancelled;
  const now = req.world.now();
  if (event.instance) {
    const exception = updateOccurrence(req.mailbox, event, json, now);
    followOccurrenceChange(req.world, req.mailbox, exception, json, now);
    return itemResponse(req, EVENT_INSTANCE, exception, 'events');
  }
  const before = { attendees: event.attendees, startMs: event.startMs, endMs: event.endMs, recurrence: event.recurrence };
  changeEvent(req.mailbox, event, json, now);
  followChanges(req.world, req.mailbox, event, before, now);
  return itemResponse(req, EVENT, event, 'events');
};

/**
 * DELETE (event-delete.md): 204. Of an occurrence, only that one leaves the series; of a master, the
 * whole series goes. The organizer deleting a meeting cancels it for the attendees.
 */
const deleteEvent: GraphHandler = (req, { eventId }) => {
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  if (event.isOrganizer && event.attendees.length) cancelMeeting(req.world, req.mailbox, event, '', req.world.now());
  else removeEvent(req.mailbox, event, req.world.now());
  return { status: 204 };
};

export const CALENDAR_ROUTES: readonly GraphRoute[] = [
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
