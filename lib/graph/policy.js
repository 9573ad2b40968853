"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestPolicy = void 0;
exports.isIdempotentMethod = isIdempotentMethod;
/**
 * Per-request facts the middleware needs and cannot guess from the HTTP method alone: a POST that
 * creates an event with a transactionId may be repeated safely, a POST that sends mail may not.
 */
class RequestPolicy {
    idempotent;
    constructor(idempotent) {
        this.idempotent = idempotent;
    }
}
exports.RequestPolicy = RequestPolicy;
function isIdempotentMethod(method) {
    return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes((method ?? 'GET').toUpperCase());
}
