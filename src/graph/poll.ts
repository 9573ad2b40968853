/**
 * One poll of a time-stamped collection (mail by receivedDateTime, events by lastModifiedDateTime):
 * query, emit what is new, persist the cursor after every page (and every PERSIST_EVERY items), so a
 * poll that dies halfway resumes where it stopped instead of starting over.
 *
 * Pages are fetched by keyset (`ge <last second seen>`) rather than by following @odata.nextLink:
 * Graph's message paging is offset-based, and a mail read, moved or deleted between two page
 * requests shifts the offsets and silently skips an item. nextLink is only followed inside a
 * single second holding more items than a page, where a keyset cannot move forward.
 */
import { advance, isNew, markEmitted, restoreCursor, settledSecond, snapshotOf, toSecond } from './cursor';
import type { CursorSnapshot } from './cursor';
import { GraphRequestError } from './errors';
import type { Logger } from './logger';
import { dateTimeLiteral, queryString } from './odata';
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
  let lastPersisted = JSON.stringify(snapshotOf(state, state.from).snapshot);
  const persist = async (keepFrom: number): Promise<void> => {
    const { snapshot, shortened } = snapshotOf(state, keepFrom);
    if (shortened) logger.warn('More items arrived within the look-back than the snapshot can remember; the look-back for the oldest of them was shortened');
    const json = JSON.stringify(snapshot);
    if (json === lastPersisted) return;
    await handlers.persist(snapshot);
    lastPersisted = json;
  };

  let queryFrom = state.from;
  let link: string | undefined;
  let pageSize = spec.pageSize;
  let serverStart: number | undefined;
  const result: PollResult = { emitted: 0, pages: 0 };
  for (;;) {
    const filter = [`${spec.timeField} ge ${dateTimeLiteral(queryFrom * 1000)}`, spec.extraFilter].filter(Boolean).join(' and ');
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
    if (!page.nextLink) {
      // Everything stamped before Graph's clock minus the look-back has been seen by now.
      advance(state, settled);
      await persist(Math.floor(serverStart / 1000));
      return result;
    }
    if (last !== undefined && last > queryFrom) {
      queryFrom = last;
      link = undefined;
      advance(state, Math.min(last, settled));
    } else {
      link = page.nextLink;
    }
    await persist(last ?? queryFrom);
  }
}
