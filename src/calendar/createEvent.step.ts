/** Create Event as component.json shows it; the code is createEvent.ts (buildEvent reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { calendarField, mailboxField } from '../manifest/fields';
import { attendees, body, dateTimeTimeZone, eventProperties, flag, inputProperties, number, text } from '../manifest/schemas';

/** How parseMailboxes reads an address list, in Send Mail's words. */
const AS_TO = 'as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list';

export const createEvent: ActionDescriptor = {
  id: 'createEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Create Event',
  description: 'Creates an event, optionally with attendees and a Teams meeting. A replayed message does not book twice.',
  help: {
    description: 'Creates an event in the chosen calendar: subject, start and end (with an offset, a local time and a time zone, or dates for all-day events), required and optional attendees, rooms or equipment as resources, and optionally a Microsoft Teams meeting. Outlook sends the invitations. The request carries an id derived from the incoming message, so a retried or replayed message does not book twice.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    calendarId: calendarField(10),
  },
  in: body({
    subject: text('Subject', 'Up to 255 characters.', { required: true }),
    start: text('Start', 'ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone; a date (2026-03-10) for all-day events.', { required: true }),
    end: text('End', 'Same forms as Start, and after it. For an all-day event, the day after the last day.', { required: true }),
    timeZone: text('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name; the event is created in it. Needed when Start and End are local times; empty: UTC.'),
    isAllDay: flag('All day', 'true for an all-day event: Start and End are then dates (or midnights).'),
    requiredAttendees: text('Required attendees', `Addresses ${AS_TO}. At most 500 attendees in all four attendee fields.`),
    optionalAttendees: text('Optional attendees', `Addresses ${AS_TO}.`),
    resourceAttendees: text('Resources', `Rooms or equipment to book, as mailbox addresses; addresses ${AS_TO}.`),
    isOnlineMeeting: flag('Teams meeting', "true adds a Microsoft Teams meeting (work or school accounts only); its link is in the output's Teams join URL."),
    location: text('Location', 'Name of the place, up to 255 characters.'),
    body: text('Body', 'The text of the invitation, as text or HTML (see Body type).'),
    bodyContentType: inputProperties.bodyContentType,
    importance: inputProperties.importance,
    showAs: text('Show as', 'free, tentative, busy (the default), oof, workingElsewhere or unknown, in any letter case.'),
    sensitivity: text('Sensitivity', 'normal (the default), personal, private or confidential, in any letter case.'),
    reminderMinutesBeforeStart: number('Reminder (minutes before start)', 'A whole number from 0 to 40320 (four weeks). Empty: the calendar\'s default reminder.'),
    categories: text('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
    attendees: text('Attendees (earlier form)', 'Kept for existing mappings; prefer the three fields above. Addresses as for Required attendees (all required), or a list of {address, name, type} with type required, optional or resource in any letter case. An address given twice with two types is refused.'),
  }),
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
    transactionId: text('Transaction id', 'Derived from the incoming message: Outlook creates no second event for a repeat of it.'),
  }),
};
