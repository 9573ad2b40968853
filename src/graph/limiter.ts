/**
 * Outlook allows 4 concurrent requests per app and mailbox and answers a fifth with 429
 * (MailboxConcurrency). Queueing here is cheaper than being throttled. The queue is Outlook's
 * unit: one mailbox of one cloud, reached by one app, whichever credential or step asks; two
 * mailboxes never share one.
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
/** Other names of a mailbox (a user's UPN) to the one its queue is keyed by (the user's object id), per app. */
const aliases = new Map<string, string>();

/** `app` is the Graph host and app id the queue counts for; `mailbox` a lower-case id, UPN or address. */
export function mailboxQueueKey(app: string, mailbox: string): string {
  const key = `${app}|${mailbox.toLowerCase()}`;
  return aliases.get(key) ?? key;
}

/**
 * Records that `names` (the signed-in user's UPN, read from the token) are the mailbox whose
 * object id is `id`, so `/me`, `/users/{id}` and `/users/{upn}` share a queue. An SMTP alias that
 * differs from the UPN cannot be known without a directory read, and keeps a queue of its own.
 */
export function learnMailboxAliases(app: string, id: string, names: readonly (string | undefined)[]): string {
  const canonical = `${app}|${id.toLowerCase()}`;
  for (const name of names) if (name) aliases.set(`${app}|${name.toLowerCase()}`, canonical);
  return canonical;
}

export function semaphoreFor(mailboxKey: string): Semaphore {
  let semaphore = mailboxSemaphores.get(mailboxKey);
  if (!semaphore) {
    semaphore = new Semaphore(MAX_CONCURRENT_PER_MAILBOX);
    mailboxSemaphores.set(mailboxKey, semaphore);
  }
  return semaphore;
}

/** For tests: forget queues and aliases. */
export function resetMailboxQueues(): void {
  mailboxSemaphores.clear();
  aliases.clear();
}

export class ConcurrencyMiddleware implements Middleware {
  private next?: Middleware;

  /** `queueKey` is asked per request: what is known about the mailbox can grow (a token's claims). */
  constructor(private readonly queueKey: () => string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const semaphore = semaphoreFor(this.queueKey());
    await semaphore.acquire();
    let handedOver = false;
    try {
      await this.next!.execute(context);
      // A streamed body is still being transferred: the slot is freed when it ends, fails or is destroyed.
      const body = context.response && streamedBody(context.response);
      if (body) {
        body.stream.once('close', () => semaphore.release());
        handedOver = true;
      }
    } finally {
      if (!handedOver) semaphore.release();
    }
  }
}
