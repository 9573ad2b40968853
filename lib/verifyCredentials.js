"use strict";
const logger_1 = require("./graph/logger");
const session_1 = require("./graph/session");
async function verifyCredentials(cfg) {
    const context = {
        logger: this?.logger ?? logger_1.silentLogger,
        emit: async (event, payload) => { await this?.emit?.(event, payload); },
    };
    const session = (0, session_1.createSession)(cfg, context);
    const { body } = await session.get(`${session.root}?$select=id,userPrincipalName`);
    context.logger.info(`Credential verified for ${body.userPrincipalName ? 'the signed-in user' : 'an account without a UPN'}`);
    return { verified: true };
}
module.exports = verifyCredentials;
