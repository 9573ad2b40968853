/**
 * Who may get which token, shared by the token endpoints and the control API: a user signing in
 * (delegated) and an app acting as itself (client credentials), each in its tenant's cloud.
 *
 * AADSTS codes (MicrosoftDocs/entra-docs identity-platform/reference-error-codes.md, messages as
 * Azure AD sends them):
 * - 700016 unauthorized_client: the app is not registered in this cloud, or (client credentials)
 *   has no service principal in the tenant (never consented there).
 * - 7000218 / 7000215 invalid_client (401): no secret / wrong secret.
 * - 50057: the account is disabled, as shared mailboxes' accounts are.
 * - 9001023: client credentials over /common or /consumers; 50059: over /organizations, where
 *   nothing names the tenant (MissingTenantRealmAndNoUserInformationProvided).
 * Client credentials without admin consent still get a token, without `roles` (entra-docs
 * v2-oauth2-client-creds-grant-flow.md: "app-only tokens can be issued without a roles claim");
 * Graph then refuses it (server.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppRegistration, Directory, ServicePrincipal, Tenant, TenantAlias } from './directory';
import type { Mailbox } from './mailbox';
import { checkAppScope, delegatedScopes } from './scopes';
import { AadError } from './token';
import type { AppIdentity, DelegatedIdentity } from './token';

export const appNotFound = (clientId: string, tenant: Tenant): AadError => new AadError(400, 'unauthorized_client', 700016,
  `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);

/**
 * The app as registered in the tenant's cloud, and (`inTenant`) present in the tenant; throws
 * 700016, then for a given `secret` 7000218/7000215.
 */
export function checkApp(
  directory: Directory, tenant: Tenant, clientId: string | undefined, secret?: { value: string | undefined }, inTenant = false,
): AppRegistration {
  if (!clientId) throw new AadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const app = directory.app(tenant.cloud.name, clientId);
  if (!app || (inTenant && !tenant.servicePrincipals.has(clientId))) throw appNotFound(clientId, tenant);
  if (secret && !secret.value) {
    throw new AadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  if (secret && secret.value !== app.clientSecret) {
    throw new AadError(401, 'invalid_client', 7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  return app;
}

/** The app's service principal in the tenant, created on first consent (user or admin) without roles. */
export function servicePrincipal(tenant: Tenant, clientId: string): ServicePrincipal {
  let sp = tenant.servicePrincipals.get(clientId);
  if (!sp) {
    sp = { clientId, id: randomUUID(), roles: [], userConsents: new Map(), mailboxScope: null };
    tenant.servicePrincipals.set(clientId, sp);
  }
  return sp;
}

/** Names of both lists, each once whatever its case, in order of first appearance. */
export function mergeScopes(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  return lists.flat().filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

/**
 * The permissions a sign-in asking for `scope` gets: the user consents to what was asked (no
 * consent page here) and the token carries everything the user has consented to for the app.
 */
function consent(tenant: Tenant, userId: string, clientId: string, scope: string): string[] {
  const sp = servicePrincipal(tenant, clientId);
  const granted = mergeScopes(sp.userConsents.get(userId) ?? [], delegatedScopes(scope, tenant.cloud, tenant.displayName));
  sp.userConsents.set(userId, granted);
  return granted;
}

/** A user signing in to the app: refused for disabled accounts (shared mailboxes) and apps unknown in the cloud. */
export function signIn(directory: Directory, user: Mailbox, clientId: string, scope: string): DelegatedIdentity {
  const { tenant } = user;
  if (!user.user.accountEnabled) throw new AadError(400, 'invalid_grant', 50057, 'The user account is disabled.');
  checkApp(directory, tenant, clientId);
  return {
    kind: 'delegated', tenantId: tenant.id, clientId, audience: tenant.cloud.graph, issuer: tenant.cloud.issuer(tenant.id),
    userId: user.user.id, upn: user.user.userPrincipalName, scope, scopes: consent(tenant, user.user.id, clientId, scope),
  };
}

/** OpenID scopes: about the sign-in, not permissions anyone consents to for Graph. */
const OPENID_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/**
 * The user of a refresh token, with what the user has consented to now (consent taken back is
 * gone from the new token). A refresh cannot consent: asking for a permission the user has not
 * consented to is AADSTS65001 (invalid_grant, "Send an interactive authorization request...",
 * as reported verbatim in microsoftgraph/microsoft-graph-docs#12893).
 */
export function refreshed(directory: Directory, identity: DelegatedIdentity, scope: string): DelegatedIdentity {
  const tenant = directory.tenant(identity.tenantId) as Tenant;
  const asked = delegatedScopes(scope, tenant.cloud, tenant.displayName);
  const consented = servicePrincipal(tenant, identity.clientId).userConsents.get(identity.userId) ?? [];
  const held = new Set(consented.map((n) => n.toLowerCase()));
  if (asked.some((n) => !held.has(n.toLowerCase()) && !OPENID_SCOPES.includes(n.toLowerCase()))) {
    throw new AadError(400, 'invalid_grant', 65001,
      `The user or administrator has not consented to use the application with ID '${identity.clientId}' named '${identity.clientId}'. Send an interactive authorization request for this user and resource.`);
  }
  return { ...identity, scope, scopes: mergeScopes(consented, asked) };
}

/** Client credentials need a tenant: the aliases cannot name one. */
export function aliasRefusedForApps(alias: TenantAlias): AadError {
  return alias === 'organizations'
    ? new AadError(400, 'invalid_request', 50059, 'No tenant-identifying information found in either the request or implied by any provided credentials.')
    : new AadError(400, 'invalid_request', 9001023, 'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.');
}

/**
 * The client-credentials grant in `tenant`: the app must have a service principal there (else
 * 700016), the scope must be the `.default` of the tenant's Graph; the token carries the roles an
 * admin consented to, maybe none.
 */
export function appSignIn(directory: Directory, tenant: Tenant, clientId: string | undefined, scope: string | undefined, secret?: { value: string | undefined }): AppIdentity {
  checkApp(directory, tenant, clientId, secret, true);
  const sp = tenant.servicePrincipals.get(clientId as string) as ServicePrincipal;
  checkAppScope(scope, tenant.cloud, tenant.displayName);
  return {
    kind: 'app', tenantId: tenant.id, clientId: sp.clientId, audience: tenant.cloud.graph, issuer: tenant.cloud.issuer(tenant.id),
    servicePrincipalId: sp.id, roles: [...sp.roles],
  };
}
