"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mailboxName = exports.zonePreference = exports.EVENT_PAGE_SIZE = exports.EVENT_DETAIL_FIELDS = exports.EVENT_FIELDS = void 0;
exports.eventPath = eventPath;
exports.isGone = isGone;
exports.readEvent = readEvent;
exports.findOccurrence = findOccurrence;
exports.resolveEvent = resolveEvent;
exports.eventDetail = eventDetail;
exports.eventGone = eventGone;
const errors_1 = require("../errors");
const datetime_1 = require("../validation/datetime");
const errors_2 = require("./errors");
const odata_1 = require("./odata");
/**
 * The fields each emitted event carries; getNewAndUpdatedEvents.out.json and the event of
 * getEventChanges.out.json match them (manifest/eventSchemas.ts eventOutput).
 */
exports.EVENT_FIELDS = [
    'id', 'changeKey', 'iCalUId', 'type', 'seriesMasterId', 'subject', 'bodyPreview', 'body',
    'start', 'end', 'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting',
    'onlineMeetingProvider', 'onlineMeeting', 'showAs', 'sensitivity', 'importance', 'recurrence',
    'isCancelled', 'categories', 'reminderMinutesBeforeStart', 'webLink', 'createdDateTime',
    'lastModifiedDateTime',
];
/**
 * What the steps that read or change one event emit: the trigger's fields, and what tells a
 * meeting's state (whose it is, the answer given), every place, files and the occurrence's place in
 * its series.
 */
exports.EVENT_DETAIL_FIELDS = [
    ...exports.EVENT_FIELDS, 'originalStart', 'isOrganizer', 'responseStatus', 'allowNewTimeProposals', 'locations', 'hasAttachments',
];
/** Outlook's largest page of events. */
exports.EVENT_PAGE_SIZE = 1000;
/** `Prefer: outlook.timezone` for the zone times should be shown in. */
const zonePreference = (zone) => `outlook.timezone="${zone}"`;
exports.zonePreference = zonePreference;
/** An event of the mailbox by id: every event, occurrence or exception is reachable as /events/{id}. */
function eventPath(root, idSegment) {
    return `${root}/events/${idSegment}`;
}
function isGone(err) {
    return err instanceof errors_2.GraphRequestError && err.statusCode === 404;
}
/** The event's selected properties, or undefined when Outlook answers 404 (deleted, or never there). */
async function readEvent(session, path, select, zone = 'UTC') {
    try {
        return (await session.get(`${path}${(0, odata_1.queryString)({ select })}`, { prefer: [(0, exports.zonePreference)(zone)] })).body;
    }
    catch (err) {
        if (isGone(err))
            return undefined;
        throw err;
    }
}
const DAY = 86_400_000;
/** Near the given start first; an exception may have moved up to a neighbour's day, so then wider. */
const WINDOWS = [2 * DAY, 366 * DAY];
/**
 * The occurrence of the series at `seriesPath` that starts at `ref`: one whose original start (its
 * place in the pattern) or current start is that instant, or for a date, the one on that day in
 * `zone`. Instances are listed in `zone`, so times and days read as the step's user gives them.
 */
async function findOccurrence(session, seriesPath, ref, zone, select) {
    const centre = ref.dateOnly ? Date.parse(`${ref.date}T12:00:00Z`) : ref.epochMs;
    const day = ref.dateOnly ? ref.date : (0, datetime_1.epochToWallTime)(ref.epochMs, zone.iana).slice(0, 10);
    const fields = [...new Set([...select, 'id', 'start', 'originalStart', 'type'])];
    const sameDay = new Set();
    for (const span of WINDOWS) {
        const query = `startDateTime=${(0, odata_1.instantLiteral)(centre - span)}&endDateTime=${(0, odata_1.instantLiteral)(centre + span)}&${(0, odata_1.queryString)({ select: fields, top: exports.EVENT_PAGE_SIZE }).slice(1)}`;
        for await (const page of session.pages(`${seriesPath}/instances?${query}`, { prefer: [(0, exports.zonePreference)(zone.graphName)] })) {
            for (const item of page.items) {
                const startWall = (item.start?.dateTime ?? '').slice(0, 19);
                const startDay = startWall.slice(0, 10);
                const original = item.originalStart ? Date.parse(item.originalStart) : undefined;
                const originalDay = original === undefined || Number.isNaN(original) ? undefined : (0, datetime_1.epochToWallTime)(original, zone.iana).slice(0, 10);
                if (ref.dateOnly) {
                    if (startDay === ref.date || originalDay === ref.date)
                        return { kind: 'found', occurrence: item };
                    continue;
                }
                const startMs = startWall ? startInstant(startWall, zone, item.isAllDay ?? false) : undefined;
                if (original === ref.epochMs || startMs === ref.epochMs)
                    return { kind: 'found', occurrence: item };
                if (startDay === day || originalDay === day)
                    sameDay.add(item.isAllDay ? startDay : `${startWall} ${zone.graphName}`);
            }
        }
        if (sameDay.size)
            break;
    }
    return { kind: 'none', sameDay: [...sameDay] };
}
/** An instance's start (a wall time in `zone`) as an instant; all-day ones at midnight of the zone. */
function startInstant(wall, zone, allDay) {
    try {
        return (0, datetime_1.wallTimeToEpoch)(allDay ? `${wall.slice(0, 10)}T00:00:00` : wall, zone.iana);
    }
    catch {
        return undefined;
    }
}
/**
 * The event `idSegment` names, or its occurrence starting at `occurrence`; undefined when it is
 * gone (the event deleted, or the series holds no occurrence that day: deleted, or never one of
 * its days). A series that has an occurrence that day at another time is a mistake in the input,
 * not a deletion: that is refused, naming the starts it has.
 */
async function resolveEvent(session, idSegment, occurrence, zone, select) {
    const path = eventPath(session.root, idSegment);
    if (!occurrence) {
        const event = await readEvent(session, path, select, zone.graphName);
        return event && { path, event };
    }
    const series = await readEvent(session, path, ['type']);
    if (!series)
        return undefined;
    if (series.type !== 'seriesMaster') {
        throw new errors_1.InputError('occurrenceStart', `the event is not a recurring series (Outlook calls it ${series.type ?? 'unknown'}): leave occurrenceStart empty to act on this event itself, or map the series' id (seriesMasterId) as eventId`);
    }
    const match = await findOccurrence(session, path, occurrence, zone, select);
    if (match.kind === 'found')
        return { path: eventPath(session.root, encodeURIComponent(match.occurrence.id)), event: match.occurrence };
    if (match.sameDay.length) {
        throw new errors_1.InputError('occurrenceStart', `no occurrence of the series starts at ${occurrence.text}; that day it starts at ${match.sameDay.join(', ')}: give that start, or only the date`);
    }
    return undefined;
}
/** An event as the steps emit it: the detail fields Graph answered (a PATCH answers every property). */
function eventDetail(event) {
    const shown = {};
    for (const field of exports.EVENT_DETAIL_FIELDS) {
        const value = event[field];
        if (value !== undefined)
            shown[field] = value;
    }
    return shown;
}
/** The mailbox as errors name it. */
const mailboxName = (session) => (session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox");
exports.mailboxName = mailboxName;
/** The error for an event that is not there (deleted, or the id of another mailbox). */
function eventGone(session, what = 'event') {
    return new errors_2.GraphRequestError(`Outlook has no such ${what} in ${(0, exports.mailboxName)(session)}: it was deleted, or the id belongs to another mailbox. Check eventId (and occurrenceStart), or map an id from Find Events.`, 404, 'ErrorItemNotFound', undefined);
}
