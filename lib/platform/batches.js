"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PAGE_MESSAGE_BUDGET_BYTES = exports.EMIT_BEHAVIOURS = void 0;
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
 * The most JSON one page message may hold. Sailor refuses a message whose encrypted form exceeds
 * 10 MiB (OUTGOING_MESSAGE_SIZE_LIMIT), base64 by default (4 bytes for 3): 7.5 MiB of JSON at most,
 * less room for the headers it adds. A refused message is an error while the trigger moves on, so
 * the page's items would be lost.
 */
exports.PAGE_MESSAGE_BUDGET_BYTES = 7 * 1024 * 1024;
/**
 * Emits `items` the chosen way; resolves once every message of the page has been emitted, so a
 * caller that persists progress afterwards never records what was not sent. `page` numbers the
 * first page message; a page too large for one message goes out as several, numbered on. Resolves
 * to the page numbers used.
 */
async function emitItems(context, behaviour, items, page) {
    return emitMessages(context, behaviour, items.map((body) => ({ body })), page);
}
const jsonBytes = (value) => Buffer.byteLength(JSON.stringify(value) ?? '');
/** Consecutive runs of `items` whose JSON stays within the budget (an item larger than it goes alone). */
function chunksOf(items, budget) {
    const chunks = [];
    let current = [];
    let size = 0;
    for (const item of items) {
        const bytes = jsonBytes(item.body) + jsonBytes(item.attachments ?? {});
        if (current.length && size + bytes > budget) {
            chunks.push(current);
            current = [];
            size = 0;
        }
        current.push(item);
        size += bytes;
    }
    if (current.length)
        chunks.push(current);
    return chunks;
}
/**
 * emitItems for items that carry files: one message per item with its own files, or one page
 * message with the files of all its items, a name another item of the page took first getting
 * ` (2)`, ` (3)`... (each item's own list of its files says which url is which).
 */
async function emitMessages(context, behaviour, items, page, budget = exports.PAGE_MESSAGE_BUDGET_BYTES) {
    const withFiles = (body, files) => {
        const message = (0, messages_1.newMessageWithBody)(body);
        if (files && Object.keys(files).length)
            message.attachments = files;
        return message;
    };
    if (behaviour === 'emitPage') {
        const chunks = chunksOf(items, budget);
        for (const [index, chunk] of chunks.entries()) {
            const taken = new Set();
            const files = {};
            for (const item of chunk)
                for (const [name, file] of Object.entries(item.attachments ?? {}))
                    files[(0, mailAttachments_1.uniqueName)(name, taken)] = file;
            await context.emit('data', withFiles({ results: chunk.map((item) => item.body), page: page + index }, files));
        }
        return chunks.length;
    }
    for (const item of items)
        await context.emit('data', withFiles(item.body, item.attachments));
    return 0;
}
