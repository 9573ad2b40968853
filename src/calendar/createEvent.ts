/**
 * Create Event. Input is validated in full before the request; the request carries a transactionId
 * derived from the incoming message and its event, so Outlook drops a repeat of it (a retried POST
 * after a lost answer, or the platform replaying the message) instead of double-booking. Files of
 * the incoming message are added after the event exists (Graph takes none in the create), skipping
 * those a replay finds already there; with files, the attendees are invited once the files are on
 * the event, so the one invitation they get carries them.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Attendee, Event } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { calendarPath } from '../graph/calendars';
import { eventPath, zonePreference } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { planAttachments } from '../platform/attachments';
import { attachToEvent } from '../platform/eventAttachments';
import { buildEvent } from '../validation/event';

export { buildEvent } from '../validation/event';

export interface CreateEventConfig extends StepConfig {
  calendarId?: string;
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

/** Whether Graph's attendees are those to invite (a replay finds them invited already). */
function invited(current: Attendee[] | null | undefined, wanted: Attendee[]): boolean {
  const have = new Set((current ?? []).map((a) => a.emailAddress?.address?.toLowerCase()));
  return wanted.every((a) => have.has(a.emailAddress?.address?.toLowerCase()));
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: CreateEventConfig) {
  const event = buildEvent(msg.body);
  const session = createSession(cfg, this);
  if (event.isOnlineMeeting && !session.cloud.teamsMeetings) {
    throw new InputError('isOnlineMeeting', `the ${session.cloud.name} cloud offers no Microsoft Teams meetings through Microsoft Graph, so Outlook would create the event without one: set Teams meeting to false (or leave it empty) and add the meeting details to the body`);
  }
  const planned = planAttachments(msg.attachments);
  const calendar = calendarPath(session.root, cfg.calendarId);
  event.transactionId = transactionIdFor(msg.id, calendar, event);
  // Graph answers in UTC unless asked; the output should show the zone the event was given in.
  const prefer = [zonePreference(event.start!.timeZone!)];
  const attendees = event.attendees ?? [];
  const inviteLater = planned.length > 0 && attendees.length > 0;
  const { body: created } = await session.post<Event>(`${calendar}/events`, inviteLater ? { ...event, attendees: [] } : event, { idempotent: true, prefer });
  const path = eventPath(session.root, encodeURIComponent(created.id!));
  const added = await attachToEvent(session, path, planned, typeof msg.id === 'string' ? { msgId: msg.id } : {});
  let result = created;
  if (inviteLater && !invited(created.attendees, attendees)) {
    // Setting the same attendees again changes nothing: safe to repeat after a lost answer.
    result = (await session.patch<Event>(path, { attendees }, { idempotent: true, prefer })).body;
  }
  this.logger.info(`Event created${added.length ? ` with ${added.length} attachment(s)` : ''}`);
  return newMessageWithBody(withoutUndefined({
    id: result.id,
    iCalUId: result.iCalUId,
    webLink: result.webLink,
    subject: result.subject,
    start: result.start,
    end: result.end,
    isAllDay: result.isAllDay,
    isOnlineMeeting: result.isOnlineMeeting,
    joinUrl: result.onlineMeeting?.joinUrl ?? undefined,
    attendees: result.attendees,
    locations: result.locations ?? undefined,
    recurrence: result.recurrence ?? undefined,
    allowNewTimeProposals: result.allowNewTimeProposals ?? undefined,
    attachments: added.map((file) => ({ name: file.name, size: file.size })),
    transactionId: result.transactionId ?? event.transactionId,
  }));
}

/** Keys Graph did not answer are left out rather than carried as undefined. */
function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processAction as process };
