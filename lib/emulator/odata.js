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
function parseFilter(def, raw) {
    if (raw === null || raw.trim() === '')
        return { conditions: [] };
    const tokens = tokenize(raw.trim());
    const conditions = [];
    let firstProp;
    let i = 0;
    while (i < tokens.length) {
        const name = tokens[i];
        if (!name || name.t !== 'name')
            throw (0, errors_1.invalidFilter)();
        const lambda = /^(.+)\/any$/i.exec(name.v);
        const argument = tokens[i + 1]?.v === '(' ? tokens[i + 2] : undefined;
        if (argument?.t === 'name') {
            // contains(emailAddresses/address, 'x'): a function over a collection's member property.
            const [head, sub] = argument.v.split('/');
            const field = findName(Object.keys(def.filterable), head);
            if (field && sub && def.filterable[field].kind === 'lambda')
                throw notSingleValue(sub);
        }
        let prop;
        if (lambda) {
            const parsed = parseLambda(def, tokens, i, lambda[1]);
            prop = parsed.condition.prop;
            conditions.push(parsed.condition);
            i = parsed.next;
        }
        else if (tokens[i + 1]?.v === '(') {
            const parsed = parseFunction(def, tokens, i);
            prop = parsed.condition.prop;
            conditions.push(parsed.condition);
            i = parsed.next;
        }
        else {
            const [op, literal] = [tokens[i + 1], tokens[i + 2]];
            if (!op || op.t !== 'name' || !literal)
                throw (0, errors_1.invalidFilter)();
            if (!isProperty(def, name.v))
                throw (0, errors_1.unknownProperty)(name.v, def.type);
            const head = findName(Object.keys(def.filterable), name.v.split('/')[0]);
            if (head && def.filterable[head].kind === 'lambda')
                throw notSingleValue(name.v.split('/')[1] ?? head);
            const found = findName(Object.keys(def.filterable), name.v);
            if (!found)
                throw (0, errors_1.invalidFilter)();
            prop = found;
            const field = def.filterable[prop];
            const operator = op.v.toLowerCase();
            if (!OPERATORS.has(operator) || field.kind === 'lambda')
                throw (0, errors_1.invalidFilter)();
            conditions.push(...normalise(prop, field, operator, literal));
            i += 3;
        }
        firstProp ??= prop;
        if (i < tokens.length) {
            const joiner = tokens[i];
            if (!(joiner.t === 'name' && joiner.v.toLowerCase() === 'and' && i + 1 < tokens.length))
                throw (0, errors_1.invalidFilter)();
            i += 1;
        }
    }
    return { conditions, firstProp };
}
/** Graph's answer to `emailAddresses/address eq 'x'`: a property of a collection's members read as if it were one value. */
const notSingleValue = (sub) => (0, errors_1.badRequest)(`The parent value for a property access of a property '${sub}' is not a single value. Property access can only be applied to a single value.`);
/**
 * `prop/any(v: v/sub op 'literal' and v/sub op 'literal')` starting at tokens[at]: only the
 * sub-properties and operators the entity declares for `prop`, string literals, no functions.
 */
function parseLambda(def, tokens, at, path) {
    // A navigation property (singleValueExtendedProperties) is filterable without being selectable.
    const prop = findName(Object.keys(def.filterable), path);
    if (!isProperty(def, path) && prop === undefined)
        throw (0, errors_1.unknownProperty)(path, def.type);
    const field = prop === undefined ? undefined : def.filterable[prop];
    if (prop !== undefined && field?.kind === 'strings')
        return parseAnyEquals(tokens, at, prop);
    if (prop === undefined || !field || field.kind !== 'lambda')
        throw (0, errors_1.invalidFilter)();
    const [open, variable, colon] = [tokens[at + 1], tokens[at + 2], tokens[at + 3]];
    if (open?.v !== '(' || variable?.t !== 'name' || variable.v.includes('/') || colon?.v !== ':')
        throw (0, errors_1.invalidFilter)();
    const clauses = [];
    let k = at + 4;
    for (;;) {
        const [target, op, literal] = [tokens[k], tokens[k + 1], tokens[k + 2]];
        const parts = target?.t === 'name' ? target.v.split('/') : [];
        if (parts.length !== 2 || parts[0].toLowerCase() !== variable.v.toLowerCase() || op?.t !== 'name' || literal?.t !== 'string')
            throw (0, errors_1.invalidFilter)();
        const sub = findName(Object.keys(field.clauses), parts[1]);
        const operator = op.v.toLowerCase();
        if (!sub || !field.clauses[sub].includes(operator))
            throw (0, errors_1.invalidFilter)();
        clauses.push({ sub, op: operator, value: literal.v });
        k += 3;
        const next = tokens[k];
        if (next?.t === 'name' && next.v.toLowerCase() === 'and') {
            k += 1;
            continue;
        }
        if (next?.v !== ')')
            throw (0, errors_1.invalidFilter)();
        break;
    }
    for (const needed of field.required ?? [])
        if (!clauses.some((c) => c.sub === needed))
            throw (0, errors_1.invalidFilter)();
    return { condition: { prop, op: 'any', clauses }, next: k + 1 };
}
/** `categories/any(c:c eq 'x')` starting at tokens[at]: a member of a string collection equal to a text. */
function parseAnyEquals(tokens, at, prop) {
    const [open, variable, colon, target, op, literal, close] = tokens.slice(at + 1, at + 8);
    if (open?.v !== '(' || variable?.t !== 'name' || colon?.v !== ':' || target?.v !== variable.v || op?.v.toLowerCase() !== 'eq' || close?.v !== ')')
        throw (0, errors_1.invalidFilter)();
    if (literal?.t !== 'string')
        throw incompatible(prop, 'Edm.String');
    return { condition: { prop, op: 'anyEquals', value: literal.v }, next: at + 8 };
}
/** `contains(p,'x')` or `startswith(p,'x')` starting at tokens[at]; any other function is not one Outlook takes. */
function parseFunction(def, tokens, at) {
    const [name, open, target, comma, literal, close] = tokens.slice(at, at + 6);
    const fn = name.v.toLowerCase();
    if (!def.textFunctions || !FUNCTIONS.has(fn) || open?.v !== '(' || target?.t !== 'name' || comma?.v !== ',' || close?.v !== ')')
        throw (0, errors_1.invalidFilter)();
    if (!isProperty(def, target.v))
        throw (0, errors_1.unknownProperty)(target.v.split('/')[0], def.type);
    const prop = findName(Object.keys(def.filterable), target.v);
    if (!prop)
        throw (0, errors_1.invalidFilter)();
    if (def.filterable[prop].kind !== 'string')
        throw (0, errors_1.invalidFilter)(`The function '${fn}' needs a text property.`);
    if (literal?.t !== 'string')
        throw incompatible(prop, 'Edm.String');
    return { condition: { prop, op: fn, value: literal.v }, next: at + 6 };
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
