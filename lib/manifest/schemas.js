"use strict";
/**
 * Pieces of the steps' in/out metadata, in the form the platform's mapper reads (one `type`, a
 * title and a description on every property, `required: true` on the property itself; see
 * spec/platform-ui.spec.js). A Graph type several steps show (an email address, a recipient list,
 * a body, a date-time with its zone, attendees) is written here once and used by every step.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.withPages = exports.inputProperties = exports.eventProperties = exports.messageProperties = exports.location = exports.attendees = exports.dateTimeTimeZone = exports.itemBody = exports.recipientList = exports.recipient = exports.emailAddress = exports.strings = exports.list = exports.object = exports.instant = exports.flag = exports.number = exports.text = exports.body = void 0;
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
/** A mail as the mail triggers emit it (src/graph/messages.ts MAIL_FIELDS, in that order). */
exports.messageProperties = {
    id: (0, exports.text)('Message id', 'Immutable Outlook id: stays the same when the mail is moved.'),
    internetMessageId: (0, exports.text)('Internet message id', 'The Message-ID header; null for some drafts.'),
    conversationId: (0, exports.text)('Conversation id', 'Shared by the mails of one conversation; null when Outlook has none.'),
    parentFolderId: (0, exports.text)('Folder id', 'Id of the folder the mail is in.'),
    subject: (0, exports.text)('Subject', 'The subject; empty when there is none.'),
    bodyPreview: (0, exports.text)('Body preview', 'The first 255 characters of the body, as text; null when Outlook has none.'),
    body: exports.itemBody,
    from: (0, exports.recipient)('From', 'Who the mail is from; null for drafts.', "The sender's"),
    sender: (0, exports.recipient)('Sender', 'The mailbox that sent it (differs from From when sent on behalf); null for drafts.', "The sending mailbox's"),
    toRecipients: (0, exports.recipientList)('To', 'The To recipients.'),
    ccRecipients: (0, exports.recipientList)('Cc', 'The Cc recipients.'),
    bccRecipients: (0, exports.recipientList)('Bcc', 'The Bcc recipients (only on mail the mailbox sent).'),
    replyTo: (0, exports.recipientList)('Reply to', 'Where replies should go, when the sender asked for other addresses.', "The reply address's"),
    receivedDateTime: (0, exports.instant)('Received', 'When the mail arrived (ISO 8601, UTC, whole seconds).'),
    sentDateTime: (0, exports.instant)('Sent', 'When the mail was sent (ISO 8601, UTC); null for drafts.'),
    importance: (0, exports.text)('Importance', 'low, normal or high.'),
    isRead: (0, exports.flag)('Read', 'Whether the mail has been read.'),
    isDraft: (0, exports.flag)('Draft', 'Whether the mail is an unsent draft.'),
    flag: (0, exports.object)('Flag', 'The follow-up flag; null when Outlook has none.', {
        flagStatus: (0, exports.text)('Flag status', 'notFlagged, flagged or complete.'),
    }),
    categories: (0, exports.strings)('Categories', 'Outlook category names on the mail.'),
    hasAttachments: (0, exports.flag)('Has attachments', 'Whether the mail has file attachments (not counting inline images).'),
    webLink: (0, exports.text)('Link to open the mail in Outlook on the web', 'URL of the mail in Outlook on the web; null when Outlook has none.'),
};
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
