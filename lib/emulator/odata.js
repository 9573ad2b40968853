"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_TOP = void 0;
exports.parseSelect = parseSelect;
exports.parseListQuery = parseListQuery;
const errors_1 = require("./errors");
const timefmt_1 = require("./timefmt");
const SUPPORTED_OPTIONS = new Set(['$select', '$top', '$skip', '$count', '$orderby', '$filter']);
exports.MAX_TOP = 1000;
function findName(names, wanted) {
    const lower = wanted.toLowerCase();
    for (const name of names)
        if (name.toLowerCase() === lower)
            return name;
    return undefined;
}
/** `start/dateTime` is a property path: its head must be a property of the type. */
function isProperty(def, path) {
    return findName(Object.keys(def.properties), path.split('/')[0]) !== undefined;
}
/** $select; also used for single-item requests. Names match case-insensitively, like Graph. */
function parseSelect(def, raw) {
    if (raw === null || raw.trim() === '')
        return undefined;
    return raw.split(',').map((part) => {
        const name = part.trim();
        const known = findName(Object.keys(def.properties), name);
        if (!known)
            throw (0, errors_1.unknownProperty)(name, def.type);
        return known;
    });
}
function integerOption(params, name, min, max) {
    const raw = params.get(name);
    if (raw === null)
        return undefined;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
        throw (0, errors_1.badRequest)(`Invalid value '${raw}' for query option '${name}': expected an integer from ${min} to ${max}.`);
    }
    return value;
}
function parseListQuery(def, params) {
    for (const key of params.keys()) {
        if (key.startsWith('$') && !SUPPORTED_OPTIONS.has(key.toLowerCase())) {
            throw (0, errors_1.badRequest)(`Query option '${key}' is not supported on this resource.`);
        }
    }
    const countRaw = params.get('$count');
    if (countRaw !== null && countRaw !== 'true' && countRaw !== 'false') {
        throw (0, errors_1.badRequest)(`Invalid value '${countRaw}' for query option '$count'.`);
    }
    const { conditions, firstProp } = parseFilter(def, params.get('$filter'));
    const explicitOrder = parseOrderBy(def, params.get('$orderby'));
    if (explicitOrder && firstProp !== undefined && def.orderByMustLeadFilter && explicitOrder.key !== firstProp) {
        throw new errors_1.GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
    }
    return {
        select: parseSelect(def, params.get('$select')),
        top: integerOption(params, '$top', 1, exports.MAX_TOP),
        skip: integerOption(params, '$skip', 0, Number.MAX_SAFE_INTEGER) ?? 0,
        count: countRaw === 'true',
        orderBy: explicitOrder ?? def.defaultOrder,
        conditions,
    };
}
function parseOrderBy(def, raw) {
    if (raw === null || raw.trim() === '')
        return undefined;
    const clauses = raw.split(',');
    if (clauses.length > 1)
        throw (0, errors_1.badRequest)('Only one $orderby property is supported.');
    const m = /^\s*([A-Za-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(clauses[0]);
    if (!m)
        throw (0, errors_1.badRequest)(`Syntax error in $orderby: '${raw}'.`);
    if (!isProperty(def, m[1]))
        throw (0, errors_1.unknownProperty)(m[1], def.type);
    const key = findName(Object.keys(def.sortable), m[1]);
    if (!key)
        throw (0, errors_1.badRequest)(`The property '${m[1]}' cannot be used in $orderby.`);
    return { key, desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
}
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === ' ' || c === '\t') {
            i += 1;
        }
        else if (c === "'") {
            let value = '';
            i += 1;
            for (;;) {
                if (i >= text.length)
                    throw (0, errors_1.invalidFilter)('Unterminated string literal in $filter.');
                if (text[i] === "'") {
                    if (text[i + 1] === "'") {
                        value += "'";
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                value += text[i];
                i += 1;
            }
            tokens.push({ t: 'string', v: value });
        }
        else {
            const m = /^[A-Za-z_][A-Za-z0-9_/]*|^[0-9][0-9:.TZtz+-]*|^./.exec(text.slice(i));
            const v = m[0];
            tokens.push(/^[A-Za-z_]/.test(v) ? { t: 'name', v } : { t: 'other', v });
            i += v.length;
        }
    }
    return tokens;
}
const OPERATORS = new Set(['eq', 'ne', 'ge', 'gt', 'le', 'lt']);
const FUNCTIONS = new Set(['contains', 'startswith']);
/** Reads the tokens of a $filter one at a time; anything unexpected is Graph's invalid-filter 400. */
class TokenReader {
    tokens;
    at = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    get done() {
        return this.at >= this.tokens.length;
    }
    peek(offset = 0) {
        return this.tokens[this.at + offset];
    }
    next() {
        const token = this.tokens[this.at];
        if (!token)
            throw (0, errors_1.invalidFilter)();
        this.at += 1;
        return token;
    }
    expect(t, v) {
        const token = this.next();
        if (token.t !== t || (v !== undefined && token.v.toLowerCase() !== v))
            throw (0, errors_1.invalidFilter)();
        return token;
    }
}
function filterField(def, path) {
    if (!isProperty(def, path))
        throw (0, errors_1.unknownProperty)(path.split('/')[0], def.type);
    const prop = findName(Object.keys(def.filterable), path);
    if (!prop)
        throw (0, errors_1.invalidFilter)();
    return prop;
}
/** One clause: `p op literal`, `contains(p,'x')` / `startswith(p,'x')`, or `p/any(v:v eq 'x')`. */
function parseClause(def, r) {
    const head = r.expect('name');
    const lower = head.v.toLowerCase();
    if (FUNCTIONS.has(lower) && r.peek()?.v === '(') {
        r.expect('other', '(');
        const prop = filterField(def, r.expect('name').v);
        r.expect('other', ',');
        const literal = r.next();
        r.expect('other', ')');
        if (def.filterable[prop].kind !== 'string')
            throw (0, errors_1.invalidFilter)(`The function '${lower}' needs a text property.`);
        if (literal.t !== 'string')
            throw incompatible(prop, 'Edm.String');
        return { prop, conditions: [{ prop, op: lower, value: literal.v }] };
    }
    if (lower.endsWith('/any') && r.peek()?.v === '(') {
        const prop = filterField(def, head.v.slice(0, -'/any'.length));
        r.expect('other', '(');
        const variable = r.expect('name').v;
        r.expect('other', ':');
        if (r.expect('name').v !== variable)
            throw (0, errors_1.invalidFilter)();
        r.expect('name', 'eq');
        const literal = r.next();
        r.expect('other', ')');
        if (def.filterable[prop].kind !== 'strings')
            throw (0, errors_1.invalidFilter)(`'any' needs a collection property.`);
        if (literal.t !== 'string')
            throw incompatible(prop, 'Edm.String');
        return { prop, conditions: [{ prop, op: 'any', value: literal.v }] };
    }
    // Another function (endswith, substringof...) is not one Outlook takes.
    if (r.peek()?.v === '(')
        throw (0, errors_1.invalidFilter)();
    const prop = filterField(def, head.v);
    const operator = r.expect('name').v.toLowerCase();
    if (!OPERATORS.has(operator))
        throw (0, errors_1.invalidFilter)();
    return { prop, conditions: normalise(prop, def.filterable[prop], operator, r.next()) };
}
function parseFilter(def, raw) {
    if (raw === null || raw.trim() === '')
        return { conditions: [] };
    const reader = new TokenReader(tokenize(raw.trim()));
    const conditions = [];
    let firstProp;
    for (;;) {
        const clause = parseClause(def, reader);
        conditions.push(...clause.conditions);
        firstProp ??= clause.prop;
        if (reader.done)
            break;
        reader.expect('name', 'and');
        if (reader.done)
            throw (0, errors_1.invalidFilter)();
    }
    return { conditions, firstProp };
}
function incompatible(prop, expected) {
    return (0, errors_1.invalidFilter)(`A binary operator with incompatible types was detected for '${prop}': expected ${expected}.`);
}
function normalise(prop, field, op, literal) {
    switch (field.kind) {
        case 'boolean': {
            const v = literal.v.toLowerCase();
            if (literal.t !== 'name' || (v !== 'true' && v !== 'false'))
                throw incompatible(prop, 'Edm.Boolean');
            if (op !== 'eq' && op !== 'ne')
                throw (0, errors_1.invalidFilter)();
            return [{ prop, op, value: v === 'true' }];
        }
        case 'string':
            if (literal.t !== 'string')
                throw incompatible(prop, 'Edm.String');
            return [{ prop, op, value: literal.v }];
        case 'strings':
            // A collection is compared only through any(): `categories eq 'x'` is not OData.
            throw (0, errors_1.invalidFilter)(`The property '${prop}' is a collection: use ${prop}/any(c:c eq '...').`);
        case 'datetime': {
            const instant = literal.t === 'other' ? (0, timefmt_1.parseDateTimeOffset)(literal.v) : undefined;
            if (!instant)
                throw incompatible(prop, 'Edm.DateTimeOffset');
            return instantBounds(prop, op, instant);
        }
        case 'wallclock': {
            // A local time without an offset is read as UTC, as Graph does for dateTimeTimeZone filters.
            const instant = literal.t === 'string'
                ? (0, timefmt_1.parseDateTimeOffset)(literal.v) ?? (0, timefmt_1.parseDateTimeOffset)(`${literal.v}Z`)
                : undefined;
            if (!instant)
                throw incompatible(prop, "a date-time string such as '2026-03-10T12:00:00'");
            return instantBounds(prop, op, instant);
        }
    }
}
/**
 * Stored times are whole ms; a literal may carry 100 ns ticks. `x >= 37.4000001` therefore means
 * `x >= 37.401` in ms, `x > 37.400` means `x >= 37.401`, and so on: exact, with no rounding.
 */
function instantBounds(prop, op, { ms, subMs }) {
    const floor = ms;
    const ceil = subMs > 0 ? ms + 1 : ms;
    switch (op) {
        case 'ge': return [{ prop, op: 'ge', value: ceil }];
        case 'gt': return [{ prop, op: 'ge', value: floor + 1 }];
        case 'le': return [{ prop, op: 'le', value: floor }];
        case 'lt': return [{ prop, op: 'le', value: ceil - 1 }];
        case 'eq': return [{ prop, op: 'ge', value: ceil }, { prop, op: 'le', value: floor }];
        case 'ne': return subMs > 0 ? [] : [{ prop, op: 'ne', value: ms }];
    }
}
