"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMIT_BEHAVIOURS = void 0;
exports.parseEmitBehaviour = parseEmitBehaviour;
exports.emitItems = emitItems;
exports.emitMessages = emitMessages;
/**
 * The "Emit behaviour" choice of lookups and triggers that yield many items: one platform message
 * per item (the default, what most flows map), or one message per page of Graph results holding
 * them as an array (for steps after it that work in batches). Either way items go out page by page
 * as they arrive, so memory does not grow with the number of results.
 */
const messages_1 = require("elasticio-node/lib/messages");
const fields_1 = require("../validation/fields");
const mailAttachments_1 = require("./mailAttachments");
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
    await emitMessages(context, behaviour, items.map((body) => ({ body })), page);
}
/**
 * emitItems for items that carry files: one message per item with its own files, or one page
 * message with the files of all its items, a name another item of the page took first getting
 * ` (2)`, ` (3)`... (each item's own list of its files says which url is which).
 */
async function emitMessages(context, behaviour, items, page) {
    const withFiles = (body, files) => {
        const message = (0, messages_1.newMessageWithBody)(body);
        if (files && Object.keys(files).length)
            message.attachments = files;
        return message;
    };
    if (behaviour === 'emitPage') {
        if (!items.length)
            return;
        const taken = new Set();
        const files = {};
        for (const item of items)
            for (const [name, file] of Object.entries(item.attachments ?? {}))
                files[(0, mailAttachments_1.uniqueName)(name, taken)] = file;
        await context.emit('data', withFiles({ results: items.map((item) => item.body), page }, files));
        return;
    }
    for (const item of items)
        await context.emit('data', withFiles(item.body, item.attachments));
}
