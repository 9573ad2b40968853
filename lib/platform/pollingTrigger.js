"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runPollingTrigger = runPollingTrigger;
/**
 * What both polling triggers do on the platform: validate the start time, poll, send each new
 * item as a data message and each saved cursor as the snapshot.
 */
const messages_1 = require("elasticio-node/lib/messages");
const poll_1 = require("../graph/poll");
const session_1 = require("../graph/session");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
async function runPollingTrigger(context, cfg, snapshot, specFor, noun) {
    const startTime = (0, fields_1.isAbsent)(cfg.startTime) ? undefined : (0, datetime_1.parseInstant)(cfg.startTime, 'startTime');
    const session = (0, session_1.createSession)(cfg, context);
    const spec = specFor(session.root);
    const { emitted, pages } = await (0, poll_1.pollCollection)(session, spec, { snapshot, startTime }, {
        emit: async (item) => { await context.emit('data', (0, messages_1.newMessageWithBody)(item)); },
        persist: async (next) => { await context.emit('snapshot', next); },
    }, context.logger);
    context.logger.info(`Poll finished: ${emitted} ${noun} in ${pages} page(s)`);
}
