/**
 * The "Emit behaviour" choice of lookups and triggers that yield many items: one platform message
 * per item (the default, what most flows map), or one message per page of Graph results holding
 * them as an array (for steps after it that work in batches). Either way items go out page by page
 * as they arrive, so memory does not grow with the number of results.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import type { StepContext } from '../graph/logger';
import { oneOf } from '../validation/fields';

export const EMIT_BEHAVIOURS = ['emitIndividually', 'emitPage'] as const;
export type EmitBehaviour = typeof EMIT_BEHAVIOURS[number];

export function parseEmitBehaviour(value: unknown, field = 'emitBehaviour'): EmitBehaviour {
  return oneOf(value, field, EMIT_BEHAVIOURS, 'emitIndividually');
}

/** The body of an `emitPage` message; its out schema is `pageSchema` in src/manifest/schemas.ts. */
export interface ResultPage<T> {
  results: T[];
  /** 1 for the first message of the run, then 2, 3, ... */
  page: number;
}

/**
 * Emits `items` the chosen way; resolves once every message of the page has been emitted, so a
 * caller that persists progress afterwards never records what was not sent. `page` numbers the
 * page within this run.
 */
export async function emitItems<T>(context: StepContext, behaviour: EmitBehaviour, items: readonly T[], page: number): Promise<void> {
  if (behaviour === 'emitPage') {
    if (items.length) await context.emit('data', newMessageWithBody({ results: [...items], page } satisfies ResultPage<T>));
    return;
  }
  for (const item of items) await context.emit('data', newMessageWithBody(item));
}
