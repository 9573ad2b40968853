"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNewAndUpdatedEvents = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getNewAndUpdatedEvents = {
    id: 'getNewAndUpdatedEvents',
    group: 'calendar',
    kind: 'trigger',
    title: 'Poll for New and Updated Events',
    description: 'Emits each event of the chosen calendar once per change: when it is created and each time it is changed.',
    help: {
        description: 'Emits an event of the chosen calendar when it is created and again each time it changes, once per change, oldest change first. Start and end are given in the time zone you choose (UTC by default). Deleted events are not reported, and a recurring series is reported through its series master rather than per occurrence. Set Start time to include changes made before the flow starts.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        calendarId: (0, fields_1.calendarField)(30),
        startTime: (0, fields_1.startTimeField)({ emits: 'events created or changed', whenEmpty: 'changes', order: 20 }),
        timeZone: (0, fields_1.timeZoneField)(10),
    },
    out: (0, schemas_1.body)({
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
    }),
};
