"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIST_DELAY_MS = exports.WRITE_ATTEMPTS = void 0;
exports.confirmedWrite = confirmedWrite;
exports.listedCheck = listedCheck;
/**
 * Writes Graph cannot be asked to repeat blindly (a move, a copy, a delete): sent once, and when
 * the answer says nothing about what happened (a 5xx, a lost connection, a time-out) the mailbox is
 * looked at before the write is tried again, so a write that did take effect is not done twice.
 */
const messages_1 = require("./messages");
/** Tries in all, the first one included, while the answers keep getting lost. */
exports.WRITE_ATTEMPTS = 3;
/**
 * How long Graph's lists may not yet show an item just written (Exchange's replication delay is
 * seconds): a look at a list sooner than this after a write proves nothing about it.
 */
exports.LIST_DELAY_MS = 20_000;
/** Waits between looks at a list that may lag; they add up to more than LIST_DELAY_MS. */
const RELOOK_WAITS_MS = [1000, 2000, 4000, 8000, 7000];
/**
 * `write`'s result, or `check`'s when a lost answer hid a write that took effect. `check` answers
 * undefined when the mailbox shows the write was not done: it is then tried again, or, when the
 * attempts are spent, the lost answer is the error.
 */
async function confirmedWrite(write, check) {
    for (let attempt = 1;; attempt += 1) {
        try {
            return await write();
        }
        catch (err) {
            if (!(0, messages_1.outcomeUnknown)(err))
                throw err;
            const done = await check();
            if (done !== undefined)
                return done;
            if (attempt >= exports.WRITE_ATTEMPTS)
                throw err;
        }
    }
}
/**
 * A `check` for a write that only a list can show (a copy: its id was in the lost answer): looks
 * until an item the write made before the first look must be listed, LIST_DELAY_MS later by Graph's
 * clock (its Date header; without one, by the waits), and answers undefined only then.
 */
function listedCheck(session, look) {
    return async () => {
        let firstAt;
        let waited = 0;
        for (let looks = 0;; looks += 1) {
            const { found, serverTime } = await look();
            if (found !== undefined)
                return found;
            if (looks === 0)
                firstAt = serverTime;
            // Whole seconds on both Date headers: one more second, so that no part of the delay is missed.
            const elapsed = firstAt !== undefined && serverTime !== undefined ? serverTime - firstAt - 1000 : waited;
            if (elapsed >= exports.LIST_DELAY_MS || looks >= RELOOK_WAITS_MS.length)
                return undefined;
            await session.wait(RELOOK_WAITS_MS[looks]);
            waited += RELOOK_WAITS_MS[looks];
        }
    };
}
