/**
 * Runs a parsed list query over a collection and shapes the OData collection response.
 * Conditions on the sort key become a binary-searched range; only the rest are tested per item,
 * so the common "ge cursor, order by that field" poll is O(log n + page size).
 */
import type { Collection, Sequenced } from './collection';
import { render } from './entity';
import type { EntityDef, RenderContext } from './entity';
import { matchesExtended } from './extended-properties';
import type { Condition, ListQuery } from './odata';

export const DEFAULT_PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  total?: number;
}

function predicate<T>(def: EntityDef<T>, c: Condition): (item: T) => boolean {
  if (c.op === 'extended') return (item) => matchesExtended(def.extendedProperties?.(item), c.value as string);
  const field = def.filterable[c.prop];
  if (c.op === 'lambda') return (item) => field.kind === 'lambda' && field.any(item, c.clauses);
  if (field.kind === 'lambda') throw new Error(`${c.prop} is filtered with any() only`);
  const get = field.get;
  const norm = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);
  const value = norm(c.value) as number | boolean | string;
  const text = (item: T): string => String(norm(get(item)));
  // Exchange compares strings case-insensitively.
  switch (c.op) {
    case 'contains': return (item) => text(item).includes(value as string);
    case 'startswith': return (item) => text(item).startsWith(value as string);
    case 'any': return (item) => (get(item) as readonly string[]).some((v) => v.toLowerCase() === value);
    case 'eq': return (item) => norm(get(item)) === value;
    case 'ne': return (item) => norm(get(item)) !== value;
    case 'ge': return (item) => (norm(get(item)) as typeof value) >= value;
    case 'gt': return (item) => (norm(get(item)) as typeof value) > value;
    case 'le': return (item) => (norm(get(item)) as typeof value) <= value;
    case 'lt': return (item) => (norm(get(item)) as typeof value) < value;
  }
}

/**
 * @param visibleUntil items whose `visibleFrom` key is later than this are not listed yet
 *   (replication delay); undefined lists everything.
 */
export function runQuery<T extends Sequenced>(
  def: EntityDef<T>,
  collection: Collection<T>,
  query: ListQuery,
  pageSize: number,
  visibleUntil?: number,
): Page<T> {
  const index = collection.index(query.orderBy.key);
  const rangeable = ['datetime', 'wallclock'].includes(def.filterable[query.orderBy.key]?.kind ?? '');
  let lo = 0;
  let hi = index.items.length;
  const tests: ((item: T) => boolean)[] = [];
  for (const c of query.conditions) {
    if (rangeable && c.prop === query.orderBy.key && c.op === 'ge') lo = Math.max(lo, index.lowerBound(c.value as number));
    else if (rangeable && c.prop === query.orderBy.key && c.op === 'le') hi = Math.min(hi, index.upperBound(c.value as number));
    else tests.push(predicate(def, c));
  }
  // The delay models mail stamped before it reaches the store, and a copy reaching it after the
  // stamp it keeps; a client's look-up of its own item by a property it set (its extended property)
  // finds what the store holds at once.
  const ownItem = query.conditions.some((c) => c.op === 'extended');
  if (def.visibleFrom && visibleUntil !== undefined && !ownItem) {
    if (def.visibleFrom === query.orderBy.key) {
      hi = Math.min(hi, index.upperBound(visibleUntil));
    } else {
      const visibleKey = def.sortable[def.visibleFrom];
      tests.push((item) => (visibleKey(item) as number) <= visibleUntil);
    }
    const { storedAt } = def;
    if (storedAt) tests.push((item) => (storedAt(item) ?? visibleUntil) <= visibleUntil);
  }
  const at = (n: number): T => index.items[query.orderBy.desc ? hi - 1 - n : lo + n];
  const span = Math.max(0, hi - lo);

  if (tests.length === 0) {
    const items: T[] = [];
    for (let n = query.skip; n < Math.min(span, query.skip + pageSize); n += 1) items.push(at(n));
    return { items, hasMore: query.skip + pageSize < span, total: query.count ? span : undefined };
  }
  const items: T[] = [];
  let matched = 0;
  let hasMore = false;
  for (let n = 0; n < span; n += 1) {
    const item = at(n);
    if (!tests.every((test) => test(item))) continue;
    matched += 1;
    if (matched <= query.skip) continue;
    if (items.length < pageSize) {
      items.push(item);
    } else {
      hasMore = true;
      if (!query.count) break;
    }
  }
  return { items, hasMore, total: query.count ? matched : undefined };
}

export interface CollectionResponse {
  /** Absolute URL of the request as the client made it, e.g. `${url}/v1.0/me/messages`. */
  requestUrl: string;
  params: URLSearchParams;
  /** `$metadata#...` fragment naming the entity set, without the $select suffix. */
  context: string;
  metadataBase: string;
}

/** Builds `{@odata.context, value, @odata.nextLink?}`; the nextLink carries $skip like Outlook's. */
export function collectionBody<T>(
  def: EntityDef<T>,
  page: Page<T>,
  query: ListQuery,
  pageSize: number,
  ctx: RenderContext,
  where: CollectionResponse,
): Record<string, unknown> {
  const selectSuffix = query.select ? `(${query.select.join(',')})` : '';
  const body: Record<string, unknown> = { '@odata.context': `${where.metadataBase}#${where.context}${selectSuffix}` };
  if (page.total !== undefined) body['@odata.count'] = page.total;
  body.value = page.items.map((item) => render(def, item, ctx, query.select));
  if (page.hasMore) body['@odata.nextLink'] = nextLink(where.requestUrl, where.params, query.skip + pageSize);
  return body;
}

function nextLink(requestUrl: string, params: URLSearchParams, skip: number): string {
  const pairs: string[] = [];
  let skipWritten = false;
  for (const [key, value] of params) {
    if (key === '$skip') {
      if (!skipWritten) pairs.push(`%24skip=${skip}`);
      skipWritten = true;
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    }
  }
  if (!skipWritten) pairs.push(`%24skip=${skip}`);
  return `${requestUrl}?${pairs.join('&')}`;
}
