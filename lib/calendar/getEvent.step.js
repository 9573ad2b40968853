"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getEvent = void 0;
const eventSchemas_1 = require("../manifest/eventSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getEvent = {
    id: 'getEvent',
    group: 'calendar',
    kind: 'action',
    title: 'Get Event',
    description: 'Reads one event, occurrence or exception by id, or one occurrence of a recurring series by its start.',
    help: {
        description: 'Reads one event of the mailbox by its id (from Create Event, Find Events or a trigger), with its times in the time zone you choose. With Occurrence start, reads that occurrence of the recurring series the id names. Fails with a clear error when the event no longer exists.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        ...eventSchemas_1.eventRefInput,
        timeZone: (0, eventSchemas_1.zoneInput)('a local Occurrence start and for the times in the output'),
    }),
    out: (0, schemas_1.body)(eventSchemas_1.eventDetailOutput),
};
