/**
 * calendarView and instances: what a calendar shows in a time window, recurring series expanded
 * into occurrences and exceptions (user-list-calendarview.md, calendar-list-calendarview.md,
 * event-list-instances.md). Listed through the same OData machinery as /events: $select, $top,
 * $skip nextLinks (which keep the window), $filter, $orderby (default: start/dateTime ascending).
 */
import { EVENT_INSTANCE } from './entity-event';
import { GraphError, notFound } from './errors';
import type { Window } from './expand';
import { listItems, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { calendarView, findEvent, seriesInstances } from './instances';
import type { Calendar } from './model';
import { parseDateTimeOffset } from './timefmt';

/**
 * The longest window Graph serves: "The range between the start and end dates is greater than the
 * allowed range. Maximum number of days: 1825" (microsoft-graph-docs issue #6284).
 */
export const MAX_WINDOW_DAYS = 1825;
const DAY = 86_400_000;

/** A query parameter by name in any case (Graph reads StartDateTime and startDateTime alike). */
function param(params: URLSearchParams, name: string): string | null {
  for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

/**
 * startDateTime and endDateTime, both required. An offset or Z is honoured, a time without one is
 * UTC ("not impacted by the value of the Prefer: outlook.timezone header"); up to 7 fractional
 * digits, compared exactly. Errors as Graph words them (microsoft-graph-docs issue #57, a malformed
 * value in public reports, e.g. msgraph-sdk-javascript #529 for an unencoded `+`).
 */
export function readWindow(params: URLSearchParams): Window {
  const raw = { StartDateTime: param(params, 'startDateTime'), EndDateTime: param(params, 'endDateTime') };
  if (raw.StartDateTime === null || raw.EndDateTime === null) {
    throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const instant = (name: keyof typeof raw): number => {
    const text = raw[name] as string;
    const parsed = parseDateTimeOffset(text) ?? parseDateTimeOffset(`${text}Z`);
    if (!parsed) throw new GraphError(400, 'ErrorInvalidParameter', `The value '${text}' of parameter '${name}' is invalid.`);
    return parsed.ms + parsed.subMs / 10_000;
  };
  const window = { startMs: instant('StartDateTime'), endMs: instant('EndDateTime') };
  if (window.endMs - window.startMs > MAX_WINDOW_DAYS * DAY) {
    throw new GraphError(400, 'ErrorInvalidRequest',
      `Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: ${MAX_WINDOW_DAYS}`);
  }
  return window;
}

type Scope = 'default' | 'byId';

function calendarOf(req: GraphRequest, scope: Scope, calendarId: string | undefined): Calendar {
  return scope === 'default' ? req.mailbox.calendar() as Calendar : lookup(calendarId as string, (id) => req.mailbox.calendar(id));
}

/** `/calendarView` and `/calendar/calendarView` are the default calendar's (user-list-calendarview.md). */
const listCalendarView = (scope: Scope, set: string): GraphHandler => (req, { calendarId }) => {
  const window = readWindow(req.params);
  const calendar = calendarOf(req, scope, calendarId);
  const where = scope === 'byId' ? `calendars('${encodeURIComponent(calendar.id)}')/calendarView` : set;
  return listItems(req, EVENT_INSTANCE, calendarView(req.mailbox.calendarEvents(calendar).index('createdDateTime').items, window), where);
};

/** A series master's occurrences and exceptions in the window; other events have none. */
const listInstances = (scope: Scope | 'all'): GraphHandler => (req, { calendarId, eventId }) => {
  const window = readWindow(req.params);
  const calendar = scope === 'all' ? undefined : calendarOf(req, scope, calendarId);
  const event = lookup(eventId, (id) => findEvent(req.mailbox, id));
  if (calendar && event.calendarId !== calendar.id) throw notFound();
  const items = event.recurrence ? seriesInstances(event, window) : [];
  return listItems(req, EVENT_INSTANCE, items, `events('${encodeURIComponent(event.id)}')/instances`);
};

export const CALENDAR_VIEW_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '/calendarView', handler: listCalendarView('default', 'calendarView'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendar/calendarView', handler: listCalendarView('default', 'calendar/calendarView'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendars/{calendarId}/calendarView', handler: listCalendarView('byId', ''), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/events/{eventId}/instances', handler: listInstances('all'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendar/events/{eventId}/instances', handler: listInstances('default'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendars/{calendarId}/events/{eventId}/instances', handler: listInstances('byId'), permission: 'Calendars.Read' },
];
