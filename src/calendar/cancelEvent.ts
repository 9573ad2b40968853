/**
 * Cancel or Delete Event. The organizer of a meeting with attendees cancels it (event-cancel.md:
 * POST /cancel, with a message to them; Outlook then removes it from the organizer's calendar);
 * any other event (no attendees, or an invitation received) is deleted from the calendar. One
 * occurrence or the whole series. An event already gone is success with alreadyDeleted true, so a
 * replayed message, or one whose answer was lost, does nothing more: both the cancel and the
 * DELETE are repeated after a lost answer, since their repeat finds the event gone.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { isGone, resolveEvent } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { GraphSession, StepConfig } from '../graph/session';
import { inputZone } from '../validation/event';
import { eventIdSegment, parseOccurrenceStart } from '../validation/eventRef';
import { inputObject, optionalText } from '../validation/fields';
import { UTC_ZONE } from '../validation/timezones';

/** The longest message to the attendees taken (Graph states none; a long letter is still one). */
export const MAX_COMMENT = 10_000;

export function parseCancelInput(input: unknown) {
  const body = inputObject(input);
  const zone = inputZone(body);
  return {
    eventId: body.eventId as string,
    idSegment: eventIdSegment(body.eventId),
    occurrence: parseOccurrenceStart(body.occurrenceStart, zone),
    zone: zone ?? UTC_ZONE,
    comment: optionalText(body.comment, 'comment', MAX_COMMENT) ?? '',
  };
}

/** Runs a cancel or delete; a 404 means it is done (a lost answer's repeat, or someone else was first). */
async function done(request: () => Promise<unknown>): Promise<void> {
  try {
    await request();
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}

async function cancelOrDelete(session: GraphSession, path: string, organizer: boolean, attendees: number, comment: string): Promise<'cancelled' | 'deleted'> {
  if (organizer && attendees > 0) {
    await done(() => session.post(`${path}/cancel`, { comment }, { idempotent: true }));
    return 'cancelled';
  }
  await done(() => session.delete(path));
  return 'deleted';
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const { eventId, idSegment, occurrence, zone, comment } = parseCancelInput(msg.body);
  const session = createSession(cfg, this);
  const found = await resolveEvent(session, idSegment, occurrence, zone, ['isOrganizer', 'attendees', 'subject', 'type']);
  const out = { eventId: String(eventId).trim(), ...(occurrence && { occurrenceStart: occurrence.text }) };
  if (!found) {
    this.logger.info('Event already gone: nothing to cancel');
    return newMessageWithBody({ ...out, action: 'none', alreadyDeleted: true, attendeesNotified: 0 });
  }
  const attendees = (found.event.attendees ?? []).length;
  const action = await cancelOrDelete(session, found.path, Boolean(found.event.isOrganizer), attendees, comment);
  if (action === 'deleted' && comment) this.logger.info('Event deleted; the comment was not sent: only an organizer cancelling a meeting with attendees sends one');
  else this.logger.info(`Event ${action}`);
  return newMessageWithBody({ ...out, action, alreadyDeleted: false, attendeesNotified: action === 'cancelled' ? attendees : 0 });
}

export { processAction as process };
