/**
 * One poll of a time-stamped collection (mail by receivedDateTime, events by lastModifiedDateTime):
 * query, emit what is new, persist the cursor after every page (and every PERSIST_EVERY items), so a
 * poll that dies halfway resumes where it stopped instead of starting over.
 *
 * Pages are fetched by keyset (`ge <last second seen>`) rather than by following @odata.nextLink:
 * Graph's message paging is offset-based, and a mail read, moved or deleted between two page
 * requests shifts the offsets and silently skips an item. A second holding more items than a page
 * is sliced by milliseconds instead; nextLink is followed only inside a single millisecond.
 */
import { advance, isNew, markEmitted, restoreCursor, settledSecond, snapshotOf, toSecond } from './cursor';
import type { CursorSnapshot } from './cursor';
import { GraphRequestError } from './errors';
import type { Logger } from './logger';
import { instantLiteral, queryString } from './odata';
import type { GraphSession } from './session';

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
  persist(snapshot: CursorSnapshot): Promise<void>;
}

export interface PollInput {
  snapshot: unknown;
  /** Epoch ms of the configured start time, if any. */
  startTime?: number;
  now?: () => number;
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

export async function pollCollection<T extends Record<string, unknown>>(
  session: GraphSession,
  spec: PollSpec<T>,
  input: PollInput,
  handlers: PollHandlers<T>,
  logger: Logger,
): Promise<PollResult> {
  const now = input.now ?? Date.now;
  const state = restoreCursor(input.snapshot, { startTime: input.startTime, now: now() });
  // Compared with what was handed in, so a first poll always saves where it started: without that,
  // a quiet first poll would leave no snapshot and the next would start from its own 'now'.
  let lastPersisted = JSON.stringify(input.snapshot ?? null);
  const persist = async (keepFrom: number): Promise<void> => {
    const { snapshot, shortened } = snapshotOf(state, keepFrom);
    if (shortened) logger.warn('More items arrived within the look-back than the snapshot can remember; the look-back for the oldest of them was shortened');
    const json = JSON.stringify(snapshot);
    if (json === lastPersisted) return;
    await handlers.persist(snapshot);
    lastPersisted = json;
  };

  // Where the next query starts (ms), and in a crowded second also where it stops.
  let range: { from: number; to?: number } = { from: state.from * 1000 };
  let link: string | undefined;
  let pageSize = spec.pageSize;
  let serverStart: number | undefined;
  const result: PollResult = { emitted: 0, pages: 0 };
  for (;;) {
    const bounds = [`${spec.timeField} ge ${instantLiteral(range.from)}`];
    if (range.to !== undefined) bounds.push(`${spec.timeField} lt ${instantLiteral(range.to)}`);
    const filter = [...bounds, spec.extraFilter].filter(Boolean).join(' and ');
    const path = link ?? `${spec.collectionPath}${queryString({ select: spec.select, filter, orderby: `${spec.timeField} asc`, top: pageSize })}`;
    let page;
    try {
      page = await session.page<T>(path, { prefer: spec.prefer });
    } catch (err) {
      if (!link && pageSize > MIN_PAGE_SIZE && err instanceof GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
        pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
        logger.warn(`A page of items took too long; asking for ${pageSize} at a time`);
        continue;
      }
      throw err;
    }
    result.pages += 1;
    serverStart ??= page.serverTime ?? now();
    const settled = settledSecond(serverStart);
    let unsaved = 0;
    for (const item of page.items) {
      const second = toSecond(item[spec.timeField] as string);
      const key = spec.keyOf(item);
      if (!isNew(state, key, second)) continue;
      await handlers.emit(item);
      markEmitted(state, key, second);
      // Results are ordered, so everything stamped before this item has been seen by now.
      advance(state, Math.min(second, settled));
      result.emitted += 1;
      unsaved += 1;
      if (unsaved === PERSIST_EVERY) {
        await persist(second);
        unsaved = 0;
      }
    }
    const lastItem = page.items[page.items.length - 1];
    const last = lastItem ? toSecond(lastItem[spec.timeField] as string) : undefined;
    const more = page.nextLink !== undefined;
    const second = Math.floor(range.from / 1000);
    if (range.to === undefined) {
      if (!more) {
        // Everything stamped before Graph's clock minus the look-back has been seen by now.
        advance(state, settled);
        await persist(Math.floor(serverStart / 1000));
        return result;
      }
      if (last !== undefined && last > second) {
        range = { from: last * 1000 };
        advance(state, Math.min(last, settled));
      } else {
        // A whole page stamped with one second: slice that second by its hidden milliseconds,
        // which the filter compares although the results do not show them.
        range = { from: second * 1000, to: (second + 1) * 1000 };
      }
    } else if (more && !link && range.to - range.from > 1) {
      range = { from: range.from, to: range.from + Math.ceil((range.to - range.from) / 2) };
    } else if (more) {
      // More than a page within one millisecond: only Graph's own paging can go on.
      link = page.nextLink;
    } else {
      link = undefined;
      const end = (second + 1) * 1000;
      range = range.to >= end ? { from: end } : { from: range.to, to: end };
      if (range.to === undefined) advance(state, Math.min(second + 1, settled));
    }
    await persist(last ?? second);
  }
}
