"use strict";
/**
 * Pieces of the steps' in/out metadata, in the form the platform's mapper reads (one `type`, a
 * title and a description on every property, `required: true` on the property itself; see
 * spec/platform-ui.spec.js). A Graph type several steps show (an email address, a recipient list,
 * a body, a date-time with its zone, attendees) is written here once and used by every step.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.withPages = exports.inputProperties = exports.eventProperties = exports.location = exports.attendees = exports.dateTimeTimeZone = exports.itemBody = exports.recipientList = exports.recipient = exports.emailAddress = exports.strings = exports.list = exports.object = exports.instant = exports.flag = exports.number = exports.text = exports.body = void 0;
/** A step's in or out schema: the message body's properties. */
const body = (properties) => ({ type: 'object', properties });
exports.body = body;
const text = (title, description, options = {}) => ({ type: 'string', title, description, ...options });
exports.text = text;
const number = (title, description) => ({ type: 'number', title, description });
exports.number = number;
const flag = (title, description) => ({ type: 'boolean', title, description });
exports.flag = flag;
/** An ISO 8601 instant, in UTC unless the description says otherwise. */
const instant = (title, description) => ({ type: 'string', title, description, format: 'date-time' });
exports.instant = instant;
/** Without properties the mapper shows the object whole (Graph's recurrence, for one). */
const object = (title, description, properties) => ({ type: 'object', title, description, ...(properties && { properties }) });
exports.object = object;
const list = (title, description, items) => ({ type: 'array', title, description, items });
exports.list = list;
const strings = (title, description) => (0, exports.list)(title, description, { type: 'string' });
exports.strings = strings;
// ---- Graph types ----------------------------------------------------------------------------
/** microsoft.graph.emailAddress; `whose` names its owner in the description ("The sender's"). */
const emailAddress = (whose) => (0, exports.object)('Email address', `${whose} address and display name.`, {
    name: (0, exports.text)('Name', 'Display name; may be empty.'),
    address: (0, exports.text)('Address', 'SMTP address.'),
});
exports.emailAddress = emailAddress;
/** microsoft.graph.recipient: one person (from, sender, organizer). */
const recipient = (title, description, whose) => (0, exports.object)(title, description, { emailAddress: (0, exports.emailAddress)(whose) });
exports.recipient = recipient;
/** A list of microsoft.graph.recipient (toRecipients, replyTo, ...). */
const recipientList = (title, description, whose = "The recipient's") => (0, exports.list)(title, description, {
    type: 'object',
    properties: { emailAddress: (0, exports.emailAddress)(whose) },
});
exports.recipientList = recipientList;
/** microsoft.graph.itemBody of a mail or an event. */
exports.itemBody = (0, exports.object)('Body', 'The full content.', {
    contentType: (0, exports.text)('Content type', 'text or html.'),
    content: (0, exports.text)('Content', 'The content itself.'),
});
/** microsoft.graph.dateTimeTimeZone: a wall-clock time and the zone it is in. */
const dateTimeTimeZone = (title, description) => (0, exports.object)(title, description, {
    dateTime: (0, exports.text)('Date and time', 'Wall-clock time in Time zone, without offset (2026-03-10T09:00:00.0000000).'),
    timeZone: (0, exports.text)('Time zone', 'The zone the time is given in, as Graph names it (UTC, Europe/Berlin, W. Europe Standard Time).'),
});
exports.dateTimeTimeZone = dateTimeTimeZone;
/** An event's attendees (microsoft.graph.attendee), with their type and response. */
exports.attendees = (0, exports.list)('Attendees', 'Everyone invited, with their type and response.', {
    type: 'object',
    properties: {
        emailAddress: (0, exports.emailAddress)("The attendee's"),
        type: (0, exports.text)('Type', 'required, optional or resource.'),
        status: (0, exports.object)('Response', "The attendee's answer so far.", {
            response: (0, exports.text)('Response', 'none, organizer, tentativelyAccepted, accepted, declined or notResponded.'),
            time: (0, exports.text)('Response time', 'When the attendee answered (ISO 8601, UTC); 0001-01-01T00:00:00Z before any answer.'),
        }),
    },
});
/** microsoft.graph.location of an event, as far as the steps read it. */
exports.location = (0, exports.object)('Location', 'Where the event takes place; null when Outlook has none.', {
    displayName: (0, exports.text)('Name', 'Name of the place; empty when none was given.'),
});
/** Properties every step that returns an event shows alike. */
exports.eventProperties = {
    iCalUId: (0, exports.text)('iCalendar UID', 'The id other calendars know the event by.'),
    webLink: (0, exports.text)('Link to open the event in Outlook on the web', 'URL of the event in Outlook on the web.'),
    isAllDay: (0, exports.flag)('All day', 'Whether it is an all-day event.'),
};
// ---- Inputs ---------------------------------------------------------------------------------
/** Input properties several steps take, read by validation/fields.ts's oneOf (any letter case). */
exports.inputProperties = {
    bodyContentType: (0, exports.text)('Body type', 'text (the default) or html, in any letter case (HTML works too).'),
    importance: (0, exports.text)('Importance', 'low, normal (the default) or high, in any letter case.'),
};
// ---- Emit behaviour (src/platform/batches.ts) -------------------------------------------------
/**
 * The out schema of a step with an Emit behaviour field: each item's properties (emitIndividually,
 * the default), plus `results` and `page`, which only an emitPage message carries. One static
 * schema serves both, so the mapper offers the item's fields and the page's array alike.
 */
const withPages = (item, noun) => (0, exports.body)({
    ...item.properties,
    results: (0, exports.list)(`Page of ${noun}`, `Emit behaviour emitPage only: the ${noun} of one page of results, each with the fields above; absent when each is emitted on its own.`, { ...item, title: noun, description: `One of the ${noun}.` }),
    page: (0, exports.number)('Page number', 'Emit behaviour emitPage only: 1 for the first message of the run, then 2, 3, ...; absent when each item is emitted on its own.'),
});
exports.withPages = withPages;
