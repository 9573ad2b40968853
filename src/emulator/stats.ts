/** Request counters, and the per-mailbox in-flight gate whose peak they report. */

export interface StatsSnapshot {
  requests: number;
  byRoute: Record<string, number>;
  maxInFlightPerMailbox: number;
  throttled: number;
}

export class Stats {
  private data: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { requests: 0, byRoute: {}, maxInFlightPerMailbox: 0, throttled: 0 };
  }

  count(routeKey: string): void {
    this.data.requests += 1;
    this.data.byRoute[routeKey] = (this.data.byRoute[routeKey] ?? 0) + 1;
  }

  noteInFlight(count: number): void {
    this.data.maxInFlightPerMailbox = Math.max(this.data.maxInFlightPerMailbox, count);
  }

  noteThrottled(): void {
    this.data.throttled += 1;
  }

  snapshot(): StatsSnapshot {
    return { ...this.data, byRoute: { ...this.data.byRoute } };
  }

  reset(): void {
    this.data = Stats.empty();
  }
}

/** Exchange's MailboxConcurrency limit: at most `limit` requests in flight per mailbox. */
export class ConcurrencyGate {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit: number, private readonly stats: Stats) {}

  /** False when the mailbox is already at the limit (the caller answers 429). */
  enter(mailbox: string): boolean {
    const current = this.inFlight.get(mailbox) ?? 0;
    if (current >= this.limit) return false;
    this.inFlight.set(mailbox, current + 1);
    this.stats.noteInFlight(current + 1);
    return true;
  }

  leave(mailbox: string): void {
    this.inFlight.set(mailbox, Math.max(0, (this.inFlight.get(mailbox) ?? 1) - 1));
  }
}
