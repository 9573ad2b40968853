/**
 * How Graph entity types are exposed: their properties (for rendering and $select), which
 * properties $filter and $orderby accept, and the default order. The routes stay generic.
 */
import type { SortKey } from './collection';
import { badRequest } from './errors';
import type { ExtendedProperties } from './extended-properties';
import { expandedProperties } from './extended-properties';
import type { BodyType } from './model';
import type { ResolvedZone } from './timezones';

/** Per-request rendering choices, mostly from Prefer headers. */
export interface RenderContext {
  timeZone: ResolvedZone;
  /** `${graph}/users('{user id}@{tenant id}')`, the base of @odata.id. */
  userUrl?: string;
  /** Event start and end each in the zone they were booked in, as Graph answers a create without outlook.timezone. */
  bookedZones?: boolean;
  bodyType?: BodyType;
  immutableIds: boolean;
  /** `$expand=singleValueExtendedProperties($filter=...)`: the ids asked for, and the expansion's @odata.context for an item id. */
  expand?: { ids: string[]; context: (id: string) => string };
}

/**
 * datetime: unquoted DateTimeOffset literal, compared at full precision.
 * wallclock: a quoted local time ('2026-03-10T12:00:00'), read as UTC, as Graph does for
 * dateTimeTimeZone.dateTime. Both compare against epoch ms. strings: a collection of strings
 * (categories), tested with any().
 */
export type FilterKind = 'datetime' | 'wallclock' | 'boolean' | 'string' | 'strings';

export interface FilterField<T> {
  kind: FilterKind;
  /** A string collection (`strings`) gives an array, compared only through `any`. */
  get(item: T): number | boolean | string | readonly string[];
}

/** One comparison inside a lambda: `a/address eq 'x'` is {sub: 'address', op: 'eq', value: 'x'}. */
export interface LambdaClause {
  sub: string;
  op: 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
  value: string;
}

/**
 * A collection-valued property Graph filters with `any`: `emailAddresses/any(a:a/address eq 'x')`.
 * `clauses` names the sub-properties a lambda may compare and the operators each takes; a lambda
 * must compare every `required` one. Anything else is Graph's 400.
 */
export interface LambdaFilterField<T> {
  kind: 'lambda';
  clauses: Readonly<Record<string, readonly LambdaClause['op'][]>>;
  required?: readonly string[];
  /** Whether some member of the item's collection satisfies every clause. */
  any(item: T, clauses: readonly LambdaClause[]): boolean;
}

/** How an entity renders and what $select accepts. */
export interface EntityShape<T> {
  /** Short type name, as in 'microsoft.graph.message'. */
  type: string;
  /** Every selectable property, in Graph's output order. */
  properties: Readonly<Record<string, (item: T, ctx: RenderContext) => unknown>>;
  /** What a request without $select gets. */
  defaults: readonly string[];
  /** Properties Graph returns beside a selected one although they were not selected. */
  companions?: Readonly<Record<string, readonly string[]>>;
  etag?: (item: T) => string;
  /** The item's path under its user, for the @odata.id Graph adds to some entities (calendars). */
  odataId?: (item: T) => string;
  /** Its single-value extended properties, for types that have them and where the emulator expands and filters them. */
  extendedProperties?: (item: T) => ExtendedProperties | undefined;
}

/** An entity that is also listed: what $filter and $orderby accept on its collections. */
export interface EntityDef<T> extends EntityShape<T> {
  filterable: Readonly<Record<string, FilterField<T> | LambdaFilterField<T>>>;
  /** Whether `contains`/`startswith` are taken on its text properties (mail: yes; contacts: Graph refuses them). */
  textFunctions?: boolean;
  /** Sort keys, named like the $orderby property; filterable datetimes share the name and value. */
  sortable: Readonly<Record<string, (item: T) => SortKey>>;
  defaultOrder: { key: string; desc: boolean };
  /** The sort key that, plus visibilityDelayMs, says when list queries start to see an item. */
  visibleFrom?: string;
  /** For an item written into the store later than its visibleFrom key says (a copy): when it was; lists wait for that too. */
  storedAt?: (item: T) => number | undefined;
  /** Exchange's rule for messages: with $filter, the $orderby property must lead the filter. */
  orderByMustLeadFilter: boolean;
}

export function render<T>(def: EntityShape<T>, item: T, ctx: RenderContext, select?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (def.odataId && ctx.userUrl) out['@odata.id'] = `${ctx.userUrl}/${def.odataId(item)}`;
  if (def.etag) out['@odata.etag'] = def.etag(item);
  // Graph always returns the id, selected or not, and puts it first.
  out.id = def.properties.id(item, ctx);
  const names = select ? select.flatMap((name) => [name, ...def.companions?.[name] ?? []]) : def.defaults;
  for (const name of names) {
    if (name !== 'id') out[name] = def.properties[name](item, ctx);
  }
  if (ctx.expand) {
    if (!def.extendedProperties) throw badRequest(`The emulator expands singleValueExtendedProperties of messages only, not of ${def.type} items.`);
    out['singleValueExtendedProperties@odata.context'] = ctx.expand.context(String(out.id));
    out.singleValueExtendedProperties = expandedProperties(def.extendedProperties(item), ctx.expand.ids);
  }
  return out;
}

/** The W/"changeKey" form Outlook uses for @odata.etag. */
export function weakEtag(changeKey: string): string {
  return `W/"${changeKey}"`;
}
