/** microsoft.graph.event: series masters and single instances, times rendered in the Prefer zone. */
import { bodyAs, preview } from './body';
import { weakEtag } from './entity';
import type { EntityDef, RenderContext } from './entity';
import type { ProposedTime, StoredEvent } from './model';
import { renderPlace } from './places';
import { recipient } from './recipients';
import { graphInstant, wallTicks } from './timefmt';
import { graphTimeZone, utcToWall } from './timezones';
import type { ResolvedZone } from './timezones';

export const EVENT_SORT_KEYS = {
  createdDateTime: (e: StoredEvent) => e.createdAt,
  lastModifiedDateTime: (e: StoredEvent) => e.lastModifiedAt,
  'start/dateTime': (e: StoredEvent) => e.startMs,
  'end/dateTime': (e: StoredEvent) => e.endMs,
  subject: (e: StoredEvent) => e.subject.toLowerCase(),
};

/** All-day events float: midnight stays midnight whatever zone the caller asks for. */
function dateTimeTimeZone(ms: number, allDay: boolean, bookedIn: string, ctx: RenderContext): { dateTime: string; timeZone: string } {
  const zone = ctx.bookedZones ? graphTimeZone(bookedIn) as ResolvedZone : ctx.timeZone;
  return { dateTime: wallTicks(allDay ? ms : utcToWall(zone, ms)), timeZone: zone.graphName };
}

/** A proposed time (timeSlot) in the zone the reader asked for. */
function timeSlot(slot: ProposedTime, ctx: RenderContext): { start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } } {
  return {
    start: { dateTime: wallTicks(utcToWall(ctx.timeZone, slot.startMs)), timeZone: ctx.timeZone.graphName },
    end: { dateTime: wallTicks(utcToWall(ctx.timeZone, slot.endMs)), timeZone: ctx.timeZone.graphName },
  };
}

const PROPERTIES: EntityDef<StoredEvent>['properties'] = {
  id: (e) => e.id,
  createdDateTime: (e) => graphInstant(e.createdAt),
  lastModifiedDateTime: (e) => graphInstant(e.lastModifiedAt),
  changeKey: (e) => e.changeKey,
  categories: (e) => [...e.categories],
  transactionId: (e) => e.transactionId,
  originalStartTimeZone: (e) => e.startTimeZone,
  originalEndTimeZone: (e) => e.endTimeZone,
  iCalUId: (e) => e.iCalUId,
  reminderMinutesBeforeStart: (e) => e.reminderMinutesBeforeStart,
  isReminderOn: (e) => e.isReminderOn,
  hasAttachments: (e) => e.attachments.length > 0,
  subject: (e) => e.subject,
  bodyPreview: (e) => preview(e.body),
  importance: (e) => e.importance,
  sensitivity: (e) => e.sensitivity,
  isAllDay: (e) => e.isAllDay,
  isCancelled: (e) => e.isCancelled,
  isOrganizer: (e) => e.isOrganizer,
  responseRequested: () => true,
  seriesMasterId: (e) => e.instance?.seriesMasterId ?? null,
  showAs: (e) => e.showAs,
  type: (e) => e.instance?.type ?? (e.recurrence ? 'seriesMaster' : 'singleInstance'),
  webLink: (e) => `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
  onlineMeetingUrl: () => null,
  isOnlineMeeting: (e) => e.isOnlineMeeting,
  onlineMeetingProvider: (e) => e.onlineMeetingProvider,
  allowNewTimeProposals: (e) => e.allowNewTimeProposals,
  isDraft: () => false,
  hideAttendees: () => false,
  responseStatus: (e) => ({ ...e.responseStatus }),
  body: (e, ctx) => ({ ...bodyAs(e.body, ctx.bodyType) }),
  // An instant in UTC (event.md: DateTimeOffset); only occurrences and exceptions have one.
  originalStart: (e) => (e.instance ? graphInstant(e.instance.originalStartMs) : undefined),
  start: (e, ctx) => dateTimeTimeZone(e.startMs, e.isAllDay, e.startTimeZone, ctx),
  end: (e, ctx) => dateTimeTimeZone(e.endMs, e.isAllDay, e.endTimeZone, ctx),
  location: (e) => renderPlace(e.location),
  locations: (e) => e.locations.map(renderPlace),
  recurrence: (e) => e.recurrence,
  // proposedNewTime only where the attendee proposed one, between status and emailAddress (outlook-calendar-meeting-proposals.md).
  attendees: (e, ctx) => e.attendees.map((a) => ({
    type: a.type,
    status: { ...a.status },
    ...(a.proposedNewTime && { proposedNewTime: timeSlot(a.proposedNewTime, ctx) }),
    emailAddress: { ...a.emailAddress },
  })),
  organizer: (e) => recipient(e.organizer),
  onlineMeeting: (e) => (e.onlineMeeting && { ...e.onlineMeeting }),
};

export const EVENT: EntityDef<StoredEvent> = {
  type: 'event',
  properties: PROPERTIES,
  // Single events and series masters have no originalStart.
  defaults: Object.keys(PROPERTIES).filter((name) => name !== 'originalStart'),
  // As in Graph's published examples (user-list-events, event-get): selecting location returns locations too.
  companions: { location: ['locations'] },
  etag: (e) => weakEtag(e.changeKey),
  filterable: {
    createdDateTime: { kind: 'datetime', get: (e) => e.createdAt },
    lastModifiedDateTime: { kind: 'datetime', get: (e) => e.lastModifiedAt },
    'start/dateTime': { kind: 'wallclock', get: (e) => e.startMs },
    'end/dateTime': { kind: 'wallclock', get: (e) => e.endMs },
    subject: { kind: 'string', get: (e) => e.subject },
    isAllDay: { kind: 'boolean', get: (e) => e.isAllDay },
    isCancelled: { kind: 'boolean', get: (e) => e.isCancelled },
  },
  sortable: EVENT_SORT_KEYS,
  defaultOrder: { key: 'createdDateTime', desc: true },
  visibleFrom: 'createdDateTime',
  orderByMustLeadFilter: false,
};

/**
 * Events as calendarView and instances list them (single events, occurrences and exceptions; an
 * occurrence or exception read by id too): with originalStart, ordered by start by default.
 */
export const EVENT_INSTANCE: EntityDef<StoredEvent> = {
  ...EVENT,
  defaults: Object.keys(PROPERTIES),
  defaultOrder: { key: 'start/dateTime', desc: false },
};
