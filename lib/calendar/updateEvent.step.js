"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.updateEvent = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.updateEvent = {
    id: 'updateEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Update Event',
    description: 'Changes the given fields of an event, a whole recurring series or one occurrence of it. Empty fields stay as they are.',
    help: {
        description: 'Changes only the fields you give of the event the id names: subject, times, attendees (replaced, or added to those invited), places, recurrence and the rest of Create Event\'s fields, and adds the files of the incoming message. With Occurrence start, changes that one occurrence of the series (Outlook keeps it as an exception). Outlook sends attendees the update. Setting the same values again changes nothing, so a replayed message is harmless.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        ...eventSchemas_1.eventRefInput,
        attendeesMode: (0, schemas_1.text)('Attendees mode', 'replace (the default): the attendees given become the attendees; add: they are added to those invited (one already invited takes the type given). In any letter case; empty attendee fields change nothing.'),
        ...(0, eventSchemas_1.eventInput)({ create: false }),
        timeZone: (0, eventSchemas_1.zoneInput)('local times (Start, End, Occurrence start) and for the times in the output; the event is moved to it when Start or End is given'),
    }),
    out: (0, schemas_1.body)({
        ...eventSchemas_1.eventDetailOutput,
        attachments: eventSchemas_1.addedFiles,
    }),
};
