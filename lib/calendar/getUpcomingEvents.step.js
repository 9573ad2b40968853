"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getUpcomingEvents = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getUpcomingEvents = {
    id: 'getUpcomingEvents',
    group: 'calendar',
    kind: 'trigger',
    title: 'Events Starting Soon',
    description: 'Emits each occurrence of a calendar once, when it comes within the chosen number of minutes of its start.',
    help: {
        description: 'Emits each event of the chosen calendar, and each occurrence of a recurring series, once when it comes within Minutes before start of its start (15 by default), judged by Microsoft Graph\'s clock. An event moved to another time is emitted again when its new start comes near; cancelled ones are not emitted. After a pause, occurrences that started at most Late occurrences minutes ago are still emitted, marked late; older ones are skipped and logged.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 50 }),
        calendarId: (0, fields_1.calendarField)(40),
        minutesBefore: {
            label: 'Minutes before start', viewClass: 'TextFieldView', required: false, placeholder: '15', order: 30,
            note: 'Emit an occurrence this many minutes before it starts: a whole number from 0 to 1440. Empty: 15.',
        },
        graceMinutes: {
            label: 'Late occurrences (minutes)', viewClass: 'TextFieldView', required: false, placeholder: '15', order: 20,
            note: 'After a pause, still emit (marked late) occurrences that started at most this long ago; older ones are skipped and logged. 0 to 1440. Empty: 15.',
        },
        timeZone: (0, fields_1.timeZoneField)(10),
    },
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Event id', "Outlook's id of the event, or of this occurrence of a recurring series."),
        type: (0, schemas_1.text)('Type', 'singleInstance, occurrence (of a series) or exception (an occurrence changed on its own).'),
        seriesMasterId: (0, schemas_1.text)('Series master id', 'For an occurrence or exception, the id of its recurring series; null otherwise.'),
        iCalUId: schemas_1.eventProperties.iCalUId,
        subject: (0, schemas_1.text)('Subject', 'The subject; empty when there is none.'),
        bodyPreview: (0, schemas_1.text)('Body preview', 'The first 255 characters of the description, as text; null when Outlook has none.'),
        start: (0, schemas_1.dateTimeTimeZone)('Start', "Start of the occurrence, in the step's time zone (an all-day event: midnight of its date)."),
        end: (0, schemas_1.dateTimeTimeZone)('End', "End of the occurrence, in the step's time zone."),
        startsAt: (0, schemas_1.instant)('Starts at', 'The start as an instant (ISO 8601, UTC); an all-day event starts at midnight of its date in the step\'s time zone.'),
        endsAt: (0, schemas_1.instant)('Ends at', 'The end as an instant (ISO 8601, UTC).'),
        minutesToStart: (0, schemas_1.number)('Minutes to start', "Whole minutes from the poll (by Graph's clock) to the start, rounded down; negative when it had already started (late)."),
        late: (0, schemas_1.flag)('Late', 'Whether the occurrence had already started when the poll found it (the flow was paused, or polls are further apart than Minutes before start).'),
        originalStart: (0, schemas_1.instant)('Original start', 'For an occurrence or exception, where the series placed it (ISO 8601, UTC); null otherwise.'),
        isAllDay: schemas_1.eventProperties.isAllDay,
        location: schemas_1.location,
        organizer: (0, schemas_1.recipient)('Organizer', 'Who organises the event; null when Outlook has none.', "The organizer's"),
        attendees: schemas_1.attendees,
        responseStatus: (0, schemas_1.object)('Your response', "The mailbox owner's answer to the invitation; null when Outlook has none.", {
            response: (0, schemas_1.text)('Response', 'none, organizer, tentativelyAccepted, accepted, declined or notResponded.'),
            time: (0, schemas_1.text)('Response time', 'When the answer was given (ISO 8601, UTC).'),
        }),
        isOnlineMeeting: (0, schemas_1.flag)('Online meeting', 'Whether the event has an online meeting.'),
        onlineMeetingProvider: (0, schemas_1.text)('Online meeting provider', 'teamsForBusiness, skypeForBusiness, skypeForConsumer or unknown; null when Outlook has none.'),
        onlineMeeting: (0, schemas_1.object)('Online meeting', 'The online meeting; null when there is none.', {
            joinUrl: (0, schemas_1.text)('Join URL', 'The link to join the meeting.'),
        }),
        webLink: schemas_1.eventProperties.webLink,
        showAs: (0, schemas_1.text)('Show as', 'free, tentative, busy, oof, workingElsewhere or unknown.'),
        importance: (0, schemas_1.text)('Importance', 'low, normal or high.'),
        sensitivity: (0, schemas_1.text)('Sensitivity', 'normal, personal, private or confidential.'),
        categories: (0, schemas_1.strings)('Categories', 'Outlook category names on the event.'),
        reminderMinutesBeforeStart: (0, schemas_1.number)('Reminder (minutes before start)', "Minutes before the start at which Outlook's reminder shows; null when Outlook has none."),
    }),
};
