/** The stored shapes. Times are integer epoch ms at full precision; rendering decides what shows. */
import type { Sequenced } from './collection';
import type { ExtendedProperties } from './extended-properties';
import type { Place } from './places';
import type { Recurrence } from './recurrence';

export interface EmailAddress {
  name: string;
  address: string;
}

export type BodyType = 'text' | 'html';

export interface ItemBody {
  contentType: BodyType;
  content: string;
}

export type Importance = 'low' | 'normal' | 'high';

export interface AttachmentInfo {
  name: string;
  contentType: string;
  /** The content's bytes; Graph lists a little more (attachments.ts). */
  size: number;
  /** file (the default), item (an attached mail, event or contact, served as MIME) or reference (a link to a cloud file). */
  kind?: 'file' | 'item' | 'reference';
  /** What an item attachment holds; default a mail. */
  item?: 'message' | 'event' | 'contact';
  isInline?: boolean;
  contentId?: string;
  /** The content, when given; otherwise `size` pattern bytes derived from `seed` (attachments.ts). */
  text?: string;
  seed?: number;
  /** The bytes a client sent (POST attachments, an upload session), in the pieces they came in. */
  chunks?: readonly Buffer[];
}

/** A followupFlag's date-times, as set (Graph echoes the zone it was given). */
export interface FlagDate {
  dateTime: string;
  timeZone: string;
}

export interface User {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  /** Primary SMTP address (Graph's `mail`); for seeded users the same as the UPN. */
  mail: string;
  /** Further SMTP addresses of the mailbox (Exchange's proxy addresses), also resolvable. */
  proxyAddresses: string[];
  /** False for shared mailboxes: their account is disabled, nobody signs in as them. */
  accountEnabled: boolean;
  jobTitle: string;
  officeLocation: string;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string;
}

export interface Folder extends Sequenced {
  id: string;
  displayName: string;
  parentFolderId: string;
  /** Children in creation order; childFolderCount is its length. */
  childIds: string[];
  isHidden: boolean;
  totalItemCount: number;
  unreadItemCount: number;
}

export interface StoredMessage extends Sequenced {
  /** The REST id: like Exchange's, it changes when the message moves to another folder. */
  id: string;
  /** What `Prefer: IdType="ImmutableId"` shows: stable across moves. */
  immutableId: string;
  changeKey: string;
  folderId: string;
  createdAt: number;
  lastModifiedAt: number;
  receivedAt: number;
  sentAt: number;
  subject: string;
  body: ItemBody;
  importance: Importance;
  isRead: boolean;
  isDraft: boolean;
  hasAttachments: boolean;
  attachments: AttachmentInfo[];
  internetMessageId: string;
  conversationId: string;
  from: EmailAddress;
  sender: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  replyTo: EmailAddress[];
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  /** The flag's start, due and completion date-times; absent when none were set. */
  flagDates?: { startDateTime?: FlagDate; dueDateTime?: FlagDate; completedDateTime?: FlagDate };
  categories: string[];
  inferenceClassification: 'focused' | 'other';
  /** Single-value extended properties set on the item (extended-properties.ts); absent: none. */
  extendedProperties?: ExtendedProperties;
  /**
   * When a copy (POST /copy) was written into the store. It keeps the original's received time, so
   * lists see it from this plus the replication delay instead, like any new item; absent: not a copy.
   */
  storedAt?: number;
}

export interface Calendar extends Sequenced {
  id: string;
  name: string;
  owner: EmailAddress;
  color: string;
  hexColor: string;
  changeKey: string;
  isDefaultCalendar: boolean;
}

export interface OnlineMeeting {
  joinUrl: string;
  conferenceId: string;
  tollNumber: string;
}

/** A time an invitee proposes instead (timeSlot): instants, shown in the zone a reader asks for. */
export interface ProposedTime {
  startMs: number;
  endMs: number;
}

export interface Attendee {
  emailAddress: EmailAddress;
  type: 'required' | 'optional' | 'resource';
  status: { response: string; time: string };
  /** Only on the organizer's copy, once the attendee proposed another time (outlook-calendar-meeting-proposals.md). */
  proposedNewTime?: ProposedTime;
}

/** A file on an event (fileAttachment); the bytes are not kept, their hash is. */
export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  /** Graph's size: the bytes and some metadata. */
  size: number;
  /** The file's own length. */
  bytes: number;
  sha256: string;
  isInline: boolean;
  contentId: string | null;
  lastModifiedAt: number;
  /** The bytes themselves, for small files (routes-event-attachments.ts KEPT_BYTES). */
  content?: Buffer;
}

export interface StoredEvent extends Sequenced {
  id: string;
  changeKey: string;
  calendarId: string;
  createdAt: number;
  lastModifiedAt: number;
  subject: string;
  body: ItemBody;
  /**
   * Start and end instants (UTC ms). For all-day events they are floating wall-clock dates
   * (midnight "as if UTC"): Outlook never shifts all-day events into another zone.
   */
  startMs: number;
  endMs: number;
  startTimeZone: string;
  endTimeZone: string;
  isAllDay: boolean;
  location: Place;
  locations: Place[];
  attendees: Attendee[];
  organizer: EmailAddress;
  isOrganizer: boolean;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: OnlineMeeting | null;
  showAs: string;
  sensitivity: string;
  importance: Importance;
  recurrence: Recurrence | null;
  reminderMinutesBeforeStart: number;
  isReminderOn: boolean;
  categories: string[];
  transactionId: string | null;
  iCalUId: string;
  isCancelled: boolean;
  allowNewTimeProposals: boolean;
  /** The mailbox owner's own answer: `organizer` on the organizer's copy, `notResponded` on an invitation until answered. */
  responseStatus: { response: string; time: string };
  attachments: StoredAttachment[];
  /**
   * A series master's own changes to single occurrences, by original start (epoch ms): the
   * exceptions (changed or moved occurrences, each an event of its own) and the deleted ones
   * (Graph beta names them exceptionOccurrences and cancelledOccurrences).
   * Absent on single events and on masters that have none.
   */
  exceptions?: Map<number, StoredEvent>;
  cancelledOccurrences?: Set<number>;
  /** Occurrences and exceptions (never stored in a calendar's collection): their place in the series. */
  instance?: { seriesMasterId: string; type: 'occurrence' | 'exception'; originalStartMs: number };
}

/** What sent() reports for each message submitted through sendMail. */
export interface SentRecord {
  mailbox: string;
  submittedAt: number;
  internetMessageId: string;
  subject: string;
  from: EmailAddress;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  bccRecipients: EmailAddress[];
  importance: Importance;
  bodyContentType: BodyType;
  attachments: AttachmentInfo[];
  /** Who actually sent it: differs from `from` when sent on behalf of `from`. */
  sender: EmailAddress;
  saveToSentItems: boolean;
  /** Addresses of emulator mailboxes that received a copy. */
  deliveredTo: string[];
  /** For a sent draft: its immutable id, which its copy in Sent Items keeps. */
  id?: string;
}
