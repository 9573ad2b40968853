"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runPollingTrigger = runPollingTrigger;
exports.runPollingTriggerOverCollections = runPollingTriggerOverCollections;
/**
 * What the polling triggers do on the platform: validate the start time, poll, send each new
 * item as a data message (or batches of them, with the files each carries) and each saved cursor
 * as the snapshot.
 */
const messages_1 = require("elasticio-node/lib/messages");
const cursorSet_1 = require("../graph/cursorSet");
const odata_1 = require("../graph/odata");
const poll_1 = require("../graph/poll");
const session_1 = require("../graph/session");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
const batches_1 = require("./batches");
async function runPollingTrigger(context, cfg, snapshot, specFor, noun, outputFor) {
    const startTime = (0, fields_1.isAbsent)(cfg.startTime) ? undefined : (0, datetime_1.parseInstant)(cfg.startTime, 'startTime');
    const session = (0, session_1.createSession)(cfg, context);
    const spec = specFor(session.root);
    const output = outputFor?.(session) ?? { behaviour: 'emitIndividually', prepare: async (item) => ({ body: item }) };
    let page = 0;
    const send = async (items) => {
        const messages = [];
        for (const item of items)
            messages.push(await output.prepare(item));
        page += await (0, batches_1.emitMessages)(context, output.behaviour, messages, page + 1);
    };
    const { emitted, pages } = await (0, poll_1.pollCollection)(session, spec, { snapshot, startTime }, {
        emit: async (item) => { await send([item]); },
        ...(output.behaviour === 'emitPage' && { emitBatch: send }),
        persist: async (next) => { await context.emit('snapshot', next); },
    }, context.logger);
    context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}
/**
 * A trigger over several collections (every contact folder of a mailbox): each is polled by
 * pollCollection exactly as a single one is, one after the other, their cursors kept together in
 * one snapshot (graph/cursorSet.ts) that is saved whenever one of them moves. `collectionsFor` lists
 * them on every poll, so a collection that appears later is polled from then on.
 */
async function runPollingTriggerOverCollections(context, cfg, snapshot, collectionsFor, noun) {
    const startTime = (0, fields_1.isAbsent)(cfg.startTime) ? undefined : (0, datetime_1.parseInstant)(cfg.startTime, 'startTime');
    const session = (0, session_1.createSession)(cfg, context);
    const collections = await collectionsFor(session);
    const keys = collections.map((c) => c.key);
    const set = (0, cursorSet_1.readCursorSet)(snapshot);
    if (!set.origin && startTime !== undefined)
        set.origin = { v: 1, from: (0, odata_1.dateTimeLiteral)(startTime), seen: {} };
    let lastSaved = JSON.stringify(snapshot ?? null);
    const save = async () => {
        const envelope = (0, cursorSet_1.writeCursorSet)(set, keys);
        const json = JSON.stringify(envelope ?? null);
        if (!envelope || json === lastSaved)
            return;
        await context.emit('snapshot', envelope);
        lastSaved = json;
    };
    let emitted = 0;
    let pages = 0;
    for (const { key, spec } of collections) {
        const { budget, shortened } = (0, cursorSet_1.budgetFor)(set, key, keys);
        if (shortened)
            context.logger.warn('More items changed within the look-back, in all collections together, than the snapshot can remember; the look-back for the oldest of them was shortened');
        const from = (0, cursorSet_1.cursorFor)(set, key);
        const result = await (0, poll_1.pollCollection)(session, spec, { snapshot: from, startTime, budget }, {
            emit: async (item) => { await context.emit('data', (0, messages_1.newMessageWithBody)(item)); },
            persist: async (next) => {
                set.entries.set(key, next);
                // The first cursor of a trigger without a start time: "from the first poll on", by Graph's clock.
                set.origin ??= { v: 1, from: next.from, seen: {} };
                await save();
            },
        }, context.logger);
        // A collection that did not move keeps where it started, so that a later `from` of the others does not carry it along.
        if (!set.entries.has(key) && from)
            set.entries.set(key, from);
        emitted += result.emitted;
        pages += result.pages;
    }
    await save();
    context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s) of ${collections.length} collection(s)`);
}
