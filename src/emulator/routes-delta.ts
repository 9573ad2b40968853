/**
 * Delta queries (delta.ts keeps the changes and the sync states) and DELETE, the change they
 * report besides moves. Messages: `GET /mailFolders/{id}/messages/delta` as message-delta.md and
 * delta-query-messages.md describe it:
 *   - the first request may carry `$select`, `$top`, `changeType=created|updated|deleted`,
 *     `$filter=receivedDateTime ge|gt {value}` and `$orderby=receivedDateTime desc`; they are
 *     encoded in the tokens and apply to every later round, and a request with a token takes none
 *     of them (400);
 *   - pages follow `Prefer: odata.maxpagesize` (of each request), else $top, else 10; every page
 *     but the last has an `@odata.nextLink` ($skiptoken), the last an `@odata.deltaLink`
 *     ($deltatoken);
 *   - items carry `@odata.type`; removed ones are `{id, @removed: {reason}}`.
 * Calendar views: `GET /calendarView/delta` with its window (below). Contacts:
 * `GET /contactFolders/{id}/contacts/delta` (contact-delta.md), the default folder also by its
 * well-known name `contacts`; `$select` on the first request, no change type or filter.
 */
import type { ContactFolder, StoredContact } from './contacts';
import { render } from './entity';
import { CONTACT } from './entity-contact';
import { EVENT_INSTANCE } from './entity-event';
import { MESSAGE } from './entity-message';
import { badRequest, GraphError, invalidFilter, notFound } from './errors';
import { DeltaError } from './delta';
import type { ChangeKind, RoundBuilder, RoundEntry } from './delta';
import { overlaps } from './expand';
import type { Window } from './expand';
import { seriesInstances } from './instances';
import { lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { graphJson } from './http';
import type { HttpResult } from './http';
import type { Calendar, StoredEvent, StoredMessage } from './model';
import { MAX_TOP, parseSelect } from './odata';
import { readWindow } from './routes-calendar-view';
import { folderParam } from './routes-mail';
import { parseDateTimeOffset } from './timefmt';
import { visibleUntil } from './world';

type Token = { kind: 'delta' | 'skip'; value: string };

/** `$deltatoken` / `$skiptoken` (any case, as the docs spell them both ways). */
function stateToken(params: URLSearchParams): Token | undefined {
  for (const [key, value] of params) {
    const name = key.toLowerCase();
    if (name === '$deltatoken') return { kind: 'delta', value };
    if (name === '$skiptoken') return { kind: 'skip', value };
  }
  return undefined;
}

/** A request with a state token takes no other query options: they were fixed by the first request. */
function onlyToken(params: URLSearchParams): void {
  const others = [...params.keys()].filter((key) => !['$deltatoken', '$skiptoken'].includes(key.toLowerCase()));
  if (others.length) throw badRequest(`Query option '${others[0]}' is not allowed with a state token: specify query options on the initial delta request only.`);
}

function pageSizeOption(params: URLSearchParams): number | undefined {
  const raw = params.get('$top');
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_TOP) throw badRequest(`Invalid value '${raw}' for query option '$top': expected an integer from 1 to ${MAX_TOP}.`);
  return Number(raw);
}

function changeTypeOption(params: URLSearchParams): ChangeKind | undefined {
  const entry = [...params].find(([key]) => key.toLowerCase() === 'changetype');
  if (!entry) return undefined;
  const value = entry[1].toLowerCase();
  if (value !== 'created' && value !== 'updated' && value !== 'deleted') {
    throw badRequest(`Invalid value '${entry[1]}' for 'changeType': supported values are created, updated and deleted.`);
  }
  return value;
}

/** The one filter message delta takes: `receivedDateTime ge|gt {DateTimeOffset}`, as the least ms matched. */
function receivedFilter(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const m = /^\s*receivedDateTime\s+(ge|gt)\s+(\S+)\s*$/i.exec(raw);
  const instant = m ? parseDateTimeOffset(m[2]) : undefined;
  if (!m || !instant) throw invalidFilter('The only supported $filter expressions on a delta query are receivedDateTime ge {value} and receivedDateTime gt {value}.');
  return m[1].toLowerCase() === 'gt' || instant.subMs > 0 ? instant.ms + 1 : instant.ms;
}

function descendingOrder(raw: string | null): boolean {
  if (raw === null || raw.trim() === '') return false;
  if (!/^\s*receivedDateTime\s+desc\s*$/i.test(raw)) throw badRequest('The only supported $orderby expression on a delta query is receivedDateTime desc.');
  return true;
}

const INITIAL_OPTIONS = ['$select', '$top', '$filter', '$orderby', 'changetype'] as const;

/** The rounds of a message chain: the folder's changes, kept to the filter and change type. */
function messageRounds(req: GraphRequest, folderId: string, received: number | undefined, changeType: ChangeKind | undefined, descending: boolean): RoundBuilder {
  const { world, mailbox } = req;
  const { journal } = mailbox.delta;
  const matches = (at: number | undefined): boolean => received === undefined || (at ?? 0) >= received;
  return (since) => {
    const limit = visibleUntil(world);
    // Each entry, and for an arrival whose item changed since, that item (kept only if the round ends before the change).
    const found: { entry: RoundEntry; arrivalOf?: object }[] = [];
    let end = journal.seq;
    for (const change of journal.changes(folderId, since ?? 0)) {
      if (change.tomb) {
        // Only what the client knew of can be reported removed; nothing in an initial round.
        if (since !== undefined && change.tomb.entered <= since && matches(change.tomb.receivedAt)) found.push({ entry: { kind: 'deleted', tomb: change.tomb } });
        continue;
      }
      const message = change.item as StoredMessage;
      if (message.receivedAt > limit || (message.storedAt ?? limit) > limit) {
        // Not replicated yet: the round stops short of it, and the next one starts there.
        end = change.seq - 1;
        break;
      }
      if (!matches(message.receivedAt)) continue;
      const kind = since === undefined || change.stamp.entered > since ? 'created' : 'updated';
      found.push({ entry: { kind, item: message }, arrivalOf: change.current ? undefined : message });
    }
    const entries = found.filter(({ arrivalOf }) => !arrivalOf || (journal.stamp(arrivalOf)?.seq ?? 0) > end).map(({ entry }) => entry);
    const kept = since === undefined || !changeType ? entries : entries.filter((entry) => entry.kind === changeType);
    if (since === undefined && descending) kept.sort((a, b) => (b.item as StoredMessage).receivedAt - (a.item as StoredMessage).receivedAt);
    return { entries: kept, end };
  };
}

/** How a delta route starts a chain, and renders what its rounds list. */
interface DeltaRoute {
  /** What a token is valid for (a folder; a calendar and its window). */
  scope: string;
  /** Graph's type name, for @odata.context and @odata.type. */
  type: string;
  /** Query options the first request may carry (lower case), besides none. */
  options: readonly string[];
  /** The first request: its rounds and what else it fixes. */
  start(): { rounds: RoundBuilder; top?: number; data?: unknown };
  /** An item entry as the page shows it; undefined leaves it out. */
  render(item: object, data: unknown): Record<string, unknown> | undefined;
}

/** One delta request: a new chain, or a token's next page or round; then the page. */
function serveDelta(req: GraphRequest, route: DeltaRoute): HttpResult {
  const { store } = req.mailbox.delta;
  const token = stateToken(req.params);
  let next;
  try {
    if (token) {
      onlyToken(req.params);
      next = store.resume(token.value, route.scope, () => badRequest('The state token belongs to another folder or calendar.'));
    } else {
      const unknown = [...req.params.keys()].find((key) => !route.options.includes(key.toLowerCase()));
      if (unknown) throw badRequest(`Query option '${unknown}' is not supported on a delta query.`);
      const { rounds, ...fixed } = route.start();
      next = store.start(route.scope, rounds, fixed);
    }
  } catch (err) {
    if (err instanceof DeltaError) throw new GraphError(err.failure.status, err.failure.code, err.failure.message);
    throw err;
  }
  const page = next(req.prefs.maxPageSize);
  const type = `#microsoft.graph.${route.type}`;
  const value = page.entries.flatMap((entry) => {
    if (entry.tomb) return [{ '@odata.type': type, id: req.render.immutableIds ? entry.tomb.immutableId : entry.tomb.restId, '@removed': { reason: entry.tomb.reason } }];
    const shown = route.render(entry.item, page.data);
    return shown ? [{ '@odata.type': type, ...shown }] : [];
  });
  return deltaResponse(req, route.type, page.token, page.done, value);
}

const messagesDelta: GraphHandler = (req, { folderId }) => {
  const folder = folderParam(req, folderId);
  return serveDelta(req, {
    scope: `messages:${folder.id}`,
    type: 'message',
    options: INITIAL_OPTIONS,
    start: () => ({
      rounds: messageRounds(req, folder.id, receivedFilter(req.params.get('$filter')), changeTypeOption(req.params), descendingOrder(req.params.get('$orderby'))),
      top: pageSizeOption(req.params),
      data: parseSelect(MESSAGE, req.params.get('$select')),
    }),
    // Left the folder after the round was fixed: its tombstone comes in the next round.
    render: (item, select) => (req.mailbox.delta.journal.stamp(item)?.container === folder.id
      ? render(MESSAGE, item as StoredMessage, req.render, select as string[] | undefined) : undefined),
  });
};

/** The rounds of a contact folder: every contact (initial round), then those added or changed since, and the tombstones of those gone. */
function contactRounds(req: GraphRequest, folderId: string): RoundBuilder {
  const { journal } = req.mailbox.delta;
  return (since) => {
    const entries: RoundEntry[] = [];
    for (const change of journal.changes(folderId, since ?? 0)) {
      if (change.tomb) {
        if (since !== undefined && change.tomb.entered <= since) entries.push({ kind: 'deleted', tomb: change.tomb });
        continue;
      }
      // An arrival that changed since: its later entry speaks for it (contacts are never held back).
      if (!change.current) continue;
      entries.push({ kind: since === undefined || change.stamp.entered > since ? 'created' : 'updated', item: change.item });
    }
    return { entries, end: journal.seq };
  };
}

/** A contact folder by id, or the default one by its well-known name (any case). */
function contactFolderParam(req: GraphRequest, folderId: string): ContactFolder {
  const store = req.mailbox.contacts;
  return folderId.toLowerCase() === 'contacts' ? store.root : lookup(folderId, (id) => store.folder(id));
}

const contactsDelta: GraphHandler = (req, { folderId }) => {
  const folder = contactFolderParam(req, folderId);
  return serveDelta(req, {
    scope: `contacts:${folder.id}`,
    type: 'contact',
    options: ['$select'],
    start: () => ({ rounds: contactRounds(req, folder.id), data: parseSelect(CONTACT, req.params.get('$select')) }),
    // Deleted after the round was fixed: its tombstone comes in the next round.
    render: (item, select) => (req.mailbox.delta.journal.stamp(item)?.container === folder.id
      ? render(CONTACT, item as StoredContact, req.render, select as string[] | undefined) : undefined),
  });
};

/**
 * The rounds of a calendar view: the occurrences, exceptions and single events in the window (an
 * initial round), then those of the events changed since (a series changed: all its instances in
 * the window; occurrences deleted from it, and events now outside the window or deleted, under
 * @removed, as event-delta.md says: "Events that are outside the date range and that have been
 * added, deleted, or updated since the previous delta call" come as removed too). A chain keeps
 * what it listed of each series, as Graph's sync state does: a changed series reports the instances
 * that look different (all of them when the series itself changed, the one exception when only it
 * did) and those it no longer has (its time or pattern changed) as removed. What it listed is kept
 * per round, so a round asked for again from an older token (a client that lost its answer) is
 * built from what that token had seen.
 */
/** What a series' change stamps on all its instances alike: not a difference a client sees in one of them. */
const UNSEEN = new Set(['changeKey', 'lastModifiedAt', 'seq']);
/** Rounds whose listing a chain keeps: more than the generations a token stays valid for. */
const KEPT_LISTINGS = 8;

/** Series id -> instance id -> how it looked, as of the end of a round. */
type Listing = Map<string, Map<string, string>>;

function calendarRounds(req: GraphRequest, calendar: Calendar, window: Window): RoundBuilder {
  const { mailbox } = req;
  const { journal } = mailbox.delta;
  const listings = new Map<number, Listing>();
  const removed = (id: string, entered: number, seq: number): RoundEntry => ({
    kind: 'deleted', tomb: { seq, entered, container: calendar.id, restId: id, immutableId: id, reason: 'deleted' },
  });
  /** The series' instances in the window that are new or look different; and those listed before that are gone. */
  const relist = (series: StoredEvent, listing: Listing): { changed: StoredEvent[]; gone: string[] } => {
    const before = listing.get(series.id) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const changed: StoredEvent[] = [];
    for (const instance of seriesInstances(series, window)) {
      const signature = JSON.stringify(instance, (key, value: unknown) => (UNSEEN.has(key) ? undefined : value));
      now.set(instance.id, signature);
      if (before.get(instance.id) !== signature) changed.push(instance);
    }
    listing.set(series.id, now);
    return { changed, gone: [...before.keys()].filter((id) => !now.has(id)) };
  };
  const keep = (end: number, listing: Listing): void => {
    listings.delete(end);
    listings.set(end, listing);
    for (const old of listings.keys()) {
      if (listings.size <= KEPT_LISTINGS) break;
      listings.delete(old);
    }
  };
  return (since) => {
    const end = journal.seq;
    const entries: RoundEntry[] = [];
    if (since === undefined) {
      const listing: Listing = new Map();
      for (const event of mailbox.calendarEvents(calendar).index('createdDateTime').items) {
        if (event.recurrence) entries.push(...relist(event, listing).changed.map((item): RoundEntry => ({ kind: 'created', item })));
        else if (overlaps(event.startMs, event.endMs, window)) entries.push({ kind: 'created', item: event });
      }
      keep(end, listing);
      return { entries, end };
    }
    const listing: Listing = new Map(listings.get(since));
    for (const change of journal.changes(calendar.id, since)) {
      if (change.tomb) {
        const gone = change.tomb.item as StoredEvent | undefined;
        const ids = gone?.recurrence ? [...listing.get(gone.id)?.keys() ?? seriesInstances(gone, window).map((i) => i.id)] : [change.tomb.restId];
        if (gone) listing.delete(gone.id);
        entries.push(...ids.map((id) => removed(id, change.tomb.entered, change.seq)));
        continue;
      }
      // An arrival that changed since: its later entry speaks for it (events are never held back).
      if (!change.current) continue;
      const event = change.item as StoredEvent;
      const kind: ChangeKind = change.stamp.entered > since ? 'created' : 'updated';
      if (event.recurrence) {
        const { changed, gone } = relist(event, listing);
        entries.push(...changed.map((item): RoundEntry => ({ kind, item })));
        // Deleted occurrences, and those a new time or pattern no longer has.
        entries.push(...gone.map((id) => removed(id, change.stamp.entered, change.seq)));
      } else if (overlaps(event.startMs, event.endMs, window)) {
        entries.push({ kind, item: event });
      } else {
        entries.push(removed(event.id, change.stamp.entered, change.seq));
      }
    }
    keep(end, listing);
    return { entries, end };
  };
}

/** calendarView/delta: the default calendar (event-delta.md), or one by id (served too, not documented for v1.0). */
const calendarViewDelta = (scope: 'default' | 'byId'): GraphHandler => (req, { calendarId }) => {
  const calendar = scope === 'default' ? req.mailbox.calendar() as Calendar : lookup(calendarId, (id) => req.mailbox.calendar(id));
  return serveDelta(req, {
    scope: `calendarView:${calendar.id}`,
    type: 'event',
    options: ['startdatetime', 'enddatetime'],
    // Graph: "You cannot use $select"; nor $expand, $filter, $orderby, $search (event-delta.md).
    start: () => ({ rounds: calendarRounds(req, calendar, readWindow(req.params)) }),
    render: (item) => render(EVENT_INSTANCE, item as StoredEvent, req.render),
  });
};

function deltaResponse(req: GraphRequest, type: string, token: string, done: boolean, value: unknown[]): HttpResult {
  const link = `${req.world.baseUrl}/v1.0${req.rawPath}?${done ? '$deltatoken' : '$skiptoken'}=${token}`;
  return graphJson(200, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#Collection(${type})`,
    [done ? '@odata.deltaLink' : '@odata.nextLink']: link,
    value,
  });
}

/** DELETE: into Deleted Items (from there: gone), like Outlook; 204 without a body. */
const deleteMessage: GraphHandler = (req, { folderId, messageId }) => {
  const message = lookup(messageId, (id) => req.mailbox.message(id));
  if (folderId !== undefined && message.folderId !== folderParam(req, folderId).id) throw notFound();
  req.mailbox.deleteMessage(message, req.world.now());
  return { status: 204 };
};

/** Registered before the mail routes, whose `/messages/{messageId}` would otherwise take `delta` for an id. */
export const DELTA_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '/mailFolders/{folderId}/messages/delta', handler: messagesDelta, permission: 'Mail.Read' },
  { method: 'GET', pattern: '/calendarView/delta', handler: calendarViewDelta('default'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendar/calendarView/delta', handler: calendarViewDelta('default'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/calendars/{calendarId}/calendarView/delta', handler: calendarViewDelta('byId'), permission: 'Calendars.Read' },
  { method: 'GET', pattern: '/contactFolders/{folderId}/contacts/delta', handler: contactsDelta, permission: 'Contacts.Read' },
  { method: 'DELETE', pattern: '/messages/{messageId}', handler: deleteMessage, permission: 'Mail.ReadWrite' },
  { method: 'DELETE', pattern: '/mailFolders/{folderId}/messages/{messageId}', handler: deleteMessage, permission: 'Mail.ReadWrite' },
];
