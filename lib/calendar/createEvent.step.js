"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createEvent = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
/** How parseMailboxes reads an address list, in Send Mail's words. */
const AS_TO = 'as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list';
exports.createEvent = {
    id: 'createEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Create Event',
    description: 'Creates an event, optionally with attendees and a Teams meeting. A replayed message does not book twice.',
    help: {
        description: 'Creates an event in the chosen calendar: subject, start and end (with an offset, a local time and a time zone, or dates for all-day events), required and optional attendees, rooms or equipment as resources, and optionally a Microsoft Teams meeting. Outlook sends the invitations. The request carries an id derived from the incoming message, so a retried or replayed message does not book twice.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        calendarId: (0, fields_1.calendarField)(10),
    },
    in: (0, schemas_1.body)({
        subject: (0, schemas_1.text)('Subject', 'Up to 255 characters.', { required: true }),
        start: (0, schemas_1.text)('Start', 'ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone; a date (2026-03-10) for all-day events.', { required: true }),
        end: (0, schemas_1.text)('End', 'Same forms as Start, and after it. For an all-day event, the day after the last day.', { required: true }),
        timeZone: (0, schemas_1.text)('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name; the event is created in it. Needed when Start and End are local times; empty: UTC.'),
        isAllDay: (0, schemas_1.flag)('All day', 'true for an all-day event: Start and End are then dates (or midnights).'),
        requiredAttendees: (0, schemas_1.text)('Required attendees', `Addresses ${AS_TO}. At most 500 attendees in all four attendee fields.`),
        optionalAttendees: (0, schemas_1.text)('Optional attendees', `Addresses ${AS_TO}.`),
        resourceAttendees: (0, schemas_1.text)('Resources', `Rooms or equipment to book, as mailbox addresses; addresses ${AS_TO}.`),
        isOnlineMeeting: (0, schemas_1.flag)('Teams meeting', "true adds a Microsoft Teams meeting (work or school accounts only); its link is in the output's Teams join URL."),
        location: (0, schemas_1.text)('Location', 'Name of the place, up to 255 characters.'),
        body: (0, schemas_1.text)('Body', 'The text of the invitation, as text or HTML (see Body type).'),
        bodyContentType: schemas_1.inputProperties.bodyContentType,
        importance: schemas_1.inputProperties.importance,
        showAs: (0, schemas_1.text)('Show as', 'free, tentative, busy (the default), oof, workingElsewhere or unknown, in any letter case.'),
        sensitivity: (0, schemas_1.text)('Sensitivity', 'normal (the default), personal, private or confidential, in any letter case.'),
        reminderMinutesBeforeStart: (0, schemas_1.number)('Reminder (minutes before start)', 'A whole number from 0 to 40320 (four weeks). Empty: the calendar\'s default reminder.'),
        categories: (0, schemas_1.text)('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
        attendees: (0, schemas_1.text)('Attendees (earlier form)', 'Kept for existing mappings; prefer the three fields above. Addresses as for Required attendees (all required), or a list of {address, name, type} with type required, optional or resource in any letter case. An address given twice with two types is refused.'),
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Event id', "Outlook's id of the new event."),
        iCalUId: schemas_1.eventProperties.iCalUId,
        webLink: schemas_1.eventProperties.webLink,
        subject: (0, schemas_1.text)('Subject', 'The subject as Outlook stored it.'),
        start: (0, schemas_1.dateTimeTimeZone)('Start', 'Start of the event in the zone it was created in.'),
        end: (0, schemas_1.dateTimeTimeZone)('End', 'End of the event in the zone it was created in.'),
        isAllDay: schemas_1.eventProperties.isAllDay,
        isOnlineMeeting: (0, schemas_1.flag)('Online meeting', 'Whether a Teams meeting was added.'),
        joinUrl: (0, schemas_1.text)('Teams join URL', 'The link to join the Teams meeting; absent when there is none.'),
        attendees: schemas_1.attendees,
        transactionId: (0, schemas_1.text)('Transaction id', 'Derived from the incoming message: Outlook creates no second event for a repeat of it.'),
    }),
};
