"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createEvent = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.createEvent = {
    id: 'createEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Create Event',
    description: 'Creates an event, optionally recurring, with attendees, places, files and a Teams meeting. A replayed message does not book twice.',
    help: {
        description: 'Creates an event in the chosen calendar: subject, start and end (with an offset, a local time and a time zone, or dates for all-day events), attendees, rooms, several places with addresses, a recurrence (a calendar rule such as FREQ=WEEKLY;BYDAY=MO), a Teams meeting, and the files of the incoming message. Outlook sends the invitations. The request carries an id derived from the incoming message, so a retried or replayed message does not book or attach twice.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        calendarId: (0, fields_1.calendarField)(10),
    },
    in: (0, schemas_1.body)((0, eventSchemas_1.eventInput)({ create: true })),
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
        locations: eventSchemas_1.eventDetailOutput.locations,
        recurrence: { ...eventSchemas_1.eventDetailOutput.recurrence, description: 'Pattern and range of the series as Outlook stored them; absent or null for a single event.' },
        allowNewTimeProposals: eventSchemas_1.eventDetailOutput.allowNewTimeProposals,
        attachments: eventSchemas_1.addedFiles,
        transactionId: (0, schemas_1.text)('Transaction id', 'Derived from the incoming message: Outlook creates no second event for a repeat of it.'),
    }),
};
