"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.meetingCopy = meetingCopy;
exports.invite = invite;
exports.followChanges = followChanges;
exports.cancelMeeting = cancelMeeting;
exports.respond = respond;
exports.followOccurrenceChange = followOccurrenceChange;
/**
 * Meetings between mailboxes of the emulator, as Exchange keeps them: the organizer's event is the
 * meeting; each invited mailbox gets its own copy in its default calendar (same iCalUId, organizer
 * the inviter, `isOrganizer` false, `responseStatus` notResponded), which follows the organizer's
 * changes and cancellation. An attendee answers on its copy (event-accept.md, event-decline.md,
 * event-tentativelyaccept.md): its own responseStatus changes, and with sendResponse the organizer's
 * event records the answer (and a proposed time, outlook-calendar-meeting-proposals.md) and a
 * response mail reaches the organizer's Inbox. Cancelling (event-cancel.md) or deleting a meeting
 * as organizer (event-delete.md: "sends a cancellation message to the meeting attendees") marks the
 * copies cancelled ("Canceled: " before the subject, as Outlook shows them) and mails the attendees.
 *
 * Only mailboxes of this emulator get copies and mail; other addresses are recorded as attendees
 * and nothing more, as for mail sent to them. Invitation mails (eventMessageRequest) are not made:
 * the copy in the calendar is what the steps act on.
 */
const compose_1 = require("./compose");
const errors_1 = require("./errors");
const event_input_1 = require("./event-input");
const instances_1 = require("./instances");
const json_1 = require("./json");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const expand_1 = require("./expand");
const ANSWERS = {
    accept: { response: 'accepted', subject: 'Accepted' },
    tentativelyAccept: { response: 'tentativelyAccepted', subject: 'Tentative' },
    decline: { response: 'declined', subject: 'Declined' },
};
const CANCELED = 'Canceled: ';
/** The mailbox's own copy of a meeting: its series master or single event with that iCalUId. */
function meetingCopy(mailbox, iCalUId) {
    return mailbox.allEvents.index('createdDateTime').items.find((e) => e.iCalUId === iCalUId);
}
/** The mailboxes of this emulator among the event's attendees (not the organizer's own). */
function invitees(world, organizer, attendees) {
    const found = new Map();
    for (const attendee of attendees) {
        const mailbox = world.directory.mailbox(attendee.emailAddress.address);
        if (mailbox && mailbox.enabled && mailbox !== organizer)
            found.set(mailbox.address, mailbox);
    }
    return [...found.values()];
}
function cloneAttendees(attendees) {
    return attendees.map((a) => ({ emailAddress: { ...a.emailAddress }, type: a.type, status: { ...a.status } }));
}
/** What an attendee's copy shares with the organizer's event. */
function meetingFields(event) {
    return {
        subject: event.isCancelled && !event.subject.startsWith(CANCELED) ? `${CANCELED}${event.subject}` : event.subject,
        body: event.body,
        startMs: event.startMs,
        endMs: event.endMs,
        startTimeZone: event.startTimeZone,
        endTimeZone: event.endTimeZone,
        isAllDay: event.isAllDay,
        location: event.location,
        locations: event.locations,
        attendees: cloneAttendees(event.attendees),
        organizer: { ...event.organizer },
        isOnlineMeeting: event.isOnlineMeeting,
        onlineMeetingProvider: event.onlineMeetingProvider,
        onlineMeeting: event.onlineMeeting,
        importance: event.importance,
        sensitivity: event.sensitivity,
        recurrence: event.recurrence,
        allowNewTimeProposals: event.allowNewTimeProposals,
    };
}
function copyFor(event, mailbox, now) {
    const calendar = mailbox.calendar();
    if (!calendar)
        throw new Error(`${mailbox.address} has no calendar`);
    return {
        ...meetingFields(event),
        calendarId: calendar.id,
        createdAt: now,
        lastModifiedAt: now,
        isOrganizer: false,
        showAs: event.showAs,
        reminderMinutesBeforeStart: 15,
        isReminderOn: true,
        categories: [],
        transactionId: null,
        iCalUId: event.iCalUId,
        isCancelled: false,
        responseStatus: { response: 'notResponded', time: event_input_1.NEVER },
        attachments: event.attachments.map((a) => ({ ...a })),
        cancelledOccurrences: event.cancelledOccurrences && new Set(event.cancelledOccurrences),
    };
}
/** New attendees of a meeting the mailbox organises get their copies. */
function invite(world, organizer, event, now) {
    if (!event.isOrganizer || event.instance)
        return;
    for (const mailbox of invitees(world, organizer, event.attendees)) {
        if (!meetingCopy(mailbox, event.iCalUId))
            mailbox.insertEvents([copyFor(event, mailbox, now)]);
    }
}
/**
 * After the organizer changed a meeting (master or single): copies follow; a moved meeting asks
 * everyone to answer again; attendees no longer invited find theirs cancelled; new ones are invited.
 */
function followChanges(world, organizer, event, before, now) {
    if (!event.isOrganizer || event.instance)
        return;
    const moved = before.startMs !== event.startMs || before.endMs !== event.endMs || JSON.stringify(before.recurrence) !== JSON.stringify(event.recurrence);
    // The published event_update answer (outlook-calendar-meeting-proposals.md) shows the invitee
    // notResponded after the organizer moved the meeting: everyone is asked again.
    if (moved && event.attendees.length) {
        organizer.updateEvent(event, now, (e) => {
            e.attendees = e.attendees.map((a) => ({ emailAddress: a.emailAddress, type: a.type, status: { response: 'notResponded', time: event_input_1.NEVER } }));
        });
    }
    const current = new Set(invitees(world, organizer, event.attendees));
    for (const mailbox of invitees(world, organizer, before.attendees)) {
        const copy = meetingCopy(mailbox, event.iCalUId);
        if (!copy)
            continue;
        if (!current.has(mailbox)) {
            cancelCopy(mailbox, copy, now);
            continue;
        }
        mailbox.updateEvent(copy, now, (c) => {
            Object.assign(c, meetingFields(event));
            if (moved) {
                c.responseStatus = { response: 'notResponded', time: event_input_1.NEVER };
                c.exceptions = undefined;
                c.cancelledOccurrences = event.cancelledOccurrences && new Set(event.cancelledOccurrences);
            }
        });
    }
    invite(world, organizer, event, now);
}
function cancelCopy(mailbox, copy, now) {
    mailbox.updateEvent(copy, now, (c) => {
        c.isCancelled = true;
        if (!c.subject.startsWith(CANCELED))
            c.subject = `${CANCELED}${c.subject}`;
    });
}
function mail(to, from, subject, comment, now) {
    to.insertMessage((0, compose_1.composeMessage)({ folderId: to.wellKnownFolder('inbox').id, from, to: [{ name: to.user.displayName, address: to.address }], body: comment, bodyContentType: 'text' }, { subject, receivedAt: now }, to.ids.hex(20)));
}
const named = (mailbox) => ({ name: mailbox.user.displayName, address: mailbox.address });
/**
 * The organizer cancels the meeting or one occurrence of it: the organizer's event (or occurrence)
 * is gone, each attendee's copy (or its occurrence) shows it cancelled, and each attendee gets the
 * cancellation with the comment. `event` is the organizer's event or occurrence, found by id.
 */
function cancelMeeting(world, organizer, event, comment, now) {
    const master = event.instance ? organizer.event(event.instance.seriesMasterId) : event;
    const subject = event.subject;
    (0, instances_1.deleteEvent)(organizer, event, now);
    for (const mailbox of invitees(world, organizer, event.attendees)) {
        const copy = meetingCopy(mailbox, master.iCalUId);
        if (copy && event.instance) {
            const occurrence = (0, instances_1.findEvent)(mailbox, (0, expand_1.occurrenceId)(copy.id, event.instance.originalStartMs));
            if (occurrence)
                (0, instances_1.updateOccurrence)(mailbox, occurrence, { subject: `${CANCELED}${occurrence.subject}` }, now, true);
        }
        else if (copy) {
            cancelCopy(mailbox, copy, now);
        }
        mail(mailbox, named(organizer), `${CANCELED}${subject}`, comment, now);
    }
}
/** A timeSlot as an invitee proposes it ({start, end} of {dateTime, timeZone}, names in any case). */
function readProposal(value) {
    const end = (name) => {
        const part = (0, json_1.isObject)(value) ? (0, json_1.param)(value, name) : undefined;
        const wall = (0, json_1.isObject)(part) ? (0, json_1.param)(part, 'dateTime') : undefined;
        const zoneName = (0, json_1.isObject)(part) ? (0, json_1.param)(part, 'timeZone') : undefined;
        const zone = (0, timezones_1.graphTimeZone)(typeof zoneName === 'string' && zoneName ? zoneName : 'UTC');
        if (!zone)
            throw new errors_1.GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(zoneName)}'.`);
        const parsed = typeof wall === 'string' ? (0, timefmt_1.parseWallTime)(wall) : undefined;
        if (!parsed)
            throw (0, errors_1.badRequest)(`The proposedNewTime needs a '${name}' with a dateTime.`);
        return parsed.absolute ? parsed.wallMs : (0, timezones_1.wallToUtc)(zone, parsed.wallMs);
    };
    const slot = { startMs: end('start'), endMs: end('end') };
    if (slot.endMs < slot.startMs)
        throw new errors_1.GraphError(400, 'ErrorCalendarEndDateIsEarlierThanStartDate', 'The end date occurs before the start date.');
    return slot;
}
/** Records an attendee's answer on the organizer's event or occurrence (a meeting's tracking). */
function track(world, attendee, copy, response, proposal, now) {
    const organizer = world.directory.mailbox(copy.organizer.address);
    const masterUid = copy.instance ? attendee.event(copy.instance.seriesMasterId).iCalUId : copy.iCalUId;
    const original = organizer && meetingCopy(organizer, masterUid);
    if (!organizer || !original?.isOrganizer)
        return;
    const mark = (attendees) => attendees.map((a) => (attendee.owns(a.emailAddress.address)
        ? { emailAddress: a.emailAddress, type: a.type, status: { response, time: (0, timefmt_1.graphInstant)(now) }, ...(proposal && { proposedNewTime: proposal }) }
        : a));
    if (!copy.instance) {
        organizer.updateEvent(original, now, (e) => { e.attendees = mark(e.attendees); });
        return;
    }
    const occurrence = (0, instances_1.findEvent)(organizer, (0, expand_1.occurrenceId)(original.id, copy.instance.originalStartMs));
    // Not through PATCH: a PATCH keeps attendees' answers as they were, as Graph does.
    const exception = occurrence && exceptionOf(organizer, occurrence, now);
    if (exception)
        exception.attendees = mark(exception.attendees);
}
/** The stored exception of an occurrence, made from it if it is not one yet. */
function exceptionOf(mailbox, occurrence, now) {
    const place = occurrence.instance;
    (0, instances_1.updateOccurrence)(mailbox, occurrence, {}, now);
    return mailbox.event(place.seriesMasterId).exceptions?.get(place.originalStartMs);
}
/**
 * An invitee answers (`event` is the invitee's copy or one of its occurrences). Checks as Graph's
 * pages state them: only an invitee answers; a proposed time needs an event that allows proposals
 * and sendResponse; accept takes no proposal. Declining removes the copy (or that occurrence) from
 * the calendar, as Exchange moves declined meetings to Deleted Items.
 */
function respond(world, mailbox, event, action, json, now) {
    const sendValue = (0, json_1.param)(json, 'sendResponse');
    if (sendValue !== undefined && sendValue !== null && typeof sendValue !== 'boolean' && sendValue !== 'true' && sendValue !== 'false') {
        throw (0, errors_1.badRequest)(`Cannot convert '${String(sendValue)}' to Edm.Boolean.`);
    }
    const sendResponse = sendValue === undefined || sendValue === null || sendValue === true || sendValue === 'true';
    const comment = (0, json_1.param)(json, 'comment');
    const proposed = (0, json_1.param)(json, 'proposedNewTime');
    if (proposed !== undefined && proposed !== null && action === 'accept') {
        throw (0, errors_1.badRequest)("The parameter 'proposedNewTime' in the request payload is not a valid parameter for the operation 'accept'.");
    }
    if (event.isOrganizer)
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You can't respond to a meeting you organized.");
    if (event.isCancelled && action !== 'decline')
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. The meeting was canceled by the organizer.");
    const proposal = proposed === undefined || proposed === null ? undefined : readProposal(proposed);
    if (proposal && !event.allowNewTimeProposals)
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. The organizer does not allow new time proposals for this meeting.");
    if (proposal && !sendResponse)
        throw new errors_1.GraphError(400, 'ErrorInvalidRequest', "Your request can't be completed. A new time can be proposed only when a response is sent.");
    const { response, subject } = ANSWERS[action];
    if (sendResponse) {
        track(world, mailbox, event, response, proposal, now);
        const organizer = world.directory.mailbox(event.organizer.address);
        if (organizer && organizer.enabled)
            mail(organizer, named(mailbox), `${proposal ? 'New Time Proposed' : subject}: ${event.subject}`, typeof comment === 'string' ? comment : '', now);
    }
    if (action === 'decline') {
        (0, instances_1.deleteEvent)(mailbox, event, now);
        return;
    }
    const answer = { response, time: (0, timefmt_1.graphInstant)(now) };
    if (!event.instance) {
        mailbox.updateEvent(event, now, (e) => { e.responseStatus = answer; });
        return;
    }
    // An answer to one occurrence makes it an exception that carries the answer.
    const exception = exceptionOf(mailbox, event, now);
    if (exception)
        exception.responseStatus = answer;
}
/** The organizer changed one occurrence (an exception now): the copies' occurrences change alike. */
function followOccurrenceChange(world, organizer, exception, changes, now) {
    const place = exception.instance;
    const master = place && organizer.event(place.seriesMasterId);
    if (!place || !master?.isOrganizer)
        return;
    const { attendees, ...shared } = changes;
    for (const mailbox of invitees(world, organizer, master.attendees)) {
        const copy = meetingCopy(mailbox, master.iCalUId);
        const occurrence = copy && (0, instances_1.findEvent)(mailbox, (0, expand_1.occurrenceId)(copy.id, place.originalStartMs));
        if (occurrence)
            (0, instances_1.updateOccurrence)(mailbox, occurrence, attendees === undefined ? shared : changes, now);
    }
}
