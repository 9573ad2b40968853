"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.render = render;
exports.weakEtag = weakEtag;
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
    return out;
}
/** The W/"changeKey" form Outlook uses for @odata.etag. */
function weakEtag(changeKey) {
    return `W/"${changeKey}"`;
}
