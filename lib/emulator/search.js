"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEARCH_LIMIT = void 0;
exports.unquoteSearch = unquoteSearch;
exports.parseKql = parseKql;
exports.kqlMatches = kqlMatches;
exports.searchResponse = searchResponse;
/**
 * `$search` on message lists, as Graph documents it (concepts/search-query-parameter.md): a KQL
 * query, in double quotes (`$search="from:ann subject:report"`, `\"` and `\\` escaped inside),
 * over the message properties Exchange indexes: `from`, `to`, `cc`, `bcc`, `participants`,
 * `recipients`, `subject`, `body`, `attachment` (file names), `hasAttachment(s)`, `importance`,
 * `received`, `sent` (a date, `>=`/`<=`/`>`/`<` a date, or `a..b`), `size`; a bare term or "phrase"
 * searches from, subject and body. Terms are ANDed unless joined by OR; NOT or a leading `-`
 * negates; parentheses group. Matching is case-insensitive, a term matching the start of a word
 * and a phrase anywhere. Results are ordered by the time the mail was sent, newest first, at most
 * 1,000 in all; pages follow @odata.nextLink (`$skiptoken`). `$search` cannot be combined with
 * `$filter` or `$orderby` (400 ErrorInvalidUrlQuery).
 */
const listing_1 = require("./listing");
const errors_1 = require("./errors");
const http_1 = require("./http");
const odata_1 = require("./odata");
const world_1 = require("./world");
/** Graph returns at most this many results for one $search. */
exports.SEARCH_LIMIT = 1000;
const syntaxError = () => (0, errors_1.badRequest)('Syntax error: the $search query is not a valid KQL query.');
/** `"..."` with `\"` and `\\` inside, or a bare value. */
function unquoteSearch(raw) {
    const text = raw.trim();
    if (!text.startsWith('"'))
        return text;
    if (text.length < 2 || !text.endsWith('"'))
        throw syntaxError();
    return text.slice(1, -1).replace(/\\(["\\])/g, '$1');
}
function lex(query) {
    const out = [];
    let i = 0;
    while (i < query.length) {
        const c = query[i];
        if (/\s/.test(c)) {
            i += 1;
            continue;
        }
        if (c === '(' || c === ')') {
            out.push({ t: c, v: c });
            i += 1;
            continue;
        }
        if (c === '"') {
            const end = query.indexOf('"', i + 1);
            if (end < 0)
                throw syntaxError();
            out.push({ t: 'phrase', v: query.slice(i + 1, end) });
            i = end + 1;
            continue;
        }
        // A word runs to a space or parenthesis; a property restriction may quote its value (subject:"a b").
        let j = i;
        let word = '';
        while (j < query.length && !/[\s()]/.test(query[j])) {
            if (query[j] === '"') {
                const end = query.indexOf('"', j + 1);
                if (end < 0)
                    throw syntaxError();
                word += query.slice(j, end + 1);
                j = end + 1;
            }
            else {
                word += query[j];
                j += 1;
            }
        }
        out.push({ t: 'word', v: word });
        i = j;
    }
    return out;
}
function term(lexeme) {
    if (lexeme.t === 'phrase')
        return { kind: 'term', op: ':', value: lexeme.v, phrase: true };
    const restriction = /^([A-Za-z]+)(:|>=|<=|>|<|=)(.*)$/.exec(lexeme.v);
    if (!restriction)
        return { kind: 'term', op: ':', value: lexeme.v, phrase: false };
    const [, property, op, rest] = restriction;
    const phrase = rest.startsWith('"') && rest.endsWith('"') && rest.length >= 2;
    const value = phrase ? rest.slice(1, -1) : rest;
    if (!value)
        throw syntaxError();
    return { kind: 'term', property: property.toLowerCase(), op: op, value, phrase };
}
/** or := and (OR and)* ; and := unary (AND? unary)* ; unary := (NOT|-) unary | ( or ) | term */
function parseKql(query) {
    const lexemes = lex(query);
    let at = 0;
    const isWord = (v) => lexemes[at]?.t === 'word' && lexemes[at].v === v;
    const unary = () => {
        const lexeme = lexemes[at];
        if (!lexeme || lexeme.t === ')')
            throw syntaxError();
        at += 1;
        if (lexeme.t === 'word' && lexeme.v === 'NOT')
            return { kind: 'not', part: unary() };
        if (lexeme.t === 'word' && lexeme.v.startsWith('-') && lexeme.v.length > 1)
            return { kind: 'not', part: term({ t: 'word', v: lexeme.v.slice(1) }) };
        if (lexeme.t === '(') {
            const inner = or();
            if (lexemes[at]?.t !== ')')
                throw syntaxError();
            at += 1;
            return inner;
        }
        return term(lexeme);
    };
    const and = () => {
        const parts = [unary()];
        while (at < lexemes.length && lexemes[at].t !== ')' && !isWord('OR')) {
            if (isWord('AND'))
                at += 1;
            parts.push(unary());
        }
        return parts.length === 1 ? parts[0] : { kind: 'and', parts };
    };
    const or = () => {
        const parts = [and()];
        while (isWord('OR')) {
            at += 1;
            parts.push(and());
        }
        return parts.length === 1 ? parts[0] : { kind: 'or', parts };
    };
    if (!lexemes.length)
        throw syntaxError();
    const tree = or();
    if (at !== lexemes.length)
        throw syntaxError();
    return tree;
}
// ---- matching ----
const people = (list) => list.flatMap((a) => [a.name, a.address]);
function textMatches(haystack, value, phrase) {
    const wanted = value.toLowerCase().replace(/\*$/, '');
    return haystack.some((text) => {
        const lower = text.toLowerCase();
        if (phrase)
            return lower.includes(wanted);
        // A term matches the start of a word (KQL's prefix matching), or a whole address.
        return lower.split(/[^\p{L}\p{N}@._'-]+/u).some((word) => word.startsWith(wanted) || word.split(/[@.]/).some((part) => part.startsWith(wanted)));
    });
}
/** A day (`2026-03-10`, `03/10/2026`) as [start, end) in epoch ms, UTC. */
function dayRange(text) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
    if (!parts)
        return undefined;
    const start = Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    return Number.isNaN(start) ? undefined : [start, start + 24 * 3600 * 1000];
}
function compareRange(actual, op, value, parse) {
    const between = /^(.+)\.\.(.+)$/.exec(value);
    if (between) {
        const from = parse(between[1]);
        const to = parse(between[2]);
        if (!from || !to)
            throw syntaxError();
        return actual >= from[0] && actual < to[1];
    }
    const range = parse(value);
    if (!range)
        throw syntaxError();
    switch (op) {
        case '>=': return actual >= range[0];
        case '>': return actual >= range[1];
        case '<=': return actual < range[1];
        case '<': return actual < range[0];
        default: return actual >= range[0] && actual < range[1];
    }
}
const numberRange = (text) => (/^\d+$/.test(text) ? [Number(text), Number(text) + 1] : undefined);
function termMatches(node, m) {
    const { value, phrase, op } = node;
    const text = (fields) => textMatches(fields, value, phrase);
    switch (node.property) {
        case undefined: return text([...people([m.from]), m.subject, m.body.content]);
        case 'from': return text(people([m.from]));
        case 'to': return text(people(m.to));
        case 'cc': return text(people(m.cc));
        case 'bcc': return text(people(m.bcc));
        case 'participants': return text(people([m.from, ...m.to, ...m.cc, ...m.bcc]));
        case 'recipients': return text(people([...m.to, ...m.cc, ...m.bcc]));
        case 'subject': return text([m.subject]);
        case 'body': return text([m.body.content]);
        case 'attachment': return text(m.attachments.map((a) => a.name));
        case 'hasattachment':
        case 'hasattachments': return m.hasAttachments === (value.toLowerCase() === 'true');
        case 'importance': return m.importance === (value.toLowerCase() === 'medium' ? 'normal' : value.toLowerCase());
        case 'received': return compareRange(m.receivedAt, op, value, dayRange);
        case 'sent': return compareRange(m.sentAt, op, value, dayRange);
        case 'size': return compareRange(m.attachments.reduce((sum, a) => sum + a.size, m.body.content.length), op, value, numberRange);
        case 'kind': return value.toLowerCase() === 'email';
        // An unknown property name is searched for as text, as KQL does.
        default: return textMatches([...people([m.from]), m.subject, m.body.content], `${node.property}:${value}`, true);
    }
}
function kqlMatches(node, m) {
    switch (node.kind) {
        case 'and': return node.parts.every((part) => kqlMatches(part, m));
        case 'or': return node.parts.some((part) => kqlMatches(part, m));
        case 'not': return !kqlMatches(node.part, m);
        default: return termMatches(node, m);
    }
}
// ---- the request ----
const invalidUrlQuery = (option) => new errors_1.GraphError(400, 'ErrorInvalidUrlQuery', `The query parameter '${option}' is invalid.`);
/** A message list answered for `$search`. */
function searchResponse(req, def, collection, set) {
    for (const key of req.params.keys()) {
        const lower = key.toLowerCase();
        if (lower === '$filter' || lower === '$orderby')
            throw invalidUrlQuery(key);
        if (key.startsWith('$') && !['$search', '$select', '$top', '$skiptoken'].includes(lower))
            throw (0, errors_1.badRequest)(`Query option '${key}' is not supported with $search.`);
    }
    const tree = parseKql(unquoteSearch(req.params.get('$search') ?? ''));
    const select = (0, odata_1.parseSelect)(def, req.params.get('$select'));
    const topRaw = req.params.get('$top');
    const top = topRaw === null ? undefined : Number(topRaw);
    if (top !== undefined && (!/^\d+$/.test(topRaw) || top < 1 || top > odata_1.MAX_TOP))
        throw (0, errors_1.badRequest)(`Invalid value '${topRaw}' for query option '$top'.`);
    const skipRaw = req.params.get('$skiptoken');
    const skip = skipRaw === null ? 0 : Number(skipRaw);
    if (!Number.isInteger(skip) || skip < 0)
        throw (0, errors_1.badRequest)('The $skiptoken is not valid.');
    const pageSize = top ?? req.prefs.maxPageSize ?? listing_1.DEFAULT_PAGE_SIZE;
    const until = (0, world_1.visibleUntil)(req.world);
    const index = collection.index('sentDateTime');
    const found = [];
    // Newest sent first; the search index, like list queries, sees a mail only once it is visible.
    for (let n = index.items.length - 1; n >= 0 && found.length < exports.SEARCH_LIMIT; n -= 1) {
        const m = index.items[n];
        if (until !== undefined && m.receivedAt > until)
            continue;
        if (kqlMatches(tree, m))
            found.push(m);
    }
    const page = { items: found.slice(skip, skip + pageSize), hasMore: skip + pageSize < found.length };
    const requestUrl = `${req.world.baseUrl}/v1.0${req.rawPath}`;
    const body = (0, listing_1.collectionBody)(def, { items: page.items, hasMore: false }, { select, skip, count: false, orderBy: def.defaultOrder, conditions: [] }, pageSize, req.render, {
        requestUrl, params: req.params, context: `users('${req.mailbox.user.id}')/${set}`, metadataBase: `${req.world.baseUrl}/v1.0/$metadata`,
    });
    if (page.hasMore) {
        const params = new URLSearchParams(req.params);
        params.set('$skiptoken', String(skip + pageSize));
        body['@odata.nextLink'] = `${requestUrl}?${params.toString().replace(/\+/g, '%20')}`;
    }
    return (0, http_1.graphJson)(200, body);
}
