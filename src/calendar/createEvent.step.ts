/** Create Event as component.json shows it; the code is createEvent.ts (validation/event.ts reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { addedFiles, eventDetailOutput, eventInput } from '../manifest/eventSchemas';
import { calendarField, mailboxField } from '../manifest/fields';
import { attendees, body, dateTimeTimeZone, eventProperties, flag, text } from '../manifest/schemas';

export const createEvent: ActionDescriptor = {
  id: 'createEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Create Event',
  description: 'Creates an event, optionally recurring, with attendees, places, files and a Teams meeting. A replayed message does not book twice.',
  help: {
    description: 'Creates an event in the chosen calendar: subject, start and end (with an offset, a local time and a time zone, or dates for all-day events), attendees, rooms, several places with addresses, a recurrence (a calendar rule such as FREQ=WEEKLY;BYDAY=MO), a Teams meeting, and the files of the incoming message. Outlook sends the invitations. The request carries an id derived from the incoming message, so a retried or replayed message does not book or attach twice.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    calendarId: calendarField(10),
  },
  in: body(eventInput({ create: true })),
  out: body({
    id: text('Event id', "Outlook's id of the new event."),
    iCalUId: eventProperties.iCalUId,
    webLink: eventProperties.webLink,
    subject: text('Subject', 'The subject as Outlook stored it.'),
    start: dateTimeTimeZone('Start', 'Start of the event in the zone it was created in.'),
    end: dateTimeTimeZone('End', 'End of the event in the zone it was created in.'),
    isAllDay: eventProperties.isAllDay,
    isOnlineMeeting: flag('Online meeting', 'Whether a Teams meeting was added.'),
    joinUrl: text('Teams join URL', 'The link to join the Teams meeting; absent when there is none.'),
    attendees,
    locations: eventDetailOutput.locations,
    recurrence: { ...eventDetailOutput.recurrence, description: 'Pattern and range of the series as Outlook stored them; absent or null for a single event.' },
    allowNewTimeProposals: eventDetailOutput.allowNewTimeProposals,
    attachments: addedFiles,
    transactionId: text('Transaction id', 'Derived from the incoming message: Outlook creates no second event for a repeat of it.'),
  }),
};
