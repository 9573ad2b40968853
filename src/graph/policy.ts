import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/**
 * Per-request facts the middleware needs and cannot guess from the HTTP method alone: a POST that
 * creates an event with a transactionId may be repeated safely, a POST that sends mail may not.
 */
export class RequestPolicy implements MiddlewareOptions {
  constructor(public readonly idempotent: boolean) {}
}

export function isIdempotentMethod(method: string | undefined): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes((method ?? 'GET').toUpperCase());
}
