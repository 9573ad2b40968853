"use strict";
/** Request counters, and the per-mailbox in-flight gate whose peak they report. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConcurrencyGate = exports.Stats = void 0;
class Stats {
    data = Stats.empty();
    static empty() {
        return { requests: 0, byRoute: {}, maxInFlightPerMailbox: 0, throttled: 0 };
    }
    count(routeKey) {
        this.data.requests += 1;
        this.data.byRoute[routeKey] = (this.data.byRoute[routeKey] ?? 0) + 1;
    }
    noteInFlight(count) {
        this.data.maxInFlightPerMailbox = Math.max(this.data.maxInFlightPerMailbox, count);
    }
    noteThrottled() {
        this.data.throttled += 1;
    }
    snapshot() {
        return { ...this.data, byRoute: { ...this.data.byRoute } };
    }
    reset() {
        this.data = Stats.empty();
    }
}
exports.Stats = Stats;
/** Exchange's MailboxConcurrency limit: at most `limit` requests in flight per mailbox. */
class ConcurrencyGate {
    limit;
    stats;
    inFlight = new Map();
    constructor(limit, stats) {
        this.limit = limit;
        this.stats = stats;
    }
    /** False when the mailbox is already at the limit (the caller answers 429). */
    enter(mailbox) {
        const current = this.inFlight.get(mailbox) ?? 0;
        if (current >= this.limit)
            return false;
        this.inFlight.set(mailbox, current + 1);
        this.stats.noteInFlight(current + 1);
        return true;
    }
    leave(mailbox) {
        this.inFlight.set(mailbox, Math.max(0, (this.inFlight.get(mailbox) ?? 1) - 1));
    }
}
exports.ConcurrencyGate = ConcurrencyGate;
