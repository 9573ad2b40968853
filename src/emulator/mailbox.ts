/**
 * One user's mailbox: folders, messages, calendars, events, contacts and the sendMail log, with
 * the bookkeeping Exchange does implicitly (folder counters, change keys, ids that change on move).
 */
import { Collection } from './collection';
import type { Tenant } from './directory';
import { MESSAGE_SORT_KEYS } from './entity-message';
import { EVENT_SORT_KEYS } from './entity-event';
import { MailboxDelta } from './delta';
import type { RemovedReason } from './delta';
import { ContactStore } from './contacts';
import { createIdFactory } from './ids';
import type { IdFactory } from './ids';
import type { Calendar, Folder, SentRecord, StoredEvent, StoredMessage, User } from './model';

/** Names Graph accepts in place of a folder id (case-insensitively). */
export const WELL_KNOWN_FOLDERS = [
  'msgfolderroot', 'inbox', 'sentitems', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox',
] as const;
export type WellKnownFolder = typeof WELL_KNOWN_FOLDERS[number];

/** Fields the mailbox assigns itself when an item is stored. */
type Assigned = 'seq' | 'id' | 'changeKey';
export type NewMessage = Omit<StoredMessage, Assigned | 'immutableId' | 'conversationId'> & { conversationId?: string };
export type NewEvent = Omit<StoredEvent, Assigned>;

/**
 * Exchange's rights of one user on another's mailbox (Exchange Online "mailbox permissions"):
 * Full Access opens every folder; Send As sends with no trace of the real sender; Send on Behalf
 * sends with the real sender shown. Source: microsoft-graph-docs concepts/outlook-send-mail-from-other-user.md.
 */
export const MAILBOX_RIGHTS = ['fullAccess', 'sendAs', 'sendOnBehalf'] as const;
export type MailboxRight = typeof MAILBOX_RIGHTS[number];

/** A user's own mailbox, or a shared mailbox (whose account is disabled: reached only through rights). */
export type MailboxKind = 'user' | 'shared';

export class Mailbox {
  readonly ids: IdFactory;
  readonly sent: SentRecord[] = [];
  readonly allMessages = new Collection<StoredMessage>(MESSAGE_SORT_KEYS);
  readonly allEvents = new Collection<StoredEvent>(EVENT_SORT_KEYS);
  readonly calendars: Calendar[] = [];
  /** Contacts and contact folders (contacts.ts). */
  readonly contacts: ContactStore;
  /** Change tracking for delta queries: what changed where, and the sync states handed out. */
  readonly delta: MailboxDelta;

  private seq = 0;
  private readonly folders = new Map<string, Folder>();
  private readonly wellKnown = new Map<string, string>();
  private readonly folderItems = new Map<string, Collection<StoredMessage>>();
  private readonly messagesById = new Map<string, StoredMessage>();
  private readonly calendarItems = new Map<string, Collection<StoredEvent>>();
  private readonly eventsById = new Map<string, StoredEvent>();
  private readonly transactions = new Map<string, StoredEvent>();
  /** Rights other users hold on this mailbox, by their user id. */
  private readonly delegates = new Map<string, Set<MailboxRight>>();

  /**
   * @param enabled false for a user without an Exchange Online mailbox (unlicensed, on-premises):
   *   the user exists in the directory, Outlook routes answer MailboxNotEnabledForRESTAPI.
   */
  constructor(readonly user: User, seed: number, readonly tenant: Tenant, readonly kind: MailboxKind = 'user', readonly enabled = true) {
    this.ids = createIdFactory(seed, user.id);
    this.delta = new MailboxDelta(seed, user.id);
    this.contacts = new ContactStore(this.ids, this.delta.journal);
  }

  /** The primary SMTP address. */
  get address(): string {
    return this.user.mail;
  }

  /** Every name Exchange resolves to this mailbox: UPN, primary and proxy SMTP addresses (lower case). */
  get addresses(): string[] {
    return [...new Set([this.user.userPrincipalName, this.user.mail, ...this.user.proxyAddresses].map((a) => a.toLowerCase()))];
  }

  /** Whether this address (any case) is one of the mailbox's own. */
  owns(address: string): boolean {
    return this.addresses.includes(address.toLowerCase());
  }

  // ---- rights of other users ----

  grant(userId: string, rights: readonly MailboxRight[]): void {
    const held = this.delegates.get(userId) ?? new Set<MailboxRight>();
    for (const right of rights) held.add(right);
    this.delegates.set(userId, held);
  }

  /** Without `rights`, every right the user holds. */
  revoke(userId: string, rights: readonly MailboxRight[] = MAILBOX_RIGHTS): void {
    const held = this.delegates.get(userId);
    for (const right of rights) held?.delete(right);
  }

  hasRight(userId: string, right: MailboxRight): boolean {
    return this.delegates.get(userId)?.has(right) ?? false;
  }

  rightsOf(userId: string): MailboxRight[] {
    return MAILBOX_RIGHTS.filter((r) => this.hasRight(userId, r));
  }

  // ---- folders ----

  createFolder(displayName: string, parent: Folder | null, wellKnownName?: WellKnownFolder, isHidden = false): Folder {
    this.seq += 1;
    const folder: Folder = {
      seq: this.seq,
      id: this.ids.next('folder'),
      displayName,
      parentFolderId: parent ? parent.id : this.ids.next('folder'),
      childIds: [],
      isHidden,
      totalItemCount: 0,
      unreadItemCount: 0,
    };
    this.folders.set(folder.id, folder);
    this.folderItems.set(folder.id, new Collection(MESSAGE_SORT_KEYS));
    parent?.childIds.push(folder.id);
    if (wellKnownName) this.wellKnown.set(wellKnownName, folder.id);
    return folder;
  }

  /** A folder by id or well-known name. */
  folder(idOrName: string): Folder | undefined {
    return this.folders.get(this.wellKnown.get(idOrName.toLowerCase()) ?? idOrName);
  }

  /** By display name, case-insensitively (first match): for the control API, not for Graph. */
  folderNamed(displayName: string): Folder | undefined {
    const wanted = displayName.toLowerCase();
    for (const folder of this.folders.values()) if (folder.displayName.toLowerCase() === wanted) return folder;
    return undefined;
  }

  wellKnownFolder(name: WellKnownFolder): Folder {
    return this.folder(name) as Folder;
  }

  childFolders(folder: Folder): Folder[] {
    return folder.childIds.map((id) => this.folders.get(id) as Folder);
  }

  folderMessages(folder: Folder): Collection<StoredMessage> {
    return this.folderItems.get(folder.id) as Collection<StoredMessage>;
  }

  // ---- messages ----

  /** Takes ownership of the drafts: they become the stored items. */
  insertMessages(drafts: readonly NewMessage[]): StoredMessage[] {
    const stored = drafts.map((draft) => this.assignMessage(draft));
    const byFolder = new Map<string, StoredMessage[]>();
    for (const m of stored) {
      const list = byFolder.get(m.folderId) ?? [];
      list.push(m);
      byFolder.set(m.folderId, list);
      this.countIn(m, 1);
    }
    for (const [folderId, list] of byFolder) (this.folderItems.get(folderId) as Collection<StoredMessage>).addMany(list);
    this.allMessages.addMany(stored);
    return stored;
  }

  insertMessage(draft: NewMessage): StoredMessage {
    return this.insertMessages([draft])[0];
  }

  /** By REST id or immutable id. */
  message(id: string): StoredMessage | undefined {
    return this.messagesById.get(id);
  }

  /** Applies a change and bumps lastModifiedDateTime and the change key, as any Exchange write does. */
  updateMessage(message: StoredMessage, now: number, change: (m: StoredMessage) => void): void {
    const folderItems = this.folderItems.get(message.folderId) as Collection<StoredMessage>;
    this.countIn(message, -1);
    folderItems.update(message, () => this.allMessages.update(message, () => {
      change(message);
      this.touch(message, now);
    }));
    this.countIn(message, 1);
  }

  /** A move gives the message a new REST id (the immutable id stays), like Exchange. */
  moveMessage(message: StoredMessage, target: Folder, now: number, reason: RemovedReason = 'deleted'): void {
    if (target.id === message.folderId) return;
    this.countIn(message, -1);
    this.messageLeft(message, reason);
    (this.folderItems.get(message.folderId) as Collection<StoredMessage>).remove(message);
    this.messagesById.delete(message.id);
    this.allMessages.update(message, () => {
      message.folderId = target.id;
      message.id = this.ids.next('message');
      this.touch(message, now);
    });
    this.messagesById.set(message.id, message);
    this.folderMessages(target).add(message);
    this.delta.journal.entered(message, target.id);
    this.countIn(message, 1);
  }

  /**
   * POST /copy: a new item (new REST and immutable ids, created now) with the original's content,
   * times, Internet Message-ID and extended properties, as Exchange copies. Lists see it only once
   * the replication delay has passed since now (storedAt), not since the received time it keeps.
   */
  copyMessage(message: StoredMessage, target: Folder, now: number): StoredMessage {
    // The ids and change key the spread carries over are assigned anew by insertMessage.
    return this.insertMessage({
      ...message,
      folderId: target.id,
      createdAt: now,
      lastModifiedAt: now,
      storedAt: now,
      categories: [...message.categories],
      attachments: message.attachments.map((a) => ({ ...a })),
      ...(message.flagDates && { flagDates: { ...message.flagDates } }),
    });
  }

  /** Gone for good (a permanent delete, or a delete in Deleted Items): every id now answers 404. */
  removeMessage(message: StoredMessage): void {
    this.deleteMessage(message, 0, true);
  }

  /**
   * Graph's DELETE: into Deleted Items (a move, with a new REST id); from Deleted Items, or with
   * `permanent`, out of the mailbox. `reason` is what delta queries report for the source folder.
   */
  deleteMessage(message: StoredMessage, now: number, permanent = false, reason: RemovedReason = 'deleted'): void {
    const bin = this.wellKnownFolder('deleteditems');
    if (!permanent && message.folderId !== bin.id) {
      this.moveMessage(message, bin, now, reason);
      return;
    }
    this.countIn(message, -1);
    this.messageLeft(message, reason);
    (this.folderItems.get(message.folderId) as Collection<StoredMessage>).remove(message);
    this.allMessages.remove(message);
    this.messagesById.delete(message.id);
    this.messagesById.delete(message.immutableId);
  }

  private messageLeft(message: StoredMessage, reason: RemovedReason): void {
    this.delta.journal.left(message, { restId: message.id, immutableId: message.immutableId, receivedAt: message.receivedAt, reason });
  }

  private touch(item: StoredMessage | StoredEvent, now: number): void {
    item.lastModifiedAt = now;
    item.changeKey = this.ids.changeKey();
    this.delta.journal.touched(item);
  }

  /**
   * Completes the draft in place (it becomes the stored message): copying a 30-field object per
   * item with a spread is what made 100,000-mail bulk inserts slow.
   */
  private assignMessage(draft: NewMessage): StoredMessage {
    const message = draft as StoredMessage;
    this.seq += 1;
    message.seq = this.seq;
    message.id = this.ids.next('message');
    message.immutableId = this.ids.next('immutableMessage');
    message.changeKey = this.ids.changeKey();
    message.conversationId = draft.conversationId ?? this.ids.next('conversation');
    this.messagesById.set(message.id, message);
    this.messagesById.set(message.immutableId, message);
    this.delta.journal.entered(message, message.folderId);
    return message;
  }

  private countIn(message: StoredMessage, delta: 1 | -1): void {
    const folder = this.folders.get(message.folderId);
    if (!folder) return;
    folder.totalItemCount += delta;
    if (!message.isRead) folder.unreadItemCount += delta;
  }

  // ---- calendars and events ----

  createCalendar(name: string, color: string, hexColor: string): Calendar {
    this.seq += 1;
    const calendar: Calendar = {
      seq: this.seq,
      id: this.ids.next('calendar'),
      name,
      owner: { name: this.user.displayName, address: this.address },
      color,
      hexColor,
      changeKey: this.ids.changeKey(),
      isDefaultCalendar: this.calendars.length === 0,
    };
    this.calendars.push(calendar);
    this.calendarItems.set(calendar.id, new Collection(EVENT_SORT_KEYS));
    return calendar;
  }

  /** By id, or 'calendar'-style access to the default one when id is undefined. */
  calendar(id?: string): Calendar | undefined {
    return id === undefined ? this.calendars[0] : this.calendars.find((c) => c.id === id);
  }

  calendarEvents(calendar: Calendar): Collection<StoredEvent> {
    return this.calendarItems.get(calendar.id) as Collection<StoredEvent>;
  }

  /** Takes ownership of the drafts: they become the stored items. */
  insertEvents(drafts: readonly NewEvent[]): StoredEvent[] {
    const stored = drafts.map((draft) => {
      // Completed in place, like messages, to keep bulk inserts fast.
      const event = draft as StoredEvent;
      this.seq += 1;
      event.seq = this.seq;
      event.id = this.ids.next('event');
      event.changeKey = this.ids.changeKey();
      this.eventsById.set(event.id, event);
      if (event.transactionId) this.transactions.set(event.transactionId, event);
      this.delta.journal.entered(event, event.calendarId);
      return event;
    });
    for (const calendar of this.calendars) {
      const mine = stored.filter((e) => e.calendarId === calendar.id);
      if (mine.length) this.calendarEvents(calendar).addMany(mine);
    }
    this.allEvents.addMany(stored);
    return stored;
  }

  event(id: string): StoredEvent | undefined {
    return this.eventsById.get(id);
  }

  /** DELETE of a single event or a whole series: gone from every list and lookup (its transactionId too). */
  removeEvent(event: StoredEvent): void {
    this.delta.journal.left(event, { restId: event.id, immutableId: event.id, reason: 'deleted', item: event });
    this.calendarItems.get(event.calendarId)?.remove(event);
    this.allEvents.remove(event);
    this.eventsById.delete(event.id);
    if (event.transactionId && this.transactions.get(event.transactionId) === event) this.transactions.delete(event.transactionId);
  }

  eventByTransactionId(transactionId: string): StoredEvent | undefined {
    return this.transactions.get(transactionId);
  }

  updateEvent(event: StoredEvent, now: number, change: (e: StoredEvent) => void): void {
    const calendarItems = this.calendarItems.get(event.calendarId) as Collection<StoredEvent>;
    calendarItems.update(event, () => this.allEvents.update(event, () => {
      change(event);
      this.touch(event, now);
    }));
  }
}
