/**
 * The in-process control surface for tests, demos and harnesses: mint tokens as if a user had
 * just consented, inject and change mail and events (timestamps from the emulator clock), read
 * what was sent, arm faults and read traffic statistics. The HTTP control API maps onto this.
 */
import { composeMessage, toEmailAddress } from './compose';
import type { AddressInput } from './compose';
import { render } from './entity';
import type { RenderContext } from './entity';
import { EVENT } from './entity-event';
import { MESSAGE } from './entity-message';
import { GraphError } from './errors';
import { readEvent } from './event-input';
import { changeEvent, changeMail } from './mutations';
import type { FaultRule } from './faults';
import type { Json } from './json';
import type { Mailbox, NewEvent, NewMessage } from './mailbox';
import type { AttachmentInfo, BodyType, Folder, Importance, SentRecord, StoredMessage } from './model';
import type { StatsSnapshot } from './stats';
import { DEFAULT_SCOPE } from './token';
import type { TokenResponse } from './token';
import { wallTicks } from './timefmt';
import { UTC_ZONE } from './timezones';
import type { World } from './world';

/** A control call that cannot be done; `status` is what the HTTP control API answers. */
export class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface AddMailOptions {
  mailbox?: string;
  /** Folder id, well-known name or display name; default inbox. */
  folder?: string;
  subject: string;
  from: AddressInput;
  to?: AddressInput[];
  cc?: AddressInput[];
  bcc?: AddressInput[];
  body?: string;
  bodyContentType?: BodyType;
  /** Epoch ms at full precision; default now(). */
  receivedAt?: number;
  sentAt?: number;
  isRead?: boolean;
  importance?: Importance;
  hasAttachments?: boolean;
  attachments?: { name: string; contentType?: string; size: number }[];
  flag?: StoredMessage['flagStatus'];
  categories?: string[];
  inferenceClassification?: StoredMessage['inferenceClassification'];
  conversationId?: string;
}

export interface AddMailsOptions extends Omit<Partial<AddMailOptions>, 'receivedAt'> {
  /** receivedAt of the first mail; default now() - count * stepMs, so the last one is "just now". */
  startAt?: number;
  /** Spacing of receivedAt; default 250 ms, i.e. several mails per second. */
  stepMs?: number;
}

export interface UpdateMailOptions {
  isRead?: boolean;
  flag?: StoredMessage['flagStatus'];
  categories?: string[];
  /** Folder id, well-known name or display name. The message gets a new REST id, as in Exchange. */
  moveTo?: string;
}

/** A Graph event body (as for POST /events) plus where it goes and when it was created. */
export interface AddEventOptions extends Json {
  mailbox?: string;
  /** Calendar id; default the default calendar. */
  calendar?: string;
  /** createdDateTime in epoch ms; default now(). */
  createdAt?: number;
}

export interface AddEventsOptions {
  mailbox?: string;
  calendar?: string;
  subject?: string;
  /** createdDateTime of the first event; default now() - count * stepMs. */
  startAt?: number;
  stepMs?: number;
}

/** Graph-shaped changes (subject, body, start, end, location, showAs, categories...) plus isCancelled. */
export type UpdateEventOptions = Json & { isCancelled?: boolean };

export interface BulkResult {
  count: number;
  /** The folder or calendar id the items went to. */
  containerId: string;
  first: number;
  last: number;
}

export interface EmulatorControl {
  issueTokens(options?: { mailbox?: string; scope?: string }): TokenResponse;
  expireAccessTokens(): void;
  revokeRefreshToken(refreshToken: string): boolean;
  revokeAll(): void;
  addMail(options: AddMailOptions): Record<string, unknown>;
  addMails(count: number, options?: AddMailsOptions): BulkResult;
  updateMail(id: string, changes: UpdateMailOptions): Record<string, unknown>;
  addEvent(options: AddEventOptions): Record<string, unknown>;
  addEvents(count: number, options?: AddEventsOptions): BulkResult;
  updateEvent(id: string, changes: UpdateEventOptions): Record<string, unknown>;
  sent(mailbox?: string): SentRecord[];
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  stats(): StatsSnapshot;
  resetStats(): void;
}

const PLAIN: RenderContext = { timeZone: UTC_ZONE, immutableIds: false };

export function createControl(world: World): EmulatorControl {
  const { directory } = world;

  const mailboxOf = (name?: string): Mailbox => {
    const mailbox = directory.mailbox(name);
    if (!mailbox) throw new ControlError(404, `no mailbox '${name}'`);
    return mailbox;
  };

  const folderOf = (mailbox: Mailbox, idOrName = 'inbox'): Folder => {
    const folder = mailbox.folder(idOrName) ?? mailbox.folderNamed(idOrName);
    if (!folder) throw new ControlError(404, `no folder '${idOrName}' in ${mailbox.address}`);
    return folder;
  };

  const findItem = <T>(id: string, find: (m: Mailbox) => T | undefined): [Mailbox, T] => {
    for (const mailbox of directory.mailboxes) {
      const item = find(mailbox);
      if (item) return [mailbox, item];
    }
    throw new ControlError(404, `no item with id '${id}'`);
  };

  /**
   * Resolves everything but subject and time once (folder, addresses, attachments) and returns a
   * maker for drafts: bulk inserts share these instead of re-parsing per mail. Stored messages
   * never mutate them in place, so sharing is safe.
   */
  const mailMaker = (mailbox: Mailbox, o: Partial<AddMailOptions>): ((receivedAt: number, subject: string) => NewMessage) => {
    if (o.from === undefined) throw new ControlError(400, "'from' is required");
    const shared = {
      folderId: folderOf(mailbox, o.folder).id,
      from: toEmailAddress(o.from),
      to: (o.to ?? [mailbox.address]).map(toEmailAddress),
      cc: (o.cc ?? []).map(toEmailAddress),
      bcc: (o.bcc ?? []).map(toEmailAddress),
      attachments: (o.attachments ?? [])
        .map((a): AttachmentInfo => ({ name: a.name, contentType: a.contentType ?? 'application/octet-stream', size: a.size })),
      body: o.body,
      bodyContentType: o.bodyContentType,
      sentAt: o.sentAt,
      isRead: o.isRead,
      importance: o.importance,
      hasAttachments: o.hasAttachments,
      flagStatus: o.flag,
      categories: o.categories,
      inferenceClassification: o.inferenceClassification,
      conversationId: o.conversationId,
    };
    return (receivedAt, subject) => composeMessage(shared, { subject, receivedAt }, mailbox.ids.hex(20));
  };

  const eventDraft = (mailbox: Mailbox, o: AddEventOptions, createdAt: number): NewEvent => {
    const calendar = o.calendar === undefined ? mailbox.calendar() : mailbox.calendar(o.calendar);
    if (!calendar) throw new ControlError(404, `no calendar '${o.calendar}' in ${mailbox.address}`);
    const start = createdAt + 24 * 3600 * 1000;
    const json: Json = {
      start: { dateTime: wallTicks(start), timeZone: 'UTC' },
      end: { dateTime: wallTicks(start + 30 * 60 * 1000), timeZone: 'UTC' },
      ...o,
    };
    return readEvent(json, mailbox, calendar.id, createdAt);
  };

  /** Graph validation errors surface as 400s of the control API. */
  const asControl = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof GraphError) throw new ControlError(err.status, `${err.code}: ${err.message}`);
      throw err;
    }
  };

  const timestamp = (value: number | undefined, name: string): number => {
    if (value === undefined) return world.now();
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ControlError(400, `'${name}' must be epoch milliseconds`);
    // Stored at whole ms; $filter literals finer than that still compare exactly (see odata.ts).
    return Math.round(value);
  };

  /** Timestamps for a bulk insert: `count` of them, `stepMs` apart, the last one near now(). */
  const bulkTimes = (count: number, stepMs = 250, startAt?: number): number[] => {
    if (!Number.isInteger(count) || count < 1) throw new ControlError(400, 'count must be a positive integer');
    const first = startAt ?? world.now() - count * stepMs;
    return Array.from({ length: count }, (_, i) => Math.round(first + i * stepMs));
  };

  return {
    issueTokens: (options = {}) => world.tokens.issue(mailboxOf(options.mailbox).address, options.scope ?? DEFAULT_SCOPE),
    expireAccessTokens: () => world.tokens.expireAccessTokens(),
    revokeRefreshToken: (refreshToken) => world.tokens.revokeRefreshToken(refreshToken),
    revokeAll: () => world.tokens.revokeAll(),

    addMail(options) {
      const mailbox = mailboxOf(options.mailbox);
      if (typeof options.subject !== 'string') throw new ControlError(400, "'subject' is required");
      const draft = mailMaker(mailbox, options)(timestamp(options.receivedAt, 'receivedAt'), options.subject);
      return render(MESSAGE, mailbox.insertMessage(draft), PLAIN);
    },

    addMails(count, options = {}) {
      const mailbox = mailboxOf(options.mailbox);
      const times = bulkTimes(count, options.stepMs, options.startAt);
      const subject = options.subject ?? 'Bulk message';
      const make = mailMaker(mailbox, { from: 'sender@fabrikam.example', ...options });
      const stored = mailbox.insertMessages(times.map((t, i) => make(t, `${subject} #${i + 1}`)));
      return { count, containerId: stored[0].folderId, first: times[0], last: times[times.length - 1] };
    },

    updateMail(id, changes) {
      const [mailbox, message] = findItem(id, (m) => m.message(id));
      changeMail(mailbox, message, {
        isRead: changes.isRead,
        flagStatus: changes.flag,
        categories: changes.categories,
        moveTo: changes.moveTo === undefined ? undefined : folderOf(mailbox, changes.moveTo),
      }, world.now());
      return render(MESSAGE, message, PLAIN);
    },

    addEvent(options) {
      const mailbox = mailboxOf(options.mailbox);
      const draft = asControl(() => eventDraft(mailbox, options, timestamp(options.createdAt, 'createdAt')));
      return render(EVENT, mailbox.insertEvents([draft])[0], PLAIN);
    },

    addEvents(count, options = {}) {
      const mailbox = mailboxOf(options.mailbox);
      const times = bulkTimes(count, options.stepMs, options.startAt);
      const subject = options.subject ?? 'Bulk event';
      const drafts = asControl(() => times.map((t, i) => eventDraft(mailbox, { calendar: options.calendar, subject: `${subject} #${i + 1}` }, t)));
      const stored = mailbox.insertEvents(drafts);
      return { count, containerId: stored[0].calendarId, first: times[0], last: times[times.length - 1] };
    },

    updateEvent(id, changes) {
      const [mailbox, event] = findItem(id, (m) => m.event(id));
      const { isCancelled, ...graphChanges } = changes;
      asControl(() => changeEvent(mailbox, event, graphChanges, world.now(), isCancelled));
      return render(EVENT, event, PLAIN);
    },

    sent: (mailbox) => mailboxOf(mailbox).sent.map((r) => ({ ...r })),
    setFaults: (rules) => world.faults.set(rules),
    clearFaults: () => world.faults.clear(),
    faults: () => world.faults.list(),
    stats: () => world.stats.snapshot(),
    resetStats: () => world.stats.reset(),
  };
}
