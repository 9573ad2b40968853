/**
 * Pieces of the steps' in/out metadata, in the form the platform's mapper reads (one `type`, a
 * title and a description on every property, `required: true` on the property itself; see
 * spec/platform-ui.spec.js). A Graph type several steps show (an email address, a recipient list,
 * a body, a date-time with its zone, attendees) is written here once and used by every step.
 */

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface Schema {
  type: JsonType;
  title?: string;
  description?: string;
  /** The code refuses the input without it (platform-ui.spec proves it for every action). */
  required?: true;
  format?: 'date-time';
  properties?: Properties;
  items?: Schema;
}

export type Properties = Record<string, Schema>;

/** A step's in or out schema: the message body's properties. */
export const body = (properties: Properties): Schema => ({ type: 'object', properties });

export const text = (title: string, description: string, options: { required?: true } = {}): Schema => ({ type: 'string', title, description, ...options });
export const number = (title: string, description: string): Schema => ({ type: 'number', title, description });
export const flag = (title: string, description: string): Schema => ({ type: 'boolean', title, description });
/** An ISO 8601 instant, in UTC unless the description says otherwise. */
export const instant = (title: string, description: string): Schema => ({ type: 'string', title, description, format: 'date-time' });
/** Without properties the mapper shows the object whole (Graph's recurrence, for one). */
export const object = (title: string, description: string, properties?: Properties): Schema => ({ type: 'object', title, description, ...(properties && { properties }) });
export const list = (title: string, description: string, items: Schema): Schema => ({ type: 'array', title, description, items });
export const strings = (title: string, description: string): Schema => list(title, description, { type: 'string' });

// ---- Graph types ----------------------------------------------------------------------------

/** microsoft.graph.emailAddress; `whose` names its owner in the description ("The sender's"). */
export const emailAddress = (whose: string): Schema => object('Email address', `${whose} address and display name.`, {
  name: text('Name', 'Display name; may be empty.'),
  address: text('Address', 'SMTP address.'),
});

/** microsoft.graph.recipient: one person (from, sender, organizer). */
export const recipient = (title: string, description: string, whose: string): Schema => object(title, description, { emailAddress: emailAddress(whose) });

/** A list of microsoft.graph.recipient (toRecipients, replyTo, ...). */
export const recipientList = (title: string, description: string, whose = "The recipient's"): Schema => list(title, description, {
  type: 'object',
  properties: { emailAddress: emailAddress(whose) },
});

/** microsoft.graph.itemBody of a mail or an event. */
export const itemBody: Schema = object('Body', 'The full content.', {
  contentType: text('Content type', 'text or html.'),
  content: text('Content', 'The content itself.'),
});

/** microsoft.graph.dateTimeTimeZone: a wall-clock time and the zone it is in. */
export const dateTimeTimeZone = (title: string, description: string): Schema => object(title, description, {
  dateTime: text('Date and time', 'Wall-clock time in Time zone, without offset (2026-03-10T09:00:00.0000000).'),
  timeZone: text('Time zone', 'The zone the time is given in, as Graph names it (UTC, Europe/Berlin, W. Europe Standard Time).'),
});

/** An event's attendees (microsoft.graph.attendee), with their type and response. */
export const attendees: Schema = list('Attendees', 'Everyone invited, with their type and response.', {
  type: 'object',
  properties: {
    emailAddress: emailAddress("The attendee's"),
    type: text('Type', 'required, optional or resource.'),
    status: object('Response', "The attendee's answer so far.", {
      response: text('Response', 'none, organizer, tentativelyAccepted, accepted, declined or notResponded.'),
      time: text('Response time', 'When the attendee answered (ISO 8601, UTC); 0001-01-01T00:00:00Z before any answer.'),
    }),
  },
});

/** microsoft.graph.location of an event, as far as the steps read it. */
export const location: Schema = object('Location', 'Where the event takes place; null when Outlook has none.', {
  displayName: text('Name', 'Name of the place; empty when none was given.'),
});

/** A mail as the mail triggers emit it (src/graph/messages.ts MAIL_FIELDS, in that order). */
export const messageProperties = {
  id: text('Message id', 'Immutable Outlook id: stays the same when the mail is moved.'),
  internetMessageId: text('Internet message id', 'The Message-ID header; null for some drafts.'),
  conversationId: text('Conversation id', 'Shared by the mails of one conversation; null when Outlook has none.'),
  parentFolderId: text('Folder id', 'Id of the folder the mail is in.'),
  subject: text('Subject', 'The subject; empty when there is none.'),
  bodyPreview: text('Body preview', 'The first 255 characters of the body, as text; null when Outlook has none.'),
  body: itemBody,
  from: recipient('From', 'Who the mail is from; null for drafts.', "The sender's"),
  sender: recipient('Sender', 'The mailbox that sent it (differs from From when sent on behalf); null for drafts.', "The sending mailbox's"),
  toRecipients: recipientList('To', 'The To recipients.'),
  ccRecipients: recipientList('Cc', 'The Cc recipients.'),
  bccRecipients: recipientList('Bcc', 'The Bcc recipients (only on mail the mailbox sent).'),
  replyTo: recipientList('Reply to', 'Where replies should go, when the sender asked for other addresses.', "The reply address's"),
  receivedDateTime: instant('Received', 'When the mail arrived (ISO 8601, UTC, whole seconds).'),
  sentDateTime: instant('Sent', 'When the mail was sent (ISO 8601, UTC); null for drafts.'),
  importance: text('Importance', 'low, normal or high.'),
  isRead: flag('Read', 'Whether the mail has been read.'),
  isDraft: flag('Draft', 'Whether the mail is an unsent draft.'),
  flag: object('Flag', 'The follow-up flag; null when Outlook has none.', {
    flagStatus: text('Flag status', 'notFlagged, flagged or complete.'),
  }),
  categories: strings('Categories', 'Outlook category names on the mail.'),
  hasAttachments: flag('Has attachments', 'Whether the mail has file attachments (not counting inline images).'),
  webLink: text('Link to open the mail in Outlook on the web', 'URL of the mail in Outlook on the web; null when Outlook has none.'),
} satisfies Properties;

/** Properties every step that returns an event shows alike. */
export const eventProperties = {
  iCalUId: text('iCalendar UID', 'The id other calendars know the event by.'),
  webLink: text('Link to open the event in Outlook on the web', 'URL of the event in Outlook on the web.'),
  isAllDay: flag('All day', 'Whether it is an all-day event.'),
} satisfies Properties;

// ---- Inputs ---------------------------------------------------------------------------------

/** Input properties several steps take, read by validation/fields.ts's oneOf (any letter case). */
export const inputProperties = {
  bodyContentType: text('Body type', 'text (the default) or html, in any letter case (HTML works too).'),
  importance: text('Importance', 'low, normal (the default) or high, in any letter case.'),
} satisfies Properties;

// ---- Emit behaviour (src/platform/batches.ts) -------------------------------------------------

/**
 * The out schema of a step with an Emit behaviour field: each item's properties (emitIndividually,
 * the default), plus `results` and `page`, which only an emitPage message carries. One static
 * schema serves both, so the mapper offers the item's fields and the page's array alike.
 */
export const withPages = (item: Schema, noun: string): Schema => body({
  ...item.properties,
  results: list(`Page of ${noun}`, `Emit behaviour emitPage only: the ${noun} of one page of results, each with the fields above; absent when each is emitted on its own.`, { ...item, title: noun, description: `One of the ${noun}.` }),
  page: number('Page number', 'Emit behaviour emitPage only: 1 for the first message of the run, then 2, 3, ...; absent when each item is emitted on its own.'),
});
