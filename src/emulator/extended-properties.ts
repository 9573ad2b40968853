/**
 * Single-value extended properties of messages, as Graph documents them:
 * - ids in the three formats of extended-properties-overview.md: `{type} {guid} Name {name}`,
 *   `{type} {guid} Id {0x8000-0xFFFE}`, `{type} {proptag}`; the type and the GUID compare in any
 *   letter case, the Name part exactly ("Filtering the string name (Name) in the id of an extended
 *   property is case-sensitive"), the value in any case ("Filtering the value property ... is
 *   case-insensitive"), singlevaluelegacyextendedproperty-get.md;
 * - set when a message is created or through PATCH (singlevaluelegacyextendedproperty-post-
 *   singlevalueextendedproperties.md), never returned unless expanded:
 *   `$expand=singleValueExtendedProperties($filter=id eq '{id}')`, which adds
 *   `singleValueExtendedProperties@odata.context` and the matching `{id, value}` list;
 * - filtered with `singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{v}')`,
 *   or `ne`, `contains(ep/value, '{v}')`, `startswith(ep/value, '{v}')` on the value, over every
 *   message of the mailbox or of a folder. Casts (`cast(ep/value, Edm.Int32)`) are not emulated.
 * They stay on the item through moves and sending (a sent draft is the same item in Sent Items,
 * outlook-immutable-id.md); recipients' copies do not get them.
 */
import { badRequest, GraphError, invalidFilter } from './errors';
import { isObject } from './json';

/** Canonical id -> the property as it was written. */
export type ExtendedProperties = Map<string, { id: string; value: string }>;

const TYPES = ['Binary', 'Boolean', 'CLSID', 'Currency', 'Double', 'Float', 'Integer', 'Long', 'Short', 'SystemTime', 'String', 'Object'];
const GUID = '\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?';
const NAMED = new RegExp(`^(\\w+) ${GUID} Name (.+)$`);
const NUMBERED = new RegExp(`^(\\w+) ${GUID} Id (0x[0-9a-fA-F]{1,4})$`);
const TAGGED = /^(\w+) (0x[0-9a-fA-F]{8})$/;

const invalidId = (id: string): GraphError => new GraphError(400, 'ErrorInvalidExtendedPropertyValue', `The extended property id '${id.slice(0, 120)}' is not in one of the supported formats.`);

/** The form two ids are compared in; throws Graph's 400 for an id in no supported format. */
export function canonicalId(id: string): string {
  const type = (name: string): string => {
    const found = TYPES.find((t) => t.toLowerCase() === name.toLowerCase());
    if (!found) throw invalidId(id);
    return found;
  };
  const named = NAMED.exec(id);
  if (named) return `${type(named[1])} {${named[2].toLowerCase()}} Name ${named[3]}`;
  const numbered = NUMBERED.exec(id);
  if (numbered) return `${type(numbered[1])} {${numbered[2].toLowerCase()}} Id ${Number.parseInt(numbered[3], 16)}`;
  const tagged = TAGGED.exec(id);
  if (tagged) return `${type(tagged[1])} ${tagged[2].toLowerCase()}`;
  throw invalidId(id);
}

/** `singleValueExtendedProperties` of a create or PATCH body, merged into `into` (a new value replaces the old). */
export function readExtendedProperties(value: unknown, into: ExtendedProperties = new Map()): ExtendedProperties {
  if (value === undefined || value === null) return into;
  if (!Array.isArray(value)) throw badRequest("The property 'singleValueExtendedProperties' must be a collection.");
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.id !== 'string') throw badRequest("Each single-value extended property needs an 'id'.");
    if (typeof entry.value !== 'string') throw badRequest(`The extended property '${entry.id.slice(0, 120)}' needs a 'value' string.`);
    into.set(canonicalId(entry.id), { id: entry.id, value: entry.value });
  }
  return into;
}

// ---- $filter ----

/** What one Any() clause asks: the property and a test of its value. */
interface Wanted {
  id: string;
  op: 'eq' | 'ne' | 'contains' | 'startswith';
  value: string;
}

/** The part of the $filter parser this needs (odata.ts TokenReader). */
export interface Tokens {
  next(): { t: string; v: string };
  expect(t: 'name' | 'string' | 'other', v?: string): { t: string; v: string };
  peek(): { t: string; v: string } | undefined;
}

/**
 * The lambda after `singleValueExtendedProperties/Any`: `(ep: ep/id eq '...' and <value test>)`,
 * either test first. Returns the condition's value for listing.ts (`op: 'extended'`).
 */
export function parseExtendedLambda(r: Tokens): string {
  r.expect('other', '(');
  const variable = r.expect('name').v;
  r.expect('other', ':');
  const wanted: Partial<Wanted> = {};
  const member = (name: string): string | undefined => {
    const [head, tail] = name.split('/');
    return head === variable && tail ? tail.toLowerCase() : undefined;
  };
  for (;;) {
    const head = r.next();
    const fn = head.v.toLowerCase();
    if (head.t === 'name' && (fn === 'contains' || fn === 'startswith') && r.peek()?.v === '(') {
      r.expect('other', '(');
      if (member(r.expect('name').v) !== 'value') throw invalidFilter();
      r.expect('other', ',');
      wanted.op = fn;
      wanted.value = r.expect('string').v;
      r.expect('other', ')');
    } else if (head.t === 'name' && member(head.v) === 'id') {
      r.expect('name', 'eq');
      wanted.id = r.expect('string').v;
    } else if (head.t === 'name' && member(head.v) === 'value') {
      const op = r.expect('name').v.toLowerCase();
      if (op !== 'eq' && op !== 'ne') throw invalidFilter(`The emulator compares an extended property's value with eq, ne, contains or startswith, not ${op}.`);
      wanted.op = op;
      wanted.value = r.expect('string').v;
    } else {
      throw invalidFilter();
    }
    if (r.peek()?.v === ')') break;
    r.expect('name', 'and');
  }
  r.expect('other', ')');
  if (wanted.id === undefined) throw invalidFilter('A filter on singleValueExtendedProperties needs ep/id eq \'{id}\'.');
  return JSON.stringify({ id: canonicalId(wanted.id), op: wanted.op ?? 'exists', value: (wanted.value ?? '').toLowerCase() });
}

/** Whether `properties` satisfy a condition parseExtendedLambda wrote. */
export function matchesExtended(properties: ExtendedProperties | undefined, condition: string): boolean {
  const wanted = JSON.parse(condition) as { id: string; op: Wanted['op'] | 'exists'; value: string };
  const found = properties?.get(wanted.id);
  if (!found) return false;
  const value = found.value.toLowerCase();
  switch (wanted.op) {
    case 'eq': return value === wanted.value;
    case 'ne': return value !== wanted.value;
    case 'contains': return value.includes(wanted.value);
    case 'startswith': return value.startsWith(wanted.value);
    default: return true;
  }
}

// ---- $expand ----

/** The ids `$expand=singleValueExtendedProperties($filter=id eq '...' [or id eq '...'])` asks for; undefined without $expand. */
export function parseExpand(raw: string | null): string[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const m = /^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(.+)\)\s*$/i.exec(raw);
  if (!m) throw badRequest(`The emulator expands only singleValueExtendedProperties($filter=id eq '...'), not '${raw.slice(0, 80)}'.`);
  const ids: string[] = [];
  const clause = /\s*id\s+eq\s+'((?:[^']|'')*)'\s*(or\s+|$)/iy;
  let at = 0;
  const text = m[1];
  while (at < text.length) {
    clause.lastIndex = at;
    const found = clause.exec(text);
    if (!found) throw invalidFilter();
    ids.push(canonicalId(found[1].replace(/''/g, "'")));
    at = clause.lastIndex;
  }
  if (!ids.length) throw invalidFilter();
  return ids;
}

/** What an expanded message shows: the asked-for properties it has (possibly none). */
export function expandedProperties(properties: ExtendedProperties | undefined, ids: readonly string[]): Array<{ id: string; value: string }> {
  return ids.flatMap((id) => {
    const found = properties?.get(id);
    return found ? [{ id: found.id, value: found.value }] : [];
  });
}
