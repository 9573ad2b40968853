"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seriesOf = seriesOf;
exports.seriesInstances = seriesInstances;
exports.calendarView = calendarView;
exports.findEvent = findEvent;
exports.updateOccurrence = updateOccurrence;
exports.deleteEvent = deleteEvent;
/**
 * Occurrences and exceptions of series masters as events: what a calendar shows in a window, one
 * read by id, and a change or deletion of one occurrence. The expansion itself is expand.ts.
 *
 * API (for routes that need what a calendar shows: calendarView, instances, getSchedule,
 * findMeetingTimes, calendarView/delta):
 * - `calendarView(events, window)`: single events and occurrences/exceptions overlapping the
 *   window, no series masters; each is a StoredEvent (occurrences and exceptions carry `instance`).
 * - `seriesInstances(master, window)`: one series' occurrences and exceptions.
 * - `findEvent(mailbox, id)`: a stored event, or an occurrence or exception by its id.
 * - `updateOccurrence(mailbox, occurrence, changes, now, isCancelled?)`: PATCH of an occurrence: it becomes (or,
 *   already one, stays) an exception.
 * - `deleteEvent(mailbox, event, now)`: DELETE: an occurrence or exception leaves its series; a
 *   single event or a whole series is removed.
 *
 * As Exchange keeps them (exceptions live inside the master item), changing or deleting an
 * occurrence modifies the master (lastModifiedDateTime, changeKey), and every instance of a series
 * carries the master's change key (microsoft-graph-docs `event-list-instances.md`: occurrences and
 * the exception share one @odata.etag). Occurrences show the master as it is now; an exception keeps
 * what it was given.
 */
const errors_1 = require("./errors");
const expand_1 = require("./expand");
const mutations_1 = require("./mutations");
const timezones_1 = require("./timezones");
const DAY = 86_400_000;
function seriesOf(master) {
    if (!master.recurrence)
        throw new Error(`event ${master.id} is not a series master`);
    return { recurrence: master.recurrence, startMs: master.startMs, endMs: master.endMs, timeZone: master.startTimeZone, isAllDay: master.isAllDay };
}
/** The series' wall-clock day of instants (all-day events float: their instants are that day already). */
function dayReader(master) {
    const zone = master.isAllDay ? undefined : (0, timezones_1.graphTimeZone)(master.startTimeZone);
    return (ms) => Math.floor((zone ? (0, timezones_1.utcToWall)(zone, ms) : ms) / DAY);
}
/**
 * Each occurrence has an iCalUId of its own (event.md): Exchange's GlobalObjectId with the
 * instance's date in bytes 16-19 (year, month, day; MS-OXOCAL PidLidGlobalObjectId), which are
 * zero on the master.
 */
function instanceUid(master, day) {
    const date = new Date(day * DAY);
    const hex = (n, digits) => n.toString(16).toUpperCase().padStart(digits, '0');
    const stamp = `${hex(date.getUTCFullYear(), 4)}${hex(date.getUTCMonth() + 1, 2)}${hex(date.getUTCDate(), 2)}`;
    return `${master.iCalUId.slice(0, 32)}${stamp}${master.iCalUId.slice(40)}`;
}
/**
 * An occurrence as an event: the master's fields at the occurrence's times. Written out field by
 * field: a spread of the master costs several times more, and a busy calendarView makes thousands.
 */
function occurrenceEvent(m, startMs, endMs, dayOf = dayReader(m)) {
    return {
        seq: m.seq,
        id: (0, expand_1.occurrenceId)(m.id, startMs),
        changeKey: m.changeKey,
        calendarId: m.calendarId,
        createdAt: m.createdAt,
        lastModifiedAt: m.lastModifiedAt,
        subject: m.subject,
        body: m.body,
        startMs,
        endMs,
        startTimeZone: m.startTimeZone,
        endTimeZone: m.endTimeZone,
        isAllDay: m.isAllDay,
        location: m.location,
        locations: m.locations,
        attendees: m.attendees,
        organizer: m.organizer,
        isOrganizer: m.isOrganizer,
        isOnlineMeeting: m.isOnlineMeeting,
        onlineMeetingProvider: m.onlineMeetingProvider,
        onlineMeeting: m.onlineMeeting,
        showAs: m.showAs,
        sensitivity: m.sensitivity,
        importance: m.importance,
        recurrence: null,
        reminderMinutesBeforeStart: m.reminderMinutesBeforeStart,
        isReminderOn: m.isReminderOn,
        categories: m.categories,
        transactionId: null,
        iCalUId: instanceUid(m, dayOf(startMs)),
        isCancelled: m.isCancelled,
        allowNewTimeProposals: m.allowNewTimeProposals,
        responseStatus: m.responseStatus,
        attachments: m.attachments,
        instance: { seriesMasterId: m.id, type: 'occurrence', originalStartMs: startMs },
    };
}
/** What a client sees of an exception: its own fields, the series' change key. */
const exceptionEvent = (master, exception) => ({ ...exception, changeKey: master.changeKey });
function seriesInstances(master, window) {
    const changes = { exceptions: master.exceptions ?? new Map(), cancelled: master.cancelledOccurrences ?? new Set() };
    const dayOf = dayReader(master);
    return (0, expand_1.instances)(seriesOf(master), changes, window)
        .map((i) => (i.exception ? exceptionEvent(master, i.exception) : occurrenceEvent(master, i.startMs, i.endMs, dayOf)));
}
function calendarView(events, window) {
    const shown = [];
    for (const event of events) {
        if (event.recurrence)
            shown.push(...seriesInstances(event, window));
        else if ((0, expand_1.overlaps)(event.startMs, event.endMs, window))
            shown.push(event);
    }
    return shown;
}
function findEvent(mailbox, id) {
    const stored = mailbox.event(id);
    if (stored)
        return stored;
    const ref = (0, expand_1.parseOccurrenceId)(id);
    const master = ref && mailbox.event(ref.masterId);
    if (!ref || !master?.recurrence || master.cancelledOccurrences?.has(ref.originalStartMs))
        return undefined;
    const exception = master.exceptions?.get(ref.originalStartMs);
    if (exception)
        return exceptionEvent(master, exception);
    const slot = (0, expand_1.occurrenceAt)(seriesOf(master), ref.originalStartMs);
    return slot && occurrenceEvent(master, slot.startMs, slot.endMs);
}
function masterOf(mailbox, instance) {
    return mailbox.event(instance.instance.seriesMasterId);
}
/** Where the nearest occurrence before (-1) or after (+1) `originalStartMs` is now, deleted ones skipped. */
function neighbourStart(master, originalStartMs, direction) {
    const series = seriesOf(master);
    const cancelled = master.cancelledOccurrences ?? new Set();
    const now = (start) => master.exceptions?.get(start)?.startMs ?? start;
    if (direction === 1) {
        const after = (0, expand_1.occurrences)(series, { startMs: originalStartMs + 1, endMs: Infinity }, cancelled.size + 2)
            .find((o) => o.startMs > originalStartMs && !cancelled.has(o.startMs));
        return after && now(after.startMs);
    }
    // Backwards in widening windows, so an old series that never ends is not walked from its start.
    for (let span = 2 * DAY;; span *= 4) {
        const before = (0, expand_1.occurrences)(series, { startMs: originalStartMs - span, endMs: originalStartMs })
            .filter((o) => o.startMs < originalStartMs && !cancelled.has(o.startMs));
        if (before.length)
            return now(before[before.length - 1].startMs);
        if (originalStartMs - span < series.startMs - DAY)
            return undefined;
    }
}
/**
 * Outlook's rule for exceptions (event-update.md): "an occurrence cannot be moved to or before the
 * day of the previous occurrence, and cannot be moved to or after the day of the following occurrence".
 */
function checkBoundaries(master, originalStartMs, newStartMs) {
    const dayIn = dayReader(master);
    const day = dayIn(newStartMs);
    const previous = neighbourStart(master, originalStartMs, -1);
    const next = neighbourStart(master, originalStartMs, 1);
    if ((previous !== undefined && day <= dayIn(previous)) || (next !== undefined && day >= dayIn(next))) {
        throw new errors_1.GraphError(400, 'ErrorOccurrenceCrossingBoundary', 'Modified occurrence is crossing or overlapping adjacent occurrence.');
    }
}
/** `isCancelled` (control API only): how an attendee's copy shows an occurrence the organizer cancelled. */
function updateOccurrence(mailbox, occurrence, changes, now, isCancelled) {
    const place = occurrence.instance;
    if (changes.recurrence !== undefined && changes.recurrence !== null) {
        throw (0, errors_1.badRequest)('An occurrence or exception of a series cannot have a recurrence of its own.');
    }
    const master = masterOf(mailbox, occurrence);
    const draft = { ...occurrence, instance: { ...place, type: 'exception' } };
    (0, mutations_1.changeEvent)(mailbox, draft, changes, now, isCancelled);
    checkBoundaries(master, place.originalStartMs, draft.startMs);
    mailbox.updateEvent(master, now, (m) => {
        m.exceptions = new Map(m.exceptions ?? []).set(place.originalStartMs, draft);
    });
    return exceptionEvent(master, draft);
}
function deleteEvent(mailbox, event, now) {
    const place = event.instance;
    if (!place) {
        mailbox.removeEvent(event);
        return;
    }
    mailbox.updateEvent(masterOf(mailbox, event), now, (m) => {
        m.cancelledOccurrences = new Set(m.cancelledOccurrences ?? []).add(place.originalStartMs);
        if (m.exceptions?.delete(place.originalStartMs) && m.exceptions.size === 0)
            m.exceptions = undefined;
    });
}
