/**
 * Create Event. Input is validated in full before the request; the request carries a transactionId
 * derived from the incoming message and its event, so Outlook drops a repeat of it (a retried POST
 * after a lost answer, or the platform replaying the message) instead of double-booking.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Attendee, Event } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { calendarPath } from '../graph/calendars';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { parseMailboxes, toRecipients } from '../validation/addresses';
import type { Mailbox } from '../validation/addresses';
import { parseEventTime } from '../validation/datetime';
import { quote } from '../validation/echo';
import { inputObject, isAbsent, oneOf, optionalInteger, optionalText, parseFlag, requiredText, stringList } from '../validation/fields';
import { resolveTimeZone } from '../validation/timezones';

export interface CreateEventConfig extends StepConfig {
  calendarId?: string;
}

const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
type AttendeeType = typeof ATTENDEE_TYPES[number];
/** One plain field per attendee type, so a designer maps addresses without building objects. */
const TYPED_ATTENDEE_FIELDS = [['requiredAttendees', 'required'], ['optionalAttendees', 'optional'], ['resourceAttendees', 'resource']] as const;
const MAX_ATTENDEES = 500;
/** Outlook's longest reminder: four weeks. */
const MAX_REMINDER_MINUTES = 40_320;

/** An attendee as given, with the place it was given in, so that a conflict can name both places. */
interface Mention { mailbox: Mailbox; type: AttendeeType; place: string }

/**
 * The attendees of requiredAttendees, optionalAttendees and resourceAttendees (addresses as Send
 * Mail's `to` takes them), then those of `attendees`, the field earlier versions had and existing
 * mappings still fill: the same text (all required) or a list of {address, name, type}.
 * The 500-attendee limit counts all four fields together.
 */
export function parseAttendees(body: Record<string, unknown>): Attendee[] {
  const mentions: Mention[] = [];
  for (const [field, type] of TYPED_ATTENDEE_FIELDS) {
    const mailboxes = parseMailboxes(body[field], field, { max: MAX_ATTENDEES - mentions.length });
    mentions.push(...mailboxes.map((mailbox) => ({ mailbox, type, place: field })));
  }
  mentions.push(...listedAttendees(body.attendees, MAX_ATTENDEES - mentions.length));
  return withoutRepeats(mentions);
}

function listedAttendees(value: unknown, max: number): Mention[] {
  // The whole list first, so every bad address is reported with its own path (attendees[2]).
  parseMailboxes(value, 'attendees', { max });
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((entry, index) => {
    const place = Array.isArray(value) ? `attendees[${index}]` : 'attendees';
    const type = entry && typeof entry === 'object' ? oneOf((entry as Record<string, unknown>).type, `${place}.type`, ATTENDEE_TYPES, 'required') : 'required';
    return parseMailboxes(entry, place).map((mailbox) => ({ mailbox, type, place }));
  });
}

/**
 * An address given twice with the same type is harmless (one list mapped into two fields) and is
 * invited once, with its first name; given with two types, nobody can tell which was meant, so
 * the step refuses rather than guess.
 */
function withoutRepeats(mentions: Mention[]): Attendee[] {
  const first = new Map<string, Mention>();
  for (const mention of mentions) {
    const key = mention.mailbox.address.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) first.set(key, mention);
    else if (earlier.type !== mention.type) {
      throw new InputError(mention.place, `${quote(mention.mailbox.address)} is already a ${earlier.type} attendee in ${earlier.place}; give each attendee in one field only, with one type`);
    }
  }
  const kept = [...first.values()];
  return toRecipients(kept.map((mention) => mention.mailbox)).map((recipient, i) => ({ ...recipient, type: kept[i].type }));
}

/** The usual mistake with all-day events: one day given as start = end = that day. */
function allDayEndHint(startDateTime: string): string {
  const day = startDateTime.slice(0, 10);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `; for an all-day event, end is the day after the last day (start ${day}, end ${next} for one day)`;
}

export function buildEvent(input: unknown): Event {
  const body = inputObject(input);
  const isAllDay = parseFlag(body.isAllDay, 'isAllDay');
  const timeZone = isAbsent(body.timeZone) ? undefined : resolveTimeZone(body.timeZone, 'timeZone');
  const start = parseEventTime(body.start, 'start', { timeZone, allDay: isAllDay });
  const end = parseEventTime(body.end, 'end', { timeZone, allDay: isAllDay });
  if (end.epochMs <= start.epochMs) throw new InputError('end', `must be after start${end.epochMs === start.epochMs && isAllDay ? allDayEndHint(start.dateTime) : ''}`);
  const location = optionalText(body.location, 'location', 255);
  const isOnlineMeeting = parseFlag(body.isOnlineMeeting, 'isOnlineMeeting');
  const event: Event = {
    subject: requiredText(body.subject, 'subject', 255),
    body: { contentType: oneOf(body.bodyContentType, 'bodyContentType', ['text', 'html'] as const, 'text'), content: optionalText(body.body, 'body', 1024 * 1024) ?? '' },
    start: { dateTime: start.dateTime, timeZone: start.timeZone },
    end: { dateTime: end.dateTime, timeZone: end.timeZone },
    isAllDay,
    attendees: parseAttendees(body),
    importance: oneOf(body.importance, 'importance', ['low', 'normal', 'high'] as const, 'normal'),
    showAs: oneOf(body.showAs, 'showAs', ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const, 'busy'),
    sensitivity: oneOf(body.sensitivity, 'sensitivity', ['normal', 'personal', 'private', 'confidential'] as const, 'normal'),
    categories: stringList(body.categories, 'categories', { maxItems: 25, maxLength: 255 }),
  };
  if (location) event.location = { displayName: location };
  if (isOnlineMeeting) {
    event.isOnlineMeeting = true;
    event.onlineMeetingProvider = 'teamsForBusiness';
  }
  const reminder = optionalInteger(body.reminderMinutesBeforeStart, 'reminderMinutesBeforeStart', 0, MAX_REMINDER_MINUTES);
  if (reminder !== undefined) {
    event.isReminderOn = true;
    event.reminderMinutesBeforeStart = reminder;
  }
  return event;
}

/**
 * Outlook drops a create whose transactionId it has already seen, so the id must repeat exactly when
 * a second POST would book the same thing again: the same message carrying the same event. It is a
 * hash of the step, the calendar, the message id AND the event, so that
 * - a redelivery of the message, or our own retry after a lost answer, sends the same id: booked once;
 * - two messages sharing an id with different events (a step that re-emits its incoming message once
 *   per item) get different ids: both are booked;
 * - without a message id nothing tells a redelivery from a second request, and merging two real
 *   bookings silently is worse than booking twice, so a nonce drawn once per run stands in for the
 *   id: the retries of this run's POST (the retry middleware re-sends the same body) share it, and
 *   other runs never do. Platform messages always carry an id; only hand-made ones lack it.
 */
export function transactionIdFor(msgId: unknown, calendar: string, event: Event, stepId = process.env.ELASTICIO_STEP_ID ?? ''): string {
  const source = typeof msgId === 'string' && msgId ? `message:${msgId}` : `run:${randomUUID()}`;
  // JSON of the parts, not a join: no two different inputs can run together into the same text.
  const parts = JSON.stringify([stepId, calendar, source, event]);
  const hex = createHash('sha256').update(parts).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown }, cfg: CreateEventConfig) {
  const event = buildEvent(msg.body);
  const session = createSession(cfg, this);
  if (event.isOnlineMeeting && !session.cloud.teamsMeetings) {
    throw new InputError('isOnlineMeeting', `the ${session.cloud.name} cloud offers no Microsoft Teams meetings through Microsoft Graph, so Outlook would create the event without one: set Teams meeting to false (or leave it empty) and add the meeting details to the body`);
  }
  const calendar = calendarPath(session.root, cfg.calendarId);
  event.transactionId = transactionIdFor(msg.id, calendar, event);
  // Graph answers in UTC unless asked; the output should show the zone the event was given in.
  const { body: created } = await session.post<Event>(`${calendar}/events`, event, { idempotent: true, prefer: [`outlook.timezone="${event.start!.timeZone}"`] });
  this.logger.info('Event created');
  return newMessageWithBody({
    id: created.id,
    iCalUId: created.iCalUId,
    webLink: created.webLink,
    subject: created.subject,
    start: created.start,
    end: created.end,
    isAllDay: created.isAllDay,
    isOnlineMeeting: created.isOnlineMeeting,
    joinUrl: created.onlineMeeting?.joinUrl ?? undefined,
    attendees: created.attendees,
    transactionId: created.transactionId ?? event.transactionId,
  });
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processAction as process };
