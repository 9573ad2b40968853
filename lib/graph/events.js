"use strict";
/** What the event triggers read of an event: the fields they emit, and how many per page. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_PAGE_SIZE = exports.EVENT_FIELDS = void 0;
/**
 * The fields each emitted event carries; getNewAndUpdatedEvents.out.json and the event of
 * getEventChanges.out.json match them (manifest/schemas.ts eventOutProperties).
 */
exports.EVENT_FIELDS = [
    'id', 'changeKey', 'iCalUId', 'type', 'seriesMasterId', 'subject', 'bodyPreview', 'body',
    'start', 'end', 'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting',
    'onlineMeetingProvider', 'onlineMeeting', 'showAs', 'sensitivity', 'importance', 'recurrence',
    'isCancelled', 'categories', 'reminderMinutesBeforeStart', 'webLink', 'createdDateTime',
    'lastModifiedDateTime',
];
/** Graph's largest page for events: one request per 1,000 events. */
exports.EVENT_PAGE_SIZE = 1000;
