/**
 * Writing contacts so that a message handled twice leaves one contact, and a change that changes
 * nothing is not sent.
 *
 * Graph has no conditional create for contacts (no transactionId, no client-chosen id), and its
 * lists show a new contact only after a replication delay, so "look it up, create it if missing"
 * alone creates a second contact when the same message comes again within that delay (a redelivery
 * after the create succeeded but before the platform's ack, or our own retry after a lost answer),
 * or when two containers handle messages for the same new contact at once. So a create:
 *
 * 1. looks for the contact it would make (by a key: an address, or a marker of this message);
 * 2. if there is none, creates it, with a marker (an extended property) saying which create it was;
 * 3. then lists again until its own contact shows, and a little longer: until Graph's clock (the
 *    Date header) is past the second the contact was stamped with by the delay it took to show, so
 *    that a contact another run created in the same second shows too;
 * 4. keeps the oldest matching contact (whole seconds, ties by id: every run sees the same order),
 *    and deletes the ones this component created for the same key that are not it: its own, and
 *    those a crashed run left behind. Contacts people made are never deleted.
 *
 * A create whose answer was lost (a 5xx, a time-out, a dropped connection) may have landed, and
 * Graph's lists would not say so yet: it is not repeated in the same run. The step fails saying
 * so, and its re-run finds the contact, or removes the second one step 4 sees. When the contact
 * found at step 1 was made by this component moments ago (an earlier run's, possibly one that
 * failed that way), the step first waits until contacts made since would show (RECENT_MS by
 * Graph's clock) and looks again, so that one it could not see yet is removed too.
 */
import type { Contact } from '@microsoft/microsoft-graph-types';
import { GraphRequestError } from './errors';
import { contactPath, generatedDisplayName, markerOf } from './contacts';
import type { ContactRecord, Matches } from './contacts';
import type { Logger } from './logger';
import type { GraphSession } from './session';
import { toSecond } from './cursor';

/** Waits between two lists while a new contact is confirmed. */
export const CONFIRM_POLL_MS = 500;
/** Lists a confirmation makes at most, and how long it waits at most by Graph's clock. */
export const CONFIRM_MAX_POLLS = 120;
export const CONFIRM_MAX_WAIT_MS = 60_000;
/** Attempts of a create refused before any work (429), or whose contact a concurrent run removed. */
export const CREATE_ATTEMPTS = 3;
/**
 * How long after a contact this component made another may still be hidden by the replication
 * delay: a contact found that is younger than this (by Graph's clock) is looked for again then.
 */
export const RECENT_MS = 20_000;

export interface CreateOnce {
  session: GraphSession;
  logger: Logger;
  /** Where the contact is created: `/contacts` or `/contactFolders/{id}/contacts` under the mailbox. */
  collection: string;
  body: Contact;
  /** The marker's value: which create this is (the same for every run that must make one contact). */
  marker: string;
  /** The contacts that count as the one this create makes, oldest first. */
  candidates(): Promise<Matches>;
  /** Ids among `contacts` this component created for the same key: safe to delete when not kept. */
  ours(contacts: ContactRecord[]): Promise<Set<string>>;
}

export interface CreateOnceResult {
  contact: ContactRecord;
  /** false: an existing contact was found (or an older one won over the one just created). */
  created: boolean;
  /** Duplicates this component had created, deleted. */
  removed: number;
  /** The new contact could not be seen in Graph's lists in time, so duplicates could not be ruled out. */
  unconfirmed?: boolean;
}

/** An answer that may have been lost after Graph did the work. */
function mayHaveLanded(err: unknown): err is GraphRequestError {
  return err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
}

/** Refused before any work was done: trying again cannot make a second contact. */
function refusedBeforeWork(err: unknown): boolean {
  return err instanceof GraphRequestError && err.statusCode === 429;
}

async function deleteQuietly(session: GraphSession, id: string): Promise<boolean> {
  try {
    await session.delete(contactPath(session.root, id));
    return true;
  } catch (err) {
    // Gone already: another run removed it, or our own earlier attempt did.
    if (err instanceof GraphRequestError && err.statusCode === 404) return false;
    throw err;
  }
}

async function isGone(session: GraphSession, id: string): Promise<boolean> {
  try {
    await session.get(`${contactPath(session.root, id)}?$select=id`);
    return false;
  } catch (err) {
    if (err instanceof GraphRequestError && err.statusCode === 404) return true;
    throw err;
  }
}

/** Deletes the contacts of `contacts` other than `keep` that this component created; returns how many. */
async function removeDuplicates(op: CreateOnce, contacts: ContactRecord[], keep: ContactRecord): Promise<number> {
  const others = contacts.filter((c) => c.id !== keep.id);
  if (!others.length) return 0;
  const ours = await op.ours(contacts);
  let removed = 0;
  for (const contact of others) {
    if (ours.has(contact.id!) && await deleteQuietly(op.session, contact.id!)) removed += 1;
  }
  if (removed) op.logger.info(`Removed ${removed} duplicate contact(s) an earlier run had created`);
  return removed;
}

/**
 * Lists until `created` shows, then until a contact made in the same second would show too.
 * Returns the last list, 'gone' when a concurrent run already removed `created` as a duplicate,
 * or undefined when it never showed within the limits.
 */
async function confirm(op: CreateOnce, created: ContactRecord, postedAt: number | undefined): Promise<Matches | 'gone' | undefined> {
  const stamped = toSecond(created.createdDateTime);
  let seenAtPoll: number | undefined;
  let lag: number | undefined;
  let last: Matches | undefined;
  for (let polls = 1; ; polls += 1) {
    const found = await op.candidates();
    const { serverTime } = found;
    if (found.contacts.some((c) => c.id === created.id)) {
      last = found;
      seenAtPoll ??= polls;
      if (lag === undefined && serverTime !== undefined && postedAt !== undefined) lag = Math.max(0, serverTime - postedAt);
      // By Graph's clock where it shows one; without a Date header, by as many lists again as it took.
      const settled = lag !== undefined && serverTime !== undefined
        ? serverTime >= (stamped + 1) * 1000 + lag + 1000
        : polls >= 2 * seenAtPoll + 1;
      if (settled) return found;
    } else if (found.contacts.length && await isGone(op.session, created.id!)) {
      return 'gone';
    }
    const waited = serverTime !== undefined && postedAt !== undefined ? serverTime - postedAt : 0;
    if (polls >= CONFIRM_MAX_POLLS || waited > CONFIRM_MAX_WAIT_MS) return last;
    await op.session.wait(CONFIRM_POLL_MS);
  }
}

/**
 * A contact found that this component made moments ago: contacts made since (by a run whose
 * answer was lost) may still be hidden. Waits until they would show, then lists again.
 */
async function settleFound(op: CreateOnce, found: Matches): Promise<Matches> {
  const ours = await op.ours(found.contacts);
  const newest = Math.max(...found.contacts.filter((c) => ours.has(c.id!)).map((c) => Date.parse(c.createdDateTime ?? '')));
  if (!Number.isFinite(newest)) return found;
  let latest = found;
  for (let polls = 0; ; polls += 1) {
    const now = latest.serverTime;
    // By Graph's clock; without a Date header, by as many lists as that wait would take.
    const settled = now !== undefined ? now >= newest + 1000 + RECENT_MS : polls * CONFIRM_POLL_MS >= RECENT_MS;
    if (settled || polls >= CONFIRM_MAX_POLLS) return latest;
    await op.session.wait(CONFIRM_POLL_MS);
    latest = await op.candidates();
    if (!latest.contacts.length) return latest;
  }
}

export async function createOnce(op: CreateOnce): Promise<CreateOnceResult> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
    let found = await op.candidates();
    if (found.contacts.length) {
      found = await settleFound(op, found);
      if (found.contacts.length) {
        const [keep] = found.contacts;
        return { contact: keep, created: false, removed: await removeDuplicates(op, found.contacts, keep) };
      }
    }
    let created: ContactRecord;
    let postedAt: number | undefined;
    try {
      const answer = await op.session.post<ContactRecord>(op.collection, { ...op.body, singleValueExtendedProperties: [markerOf(op.marker)] }, { idempotent: false });
      created = answer.body;
      postedAt = parseDate(answer.headers.get('date'));
    } catch (err) {
      if (mayHaveLanded(err)) {
        throw new GraphRequestError(`${err.message} The contact may have been created all the same: run the message again, and it is found (a second one removed) instead of created twice.`, err.statusCode, err.code, err.requestId);
      }
      if (!refusedBeforeWork(err)) throw err;
      lastError = err;
      continue;
    }
    const settled = await confirm(op, created, postedAt);
    if (settled === 'gone') continue;
    if (!settled) {
      op.logger.warn('The new contact did not show in Outlook\'s lists in time; a duplicate made at the same moment could not be ruled out');
      return { contact: created, created: true, removed: 0, unconfirmed: true };
    }
    const [keep] = settled.contacts;
    if (keep.id === created.id) return { contact: created, created: true, removed: await removeDuplicates(op, settled.contacts, keep) };
    // An older contact came first (another run's, or an earlier attempt's whose answer was lost): ours goes.
    const removed = (await deleteQuietly(op.session, created.id!) ? 1 : 0) + await removeDuplicates(op, settled.contacts.filter((c) => c.id !== created.id), keep);
    return { contact: keep, created: false, removed };
  }
  throw lastError;
}

function parseDate(header: string | null): number | undefined {
  const ms = header ? Date.parse(header) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

// ---- changes: only what differs is sent ----------------------------------------------------

const dateOf = (value: unknown): string | undefined => (typeof value === 'string' && value ? value.slice(0, 10) : undefined);

function sameAddress(a: unknown, b: unknown): boolean {
  const parts = (x: unknown) => Object.entries((x ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '').sort(([k1], [k2]) => k1.localeCompare(k2));
  return JSON.stringify(parts(a)) === JSON.stringify(parts(b));
}

function sameEmails(wanted: unknown, current: unknown): boolean {
  const w = (wanted ?? []) as { address?: string; name?: string }[];
  const c = (current ?? []) as { address?: string; name?: string }[];
  return w.length === c.length && w.every((e, i) => (e.address ?? '').toLowerCase() === (c[i].address ?? '').toLowerCase()
    && (e.name === undefined || e.name === c[i].name));
}

function same(field: string, wanted: unknown, current: unknown): boolean {
  if (field === 'birthday') return dateOf(wanted) === dateOf(current);
  if (field === 'emailAddresses') return sameEmails(wanted, current);
  if (field.endsWith('Address')) return sameAddress(wanted, current);
  if (Array.isArray(wanted)) return JSON.stringify(wanted) === JSON.stringify(current ?? []);
  if (wanted === null) return current === null || current === undefined || current === '';
  return wanted === current;
}

/**
 * The PATCH that takes `current` to `wanted` (given values, and nulls or [] for cleared ones):
 * only the properties that differ, or undefined when none does. Outlook regenerates a display name
 * when the name parts change; one that is not the generated form (set by someone on purpose) is
 * sent along to keep it, unless `wanted` gives a display name itself.
 */
export function changesFor(current: ContactRecord, wanted: Record<string, unknown>): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (!same(field, value, current[field])) changes[field] = value;
  }
  if (!Object.keys(changes).length) return undefined;
  const names = ['givenName', 'middleName', 'surname'].some((f) => f in changes);
  if (names && !('displayName' in changes) && current.displayName && current.displayName !== generatedDisplayName(current)) {
    changes.displayName = current.displayName;
  }
  return changes;
}
