/** The request as Graph handlers see it, and the response shapes they share. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller, Permission } from './access';
import { Collection } from './collection';
import type { Sequenced } from './collection';
import { render } from './entity';
import type { EntityDef, EntityShape, RenderContext } from './entity';
import { invalidJson, malformedId, notFound } from './errors';
import { graphJson, parseJsonObject } from './http';
import type { HttpResult } from './http';
import { isWellFormedId } from './ids';
import { collectionBody, DEFAULT_PAGE_SIZE, runQuery } from './listing';
import type { Mailbox } from './mailbox';
import { parseListQuery, parseSelect } from './odata';
import type { Json } from './json';
import type { Preferences } from './prefer';
import type { Route } from './router';
import type { World } from './world';
import { visibleUntil } from './world';

export interface GraphRequest {
  world: World;
  /** Path after /v1.0 exactly as sent (still percent-encoded): nextLinks repeat it. */
  rawPath: string;
  params: URLSearchParams;
  /** The request's headers (If-Match of a conditional update). */
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The mailbox the path names (`/me` or `/users/{id}`). */
  mailbox: Mailbox;
  /** Who is asking, from the token: the signed-in user, or the app acting as itself. */
  caller: Caller;
  prefs: Preferences;
  render: RenderContext;
}

export type GraphHandler = (req: GraphRequest, params: Record<string, string>) => HttpResult;

/** A Graph route and the permission it needs (see access.ts). */
export interface GraphRoute extends Route<GraphHandler> {
  permission: Permission;
}

function metadataBase(req: GraphRequest): string {
  return `${req.world.baseUrl}/v1.0/$metadata`;
}

/** `users('id')/...` as @odata.context spells entity sets. */
function contextPath(req: GraphRequest, set: string): string {
  return `users('${req.mailbox.user.id}')/${set}`;
}

export function listResponse<T extends Sequenced>(
  req: GraphRequest,
  def: EntityDef<T>,
  collection: Collection<T>,
  set: string,
): HttpResult {
  const query = parseListQuery(def, req.params);
  // $top sets the page size, as in Outlook; otherwise odata.maxpagesize, otherwise 10.
  const pageSize = query.top ?? req.prefs.maxPageSize ?? DEFAULT_PAGE_SIZE;
  const page = runQuery(def, collection, query, pageSize, visibleUntil(req.world));
  return graphJson(200, collectionBody(def, page, query, pageSize, req.render, {
    requestUrl: `${req.world.baseUrl}/v1.0${req.rawPath}`,
    params: req.params,
    context: contextPath(req, set),
    metadataBase: metadataBase(req),
  }));
}

/** Short lists (folders, calendars): a throwaway collection lets them share the OData machinery. */
export function listItems<T extends Sequenced>(req: GraphRequest, def: EntityDef<T>, items: readonly T[], set: string): HttpResult {
  const collection = new Collection<T>(def.sortable);
  collection.addMany(items);
  return listResponse(req, def, collection, set);
}

/** `typed`: with the entity's `@odata.type`, as the answers of actions (move, copy) carry it. */
export function itemResponse<T>(req: GraphRequest, def: EntityShape<T>, item: T, set: string, status = 200, typed = false): HttpResult {
  const select = parseSelect(def, req.params.get('$select'));
  const selectSuffix = select ? `(${select.join(',')})` : '';
  return graphJson(status, {
    '@odata.context': `${metadataBase(req)}#${contextPath(req, set)}${selectSuffix}/$entity`,
    ...(typed && { '@odata.type': `#microsoft.graph.${def.type}` }),
    ...render(def, item, req.render, select),
  });
}

/** The request body as a JSON object, or Graph's 400 for anything else. */
export function jsonBody(req: GraphRequest): Json {
  const json = parseJsonObject(req.body);
  if (!json) throw invalidJson();
  return json;
}

/** 400 for ids that cannot be Exchange ids, 404 for well-formed ids that match nothing. */
export function lookup<T>(id: string, find: (id: string) => T | undefined): T {
  if (!isWellFormedId(id)) throw malformedId();
  const found = find(id);
  if (found === undefined) throw notFound();
  return found;
}
