"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TransportMiddleware = exports.ChainError = exports.TransportError = void 0;
exports.responseText = responseText;
/**
 * The last link of the middleware chain: one HTTP exchange with a deadline. The body is read
 * here, so the deadline and the concurrency slot cover the whole response, not just its headers.
 */
const microsoft_graph_client_1 = require("@microsoft/microsoft-graph-client");
/**
 * No HTTP answer (reset, refused, timed out). A GraphClientError, because the SDK passes those
 * through unchanged and wraps anything else.
 */
class TransportError extends microsoft_graph_client_1.GraphClientError {
    reason;
    constructor(message, reason) {
        super(message);
        this.reason = reason;
        // GraphClientError resets the prototype to its own, which would break `instanceof TransportError`.
        Object.setPrototypeOf(this, TransportError.prototype);
        this.name = 'TransportError';
    }
}
exports.TransportError = TransportError;
/** Carries any other error of ours through the SDK, which would otherwise wrap it in a GraphError. */
class ChainError extends microsoft_graph_client_1.GraphClientError {
    original;
    constructor(original) {
        super(original.message);
        this.original = original;
        Object.setPrototypeOf(this, ChainError.prototype);
    }
}
exports.ChainError = ChainError;
/**
 * The text of each response, read once here: re-wrapping it in a new Response would copy every
 * page twice more, and pages of 1,000 mails are megabytes.
 */
const bodies = new WeakMap();
function responseText(response) {
    const text = bodies.get(response);
    if (text === undefined)
        throw new Error('responseText: the response did not pass through TransportMiddleware');
    return text;
}
class TransportMiddleware {
    timeoutMs;
    constructor(timeoutMs) {
        this.timeoutMs = timeoutMs;
    }
    async execute(context) {
        const url = new URL(String(context.request));
        const method = context.options?.method ?? 'GET';
        const signal = AbortSignal.timeout(this.timeoutMs);
        try {
            const response = await fetch(url, { ...context.options, signal });
            bodies.set(response, await response.text());
            context.response = response;
        }
        catch (err) {
            const reason = signal.aborted ? `no answer within ${this.timeoutMs} ms` : describeNetworkError(err);
            // The path only: query strings can carry filter values taken from user data.
            throw new TransportError(`${method} ${url.pathname} failed: ${reason}`, signal.aborted ? 'timeout' : 'network');
        }
    }
}
exports.TransportMiddleware = TransportMiddleware;
function describeNetworkError(err) {
    const cause = err.cause;
    return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : 'network error');
}
