"use strict";
const logger_1 = require("./graph/logger");
const session_1 = require("./graph/session");
function contextFor(scope, cfg) {
    return {
        logger: scope?.logger ?? logger_1.silentLogger,
        emit: async (event, payload) => {
            // In service mode the sailor forwards updateKeys for dropdowns but not here: store a token
            // refreshed during verification ourselves, as the sailor would, or the rotation is lost.
            const accounts = event === 'updateKeys' && cfg._account ? scope?.getApiClient?.()?.accounts : undefined;
            if (accounts)
                await accounts.update(cfg._account, { keys: payload });
            else
                await scope?.emit?.(event, payload);
        },
    };
}
async function verifyCredentials(cfg) {
    const context = contextFor(this, cfg);
    const session = (0, session_1.createSession)(cfg, context);
    await session.get(`${session.root}?$select=id`);
    context.logger.info('Credential verified');
    return { verified: true };
}
module.exports = verifyCredentials;
