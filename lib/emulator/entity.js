"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.render = render;
exports.weakEtag = weakEtag;
const errors_1 = require("./errors");
const extended_properties_1 = require("./extended-properties");
function render(def, item, ctx, select) {
    const out = {};
    if (def.odataId && ctx.userUrl)
        out['@odata.id'] = `${ctx.userUrl}/${def.odataId(item)}`;
    if (def.etag)
        out['@odata.etag'] = def.etag(item);
    // Graph always returns the id, selected or not, and puts it first.
    out.id = def.properties.id(item, ctx);
    const names = select ? select.flatMap((name) => [name, ...def.companions?.[name] ?? []]) : def.defaults;
    for (const name of names) {
        if (name !== 'id')
            out[name] = def.properties[name](item, ctx);
    }
    if (ctx.expand) {
        if (!def.extendedProperties)
            throw (0, errors_1.badRequest)(`The emulator expands singleValueExtendedProperties of messages only, not of ${def.type} items.`);
        out['singleValueExtendedProperties@odata.context'] = ctx.expand.context(String(out.id));
        out.singleValueExtendedProperties = (0, extended_properties_1.expandedProperties)(def.extendedProperties(item), ctx.expand.ids);
    }
    return out;
}
/** The W/"changeKey" form Outlook uses for @odata.etag. */
function weakEtag(changeKey) {
    return `W/"${changeKey}"`;
}
