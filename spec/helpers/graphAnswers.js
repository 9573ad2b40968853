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

module.exports = { createdEvent, deltaPage };
