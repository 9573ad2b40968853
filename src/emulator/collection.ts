/**
 * An in-memory item collection with lazily built sorted indexes, one per sort key. Listing a page
 * is a binary search plus a slice, so paging 100,000 items costs O(log n + page size) per page.
 * Ties are broken by `seq` (insertion order), which makes every order total and stable.
 */
export type SortKey = number | string;

export interface Sequenced {
  seq: number;
}

function compare(a: SortKey, b: SortKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SortedIndex<T extends Sequenced> {
  readonly items: T[];

  constructor(private readonly keyOf: (item: T) => SortKey, items: Iterable<T>) {
    this.items = [...items];
    this.sort();
  }

  /** First position whose key is >= key. */
  lowerBound(key: SortKey): number {
    return this.search((item) => compare(this.keyOf(item), key) < 0);
  }

  /** First position whose key is > key. */
  upperBound(key: SortKey): number {
    return this.search((item) => compare(this.keyOf(item), key) <= 0);
  }

  insert(item: T): void {
    const last = this.items[this.items.length - 1];
    // Items mostly arrive in key order (time moves forward): appending avoids the splice.
    if (!last || this.order(last, item) < 0) this.items.push(item);
    else this.items.splice(this.position(item), 0, item);
  }

  insertMany(items: readonly T[]): void {
    for (const item of items) this.items.push(item);
    this.sort();
  }

  remove(item: T): void {
    const at = this.position(item);
    if (this.items[at] === item) this.items.splice(at, 1);
  }

  private sort(): void {
    this.items.sort((a, b) => this.order(a, b));
  }

  private order(a: T, b: T): number {
    return compare(this.keyOf(a), this.keyOf(b)) || a.seq - b.seq;
  }

  /** Where `item` is, or would be inserted, under (key, seq) ordering. */
  private position(item: T): number {
    return this.search((other) => this.order(other, item) < 0);
  }

  /** First position for which `before` is false; `before` must be monotone over the array. */
  private search(before: (item: T) => boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class Collection<T extends Sequenced> {
  private readonly members = new Set<T>();
  private readonly indexes = new Map<string, SortedIndex<T>>();

  constructor(private readonly keys: Readonly<Record<string, (item: T) => SortKey>>) {}

  get size(): number {
    return this.members.size;
  }

  add(item: T): void {
    this.members.add(item);
    for (const index of this.indexes.values()) index.insert(item);
  }

  addMany(items: readonly T[]): void {
    for (const item of items) this.members.add(item);
    for (const index of this.indexes.values()) index.insertMany(items);
  }

  remove(item: T): void {
    if (!this.members.delete(item)) return;
    for (const index of this.indexes.values()) index.remove(item);
  }

  /** Applies a change that may move the item's sort keys, keeping every index in order. */
  update(item: T, change: () => void): void {
    if (!this.members.has(item)) {
      change();
      return;
    }
    for (const index of this.indexes.values()) index.remove(item);
    change();
    for (const index of this.indexes.values()) index.insert(item);
  }

  /** The index for a sort key, built on first use and maintained from then on. */
  index(key: string): SortedIndex<T> {
    let index = this.indexes.get(key);
    if (!index) {
      const keyOf = this.keys[key];
      if (!keyOf) throw new Error(`no sort key ${key}`);
      index = new SortedIndex(keyOf, this.members);
      this.indexes.set(key, index);
    }
    return index;
  }
}
