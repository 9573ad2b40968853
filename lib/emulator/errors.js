"use strict";
/** Graph-shaped failures thrown by handlers; the server renders them with request ids. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.throttled = exports.retryAfter = exports.invalidFilter = exports.unknownProperty = exports.invalidJson = exports.badRequest = exports.malformedId = exports.notFound = exports.GraphError = void 0;
exports.statusError = statusError;
class GraphError extends Error {
    status;
    code;
    headers;
    innerError;
    constructor(status, code, message, headers = {}, 
    /** Further innerError members some answers carry (the token checks' oAuthEvent ids). */
    innerError = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = headers;
        this.innerError = innerError;
        this.name = 'GraphError';
    }
}
exports.GraphError = GraphError;
const notFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
exports.notFound = notFound;
const malformedId = () => new GraphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
exports.malformedId = malformedId;
const badRequest = (message) => new GraphError(400, 'BadRequest', message);
exports.badRequest = badRequest;
const invalidJson = () => (0, exports.badRequest)('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
exports.invalidJson = invalidJson;
const unknownProperty = (name, type) => new GraphError(400, 'RequestBroker--ParseUri', `Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`);
exports.unknownProperty = unknownProperty;
const invalidFilter = (message = 'The query filter contains one or more invalid nodes.') => new GraphError(400, 'ErrorInvalidUrlQueryFilter', message);
exports.invalidFilter = invalidFilter;
/** The Retry-After header for a number of seconds; null sends none. */
const retryAfter = (seconds) => (seconds === null ? {} : { 'Retry-After': String(seconds) });
exports.retryAfter = retryAfter;
const throttled = (retryAfterSeconds, message) => new GraphError(429, 'ApplicationThrottled', message, (0, exports.retryAfter)(retryAfterSeconds));
exports.throttled = throttled;
/** Codes and messages Graph uses for gateway-level failures. */
function statusError(status, retryAfterSeconds) {
    const retry = (0, exports.retryAfter)(retryAfterSeconds);
    switch (status) {
        case 429: return (0, exports.throttled)(retryAfterSeconds, 'Application is over its MailboxConcurrency limit.');
        case 503: return new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.', retry);
        case 504: return new GraphError(504, 'GatewayTimeout', 'The gateway did not receive a response from the backend in time.', retry);
        default: return new GraphError(status, 'InternalServerError', 'An internal server error occurred.', retry);
    }
}
