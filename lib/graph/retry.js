"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RetryMiddleware = exports.DEFAULT_RETRY_LIMITS = void 0;
exports.parseRetryAfter = parseRetryAfter;
exports.decideRetry = decideRetry;
const httpDate_1 = require("./httpDate");
const policy_1 = require("./policy");
const transport_1 = require("./transport");
exports.DEFAULT_RETRY_LIMITS = {
    maxAttempts: 6,
    maxTotalWaitMs: 180_000,
    baseDelayMs: 1_000,
    maxDelayMs: 60_000,
};
/**
 * The wait Retry-After asks for, in ms: delta-seconds (digits only) or an HTTP-date, the two forms
 * RFC 9110 defines. Anything else ("+5", "-1", "1.5", an ISO date) is undefined, so the caller's
 * backoff applies rather than "retry now". `serverNowMs` is the clock the date was written by, the
 * same response's Date header; without it a date cannot be measured (the container's clock may be
 * minutes off), so only delta-seconds count.
 */
function parseRetryAfter(value, serverNowMs) {
    const text = value?.trim() ?? '';
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    if (serverNowMs === undefined)
        return undefined;
    const at = (0, httpDate_1.parseHttpDate)(text, serverNowMs);
    return at === undefined ? undefined : Math.max(0, at - serverNowMs);
}
function decideRetry(outcome, context, limits = exports.DEFAULT_RETRY_LIMITS) {
    const { status } = outcome;
    // 429 means the request was refused before any work was done, so even a send may be repeated.
    const throttled = status === 429;
    const transient = outcome.transportFailure || status === 502 || status === 503 || status === 504;
    if (!throttled && !(transient && context.idempotent))
        return { retry: false };
    if (context.attempt >= limits.maxAttempts)
        return { retry: false, reason: `gave up after ${context.attempt} attempts` };
    const hinted = parseRetryAfter(outcome.retryAfter, outcome.serverTime);
    const backoff = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (context.attempt - 1));
    // Full jitter spreads the retries of parallel steps that were throttled together.
    const delayMs = hinted ?? Math.round(backoff / 2 + (context.random ?? Math.random)() * (backoff / 2));
    if (context.waitedMs + delayMs > limits.maxTotalWaitMs) {
        return { retry: false, reason: `Graph asked to wait ${Math.ceil(delayMs / 1000)} s, beyond the ${Math.round(limits.maxTotalWaitMs / 1000)} s this step waits` };
    }
    return { retry: true, delayMs };
}
class RetryMiddleware {
    limits;
    logger;
    sleep;
    next;
    constructor(limits, logger, sleep) {
        this.limits = limits;
        this.logger = logger;
        this.sleep = sleep;
    }
    setNext(next) {
        this.next = next;
    }
    async execute(context) {
        const policy = context.middlewareControl?.getMiddlewareOptions(policy_1.RequestPolicy);
        const idempotent = policy?.idempotent ?? (0, policy_1.isIdempotentMethod)(context.options?.method);
        let waitedMs = 0;
        for (let attempt = 1;; attempt += 1) {
            let outcome;
            let failure;
            try {
                await this.next.execute(context);
                const { headers } = context.response;
                outcome = { status: context.response.status, retryAfter: headers.get('retry-after'), serverTime: (0, httpDate_1.parseHttpDate)(headers.get('date')) };
            }
            catch (err) {
                if (!(err instanceof transport_1.TransportError))
                    throw err;
                failure = err;
                outcome = { transportFailure: true };
            }
            const decision = decideRetry(outcome, { idempotent, attempt, waitedMs }, this.limits);
            if (!decision.retry) {
                if (failure) {
                    if (decision.reason)
                        failure.message += `; ${decision.reason}`;
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
exports.RetryMiddleware = RetryMiddleware;
