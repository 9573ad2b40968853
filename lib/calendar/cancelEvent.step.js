"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cancelEvent = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.cancelEvent = {
    id: 'cancelEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Cancel or Delete Event',
    description: 'Cancels a meeting you organise (with a message to the attendees) or deletes the event; one occurrence or the whole series. An event already gone counts as done.',
    help: {
        description: 'As the organizer of a meeting with attendees, cancels it: Outlook sends them the cancellation with your comment and removes the meeting from your calendar. Any other event (no attendees, or an invitation you received) is deleted from the calendar. With Occurrence start, only that occurrence of the series. An event that no longer exists is reported with alreadyDeleted true, not as an error.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        ...eventSchemas_1.eventRefInput,
        comment: (0, schemas_1.text)('Comment', 'The message the attendees get with the cancellation, up to 10000 characters. Not sent when the event is deleted instead.'),
        timeZone: (0, eventSchemas_1.zoneInput)('a local Occurrence start'),
    }),
    out: (0, schemas_1.body)({
        eventId: (0, schemas_1.text)('Event id', 'The id given.'),
        occurrenceStart: (0, schemas_1.text)('Occurrence start', 'The occurrence start given; absent for an event or whole series.'),
        action: (0, schemas_1.text)('Action', 'cancelled (the attendees were sent the cancellation), deleted, or none (already gone).'),
        alreadyDeleted: (0, schemas_1.flag)('Already deleted', 'true when the event (or occurrence) no longer existed: nothing was done.'),
        attendeesNotified: (0, schemas_1.number)('Attendees notified', 'How many attendees were sent the cancellation; 0 when deleted.'),
    }),
};
