"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GuardedStream = void 0;
exports.guardedStream = guardedStream;
/**
 * A file's bytes on their way through the component: counted, cut off above a size limit and
 * after a deadline, with every failure turned into an error that names the file. The source is
 * opened on the first read, so a stream made and never read costs nothing (the storage client
 * makes one per attempt just to check that each attempt gets a fresh one).
 *
 * Failures also reach the streams this one is piped into, and the streams those are piped into:
 * the storage client peeks at the first bytes through a chain of legacy pipe() calls, which pass
 * on data and end but not errors, so without this an upload whose source failed would wait for
 * its request deadline instead of failing at once (and a failure must never look like an end,
 * which would store a truncated file).
 */
const node_stream_1 = require("node:stream");
const youngGc_1 = require("./youngGc");
class GuardedStream extends node_stream_1.Readable {
    options;
    source;
    chunks;
    pulling = false;
    /** Asked for more while a pull was still running: pull again when it ends. */
    asked = false;
    finished = false;
    timer;
    received = 0;
    sinceCollected = 0;
    downstream = new Set();
    constructor(options) {
        super();
        this.options = options;
        // Readers see failures through for-await or pipeline; one that only pipes must not crash the process.
        this.on('error', () => { });
    }
    get bytesRead() {
        return this.received;
    }
    pipe(destination, options) {
        this.follow(destination);
        return super.pipe(destination, options);
    }
    _read() {
        if (this.finished)
            return;
        if (this.pulling) {
            this.asked = true;
            return;
        }
        this.pulling = true;
        // pull() settles every failure itself (by destroying the stream).
        void this.pull().finally(() => {
            this.pulling = false;
            if (this.asked) {
                this.asked = false;
                this._read();
            }
        });
    }
    _destroy(err, callback) {
        clearTimeout(this.timer);
        this.source?.destroy();
        if (err) {
            // Failed, each of them fails whatever consumes it (an upload) instead of finishing it. The
            // listener added keeps one that nobody listens to from crashing the process; those that
            // listen still hear the error.
            for (const stream of this.downstream) {
                stream.on?.('error', () => { });
                stream.destroy?.(err);
            }
        }
        callback(err);
    }
    async pull() {
        try {
            if (!this.chunks) {
                if (this.options.deadlineMs !== undefined) {
                    const late = this.options.late ?? ((n) => new Error(`the transfer did not end within ${this.options.deadlineMs} ms (${n} bytes)`));
                    this.timer = setTimeout(() => this.destroy(late(this.received)), this.options.deadlineMs);
                    // Only what moves the bytes should keep the process alive, not the watch over them.
                    this.timer.unref();
                }
                this.source = await this.options.open();
                if (this.destroyed) {
                    this.source.destroy();
                    return;
                }
                this.chunks = this.source[Symbol.asyncIterator]();
            }
            for (;;) {
                const { value, done } = await this.chunks.next();
                if (this.destroyed)
                    return;
                if (done) {
                    this.finished = true;
                    clearTimeout(this.timer);
                    this.options.ended?.(this.received);
                    this.push(null);
                    return;
                }
                this.received += value.length;
                const max = this.options.maxBytes;
                if (max !== undefined && this.received > max) {
                    this.destroy((this.options.tooLarge ?? ((n) => new Error(`more than ${max} bytes (${n} so far)`)))(this.received));
                    return;
                }
                this.sinceCollected += value.length;
                if (this.sinceCollected >= youngGc_1.YOUNG_GC_EVERY_BYTES) {
                    // The chunks before this one are garbage by now: keep them from piling up (see youngGc.ts).
                    this.sinceCollected = 0;
                    (0, youngGc_1.collectYoung)();
                }
                if (!this.push(value))
                    return;
            }
        }
        catch (err) {
            if (!this.destroyed)
                this.destroy(this.options.failed ? this.options.failed(err, this.received) : err);
        }
    }
    /** Remembers `stream` and, through its own pipe(), whatever it is piped into next. */
    follow(stream) {
        if (this.downstream.has(stream))
            return;
        this.downstream.add(stream);
        const { pipe } = stream;
        if (typeof pipe !== 'function')
            return;
        const follow = (next) => this.follow(next);
        stream.pipe = function followed(next, options) {
            follow(next);
            return pipe.call(this, next, options);
        };
    }
}
exports.GuardedStream = GuardedStream;
/** A guarded stream over `open`; see GuardOptions. */
function guardedStream(options) {
    return new GuardedStream(options);
}
