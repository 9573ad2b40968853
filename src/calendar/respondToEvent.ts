/**
 * Respond to Invitation: accept, tentatively accept or decline an event the mailbox was invited
 * to (event-accept.md, event-tentativelyaccept.md, event-decline.md), the series or one occurrence,
 * with a comment, with or without a response to the organizer, and with tentative or decline a new
 * time proposed (outlook-calendar-meeting-proposals.md). The event is read first: an invitation
 * already answered the same way is success without a second answer, which makes a replayed message
 * harmless. The answer itself is not repeated blindly after a lost answer (it would mail the
 * organizer twice): the event is read again, and the answer sent again only if it did not arrive.
 * Outlook removes a declined invitation from the calendar, so declining one that is gone succeeds.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { GraphRequestError } from '../graph/errors';
import { eventGone, readEvent, resolveEvent } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { epochToWallTime, parseEventTime, wallTimeToEpoch } from '../validation/datetime';
import type { EventTime } from '../validation/datetime';
import { inputZone } from '../validation/event';
import { eventIdSegment, parseOccurrenceStart } from '../validation/eventRef';
import { inputObject, isAbsent, oneOf, optionalText, parseFlag } from '../validation/fields';
import { UTC_ZONE } from '../validation/timezones';
import type { ResolvedZone } from '../validation/timezones';

export const RESPONSES = ['accept', 'tentativelyAccept', 'decline'] as const;
type Response = typeof RESPONSES[number];
/** What the event's responseStatus shows once the answer is given. */
const ANSWERED: Record<Response, string> = { accept: 'accepted', tentativelyAccept: 'tentativelyAccepted', decline: 'declined' };
const MAX_COMMENT = 10_000;
const STATE_FIELDS = ['isOrganizer', 'responseStatus', 'allowNewTimeProposals', 'isCancelled', 'type', 'subject', 'start', 'end'] as const;

export function parseRespondInput(input: unknown) {
  const body = inputObject(input);
  const zone = inputZone(body);
  const response = oneOf(body.response, 'response', RESPONSES);
  if (!response) throw new InputError('response', 'is required: accept, tentativelyAccept or decline');
  const sendResponse = parseFlag(body.sendResponse, 'sendResponse', true);
  const given = (value: unknown, field: string): EventTime | undefined => (isAbsent(value) ? undefined : parseEventTime(value, field, { timeZone: zone }));
  let proposedStart = given(body.proposedStart, 'proposedStart');
  let proposedEnd = given(body.proposedEnd, 'proposedEnd');
  if (proposedStart && proposedEnd && proposedEnd.epochMs <= proposedStart.epochMs) throw new InputError('proposedEnd', 'must be after proposedStart');
  // With accept there is nothing to propose (Graph takes no proposal with it): the time is fine as it is.
  const ignoredProposal = response === 'accept' && Boolean(proposedStart || proposedEnd);
  const proposing = response !== 'accept' && Boolean(proposedStart || proposedEnd);
  if (!proposing) [proposedStart, proposedEnd] = [undefined, undefined];
  if (proposing && !sendResponse) throw new InputError('sendResponse', 'must be true to propose a new time: the proposal travels in the response to the organizer');
  return {
    eventId: String(body.eventId ?? '').trim(),
    idSegment: eventIdSegment(body.eventId),
    occurrence: parseOccurrenceStart(body.occurrenceStart, zone),
    zone: zone ?? UTC_ZONE,
    response,
    comment: optionalText(body.comment, 'comment', MAX_COMMENT),
    sendResponse,
    proposing,
    ignoredProposal,
    proposedStart,
    proposedEnd,
  };
}

type Slot = { dateTime: string; timeZone: string };

/** The time proposed: a lone start or end keeps the meeting's length, as Outlook's own proposals do. */
export function proposedTime(start: EventTime | undefined, end: EventTime | undefined, event: Event, zone: ResolvedZone): { start: Slot; end: Slot } | undefined {
  if (!start && !end) return undefined;
  const instant = (value: Event['start']): number => wallTimeToEpoch((value?.dateTime ?? '').slice(0, 19), zone.iana);
  const length = instant(event.end) - instant(event.start);
  const startMs = start ? start.epochMs : (end as EventTime).epochMs - length;
  const endMs = end ? end.epochMs : (start as EventTime).epochMs + length;
  const slot = (given: EventTime | undefined, ms: number): Slot => (given ? { dateTime: given.dateTime, timeZone: given.timeZone } : { dateTime: epochToWallTime(ms, zone.iana), timeZone: zone.graphName });
  return { start: slot(start, startMs), end: slot(end, endMs) };
}

/** Why Outlook would refuse this answer, said before asking it. */
function refusal(event: Event, response: Response, proposing: boolean): InputError | undefined {
  if (event.isOrganizer) return new InputError('eventId', 'the mailbox organises this event, so there is no invitation to answer: use Update Event or Cancel or Delete Event');
  if (event.isCancelled && response !== 'decline') return new InputError('response', 'the organizer cancelled this meeting: decline it, or use Cancel or Delete Event to remove it from the calendar');
  if (proposing && event.allowNewTimeProposals === false) return new InputError('proposedStart', 'the organizer does not allow new time proposals for this meeting: leave the proposed time empty and say it in the comment');
  return undefined;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const input = parseRespondInput(msg.body);
  const session = createSession(cfg, this);
  if (input.ignoredProposal) this.logger.info('The proposed time is not sent: a new time goes only with tentativelyAccept or decline');
  const out = { eventId: input.eventId, ...(input.occurrence && { occurrenceStart: input.occurrence.text }), response: input.response, sendResponse: input.sendResponse };
  const done = (alreadyAnswered: boolean, proposedNewTime?: ReturnType<typeof proposedTime>) => newMessageWithBody({ ...out, alreadyAnswered, ...(proposedNewTime && { proposedNewTime }) });
  const found = await resolveEvent(session, input.idSegment, input.occurrence, input.zone, STATE_FIELDS);
  if (!found) {
    // Outlook moves a declined invitation out of the calendar: gone is what declining leaves.
    if (input.response === 'decline') {
      this.logger.info('Invitation no longer in the calendar: already declined (or deleted)');
      return done(true);
    }
    throw eventGone(session, input.occurrence ? 'occurrence' : 'invitation');
  }
  const problem = refusal(found.event, input.response, input.proposing);
  if (problem) throw problem;
  const proposedNewTime = proposedTime(input.proposedStart, input.proposedEnd, found.event, input.zone);
  const answered = (event: Event | undefined): boolean => (event === undefined ? input.response === 'decline' : event.responseStatus?.response === ANSWERED[input.response]);
  if (answered(found.event)) {
    this.logger.info(`Invitation already answered ${ANSWERED[input.response]}`);
    return done(true);
  }
  const request = {
    ...(input.comment !== undefined && { comment: input.comment }),
    sendResponse: input.sendResponse,
    ...(proposedNewTime && { proposedNewTime }),
  };
  const path = `${found.path}/${input.response}`;
  try {
    await session.post(path, request, { idempotent: false });
  } catch (err) {
    const lost = err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
    if (!lost) throw err;
    // The answer may have arrived: look before answering again.
    if (!answered(await readEvent(session, found.path, STATE_FIELDS))) {
      try {
        await session.post(path, request, { idempotent: false });
      } catch (again) {
        if (again instanceof GraphRequestError) {
          throw new GraphRequestError(`${again.message} The answer may or may not have reached Outlook, so it was not sent a third time: check the invitation before re-running this message.`, again.statusCode, again.code, again.requestId);
        }
        throw again;
      }
    }
  }
  this.logger.info(`Invitation answered: ${ANSWERED[input.response]}`);
  return done(false, proposedNewTime);
}

export { processAction as process };
