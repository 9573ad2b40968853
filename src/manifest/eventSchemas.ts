/**
 * Schema pieces of the calendar steps: an event as the steps emit it (the trigger's fields, and the
 * fuller form of the steps that read or change one event), the event fields Create Event and Update
 * Event take, and the fields that name one event or occurrence. Code that reads them: src/graph/events.ts
 * (what is selected) and src/validation/event.ts, eventRef.ts, recurrence.ts, locations.ts.
 */
import type { Properties, Schema } from './schemas';
import { attendees, dateTimeTimeZone, eventProperties, flag, inputProperties, instant, itemBody, list, location, number, object, recipient, strings, text } from './schemas';

// ---- an event as emitted -------------------------------------------------------------------------

/** The properties of an event as the events trigger emits it (src/graph/events.ts EVENT_FIELDS). */
export const eventOutput = {
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
} satisfies Properties;

/** One of an event's places (microsoft.graph.location) with its postal address. */
const place: Schema = {
  type: 'object',
  title: 'Place',
  description: 'One place of the event.',
  properties: {
    displayName: text('Name', 'Name of the place.'),
    locationType: text('Kind', 'default, conferenceRoom, homeAddress, businessAddress, streetAddress, hotel, restaurant, localBusiness, postalAddress or geoCoordinates.'),
    locationEmailAddress: text('Room address', "The room's mailbox address; absent when none was given."),
    address: object('Address', 'Postal address; absent or empty when none was given.', {
      street: text('Street', 'Street and number.'),
      city: text('City', 'City.'),
      state: text('State', 'State or province.'),
      postalCode: text('Postal code', 'Postal code.'),
      countryOrRegion: text('Country or region', 'Country or region.'),
    }),
  },
};

/** An event as the steps that read or change one emit it (src/graph/events.ts EVENT_DETAIL_FIELDS). */
export const eventDetailOutput = {
  ...eventOutput,
  originalStart: instant('Original start', "For an occurrence or exception, where the series' pattern puts it (ISO 8601, UTC), however it was moved; absent or null for other events."),
  isOrganizer: flag('Organizer', "Whether the mailbox's owner organises the event (false: an invitation received)."),
  responseStatus: object('Own response', "The mailbox owner's answer to the invitation.", {
    response: text('Response', 'organizer, none, notResponded, accepted, tentativelyAccepted or declined.'),
    time: text('Response time', 'When it was given (ISO 8601, UTC); 0001-01-01T00:00:00Z before any answer.'),
  }),
  allowNewTimeProposals: flag('Allow new time proposals', 'Whether invitees may propose another time when they answer.'),
  locations: list('Places', 'Every place of the event, with addresses; empty when none.', place),
  hasAttachments: flag('Has attachments', 'Whether files are attached to the event.'),
} satisfies Properties;

// ---- naming one event ------------------------------------------------------------------------------

export const eventRefInput = {
  eventId: text('Event id', "Outlook's id of the event: from Create Event, Find Events or a trigger (an occurrence's or exception's own id works too).", { required: true }),
  occurrenceStart: text('Occurrence start', "For one occurrence of a recurring series (eventId the series'): its start, as '2026-03-10T09:00:00+01:00', a local time with Time zone, or the date '2026-03-10'. Empty: the event or whole series."),
} satisfies Properties;

/** The zone of local times in the input and of the times in the output. */
export const zoneInput = (what: string): Schema => text('Time zone', `IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name for ${what}. Empty: UTC.`);

// ---- the event fields of Create Event and Update Event ---------------------------------------------

/** How parseMailboxes reads an address list, in Send Mail's words. */
const AS_TO = 'as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list';

/** The fields both steps take; `required` marks those Create Event cannot do without. */
export function eventInput(options: { create: boolean }): Properties {
  const needed = options.create ? { required: true as const } : {};
  const keep = options.create ? '' : ' Empty: unchanged.';
  return {
    subject: text('Subject', `Up to 255 characters.${keep}`, needed),
    start: text('Start', `ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone; a date (2026-03-10) for all-day events.${keep}`, needed),
    end: text('End', `Same forms as Start, and after it. For an all-day event, the day after the last day.${keep}`, needed),
    timeZone: text('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name; the event is created in it. Needed when Start and End are local times; empty: UTC.'),
    isAllDay: flag('All day', `true for an all-day event: Start and End are then dates (or midnights).${options.create ? '' : ' Given: Start and End are needed too.'}`),
    requiredAttendees: text('Required attendees', `Addresses ${AS_TO}. At most 500 attendees in all four attendee fields.`),
    optionalAttendees: text('Optional attendees', `Addresses ${AS_TO}.`),
    resourceAttendees: text('Resources', `Rooms or equipment to book, as mailbox addresses; addresses ${AS_TO}.`),
    isOnlineMeeting: flag('Teams meeting', "true adds a Microsoft Teams meeting (work or school accounts only); its link is in the output's Teams join URL."),
    location: text('Location', `Name of the place, up to 255 characters.${options.create ? '' : ' Replaces every place of the event.'}`),
    locations: list('Places', 'Several places, each with a name and optionally an address: a list of {name, street, city, state, postalCode, countryOrRegion, email}, or names separated by ; (at most 20).', {
      type: 'object',
      properties: {
        name: text('Name', 'Name of the place, e.g. Head office.'),
        street: text('Street', 'Street and number.'),
        city: text('City', 'City.'),
        state: text('State', 'State or province.'),
        postalCode: text('Postal code', 'Postal code.'),
        countryOrRegion: text('Country or region', 'Country or region.'),
        email: text('Room address', "A room's mailbox address, for a room of your organisation."),
      },
    }),
    body: text('Body', 'The text of the invitation, as text or HTML (see Body type).'),
    bodyContentType: inputProperties.bodyContentType,
    importance: text('Importance', `low, normal${options.create ? ' (the default)' : ''} or high, in any letter case.`),
    showAs: text('Show as', `free, tentative, busy${options.create ? ' (the default)' : ''}, oof, workingElsewhere or unknown, in any letter case.`),
    sensitivity: text('Sensitivity', `normal${options.create ? ' (the default)' : ''}, personal, private or confidential, in any letter case.`),
    reminderMinutesBeforeStart: number('Reminder (minutes before start)', `A whole number from 0 to 40320 (four weeks).${options.create ? " Empty: the calendar's default reminder." : ''}`),
    categories: text('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
    allowNewTimeProposals: flag('Allow new time proposals', `Whether invitees may propose another time when they answer${options.create ? ' (Outlook\'s default: true)' : ''}.`),
    recurrence: text('Recurrence', "Repeats the event: a rule as calendars write it (RFC 5545), e.g. 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260630' or 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12', or Graph's {pattern, range} object. See the README for the parts Outlook takes."),
    attendees: text('Attendees (earlier form)', 'Kept for existing mappings; prefer the three fields above. Addresses as for Required attendees (all required), or a list of {address, name, type} with type required, optional or resource in any letter case. An address given twice with two types is refused.'),
  };
}

/** The files of the incoming message a step put on the event. */
export const addedFiles: Schema = list('Attachments', 'The files of the incoming message now on the event (also those a replay found already there).', {
  type: 'object',
  properties: {
    name: text('Name', 'File name.'),
    size: number('Size', 'Size in bytes.'),
  },
});
