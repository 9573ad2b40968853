/**
 * When to try a Graph request again, and how long to wait. The SDK's own RetryHandler also
 * repeats a POST answered 503/504, which can send a mail twice, so we replace it.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { parseHttpDate } from './httpDate';
import { isIdempotentMethod, RequestPolicy } from './policy';
import { TransportError } from './transport';
import type { Logger } from './logger';

export interface RetryLimits {
  /** Total tries, the first one included. */
  maxAttempts: number;
  /** Upper bound of all waits of one request together; a longer Retry-After fails fast instead. */
  maxTotalWaitMs: number;
  /** First backoff when Graph gives no Retry-After; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
  maxAttempts: 6,
  maxTotalWaitMs: 180_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

export interface Outcome {
  status?: number;
  /** A transport failure: no HTTP answer at all (reset, refused, timed out). */
  transportFailure?: boolean;
  retryAfter?: string | null;
  /** Graph's clock when it answered (its Date header), against which a Retry-After date is measured. */
  serverTime?: number;
}

export type RetryDecision = { retry: false; reason?: string } | { retry: true; delayMs: number };

/**
 * The wait Retry-After asks for, in ms: delta-seconds (digits only) or an HTTP-date, the two forms
 * RFC 9110 defines. Anything else ("+5", "-1", "1.5", an ISO date) is undefined, so the caller's
 * backoff applies rather than "retry now". `serverNowMs` is the clock the date was written by, the
 * same response's Date header; without it a date cannot be measured (the container's clock may be
 * minutes off), so only delta-seconds count.
 */
export function parseRetryAfter(value: string | null | undefined, serverNowMs: number | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (serverNowMs === undefined) return undefined;
  const at = parseHttpDate(text, serverNowMs);
  return at === undefined ? undefined : Math.max(0, at - serverNowMs);
}

export function decideRetry(
  outcome: Outcome,
  context: { idempotent: boolean; attempt: number; waitedMs: number; random?: () => number },
  limits: RetryLimits = DEFAULT_RETRY_LIMITS,
): RetryDecision {
  const { status } = outcome;
  // 429 means the request was refused before any work was done, so even a send may be repeated.
  const throttled = status === 429;
  const transient = outcome.transportFailure || status === 502 || status === 503 || status === 504;
  if (!throttled && !(transient && context.idempotent)) return { retry: false };
  if (context.attempt >= limits.maxAttempts) return { retry: false, reason: `gave up after ${context.attempt} attempts` };
  const hinted = parseRetryAfter(outcome.retryAfter, outcome.serverTime);
  const backoff = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (context.attempt - 1));
  // Full jitter spreads the retries of parallel steps that were throttled together.
  const delayMs = hinted ?? Math.round(backoff / 2 + (context.random ?? Math.random)() * (backoff / 2));
  if (context.waitedMs + delayMs > limits.maxTotalWaitMs) {
    return { retry: false, reason: `Graph asked to wait ${Math.ceil(delayMs / 1000)} s, beyond the ${Math.round(limits.maxTotalWaitMs / 1000)} s this step waits` };
  }
  return { retry: true, delayMs };
}

export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly limits: RetryLimits,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const policy = context.middlewareControl?.getMiddlewareOptions(RequestPolicy) as RequestPolicy | undefined;
    const idempotent = policy?.idempotent ?? isIdempotentMethod(context.options?.method);
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      let outcome: Outcome;
      let failure: unknown;
      try {
        await this.next!.execute(context);
        const { headers } = context.response!;
        outcome = { status: context.response!.status, retryAfter: headers.get('retry-after'), serverTime: parseHttpDate(headers.get('date')) };
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        failure = err;
        outcome = { transportFailure: true };
      }
      const decision = decideRetry(outcome, { idempotent, attempt, waitedMs }, this.limits);
      if (!decision.retry) {
        if (failure) {
          if (decision.reason) (failure as TransportError).message += `; ${decision.reason}`;
          throw failure;
        }
        return;
      }
      this.logger.warn(`Graph ${context.options?.method ?? 'GET'} answered ${outcome.status ?? 'no response'}; retrying in ${decision.delayMs} ms (attempt ${attempt + 1} of ${this.limits.maxAttempts})`);
      await this.sleep(decision.delayMs);
      waitedMs += decision.delayMs;
    }
  }
}
