/**
 * One delta chain followed to the end of a round: pages fetched with the chain's Prefer headers
 * (odata.maxpagesize and immutable ids on every page, as Graph applies them per request), items
 * handed over page by page, progress saved after every page and every PERSIST_EVERY emissions, the
 * delta link taken only once the round is complete. A lost sync state (410, syncStateNotFound,
 * resyncRequired) starts the chain over under deltaState's rules, and says so in the log.
 */
import type { ChainKind, ChainState } from './deltaState';
import { handledBefore, pageAnswered, pageEntry, pageFingerprint, resynchronise, roundComplete, roundContinues, roundStarting } from './deltaState';
import { GraphRequestError } from './errors';
import type { Logger } from './logger';
import { dateTimeLiteral } from './odata';
import { PERSIST_EVERY } from './poll';
import type { GraphSession, Page } from './session';

export interface DeltaChainSpec {
  /** The chain's key in the snapshot (created, updated, deleted; changes). */
  name: string;
  kind: ChainKind;
  /** The first request of the chain (path and query), which fixes what it tracks; a windowed chain's depends on its window. */
  initialPath: string | ((chain: ChainState) => string);
  /** Further Prefer preferences (a time zone), besides odata.maxpagesize. */
  prefer?: readonly string[];
  pageSize: number;
  /** What the chain follows, for log lines ("created mail in folder Inbox"). */
  label: string;
  /** A chain's last round (a calendar view's previous window): a lost state ends it rather than starting over. */
  last?: boolean;
}

export interface DeltaHandlers<T> {
  /** Decides on one item of a page and emits it if it is new; true when something was emitted. */
  item(item: T, chain: ChainState): Promise<boolean>;
  /** Saves the trigger's whole state (every chain, the hashes). */
  persist(): Promise<void>;
  /** The latest Graph time (s) the trigger knows besides this page's Date header: for answers without one. */
  knownSecond?(): number | undefined;
  /** Graph's clock (s) by a Date header this poll had (not by timestamps listed): what a first round without one starts from. */
  clockSecond?(): number | undefined;
  /** Each page answered, before its items. */
  page?(page: Page<T>): void;
}

export interface ChainResult {
  pages: number;
  emitted: number;
  resynced: number;
  /** A last round whose state Graph no longer had: it ended unread. */
  lost?: boolean;
}

/** Smallest page a chain falls back to when large pages time out. */
const MIN_PAGE_SIZE = 50;
/** A chain whose state is lost again right after starting over gives up for this poll. */
const MAX_RESYNCS = 2;

/** Graph lost the sync state behind a link: 410 Gone, or one of the codes it uses for it. */
export function syncStateLost(err: unknown): err is GraphRequestError {
  if (!(err instanceof GraphRequestError)) return false;
  const code = err.code?.toLowerCase();
  return err.statusCode === 410 || (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500
    && (code === 'syncstatenotfound' || code === 'resyncrequired' || code === 'syncstateinvalid'));
}

/** The delta function is not served there (Graph's NotImplemented, as for properties delta cannot track). */
function deltaUnavailable(err: unknown): err is GraphRequestError {
  return err instanceof GraphRequestError && (err.statusCode === 501 || /^(notimplemented|notsupported)$/i.test(err.code ?? ''));
}

export async function followChain<T>(session: GraphSession, spec: DeltaChainSpec, chain: ChainState, handlers: DeltaHandlers<T>, logger: Logger): Promise<ChainResult> {
  const result: ChainResult = { pages: 0, emitted: 0, resynced: 0 };
  let pageSize = spec.pageSize;
  let unsaved = 0;
  for (;;) {
    const firstOfRound = roundStarting(chain);
    let page: Page<T>;
    try {
      const initial = typeof spec.initialPath === 'string' ? spec.initialPath : spec.initialPath(chain);
      page = await session.page<T>(chain.link ?? initial, { prefer: [...spec.prefer ?? [], `odata.maxpagesize=${pageSize}`] });
    } catch (err) {
      if (syncStateLost(err) && spec.last) {
        logger.warn(`Graph no longer has the change-tracking state of ${spec.label} (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}): its last round is skipped, so a deletion made there in the moments the new window started may go unreported`);
        return { ...result, lost: true };
      }
      if (syncStateLost(err) && result.resynced < MAX_RESYNCS) {
        result.resynced += 1;
        const since = resynchronise(chain);
        logger.warn(`Graph no longer has the change-tracking state of ${spec.label} (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}): reading it afresh; ${since === undefined
          ? 'its first read starts over, emitting what it would have'
          : `only what arrived or changed since ${dateTimeLiteral(since * 1000)} is emitted, the rest is not repeated${spec.kind === 'deleted' ? ' (deletions in between cannot be reported)' : ''}`}`);
        await handlers.persist();
        continue;
      }
      if (pageSize > MIN_PAGE_SIZE && err instanceof GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
        pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
        logger.warn(`A page of ${spec.label} took too long; asking for ${pageSize} at a time`);
        continue;
      }
      if (deltaUnavailable(err)) {
        throw new GraphRequestError(`Microsoft Graph does not offer change tracking (delta queries) for ${spec.label} on this mailbox in the ${session.cloud.label} cloud (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}). Use the time-based trigger (Poll for New Mail, Poll for New and Updated Events, Poll for New and Updated Contacts) instead.`, err.statusCode, err.code, err.requestId);
      }
      throw err;
    }
    result.pages += 1;
    pageAnswered(spec.kind, chain, page.serverTime, firstOfRound, handlers.knownSecond?.(), handlers.clockSecond?.());
    handlers.page?.(page);
    // A poll that died on this page saved how far it got: those items, if Graph lists them again
    // first, were handled (their emissions may be older than the hashes the snapshot kept).
    const entries = page.items.map((item) => pageEntry(item as Record<string, unknown>));
    const skip = handledBefore(chain, entries);
    for (const [index, item] of page.items.entries()) {
      let emitted: boolean;
      try {
        emitted = index >= skip && await handlers.item(item, chain);
      } catch (err) {
        // A look an item needed failed (its retries spent): what this page emitted before it is
        // saved first, so the next poll does not emit it again. The item's own error is what counts.
        if (unsaved > 0) {
          chain.progress = { done: index, fingerprint: pageFingerprint(entries.slice(0, index)) };
          await handlers.persist().catch(() => undefined);
        }
        throw err;
      }
      if (!emitted) continue;
      result.emitted += 1;
      unsaved += 1;
      if (unsaved >= PERSIST_EVERY) {
        chain.progress = { done: index + 1, fingerprint: pageFingerprint(entries.slice(0, index + 1)) };
        await handlers.persist();
        unsaved = 0;
      }
    }
    if (page.nextLink) {
      roundContinues(chain, page.nextLink);
      await handlers.persist();
      unsaved = 0;
      continue;
    }
    if (!page.deltaLink) {
      throw new GraphRequestError(`Outlook answered a page of ${spec.label} with neither a next link nor a delta link; the last saved link is used again at the next poll.`, 200, undefined, undefined);
    }
    roundComplete(chain, page.deltaLink);
    await handlers.persist();
    return result;
  }
}
