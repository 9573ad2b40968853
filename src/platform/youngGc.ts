/**
 * Every chunk of a file read from a socket is a fresh buffer outside V8's heap. Once passed on it
 * is garbage, but V8 frees such buffers only when its young generation fills (chunk objects are
 * small, so that takes hundreds of megabytes of data) or when memory outside the heap has grown
 * by 64 MB: moving a 140 MB file left 40 MB more resident than moving a 1 MB one (the benchmark's
 * attachment scenario). A young-generation collection after every few megabytes moved keeps the
 * peak where a small file leaves it, for about a millisecond each (a heap of a few megabytes).
 *
 * Node offers that collection only with --expose-gc, which the platform does not pass; the flag
 * is set at runtime for that one function (V8 installs `gc` in contexts created afterwards, so it
 * is taken from a fresh one) and nothing else changes. Where even that is refused, nothing is
 * collected early and only the peak differs.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

/**
 * Bytes moved between two collections. 4 MB: the benchmark's peaks at 1, 40 and 140 MB were
 * within 12 MB of each other (within 28 MB at 8 MB, 37 MB with none), at no measurable cost.
 */
export const YOUNG_GC_EVERY_BYTES = 4 * 1024 * 1024;

let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  const existing = (globalThis as { gc?: Collect }).gc;
  if (typeof existing === 'function') {
    collect = existing;
    return collect;
  }
  try {
    setFlagsFromString('--expose-gc');
    const made = runInNewContext('gc') as unknown;
    collect = typeof made === 'function' ? made as Collect : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Frees the buffers of the chunks already passed on (a young-generation collection). */
export function collectYoung(): void {
  collector()?.({ type: 'minor' });
}
