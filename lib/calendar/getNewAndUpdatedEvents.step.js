"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNewAndUpdatedEvents = void 0;
const fields_1 = require("../manifest/fields");
const eventSchemas_1 = require("../manifest/eventSchemas");
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
    out: (0, schemas_1.body)(eventSchemas_1.eventOutput),
};
