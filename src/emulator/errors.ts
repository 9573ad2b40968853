/** Graph-shaped failures thrown by handlers; the server renders them with request ids. */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Further innerError members some answers carry (the token checks' oAuthEvent ids). */
    readonly innerError: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const notFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const malformedId = (): GraphError => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');

export const badRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);

export const invalidJson = (): GraphError => badRequest(
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
);

export const unknownProperty = (name: string, type: string): GraphError => new GraphError(
  400, 'RequestBroker--ParseUri', `Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`,
);

export const invalidFilter = (message = 'The query filter contains one or more invalid nodes.'): GraphError =>
  new GraphError(400, 'ErrorInvalidUrlQueryFilter', message);

/** The Retry-After header for a number of seconds; null sends none. */
export const retryAfter = (seconds: number | null): Record<string, string> =>
  (seconds === null ? {} : { 'Retry-After': String(seconds) });

export const throttled = (retryAfterSeconds: number | null, message: string): GraphError =>
  new GraphError(429, 'ApplicationThrottled', message, retryAfter(retryAfterSeconds));

/** Codes and messages Graph uses for gateway-level failures. */
export function statusError(status: number, retryAfterSeconds: number | null): GraphError {
  const retry = retryAfter(retryAfterSeconds);
  switch (status) {
    case 429: return throttled(retryAfterSeconds, 'Application is over its MailboxConcurrency limit.');
    case 503: return new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', retry);
    case 504: return new GraphError(504, 'GatewayTimeout', 'The gateway did not receive a response from the backend in time.', retry);
    default: return new GraphError(status, 'InternalServerError', 'An internal server error occurred.', retry);
  }
}
