"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.changeMail = changeMail;
exports.changeEvent = changeEvent;
/**
 * Changes to stored mail and events, shared by Graph's PATCH/move routes and the control API so
 * both bump lastModifiedDateTime and the change key the same way.
 */
const entity_1 = require("./entity");
const entity_event_1 = require("./entity-event");
const event_input_1 = require("./event-input");
const timezones_1 = require("./timezones");
function changeMail(mailbox, message, changes, now) {
    const { moveTo, ...fields } = changes;
    const defined = Object.entries(fields).filter(([, v]) => v !== undefined);
    if (defined.length) {
        mailbox.updateMessage(message, now, (m) => {
            for (const [key, value] of defined)
                Object.assign(m, { [key]: Array.isArray(value) ? [...value] : value });
        });
    }
    if (moveTo)
        mailbox.moveMessage(message, moveTo, now);
}
/**
 * Merges Graph-shaped changes into the event and re-reads the whole of it, so an update is
 * validated exactly like a create (throws GraphError). Identity fields survive the update.
 */
function changeEvent(mailbox, event, changes, now, isCancelled) {
    const merged = { ...(0, entity_1.render)(entity_event_1.EVENT, event, { timeZone: timezones_1.UTC_ZONE, immutableIds: false }), ...changes };
    // A new location or new locations replace both: the other one follows from them, as on a create.
    if ('location' in changes !== 'locations' in changes)
        delete merged['location' in changes ? 'locations' : 'location'];
    const next = (0, event_input_1.readEvent)(merged, mailbox, event.calendarId, event.createdAt);
    // Outlook drops a series' exceptions and deletions when its time or pattern changes: their
    // original starts no longer name occurrences of it.
    const seriesMoved = event.recurrence !== null && (next.startMs !== event.startMs || next.endMs !== event.endMs
        || next.isAllDay !== event.isAllDay || JSON.stringify(next.recurrence) !== JSON.stringify(event.recurrence));
    // Attendees who stay keep their answers (and proposals); new ones have not answered yet.
    const known = new Map(event.attendees.map((a) => [a.emailAddress.address.toLowerCase(), a]));
    const attendees = next.attendees.map((a) => {
        const before = known.get(a.emailAddress.address.toLowerCase());
        return before ? { ...a, status: { ...before.status }, ...(before.proposedNewTime && { proposedNewTime: { ...before.proposedNewTime } }) } : a;
    });
    mailbox.updateEvent(event, now, (e) => {
        if (seriesMoved) {
            e.exceptions = undefined;
            e.cancelledOccurrences = undefined;
        }
        Object.assign(e, next, {
            attendees,
            // Whose event it is and the owner's own answer do not change with a PATCH; nor do its files.
            organizer: e.organizer,
            isOrganizer: e.isOrganizer,
            responseStatus: e.responseStatus,
            attachments: e.attachments,
            createdAt: e.createdAt,
            transactionId: e.transactionId,
            iCalUId: e.iCalUId,
            startTimeZone: changes.start === undefined ? e.startTimeZone : next.startTimeZone,
            endTimeZone: changes.end === undefined ? e.endTimeZone : next.endTimeZone,
            onlineMeeting: next.isOnlineMeeting ? e.onlineMeeting ?? next.onlineMeeting : null,
            isCancelled: isCancelled ?? e.isCancelled,
        });
    });
}
