"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runPollingTrigger = runPollingTrigger;
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
        page += 1;
        await (0, batches_1.emitMessages)(context, output.behaviour, messages, page);
    };
    const { emitted, pages } = await (0, poll_1.pollCollection)(session, spec, { snapshot, startTime }, {
        emit: async (item) => { await send([item]); },
        ...(output.behaviour === 'emitPage' && { emitBatch: send }),
        persist: async (next) => { await context.emit('snapshot', next); },
    }, context.logger);
    context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}
