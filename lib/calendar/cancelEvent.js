"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_COMMENT = void 0;
exports.parseCancelInput = parseCancelInput;
exports.process = processAction;
/**
 * Cancel or Delete Event. The organizer of a meeting with attendees cancels it (event-cancel.md:
 * POST /cancel, with a message to them; Outlook then removes it from the organizer's calendar);
 * any other event (no attendees, or an invitation received) is deleted from the calendar. One
 * occurrence or the whole series. An event already gone is success with alreadyDeleted true, so a
 * replayed message, or one whose answer was lost, does nothing more: both the cancel and the
 * DELETE are repeated after a lost answer, since their repeat finds the event gone.
 */
const messages_1 = require("elasticio-node/lib/messages");
const events_1 = require("../graph/events");
const session_1 = require("../graph/session");
const event_1 = require("../validation/event");
const eventRef_1 = require("../validation/eventRef");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
/** The longest message to the attendees taken (Graph states none; a long letter is still one). */
exports.MAX_COMMENT = 10_000;
function parseCancelInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const zone = (0, event_1.inputZone)(body);
    return {
        eventId: body.eventId,
        idSegment: (0, eventRef_1.eventIdSegment)(body.eventId),
        occurrence: (0, eventRef_1.parseOccurrenceStart)(body.occurrenceStart, zone),
        zone: zone ?? timezones_1.UTC_ZONE,
        comment: (0, fields_1.optionalText)(body.comment, 'comment', exports.MAX_COMMENT) ?? '',
    };
}
/** Runs a cancel or delete; a 404 means it is done (a lost answer's repeat, or someone else was first). */
async function done(request) {
    try {
        await request();
    }
    catch (err) {
        if (!(0, events_1.isGone)(err))
            throw err;
    }
}
async function cancelOrDelete(session, path, organizer, attendees, comment) {
    if (organizer && attendees > 0) {
        await done(() => session.post(`${path}/cancel`, { comment }, { idempotent: true }));
        return 'cancelled';
    }
    await done(() => session.delete(path));
    return 'deleted';
}
async function processAction(msg, cfg) {
    const { eventId, idSegment, occurrence, zone, comment } = parseCancelInput(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    const found = await (0, events_1.resolveEvent)(session, idSegment, occurrence, zone, ['isOrganizer', 'attendees', 'subject', 'type']);
    const out = { eventId: String(eventId).trim(), ...(occurrence && { occurrenceStart: occurrence.text }) };
    if (!found) {
        this.logger.info('Event already gone: nothing to cancel');
        return (0, messages_1.newMessageWithBody)({ ...out, action: 'none', alreadyDeleted: true, attendeesNotified: 0 });
    }
    const attendees = (found.event.attendees ?? []).length;
    const action = await cancelOrDelete(session, found.path, Boolean(found.event.isOrganizer), attendees, comment);
    if (action === 'deleted' && comment)
        this.logger.info('Event deleted; the comment was not sent: only an organizer cancelling a meeting with attendees sends one');
    else
        this.logger.info(`Event ${action}`);
    return (0, messages_1.newMessageWithBody)({ ...out, action, alreadyDeleted: false, attendeesNotified: action === 'cancelled' ? attendees : 0 });
}
