"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConcurrencyMiddleware = exports.Semaphore = exports.MAX_CONCURRENT_PER_MAILBOX = void 0;
exports.mailboxQueueKey = mailboxQueueKey;
exports.learnMailboxAliases = learnMailboxAliases;
exports.semaphoreFor = semaphoreFor;
exports.resetMailboxQueues = resetMailboxQueues;
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
/** Other names of a mailbox (a user's UPN) to the one its queue is keyed by (the user's object id), per app. */
const aliases = new Map();
/** `app` is the Graph host and app id the queue counts for; `mailbox` a lower-case id, UPN or address. */
function mailboxQueueKey(app, mailbox) {
    const key = `${app}|${mailbox.toLowerCase()}`;
    return aliases.get(key) ?? key;
}
/**
 * Records that `names` (the signed-in user's UPN, read from the token) are the mailbox whose
 * object id is `id`, so `/me`, `/users/{id}` and `/users/{upn}` share a queue. An SMTP alias that
 * differs from the UPN cannot be known without a directory read, and keeps a queue of its own.
 */
function learnMailboxAliases(app, id, names) {
    const canonical = `${app}|${id.toLowerCase()}`;
    for (const name of names)
        if (name)
            aliases.set(`${app}|${name.toLowerCase()}`, canonical);
    return canonical;
}
function semaphoreFor(mailboxKey) {
    let semaphore = mailboxSemaphores.get(mailboxKey);
    if (!semaphore) {
        semaphore = new Semaphore(exports.MAX_CONCURRENT_PER_MAILBOX);
        mailboxSemaphores.set(mailboxKey, semaphore);
    }
    return semaphore;
}
/** For tests: forget queues and aliases. */
function resetMailboxQueues() {
    mailboxSemaphores.clear();
    aliases.clear();
}
class ConcurrencyMiddleware {
    queueKey;
    next;
    /** `queueKey` is asked per request: what is known about the mailbox can grow (a token's claims). */
    constructor(queueKey) {
        this.queueKey = queueKey;
    }
    setNext(next) {
        this.next = next;
    }
    async execute(context) {
        const semaphore = semaphoreFor(this.queueKey());
        await semaphore.acquire();
        let handedOver = false;
        try {
            await this.next.execute(context);
            // A streamed body is still being transferred: the slot is freed when it ends, fails or is destroyed.
            const body = context.response && (0, transport_1.streamedBody)(context.response);
            if (body) {
                body.stream.once('close', () => semaphore.release());
                handedOver = true;
            }
        }
        finally {
            if (!handedOver)
                semaphore.release();
        }
    }
}
exports.ConcurrencyMiddleware = ConcurrencyMiddleware;
