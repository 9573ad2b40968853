/**
 * Events Starting Soon: each occurrence of a calendar (recurring series expanded) emitted once when
 * it comes within `minutesBefore` of its start, by Graph's clock; an occurrence moved to another
 * start is emitted again when that start comes near; cancelled and deleted ones are not. The poll
 * and what it remembers are src/graph/upcomingPoll.ts and src/graph/upcoming.ts.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { calendarPath } from '../graph/calendars';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { pollUpcoming } from '../graph/upcomingPoll';
import type { DueOccurrence, UpcomingSpec } from '../graph/upcomingPoll';
import { floatingMidnight, inZone } from '../graph/zonedTime';
import { isAbsent, optionalInteger } from '../validation/fields';
import { resolveTimeZone, UTC_ZONE } from '../validation/timezones';
import type { ResolvedZone } from '../validation/timezones';

export interface UpcomingConfig extends StepConfig {
  calendarId?: unknown;
  minutesBefore?: unknown;
  graceMinutes?: unknown;
  timeZone?: unknown;
}

export const DEFAULT_MINUTES_BEFORE = 15;
export const DEFAULT_GRACE_MINUTES = 15;
/** A day ahead at most: how many occurrences a poll must remember grows with it. */
export const MAX_MINUTES_BEFORE = 1440;
export const MAX_GRACE_MINUTES = 1440;

export const UPCOMING_FIELDS = [
  'id', 'type', 'seriesMasterId', 'iCalUId', 'subject', 'bodyPreview', 'start', 'end', 'originalStart', 'isAllDay', 'isCancelled',
  'location', 'organizer', 'attendees', 'responseStatus', 'isOnlineMeeting', 'onlineMeetingProvider', 'onlineMeeting', 'webLink',
  'showAs', 'importance', 'sensitivity', 'categories', 'reminderMinutesBeforeStart', 'lastModifiedDateTime',
] as const;

const MINUTE = 60_000;

/** The poll's settings from the configuration, checked before any request. */
export function upcomingSpec(cfg: UpcomingConfig, root: string): UpcomingSpec & { zone: ResolvedZone } {
  const zone = isAbsent(cfg.timeZone) ? UTC_ZONE : resolveTimeZone(cfg.timeZone, 'timeZone');
  return {
    calendarPath: calendarPath(root, cfg.calendarId),
    leadMs: (optionalInteger(cfg.minutesBefore, 'minutesBefore', 0, MAX_MINUTES_BEFORE) ?? DEFAULT_MINUTES_BEFORE) * MINUTE,
    graceMs: (optionalInteger(cfg.graceMinutes, 'graceMinutes', 0, MAX_GRACE_MINUTES) ?? DEFAULT_GRACE_MINUTES) * MINUTE,
    zone,
    select: UPCOMING_FIELDS,
  };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The message for one due occurrence: its start and end in the chosen zone, and as instants. */
export function dueMessage(due: DueOccurrence, zone: ResolvedZone): Record<string, unknown> {
  const e = due.event;
  const allDay = e.isAllDay === true;
  return {
    id: e.id,
    type: e.type,
    seriesMasterId: e.seriesMasterId ?? null,
    iCalUId: e.iCalUId,
    subject: e.subject ?? '',
    bodyPreview: e.bodyPreview ?? null,
    start: allDay ? floatingMidnight(String(e.start?.dateTime).slice(0, 10), zone) : inZone(due.startMs, zone),
    end: allDay ? floatingMidnight(String(e.end?.dateTime).slice(0, 10), zone) : inZone(due.endMs, zone),
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

async function processTrigger(this: StepContext, _msg: unknown, cfg: UpcomingConfig, snapshot: unknown): Promise<void> {
  const session = createSession(cfg, this);
  const spec = upcomingSpec(cfg, session.root);
  const result = await pollUpcoming(session, spec, snapshot, {
    emit: async (due) => { await this.emit('data', newMessageWithBody(dueMessage(due, spec.zone))); },
    persist: async (next) => { await this.emit('snapshot', next); },
  }, this.logger);
  this.logger.info(`Poll finished at ${iso(result.pollAt)} (Graph's clock): ${result.emitted} occurrence(s) starting soon, ${result.requests} request(s)`);
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processTrigger as process };
