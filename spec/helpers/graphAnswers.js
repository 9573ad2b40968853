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

module.exports = { createdEvent };
