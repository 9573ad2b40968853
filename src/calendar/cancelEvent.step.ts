/** Cancel or Delete Event as component.json shows it; the code is cancelEvent.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { eventRefInput, zoneInput } from '../manifest/eventSchemas';
import { mailboxField } from '../manifest/fields';
import { body, flag, number, text } from '../manifest/schemas';

export const cancelEvent: ActionDescriptor = {
  id: 'cancelEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Cancel or Delete Event',
  description: 'Cancels a meeting you organise (with a message to the attendees) or deletes the event; one occurrence or the whole series. An event already gone counts as done.',
  help: {
    description: 'As the organizer of a meeting with attendees, cancels it: Outlook sends them the cancellation with your comment and removes the meeting from your calendar. Any other event (no attendees, or an invitation you received) is deleted from the calendar. With Occurrence start, only that occurrence of the series. An event that no longer exists is reported with alreadyDeleted true, not as an error.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    ...eventRefInput,
    comment: text('Comment', 'The message the attendees get with the cancellation, up to 10000 characters. Not sent when the event is deleted instead.'),
    timeZone: zoneInput('a local Occurrence start'),
  }),
  out: body({
    eventId: text('Event id', 'The id given.'),
    occurrenceStart: text('Occurrence start', 'The occurrence start given; absent for an event or whole series.'),
    action: text('Action', 'cancelled (the attendees were sent the cancellation), deleted, or none (already gone).'),
    alreadyDeleted: flag('Already deleted', 'true when the event (or occurrence) no longer existed: nothing was done.'),
    attendeesNotified: number('Attendees notified', 'How many attendees were sent the cancellation; 0 when deleted.'),
  }),
};
