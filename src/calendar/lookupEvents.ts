/**
 * Find Events: what a calendar shows in a time window, through calendarView (user-list-calendarview.md),
 * which expands recurring series into their occurrences and exceptions and leaves series masters
 * out. Pages of 100 are read one after another and emitted as they arrive (one message per event,
 * or one per page), so memory holds one page whatever the window holds.
 *
 * The subject, organizer and category filters are applied here, not in Graph's $filter: on
 * calendarView, Outlook answers a subject filter with HTTP 500 as soon as the window holds an event
 * without a subject (microsoft-graph-docs issue #16968, msgraph-sdk-dotnet #2559), and filters on
 * the organizer's address or on categories are not documented for it. Every event of the window is
 * therefore read, with only the properties emitted.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { calendarPath } from '../graph/calendars';
import { EVENT_DETAIL_FIELDS, eventDetail, zonePreference } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { instantLiteral, queryString } from '../graph/odata';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { emitItems, parseEmitBehaviour } from '../platform/batches';
import { parseMailboxes } from '../validation/addresses';
import { inputZone } from '../validation/event';
import { parseWindow } from '../validation/eventRef';
import { inputObject, optionalText, stringList } from '../validation/fields';
import { UTC_ZONE } from '../validation/timezones';

export interface LookupEventsConfig extends StepConfig {
  calendarId?: string;
  emitBehaviour?: string;
}

/** Small pages: an emitPage message holds one, bodies included, and must stay a message's size. */
export const LOOKUP_PAGE_SIZE = 100;

export interface EventFilter {
  subject?: string;
  organizer?: string;
  categories: string[];
}

/** Everything checked before a request. */
export function parseLookupInput(input: unknown) {
  const body = inputObject(input);
  const zone = inputZone(body);
  const window = parseWindow(body.windowStart, body.windowEnd, zone);
  const [organizer] = parseMailboxes(body.organizer, 'organizer', { max: 1 });
  const filter: EventFilter = {
    subject: optionalText(body.subject, 'subject', 255)?.trim().toLowerCase() || undefined,
    organizer: organizer?.address.toLowerCase(),
    categories: stringList(body.categories, 'categories', { maxItems: 25, maxLength: 255 }).map((c) => c.toLowerCase()),
  };
  return { window, zone: zone ?? UTC_ZONE, filter };
}

/** Whether an event passes the filters: subject contains (any case), organizer is, has any of the categories. */
export function matches(event: Event, filter: EventFilter): boolean {
  if (filter.subject && !(event.subject ?? '').toLowerCase().includes(filter.subject)) return false;
  if (filter.organizer && (event.organizer?.emailAddress?.address ?? '').toLowerCase() !== filter.organizer) return false;
  if (filter.categories.length && !(event.categories ?? []).some((c) => filter.categories.includes(c.toLowerCase()))) return false;
  return true;
}

/** The first page's path; later pages follow Graph's @odata.nextLink, which keeps the window. */
export function calendarViewPath(calendar: string, window: { startMs: number; endMs: number }): string {
  const query = queryString({ select: EVENT_DETAIL_FIELDS, orderby: 'start/dateTime', top: LOOKUP_PAGE_SIZE }).slice(1);
  return `${calendar}/calendarView?startDateTime=${instantLiteral(window.startMs)}&endDateTime=${instantLiteral(window.endMs)}&${query}`;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: LookupEventsConfig) {
  const { window, zone, filter } = parseLookupInput(msg.body);
  const behaviour = parseEmitBehaviour(cfg.emitBehaviour);
  const session = createSession(cfg, this);
  const path = calendarViewPath(calendarPath(session.root, cfg.calendarId), window);
  let pages = 0;
  let found = 0;
  let read = 0;
  for await (const page of session.pages<Event>(path, { prefer: [zonePreference(zone.graphName)] })) {
    read += page.items.length;
    const items = page.items.filter((event) => matches(event, filter)).map(eventDetail);
    if (!items.length) continue;
    found += items.length;
    pages += await emitItems(this, behaviour, items, pages + 1);
  }
  this.logger.info(`Found ${found} of ${read} event(s) in the window`);
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processAction as process };
