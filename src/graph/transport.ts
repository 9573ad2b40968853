/**
 * The last link of the middleware chain: one HTTP exchange with a deadline. The body is read
 * here, so the deadline and the concurrency slot cover the whole response, not just its headers;
 * a request marked StreamResponse gets a successful body handed over as a stream instead, under
 * the same deadline, and the slot follows the stream (see ConcurrencyMiddleware).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { GraphClientError } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * No HTTP answer (reset, refused, timed out). A GraphClientError, because the SDK passes those
 * through unchanged and wraps anything else.
 */
export class TransportError extends GraphClientError {
  constructor(message: string, public readonly reason: string) {
    super(message);
    // GraphClientError resets the prototype to its own, which would break `instanceof TransportError`.
    Object.setPrototypeOf(this, TransportError.prototype);
    this.name = 'TransportError';
  }
}

/** Carries any other error of ours through the SDK, which would otherwise wrap it in a GraphError. */
export class ChainError extends GraphClientError {
  constructor(public readonly original: Error) {
    super(original.message);
    Object.setPrototypeOf(this, ChainError.prototype);
  }
}

/**
 * The text of each response, read once here: re-wrapping it in a new Response would copy every
 * page twice more, and pages of 1,000 mails are megabytes.
 */
const bodies = new WeakMap<Response, string>();

export function responseText(response: Response): string {
  const text = bodies.get(response);
  if (text === undefined) throw new Error('responseText: the response did not pass through TransportMiddleware');
  return text;
}

/**
 * Marks a request whose successful body is to be streamed (file contents), with the deadline of
 * the whole exchange, body included: a file takes longer than a page of JSON.
 */
export class StreamResponse implements MiddlewareOptions {
  constructor(public readonly timeoutMs: number) {}
}

export interface StreamedBody {
  stream: Readable;
  /** Aborts at the deadline; the stream then fails. */
  signal: AbortSignal;
  timeoutMs: number;
}

const streamedBodies = new WeakMap<Response, StreamedBody>();

/** The body of a StreamResponse request that answered 2xx; error answers are read as text as usual. */
export function streamedBody(response: Response): StreamedBody | undefined {
  return streamedBodies.get(response);
}

export class TransportMiddleware implements Middleware {
  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const url = new URL(String(context.request));
    const method = context.options?.method ?? 'GET';
    const streaming = context.middlewareControl?.getMiddlewareOptions(StreamResponse) as StreamResponse | undefined;
    const timeoutMs = streaming?.timeoutMs ?? this.timeoutMs;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { ...(context.options as RequestInit), signal });
      if (streaming && response.ok && response.body) {
        const stream = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
        // Whoever reads it sees its failures; one that nobody reads must not crash the process.
        stream.on('error', () => {});
        // At the deadline the stream closes even if nobody is reading it, so its slot is never kept longer.
        const onAbort = (): void => { stream.destroy(); };
        signal.addEventListener('abort', onAbort, { once: true });
        stream.once('close', () => signal.removeEventListener('abort', onAbort));
        streamedBodies.set(response, { stream, signal, timeoutMs });
      } else {
        bodies.set(response, await response.text());
      }
      context.response = response;
    } catch (err) {
      const reason = signal.aborted ? `no answer within ${timeoutMs} ms` : describeNetworkError(err);
      // The path only: query strings can carry filter values taken from user data.
      throw new TransportError(`${method} ${url.pathname} failed: ${reason}`, signal.aborted ? 'timeout' : 'network');
    }
  }
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : 'network error');
}
