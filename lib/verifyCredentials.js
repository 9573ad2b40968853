"use strict";
const logger_1 = require("./graph/logger");
const session_1 = require("./graph/session");
async function verifyCredentials(cfg) {
    const context = {
        logger: this?.logger ?? logger_1.silentLogger,
        emit: async (event, payload) => { await this?.emit?.(event, payload); },
    };
    const session = (0, session_1.createSession)(cfg, context);
    await session.get(`${session.root}?$select=id`);
    context.logger.info('Credential verified');
    return { verified: true };
}
module.exports = verifyCredentials;
