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
import { Readable } from 'node:stream';
import { collectYoung, YOUNG_GC_EVERY_BYTES } from './youngGc';

export interface GuardOptions {
  /** Opens the source; called once, on the first read. */
  open: () => Promise<Readable> | Readable;
  /** The stream fails as soon as more bytes than this have come. */
  maxBytes?: number;
  tooLarge?: (received: number) => Error;
  /** The stream fails when it has not ended this long after the first read. */
  deadlineMs?: number;
  late?: (received: number) => Error;
  /** Turns a failure of `open` or of the source into the error the reader sees. */
  failed?: (err: unknown, received: number) => Error;
  /** Called with the byte count when the source ended normally. */
  ended?: (received: number) => void;
}

type Pipeable = NodeJS.WritableStream & { pipe?: Readable['pipe']; destroy?: (err?: Error) => void };

export class GuardedStream extends Readable {
  private source?: Readable;
  private chunks?: AsyncIterator<Buffer>;
  private pulling = false;
  /** Asked for more while a pull was still running: pull again when it ends. */
  private asked = false;
  private finished = false;
  private timer?: NodeJS.Timeout;
  private received = 0;
  private sinceCollected = 0;
  private readonly downstream = new Set<Pipeable>();

  constructor(private readonly options: GuardOptions) {
    super();
    // Readers see failures through for-await or pipeline; one that only pipes must not crash the process.
    this.on('error', () => {});
  }

  get bytesRead(): number {
    return this.received;
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.follow(destination as unknown as Pipeable);
    return super.pipe(destination, options);
  }

  override _read(): void {
    if (this.finished) return;
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

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.timer);
    this.source?.destroy();
    if (err) {
      // Failed, each of them fails whatever consumes it (an upload) instead of finishing it. The
      // listener added keeps one that nobody listens to from crashing the process; those that
      // listen still hear the error.
      for (const stream of this.downstream) {
        (stream as unknown as Readable).on?.('error', () => {});
        stream.destroy?.(err);
      }
    }
    callback(err);
  }

  private async pull(): Promise<void> {
    try {
      if (!this.chunks) {
        if (this.options.deadlineMs !== undefined) {
          const late = this.options.late ?? ((n: number) => new Error(`the transfer did not end within ${this.options.deadlineMs} ms (${n} bytes)`));
          this.timer = setTimeout(() => this.destroy(late(this.received)), this.options.deadlineMs);
          // Only what moves the bytes should keep the process alive, not the watch over them.
          this.timer.unref();
        }
        this.source = await this.options.open();
        if (this.destroyed) {
          this.source.destroy();
          return;
        }
        this.chunks = (this.source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      }
      for (;;) {
        const { value, done } = await this.chunks.next();
        if (this.destroyed) return;
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
          this.destroy((this.options.tooLarge ?? ((n: number) => new Error(`more than ${max} bytes (${n} so far)`)))(this.received));
          return;
        }
        this.sinceCollected += value.length;
        if (this.sinceCollected >= YOUNG_GC_EVERY_BYTES) {
          // The chunks before this one are garbage by now: keep them from piling up (see youngGc.ts).
          this.sinceCollected = 0;
          collectYoung();
        }
        if (!this.push(value)) return;
      }
    } catch (err) {
      if (!this.destroyed) this.destroy(this.options.failed ? this.options.failed(err, this.received) : err as Error);
    }
  }

  /** Remembers `stream` and, through its own pipe(), whatever it is piped into next. */
  private follow(stream: Pipeable): void {
    if (this.downstream.has(stream)) return;
    this.downstream.add(stream);
    const { pipe } = stream;
    if (typeof pipe !== 'function') return;
    const follow = (next: Pipeable): void => this.follow(next);
    stream.pipe = function followed<T extends NodeJS.WritableStream>(this: Readable, next: T, options?: { end?: boolean }): T {
      follow(next as unknown as Pipeable);
      return pipe.call(this, next, options) as T;
    } as Readable['pipe'];
  }
}

/** A guarded stream over `open`; see GuardOptions. */
export function guardedStream(options: GuardOptions): GuardedStream {
  return new GuardedStream(options);
}
