"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECENT_MS = exports.CREATE_ATTEMPTS = exports.CONFIRM_MAX_WAIT_MS = exports.CONFIRM_MAX_POLLS = exports.CONFIRM_POLL_MS = void 0;
exports.createOnce = createOnce;
exports.changesFor = changesFor;
const errors_1 = require("./errors");
const contacts_1 = require("./contacts");
const cursor_1 = require("./cursor");
/** Waits between two lists while a new contact is confirmed. */
exports.CONFIRM_POLL_MS = 500;
/** Lists a confirmation makes at most, and how long it waits at most by Graph's clock. */
exports.CONFIRM_MAX_POLLS = 120;
exports.CONFIRM_MAX_WAIT_MS = 60_000;
/** Attempts of a create refused before any work (429), or whose contact a concurrent run removed. */
exports.CREATE_ATTEMPTS = 3;
/**
 * How long after a contact this component made another may still be hidden by the replication
 * delay: a contact found that is younger than this (by Graph's clock) is looked for again then.
 */
exports.RECENT_MS = 20_000;
/** An answer that may have been lost after Graph did the work. */
function mayHaveLanded(err) {
    return err instanceof errors_1.GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
}
/** Refused before any work was done: trying again cannot make a second contact. */
function refusedBeforeWork(err) {
    return err instanceof errors_1.GraphRequestError && err.statusCode === 429;
}
async function deleteQuietly(session, id) {
    try {
        await session.delete((0, contacts_1.contactPath)(session.root, id));
        return true;
    }
    catch (err) {
        // Gone already: another run removed it, or our own earlier attempt did.
        if (err instanceof errors_1.GraphRequestError && err.statusCode === 404)
            return false;
        throw err;
    }
}
async function isGone(session, id) {
    try {
        await session.get(`${(0, contacts_1.contactPath)(session.root, id)}?$select=id`);
        return false;
    }
    catch (err) {
        if (err instanceof errors_1.GraphRequestError && err.statusCode === 404)
            return true;
        throw err;
    }
}
/** Deletes the contacts of `contacts` other than `keep` that this component created; returns how many. */
async function removeDuplicates(op, contacts, keep) {
    const others = contacts.filter((c) => c.id !== keep.id);
    if (!others.length)
        return 0;
    const ours = await op.ours(contacts);
    let removed = 0;
    for (const contact of others) {
        if (ours.has(contact.id) && await deleteQuietly(op.session, contact.id))
            removed += 1;
    }
    if (removed)
        op.logger.info(`Removed ${removed} duplicate contact(s) an earlier run had created`);
    return removed;
}
/**
 * Lists until `created` shows, then until a contact made in the same second would show too.
 * Returns the last list, 'gone' when a concurrent run already removed `created` as a duplicate,
 * or undefined when it never showed within the limits.
 */
async function confirm(op, created, postedAt) {
    const stamped = (0, cursor_1.toSecond)(created.createdDateTime);
    let seenAtPoll;
    let lag;
    let last;
    for (let polls = 1;; polls += 1) {
        const found = await op.candidates();
        const { serverTime } = found;
        if (found.contacts.some((c) => c.id === created.id)) {
            last = found;
            seenAtPoll ??= polls;
            if (lag === undefined && serverTime !== undefined && postedAt !== undefined)
                lag = Math.max(0, serverTime - postedAt);
            // By Graph's clock where it shows one; without a Date header, by as many lists again as it took.
            const settled = lag !== undefined && serverTime !== undefined
                ? serverTime >= (stamped + 1) * 1000 + lag + 1000
                : polls >= 2 * seenAtPoll + 1;
            if (settled)
                return found;
        }
        else if (found.contacts.length && await isGone(op.session, created.id)) {
            return 'gone';
        }
        const waited = serverTime !== undefined && postedAt !== undefined ? serverTime - postedAt : 0;
        if (polls >= exports.CONFIRM_MAX_POLLS || waited > exports.CONFIRM_MAX_WAIT_MS)
            return last;
        await op.session.wait(exports.CONFIRM_POLL_MS);
    }
}
/**
 * A contact found that this component made moments ago: contacts made since (by a run whose
 * answer was lost) may still be hidden. Waits until they would show, then lists again.
 */
async function settleFound(op, found) {
    const ours = await op.ours(found.contacts);
    const newest = Math.max(...found.contacts.filter((c) => ours.has(c.id)).map((c) => Date.parse(c.createdDateTime ?? '')));
    if (!Number.isFinite(newest))
        return found;
    let latest = found;
    for (let polls = 0;; polls += 1) {
        const now = latest.serverTime;
        // By Graph's clock; without a Date header, by as many lists as that wait would take.
        const settled = now !== undefined ? now >= newest + 1000 + exports.RECENT_MS : polls * exports.CONFIRM_POLL_MS >= exports.RECENT_MS;
        if (settled || polls >= exports.CONFIRM_MAX_POLLS)
            return latest;
        await op.session.wait(exports.CONFIRM_POLL_MS);
        latest = await op.candidates();
        if (!latest.contacts.length)
            return latest;
    }
}
async function createOnce(op) {
    let lastError;
    for (let attempt = 1; attempt <= exports.CREATE_ATTEMPTS; attempt += 1) {
        let found = await op.candidates();
        if (found.contacts.length) {
            found = await settleFound(op, found);
            if (found.contacts.length) {
                const [keep] = found.contacts;
                return { contact: keep, created: false, removed: await removeDuplicates(op, found.contacts, keep) };
            }
        }
        let created;
        let postedAt;
        try {
            const answer = await op.session.post(op.collection, { ...op.body, singleValueExtendedProperties: [(0, contacts_1.markerOf)(op.marker)] }, { idempotent: false });
            created = answer.body;
            postedAt = parseDate(answer.headers.get('date'));
        }
        catch (err) {
            if (mayHaveLanded(err)) {
                throw new errors_1.GraphRequestError(`${err.message} The contact may have been created all the same: run the message again, and it is found (a second one removed) instead of created twice.`, err.statusCode, err.code, err.requestId);
            }
            if (!refusedBeforeWork(err))
                throw err;
            lastError = err;
            continue;
        }
        const settled = await confirm(op, created, postedAt);
        if (settled === 'gone')
            continue;
        if (!settled) {
            op.logger.warn('The new contact did not show in Outlook\'s lists in time; a duplicate made at the same moment could not be ruled out');
            return { contact: created, created: true, removed: 0, unconfirmed: true };
        }
        const [keep] = settled.contacts;
        if (keep.id === created.id)
            return { contact: created, created: true, removed: await removeDuplicates(op, settled.contacts, keep) };
        // An older contact came first (another run's, or an earlier attempt's whose answer was lost): ours goes.
        const removed = (await deleteQuietly(op.session, created.id) ? 1 : 0) + await removeDuplicates(op, settled.contacts.filter((c) => c.id !== created.id), keep);
        return { contact: keep, created: false, removed };
    }
    throw lastError;
}
function parseDate(header) {
    const ms = header ? Date.parse(header) : NaN;
    return Number.isNaN(ms) ? undefined : ms;
}
// ---- changes: only what differs is sent ----------------------------------------------------
const dateOf = (value) => (typeof value === 'string' && value ? value.slice(0, 10) : undefined);
function sameAddress(a, b) {
    const parts = (x) => Object.entries((x ?? {})).filter(([, v]) => v !== null && v !== undefined && v !== '').sort(([k1], [k2]) => k1.localeCompare(k2));
    return JSON.stringify(parts(a)) === JSON.stringify(parts(b));
}
function sameEmails(wanted, current) {
    const w = (wanted ?? []);
    const c = (current ?? []);
    return w.length === c.length && w.every((e, i) => (e.address ?? '').toLowerCase() === (c[i].address ?? '').toLowerCase()
        && (e.name === undefined || e.name === c[i].name));
}
function same(field, wanted, current) {
    if (field === 'birthday')
        return dateOf(wanted) === dateOf(current);
    if (field === 'emailAddresses')
        return sameEmails(wanted, current);
    if (field.endsWith('Address'))
        return sameAddress(wanted, current);
    if (Array.isArray(wanted))
        return JSON.stringify(wanted) === JSON.stringify(current ?? []);
    if (wanted === null)
        return current === null || current === undefined || current === '';
    return wanted === current;
}
/**
 * The PATCH that takes `current` to `wanted` (given values, and nulls or [] for cleared ones):
 * only the properties that differ, or undefined when none does. Outlook regenerates a display name
 * when the name parts change; one that is not the generated form (set by someone on purpose) is
 * sent along to keep it, unless `wanted` gives a display name itself.
 */
function changesFor(current, wanted) {
    const changes = {};
    for (const [field, value] of Object.entries(wanted)) {
        if (!same(field, value, current[field]))
            changes[field] = value;
    }
    if (!Object.keys(changes).length)
        return undefined;
    const names = ['givenName', 'middleName', 'surname'].some((f) => f in changes);
    if (names && !('displayName' in changes) && current.displayName && current.displayName !== (0, contacts_1.generatedDisplayName)(current)) {
        changes.displayName = current.displayName;
    }
    return changes;
}
