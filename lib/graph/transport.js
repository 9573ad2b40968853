"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TransportMiddleware = exports.StreamResponse = exports.ChainError = exports.TransportError = void 0;
exports.responseText = responseText;
exports.streamedBody = streamedBody;
/**
 * The last link of the middleware chain: one HTTP exchange with a deadline. The body is read
 * here, so the deadline and the concurrency slot cover the whole response, not just its headers;
 * a request marked StreamResponse gets a successful body handed over as a stream instead, under
 * the same deadline, and the slot follows the stream (see ConcurrencyMiddleware).
 */
const node_stream_1 = require("node:stream");
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
/**
 * Marks a request whose successful body is to be streamed (file contents), with the deadline of
 * the whole exchange, body included: a file takes longer than a page of JSON.
 */
class StreamResponse {
    timeoutMs;
    constructor(timeoutMs) {
        this.timeoutMs = timeoutMs;
    }
}
exports.StreamResponse = StreamResponse;
const streamedBodies = new WeakMap();
/** The body of a StreamResponse request that answered 2xx; error answers are read as text as usual. */
function streamedBody(response) {
    return streamedBodies.get(response);
}
class TransportMiddleware {
    timeoutMs;
    constructor(timeoutMs) {
        this.timeoutMs = timeoutMs;
    }
    async execute(context) {
        const url = new URL(String(context.request));
        const method = context.options?.method ?? 'GET';
        const streaming = context.middlewareControl?.getMiddlewareOptions(StreamResponse);
        const timeoutMs = streaming?.timeoutMs ?? this.timeoutMs;
        const signal = AbortSignal.timeout(timeoutMs);
        try {
            const response = await fetch(url, { ...context.options, signal });
            if (streaming && response.ok && response.body) {
                const stream = node_stream_1.Readable.fromWeb(response.body);
                // Whoever reads it sees its failures; one that nobody reads must not crash the process.
                stream.on('error', () => { });
                // At the deadline the stream closes even if nobody is reading it, so its slot is never kept longer.
                const onAbort = () => { stream.destroy(); };
                signal.addEventListener('abort', onAbort, { once: true });
                stream.once('close', () => signal.removeEventListener('abort', onAbort));
                streamedBodies.set(response, { stream, signal, timeoutMs });
            }
            else {
                bodies.set(response, await response.text());
            }
            context.response = response;
        }
        catch (err) {
            const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : describeNetworkError(err);
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
