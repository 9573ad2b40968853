"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Collection = exports.SortedIndex = void 0;
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
class SortedIndex {
    keyOf;
    items;
    constructor(keyOf, items) {
        this.keyOf = keyOf;
        this.items = [...items];
        this.sort();
    }
    /** First position whose key is >= key. */
    lowerBound(key) {
        return this.search((item) => compare(this.keyOf(item), key) < 0);
    }
    /** First position whose key is > key. */
    upperBound(key) {
        return this.search((item) => compare(this.keyOf(item), key) <= 0);
    }
    insert(item) {
        const last = this.items[this.items.length - 1];
        // Items mostly arrive in key order (time moves forward): appending avoids the splice.
        if (!last || this.order(last, item) < 0)
            this.items.push(item);
        else
            this.items.splice(this.position(item), 0, item);
    }
    insertMany(items) {
        for (const item of items)
            this.items.push(item);
        this.sort();
    }
    remove(item) {
        const at = this.position(item);
        if (this.items[at] === item)
            this.items.splice(at, 1);
    }
    sort() {
        this.items.sort((a, b) => this.order(a, b));
    }
    order(a, b) {
        return compare(this.keyOf(a), this.keyOf(b)) || a.seq - b.seq;
    }
    /** Where `item` is, or would be inserted, under (key, seq) ordering. */
    position(item) {
        return this.search((other) => this.order(other, item) < 0);
    }
    /** First position for which `before` is false; `before` must be monotone over the array. */
    search(before) {
        let lo = 0;
        let hi = this.items.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (before(this.items[mid]))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
exports.SortedIndex = SortedIndex;
class Collection {
    keys;
    members = new Set();
    indexes = new Map();
    constructor(keys) {
        this.keys = keys;
    }
    get size() {
        return this.members.size;
    }
    add(item) {
        this.members.add(item);
        for (const index of this.indexes.values())
            index.insert(item);
    }
    addMany(items) {
        for (const item of items)
            this.members.add(item);
        for (const index of this.indexes.values())
            index.insertMany(items);
    }
    remove(item) {
        if (!this.members.delete(item))
            return;
        for (const index of this.indexes.values())
            index.remove(item);
    }
    /** Applies a change that may move the item's sort keys, keeping every index in order. */
    update(item, change) {
        if (!this.members.has(item)) {
            change();
            return;
        }
        for (const index of this.indexes.values())
            index.remove(item);
        change();
        for (const index of this.indexes.values())
            index.insert(item);
    }
    /** The index for a sort key, built on first use and maintained from then on. */
    index(key) {
        let index = this.indexes.get(key);
        if (!index) {
            const keyOf = this.keys[key];
            if (!keyOf)
                throw new Error(`no sort key ${key}`);
            index = new SortedIndex(keyOf, this.members);
            this.indexes.set(key, index);
        }
        return index;
    }
}
exports.Collection = Collection;
