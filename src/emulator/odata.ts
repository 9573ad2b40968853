/**
 * OData query options as Outlook implements them for list requests: $select, $top, $skip,
 * $count, one-property $orderby, and a $filter subset (comparisons, `contains` and `startswith` on
 * text, and `any` lambdas on the collections an entity declares, e.g. a contact's emailAddresses or
 * a mail's categories, joined by `and`).
 * Datetime comparisons are normalised to whole-millisecond bounds here, so a literal with more
 * precision than we store (7 fractional digits) still compares exactly.
 */
import type { EntityDef, EntityShape, FilterField, LambdaClause, LambdaFilterField } from './entity';
import { badRequest, GraphError, invalidFilter, unknownProperty } from './errors';
import { parseDateTimeOffset } from './timefmt';
import type { PreciseInstant } from './timefmt';

export type Operator = 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
/** `contains(p,'x')`, `startswith(p,'x')`, and `p/any(c:c eq 'x')` on a collection of strings (anyEquals). */
export type TextFunction = 'contains' | 'startswith' | 'anyEquals';

/** After normalisation datetime conditions only use eq/ne/ge/le on integer ms. */
export type Condition =
  | { prop: string; op: Operator; value: number | boolean | string }
  | { prop: string; op: TextFunction; value: string }
  | { prop: string; op: 'any'; clauses: LambdaClause[] };

export interface ListQuery {
  select?: string[];
  top?: number;
  skip: number;
  count: boolean;
  orderBy: { key: string; desc: boolean };
  conditions: Condition[];
}

const SUPPORTED_OPTIONS = new Set(['$select', '$top', '$skip', '$count', '$orderby', '$filter']);
export const MAX_TOP = 1000;

function findName(names: Iterable<string>, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  for (const name of names) if (name.toLowerCase() === lower) return name;
  return undefined;
}

/** `start/dateTime` is a property path: its head must be a property of the type. */
function isProperty<T>(def: EntityShape<T>, path: string): boolean {
  return findName(Object.keys(def.properties), path.split('/')[0]) !== undefined;
}

/** $select; also used for single-item requests. Names match case-insensitively, like Graph. */
export function parseSelect<T>(def: EntityShape<T>, raw: string | null): string[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  return raw.split(',').map((part) => {
    const name = part.trim();
    const known = findName(Object.keys(def.properties), name);
    if (!known) throw unknownProperty(name, def.type);
    return known;
  });
}

function integerOption(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw badRequest(`Invalid value '${raw}' for query option '${name}': expected an integer from ${min} to ${max}.`);
  }
  return value;
}

export function parseListQuery<T>(def: EntityDef<T>, params: URLSearchParams): ListQuery {
  for (const key of params.keys()) {
    if (key.startsWith('$') && !SUPPORTED_OPTIONS.has(key.toLowerCase())) {
      throw badRequest(`Query option '${key}' is not supported on this resource.`);
    }
  }
  const countRaw = params.get('$count');
  if (countRaw !== null && countRaw !== 'true' && countRaw !== 'false') {
    throw badRequest(`Invalid value '${countRaw}' for query option '$count'.`);
  }
  const { conditions, firstProp } = parseFilter(def, params.get('$filter'));
  const explicitOrder = parseOrderBy(def, params.get('$orderby'));
  if (explicitOrder && firstProp !== undefined && def.orderByMustLeadFilter && explicitOrder.key !== firstProp) {
    throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
  }
  return {
    select: parseSelect(def, params.get('$select')),
    top: integerOption(params, '$top', 1, MAX_TOP),
    skip: integerOption(params, '$skip', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    count: countRaw === 'true',
    orderBy: explicitOrder ?? def.defaultOrder,
    conditions,
  };
}

function parseOrderBy<T>(def: EntityDef<T>, raw: string | null): ListQuery['orderBy'] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const clauses = raw.split(',');
  if (clauses.length > 1) throw badRequest('Only one $orderby property is supported.');
  const m = /^\s*([A-Za-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(clauses[0]);
  if (!m) throw badRequest(`Syntax error in $orderby: '${raw}'.`);
  if (!isProperty(def, m[1])) throw unknownProperty(m[1], def.type);
  const key = findName(Object.keys(def.sortable), m[1]);
  if (!key) throw badRequest(`The property '${m[1]}' cannot be used in $orderby.`);
  return { key, desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
}

// ---- $filter ----

type Token =
  | { t: 'name'; v: string }
  | { t: 'string'; v: string }
  | { t: 'other'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i += 1;
    } else if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw invalidFilter('Unterminated string literal in $filter.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") { value += "'"; i += 2; continue; }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
      tokens.push({ t: 'string', v: value });
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_/]*|^[0-9][0-9:.TZtz+-]*|^./.exec(text.slice(i)) as RegExpExecArray;
      const v = m[0];
      tokens.push(/^[A-Za-z_]/.test(v) ? { t: 'name', v } : { t: 'other', v });
      i += v.length;
    }
  }
  return tokens;
}

const OPERATORS = new Set<Operator>(['eq', 'ne', 'ge', 'gt', 'le', 'lt']);
const FUNCTIONS = new Set(['contains', 'startswith']);

function parseFilter<T>(def: EntityDef<T>, raw: string | null): { conditions: Condition[]; firstProp?: string } {
  if (raw === null || raw.trim() === '') return { conditions: [] };
  const tokens = tokenize(raw.trim());
  const conditions: Condition[] = [];
  let firstProp: string | undefined;
  let i = 0;
  while (i < tokens.length) {
    const name = tokens[i];
    if (!name || name.t !== 'name') throw invalidFilter();
    const lambda = /^(.+)\/any$/i.exec(name.v);
    const argument = tokens[i + 1]?.v === '(' ? tokens[i + 2] : undefined;
    if (argument?.t === 'name') {
      // contains(emailAddresses/address, 'x'): a function over a collection's member property.
      const [head, sub] = argument.v.split('/');
      const field = findName(Object.keys(def.filterable), head);
      if (field && sub && def.filterable[field].kind === 'lambda') throw notSingleValue(sub);
    }
    let prop: string;
    if (lambda) {
      const parsed = parseLambda(def, tokens, i, lambda[1]);
      prop = parsed.condition.prop;
      conditions.push(parsed.condition);
      i = parsed.next;
    } else if (tokens[i + 1]?.v === '(') {
      const parsed = parseFunction(def, tokens, i);
      prop = parsed.condition.prop;
      conditions.push(parsed.condition);
      i = parsed.next;
    } else {
      const [op, literal] = [tokens[i + 1], tokens[i + 2]];
      if (!op || op.t !== 'name' || !literal) throw invalidFilter();
      if (!isProperty(def, name.v)) throw unknownProperty(name.v, def.type);
      const head = findName(Object.keys(def.filterable), name.v.split('/')[0]);
      if (head && def.filterable[head].kind === 'lambda') throw notSingleValue(name.v.split('/')[1] ?? head);
      const found = findName(Object.keys(def.filterable), name.v);
      if (!found) throw invalidFilter();
      prop = found;
      const field = def.filterable[prop];
      const operator = op.v.toLowerCase() as Operator;
      if (!OPERATORS.has(operator) || field.kind === 'lambda') throw invalidFilter();
      conditions.push(...normalise(prop, field, operator, literal));
      i += 3;
    }
    firstProp ??= prop;
    if (i < tokens.length) {
      const joiner = tokens[i];
      if (!(joiner.t === 'name' && joiner.v.toLowerCase() === 'and' && i + 1 < tokens.length)) throw invalidFilter();
      i += 1;
    }
  }
  return { conditions, firstProp };
}

/** Graph's answer to `emailAddresses/address eq 'x'`: a property of a collection's members read as if it were one value. */
const notSingleValue = (sub: string): GraphError => badRequest(
  `The parent value for a property access of a property '${sub}' is not a single value. Property access can only be applied to a single value.`,
);

/**
 * `prop/any(v: v/sub op 'literal' and v/sub op 'literal')` starting at tokens[at]: only the
 * sub-properties and operators the entity declares for `prop`, string literals, no functions.
 */
function parseLambda<T>(def: EntityDef<T>, tokens: Token[], at: number, path: string): { condition: Condition; next: number } {
  // A navigation property (singleValueExtendedProperties) is filterable without being selectable.
  const prop = findName(Object.keys(def.filterable), path);
  if (!isProperty(def, path) && prop === undefined) throw unknownProperty(path, def.type);
  const field = prop === undefined ? undefined : def.filterable[prop];
  if (prop !== undefined && field?.kind === 'strings') return parseAnyEquals(tokens, at, prop);
  if (prop === undefined || !field || field.kind !== 'lambda') throw invalidFilter();
  const [open, variable, colon] = [tokens[at + 1], tokens[at + 2], tokens[at + 3]];
  if (open?.v !== '(' || variable?.t !== 'name' || variable.v.includes('/') || colon?.v !== ':') throw invalidFilter();
  const clauses: LambdaClause[] = [];
  let k = at + 4;
  for (;;) {
    const [target, op, literal] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    const parts = target?.t === 'name' ? target.v.split('/') : [];
    if (parts.length !== 2 || parts[0].toLowerCase() !== variable.v.toLowerCase() || op?.t !== 'name' || literal?.t !== 'string') throw invalidFilter();
    const sub = findName(Object.keys((field as LambdaFilterField<T>).clauses), parts[1]);
    const operator = op.v.toLowerCase() as LambdaClause['op'];
    if (!sub || !field.clauses[sub].includes(operator)) throw invalidFilter();
    clauses.push({ sub, op: operator, value: literal.v });
    k += 3;
    const next = tokens[k];
    if (next?.t === 'name' && next.v.toLowerCase() === 'and') {
      k += 1;
      continue;
    }
    if (next?.v !== ')') throw invalidFilter();
    break;
  }
  for (const needed of field.required ?? []) if (!clauses.some((c) => c.sub === needed)) throw invalidFilter();
  return { condition: { prop, op: 'any', clauses }, next: k + 1 };
}

/** `categories/any(c:c eq 'x')` starting at tokens[at]: a member of a string collection equal to a text. */
function parseAnyEquals(tokens: Token[], at: number, prop: string): { condition: Condition; next: number } {
  const [open, variable, colon, target, op, literal, close] = tokens.slice(at + 1, at + 8);
  if (open?.v !== '(' || variable?.t !== 'name' || colon?.v !== ':' || target?.v !== variable.v || op?.v.toLowerCase() !== 'eq' || close?.v !== ')') throw invalidFilter();
  if (literal?.t !== 'string') throw incompatible(prop, 'Edm.String');
  return { condition: { prop, op: 'anyEquals', value: literal.v }, next: at + 8 };
}

/** `contains(p,'x')` or `startswith(p,'x')` starting at tokens[at]; any other function is not one Outlook takes. */
function parseFunction<T>(def: EntityDef<T>, tokens: Token[], at: number): { condition: Condition; next: number } {
  const [name, open, target, comma, literal, close] = tokens.slice(at, at + 6);
  const fn = name.v.toLowerCase();
  if (!def.textFunctions || !FUNCTIONS.has(fn) || open?.v !== '(' || target?.t !== 'name' || comma?.v !== ',' || close?.v !== ')') throw invalidFilter();
  if (!isProperty(def, target.v)) throw unknownProperty(target.v.split('/')[0], def.type);
  const prop = findName(Object.keys(def.filterable), target.v);
  if (!prop) throw invalidFilter();
  if (def.filterable[prop].kind !== 'string') throw invalidFilter(`The function '${fn}' needs a text property.`);
  if (literal?.t !== 'string') throw incompatible(prop, 'Edm.String');
  return { condition: { prop, op: fn as TextFunction, value: literal.v }, next: at + 6 };
}

function incompatible(prop: string, expected: string): GraphError {
  return invalidFilter(`A binary operator with incompatible types was detected for '${prop}': expected ${expected}.`);
}

function normalise<T>(prop: string, field: FilterField<T>, op: Operator, literal: Token): Condition[] {
  switch (field.kind) {
    case 'boolean': {
      const v = literal.v.toLowerCase();
      if (literal.t !== 'name' || (v !== 'true' && v !== 'false')) throw incompatible(prop, 'Edm.Boolean');
      if (op !== 'eq' && op !== 'ne') throw invalidFilter();
      return [{ prop, op, value: v === 'true' }];
    }
    case 'string':
      if (literal.t !== 'string') throw incompatible(prop, 'Edm.String');
      return [{ prop, op, value: literal.v }];
    case 'strings':
      // A collection is compared only through any(): `categories eq 'x'` is not OData.
      throw invalidFilter(`The property '${prop}' is a collection: use ${prop}/any(c:c eq '...').`);
    case 'datetime': {
      const instant = literal.t === 'other' ? parseDateTimeOffset(literal.v) : undefined;
      if (!instant) throw incompatible(prop, 'Edm.DateTimeOffset');
      return instantBounds(prop, op, instant);
    }
    case 'wallclock': {
      // A local time without an offset is read as UTC, as Graph does for dateTimeTimeZone filters.
      const instant = literal.t === 'string'
        ? parseDateTimeOffset(literal.v) ?? parseDateTimeOffset(`${literal.v}Z`)
        : undefined;
      if (!instant) throw incompatible(prop, "a date-time string such as '2026-03-10T12:00:00'");
      return instantBounds(prop, op, instant);
    }
  }
}

/**
 * Stored times are whole ms; a literal may carry 100 ns ticks. `x >= 37.4000001` therefore means
 * `x >= 37.401` in ms, `x > 37.400` means `x >= 37.401`, and so on: exact, with no rounding.
 */
function instantBounds(prop: string, op: Operator, { ms, subMs }: PreciseInstant): Condition[] {
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
