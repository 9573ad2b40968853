/** Poll for New and Updated Events as component.json shows it; the code is getNewAndUpdatedEvents.ts (its EVENT_FIELDS match `out`). */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { calendarField, mailboxField, startTimeField, timeZoneField } from '../manifest/fields';
import { attendees, body, dateTimeTimeZone, eventProperties, flag, instant, itemBody, location, number, object, recipient, strings, text } from '../manifest/schemas';

export const getNewAndUpdatedEvents: TriggerDescriptor = {
  id: 'getNewAndUpdatedEvents',
  group: 'calendar',
  kind: 'trigger',
  title: 'Poll for New and Updated Events',
  description: 'Emits each event of the chosen calendar once per change: when it is created and each time it is changed.',
  help: {
    description: 'Emits an event of the chosen calendar when it is created and again each time it changes, once per change, oldest change first. Start and end are given in the time zone you choose (UTC by default). Deleted events are not reported, and a recurring series is reported through its series master rather than per occurrence. Set Start time to include changes made before the flow starts.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    calendarId: calendarField(30),
    startTime: startTimeField({ emits: 'events created or changed', whenEmpty: 'changes', order: 20 }),
    timeZone: timeZoneField(10),
  },
  out: body({
    id: text('Event id', "Outlook's id of the event."),
    changeKey: text('Change key', 'Changes with every change of the event: one message per change.'),
    iCalUId: eventProperties.iCalUId,
    type: text('Type', 'singleInstance, occurrence, exception or seriesMaster (the event that holds a recurring series).'),
    seriesMasterId: text('Series master id', 'For an occurrence or exception, the id of its series master; null otherwise.'),
    subject: text('Subject', 'The subject; empty when there is none.'),
    bodyPreview: text('Body preview', 'The first 255 characters of the description, as text; null when Outlook has none.'),
    body: itemBody,
    start: dateTimeTimeZone('Start', "Start of the event, in the step's time zone."),
    end: dateTimeTimeZone('End', "End of the event, in the step's time zone."),
    isAllDay: eventProperties.isAllDay,
    location,
    attendees,
    organizer: recipient('Organizer', 'Who organises the event; null when Outlook has none.', "The organizer's"),
    isOnlineMeeting: flag('Online meeting', 'Whether the event has an online meeting.'),
    onlineMeetingProvider: text('Online meeting provider', 'teamsForBusiness, skypeForBusiness, skypeForConsumer or unknown; null when Outlook has none.'),
    onlineMeeting: object('Online meeting', 'The online meeting; null when there is none.', {
      joinUrl: text('Join URL', 'The link to join the meeting.'),
    }),
    showAs: text('Show as', 'free, tentative, busy, oof, workingElsewhere or unknown.'),
    sensitivity: text('Sensitivity', 'normal, personal, private or confidential.'),
    importance: text('Importance', 'low, normal or high.'),
    recurrence: object('Recurrence', 'Pattern and range of a series master, as Graph gives them; null for other events.'),
    isCancelled: flag('Cancelled', 'Whether the organizer cancelled the event.'),
    categories: strings('Categories', 'Outlook category names on the event.'),
    reminderMinutesBeforeStart: number('Reminder (minutes before start)', 'Minutes before the start at which the reminder shows; null when Outlook has none.'),
    webLink: eventProperties.webLink,
    createdDateTime: instant('Created', 'When the event was created (ISO 8601, UTC).'),
    lastModifiedDateTime: instant('Last modified', 'When the event was last changed (ISO 8601, UTC).'),
  }),
};
