"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseGetInput = parseGetInput;
exports.process = processAction;
/**
 * Get Event: one event, occurrence or exception by id, or one occurrence of a series by its start
 * (found through the series' instances), with its times in the step's time zone. Reads only.
 */
const messages_1 = require("elasticio-node/lib/messages");
const events_1 = require("../graph/events");
const session_1 = require("../graph/session");
const event_1 = require("../validation/event");
const eventRef_1 = require("../validation/eventRef");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
/** Everything checked before a request: which event, and the zone of times in and out. */
function parseGetInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const zone = (0, event_1.inputZone)(body);
    return { idSegment: (0, eventRef_1.eventIdSegment)(body.eventId), occurrence: (0, eventRef_1.parseOccurrenceStart)(body.occurrenceStart, zone), zone: zone ?? timezones_1.UTC_ZONE };
}
async function processAction(msg, cfg) {
    const { idSegment, occurrence, zone } = parseGetInput(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    const found = await (0, events_1.resolveEvent)(session, idSegment, occurrence, zone, events_1.EVENT_DETAIL_FIELDS);
    if (!found)
        throw (0, events_1.eventGone)(session, occurrence ? 'occurrence' : 'event');
    this.logger.info('Event read');
    return (0, messages_1.newMessageWithBody)((0, events_1.eventDetail)(found.event));
}
