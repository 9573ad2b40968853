"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConcurrencyMiddleware = exports.Semaphore = exports.MAX_CONCURRENT_PER_MAILBOX = void 0;
exports.semaphoreFor = semaphoreFor;
const transport_1 = require("./transport");
exports.MAX_CONCURRENT_PER_MAILBOX = 4;
class Semaphore {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async acquire() {
        if (this.active < this.limit) {
            this.active += 1;
            return;
        }
        // The slot is handed over by release(), so `active` never exceeds the limit.
        await new Promise((resolve) => { this.waiting.push(resolve); });
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active -= 1;
    }
    get inFlight() {
        return this.active;
    }
}
exports.Semaphore = Semaphore;
/** Shared by every client of the process that talks to the same mailbox. */
const mailboxSemaphores = new Map();
function semaphoreFor(mailboxKey) {
    let semaphore = mailboxSemaphores.get(mailboxKey);
    if (!semaphore) {
        semaphore = new Semaphore(exports.MAX_CONCURRENT_PER_MAILBOX);
        mailboxSemaphores.set(mailboxKey, semaphore);
    }
    return semaphore;
}
class ConcurrencyMiddleware {
    semaphore;
    next;
    constructor(semaphore) {
        this.semaphore = semaphore;
    }
    setNext(next) {
        this.next = next;
    }
    async execute(context) {
        await this.semaphore.acquire();
        let handedOver = false;
        try {
            await this.next.execute(context);
            // A streamed body is still being transferred: the slot is freed when it ends, fails or is destroyed.
            const body = context.response && (0, transport_1.streamedBody)(context.response);
            if (body) {
                body.stream.once('close', () => this.semaphore.release());
                handedOver = true;
            }
        }
        finally {
            if (!handedOver)
                this.semaphore.release();
        }
    }
}
exports.ConcurrencyMiddleware = ConcurrencyMiddleware;
