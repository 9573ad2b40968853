"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.addedFiles = exports.zoneInput = exports.eventRefInput = exports.eventDetailOutput = exports.eventOutput = void 0;
exports.eventInput = eventInput;
const schemas_1 = require("./schemas");
// ---- an event as emitted -------------------------------------------------------------------------
/** The properties of an event as the events trigger emits it (src/graph/events.ts EVENT_FIELDS). */
exports.eventOutput = {
    id: (0, schemas_1.text)('Event id', "Outlook's id of the event."),
    changeKey: (0, schemas_1.text)('Change key', 'Changes with every change of the event: one message per change.'),
    iCalUId: schemas_1.eventProperties.iCalUId,
    type: (0, schemas_1.text)('Type', 'singleInstance, occurrence, exception or seriesMaster (the event that holds a recurring series).'),
    seriesMasterId: (0, schemas_1.text)('Series master id', 'For an occurrence or exception, the id of its series master; null otherwise.'),
    subject: (0, schemas_1.text)('Subject', 'The subject; empty when there is none.'),
    bodyPreview: (0, schemas_1.text)('Body preview', 'The first 255 characters of the description, as text; null when Outlook has none.'),
    body: schemas_1.itemBody,
    start: (0, schemas_1.dateTimeTimeZone)('Start', "Start of the event, in the step's time zone."),
    end: (0, schemas_1.dateTimeTimeZone)('End', "End of the event, in the step's time zone."),
    isAllDay: schemas_1.eventProperties.isAllDay,
    location: schemas_1.location,
    attendees: schemas_1.attendees,
    organizer: (0, schemas_1.recipient)('Organizer', 'Who organises the event; null when Outlook has none.', "The organizer's"),
    isOnlineMeeting: (0, schemas_1.flag)('Online meeting', 'Whether the event has an online meeting.'),
    onlineMeetingProvider: (0, schemas_1.text)('Online meeting provider', 'teamsForBusiness, skypeForBusiness, skypeForConsumer or unknown; null when Outlook has none.'),
    onlineMeeting: (0, schemas_1.object)('Online meeting', 'The online meeting; null when there is none.', {
        joinUrl: (0, schemas_1.text)('Join URL', 'The link to join the meeting.'),
    }),
    showAs: (0, schemas_1.text)('Show as', 'free, tentative, busy, oof, workingElsewhere or unknown.'),
    sensitivity: (0, schemas_1.text)('Sensitivity', 'normal, personal, private or confidential.'),
    importance: (0, schemas_1.text)('Importance', 'low, normal or high.'),
    recurrence: (0, schemas_1.object)('Recurrence', 'Pattern and range of a series master, as Graph gives them; null for other events.'),
    isCancelled: (0, schemas_1.flag)('Cancelled', 'Whether the organizer cancelled the event.'),
    categories: (0, schemas_1.strings)('Categories', 'Outlook category names on the event.'),
    reminderMinutesBeforeStart: (0, schemas_1.number)('Reminder (minutes before start)', 'Minutes before the start at which the reminder shows; null when Outlook has none.'),
    webLink: schemas_1.eventProperties.webLink,
    createdDateTime: (0, schemas_1.instant)('Created', 'When the event was created (ISO 8601, UTC).'),
    lastModifiedDateTime: (0, schemas_1.instant)('Last modified', 'When the event was last changed (ISO 8601, UTC).'),
};
/** One of an event's places (microsoft.graph.location) with its postal address. */
const place = {
    type: 'object',
    title: 'Place',
    description: 'One place of the event.',
    properties: {
        displayName: (0, schemas_1.text)('Name', 'Name of the place.'),
        locationType: (0, schemas_1.text)('Kind', 'default, conferenceRoom, homeAddress, businessAddress, streetAddress, hotel, restaurant, localBusiness, postalAddress or geoCoordinates.'),
        locationEmailAddress: (0, schemas_1.text)('Room address', "The room's mailbox address; absent when none was given."),
        address: (0, schemas_1.object)('Address', 'Postal address; absent or empty when none was given.', {
            street: (0, schemas_1.text)('Street', 'Street and number.'),
            city: (0, schemas_1.text)('City', 'City.'),
            state: (0, schemas_1.text)('State', 'State or province.'),
            postalCode: (0, schemas_1.text)('Postal code', 'Postal code.'),
            countryOrRegion: (0, schemas_1.text)('Country or region', 'Country or region.'),
        }),
    },
};
/** An event as the steps that read or change one emit it (src/graph/events.ts EVENT_DETAIL_FIELDS). */
exports.eventDetailOutput = {
    ...exports.eventOutput,
    originalStart: (0, schemas_1.instant)('Original start', "For an occurrence or exception, where the series' pattern puts it (ISO 8601, UTC), however it was moved; absent or null for other events."),
    isOrganizer: (0, schemas_1.flag)('Organizer', "Whether the mailbox's owner organises the event (false: an invitation received)."),
    responseStatus: (0, schemas_1.object)('Own response', "The mailbox owner's answer to the invitation.", {
        response: (0, schemas_1.text)('Response', 'organizer, none, notResponded, accepted, tentativelyAccepted or declined.'),
        time: (0, schemas_1.text)('Response time', 'When it was given (ISO 8601, UTC); 0001-01-01T00:00:00Z before any answer.'),
    }),
    allowNewTimeProposals: (0, schemas_1.flag)('Allow new time proposals', 'Whether invitees may propose another time when they answer.'),
    locations: (0, schemas_1.list)('Places', 'Every place of the event, with addresses; empty when none.', place),
    hasAttachments: (0, schemas_1.flag)('Has attachments', 'Whether files are attached to the event.'),
};
// ---- naming one event ------------------------------------------------------------------------------
exports.eventRefInput = {
    eventId: (0, schemas_1.text)('Event id', "Outlook's id of the event: from Create Event, Find Events or a trigger (an occurrence's or exception's own id works too).", { required: true }),
    occurrenceStart: (0, schemas_1.text)('Occurrence start', "For one occurrence of a recurring series (eventId the series'): its start, as '2026-03-10T09:00:00+01:00', a local time with Time zone, or the date '2026-03-10'. Empty: the event or whole series."),
};
/** The zone of local times in the input and of the times in the output. */
const zoneInput = (what) => (0, schemas_1.text)('Time zone', `IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name for ${what}. Empty: UTC.`);
exports.zoneInput = zoneInput;
// ---- the event fields of Create Event and Update Event ---------------------------------------------
/** How parseMailboxes reads an address list, in Send Mail's words. */
const AS_TO = 'as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list';
/** The fields both steps take; `required` marks those Create Event cannot do without. */
function eventInput(options) {
    const needed = options.create ? { required: true } : {};
    const keep = options.create ? '' : ' Empty: unchanged.';
    return {
        subject: (0, schemas_1.text)('Subject', `Up to 255 characters.${keep}`, needed),
        start: (0, schemas_1.text)('Start', `ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone; a date (2026-03-10) for all-day events.${keep}`, needed),
        end: (0, schemas_1.text)('End', `Same forms as Start, and after it. For an all-day event, the day after the last day.${keep}`, needed),
        timeZone: (0, schemas_1.text)('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name; the event is created in it. Needed when Start and End are local times; empty: UTC.'),
        isAllDay: (0, schemas_1.flag)('All day', `true for an all-day event: Start and End are then dates (or midnights).${options.create ? '' : ' Given: Start and End are needed too.'}`),
        requiredAttendees: (0, schemas_1.text)('Required attendees', `Addresses ${AS_TO}. At most 500 attendees in all four attendee fields.`),
        optionalAttendees: (0, schemas_1.text)('Optional attendees', `Addresses ${AS_TO}.`),
        resourceAttendees: (0, schemas_1.text)('Resources', `Rooms or equipment to book, as mailbox addresses; addresses ${AS_TO}.`),
        isOnlineMeeting: (0, schemas_1.flag)('Teams meeting', "true adds a Microsoft Teams meeting (work or school accounts only); its link is in the output's Teams join URL."),
        location: (0, schemas_1.text)('Location', `Name of the place, up to 255 characters.${options.create ? '' : ' Replaces every place of the event.'}`),
        locations: (0, schemas_1.list)('Places', 'Several places, each with a name and optionally an address: a list of {name, street, city, state, postalCode, countryOrRegion, email}, or names separated by ; (at most 20).', {
            type: 'object',
            properties: {
                name: (0, schemas_1.text)('Name', 'Name of the place, e.g. Head office.'),
                street: (0, schemas_1.text)('Street', 'Street and number.'),
                city: (0, schemas_1.text)('City', 'City.'),
                state: (0, schemas_1.text)('State', 'State or province.'),
                postalCode: (0, schemas_1.text)('Postal code', 'Postal code.'),
                countryOrRegion: (0, schemas_1.text)('Country or region', 'Country or region.'),
                email: (0, schemas_1.text)('Room address', "A room's mailbox address, for a room of your organisation."),
            },
        }),
        body: (0, schemas_1.text)('Body', 'The text of the invitation, as text or HTML (see Body type).'),
        bodyContentType: schemas_1.inputProperties.bodyContentType,
        importance: (0, schemas_1.text)('Importance', `low, normal${options.create ? ' (the default)' : ''} or high, in any letter case.`),
        showAs: (0, schemas_1.text)('Show as', `free, tentative, busy${options.create ? ' (the default)' : ''}, oof, workingElsewhere or unknown, in any letter case.`),
        sensitivity: (0, schemas_1.text)('Sensitivity', `normal${options.create ? ' (the default)' : ''}, personal, private or confidential, in any letter case.`),
        reminderMinutesBeforeStart: (0, schemas_1.number)('Reminder (minutes before start)', `A whole number from 0 to 40320 (four weeks).${options.create ? " Empty: the calendar's default reminder." : ''}`),
        categories: (0, schemas_1.text)('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
        allowNewTimeProposals: (0, schemas_1.flag)('Allow new time proposals', `Whether invitees may propose another time when they answer${options.create ? ' (Outlook\'s default: true)' : ''}.`),
        recurrence: (0, schemas_1.text)('Recurrence', "Repeats the event: a rule as calendars write it (RFC 5545), e.g. 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260630' or 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12', or Graph's {pattern, range} object. See the README for the parts Outlook takes."),
        attendees: (0, schemas_1.text)('Attendees (earlier form)', 'Kept for existing mappings; prefer the three fields above. Addresses as for Required attendees (all required), or a list of {address, name, type} with type required, optional or resource in any letter case. An address given twice with two types is refused.'),
    };
}
/** The files of the incoming message a step put on the event. */
exports.addedFiles = (0, schemas_1.list)('Attachments', 'The files of the incoming message now on the event (also those a replay found already there).', {
    type: 'object',
    properties: {
        name: (0, schemas_1.text)('Name', 'File name.'),
        size: (0, schemas_1.number)('Size', 'Size in bytes.'),
    },
});
