"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenService = exports.AadError = void 0;
exports.missingParameter = missingParameter;
exports.hasScope = hasScope;
/**
 * The Microsoft identity platform's token state: authorization codes, access tokens and strictly
 * rotating refresh tokens, for delegated (a signed-in user) and app-only (client credentials)
 * identities. What a token may do is decided by routes-identity (scopes, consent, clouds) and
 * access.ts (Graph); this service only remembers grants and mints tokens.
 *
 * Access tokens are JWTs carrying the claims Graph decides by (`aud`, `tid`, `scp` or `roles`,
 * `oid`, `appid`), so a client can read them as it reads Azure AD's. They are signed with the
 * emulator's own key (HS256): like Graph's own tokens, they are not for clients to validate.
 * Failures are AadErrors carrying the AADSTS code a real tenant would send.
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
const REFRESH_TOKEN_IDLE_MS = 90 * 24 * 3600 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
const opaque = (prefix, bytes) => `${prefix}${(0, node_crypto_1.randomBytes)(bytes).toString('base64url')}`;
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const expiredGrant = () => new AadError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
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
class TokenService {
    settings;
    access = new Map();
    refresh = new Map();
    codes = new Map();
    signingKey = (0, node_crypto_1.randomBytes)(32);
    constructor(settings) {
        this.settings = settings;
    }
    /**
     * What the authorization-code flow ends with: `scope` lists every permission the token carries;
     * a refresh token only when offline_access was asked for, as in Azure AD.
     */
    issueDelegated(identity) {
        const response = { token_type: 'Bearer', scope: visibleScope(identity.scopes.join(' ')), ...this.mint(identity) };
        if (hasScope(identity.scope, 'offline_access')) {
            const refreshToken = opaque('1.AXEA', 600);
            this.refresh.set(refreshToken, { identity, expiresAt: this.settings.now() + REFRESH_TOKEN_IDLE_MS });
            response.refresh_token = refreshToken;
        }
        return response;
    }
    /** Client credentials: no refresh token, no scope, and `roles` only when an admin consented. */
    issueApp(identity) {
        return { token_type: 'Bearer', ...this.mint(identity) };
    }
    createCode(identity, redirectUri) {
        const code = opaque('0.AXEA', 500);
        this.codes.set(code, { identity, redirectUri, expiresAt: this.settings.now() + CODE_TTL_MS });
        return code;
    }
    /** The live grant behind a code or refresh token, without using it up (undefined: unknown or expired). */
    peek(kind, value) {
        const grant = value === undefined ? undefined : (kind === 'code' ? this.codes : this.refresh).get(value);
        return grant && grant.expiresAt > this.settings.now() ? grant.identity : undefined;
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
        return this.issueDelegated(grant.identity);
    }
    /**
     * Strict rotation: the refresh token presented stops working, a new one is returned.
     * @param renewed the user with the permissions the new token carries (checked by the caller);
     *   default: those of the grant.
     */
    redeemRefreshToken(refreshToken, renewed) {
        if (!refreshToken)
            throw missingParameter('refresh_token');
        const grant = this.refresh.get(refreshToken);
        if (!grant || grant.expiresAt <= this.settings.now())
            throw expiredGrant();
        this.refresh.delete(refreshToken);
        return this.issueDelegated(renewed ?? grant.identity);
    }
    check(authorization) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
        if (!m)
            return { problem: 'missing' };
        const grant = this.access.get(m[1]);
        if (!grant)
            return { problem: m[1].includes('.') ? 'invalid' : 'malformed' };
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
    mint(identity) {
        const ttl = this.settings.accessTokenTtlSeconds;
        const now = this.settings.now();
        const iat = Math.floor(now / 1000);
        const common = {
            aud: identity.audience, iss: identity.issuer, iat, nbf: iat, exp: iat + ttl,
            appid: identity.clientId, tid: identity.tenantId, uti: (0, node_crypto_1.randomUUID)(), ver: '1.0',
        };
        // Azure AD leaves `roles` out when an app has none, and lists scopes without offline_access.
        const claims = identity.kind === 'delegated'
            ? { ...common, idtyp: 'user', oid: identity.userId, upn: identity.upn, unique_name: identity.upn, scp: visibleScope(identity.scopes.join(' ')) }
            : { ...common, idtyp: 'app', oid: identity.servicePrincipalId, sub: identity.servicePrincipalId, ...(identity.roles.length ? { roles: identity.roles } : {}) };
        const unsigned = `${b64url({ typ: 'JWT', alg: 'HS256', kid: 'emulator' })}.${b64url(claims)}`;
        const accessToken = `${unsigned}.${(0, node_crypto_1.createHmac)('sha256', this.signingKey).update(unsigned).digest('base64url')}`;
        this.access.set(accessToken, { ...identity, expiresAt: now + ttl * 1000 });
        return { expires_in: ttl, ext_expires_in: ttl, access_token: accessToken };
    }
}
exports.TokenService = TokenService;
