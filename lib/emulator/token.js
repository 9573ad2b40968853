"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenService = exports.DEFAULT_SCOPE = exports.AadError = void 0;
exports.missingParameter = missingParameter;
/**
 * The Microsoft identity platform's token state: authorization codes, access tokens and
 * strictly rotating refresh tokens. Tokens are random and opaque; only this service can tell
 * what they mean. Failures are AadErrors carrying the AADSTS code a real tenant would send.
 */
const node_crypto_1 = require("node:crypto");
class AadError extends Error {
    status;
    error;
    code;
    constructor(status, error, code, description) {
        super(`AADSTS${code}: ${description}`);
        this.status = status;
        this.error = error;
        this.code = code;
        this.name = 'AadError';
    }
}
exports.AadError = AadError;
exports.DEFAULT_SCOPE = 'openid profile offline_access User.Read Mail.ReadWrite Mail.Send Calendars.ReadWrite Contacts.Read';
const REFRESH_TOKEN_IDLE_MS = 90 * 24 * 3600 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
const opaque = (prefix, bytes) => `${prefix}${(0, node_crypto_1.randomBytes)(bytes).toString('base64url')}`;
const expiredGrant = () => new AadError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
class TokenService {
    settings;
    access = new Map();
    refresh = new Map();
    codes = new Map();
    constructor(settings) {
        this.settings = settings;
    }
    /** The authorize endpoint knows the app by id only; the secret is checked at the token endpoint. */
    checkClientId(clientId) {
        if (!clientId)
            throw missingParameter('client_id');
        if (clientId !== this.settings.clientId) {
            throw new AadError(400, 'invalid_client', 700016, `Application with identifier '${clientId}' was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
        }
    }
    /** Throws the AADSTS error a tenant returns for these client credentials. */
    checkClient(clientId, clientSecret) {
        this.checkClientId(clientId);
        if (!clientSecret) {
            throw new AadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (clientSecret !== this.settings.clientSecret) {
            throw new AadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${this.settings.clientId}'.`);
        }
    }
    /** What the authorization-code flow ends with, for a consenting user. */
    issue(mailbox, scope = exports.DEFAULT_SCOPE) {
        const now = this.settings.now();
        const ttl = this.settings.accessTokenTtlSeconds;
        const accessToken = opaque('EwB', 900);
        this.access.set(accessToken, { mailbox, scope, expiresAt: now + ttl * 1000 });
        const response = {
            token_type: 'Bearer',
            scope: visibleScope(scope),
            expires_in: ttl,
            ext_expires_in: ttl,
            access_token: accessToken,
        };
        // As in Azure AD, only offline_access earns a refresh token.
        if (hasScope(scope, 'offline_access')) {
            const refreshToken = opaque('1.AXEA', 600);
            this.refresh.set(refreshToken, { mailbox, scope, expiresAt: now + REFRESH_TOKEN_IDLE_MS });
            response.refresh_token = refreshToken;
        }
        return response;
    }
    /** App-only token: no refresh token, no user. */
    issueAppOnly(scope) {
        const ttl = this.settings.accessTokenTtlSeconds;
        const accessToken = opaque('EwB', 900);
        this.access.set(accessToken, { mailbox: null, scope, expiresAt: this.settings.now() + ttl * 1000 });
        return { token_type: 'Bearer', scope, expires_in: ttl, ext_expires_in: ttl, access_token: accessToken };
    }
    createCode(mailbox, scope, redirectUri) {
        const code = opaque('0.AXEA', 500);
        this.codes.set(code, { mailbox, scope, redirectUri, expiresAt: this.settings.now() + CODE_TTL_MS });
        return code;
    }
    redeemCode(code, redirectUri) {
        if (!code)
            throw missingParameter('code');
        const grant = this.codes.get(code);
        // A code is good once: redeeming it again is an error, as with Azure AD.
        this.codes.delete(code);
        if (!grant || grant.expiresAt <= this.settings.now())
            throw expiredGrant();
        if (grant.redirectUri !== redirectUri) {
            throw new AadError(400, 'invalid_grant', 50011, `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URI used to obtain the authorization code.`);
        }
        return this.issue(grant.mailbox, grant.scope);
    }
    /** Strict rotation: the refresh token presented stops working, a new one is returned. */
    redeemRefreshToken(refreshToken, scope) {
        if (!refreshToken)
            throw missingParameter('refresh_token');
        const grant = this.refresh.get(refreshToken);
        if (!grant || grant.expiresAt <= this.settings.now())
            throw expiredGrant();
        this.refresh.delete(refreshToken);
        return this.issue(grant.mailbox, scope && scope.trim() ? withOfflineAccess(scope, grant.scope) : grant.scope);
    }
    check(authorization) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
        if (!m)
            return { problem: 'missing' };
        const grant = this.access.get(m[1]);
        if (!grant)
            return { problem: 'invalid' };
        if (grant.expiresAt <= this.settings.now())
            return { problem: 'expired' };
        return { grant };
    }
    expireAccessTokens() {
        const now = this.settings.now();
        for (const grant of this.access.values())
            grant.expiresAt = Math.min(grant.expiresAt, now);
    }
    revokeRefreshToken(refreshToken) {
        return this.refresh.delete(refreshToken);
    }
    /** Revokes every refresh token (like "revoke sessions"); access tokens live until they expire. */
    revokeAll() {
        this.refresh.clear();
        this.codes.clear();
    }
}
exports.TokenService = TokenService;
function missingParameter(name) {
    return new AadError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}
function hasScope(scope, wanted) {
    return scope.split(/\s+/).some((s) => s.toLowerCase() === wanted);
}
/** The token response lists the granted scopes but not offline_access. */
function visibleScope(scope) {
    return scope.split(/\s+/).filter((s) => s && s.toLowerCase() !== 'offline_access').join(' ');
}
/** A refresh that names scopes keeps offline access if the original grant had it. */
function withOfflineAccess(requested, original) {
    return hasScope(original, 'offline_access') && !hasScope(requested, 'offline_access')
        ? `${requested} offline_access`
        : requested;
}
