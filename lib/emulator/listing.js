"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_PAGE_SIZE = void 0;
exports.runQuery = runQuery;
exports.collectionBody = collectionBody;
const entity_1 = require("./entity");
const extended_properties_1 = require("./extended-properties");
exports.DEFAULT_PAGE_SIZE = 10;
function predicate(def, c) {
    if (c.op === 'extended')
        return (item) => (0, extended_properties_1.matchesExtended)(def.extendedProperties?.(item), c.value);
    const field = def.filterable[c.prop];
    if (c.op === 'lambda')
        return (item) => field.kind === 'lambda' && field.any(item, c.clauses);
    if (field.kind === 'lambda')
        throw new Error(`${c.prop} is filtered with any() only`);
    const get = field.get;
    const norm = (v) => (typeof v === 'string' ? v.toLowerCase() : v);
    const value = norm(c.value);
    const text = (item) => String(norm(get(item)));
    // Exchange compares strings case-insensitively.
    switch (c.op) {
        case 'contains': return (item) => text(item).includes(value);
        case 'startswith': return (item) => text(item).startsWith(value);
        case 'any': return (item) => get(item).some((v) => v.toLowerCase() === value);
        case 'eq': return (item) => norm(get(item)) === value;
        case 'ne': return (item) => norm(get(item)) !== value;
        case 'ge': return (item) => norm(get(item)) >= value;
        case 'gt': return (item) => norm(get(item)) > value;
        case 'le': return (item) => norm(get(item)) <= value;
        case 'lt': return (item) => norm(get(item)) < value;
    }
}
/**
 * @param visibleUntil items whose `visibleFrom` key is later than this are not listed yet
 *   (replication delay); undefined lists everything.
 */
function runQuery(def, collection, query, pageSize, visibleUntil) {
    const index = collection.index(query.orderBy.key);
    const rangeable = ['datetime', 'wallclock'].includes(def.filterable[query.orderBy.key]?.kind ?? '');
    let lo = 0;
    let hi = index.items.length;
    const tests = [];
    for (const c of query.conditions) {
        if (rangeable && c.prop === query.orderBy.key && c.op === 'ge')
            lo = Math.max(lo, index.lowerBound(c.value));
        else if (rangeable && c.prop === query.orderBy.key && c.op === 'le')
            hi = Math.min(hi, index.upperBound(c.value));
        else
            tests.push(predicate(def, c));
    }
    // The delay models mail stamped before it reaches the store, and a copy reaching it after the
    // stamp it keeps; a client's look-up of its own item by a property it set (its extended property)
    // finds what the store holds at once.
    const ownItem = query.conditions.some((c) => c.op === 'extended');
    if (def.visibleFrom && visibleUntil !== undefined && !ownItem) {
        if (def.visibleFrom === query.orderBy.key) {
            hi = Math.min(hi, index.upperBound(visibleUntil));
        }
        else {
            const visibleKey = def.sortable[def.visibleFrom];
            tests.push((item) => visibleKey(item) <= visibleUntil);
        }
        const { storedAt } = def;
        if (storedAt)
            tests.push((item) => (storedAt(item) ?? visibleUntil) <= visibleUntil);
    }
    const at = (n) => index.items[query.orderBy.desc ? hi - 1 - n : lo + n];
    const span = Math.max(0, hi - lo);
    if (tests.length === 0) {
        const items = [];
        for (let n = query.skip; n < Math.min(span, query.skip + pageSize); n += 1)
            items.push(at(n));
        return { items, hasMore: query.skip + pageSize < span, total: query.count ? span : undefined };
    }
    const items = [];
    let matched = 0;
    let hasMore = false;
    for (let n = 0; n < span; n += 1) {
        const item = at(n);
        if (!tests.every((test) => test(item)))
            continue;
        matched += 1;
        if (matched <= query.skip)
            continue;
        if (items.length < pageSize) {
            items.push(item);
        }
        else {
            hasMore = true;
            if (!query.count)
                break;
        }
    }
    return { items, hasMore, total: query.count ? matched : undefined };
}
/** Builds `{@odata.context, value, @odata.nextLink?}`; the nextLink carries $skip like Outlook's. */
function collectionBody(def, page, query, pageSize, ctx, where) {
    const selectSuffix = query.select ? `(${query.select.join(',')})` : '';
    const body = { '@odata.context': `${where.metadataBase}#${where.context}${selectSuffix}` };
    if (page.total !== undefined)
        body['@odata.count'] = page.total;
    body.value = page.items.map((item) => (0, entity_1.render)(def, item, ctx, query.select));
    if (page.hasMore)
        body['@odata.nextLink'] = nextLink(where.requestUrl, where.params, query.skip + pageSize);
    return body;
}
function nextLink(requestUrl, params, skip) {
    const pairs = [];
    let skipWritten = false;
    for (const [key, value] of params) {
        if (key === '$skip') {
            if (!skipWritten)
                pairs.push(`%24skip=${skip}`);
            skipWritten = true;
        }
        else {
            pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
        }
    }
    if (!skipWritten)
        pairs.push(`%24skip=${skip}`);
    return `${requestUrl}?${pairs.join('&')}`;
}
