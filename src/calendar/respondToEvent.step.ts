/** Respond to Invitation as component.json shows it; the code is respondToEvent.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { eventRefInput, zoneInput } from '../manifest/eventSchemas';
import { mailboxField } from '../manifest/fields';
import { body, dateTimeTimeZone, flag, object, text } from '../manifest/schemas';

export const respondToEvent: ActionDescriptor = {
  id: 'respondToEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Respond to Invitation',
  description: 'Accepts, tentatively accepts or declines an invitation, with a comment and optionally a new time proposed. Answering again the same way changes nothing.',
  help: {
    description: 'Answers an invitation in the mailbox: accept, tentativelyAccept or decline, for the whole series or one occurrence, with a comment to the organizer. Send response false answers without telling the organizer. With tentativelyAccept or decline you may propose another time, if the organizer allows it. An invitation already answered the same way is reported with alreadyAnswered true; a declined one leaves the calendar.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    eventId: eventRefInput.eventId,
    response: text('Response', 'accept, tentativelyAccept or decline, in any letter case.', { required: true }),
    occurrenceStart: eventRefInput.occurrenceStart,
    comment: text('Comment', 'Text for the organizer, up to 10000 characters.'),
    sendResponse: flag('Send response', 'true (the default): the organizer gets the answer; false: only your calendar changes.'),
    proposedStart: text('Proposed start', "With tentativelyAccept or decline: the start you propose instead (same forms as Create Event's Start). Alone, the meeting keeps its length. Ignored with accept."),
    proposedEnd: text('Proposed end', 'The end you propose, after Proposed start; alone, the start moves with it, keeping the length.'),
    timeZone: zoneInput('local times (Occurrence start, the proposed time)'),
  }),
  out: body({
    eventId: text('Event id', 'The id given.'),
    occurrenceStart: text('Occurrence start', 'The occurrence start given; absent for an event or whole series.'),
    response: text('Response', 'accept, tentativelyAccept or decline.'),
    sendResponse: flag('Response sent', 'Whether the organizer was to be told.'),
    alreadyAnswered: flag('Already answered', 'true when the invitation was already answered this way (or, for decline, is no longer in the calendar): nothing was sent.'),
    proposedNewTime: object('Proposed time', 'The time proposed, when one was; absent otherwise.', {
      start: dateTimeTimeZone('Start', 'Start proposed.'),
      end: dateTimeTimeZone('End', 'End proposed.'),
    }),
  }),
};
