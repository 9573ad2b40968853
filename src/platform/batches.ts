/**
 * The "Emit behaviour" choice of lookups and triggers that yield many items: one platform message
 * per item (the default, what most flows map), or one message per page of Graph results holding
 * them as an array (for steps after it that work in batches). Either way items go out page by page
 * as they arrive, so memory does not grow with the number of results.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import type { StepContext } from '../graph/logger';
import { oneOf } from '../validation/fields';
import { uniqueName } from './mailAttachments';
import type { MessageAttachment } from './storage';

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

/** An item with the files its message carries (the platform message's `attachments`). */
export interface ItemMessage<T> {
  body: T;
  attachments?: Record<string, MessageAttachment>;
}

/**
 * The most JSON one page message may hold. Sailor refuses a message whose encrypted form exceeds
 * 10 MiB (OUTGOING_MESSAGE_SIZE_LIMIT), base64 by default (4 bytes for 3): 7.5 MiB of JSON at most,
 * less room for the headers it adds. A refused message is an error while the trigger moves on, so
 * the page's items would be lost.
 */
export const PAGE_MESSAGE_BUDGET_BYTES = 7 * 1024 * 1024;

/**
 * Emits `items` the chosen way; resolves once every message of the page has been emitted, so a
 * caller that persists progress afterwards never records what was not sent. `page` numbers the
 * first page message; a page too large for one message goes out as several, numbered on. Resolves
 * to the page numbers used.
 */
export async function emitItems<T>(context: StepContext, behaviour: EmitBehaviour, items: readonly T[], page: number): Promise<number> {
  return emitMessages(context, behaviour, items.map((body) => ({ body })), page);
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

/** Consecutive runs of `items` whose JSON stays within the budget (an item larger than it goes alone). */
function chunksOf<T>(items: readonly ItemMessage<T>[], budget: number): ItemMessage<T>[][] {
  const chunks: ItemMessage<T>[][] = [];
  let current: ItemMessage<T>[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = jsonBytes(item.body) + jsonBytes(item.attachments ?? {});
    if (current.length && size + bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * emitItems for items that carry files: one message per item with its own files, or one page
 * message with the files of all its items, a name another item of the page took first getting
 * ` (2)`, ` (3)`... (each item's own list of its files says which url is which).
 */
export async function emitMessages<T>(context: StepContext, behaviour: EmitBehaviour, items: readonly ItemMessage<T>[], page: number, budget = PAGE_MESSAGE_BUDGET_BYTES): Promise<number> {
  const withFiles = (body: unknown, files: Record<string, MessageAttachment> | undefined) => {
    const message = newMessageWithBody(body);
    if (files && Object.keys(files).length) message.attachments = files;
    return message;
  };
  if (behaviour === 'emitPage') {
    const chunks = chunksOf(items, budget);
    for (const [index, chunk] of chunks.entries()) {
      const taken = new Set<string>();
      const files: Record<string, MessageAttachment> = {};
      for (const item of chunk) for (const [name, file] of Object.entries(item.attachments ?? {})) files[uniqueName(name, taken)] = file;
      await context.emit('data', withFiles({ results: chunk.map((item) => item.body), page: page + index } satisfies ResultPage<T>, files));
    }
    return chunks.length;
  }
  for (const item of items) await context.emit('data', withFiles(item.body, item.attachments));
  return 0;
}
