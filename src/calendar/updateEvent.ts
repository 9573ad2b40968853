/**
 * Update Event: changes the given fields of an event, a whole series, or one occurrence of a series
 * (found by its start through the series' instances; Outlook makes it an exception). Only what the
 * message gives is sent: one PATCH, which sets values and so may be repeated after a lost answer or
 * a replayed message with the same outcome. Attendees are replaced, or added to those invited
 * (attendeesMode add: read, merged, set). Files of the incoming message are added first, skipping
 * those the event already has, so that the update Outlook sends the attendees carries them.
 */
import type { Attendee, Event } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { EVENT_DETAIL_FIELDS, eventDetail, eventGone, readEvent, resolveEvent, zonePreference } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { planAttachments } from '../platform/attachments';
import { attachToEvent } from '../platform/eventAttachments';
import { epochToWallTime, wallTimeToEpoch } from '../validation/datetime';
import type { EventTime } from '../validation/datetime';
import { ATTENDEE_FIELDS, checkKindChange, checkOrder, parseEventChanges } from '../validation/event';
import type { EventChanges } from '../validation/event';
import { eventIdSegment, parseOccurrenceStart } from '../validation/eventRef';
import { inputObject, isAbsent, oneOf } from '../validation/fields';
import { parseRecurrence } from '../validation/recurrence';
import { isKnownTimeZone, resolveTimeZone, UTC_ZONE } from '../validation/timezones';
import type { ResolvedZone } from '../validation/timezones';

export const ATTENDEES_MODES = ['replace', 'add'] as const;

/** What the event must show to check the changes against it. */
const CONTEXT_FIELDS = ['type', 'start', 'end', 'isAllDay', 'originalStartTimeZone', 'recurrence', 'attendees'] as const;

/** Everything checked before a request. */
export function parseUpdateInput(input: unknown) {
  const body = inputObject(input);
  const dateOnly = (value: unknown): boolean => typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);
  // Dates alone are read as an all-day event's days; once the event is read, it decides.
  const changes = parseEventChanges(body, isAbsent(body.isAllDay) && (dateOnly(body.start) || dateOnly(body.end)));
  const occurrence = parseOccurrenceStart(body.occurrenceStart, changes.zone);
  if (occurrence && !isAbsent(body.recurrence)) {
    throw new InputError('recurrence', 'an occurrence has no recurrence of its own: to change the recurrence, use the whole series (leave occurrenceStart empty)');
  }
  const mode = oneOf(body.attendeesMode, 'attendeesMode', ATTENDEES_MODES, 'replace');
  const given = Object.keys(changes.event).length > 0 || changes.start || changes.end || changes.isAllDay !== undefined || changes.attendees.length > 0 || !isAbsent(body.recurrence);
  return { body, idSegment: eventIdSegment(body.eventId), occurrence, changes, mode, given: Boolean(given) };
}

const address = (a: Attendee): string => (a.emailAddress?.address ?? '').toLowerCase();

/** `add`: those invited stay; the given ones are added, or take the type given. */
export function mergeAttendees(current: Attendee[], given: Attendee[]): Attendee[] {
  const wanted = new Map(given.map((a) => [address(a), a]));
  const merged = current.map((a) => {
    const update = wanted.get(address(a));
    wanted.delete(address(a));
    return update ? { emailAddress: a.emailAddress, type: update.type } : { emailAddress: a.emailAddress, type: a.type };
  });
  return [...merged, ...wanted.values()];
}

function sameAttendees(a: Attendee[], b: Attendee[]): boolean {
  const key = (list: Attendee[]): string => list.map((x) => `${address(x)} ${x.type}`).sort().join('\n');
  return key(a) === key(b);
}

/** An end of the event as Graph shows it (in `zone`), as the instant the checks compare. */
function eventTime(value: Event['start'], zone: ResolvedZone): EventTime | undefined {
  const wall = value?.dateTime?.slice(0, 19);
  if (!wall) return undefined;
  try {
    return { dateTime: wall, timeZone: zone.graphName, epochMs: wallTimeToEpoch(wall, zone.iana) };
  } catch {
    return undefined;
  }
}

/** The zone a series' dates are counted in: the one given now, else the series' own. */
function seriesZone(changes: EventChanges, event: Event, fallback: ResolvedZone): ResolvedZone {
  if (changes.zone) return changes.zone;
  for (const name of [event.recurrence?.range?.recurrenceTimeZone, event.originalStartTimeZone]) {
    if (name && isKnownTimeZone(name)) return resolveTimeZone(name, 'timeZone');
  }
  return fallback;
}

/** The PATCH body: the given fields, checked against what the event is now. */
export function patchFor(changes: EventChanges, mode: typeof ATTENDEES_MODES[number], event: Event, zone: ResolvedZone, recurrenceInput: unknown): Event {
  const patch: Event = { ...changes.event };
  const allDay = changes.isAllDay ?? event.isAllDay ?? false;
  if (changes.isAllDay !== undefined) patch.isAllDay = changes.isAllDay;
  const start = changes.start ?? eventTime(event.start, zone);
  const end = changes.end ?? eventTime(event.end, zone);
  if ((changes.start || changes.end) && start && end) checkOrder(start, end, allDay);
  if (changes.start) patch.start = { dateTime: changes.start.dateTime, timeZone: changes.start.timeZone };
  if (changes.end) patch.end = { dateTime: changes.end.dateTime, timeZone: changes.end.timeZone };
  if (changes.attendees.length) {
    const attendees = mode === 'add' ? mergeAttendees(event.attendees ?? [], changes.attendees) : changes.attendees;
    if (mode === 'replace' || !sameAttendees(attendees, event.attendees ?? [])) patch.attendees = attendees;
  }
  if (!isAbsent(recurrenceInput)) {
    if (event.type === 'occurrence' || event.type === 'exception') {
      throw new InputError('recurrence', `the event is one ${event.type} of a series and has no recurrence of its own: map the series' id (seriesMasterId) to change the series`);
    }
    // A new start is sent in the zone it was given in (UTC for an offset alone): the series' dates too.
    const series = changes.start ? changes.zone ?? UTC_ZONE : seriesZone(changes, event, zone);
    const startDate = changes.start ? changes.start.dateTime.slice(0, 10)
      : start ? (allDay ? start.dateTime.slice(0, 10) : epochToWallTime(start.epochMs, series.iana).slice(0, 10)) : undefined;
    patch.recurrence = parseRecurrence(recurrenceInput, { startDate, zone: series, durationMs: start && end ? end.epochMs - start.epochMs : undefined });
  }
  return patch;
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: StepConfig) {
  const input = parseUpdateInput(msg.body);
  const { body, idSegment, occurrence, mode, given } = input;
  let { changes } = input;
  const planned = planAttachments(msg.attachments);
  if (!given && planned.length === 0) {
    throw new InputError('eventId', `nothing to change: give at least one field of the event (subject, start and end, ${ATTENDEE_FIELDS.join(', ')}, recurrence...) or attach files`);
  }
  const session = createSession(cfg, this);
  if (changes.event.isOnlineMeeting && !session.cloud.teamsMeetings) {
    throw new InputError('isOnlineMeeting', `the ${session.cloud.name} cloud offers no Microsoft Teams meetings through Microsoft Graph: leave Teams meeting empty and add the meeting details to the body`);
  }
  const zone = changes.zone ?? UTC_ZONE;
  const found = await resolveEvent(session, idSegment, occurrence, zone, CONTEXT_FIELDS);
  if (!found) throw eventGone(session, occurrence ? 'occurrence' : 'event');
  if (changes.isAllDay === undefined && (changes.start || changes.end)) {
    // Times are read the way the event is: dates for an all-day event, dates and times otherwise.
    changes = parseEventChanges(body, found.event.isAllDay ?? false);
  }
  checkKindChange(changes, found.event.isAllDay ?? false);
  const prefer = [zonePreference(zone.graphName)];
  const added = await attachToEvent(session, found.path, planned, typeof msg.id === 'string' ? { msgId: msg.id } : {});
  const patch = patchFor(changes, mode, found.event, zone, body.recurrence);
  let event: Event | undefined;
  if (Object.keys(patch).length) {
    // A PATCH sets values: repeating it after a lost answer leaves the same event.
    event = (await session.patch<Event>(found.path, patch, { idempotent: true, prefer })).body;
  } else {
    event = await readEvent(session, found.path, EVENT_DETAIL_FIELDS, zone.graphName);
    if (!event) throw eventGone(session);
  }
  this.logger.info(`Event updated${added.length ? ` with ${added.length} attachment(s) added` : ''}`);
  return newMessageWithBody({ ...eventDetail(event), attachments: added.map((file) => ({ name: file.name, size: file.size })) });
}

export { processAction as process };
