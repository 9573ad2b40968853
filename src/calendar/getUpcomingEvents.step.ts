/** Events Starting Soon as component.json shows it; the code is getUpcomingEvents.ts (its dueMessage writes `out`). */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { calendarField, mailboxField, timeZoneField } from '../manifest/fields';
import { attendees, body, dateTimeTimeZone, eventProperties, flag, instant, location, number, object, recipient, strings, text } from '../manifest/schemas';

export const getUpcomingEvents: TriggerDescriptor = {
  id: 'getUpcomingEvents',
  group: 'calendar',
  kind: 'trigger',
  title: 'Events Starting Soon',
  description: 'Emits each occurrence of a calendar once, when it comes within the chosen number of minutes of its start.',
  help: {
    description: 'Emits each event of the chosen calendar, and each occurrence of a recurring series, once when it comes within Minutes before start of its start (15 by default), judged by Microsoft Graph\'s clock. An event moved to another time is emitted again when its new start comes near; cancelled ones are not emitted. After a pause, occurrences that started at most Late occurrences minutes ago are still emitted, marked late; older ones are skipped and logged.',
  },
  fields: {
    mailbox: mailboxField({ order: 50 }),
    calendarId: calendarField(40),
    minutesBefore: {
      label: 'Minutes before start', viewClass: 'TextFieldView', required: false, placeholder: '15', order: 30,
      note: 'Emit an occurrence this many minutes before it starts: a whole number from 0 to 1440. Empty: 15.',
    },
    graceMinutes: {
      label: 'Late occurrences (minutes)', viewClass: 'TextFieldView', required: false, placeholder: '15', order: 20,
      note: 'After a pause, still emit (marked late) occurrences that started at most this long ago; older ones are skipped and logged. 0 to 1440. Empty: 15.',
    },
    timeZone: timeZoneField(10),
  },
  out: body({
    id: text('Event id', "Outlook's id of the event, or of this occurrence of a recurring series."),
    type: text('Type', 'singleInstance, occurrence (of a series) or exception (an occurrence changed on its own).'),
    seriesMasterId: text('Series master id', 'For an occurrence or exception, the id of its recurring series; null otherwise.'),
    iCalUId: eventProperties.iCalUId,
    subject: text('Subject', 'The subject; empty when there is none.'),
    bodyPreview: text('Body preview', 'The first 255 characters of the description, as text; null when Outlook has none.'),
    start: dateTimeTimeZone('Start', "Start of the occurrence, in the step's time zone (an all-day event: midnight of its date)."),
    end: dateTimeTimeZone('End', "End of the occurrence, in the step's time zone."),
    startsAt: instant('Starts at', 'The start as an instant (ISO 8601, UTC); an all-day event starts at midnight of its date in the step\'s time zone.'),
    endsAt: instant('Ends at', 'The end as an instant (ISO 8601, UTC).'),
    minutesToStart: number('Minutes to start', "Whole minutes from the poll (by Graph's clock) to the start, rounded down; negative when it had already started (late)."),
    late: flag('Late', 'Whether the occurrence had already started when the poll found it (the flow was paused, or polls are further apart than Minutes before start).'),
    originalStart: instant('Original start', 'For an occurrence or exception, where the series placed it (ISO 8601, UTC); null otherwise.'),
    isAllDay: eventProperties.isAllDay,
    location,
    organizer: recipient('Organizer', 'Who organises the event; null when Outlook has none.', "The organizer's"),
    attendees,
    responseStatus: object('Your response', "The mailbox owner's answer to the invitation; null when Outlook has none.", {
      response: text('Response', 'none, organizer, tentativelyAccepted, accepted, declined or notResponded.'),
      time: text('Response time', 'When the answer was given (ISO 8601, UTC).'),
    }),
    isOnlineMeeting: flag('Online meeting', 'Whether the event has an online meeting.'),
    onlineMeetingProvider: text('Online meeting provider', 'teamsForBusiness, skypeForBusiness, skypeForConsumer or unknown; null when Outlook has none.'),
    onlineMeeting: object('Online meeting', 'The online meeting; null when there is none.', {
      joinUrl: text('Join URL', 'The link to join the meeting.'),
    }),
    webLink: eventProperties.webLink,
    showAs: text('Show as', 'free, tentative, busy, oof, workingElsewhere or unknown.'),
    importance: text('Importance', 'low, normal or high.'),
    sensitivity: text('Sensitivity', 'normal, personal, private or confidential.'),
    categories: strings('Categories', 'Outlook category names on the event.'),
    reminderMinutesBeforeStart: number('Reminder (minutes before start)', "Minutes before the start at which Outlook's reminder shows; null when Outlook has none."),
  }),
};
