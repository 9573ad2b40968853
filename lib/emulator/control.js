"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ControlError = void 0;
exports.createControl = createControl;
/**
 * The in-process control surface for tests, demos and harnesses: mint tokens as if a user had
 * just consented, inject and change mail and events (timestamps from the emulator clock), read
 * what was sent, arm faults and read traffic statistics. The HTTP control API maps onto this.
 */
const compose_1 = require("./compose");
const entity_1 = require("./entity");
const entity_event_1 = require("./entity-event");
const entity_message_1 = require("./entity-message");
const errors_1 = require("./errors");
const event_input_1 = require("./event-input");
const mutations_1 = require("./mutations");
const token_1 = require("./token");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
/** A control call that cannot be done; `status` is what the HTTP control API answers. */
class ControlError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ControlError';
    }
}
exports.ControlError = ControlError;
const PLAIN = { timeZone: timezones_1.UTC_ZONE, immutableIds: false };
function createControl(world) {
    const { directory } = world;
    const mailboxOf = (name) => {
        const mailbox = directory.mailbox(name);
        if (!mailbox)
            throw new ControlError(404, `no mailbox '${name}'`);
        return mailbox;
    };
    const folderOf = (mailbox, idOrName = 'inbox') => {
        const folder = mailbox.folder(idOrName) ?? mailbox.folderNamed(idOrName);
        if (!folder)
            throw new ControlError(404, `no folder '${idOrName}' in ${mailbox.address}`);
        return folder;
    };
    const findItem = (id, find) => {
        for (const mailbox of directory.mailboxes) {
            const item = find(mailbox);
            if (item)
                return [mailbox, item];
        }
        throw new ControlError(404, `no item with id '${id}'`);
    };
    /**
     * Resolves everything but subject and time once (folder, addresses, attachments) and returns a
     * maker for drafts: bulk inserts share these instead of re-parsing per mail. Stored messages
     * never mutate them in place, so sharing is safe.
     */
    const mailMaker = (mailbox, o) => {
        if (o.from === undefined)
            throw new ControlError(400, "'from' is required");
        const shared = {
            folderId: folderOf(mailbox, o.folder).id,
            from: (0, compose_1.toEmailAddress)(o.from),
            to: (o.to ?? [mailbox.address]).map(compose_1.toEmailAddress),
            cc: (o.cc ?? []).map(compose_1.toEmailAddress),
            bcc: (o.bcc ?? []).map(compose_1.toEmailAddress),
            attachments: (o.attachments ?? [])
                .map((a) => ({ name: a.name, contentType: a.contentType ?? 'application/octet-stream', size: a.size })),
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
        return (receivedAt, subject) => (0, compose_1.composeMessage)(shared, { subject, receivedAt }, mailbox.ids.hex(20));
    };
    const eventDraft = (mailbox, o, createdAt) => {
        const calendar = o.calendar === undefined ? mailbox.calendar() : mailbox.calendar(o.calendar);
        if (!calendar)
            throw new ControlError(404, `no calendar '${o.calendar}' in ${mailbox.address}`);
        const start = createdAt + 24 * 3600 * 1000;
        const json = {
            start: { dateTime: (0, timefmt_1.wallTicks)(start), timeZone: 'UTC' },
            end: { dateTime: (0, timefmt_1.wallTicks)(start + 30 * 60 * 1000), timeZone: 'UTC' },
            ...o,
        };
        return (0, event_input_1.readEvent)(json, mailbox, calendar.id, createdAt);
    };
    /** Graph validation errors surface as 400s of the control API. */
    const asControl = (run) => {
        try {
            return run();
        }
        catch (err) {
            if (err instanceof errors_1.GraphError)
                throw new ControlError(err.status, `${err.code}: ${err.message}`);
            throw err;
        }
    };
    const timestamp = (value, name) => {
        if (value === undefined)
            return world.now();
        if (typeof value !== 'number' || !Number.isFinite(value))
            throw new ControlError(400, `'${name}' must be epoch milliseconds`);
        // Stored at whole ms; $filter literals finer than that still compare exactly (see odata.ts).
        return Math.round(value);
    };
    /** Timestamps for a bulk insert: `count` of them, `stepMs` apart, the last one near now(). */
    const bulkTimes = (count, stepMs = 250, startAt) => {
        if (!Number.isInteger(count) || count < 1)
            throw new ControlError(400, 'count must be a positive integer');
        const first = startAt ?? world.now() - count * stepMs;
        return Array.from({ length: count }, (_, i) => Math.round(first + i * stepMs));
    };
    return {
        issueTokens: (options = {}) => world.tokens.issue(mailboxOf(options.mailbox).address, options.scope ?? token_1.DEFAULT_SCOPE),
        expireAccessTokens: () => world.tokens.expireAccessTokens(),
        revokeRefreshToken: (refreshToken) => world.tokens.revokeRefreshToken(refreshToken),
        revokeAll: () => world.tokens.revokeAll(),
        addMail(options) {
            const mailbox = mailboxOf(options.mailbox);
            if (typeof options.subject !== 'string')
                throw new ControlError(400, "'subject' is required");
            const draft = mailMaker(mailbox, options)(timestamp(options.receivedAt, 'receivedAt'), options.subject);
            return (0, entity_1.render)(entity_message_1.MESSAGE, mailbox.insertMessage(draft), PLAIN);
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
            (0, mutations_1.changeMail)(mailbox, message, {
                isRead: changes.isRead,
                flagStatus: changes.flag,
                categories: changes.categories,
                moveTo: changes.moveTo === undefined ? undefined : folderOf(mailbox, changes.moveTo),
            }, world.now());
            return (0, entity_1.render)(entity_message_1.MESSAGE, message, PLAIN);
        },
        addEvent(options) {
            const mailbox = mailboxOf(options.mailbox);
            const draft = asControl(() => eventDraft(mailbox, options, timestamp(options.createdAt, 'createdAt')));
            return (0, entity_1.render)(entity_event_1.EVENT, mailbox.insertEvents([draft])[0], PLAIN);
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
            asControl(() => (0, mutations_1.changeEvent)(mailbox, event, graphChanges, world.now(), isCancelled));
            return (0, entity_1.render)(entity_event_1.EVENT, event, PLAIN);
        },
        sent: (mailbox) => mailboxOf(mailbox).sent.map((r) => ({ ...r })),
        setFaults: (rules) => world.faults.set(rules),
        clearFaults: () => world.faults.clear(),
        faults: () => world.faults.list(),
        stats: () => world.stats.snapshot(),
        resetStats: () => world.stats.reset(),
    };
}
