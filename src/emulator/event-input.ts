/**
 * Reading an event from a client's JSON (POST events, control addEvent) with Outlook's checks:
 * start/end present and ordered, known time zones, all-day events on midnights, valid enums.
 */
import { storedBody } from './body';
import { GraphError, badRequest } from './errors';
import type { NewEvent } from './mailbox';
import type { Mailbox } from './mailbox';
import { enumValue, isObject } from './json';
import type { Json } from './json';
import type { Attendee, Importance, OnlineMeeting } from './model';
import { readPlaces } from './places';
import { occurrences } from './expand';
import type { Series } from './expand';
import { readRecurrence } from './recurrence';
import { isValidAddress, nameFromAddress } from './recipients';
import { parseWallTime } from './timefmt';
import { graphTimeZone, wallToUtc } from './timezones';


/** Graph's time of an answer never given. */
export const NEVER = '0001-01-01T00:00:00Z';

function stringValue(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** One end of an event as Outlook stores it: an instant and the zone it was booked in (Graph's name for it). */
export interface EventInstant {
  ms: number;
  zone: string;
}

export interface EventSpan {
  start: EventInstant;
  end: EventInstant;
}

/** A dateTimeTimeZone of a request body (an event's start or end, getSchedule's startTime...) as an instant. */
export function readTime(value: unknown, which: string, allDay: boolean): EventInstant {
  if (!isObject(value) || typeof value.dateTime !== 'string') {
    throw new GraphError(400, 'ErrorInvalidRequest', `Your request can't be completed. The '${which}' property with a dateTime is required.`);
  }
  const zoneName = typeof value.timeZone === 'string' && value.timeZone ? value.timeZone : 'UTC';
  const zone = graphTimeZone(zoneName);
  if (!zone) {
    throw new GraphError(400, 'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zoneName}'.`);
  }
  const wall = parseWallTime(value.dateTime);
  if (!wall) throw badRequest(`Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
  if (allDay) return { ms: wall.wallMs, zone: zone.graphName };
  return { ms: wall.absolute ? wall.wallMs : wallToUtc(zone, wall.wallMs), zone: zone.graphName };
}

function readAttendees(value: unknown): Attendee[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("The 'attendees' property must be an array.");
  return value.map((a: unknown) => {
    const email = isObject(a) && isObject(a.emailAddress) ? a.emailAddress : undefined;
    if (!email || !isValidAddress(email.address)) {
      throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    }
    return {
      emailAddress: { name: stringValue(email.name, nameFromAddress(email.address)), address: email.address },
      type: enumValue((a as Json).type, ['required', 'optional', 'resource'] as const, 'required'),
      status: { response: 'none', time: NEVER },
    };
  });
}

const DAY_MS = 24 * 3600 * 1000;
/** The dial-in number of the emulator's meetings (a fictional 555-01xx number). */
const TOLL_NUMBER = '+1 425 555 0100';

/** A Teams meeting as Graph's create examples show it: join link, conference id, dial-in number. */
function newOnlineMeeting(mailbox: Mailbox): OnlineMeeting {
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${mailbox.ids.hex(24)}%40thread.v2/0?context=%7b%22Tid%22%3a%22${mailbox.user.id}%22%7d`,
    conferenceId: String(parseInt(mailbox.ids.hex(4), 16) % 1e9).padStart(9, '0'),
    tollNumber: TOLL_NUMBER,
  };
}

/**
 * Outlook refuses a series whose occurrences would overlap: each must end before the next starts
 * (EWS ResponseCodeType ErrorOccurrenceTimeSpanTooBig; Outlook: "The duration of the appointment
 * must be shorter than how frequently it occurs"). Checked on the first 100 occurrences, enough to
 * meet a February and a leap day.
 */
function checkSpan(series: Series): void {
  const first = occurrences(series, { startMs: series.startMs - DAY_MS, endMs: Infinity }, 100);
  const duration = series.endMs - series.startMs;
  for (let i = 1; i < first.length; i += 1) {
    if (first[i].startMs - first[i - 1].startMs < duration) {
      throw new GraphError(400, 'ErrorOccurrenceTimeSpanTooBig', 'The duration of the occurrence is longer than the time between two occurrences of the recurrence pattern.');
    }
  }
}

/**
 * Everything but the ids: the caller stores it in `calendarId` of `mailbox`.
 * @param span start and end as instants, for a caller that has them (the seed) instead of the
 *   wall times in `json.start`/`json.end`: a wall time cannot name both sides of a DST fold.
 */
export function readEvent(json: Json, mailbox: Mailbox, calendarId: string, now: number, span?: EventSpan): NewEvent {
  const isAllDay = json.isAllDay === true;
  const { start, end } = span ?? { start: readTime(json.start, 'start', isAllDay), end: readTime(json.end, 'end', isAllDay) };
  if (end.ms < start.ms) {
    throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  }
  if (isAllDay && (start.ms % DAY_MS !== 0 || end.ms % DAY_MS !== 0 || end.ms === start.ms)) {
    throw new GraphError(400, 'ErrorInvalidRequest',
      'Your request can\'t be completed. All-day events must start and end at midnight, at least one day apart.');
  }
  const recurrence = readRecurrence(json.recurrence, start.zone);
  if (recurrence) checkSpan({ recurrence, startMs: start.ms, endMs: end.ms, timeZone: start.zone, isAllDay });
  const body = isObject(json.body) ? json.body : {};
  const isOnlineMeeting = json.isOnlineMeeting === true;
  const importance: Importance = enumValue(json.importance, ['low', 'normal', 'high'] as const, 'normal');
  return {
    calendarId,
    createdAt: now,
    lastModifiedAt: now,
    subject: stringValue(json.subject, ''),
    body: storedBody(enumValue(body.contentType, ['text', 'html'] as const, 'html'), stringValue(body.content, '')),
    startMs: start.ms,
    endMs: end.ms,
    startTimeZone: start.zone,
    endTimeZone: end.zone,
    isAllDay,
    ...readPlaces(json),
    attendees: readAttendees(json.attendees),
    organizer: { name: mailbox.user.displayName, address: mailbox.address },
    isOrganizer: true,
    isOnlineMeeting,
    onlineMeetingProvider: isOnlineMeeting
      ? enumValue(json.onlineMeetingProvider, ['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'] as const, 'teamsForBusiness')
      : 'unknown',
    onlineMeeting: isOnlineMeeting ? newOnlineMeeting(mailbox) : null,
    showAs: enumValue(json.showAs, ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const, 'busy'),
    sensitivity: enumValue(json.sensitivity, ['normal', 'personal', 'private', 'confidential'] as const, 'normal'),
    importance,
    recurrence,
    reminderMinutesBeforeStart: typeof json.reminderMinutesBeforeStart === 'number' ? json.reminderMinutesBeforeStart : 15,
    isReminderOn: json.isReminderOn !== false,
    categories: Array.isArray(json.categories) ? json.categories.filter((c): c is string => typeof c === 'string') : [],
    transactionId: typeof json.transactionId === 'string' && json.transactionId ? json.transactionId : null,
    iCalUId: `040000008200E00074C5B7101A82E00800000000${mailbox.ids.hex(36)}`,
    isCancelled: false,
    allowNewTimeProposals: json.allowNewTimeProposals !== false,
    responseStatus: { response: 'organizer', time: NEVER },
    attachments: [],
  };
}
