"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_APP_ROLES = exports.DEFAULT_SCOPE = exports.CONSENTED_SCOPES = void 0;
exports.delegatedScopes = delegatedScopes;
exports.checkAppScope = checkAppScope;
const clouds_1 = require("./clouds");
const token_1 = require("./token");
/**
 * What each seeded user has consented to for the seeded app: every scope the component's
 * credential requests (component.json `credentials.oauth2.scopes`, checked by
 * spec/emulator/tenants-auth.spec.js), plus the OpenID scopes. Like Azure AD, every token of such
 * a user carries all of them, whatever a sign-in asks for; control tokens default to asking for them.
 */
exports.CONSENTED_SCOPES = [
    'openid', 'profile', 'offline_access', 'User.Read', 'Mail.Read', 'Mail.ReadWrite', 'Mail.Send',
    'Mail.ReadWrite.Shared', 'Mail.Send.Shared', 'Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadWrite.Shared',
    'Contacts.Read', 'Contacts.ReadWrite', 'Contacts.ReadWrite.Shared', 'MailboxSettings.Read',
];
exports.DEFAULT_SCOPE = exports.CONSENTED_SCOPES.join(' ');
/**
 * Application permissions the seeded app holds by admin consent in each seeded tenant: those the
 * component's README asks administrators to grant (issue 10). Note that User.Read.All is not
 * among them, so app-only GET /users/{id} (the user object) is refused, as Graph refuses it.
 */
exports.DEFAULT_APP_ROLES = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read'];
/** Graph's application id, which names Graph in every cloud. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const invalidScope = (scope) => new token_1.AadError(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`);
const resourceNotFound = (resource, tenantName) => new token_1.AadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
/** The resource part of `{resource}/{permission}`, checked against the tenant's cloud; throws if it is not that cloud's Graph. */
function checkResource(resource, item, cloud, tenantName) {
    if (resource.toLowerCase() === GRAPH_APP_ID)
        return;
    if (!/^https?:\/\//i.test(resource))
        throw resourceNotFound(resource, tenantName);
    const named = (0, clouds_1.cloudOfGraphHost)(resource);
    if (!named)
        throw invalidScope(item);
    if (named !== cloud)
        throw resourceNotFound(resource.replace(/\/+$/, ''), tenantName);
}
function splitResource(item) {
    const slash = item.lastIndexOf('/');
    return slash > 0 ? { resource: item.slice(0, slash), permission: item.slice(slash + 1) } : undefined;
}
/** Graph permission names of a delegated scope string (host prefixes removed, `.default` expanded). */
function delegatedScopes(scope, cloud, tenantName) {
    const names = [];
    for (const item of scope.split(/\s+/).filter(Boolean)) {
        const parts = splitResource(item);
        if (!parts) {
            names.push(item);
            continue;
        }
        checkResource(parts.resource, item, cloud, tenantName);
        if (parts.permission.toLowerCase() === '.default')
            names.push(...exports.CONSENTED_SCOPES);
        else
            names.push(parts.permission);
    }
    return names;
}
/** Throws unless the client-credentials scope is the `.default` of the tenant's cloud's Graph. */
function checkAppScope(scope, cloud, tenantName) {
    if (!scope || !scope.trim())
        throw (0, token_1.missingParameter)('scope');
    for (const item of scope.split(/\s+/).filter(Boolean)) {
        const parts = splitResource(item);
        if (!parts || parts.permission.toLowerCase() !== '.default') {
            throw new token_1.AadError(400, 'invalid_scope', 1002012, `The provided value for scope ${item} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
        }
        checkResource(parts.resource, item, cloud, tenantName);
    }
}
