"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lookupEvents = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.lookupEvents = {
    id: 'lookupEvents',
    group: 'calendar',
    kind: 'action',
    title: 'Find Events',
    description: 'Lists the events of a calendar in a time window, recurring series expanded into their occurrences, optionally filtered.',
    help: {
        description: 'Lists what the chosen calendar shows between Window start and Window end: single events, and each occurrence of a recurring series, ordered by start, with times in the time zone you choose. Subject, organizer and categories narrow the list. Emits one message per event, or one per page of up to 100 events; nothing when none matches.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 30 }),
        calendarId: (0, fields_1.calendarField)(20),
        emitBehaviour: (0, fields_1.emitBehaviourField)('event', 10),
    },
    in: (0, schemas_1.body)({
        windowStart: (0, schemas_1.text)('Window start', "From when: '2026-03-10T00:00:00+01:00', a local time with Time zone, or a date (its midnight in Time zone).", { required: true }),
        windowEnd: (0, schemas_1.text)('Window end', 'Until when, same forms, after Window start and at most 1825 days after it. Events overlapping the window are listed.', { required: true }),
        timeZone: (0, eventSchemas_1.zoneInput)('local times of the window and for the times in the output'),
        subject: (0, schemas_1.text)('Subject contains', 'Only events whose subject contains this text, in any letter case.'),
        organizer: (0, schemas_1.text)('Organizer', "Only events organised by this address (any letter case); the mailbox's own address for the events it organised."),
        categories: (0, schemas_1.text)('Categories', 'Only events with at least one of these Outlook categories (comma-separated or a list, any letter case).'),
    }),
    out: (0, schemas_1.withPages)((0, schemas_1.body)(eventSchemas_1.eventDetailOutput), 'events'),
};
