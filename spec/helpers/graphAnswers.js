'use strict';

// What Graph answers to the component's requests, in the shape of Microsoft's documented
// examples, for specs that run a step end to end and look at what it emits.

/** POST /events: the created event, as Graph answers when it does not echo a transactionId. */
function createdEvent(overrides = {}) {
  return {
    id: 'AAMkAGI2TG93AAA=',
    iCalUId: '040000008200E00074C5B7101A82E00800000000',
    webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAGI2TG93AAA%3D&exvsurl=1&path=/calendar/item',
    subject: 'Planning',
    start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
    isAllDay: false,
    isOnlineMeeting: false,
    onlineMeeting: null,
    attendees: [],
    ...overrides,
  };
}

/**
 * A delta query's page (message-delta.md, delta-query-messages.md): `next` continues the round with a
 * skip token, else the page ends it with a delta link. Links are absolute, on Graph's host.
 */
function deltaPage(value, { next, base = 'https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta', token = 'dt-1' } = {}) {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(message)',
    ...(next ? { '@odata.nextLink': `${base}?$skiptoken=${next}` } : { '@odata.deltaLink': `${base}?$deltatoken=${token}` }),
    value,
  };
}

/**
 * An event as Graph answers GET /events/{id}, a PATCH or a calendarView/instances item: a weekly
 * series master of the mailbox (or, with isOrganizer false, an invitation received), in UTC.
 */
function graphEvent(overrides = {}) {
  return {
    id: 'AAMkSeries1=',
    changeKey: 'ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==',
    iCalUId: '040000008200E00074C5B7101A82E00800000000',
    type: 'seriesMaster',
    seriesMasterId: null,
    subject: 'Planning',
    bodyPreview: 'Agenda',
    body: { contentType: 'html', content: '<html><body>Agenda</body></html>' },
    start: { dateTime: '2026-03-10T08:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
    originalStartTimeZone: 'W. Europe Standard Time',
    isAllDay: false,
    location: { displayName: 'Room 1', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: [{ displayName: 'Room 1', locationType: 'default', uniqueIdType: 'unknown' }],
    attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Dana', address: 'dana@example.com' } }],
    organizer: { emailAddress: { name: 'Ann', address: 'ann@example.com' } },
    isOrganizer: true,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    allowNewTimeProposals: true,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    recurrence: {
      pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday', index: 'first' },
      range: { type: 'noEnd', startDate: '2026-03-10', endDate: '0001-01-01', recurrenceTimeZone: 'W. Europe Standard Time', numberOfOccurrences: 0 },
    },
    isCancelled: false,
    categories: ['Blue'],
    reminderMinutesBeforeStart: 15,
    hasAttachments: false,
    webLink: 'https://outlook.office365.com/owa/?itemid=AAMkSeries1%3D&exvsurl=1&path=/calendar/item',
    createdDateTime: '2026-03-01T10:00:00.1234567Z',
    lastModifiedDateTime: '2026-03-01T10:00:01.7654321Z',
    ...overrides,
  };
}

/** The occurrence of graphEvent's series on 17 March 2026, 09:00 in Berlin (08:00 UTC), as instances lists it. */
function graphOccurrence(overrides = {}) {
  return graphEvent({
    id: 'AAMkOccurrence17=',
    type: 'occurrence',
    seriesMasterId: 'AAMkSeries1=',
    recurrence: null,
    start: { dateTime: '2026-03-17T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2026-03-17T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    originalStart: '2026-03-17T08:00:00Z',
    ...overrides,
  });
}

/**
 * Answers every request of the steps that read or change one event, and of Find Events: reads of
 * the event and its instances, calendarView, PATCH, cancel, answers, DELETE, attachments.
 */
function answerEventSteps(nock, origin, { isOrganizer = true, patched } = {}) {
  const own = isOrganizer ? {} : { isOrganizer: false, responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } };
  return nock(origin).persist()
    .get(/\/events\/[^/]+\/instances/).query(true).reply(200, { value: [graphOccurrence(own)] })
    .get(/\/calendarView/).query(true).reply(200, { value: [graphOccurrence(own)] })
    .get(/\/events\/[^/]+\/attachments/).query(true).reply(200, { value: [] })
    .get(/\/events\/[^/]+$/).query(true).reply(200, graphEvent(own))
    .patch(/\/events\/[^/]+$/).reply(200, patched || graphEvent(own))
    .post(/\/events\/[^/]+\/(cancel|accept|tentativelyAccept|decline)$/).reply(202)
    .post(/\/events\/[^/]+\/attachments$/).reply(201, { id: 'AAMkAttachment1=' })
    .delete(/\/events\/[^/]+$/).reply(204);
}

module.exports = { createdEvent, deltaPage, graphEvent, graphOccurrence, answerEventSteps };
