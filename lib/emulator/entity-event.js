"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_INSTANCE = exports.EVENT = exports.EVENT_SORT_KEYS = void 0;
/** microsoft.graph.event: series masters and single instances, times rendered in the Prefer zone. */
const body_1 = require("./body");
const entity_1 = require("./entity");
const places_1 = require("./places");
const recipients_1 = require("./recipients");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
exports.EVENT_SORT_KEYS = {
    createdDateTime: (e) => e.createdAt,
    lastModifiedDateTime: (e) => e.lastModifiedAt,
    'start/dateTime': (e) => e.startMs,
    'end/dateTime': (e) => e.endMs,
    subject: (e) => e.subject.toLowerCase(),
};
/** All-day events float: midnight stays midnight whatever zone the caller asks for. */
function dateTimeTimeZone(ms, allDay, bookedIn, ctx) {
    const zone = ctx.bookedZones ? (0, timezones_1.graphTimeZone)(bookedIn) : ctx.timeZone;
    return { dateTime: (0, timefmt_1.wallTicks)(allDay ? ms : (0, timezones_1.utcToWall)(zone, ms)), timeZone: zone.graphName };
}
/** A proposed time (timeSlot) in the zone the reader asked for. */
function timeSlot(slot, ctx) {
    return {
        start: { dateTime: (0, timefmt_1.wallTicks)((0, timezones_1.utcToWall)(ctx.timeZone, slot.startMs)), timeZone: ctx.timeZone.graphName },
        end: { dateTime: (0, timefmt_1.wallTicks)((0, timezones_1.utcToWall)(ctx.timeZone, slot.endMs)), timeZone: ctx.timeZone.graphName },
    };
}
const PROPERTIES = {
    id: (e) => e.id,
    createdDateTime: (e) => (0, timefmt_1.graphInstant)(e.createdAt),
    lastModifiedDateTime: (e) => (0, timefmt_1.graphInstant)(e.lastModifiedAt),
    changeKey: (e) => e.changeKey,
    categories: (e) => [...e.categories],
    transactionId: (e) => e.transactionId,
    originalStartTimeZone: (e) => e.startTimeZone,
    originalEndTimeZone: (e) => e.endTimeZone,
    iCalUId: (e) => e.iCalUId,
    reminderMinutesBeforeStart: (e) => e.reminderMinutesBeforeStart,
    isReminderOn: (e) => e.isReminderOn,
    hasAttachments: (e) => e.attachments.length > 0,
    subject: (e) => e.subject,
    bodyPreview: (e) => (0, body_1.preview)(e.body),
    importance: (e) => e.importance,
    sensitivity: (e) => e.sensitivity,
    isAllDay: (e) => e.isAllDay,
    isCancelled: (e) => e.isCancelled,
    isOrganizer: (e) => e.isOrganizer,
    responseRequested: () => true,
    seriesMasterId: (e) => e.instance?.seriesMasterId ?? null,
    showAs: (e) => e.showAs,
    type: (e) => e.instance?.type ?? (e.recurrence ? 'seriesMaster' : 'singleInstance'),
    webLink: (e) => `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: () => null,
    isOnlineMeeting: (e) => e.isOnlineMeeting,
    onlineMeetingProvider: (e) => e.onlineMeetingProvider,
    allowNewTimeProposals: (e) => e.allowNewTimeProposals,
    isDraft: () => false,
    hideAttendees: () => false,
    responseStatus: (e) => ({ ...e.responseStatus }),
    body: (e, ctx) => ({ ...(0, body_1.bodyAs)(e.body, ctx.bodyType) }),
    // An instant in UTC (event.md: DateTimeOffset); only occurrences and exceptions have one.
    originalStart: (e) => (e.instance ? (0, timefmt_1.graphInstant)(e.instance.originalStartMs) : undefined),
    start: (e, ctx) => dateTimeTimeZone(e.startMs, e.isAllDay, e.startTimeZone, ctx),
    end: (e, ctx) => dateTimeTimeZone(e.endMs, e.isAllDay, e.endTimeZone, ctx),
    location: (e) => (0, places_1.renderPlace)(e.location),
    locations: (e) => e.locations.map(places_1.renderPlace),
    recurrence: (e) => e.recurrence,
    // proposedNewTime only where the attendee proposed one, between status and emailAddress (outlook-calendar-meeting-proposals.md).
    attendees: (e, ctx) => e.attendees.map((a) => ({
        type: a.type,
        status: { ...a.status },
        ...(a.proposedNewTime && { proposedNewTime: timeSlot(a.proposedNewTime, ctx) }),
        emailAddress: { ...a.emailAddress },
    })),
    organizer: (e) => (0, recipients_1.recipient)(e.organizer),
    onlineMeeting: (e) => (e.onlineMeeting && { ...e.onlineMeeting }),
};
exports.EVENT = {
    type: 'event',
    properties: PROPERTIES,
    // Single events and series masters have no originalStart.
    defaults: Object.keys(PROPERTIES).filter((name) => name !== 'originalStart'),
    // As in Graph's published examples (user-list-events, event-get): selecting location returns locations too.
    companions: { location: ['locations'] },
    etag: (e) => (0, entity_1.weakEtag)(e.changeKey),
    filterable: {
        createdDateTime: { kind: 'datetime', get: (e) => e.createdAt },
        lastModifiedDateTime: { kind: 'datetime', get: (e) => e.lastModifiedAt },
        'start/dateTime': { kind: 'wallclock', get: (e) => e.startMs },
        'end/dateTime': { kind: 'wallclock', get: (e) => e.endMs },
        subject: { kind: 'string', get: (e) => e.subject },
        isAllDay: { kind: 'boolean', get: (e) => e.isAllDay },
        isCancelled: { kind: 'boolean', get: (e) => e.isCancelled },
    },
    sortable: exports.EVENT_SORT_KEYS,
    defaultOrder: { key: 'createdDateTime', desc: true },
    visibleFrom: 'createdDateTime',
    orderByMustLeadFilter: false,
};
/**
 * Events as calendarView and instances list them (single events, occurrences and exceptions; an
 * occurrence or exception read by id too): with originalStart, ordered by start by default.
 */
exports.EVENT_INSTANCE = {
    ...exports.EVENT,
    defaults: Object.keys(PROPERTIES),
    defaultOrder: { key: 'start/dateTime', desc: false },
};
