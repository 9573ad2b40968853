/** What handlers return, and the small amount of raw HTTP the server needs. */
import type { IncomingMessage } from 'node:http';

export interface HttpResult {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless `text` or `stream` is given. */
  body?: unknown;
  text?: string;
  /** A body produced chunk by chunk (file contents, MIME), so large ones are never held whole. */
  stream?: () => AsyncIterable<Buffer>;
}

const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const PLAIN_JSON = 'application/json; charset=utf-8';

export function graphJson(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, body, headers: { 'Content-Type': GRAPH_JSON, 'OData-Version': '4.0', ...headers } };
}

export function plainJson(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { status, body, headers: { 'Content-Type': PLAIN_JSON, ...headers } };
}

/**
 * Reads the request body up to `limit` bytes. Past the limit the rest is drained, not kept, so
 * the client finishes sending and can read our 413 instead of seeing a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > limit }));
    req.on('error', reject);
  });
}

export function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
