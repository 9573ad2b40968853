/**
 * Events through Graph, for the steps that read or change one: the properties they select, the
 * path of one event, reading it (a 404 is an answer, not a failure: the event is gone), and
 * finding one occurrence of a recurring series by its start through `instances`
 * (event-list-instances.md), which lists a series' occurrences and exceptions in a time window;
 * and what the event triggers read of an event.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { epochToWallTime, wallTimeToEpoch } from '../validation/datetime';
import type { OccurrenceRef } from '../validation/eventRef';
import type { ResolvedZone } from '../validation/timezones';
import { GraphRequestError } from './errors';
import { instantLiteral, queryString } from './odata';
import type { GraphSession } from './session';

/**
 * The fields each emitted event carries; getNewAndUpdatedEvents.out.json and the event of
 * getEventChanges.out.json match them (manifest/eventSchemas.ts eventOutput).
 */
export const EVENT_FIELDS = [
  'id', 'changeKey', 'iCalUId', 'type', 'seriesMasterId', 'subject', 'bodyPreview', 'body',
  'start', 'end', 'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting',
  'onlineMeetingProvider', 'onlineMeeting', 'showAs', 'sensitivity', 'importance', 'recurrence',
  'isCancelled', 'categories', 'reminderMinutesBeforeStart', 'webLink', 'createdDateTime',
  'lastModifiedDateTime',
] as const;

/**
 * What the steps that read or change one event emit: the trigger's fields, and what tells a
 * meeting's state (whose it is, the answer given), every place, files and the occurrence's place in
 * its series.
 */
export const EVENT_DETAIL_FIELDS = [
  ...EVENT_FIELDS, 'originalStart', 'isOrganizer', 'responseStatus', 'allowNewTimeProposals', 'locations', 'hasAttachments',
] as const;

/** Outlook's largest page of events. */
export const EVENT_PAGE_SIZE = 1000;

/** `Prefer: outlook.timezone` for the zone times should be shown in. */
export const zonePreference = (zone: string): string => `outlook.timezone="${zone}"`;

/** An event of the mailbox by id: every event, occurrence or exception is reachable as /events/{id}. */
export function eventPath(root: string, idSegment: string): string {
  return `${root}/events/${idSegment}`;
}

export function isGone(err: unknown): boolean {
  return err instanceof GraphRequestError && err.statusCode === 404;
}

/** The event's selected properties, or undefined when Outlook answers 404 (deleted, or never there). */
export async function readEvent(session: GraphSession, path: string, select: readonly string[], zone = 'UTC'): Promise<Event | undefined> {
  try {
    return (await session.get<Event>(`${path}${queryString({ select })}`, { prefer: [zonePreference(zone)] })).body;
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
}

export type OccurrenceMatch =
  | { kind: 'found'; occurrence: Event }
  /** No occurrence starts at that time; `sameDay` lists the starts of that day's ones (wrong time given). */
  | { kind: 'none'; sameDay: string[] };

const DAY = 86_400_000;
/** Near the given start first; an exception may have moved up to a neighbour's day, so then wider. */
const WINDOWS = [2 * DAY, 366 * DAY];

/**
 * The occurrence of the series at `seriesPath` that starts at `ref`: one whose original start (its
 * place in the pattern) or current start is that instant, or for a date, the one on that day in
 * `zone`. Instances are listed in `zone`, so times and days read as the step's user gives them.
 */
export async function findOccurrence(session: GraphSession, seriesPath: string, ref: OccurrenceRef, zone: ResolvedZone, select: readonly string[]): Promise<OccurrenceMatch> {
  const centre = ref.dateOnly ? Date.parse(`${ref.date}T12:00:00Z`) : ref.epochMs;
  const day = ref.dateOnly ? ref.date : epochToWallTime(ref.epochMs, zone.iana).slice(0, 10);
  const fields = [...new Set([...select, 'id', 'start', 'originalStart', 'type'])];
  const sameDay = new Set<string>();
  for (const span of WINDOWS) {
    const query = `startDateTime=${instantLiteral(centre - span)}&endDateTime=${instantLiteral(centre + span)}&${queryString({ select: fields, top: EVENT_PAGE_SIZE }).slice(1)}`;
    for await (const page of session.pages<Event>(`${seriesPath}/instances?${query}`, { prefer: [zonePreference(zone.graphName)] })) {
      for (const item of page.items) {
        const startWall = (item.start?.dateTime ?? '').slice(0, 19);
        const startDay = startWall.slice(0, 10);
        const original = item.originalStart ? Date.parse(item.originalStart) : undefined;
        const originalDay = original === undefined || Number.isNaN(original) ? undefined : epochToWallTime(original, zone.iana).slice(0, 10);
        if (ref.dateOnly) {
          if (startDay === ref.date || originalDay === ref.date) return { kind: 'found', occurrence: item };
          continue;
        }
        const startMs = startWall ? startInstant(startWall, zone, item.isAllDay ?? false) : undefined;
        if (original === ref.epochMs || startMs === ref.epochMs) return { kind: 'found', occurrence: item };
        if (startDay === day || originalDay === day) sameDay.add(item.isAllDay ? startDay : `${startWall} ${zone.graphName}`);
      }
    }
    if (sameDay.size) break;
  }
  return { kind: 'none', sameDay: [...sameDay] };
}

/** An instance's start (a wall time in `zone`) as an instant; all-day ones at midnight of the zone. */
function startInstant(wall: string, zone: ResolvedZone, allDay: boolean): number | undefined {
  try {
    return wallTimeToEpoch(allDay ? `${wall.slice(0, 10)}T00:00:00` : wall, zone.iana);
  } catch {
    return undefined;
  }
}

/** The event a step acts on: `path` to address it, and its selected properties. */
export interface ResolvedEvent {
  path: string;
  event: Event;
}

/**
 * The event `idSegment` names, or its occurrence starting at `occurrence`; undefined when it is
 * gone (the event deleted, or the series holds no occurrence that day: deleted, or never one of
 * its days). A series that has an occurrence that day at another time is a mistake in the input,
 * not a deletion: that is refused, naming the starts it has.
 */
export async function resolveEvent(session: GraphSession, idSegment: string, occurrence: OccurrenceRef | undefined, zone: ResolvedZone, select: readonly string[]): Promise<ResolvedEvent | undefined> {
  const path = eventPath(session.root, idSegment);
  if (!occurrence) {
    const event = await readEvent(session, path, select, zone.graphName);
    return event && { path, event };
  }
  const series = await readEvent(session, path, ['type']);
  if (!series) return undefined;
  if (series.type !== 'seriesMaster') {
    throw new InputError('occurrenceStart', `the event is not a recurring series (Outlook calls it ${series.type ?? 'unknown'}): leave occurrenceStart empty to act on this event itself, or map the series' id (seriesMasterId) as eventId`);
  }
  const match = await findOccurrence(session, path, occurrence, zone, select);
  if (match.kind === 'found') return { path: eventPath(session.root, encodeURIComponent(match.occurrence.id as string)), event: match.occurrence };
  if (match.sameDay.length) {
    throw new InputError('occurrenceStart', `no occurrence of the series starts at ${occurrence.text}; that day it starts at ${match.sameDay.join(', ')}: give that start, or only the date`);
  }
  return undefined;
}

/** An event as the steps emit it: the detail fields Graph answered (a PATCH answers every property). */
export function eventDetail(event: Event): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const field of EVENT_DETAIL_FIELDS) {
    const value = (event as Record<string, unknown>)[field];
    if (value !== undefined) shown[field] = value;
  }
  return shown;
}

/** The mailbox as errors name it. */
export const mailboxName = (session: GraphSession): string => (session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox");

/** The error for an event that is not there (deleted, or the id of another mailbox). */
export function eventGone(session: GraphSession, what = 'event'): GraphRequestError {
  return new GraphRequestError(`Outlook has no such ${what} in ${mailboxName(session)}: it was deleted, or the id belongs to another mailbox. Check eventId (and occurrenceStart), or map an id from Find Events.`, 404, 'ErrorItemNotFound', undefined);
}
