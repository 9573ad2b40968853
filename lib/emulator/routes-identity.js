"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDENTITY_PATH = void 0;
exports.pathTenant = pathTenant;
exports.cloudOfPath = cloudOfPath;
exports.handleIdentity = handleIdentity;
exports.aadErrorBody = aadErrorBody;
const clouds_1 = require("./clouds");
const directory_1 = require("./directory");
const http_1 = require("./http");
const sign_in_1 = require("./sign-in");
const token_1 = require("./token");
exports.IDENTITY_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/i;
function unknownTenant(tenant) {
    return new token_1.AadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
}
/** The tenant the path names, or the alias; 90002 for anything else. */
function pathTenant(world, name) {
    const alias = (0, directory_1.tenantAlias)(name);
    if (alias)
        return alias;
    const tenant = world.directory.tenant(name);
    if (!tenant)
        throw unknownTenant(name);
    return tenant;
}
/** The cloud an answer about this path belongs to (its error_uri host), when it names a tenant. */
function cloudOfPath(world, name) {
    return world.directory.tenant(name)?.cloud ?? clouds_1.CLOUDS.global;
}
/** HTTP Basic client credentials; simple-oauth2 form-encodes both halves first, so decode them. */
function basicCredentials(header) {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
    if (!m)
        return {};
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at < 0)
        return {};
    const formDecode = (s) => {
        try {
            return decodeURIComponent(s.replace(/\+/g, ' '));
        }
        catch {
            return s;
        }
    };
    return { id: formDecode(decoded.slice(0, at)), secret: formDecode(decoded.slice(at + 1)) };
}
const optional = (form, name) => form.get(name) ?? undefined;
/** A refresh that names scopes keeps offline access if the original grant had it. */
function withOfflineAccess(requested, original) {
    return (0, token_1.hasScope)(original, 'offline_access') && !(0, token_1.hasScope)(requested, 'offline_access') ? `${requested} offline_access` : requested;
}
/**
 * authorization_code and refresh_token: the client is checked in the cloud of the grant's tenant
 * before the grant is used up, so a failed request leaves the refresh token valid. A grant
 * redeemed at another tenant than its own: AADSTS700005 (documented for codes; used for refresh
 * tokens too).
 */
function delegatedGrant(req, named, client, form, kind) {
    const { directory, tokens } = req.world;
    const value = optional(form, kind === 'code' ? 'code' : 'refresh_token');
    const grant = tokens.peek(kind, value);
    const grantTenant = grant ? directory.tenant(grant.tenantId) : undefined;
    (0, sign_in_1.checkApp)(directory, named instanceof directory_1.Tenant ? named : grantTenant ?? directory.defaultTenant, client.id, client.secret);
    if (grant && named instanceof directory_1.Tenant && named.id !== grant.tenantId) {
        throw new token_1.AadError(400, 'invalid_grant', 700005, 'Provided Authorization Code is intended to use against other tenant, thus rejected.');
    }
    if (kind === 'code')
        return tokens.redeemCode(value, optional(form, 'redirect_uri'));
    const scope = optional(form, 'scope');
    // Checked before the refresh token is used up: a refused scope leaves it working.
    const renewed = grant && (0, sign_in_1.refreshed)(directory, grant, scope && scope.trim() ? withOfflineAccess(scope, grant.scope) : grant.scope);
    return tokens.redeemRefreshToken(value, renewed);
}
function clientCredentials(req, named, client, form) {
    if (!(named instanceof directory_1.Tenant))
        throw (0, sign_in_1.aliasRefusedForApps)(named);
    return req.world.tokens.issueApp((0, sign_in_1.appSignIn)(req.world.directory, named, client.id, optional(form, 'scope'), client.secret));
}
function token(req, named) {
    if (req.method !== 'POST')
        throw new token_1.AadError(400, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
    const form = new URLSearchParams(req.body.toString('utf8'));
    const grantType = form.get('grant_type');
    if (!grantType)
        throw (0, token_1.missingParameter)('grant_type');
    const basic = basicCredentials(req.headers.authorization);
    const client = { id: optional(form, 'client_id') ?? basic.id, secret: { value: optional(form, 'client_secret') ?? basic.secret } };
    let answer;
    switch (grantType) {
        case 'authorization_code':
            answer = delegatedGrant(req, named, client, form, 'code');
            break;
        case 'refresh_token':
            answer = delegatedGrant(req, named, client, form, 'refresh');
            break;
        case 'client_credentials':
            answer = clientCredentials(req, named, client, form);
            break;
        default: throw new token_1.AadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
    return (0, http_1.plainJson)(200, answer, { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
}
/**
 * Who signs in: `login_hint`'s user if it names one (in the path's tenant, when it names a tenant:
 * AADSTS50020 otherwise), else the path tenant's first user, else (common) the primary.
 */
function chooseUser(req, named, clientId) {
    const hint = req.params.get('login_hint');
    const hinted = hint ? req.world.directory.mailbox(hint) : undefined;
    if (!(named instanceof directory_1.Tenant))
        return hinted ?? req.world.directory.primary;
    if (hinted && hinted.tenant !== named) {
        throw new token_1.AadError(400, 'invalid_request', 50020, `User account '${hint}' from identity provider '${hinted.tenant.cloud.issuer(hinted.tenant.id)}' does not exist in tenant '${named.displayName}' and cannot access the application '${clientId}'(${clientId}) in that tenant. This account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account.`);
    }
    return hinted ?? named.mailboxes.find((m) => m.kind === 'user') ?? req.world.directory.primary;
}
/**
 * No login page: the user consents immediately. Errors about the sign-in itself (unknown app,
 * disabled account) are shown as Azure AD shows them, on its own page (here a 400 with the error
 * body); errors in the request's scope go back to the redirect URI, as OAuth wants.
 */
function authorize(req, named) {
    const p = req.params;
    const clientId = p.get('client_id');
    if (!clientId)
        throw (0, token_1.missingParameter)('client_id');
    if (!req.world.directory.knowsApp(clientId))
        throw (0, sign_in_1.appNotFound)(clientId, named instanceof directory_1.Tenant ? named : req.world.directory.defaultTenant);
    const redirectUri = p.get('redirect_uri');
    if (!redirectUri)
        throw (0, token_1.missingParameter)('redirect_uri');
    let target;
    try {
        target = new URL(redirectUri);
    }
    catch {
        throw new token_1.AadError(400, 'invalid_request', 90102, `'redirect_uri' value must be a valid absolute URI.`);
    }
    const state = p.get('state');
    const refuse = (error, description) => {
        target.searchParams.set('error', error);
        target.searchParams.set('error_description', description);
    };
    if (p.get('response_type') !== 'code') {
        refuse('unsupported_response_type', 'AADSTS70005: The response_type is not supported; use code.');
    }
    else {
        const user = chooseUser(req, named, clientId);
        try {
            const identity = (0, sign_in_1.signIn)(req.world.directory, user, clientId, p.get('scope') ?? 'openid profile');
            target.searchParams.set('code', req.world.tokens.createCode(identity, redirectUri));
            target.searchParams.set('session_state', user.tenant.id);
        }
        catch (err) {
            if (!(err instanceof token_1.AadError) || !['invalid_scope', 'invalid_resource'].includes(err.error))
                throw err;
            refuse(err.error, err.message);
        }
    }
    if (state !== null)
        target.searchParams.set('state', state);
    return { status: 302, headers: { Location: target.toString(), 'Cache-Control': 'no-store, no-cache' } };
}
function handleIdentity(req) {
    const named = pathTenant(req.world, req.tenant);
    return req.endpoint === 'token' ? token(req, named) : authorize(req, named);
}
/** Azure AD's error body; the description repeats the ids and time like the real one. */
function aadErrorBody(error, now, traceId, correlationId, cloud = clouds_1.CLOUDS.global) {
    const timestamp = `${new Date(now).toISOString().slice(0, 19).replace('T', ' ')}Z`;
    return {
        error: error.error,
        error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
        error_codes: [error.code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `${cloud.login}/error?code=${error.code}`,
    };
}
