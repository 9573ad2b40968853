"use strict";
/**
 * Pieces of the steps' in/out metadata, in the form the platform's mapper reads (one `type`, a
 * title and a description on every property, `required: true` on the property itself; see
 * spec/platform-ui.spec.js). A Graph type several steps show (an email address, a recipient list,
 * a body, a date-time with its zone, attendees) is written here once and used by every step.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.responseInput = exports.newMailInput = exports.messageIdInput = exports.sentMail = exports.sentFiles = exports.withPages = exports.destinationInputs = exports.inputProperties = exports.eventProperties = exports.location = exports.attendees = exports.storedAttachments = exports.mailProperties = exports.dateTimeTimeZone = exports.itemBody = exports.recipientList = exports.recipient = exports.emailAddress = exports.strings = exports.list = exports.object = exports.instant = exports.flag = exports.number = exports.text = exports.body = void 0;
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
/** microsoft.graph.message as the steps that emit mail show it (graph/messages.ts MAIL_FIELDS). */
exports.mailProperties = {
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
/** A mail's attachments as platform/mailAttachments.ts stores them (Store attachments). */
exports.storedAttachments = (0, exports.list)('Attachments', 'Store attachments only: the files of the mail, each stored in the platform (see url) or listed with the reason it was not (skipped); absent when attachments are not stored.', {
    type: 'object',
    properties: {
        id: (0, exports.text)('Attachment id', "Outlook's id of the attachment."),
        name: (0, exports.text)('Name', 'File name, unique within the mail; the key of the file in the message\'s attachments.'),
        contentType: (0, exports.text)('Content type', 'MIME type; message/rfc822 (.eml), text/calendar (.ics) or text/vcard (.vcf) for an attached mail, event or contact.'),
        size: (0, exports.number)('Size in bytes', 'Bytes stored; for a file not stored, the size Outlook reports.'),
        url: (0, exports.text)('URL', "Where the platform's storage keeps the file; absent when it was not stored."),
        isInline: (0, exports.flag)('Inline', 'Whether it is shown in the body (an image the HTML refers to by cid:).'),
        contentId: (0, exports.text)('Content id', 'The cid: an HTML body refers to an inline image by; absent when none.'),
        kind: (0, exports.text)('Kind', 'file, item (an attached mail, event or contact) or reference (a link to a cloud file).'),
        skipped: (0, exports.text)('Why not stored', 'Absent when stored; else the reason: over the size limit, or a link to a cloud file.'),
    },
});
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
/** Where Move Mail and Copy Mail put the mail (src/graph/destination.ts). */
exports.destinationInputs = {
    destinationFolderId: (0, exports.text)('Destination folder id', 'An Outlook folder id or a well-known name (inbox, archive, deleteditems, junkemail...). Wins over destinationFolderPath and over the Destination folder setting.'),
    destinationFolderPath: (0, exports.text)('Destination folder path', 'A folder path such as Inbox/Projects/Alpha: names separated by /, the first a top-level or well-known folder; every level must exist. Wins over the Destination folder setting.'),
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
// ---- Sending (Send Mail, Reply to Mail, Forward Mail, Create Draft, Send Draft) ---------------
/** The incoming message's files as a sending step reports them. */
const sentFiles = (title, description) => (0, exports.list)(title, description, {
    type: 'object',
    properties: {
        name: (0, exports.text)('Name', 'File name as the recipients see it.'),
        size: (0, exports.number)('Size in bytes', 'Size of the file before encoding.'),
        isInline: (0, exports.flag)('Inline image', 'true when the HTML body shows the file through cid:{name} (an inline image); absent otherwise.'),
    },
});
exports.sentFiles = sentFiles;
/** What a sending step reports about the mail it sent; `what` names it ("The reply"). */
const sentMail = (what) => ({
    id: (0, exports.text)('Mail id', `${what}'s immutable id, which its copy in Sent Items keeps.`),
    sentAt: (0, exports.instant)('Sent at', 'When Outlook accepted the mail for sending (ISO 8601, UTC; by Graph\'s clock where its answer tells).'),
    mailbox: (0, exports.text)('Mailbox', 'The mailbox it was sent from and saved in; absent for the signed-in user.'),
    subject: (0, exports.text)('Subject', 'The subject sent; empty when there was none.'),
    to: (0, exports.strings)('To', 'The To addresses the mail was sent to.'),
    cc: (0, exports.strings)('Cc', 'The Cc addresses the mail was sent to.'),
    bcc: (0, exports.strings)('Bcc', 'The Bcc addresses the mail was sent to.'),
    alreadySent: (0, exports.flag)('Already sent', 'true when an earlier run of the same incoming message had sent it (the platform delivered the message again): nothing was sent this time.'),
});
exports.sentMail = sentMail;
/** A mail of the mailbox, given by id in the input (the message replied to, the draft to send). */
const messageIdInput = (title, description) => (0, exports.text)(title, `${description} An id Outlook returned, e.g. the id Poll for New Mail emits.`, { required: true });
exports.messageIdInput = messageIdInput;
/** The rule parseMailInput enforces on To, Cc and Bcc together. */
const ONE_RECIPIENT = 'At least one of To, Cc and Bcc must hold a recipient; at most 500 in all.';
const CID = 'In an HTML body, <img src="cid:logo.png"> shows the attached file logo.png as an inline image.';
/** A new mail as Send Mail and Create Draft take it (validation/mailInput.ts). */
exports.newMailInput = {
    from: (0, exports.text)('From', 'Send on behalf of (or as) this address, e.g. sales@contoso.com: the sender (the Mailbox, or the signed-in user) needs Send on Behalf or Send As on it. Empty: from the mailbox itself.'),
    to: (0, exports.text)('To', `An address (name@example.com), "Display Name <name@example.com>", several of them separated by commas or semicolons, or a list of addresses or of {address, name} objects. ${ONE_RECIPIENT}`),
    cc: (0, exports.text)('Cc', `Addresses as for To. ${ONE_RECIPIENT}`),
    bcc: (0, exports.text)('Bcc', `Addresses as for To; the other recipients do not see them. ${ONE_RECIPIENT}`),
    subject: (0, exports.text)('Subject', 'Up to 255 characters. Empty: a mail without subject.'),
    body: (0, exports.text)('Body', `The content of the mail, as text or HTML (see Body type). ${CID}`),
    bodyContentType: exports.inputProperties.bodyContentType,
    importance: exports.inputProperties.importance,
    replyTo: (0, exports.text)('Reply to', 'Addresses replies should go to instead of the sender, as for To; at most 10.'),
};
/** The text a reply or forward puts above the quoted original. */
exports.responseInput = {
    body: (0, exports.text)('Body', `Your text, shown above the quoted original (Graph's comment), as text or HTML (see Body type). Empty: the quote alone. ${CID}`),
    bodyContentType: exports.inputProperties.bodyContentType,
};
