'use strict';

// What Graph answers to the component's requests, in the shape of Microsoft's documented
// examples, for specs that run a step end to end and look at what it emits.

/** POST /events: the created event (Graph echoes the transactionId it was given). */
function createdEvent(overrides = {}) {
  return {
    id: 'AAMkEvent1',
    iCalUId: '040000008200E00074C5B7101A82E008',
    webLink: 'https://outlook.office365.com/owa/?itemid=AAMkEvent1',
    subject: 'Planning',
    start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
    isAllDay: false,
    isOnlineMeeting: false,
    onlineMeeting: null,
    attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Ann', address: 'ann@example.com' } }],
    transactionId: 'b0c1d2e3-0000-0000-0000-000000000000',
    ...overrides,
  };
}

module.exports = { createdEvent };
