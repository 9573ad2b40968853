"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUTH_TYPES = void 0;
exports.parseAuthType = parseAuthType;
exports.parseCloud = parseCloud;
exports.checkLoginHost = checkLoginHost;
exports.normaliseTenant = normaliseTenant;
exports.appRegistrationFromEnv = appRegistrationFromEnv;
exports.parseCredential = parseCredential;
/**
 * The credential's fields as the platform merges them into every step's cfg, checked before any
 * request: who signs in (`authType`), in which Microsoft cloud (`cloud`, and the sign-in host the
 * OAuth URLs were built from), at which tenant, with which app. Every refusal names the field and
 * what it accepts, and never echoes a secret.
 */
const errors_1 = require("../errors");
const echo_1 = require("../validation/echo");
const fields_1 = require("../validation/fields");
const clouds_1 = require("./clouds");
exports.AUTH_TYPES = ['delegated', 'application'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^(common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/i;
const TENANT_ALIASES = ['common', 'organizations', 'consumers'];
/** Entra client secrets are 40 visible ASCII characters today; anything with a space or a control character was pasted wrong. */
const SECRET_SHAPE = /^[\x21-\x7e]{1,1024}$/;
function word(value, field, allowed, fallback, what) {
    if ((0, fields_1.isAbsent)(value))
        return fallback;
    const given = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (given === '')
        return fallback;
    if (given !== undefined && allowed.includes(given))
        return given;
    const shown = typeof value === 'string' ? (0, echo_1.quote)(value) : `a ${Array.isArray(value) ? 'list' : typeof value}`;
    throw new errors_1.CredentialError(`${field}: choose ${what}, got ${shown}`);
}
function parseAuthType(value) {
    return word(value, 'authType', exports.AUTH_TYPES, 'delegated', 'delegated (sign in as a user) or application (the app\'s own identity, no user)');
}
function parseCloud(value) {
    const name = word(value, 'cloud', clouds_1.CLOUD_NAMES, 'global', `${clouds_1.CLOUD_NAMES.slice(0, -1).join(', ')} or ${clouds_1.CLOUD_NAMES[clouds_1.CLOUD_NAMES.length - 1]}`);
    return clouds_1.CLOUDS[name];
}
/**
 * The sign-in host the platform put into the OAuth URLs: it must be the cloud's, or the user signed
 * in (or will) at another cloud than the one the component calls. Absent on credentials made before
 * the field existed: those signed in at the global host, the only one the URLs had.
 */
function checkLoginHost(value, cloud) {
    const expected = (0, clouds_1.loginHostOf)(cloud);
    if ((0, fields_1.isAbsent)(value)) {
        if (cloud.name === 'global')
            return;
        throw new errors_1.CredentialError(`loginHost: the ${cloud.name} cloud signs in at ${expected}: pick that Sign-in host (the Sign in with Microsoft button uses it)`);
    }
    const given = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    if (given === undefined || !clouds_1.LOGIN_HOSTS.includes(given)) {
        const shown = typeof value === 'string' ? (0, echo_1.quote)(value) : `a ${typeof value}`;
        throw new errors_1.CredentialError(`loginHost: choose one of ${clouds_1.LOGIN_HOSTS.join(', ')} (the host name alone), got ${shown}`);
    }
    if (given !== expected) {
        throw new errors_1.CredentialError(`loginHost: the ${cloud.name} cloud signs in at ${expected}, but Sign-in host is ${given}: pick ${expected}, or set Cloud to the cloud your tenant is in, then sign in again`);
    }
}
/** The tenant goes into the token URL path, so only the documented shapes are let through. */
function normaliseTenant(value) {
    if ((0, fields_1.isAbsent)(value))
        return 'common';
    // 253: the longest DNS name, so the longest verified domain.
    if (typeof value !== 'string' || value.trim().length > 253 || !TENANT.test(value.trim())) {
        throw new errors_1.CredentialError('tenantId: use common, organizations, consumers, your directory (tenant) id such as '
            + '72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com');
    }
    return value.trim();
}
function parseTenant(value, authType, cloud) {
    const tenant = normaliseTenant(value);
    const alias = tenant.toLowerCase();
    if (authType === 'application' && TENANT_ALIASES.includes(alias)) {
        throw new errors_1.CredentialError(`tenantId: an application credential needs your directory (tenant) id or a verified domain such as contoso.onmicrosoft.com; ${alias} names no tenant, so Microsoft cannot issue the app a token there`);
    }
    if (alias === 'consumers' && !cloud.personalAccounts) {
        throw new errors_1.CredentialError(`tenantId: consumers (Outlook.com personal accounts) exists only in the global cloud; the ${cloud.name} cloud has work and school accounts: use organizations, common or your tenant id`);
    }
    return tenant;
}
function appRegistrationFromEnv(env = process.env) {
    const clientId = env.MSAPP_CLIENT_ID;
    const clientSecret = env.MSAPP_CLIENT_SECRET;
    if (!clientId || !clientSecret) {
        const missing = [!clientId && 'MSAPP_CLIENT_ID', !clientSecret && 'MSAPP_CLIENT_SECRET'].filter(Boolean).join(' and ');
        throw new errors_1.CredentialError(`${missing} not set: set the Azure app's client id and secret as environment variables of this component`);
    }
    return { clientId, clientSecret, clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' };
}
/** The credential's own app (a customer's registration in its tenant), or undefined when neither field is set. */
function ownApp(cfg, authType) {
    const hasId = !(0, fields_1.isAbsent)(cfg.clientId);
    const hasSecret = !(0, fields_1.isAbsent)(cfg.clientSecret);
    if (!hasId && !hasSecret)
        return undefined;
    if (authType === 'delegated') {
        throw new errors_1.CredentialError(`${hasId ? 'clientId' : 'clientSecret'}: applies only to Auth type application; a delegated credential signs in with the component's app (MSAPP_CLIENT_ID). Clear Client ID and Client secret, or set Auth type to application`);
    }
    if (typeof cfg.clientId !== 'string' || !GUID.test(cfg.clientId.trim())) {
        throw new errors_1.CredentialError(hasId
            ? 'clientId: use the Application (client) ID from the app registration\'s Overview, a GUID such as 00000000-0000-0000-0000-000000000000'
            : 'clientId: is required with clientSecret: set the Application (client) ID of the app the secret belongs to');
    }
    if (!hasSecret)
        throw new errors_1.CredentialError('clientSecret: is required with clientId: paste the Value of a client secret of that app (Certificates & secrets)');
    // Never echoed: whatever was typed here is meant to be secret.
    if (typeof cfg.clientSecret !== 'string' || !SECRET_SHAPE.test(cfg.clientSecret.trim())) {
        throw new errors_1.CredentialError('clientSecret: paste the secret\'s Value from Certificates & secrets (visible characters only, no spaces or line breaks, at most 1024)');
    }
    return { clientId: cfg.clientId.trim(), clientSecret: cfg.clientSecret.trim(), clientIdFrom: 'clientId', secretFrom: 'clientSecret' };
}
/**
 * Every credential field checked, in the order the form shows them. The OAuth token itself is
 * checked by the delegated token source (it says "sign in" when there is none); an application
 * credential ignores a token left over from a delegated past.
 */
function parseCredential(cfg, env = process.env, componentApp) {
    const authType = parseAuthType(cfg.authType);
    const cloud = parseCloud(cfg.cloud);
    checkLoginHost(cfg.loginHost, cloud);
    const tenant = parseTenant(cfg.tenantId, authType, cloud);
    // `componentApp` stands in for the environment's app (harnesses that set no env vars).
    const app = ownApp(cfg, authType)
        ?? (componentApp ? { ...componentApp, clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' } : appRegistrationFromEnv(env));
    return { authType, cloud, tenant, app };
}
