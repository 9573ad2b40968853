"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Mailbox = exports.MAILBOX_RIGHTS = exports.WELL_KNOWN_FOLDERS = void 0;
/**
 * One user's mailbox: folders, messages, calendars, events, contacts and the sendMail log, with
 * the bookkeeping Exchange does implicitly (folder counters, change keys, ids that change on move).
 */
const collection_1 = require("./collection");
const entity_message_1 = require("./entity-message");
const entity_event_1 = require("./entity-event");
const delta_1 = require("./delta");
const contacts_1 = require("./contacts");
const ids_1 = require("./ids");
/** Names Graph accepts in place of a folder id (case-insensitively). */
exports.WELL_KNOWN_FOLDERS = [
    'msgfolderroot', 'inbox', 'sentitems', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox',
];
/**
 * Exchange's rights of one user on another's mailbox (Exchange Online "mailbox permissions"):
 * Full Access opens every folder; Send As sends with no trace of the real sender; Send on Behalf
 * sends with the real sender shown. Source: microsoft-graph-docs concepts/outlook-send-mail-from-other-user.md.
 */
exports.MAILBOX_RIGHTS = ['fullAccess', 'sendAs', 'sendOnBehalf'];
class Mailbox {
    user;
    tenant;
    kind;
    enabled;
    ids;
    sent = [];
    allMessages = new collection_1.Collection(entity_message_1.MESSAGE_SORT_KEYS);
    allEvents = new collection_1.Collection(entity_event_1.EVENT_SORT_KEYS);
    calendars = [];
    /** Contacts and contact folders (contacts.ts). */
    contacts;
    /** Change tracking for delta queries: what changed where, and the sync states handed out. */
    delta;
    seq = 0;
    folders = new Map();
    wellKnown = new Map();
    folderItems = new Map();
    messagesById = new Map();
    calendarItems = new Map();
    eventsById = new Map();
    transactions = new Map();
    /** Rights other users hold on this mailbox, by their user id. */
    delegates = new Map();
    /**
     * @param enabled false for a user without an Exchange Online mailbox (unlicensed, on-premises):
     *   the user exists in the directory, Outlook routes answer MailboxNotEnabledForRESTAPI.
     */
    constructor(user, seed, tenant, kind = 'user', enabled = true) {
        this.user = user;
        this.tenant = tenant;
        this.kind = kind;
        this.enabled = enabled;
        this.ids = (0, ids_1.createIdFactory)(seed, user.id);
        this.delta = new delta_1.MailboxDelta(seed, user.id);
        this.contacts = new contacts_1.ContactStore(this.ids, this.delta.journal);
    }
    /** The primary SMTP address. */
    get address() {
        return this.user.mail;
    }
    /** Every name Exchange resolves to this mailbox: UPN, primary and proxy SMTP addresses (lower case). */
    get addresses() {
        return [...new Set([this.user.userPrincipalName, this.user.mail, ...this.user.proxyAddresses].map((a) => a.toLowerCase()))];
    }
    /** Whether this address (any case) is one of the mailbox's own. */
    owns(address) {
        return this.addresses.includes(address.toLowerCase());
    }
    // ---- rights of other users ----
    grant(userId, rights) {
        const held = this.delegates.get(userId) ?? new Set();
        for (const right of rights)
            held.add(right);
        this.delegates.set(userId, held);
    }
    /** Without `rights`, every right the user holds. */
    revoke(userId, rights = exports.MAILBOX_RIGHTS) {
        const held = this.delegates.get(userId);
        for (const right of rights)
            held?.delete(right);
    }
    hasRight(userId, right) {
        return this.delegates.get(userId)?.has(right) ?? false;
    }
    rightsOf(userId) {
        return exports.MAILBOX_RIGHTS.filter((r) => this.hasRight(userId, r));
    }
    // ---- folders ----
    createFolder(displayName, parent, wellKnownName, isHidden = false) {
        this.seq += 1;
        const folder = {
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
        this.folderItems.set(folder.id, new collection_1.Collection(entity_message_1.MESSAGE_SORT_KEYS));
        parent?.childIds.push(folder.id);
        if (wellKnownName)
            this.wellKnown.set(wellKnownName, folder.id);
        return folder;
    }
    /** A folder by id or well-known name. */
    folder(idOrName) {
        return this.folders.get(this.wellKnown.get(idOrName.toLowerCase()) ?? idOrName);
    }
    /** By display name, case-insensitively (first match): for the control API, not for Graph. */
    folderNamed(displayName) {
        const wanted = displayName.toLowerCase();
        for (const folder of this.folders.values())
            if (folder.displayName.toLowerCase() === wanted)
                return folder;
        return undefined;
    }
    wellKnownFolder(name) {
        return this.folder(name);
    }
    childFolders(folder) {
        return folder.childIds.map((id) => this.folders.get(id));
    }
    folderMessages(folder) {
        return this.folderItems.get(folder.id);
    }
    // ---- messages ----
    /** Takes ownership of the drafts: they become the stored items. */
    insertMessages(drafts) {
        const stored = drafts.map((draft) => this.assignMessage(draft));
        const byFolder = new Map();
        for (const m of stored) {
            const list = byFolder.get(m.folderId) ?? [];
            list.push(m);
            byFolder.set(m.folderId, list);
            this.countIn(m, 1);
        }
        for (const [folderId, list] of byFolder)
            this.folderItems.get(folderId).addMany(list);
        this.allMessages.addMany(stored);
        return stored;
    }
    insertMessage(draft) {
        return this.insertMessages([draft])[0];
    }
    /** By REST id or immutable id. */
    message(id) {
        return this.messagesById.get(id);
    }
    /** Applies a change and bumps lastModifiedDateTime and the change key, as any Exchange write does. */
    updateMessage(message, now, change) {
        const folderItems = this.folderItems.get(message.folderId);
        this.countIn(message, -1);
        folderItems.update(message, () => this.allMessages.update(message, () => {
            change(message);
            this.touch(message, now);
        }));
        this.countIn(message, 1);
    }
    /** A move gives the message a new REST id (the immutable id stays), like Exchange. */
    moveMessage(message, target, now, reason = 'deleted') {
        if (target.id === message.folderId)
            return;
        this.countIn(message, -1);
        this.messageLeft(message, reason);
        this.folderItems.get(message.folderId).remove(message);
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
    copyMessage(message, target, now) {
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
    removeMessage(message) {
        this.deleteMessage(message, 0, true);
    }
    /**
     * Graph's DELETE: into Deleted Items (a move, with a new REST id); from Deleted Items, or with
     * `permanent`, out of the mailbox. `reason` is what delta queries report for the source folder.
     */
    deleteMessage(message, now, permanent = false, reason = 'deleted') {
        const bin = this.wellKnownFolder('deleteditems');
        if (!permanent && message.folderId !== bin.id) {
            this.moveMessage(message, bin, now, reason);
            return;
        }
        this.countIn(message, -1);
        this.messageLeft(message, reason);
        this.folderItems.get(message.folderId).remove(message);
        this.allMessages.remove(message);
        this.messagesById.delete(message.id);
        this.messagesById.delete(message.immutableId);
    }
    messageLeft(message, reason) {
        this.delta.journal.left(message, { restId: message.id, immutableId: message.immutableId, receivedAt: message.receivedAt, reason });
    }
    touch(item, now) {
        item.lastModifiedAt = now;
        item.changeKey = this.ids.changeKey();
        this.delta.journal.touched(item);
    }
    /**
     * Completes the draft in place (it becomes the stored message): copying a 30-field object per
     * item with a spread is what made 100,000-mail bulk inserts slow.
     */
    assignMessage(draft) {
        const message = draft;
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
    countIn(message, delta) {
        const folder = this.folders.get(message.folderId);
        if (!folder)
            return;
        folder.totalItemCount += delta;
        if (!message.isRead)
            folder.unreadItemCount += delta;
    }
    // ---- calendars and events ----
    createCalendar(name, color, hexColor) {
        this.seq += 1;
        const calendar = {
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
        this.calendarItems.set(calendar.id, new collection_1.Collection(entity_event_1.EVENT_SORT_KEYS));
        return calendar;
    }
    /** By id, or 'calendar'-style access to the default one when id is undefined. */
    calendar(id) {
        return id === undefined ? this.calendars[0] : this.calendars.find((c) => c.id === id);
    }
    calendarEvents(calendar) {
        return this.calendarItems.get(calendar.id);
    }
    /** Takes ownership of the drafts: they become the stored items. */
    insertEvents(drafts) {
        const stored = drafts.map((draft) => {
            // Completed in place, like messages, to keep bulk inserts fast.
            const event = draft;
            this.seq += 1;
            event.seq = this.seq;
            event.id = this.ids.next('event');
            event.changeKey = this.ids.changeKey();
            this.eventsById.set(event.id, event);
            if (event.transactionId)
                this.transactions.set(event.transactionId, event);
            this.delta.journal.entered(event, event.calendarId);
            return event;
        });
        for (const calendar of this.calendars) {
            const mine = stored.filter((e) => e.calendarId === calendar.id);
            if (mine.length)
                this.calendarEvents(calendar).addMany(mine);
        }
        this.allEvents.addMany(stored);
        return stored;
    }
    event(id) {
        return this.eventsById.get(id);
    }
    /** DELETE of a single event or a whole series: gone from every list and lookup (its transactionId too). */
    removeEvent(event) {
        this.delta.journal.left(event, { restId: event.id, immutableId: event.id, reason: 'deleted', item: event });
        this.calendarItems.get(event.calendarId)?.remove(event);
        this.allEvents.remove(event);
        this.eventsById.delete(event.id);
        if (event.transactionId && this.transactions.get(event.transactionId) === event)
            this.transactions.delete(event.transactionId);
    }
    eventByTransactionId(transactionId) {
        return this.transactions.get(transactionId);
    }
    updateEvent(event, now, change) {
        const calendarItems = this.calendarItems.get(event.calendarId);
        calendarItems.update(event, () => this.allEvents.update(event, () => {
            change(event);
            this.touch(event, now);
        }));
    }
}
exports.Mailbox = Mailbox;
