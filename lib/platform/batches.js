"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMIT_BEHAVIOURS = void 0;
exports.parseEmitBehaviour = parseEmitBehaviour;
exports.emitItems = emitItems;
/**
 * The "Emit behaviour" choice of lookups and triggers that yield many items: one platform message
 * per item (the default, what most flows map), or one message per page of Graph results holding
 * them as an array (for steps after it that work in batches). Either way items go out page by page
 * as they arrive, so memory does not grow with the number of results.
 */
const messages_1 = require("elasticio-node/lib/messages");
const fields_1 = require("../validation/fields");
exports.EMIT_BEHAVIOURS = ['emitIndividually', 'emitPage'];
function parseEmitBehaviour(value, field = 'emitBehaviour') {
    return (0, fields_1.oneOf)(value, field, exports.EMIT_BEHAVIOURS, 'emitIndividually');
}
/**
 * Emits `items` the chosen way; resolves once every message of the page has been emitted, so a
 * caller that persists progress afterwards never records what was not sent. `page` numbers the
 * page within this run.
 */
async function emitItems(context, behaviour, items, page) {
    if (behaviour === 'emitPage') {
        if (items.length)
            await context.emit('data', (0, messages_1.newMessageWithBody)({ results: [...items], page }));
        return;
    }
    for (const item of items)
        await context.emit('data', (0, messages_1.newMessageWithBody)(item));
}
