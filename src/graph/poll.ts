/**
 * One poll of a time-stamped collection (mail by receivedDateTime, events by lastModifiedDateTime):
 * query, emit what is new, persist the cursor after every page (and every PERSIST_EVERY items), so a
 * poll that dies halfway resumes where it stopped instead of starting over.
 *
 * Pages are fetched by keyset (`ge <last second seen>`) rather than by following @odata.nextLink:
 * Graph's message paging is offset-based, and a mail read, moved or deleted between two page
 * requests shifts the offsets and silently skips an item. A second holding more items than a page,
 * or than the snapshot can remember (SLICE_ITEMS), is walked in slices of its hidden milliseconds
 * instead; nextLink is followed only inside a single millisecond.
 *
 * Every judgement of time comes from Graph: the Date header of its responses, or, where a proxy
 * dropped that header, the timestamps of the items it listed. The container's clock is not used.
 */
import {
  advance, isNew, markEmitted, markWalked, restoreCursor, settledSecond, SLICE_ITEMS, snapshotOf, startCursor, toSecond,
  walkFrom, walkUntil,
} from './cursor';
import type { CursorSnapshot, CursorState } from './cursor';
import { GraphRequestError } from './errors';
import type { Logger } from './logger';
import { instantLiteral, queryString } from './odata';
import type { Query } from './odata';
import type { GraphSession, Page } from './session';

export interface PollSpec<T> {
  /** e.g. /me/mailFolders/inbox/messages */
  collectionPath: string;
  timeField: 'receivedDateTime' | 'lastModifiedDateTime';
  /** An extra OData condition ANDed after the time condition (Graph wants the $orderby field first). */
  extraFilter?: string;
  select: readonly string[];
  prefer?: readonly string[];
  pageSize: number;
  /** The de-duplication key: the item id, plus its change key for "once per change" triggers. */
  keyOf(item: T): string;
}

export interface PollHandlers<T> {
  emit(item: T): Promise<void>;
  /**
   * Emits new items together, in batches of at most PERSIST_EVERY, instead of `emit` one by one:
   * each batch is emitted before the snapshot that covers it is saved, and saved right after, so a
   * crash repeats at most one batch (PERSIST_EVERY items), as with `emit`.
   */
  emitBatch?(items: T[]): Promise<void>;
  persist(snapshot: CursorSnapshot): Promise<void>;
}

export interface PollInput {
  snapshot: unknown;
  /** Epoch ms of the configured start time, if any. */
  startTime?: number;
  /**
   * Bytes the cursor's snapshot may take (default SNAPSHOT_BUDGET_BYTES, the platform's 5 KB less
   * an envelope): less when it shares the snapshot with the cursors of other collections.
   */
  budget?: number;
}

export interface PollResult {
  emitted: number;
  pages: number;
}

/**
 * Progress is saved every this many emitted items as well as after each page: a crash while a
 * page is being emitted repeats at most this many items. The sailor sends at most 20 snapshots
 * and 100 data messages a second, so this costs no throughput.
 */
export const PERSIST_EVERY = 25;

/** Smallest page the poll falls back to when large pages time out. */
const MIN_PAGE_SIZE = 50;
/** Newest items a first poll without Graph's clock remembers as already there (see startCursor). */
const FIRST_POLL_ITEMS = 10;

/** A crowded second being walked in slices. */
interface Crowd {
  second: number;
  /** Keys of the items the current slice returned, so far. */
  keys: string[];
}

export async function pollCollection<T extends Record<string, unknown>>(
  session: GraphSession,
  spec: PollSpec<T>,
  input: PollInput,
  handlers: PollHandlers<T>,
  logger: Logger,
): Promise<PollResult> {
  const result: PollResult = { emitted: 0, pages: 0 };
  const secondOf = (item: T): number => toSecond(item[spec.timeField] as string);
  // What a failed page does first (saveEmitted, set once the state it saves exists): a page asked
  // for before then has nothing emitted to save.
  let beforeFailing = async (): Promise<void> => {};
  const getPage = async (pathOrQuery: string | Query): Promise<Page<T>> => {
    const path = typeof pathOrQuery === 'string' ? pathOrQuery : `${spec.collectionPath}${queryString(pathOrQuery)}`;
    let page: Page<T>;
    try {
      page = await session.page<T>(path, { prefer: spec.prefer });
    } catch (err) {
      await beforeFailing();
      throw err;
    }
    result.pages += 1;
    return page;
  };

  // Compared with what was handed in, so a first poll always saves where it started: without that,
  // a quiet first poll would leave no snapshot and the next would start afresh.
  let lastPersisted = JSON.stringify(input.snapshot ?? null);
  let unsaved = 0;
  const persist = async (state: CursorState, keepFrom: number): Promise<void> => {
    const { snapshot, shortened } = snapshotOf(state, keepFrom, input.budget);
    if (shortened) logger.warn('More items arrived within the look-back than the snapshot can remember; the look-back for the oldest of them was shortened');
    if (!snapshot) {
      // What is still being walked alone exceeds the budget (more than SLICE_ITEMS items within
      // one millisecond, say): save at the next chance instead; `unsaved` stays due for that.
      logger.warn('More items of one moment are pending than the snapshot can hold; progress is saved once they are emitted');
      return;
    }
    unsaved = 0;
    const json = JSON.stringify(snapshot);
    if (json === lastPersisted) return;
    await handlers.persist(snapshot);
    lastPersisted = json;
  };

  const restored = restoreCursor(input.snapshot, input.startTime);
  if (!restored) {
    // Neither snapshot nor start time: "from the first poll on", and only Graph knows when that is.
    const page = await getPage({ select: spec.select, orderby: `${spec.timeField} desc`, top: FIRST_POLL_ITEMS });
    await persist(startCursor(page.serverTime, page.items.map((item) => ({ second: secondOf(item), key: spec.keyOf(item) }))), Infinity);
    return result;
  }
  const state = restored;

  // Graph's clock as this poll has seen it. `start` (at the first page) judges which seconds are
  // settled: a second passed later in the walk was passed no earlier than that. `latest` is the
  // most Graph has shown so far: the newest Date header, or the newest item it listed.
  let start: number | undefined;
  let latest = -Infinity;
  let observed = false;
  const observe = (page: Page<T>): void => {
    const newest = page.items.length ? secondOf(page.items[page.items.length - 1]) * 1000 : undefined;
    if (!observed) start = page.serverTime ?? newest;
    observed = true;
    latest = Math.max(latest, page.serverTime ?? -Infinity, newest ?? -Infinity);
  };
  const settled = (): number => (start === undefined ? -Infinity : settledSecond(start));

  /** The second of the item emitted last: where progress saved after it keeps from. */
  let lastSecond = -Infinity;
  /** Marks an emitted item and saves progress every PERSIST_EVERY of them. */
  const emitted = async (item: T): Promise<void> => {
    const second = secondOf(item);
    lastSecond = second;
    markEmitted(state, spec.keyOf(item), second);
    // Results are ordered, so everything stamped before this item has been seen by now.
    advance(state, Math.min(second, settled()));
    result.emitted += 1;
    unsaved += 1;
    if (unsaved >= PERSIST_EVERY) await persist(state, second);
  };

  /**
   * A poll that fails (an item's own work, storing its files, or a page, its retries spent) saves
   * what it emitted since its last save first, so the next poll does not emit it again; the
   * failure is what counts, not a failed save.
   */
  const saveEmitted = async (): Promise<void> => {
    if (unsaved > 0) await persist(state, lastSecond).catch(() => undefined);
  };
  beforeFailing = saveEmitted;
  const emit = async (items: readonly T[]): Promise<void> => {
    try {
      await emitEach(items);
    } catch (err) {
      await saveEmitted();
      throw err;
    }
  };
  const emitEach = async (items: readonly T[]): Promise<void> => {
    if (handlers.emitBatch) {
      // Batches end where PERSIST_EVERY falls due, so each is saved as soon as it is out.
      let batch: T[] = [];
      const flush = async (): Promise<void> => {
        await handlers.emitBatch!(batch);
        const done = batch;
        batch = [];
        for (const item of done) await emitted(item);
      };
      for (const item of items) {
        const key = spec.keyOf(item);
        if (!isNew(state, key, secondOf(item)) || batch.some((other) => spec.keyOf(other) === key)) continue;
        batch.push(item);
        if (batch.length >= Math.max(1, PERSIST_EVERY - unsaved)) await flush();
      }
      if (batch.length) await flush();
      return;
    }
    for (const item of items) {
      if (!isNew(state, spec.keyOf(item), secondOf(item))) continue;
      await handlers.emit(item);
      await emitted(item);
    }
  };

  /** Whether Graph's clock is past `second`, so that nothing new can be stamped with it any more. */
  const hasLeft = async (second: number): Promise<boolean> => {
    const end = (second + 1) * 1000;
    if (latest < end) {
      // No sign yet: anything later, or the Date of the answer, shows where Graph's clock is.
      observe(await getPage({ select: [spec.timeField], filter: `${spec.timeField} ge ${instantLiteral(end)}`, orderby: `${spec.timeField} asc`, top: 1 }));
    }
    return latest >= end;
  };

  // The range queried next: [pos, to), `to` open-ended unless it stops at a second walked in part
  // or, in a crowd, at the end of the slice.
  let pos = walkFrom(state, state.from * 1000);
  let to = walkUntil(state, pos);
  let crowd: Crowd | undefined;
  let link: string | undefined;
  let pageSize = spec.pageSize;
  for (;;) {
    const top = crowd ? Math.min(pageSize, SLICE_ITEMS) : pageSize;
    const bounds = [`${spec.timeField} ge ${instantLiteral(pos)}`];
    if (to !== undefined) bounds.push(`${spec.timeField} lt ${instantLiteral(to)}`);
    const filter = [...bounds, spec.extraFilter].filter(Boolean).join(' and ');
    let page: Page<T>;
    try {
      page = await getPage(link ?? { select: spec.select, filter, orderby: `${spec.timeField} asc`, top });
    } catch (err) {
      if (!link && pageSize > MIN_PAGE_SIZE && err instanceof GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
        pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
        logger.warn(`A page of items took too long; asking for ${pageSize} at a time`);
        continue;
      }
      throw err;
    }
    observe(page);
    const more = page.nextLink !== undefined;

    if (crowd) {
      const end = (crowd.second + 1) * 1000;
      if (more && !link && to! - pos > 1) {
        // Too many for one slice: halve it. Its items come again in the smaller slice.
        to = pos + Math.ceil((to! - pos) / 2);
        continue;
      }
      crowd.keys.push(...page.items.map(spec.keyOf));
      await emit(page.items);
      if (more) {
        // More than a slice within one millisecond: only Graph's own paging can go on.
        link = page.nextLink;
        await persist(state, crowd.second);
        continue;
      }
      link = undefined;
      if (!(await hasLeft(crowd.second))) {
        // Items may still arrive anywhere in that second, so its hashes stay; the next poll goes on.
        advance(state, Math.min(crowd.second, settled()));
        await persist(state, crowd.second);
        return result;
      }
      const sliceItems = crowd.keys.length;
      markWalked(state, crowd.second, to!, crowd.keys);
      crowd.keys = [];
      if (to! >= end) {
        pos = walkFrom(state, end);
        to = walkUntil(state, pos);
        advance(state, Math.min(crowd.second + 1, settled()));
        crowd = undefined;
      } else {
        // The next slice as wide as this one, twice as wide if this one was less than half full.
        const width = (to! - pos) * (sliceItems < top / 2 ? 2 : 1);
        pos = to!;
        to = Math.min(end, pos + width);
      }
      await persist(state, Math.floor(pos / 1000));
      continue;
    }

    link = undefined;
    if (more && !page.items.length) {
      // An empty page that says there is more: nothing to key on, so take Graph's word for it.
      link = page.nextLink;
      continue;
    }
    const busy = crowdedSecond(page.items.map(secondOf), more);
    if (busy !== undefined) {
      // Everything stamped before the crowded second is in this page; the rest comes again later.
      await emit(page.items.filter((item) => secondOf(item) < busy));
      crowd = { second: busy, keys: [] };
      pos = walkFrom(state, Math.max(pos, busy * 1000));
      to = (busy + 1) * 1000;
      await persist(state, busy);
      continue;
    }
    await emit(page.items);
    if (more) {
      // Not crowded, so the page ends in a later second than it began: the keyset moves on.
      const last = secondOf(page.items[page.items.length - 1]);
      pos = last * 1000;
      advance(state, Math.min(last, settled()));
      await persist(state, last);
      continue;
    }
    if (to === undefined) {
      // Everything stamped before Graph's clock minus the look-back has been seen by now. Items
      // stamped before the second Graph's clock has reached can only come late, so to keep within
      // the budget their look-back may be shortened; that second and later ones are kept whole.
      advance(state, settled());
      await persist(state, latest === -Infinity ? Infinity : Math.floor(latest / 1000));
      return result;
    }
    // Up to a second walked in part by an earlier poll: go on past that part.
    advance(state, Math.min(Math.floor(to / 1000), settled()));
    pos = walkFrom(state, to);
    to = walkUntil(state, pos);
    await persist(state, Math.floor(pos / 1000));
  }
}

/**
 * The first second of a page that holds more items than a slice may, or the one second of a full
 * page (whose keyset could not move on); undefined when the page can be walked as it is.
 */
function crowdedSecond(seconds: readonly number[], full: boolean): number | undefined {
  if (full && seconds.length && seconds[0] === seconds[seconds.length - 1]) return seconds[0];
  let run = 0;
  for (let i = 0; i < seconds.length; i += 1) {
    run = i > 0 && seconds[i] === seconds[i - 1] ? run + 1 : 1;
    if (run > SLICE_ITEMS) return seconds[i];
  }
  return undefined;
}
