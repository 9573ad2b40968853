/**
 * Meetings between mailboxes of the emulator, as Exchange keeps them: the organizer's event is the
 * meeting; each invited mailbox gets its own copy in its default calendar (same iCalUId, organizer
 * the inviter, `isOrganizer` false, `responseStatus` notResponded), which follows the organizer's
 * changes and cancellation. An attendee answers on its copy (event-accept.md, event-decline.md,
 * event-tentativelyaccept.md): its own responseStatus changes, and with sendResponse the organizer's
 * event records the answer (and a proposed time, outlook-calendar-meeting-proposals.md) and a
 * response mail reaches the organizer's Inbox. Cancelling (event-cancel.md) or deleting a meeting
 * as organizer (event-delete.md: "sends a cancellation message to the meeting attendees") marks the
 * copies cancelled ("Canceled: " before the subject, as Outlook shows them) and mails the attendees.
 *
 * Only mailboxes of this emulator get copies and mail; other addresses are recorded as attendees
 * and nothing more, as for mail sent to them. Invitation mails (eventMessageRequest) are not made:
 * the copy in the calendar is what the steps act on.
 */
import { composeMessage } from './compose';
import { GraphError, badRequest } from './errors';
import { NEVER } from './event-input';
import { findEvent, updateOccurrence, deleteEvent } from './instances';
import type { Json } from './json';
import { isObject, param } from './json';
import type { Mailbox, NewEvent } from './mailbox';
import type { Attendee, EmailAddress, ProposedTime, StoredEvent } from './model';
import { graphInstant, parseWallTime } from './timefmt';
import { graphTimeZone, wallToUtc } from './timezones';
import type { World } from './world';
import { occurrenceId } from './expand';

export type MeetingResponse = 'accept' | 'tentativelyAccept' | 'decline';

const ANSWERS: Record<MeetingResponse, { response: string; subject: string }> = {
  accept: { response: 'accepted', subject: 'Accepted' },
  tentativelyAccept: { response: 'tentativelyAccepted', subject: 'Tentative' },
  decline: { response: 'declined', subject: 'Declined' },
};

const CANCELED = 'Canceled: ';

/** The mailbox's own copy of a meeting: its series master or single event with that iCalUId. */
export function meetingCopy(mailbox: Mailbox, iCalUId: string): StoredEvent | undefined {
  return mailbox.allEvents.index('createdDateTime').items.find((e) => e.iCalUId === iCalUId);
}

/** The mailboxes of this emulator among the event's attendees (not the organizer's own). */
function invitees(world: World, organizer: Mailbox, attendees: readonly Attendee[]): Mailbox[] {
  const found = new Map<string, Mailbox>();
  for (const attendee of attendees) {
    const mailbox = world.directory.mailbox(attendee.emailAddress.address);
    if (mailbox && mailbox.enabled && mailbox !== organizer) found.set(mailbox.address, mailbox);
  }
  return [...found.values()];
}

function cloneAttendees(attendees: readonly Attendee[]): Attendee[] {
  return attendees.map((a) => ({ emailAddress: { ...a.emailAddress }, type: a.type, status: { ...a.status } }));
}

/** What an attendee's copy shares with the organizer's event. */
function meetingFields(event: StoredEvent): Partial<StoredEvent> {
  return {
    subject: event.isCancelled && !event.subject.startsWith(CANCELED) ? `${CANCELED}${event.subject}` : event.subject,
    body: event.body,
    startMs: event.startMs,
    endMs: event.endMs,
    startTimeZone: event.startTimeZone,
    endTimeZone: event.endTimeZone,
    isAllDay: event.isAllDay,
    location: event.location,
    locations: event.locations,
    attendees: cloneAttendees(event.attendees),
    organizer: { ...event.organizer },
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider,
    onlineMeeting: event.onlineMeeting,
    importance: event.importance,
    sensitivity: event.sensitivity,
    recurrence: event.recurrence,
    allowNewTimeProposals: event.allowNewTimeProposals,
  };
}

function copyFor(event: StoredEvent, mailbox: Mailbox, now: number): NewEvent {
  const calendar = mailbox.calendar();
  if (!calendar) throw new Error(`${mailbox.address} has no calendar`);
  return {
    ...meetingFields(event),
    calendarId: calendar.id,
    createdAt: now,
    lastModifiedAt: now,
    isOrganizer: false,
    showAs: event.showAs,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    categories: [],
    transactionId: null,
    iCalUId: event.iCalUId,
    isCancelled: false,
    responseStatus: { response: 'notResponded', time: NEVER },
    attachments: event.attachments.map((a) => ({ ...a })),
    cancelledOccurrences: event.cancelledOccurrences && new Set(event.cancelledOccurrences),
  } as NewEvent;
}

/** New attendees of a meeting the mailbox organises get their copies. */
export function invite(world: World, organizer: Mailbox, event: StoredEvent, now: number): void {
  if (!event.isOrganizer || event.instance) return;
  for (const mailbox of invitees(world, organizer, event.attendees)) {
    if (!meetingCopy(mailbox, event.iCalUId)) mailbox.insertEvents([copyFor(event, mailbox, now)]);
  }
}

/**
 * After the organizer changed a meeting (master or single): copies follow; a moved meeting asks
 * everyone to answer again; attendees no longer invited find theirs cancelled; new ones are invited.
 */
export function followChanges(world: World, organizer: Mailbox, event: StoredEvent, before: { attendees: Attendee[]; startMs: number; endMs: number; recurrence: unknown }, now: number): void {
  if (!event.isOrganizer || event.instance) return;
  const moved = before.startMs !== event.startMs || before.endMs !== event.endMs || JSON.stringify(before.recurrence) !== JSON.stringify(event.recurrence);
  // The published event_update answer (outlook-calendar-meeting-proposals.md) shows the invitee
  // notResponded after the organizer moved the meeting: everyone is asked again.
  if (moved && event.attendees.length) {
    organizer.updateEvent(event, now, (e) => {
      e.attendees = e.attendees.map((a) => ({ emailAddress: a.emailAddress, type: a.type, status: { response: 'notResponded', time: NEVER } }));
    });
  }
  const current = new Set(invitees(world, organizer, event.attendees));
  for (const mailbox of invitees(world, organizer, before.attendees)) {
    const copy = meetingCopy(mailbox, event.iCalUId);
    if (!copy) continue;
    if (!current.has(mailbox)) {
      cancelCopy(mailbox, copy, now);
      continue;
    }
    mailbox.updateEvent(copy, now, (c) => {
      Object.assign(c, meetingFields(event));
      if (moved) {
        c.responseStatus = { response: 'notResponded', time: NEVER };
        c.exceptions = undefined;
        c.cancelledOccurrences = event.cancelledOccurrences && new Set(event.cancelledOccurrences);
      }
    });
  }
  invite(world, organizer, event, now);
}

function cancelCopy(mailbox: Mailbox, copy: StoredEvent, now: number): void {
  mailbox.updateEvent(copy, now, (c) => {
    c.isCancelled = true;
    if (!c.subject.startsWith(CANCELED)) c.subject = `${CANCELED}${c.subject}`;
  });
}

function mail(to: Mailbox, from: EmailAddress, subject: string, comment: string, now: number): void {
  to.insertMessage(composeMessage({ folderId: to.wellKnownFolder('inbox').id, from, to: [{ name: to.user.displayName, address: to.address }], body: comment, bodyContentType: 'text' }, { subject, receivedAt: now }, to.ids.hex(20)));
}

const named = (mailbox: Mailbox): EmailAddress => ({ name: mailbox.user.displayName, address: mailbox.address });

/**
 * The organizer cancels the meeting or one occurrence of it: the organizer's event (or occurrence)
 * is gone, each attendee's copy (or its occurrence) shows it cancelled, and each attendee gets the
 * cancellation with the comment. `event` is the organizer's event or occurrence, found by id.
 */
export function cancelMeeting(world: World, organizer: Mailbox, event: StoredEvent, comment: string, now: number): void {
  const master = event.instance ? organizer.event(event.instance.seriesMasterId) as StoredEvent : event;
  const subject = event.subject;
  deleteEvent(organizer, event, now);
  for (const mailbox of invitees(world, organizer, event.attendees)) {
    const copy = meetingCopy(mailbox, master.iCalUId);
    if (copy && event.instance) {
      const occurrence = findEvent(mailbox, occurrenceId(copy.id, event.instance.originalStartMs));
      if (occurrence) updateOccurrence(mailbox, occurrence, { subject: `${CANCELED}${occurrence.subject}` }, now, true);
    } else if (copy) {
      cancelCopy(mailbox, copy, now);
    }
    mail(mailbox, named(organizer), `${CANCELED}${subject}`, comment, now);
  }
}

/** A timeSlot as an invitee proposes it ({start, end} of {dateTime, timeZone}, names in any case). */
function readProposal(value: unknown): ProposedTime {
  const end = (name: 'start' | 'end'): number => {
    const part = isObject(value) ? param(value, name) : undefined;
    const wall = isObject(part) ? param(part, 'dateTime') : undefined;
    const zoneName = isObject(part) ? param(part, 'timeZone') : undefined;
    const zone = graphTimeZone(typeof zoneName === 'string' && zoneName ? zoneName : 'UTC');
    if (!zone) throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(zoneName)}'.`);
    const parsed = typeof wall === 'string' ? parseWallTime(wall) : undefined;
    if (!parsed) throw badRequest(`The proposedNewTime needs a '${name}' with a dateTime.`);
    return parsed.absolute ? parsed.wallMs : wallToUtc(zone, parsed.wallMs);
  };
  const slot = { startMs: end('start'), endMs: end('end') };
  if (slot.endMs < slot.startMs) throw new GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
  return slot;
}

/** Records an attendee's answer on the organizer's event or occurrence (a meeting's tracking). */
function track(world: World, attendee: Mailbox, copy: StoredEvent, response: string, proposal: ProposedTime | undefined, now: number): void {
  const organizer = world.directory.mailbox(copy.organizer.address);
  const masterUid = copy.instance ? (attendee.event(copy.instance.seriesMasterId) as StoredEvent).iCalUId : copy.iCalUId;
  const original = organizer && meetingCopy(organizer, masterUid);
  if (!organizer || !original?.isOrganizer) return;
  const mark = (attendees: Attendee[]): Attendee[] => attendees.map((a) => (attendee.owns(a.emailAddress.address)
    ? { emailAddress: a.emailAddress, type: a.type, status: { response, time: graphInstant(now) }, ...(proposal && { proposedNewTime: proposal }) }
    : a));
  if (!copy.instance) {
    organizer.updateEvent(original, now, (e) => { e.attendees = mark(e.attendees); });
    return;
  }
  const occurrence = findEvent(organizer, occurrenceId(original.id, copy.instance.originalStartMs));
  // Not through PATCH: a PATCH keeps attendees' answers as they were, as Graph does.
  const exception = occurrence && exceptionOf(organizer, occurrence, now);
  if (exception) exception.attendees = mark(exception.attendees);
}

/** The stored exception of an occurrence, made from it if it is not one yet. */
function exceptionOf(mailbox: Mailbox, occurrence: StoredEvent, now: number): StoredEvent | undefined {
  const place = occurrence.instance as NonNullable<StoredEvent['instance']>;
  updateOccurrence(mailbox, occurrence, {}, now);
  return (mailbox.event(place.seriesMasterId) as StoredEvent).exceptions?.get(place.originalStartMs);
}

/**
 * An invitee answers (`event` is the invitee's copy or one of its occurrences). Checks as Graph's
 * pages state them: only an invitee answers; a proposed time needs an event that allows proposals
 * and sendResponse; accept takes no proposal. Declining removes the copy (or that occurrence) from
 * the calendar, as Exchange moves declined meetings to Deleted Items.
 */
export function respond(world: World, mailbox: Mailbox, event: StoredEvent, action: MeetingResponse, json: Json, now: number): void {
  const sendValue = param(json, 'sendResponse');
  if (sendValue !== undefined && sendValue !== null && typeof sendValue !== 'boolean' && sendValue !== 'true' && sendValue !== 'false') {
    throw badRequest(`Cannot convert '${String(sendValue)}' to Edm.Boolean.`);
  }
  const sendResponse = sendValue === undefined || sendValue === null || sendValue === true || sendValue === 'true';
  const comment = param(json, 'comment');
  const proposed = param(json, 'proposedNewTime');
  if (proposed !== undefined && proposed !== null && action === 'accept') {
    throw badRequest("The parameter 'proposedNewTime' in the request payload is not a valid parameter for the operation 'accept'.");
  }
  if (event.isOrganizer) throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You can't respond to a meeting you organized.");
  if (event.isCancelled && action !== 'decline') throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. The meeting was canceled by the organizer.");
  const proposal = proposed === undefined || proposed === null ? undefined : readProposal(proposed);
  if (proposal && !event.allowNewTimeProposals) throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. The organizer does not allow new time proposals for this meeting.");
  if (proposal && !sendResponse) throw new GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. A new time can be proposed only when a response is sent.");
  const { response, subject } = ANSWERS[action];
  if (sendResponse) {
    track(world, mailbox, event, response, proposal, now);
    const organizer = world.directory.mailbox(event.organizer.address);
    if (organizer && organizer.enabled) mail(organizer, named(mailbox), `${proposal ? 'New Time Proposed' : subject}: ${event.subject}`, typeof comment === 'string' ? comment : '', now);
  }
  if (action === 'decline') {
    deleteEvent(mailbox, event, now);
    return;
  }
  const answer = { response, time: graphInstant(now) };
  if (!event.instance) {
    mailbox.updateEvent(event, now, (e) => { e.responseStatus = answer; });
    return;
  }
  // An answer to one occurrence makes it an exception that carries the answer.
  const exception = exceptionOf(mailbox, event, now);
  if (exception) exception.responseStatus = answer;
}

/** The organizer changed one occurrence (an exception now): the copies' occurrences change alike. */
export function followOccurrenceChange(world: World, organizer: Mailbox, exception: StoredEvent, changes: Json, now: number): void {
  const place = exception.instance;
  const master = place && organizer.event(place.seriesMasterId);
  if (!place || !master?.isOrganizer) return;
  const { attendees, ...shared } = changes;
  for (const mailbox of invitees(world, organizer, master.attendees)) {
    const copy = meetingCopy(mailbox, master.iCalUId);
    const occurrence = copy && findEvent(mailbox, occurrenceId(copy.id, place.originalStartMs));
    if (occurrence) updateOccurrence(mailbox, occurrence, attendees === undefined ? shared : changes, now);
  }
}
