"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listResponse = listResponse;
exports.listItems = listItems;
exports.itemResponse = itemResponse;
exports.jsonBody = jsonBody;
exports.lookup = lookup;
const collection_1 = require("./collection");
const entity_1 = require("./entity");
const errors_1 = require("./errors");
const http_1 = require("./http");
const ids_1 = require("./ids");
const listing_1 = require("./listing");
const odata_1 = require("./odata");
const world_1 = require("./world");
function metadataBase(req) {
    return `${req.world.baseUrl}/v1.0/$metadata`;
}
/** `users('id')/...` as @odata.context spells entity sets. */
function contextPath(req, set) {
    return `users('${req.mailbox.user.id}')/${set}`;
}
function listResponse(req, def, collection, set) {
    const query = (0, odata_1.parseListQuery)(def, req.params);
    // $top sets the page size, as in Outlook; otherwise odata.maxpagesize, otherwise 10.
    const pageSize = query.top ?? req.prefs.maxPageSize ?? listing_1.DEFAULT_PAGE_SIZE;
    const page = (0, listing_1.runQuery)(def, collection, query, pageSize, (0, world_1.visibleUntil)(req.world));
    return (0, http_1.graphJson)(200, (0, listing_1.collectionBody)(def, page, query, pageSize, req.render, {
        requestUrl: `${req.world.baseUrl}/v1.0${req.rawPath}`,
        params: req.params,
        context: contextPath(req, set),
        metadataBase: metadataBase(req),
    }));
}
/** Short lists (folders, calendars): a throwaway collection lets them share the OData machinery. */
function listItems(req, def, items, set) {
    const collection = new collection_1.Collection(def.sortable);
    collection.addMany(items);
    return listResponse(req, def, collection, set);
}
/** `typed`: with the entity's `@odata.type`, as the answers of actions (move, copy) carry it. */
function itemResponse(req, def, item, set, status = 200, typed = false) {
    const select = (0, odata_1.parseSelect)(def, req.params.get('$select'));
    const selectSuffix = select ? `(${select.join(',')})` : '';
    return (0, http_1.graphJson)(status, {
        '@odata.context': `${metadataBase(req)}#${contextPath(req, set)}${selectSuffix}/$entity`,
        ...(typed && { '@odata.type': `#microsoft.graph.${def.type}` }),
        ...(0, entity_1.render)(def, item, req.render, select),
    });
}
/** The request body as a JSON object, or Graph's 400 for anything else. */
function jsonBody(req) {
    const json = (0, http_1.parseJsonObject)(req.body);
    if (!json)
        throw (0, errors_1.invalidJson)();
    return json;
}
/** 400 for ids that cannot be Exchange ids, 404 for well-formed ids that match nothing. */
function lookup(id, find) {
    if (!(0, ids_1.isWellFormedId)(id))
        throw (0, errors_1.malformedId)();
    const found = find(id);
    if (found === undefined)
        throw (0, errors_1.notFound)();
    return found;
}
