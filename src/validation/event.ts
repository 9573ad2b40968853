/**
 * The event fields of Create Event and Update Event, read from the incoming message and checked
 * before any request: subject, body, times and zone, all-day, the attendee fields, Teams, places,
 * importance, show-as, sensitivity, reminder, categories, new-time proposals and recurrence.
 * Create Event reads them with its defaults; Update Event reads only what is given, so that only
 * those properties are sent (an empty field leaves the event's value as it is).
 */
import type { Attendee, Event, Location, PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { parseAttendees, TYPED_ATTENDEE_FIELDS } from './attendees';
import { parseEventTime } from './datetime';
import type { EventTime } from './datetime';
import { inputObject, isAbsent, oneOf, optionalInteger, optionalText, parseFlag, requiredText, stringList } from './fields';
import { parseLocations } from './locations';
import { parseRecurrence } from './recurrence';
import { resolveTimeZone, UTC_ZONE } from './timezones';
import type { ResolvedZone } from './timezones';

export const ATTENDEE_FIELDS = [...TYPED_ATTENDEE_FIELDS.map(([field]) => field), 'attendees'] as const;
/** Outlook's longest reminder: four weeks. */
const MAX_REMINDER_MINUTES = 40_320;
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const IMPORTANCE = ['low', 'normal', 'high'] as const;

/** The usual mistake with all-day events: one day given as start = end = that day. */
function allDayEndHint(startDateTime: string): string {
  const day = startDateTime.slice(0, 10);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `; for an all-day event, end is the day after the last day (start ${day}, end ${next} for one day)`;
}

/** end after start, said the way that helps (an all-day event ends the day after its last day). */
export function checkOrder(start: EventTime, end: EventTime, allDay: boolean): void {
  if (end.epochMs <= start.epochMs) throw new InputError('end', `must be after start${end.epochMs === start.epochMs && allDay ? allDayEndHint(start.dateTime) : ''}`);
}

/** The zone of the Time zone field (UTC when empty). */
export function inputZone(body: Record<string, unknown>): ResolvedZone | undefined {
  return isAbsent(body.timeZone) ? undefined : resolveTimeZone(body.timeZone, 'timeZone');
}

/**
 * `location` (one name) and `locations` (several, with addresses) as Graph takes them: with
 * several places Graph's own example names them all in `location` too.
 */
function places(body: Record<string, unknown>): { location?: Location; locations?: Location[] } {
  const location = optionalText(body.location, 'location', 255);
  const locations = parseLocations(body.locations);
  if (locations) return { location: { displayName: location ?? locations.map((l) => l.displayName).join('; ') }, locations };
  return location ? { location: { displayName: location } } : {};
}

/** The fields of both steps that need no times: only those given (Create Event adds its defaults). */
function givenFields(body: Record<string, unknown>): Event {
  const event: Event = {};
  const subject = optionalText(body.subject, 'subject', 255);
  if (subject !== undefined) {
    if (subject.trim() === '') throw new InputError('subject', 'is empty: give the event a subject');
    event.subject = subject;
  }
  const text = optionalText(body.body, 'body', 1024 * 1024);
  const contentType = oneOf(body.bodyContentType, 'bodyContentType', ['text', 'html'] as const);
  if (text !== undefined) event.body = { contentType: contentType ?? 'text', content: text };
  const importance = oneOf(body.importance, 'importance', IMPORTANCE);
  if (importance) event.importance = importance;
  const showAs = oneOf(body.showAs, 'showAs', SHOW_AS);
  if (showAs) event.showAs = showAs;
  const sensitivity = oneOf(body.sensitivity, 'sensitivity', SENSITIVITY);
  if (sensitivity) event.sensitivity = sensitivity;
  const categories = stringList(body.categories, 'categories', { maxItems: 25, maxLength: 255 });
  if (categories.length) event.categories = categories;
  Object.assign(event, places(body));
  if (!isAbsent(body.isOnlineMeeting)) {
    event.isOnlineMeeting = parseFlag(body.isOnlineMeeting, 'isOnlineMeeting');
    if (event.isOnlineMeeting) event.onlineMeetingProvider = 'teamsForBusiness';
  }
  const reminder = optionalInteger(body.reminderMinutesBeforeStart, 'reminderMinutesBeforeStart', 0, MAX_REMINDER_MINUTES);
  if (reminder !== undefined) {
    event.isReminderOn = true;
    event.reminderMinutesBeforeStart = reminder;
  }
  if (!isAbsent(body.allowNewTimeProposals)) event.allowNewTimeProposals = parseFlag(body.allowNewTimeProposals, 'allowNewTimeProposals');
  return event;
}

/** What Create Event sends: every field, defaults filled in; recurrence checked against the times. */
export function buildEvent(input: unknown): Event {
  const body = inputObject(input);
  const isAllDay = parseFlag(body.isAllDay, 'isAllDay');
  const zone = inputZone(body);
  const subject = requiredText(body.subject, 'subject', 255);
  const start = parseEventTime(body.start, 'start', { timeZone: zone, allDay: isAllDay });
  const end = parseEventTime(body.end, 'end', { timeZone: zone, allDay: isAllDay });
  checkOrder(start, end, isAllDay);
  const given = givenFields(body);
  const attendees = parseAttendees(body);
  const recurrence = parseRecurrence(body.recurrence, { startDate: start.dateTime.slice(0, 10), zone: zone ?? UTC_ZONE, durationMs: end.epochMs - start.epochMs });
  const { isOnlineMeeting, onlineMeetingProvider, location, locations, isReminderOn, reminderMinutesBeforeStart, allowNewTimeProposals } = given;
  const event: Event = {
    subject,
    body: given.body ?? { contentType: oneOf(body.bodyContentType, 'bodyContentType', ['text', 'html'] as const, 'text'), content: '' },
    start: { dateTime: start.dateTime, timeZone: start.timeZone },
    end: { dateTime: end.dateTime, timeZone: end.timeZone },
    isAllDay,
    attendees,
    importance: given.importance ?? 'normal',
    showAs: given.showAs ?? 'busy',
    sensitivity: given.sensitivity ?? 'normal',
    categories: given.categories ?? [],
  };
  if (location) event.location = location;
  if (locations) event.locations = locations;
  if (isOnlineMeeting) Object.assign(event, { isOnlineMeeting, onlineMeetingProvider });
  if (reminderMinutesBeforeStart !== undefined) Object.assign(event, { isReminderOn, reminderMinutesBeforeStart });
  if (allowNewTimeProposals !== undefined) event.allowNewTimeProposals = allowNewTimeProposals;
  if (recurrence) event.recurrence = recurrence;
  return event;
}

/** Update Event's input: the properties given, and what needs the event itself to be checked. */
export interface EventChanges {
  /** Properties to send as they are. */
  event: Event;
  /** A new start and/or end; a lone one is checked against the event's other end. */
  start?: EventTime;
  end?: EventTime;
  /** isAllDay as given, or undefined (the event keeps its own). */
  isAllDay?: boolean;
  /** The given attendees (empty: attendees unchanged). */
  attendees: Attendee[];
  /** The recurrence as given; checked against the series' start date once that is known. */
  recurrence: unknown;
  zone: ResolvedZone | undefined;
}

/** An event turned all-day, or no longer all-day, needs its new times: Outlook cannot guess them. */
export function checkKindChange(changes: EventChanges, eventIsAllDay: boolean): void {
  if (changes.isAllDay === undefined || changes.isAllDay === eventIsAllDay || (changes.start && changes.end)) return;
  throw new InputError(changes.start ? 'end' : 'start', `is needed to make the event ${changes.isAllDay ? "all-day: give start and end as dates (start '2026-03-10', end '2026-03-11' for one day)" : 'no longer all-day: give start and end as dates and times'}`);
}

/**
 * Update Event's fields, every one optional. Start and end are read as all-day dates when
 * `isAllDay` says so, or when the event is all-day (`eventIsAllDay`, known after reading it).
 */
export function parseEventChanges(input: unknown, eventIsAllDay = false): EventChanges {
  const body = inputObject(input);
  const zone = inputZone(body);
  const isAllDay = isAbsent(body.isAllDay) ? undefined : parseFlag(body.isAllDay, 'isAllDay');
  const allDay = isAllDay ?? eventIsAllDay;
  const start = isAbsent(body.start) ? undefined : parseEventTime(body.start, 'start', { timeZone: zone, allDay });
  const end = isAbsent(body.end) ? undefined : parseEventTime(body.end, 'end', { timeZone: zone, allDay });
  if (start && end) checkOrder(start, end, allDay);
  const changes: EventChanges = { event: givenFields(body), isAllDay, attendees: parseAttendees(body), recurrence: body.recurrence, zone };
  if (start) changes.start = start;
  if (end) changes.end = end;
  if (!isAbsent(body.recurrence)) {
    // The rule itself is checked now; its dates once the series' start is known.
    parseRecurrence(body.recurrence, { startDate: start?.dateTime.slice(0, 10), zone: zone ?? UTC_ZONE, durationMs: start && end ? end.epochMs - start.epochMs : undefined });
  }
  return changes;
}

export type { PatternedRecurrence };
