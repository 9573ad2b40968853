/**
 * Writes Graph cannot be asked to repeat blindly (a move, a copy, a delete): sent once, and when
 * the answer says nothing about what happened (a 5xx, a lost connection, a time-out) the mailbox is
 * looked at before the write is tried again, so a write that did take effect is not done twice.
 */
import { outcomeUnknown } from './messages';

/** Tries in all, the first one included, while the answers keep getting lost. */
export const WRITE_ATTEMPTS = 3;

/**
 * `write`'s result, or `check`'s when a lost answer hid a write that took effect. `check` answers
 * undefined when the mailbox shows the write was not done (so it is tried again).
 */
export async function confirmedWrite<T>(write: () => Promise<T>, check: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (err) {
      if (!outcomeUnknown(err) || attempt >= WRITE_ATTEMPTS) throw err;
      const done = await check();
      if (done !== undefined) return done;
    }
  }
}
