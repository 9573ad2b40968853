"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getEventChanges = void 0;
const fields_1 = require("../manifest/fields");
const eventSchemas_1 = require("../manifest/eventSchemas");
const schemas_1 = require("../manifest/schemas");
exports.getEventChanges = {
    id: 'getEventChanges',
    group: 'calendar',
    kind: 'trigger',
    title: 'Calendar Changes',
    description: 'Emits what happens to the events of a calendar within a rolling window of days: events and occurrences created, changed, and deleted or cancelled.',
    help: {
        description: 'Follows a calendar through Outlook\'s change tracking (Graph delta queries on a calendar view) from Past days back to Future days ahead; the window moves on daily, and events coming into view at its far end are emitted as created. Recurring series are reported per occurrence. Deleted: an event or occurrence was deleted, moved out of the window, or cancelled by its organizer. Each change is emitted once. Choose Poll for New and Updated Events to follow series masters without a window.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        calendarId: (0, fields_1.calendarField)(30),
        changeTypes: (0, fields_1.changeTypesField)({
            created: 'Created: new, or coming into the window',
            updated: 'Updated: changed',
            deleted: 'Deleted, cancelled or moved out of the window',
        }, 25, { all: true }),
        pastDays: (0, fields_1.daysField)({ label: 'Past days', placeholder: '30', note: 'How many days back the window reaches. Empty: 30.', order: 24 }),
        futureDays: (0, fields_1.daysField)({ label: 'Future days', placeholder: '365', note: 'How many days ahead the window reaches. Empty: 365. With Past days and today, at most 1,825 days.', order: 23 }),
        startTime: (0, fields_1.startTimeField)({ emits: 'events created or changed', whenEmpty: 'changes', order: 20 }),
        timeZone: (0, fields_1.timeZoneField)(10),
    },
    out: (0, schemas_1.body)({
        changeType: (0, schemas_1.text)('Change', 'created (new, or come into the window as it moved on), updated (changed) or deleted (deleted, moved out of the window, or cancelled).'),
        id: (0, schemas_1.text)('Event id', 'Immutable Outlook id of the event, occurrence or exception.'),
        reason: (0, schemas_1.text)('Removal reason', 'Deletions only: deleted (Graph reported it removed: deleted, or moved out of the window) or cancelled (the organizer cancelled it; the event is attached).'),
        event: (0, schemas_1.object)('Event', 'Created, updated and cancelled only: the event with the fields Poll for New and Updated Events emits.', eventSchemas_1.eventOutput),
    }),
};
