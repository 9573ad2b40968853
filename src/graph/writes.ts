/**
 * Writes Graph cannot be asked to repeat blindly (a move, a copy, a delete): sent once, and when
 * the answer says nothing about what happened (a 5xx, a lost connection, a time-out) the mailbox is
 * looked at before the write is tried again, so a write that did take effect is not done twice.
 */
import { outcomeUnknown } from './messages';
import type { GraphSession } from './session';

/** Tries in all, the first one included, while the answers keep getting lost. */
export const WRITE_ATTEMPTS = 3;

/**
 * How long Graph's lists may not yet show an item just written (Exchange's replication delay is
 * seconds): a look at a list sooner than this after a write proves nothing about it.
 */
export const LIST_DELAY_MS = 20_000;
/** Waits between looks at a list that may lag; they add up to more than LIST_DELAY_MS. */
const RELOOK_WAITS_MS: readonly number[] = [1000, 2000, 4000, 8000, 7000];

/**
 * `write`'s result, or `check`'s when a lost answer hid a write that took effect. `check` answers
 * undefined when the mailbox shows the write was not done: it is then tried again, or, when the
 * attempts are spent, the lost answer is the error.
 */
export async function confirmedWrite<T>(write: () => Promise<T>, check: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (err) {
      if (!outcomeUnknown(err)) throw err;
      const done = await check();
      if (done !== undefined) return done;
      if (attempt >= WRITE_ATTEMPTS) throw err;
    }
  }
}

/** One look at a list: what it found, and Graph's clock when it answered (its Date header). */
export interface ListLook<T> {
  found: T | undefined;
  serverTime?: number;
}

/**
 * A `check` for a write that only a list can show (a copy: its id was in the lost answer): looks
 * until an item the write made before the first look must be listed, LIST_DELAY_MS later by Graph's
 * clock (its Date header; without one, by the waits), and answers undefined only then.
 */
export function listedCheck<T>(session: GraphSession, look: () => Promise<ListLook<T>>): () => Promise<T | undefined> {
  return async () => {
    let firstAt: number | undefined;
    let waited = 0;
    for (let looks = 0; ; looks += 1) {
      const { found, serverTime } = await look();
      if (found !== undefined) return found;
      if (looks === 0) firstAt = serverTime;
      // Whole seconds on both Date headers: one more second, so that no part of the delay is missed.
      const elapsed = firstAt !== undefined && serverTime !== undefined ? serverTime - firstAt - 1000 : waited;
      if (elapsed >= LIST_DELAY_MS || looks >= RELOOK_WAITS_MS.length) return undefined;
      await session.wait(RELOOK_WAITS_MS[looks]);
      waited += RELOOK_WAITS_MS[looks];
    }
  };
}
