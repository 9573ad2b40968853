"use strict";
/**
 * Called by the platform when a user saves the credential. A thrown message is shown to the user
 * as is, so it must say what to fix.
 * - delegated: `GET /me` proves the whole chain: app id and secret (on refresh), tenant, cloud,
 *   consent and mailbox access;
 * - application: there is no mailbox yet (each step names one), so it obtains a token (app id and
 *   secret, tenant, cloud, the app's presence in the tenant), then reads the optional test mailbox,
 *   or else checks the token's `roles` (see verifyApplication).
 */
const errors_1 = require("./errors");
const logger_1 = require("./graph/logger");
const permissions_1 = require("./graph/permissions");
const mailbox_1 = require("./graph/mailbox");
const session_1 = require("./graph/session");
const fields_1 = require("./validation/fields");
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
/**
 * An application credential: the token proves app, secret, tenant and cloud; its `roles` show the
 * application permissions an administrator consented to. Exchange RBAC for Applications grants
 * never appear there, so missing roles are not proof of missing access: with a test mailbox the
 * check reads that mailbox's Inbox and lets what Graph answers decide; without one it names each
 * permission missing and says how to prove RBAC access instead.
 */
async function verifyApplication(cfg, tokens, context) {
    const testMailbox = (0, fields_1.isAbsent)(cfg.testMailbox) ? undefined : (0, mailbox_1.parseMailbox)(cfg.testMailbox, 'application', 'testMailbox').address;
    await tokens.accessToken();
    const claims = tokens.claims();
    const roles = claims?.roles ?? [];
    const missing = claims ? (0, permissions_1.missingAppPermissions)(roles) : [];
    if (testMailbox !== undefined) {
        const session = (0, session_1.createSession)({ ...cfg, mailbox: testMailbox }, context);
        await session.get(`${session.root}/mailFolders/inbox?$select=id`);
        if (missing.length)
            context.logger.warn(`The app's token lacks ${missing.map((p) => p.name).join(', ')}; the test mailbox was readable, so access comes from elsewhere (Exchange RBAC for Applications)`);
        return;
    }
    if (!claims) {
        context.logger.warn('The app token is not a JWT: its application permissions cannot be read here; the steps will name any that is missing');
        return;
    }
    const grant = 'In the app registration: API permissions > Add a permission > Microsoft Graph > Application permissions, add them, then Grant admin consent (an administrator of the tenant). If an Exchange administrator grants access through RBAC for Applications instead, which the token does not show, fill in Mailbox to test with a mailbox the app may reach and save again.';
    if (!roles.length) {
        throw new errors_1.CredentialError(`The app has no application permissions in this tenant: no administrator has granted admin consent. Needed: ${permissions_1.APP_PERMISSIONS.map((p) => p.name).join(', ')}. ${grant}`);
    }
    if (missing.some((p) => p.neededNow)) {
        throw new errors_1.CredentialError(`The app lacks the application permission${missing.length > 1 ? 's' : ''} ${missing.map((p) => `${p.name} (${p.usedBy})`).join(', ')}: they have not been granted admin consent. ${grant}`);
    }
    if (missing.length)
        context.logger.warn(`The app lacks ${missing.map((p) => p.name).join(', ')}, needed by planned steps only`);
}
async function verifyCredentials(cfg) {
    const context = contextFor(this, cfg);
    const { credential, tokens } = (0, session_1.credentialTokens)(cfg, context);
    if (credential.authType === 'application') {
        await verifyApplication(cfg, tokens, context);
    }
    else {
        const session = (0, session_1.createSession)({ ...cfg, mailbox: undefined }, context);
        await session.get(`${session.root}?$select=id`);
    }
    context.logger.info('Credential verified');
    return { verified: true };
}
module.exports = verifyCredentials;
