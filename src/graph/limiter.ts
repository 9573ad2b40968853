/**
 * Outlook allows 4 concurrent requests per app and mailbox and answers a fifth with 429
 * (MailboxConcurrency). Queueing here is cheaper than being throttled.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { streamedBody } from './transport';

export const MAX_CONCURRENT_PER_MAILBOX = 4;

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    // The slot is handed over by release(), so `active` never exceeds the limit.
    await new Promise<void>((resolve) => { this.waiting.push(resolve); });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }

  get inFlight(): number {
    return this.active;
  }
}

/** Shared by every client of the process that talks to the same mailbox. */
const mailboxSemaphores = new Map<string, Semaphore>();

export function semaphoreFor(mailboxKey: string): Semaphore {
  let semaphore = mailboxSemaphores.get(mailboxKey);
  if (!semaphore) {
    semaphore = new Semaphore(MAX_CONCURRENT_PER_MAILBOX);
    mailboxSemaphores.set(mailboxKey, semaphore);
  }
  return semaphore;
}

export class ConcurrencyMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly semaphore: Semaphore) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    await this.semaphore.acquire();
    let handedOver = false;
    try {
      await this.next!.execute(context);
      // A streamed body is still being transferred: the slot is freed when it ends, fails or is destroyed.
      const body = context.response && streamedBody(context.response);
      if (body) {
        body.stream.once('close', () => this.semaphore.release());
        handedOver = true;
      }
    } finally {
      if (!handedOver) this.semaphore.release();
    }
  }
}
