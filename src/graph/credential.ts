/**
 * The credential's fields as the platform merges them into every step's cfg, checked before any
 * request: who signs in (`authType`), in which Microsoft cloud (`cloud`, and the sign-in host the
 * OAuth URLs were built from), at which tenant, with which app. Every refusal names the field and
 * what it accepts, and never echoes a secret.
 */
import { CredentialError } from '../errors';
import { quote } from '../validation/echo';
import { isAbsent } from '../validation/fields';
import { CLOUD_NAMES, CLOUDS, LOGIN_HOSTS, loginHostOf } from './clouds';
import type { Cloud } from './clouds';
import type { OAuthToken } from './tokens';

export const AUTH_TYPES = ['delegated', 'application'] as const;
export type AuthType = typeof AUTH_TYPES[number];

/** Credential fields as they arrive in cfg (any type: the platform's API takes anything). */
export interface CredentialConfig {
  authType?: unknown;
  cloud?: unknown;
  loginHost?: unknown;
  tenantId?: unknown;
  clientId?: unknown;
  clientSecret?: unknown;
  /** Application only: a mailbox verifyCredentials reads to prove access it cannot see in the token. */
  testMailbox?: unknown;
  oauth?: OAuthToken | unknown;
}

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  /** Where the app came from, named in messages: the credential's fields or the component's env. */
  clientIdFrom: 'clientId' | 'MSAPP_CLIENT_ID';
  secretFrom: 'clientSecret' | 'MSAPP_CLIENT_SECRET';
}

export interface Credential {
  authType: AuthType;
  cloud: Cloud;
  tenant: string;
  /** The app that signs in: for delegated always the component's (the OAuth URLs use MSAPP_CLIENT_ID). */
  app: AppRegistration;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^(common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/i;
const TENANT_ALIASES = ['common', 'organizations', 'consumers'];
/** Entra client secrets are 40 visible ASCII characters today; anything with a space or a control character was pasted wrong. */
const SECRET_SHAPE = /^[\x21-\x7e]{1,1024}$/;

function word(value: unknown, field: string, allowed: readonly string[], fallback: string, what: string): string {
  if (isAbsent(value)) return fallback;
  const given = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (given === '') return fallback;
  if (given !== undefined && allowed.includes(given)) return given;
  const shown = typeof value === 'string' ? quote(value) : `a ${Array.isArray(value) ? 'list' : typeof value}`;
  throw new CredentialError(`${field}: choose ${what}, got ${shown}`);
}

export function parseAuthType(value: unknown): AuthType {
  return word(value, 'authType', AUTH_TYPES, 'delegated', 'delegated (sign in as a user) or application (the app\'s own identity, no user)') as AuthType;
}

export function parseCloud(value: unknown): Cloud {
  const name = word(value, 'cloud', CLOUD_NAMES, 'global', `${CLOUD_NAMES.slice(0, -1).join(', ')} or ${CLOUD_NAMES[CLOUD_NAMES.length - 1]}`);
  return CLOUDS[name as Cloud['name']];
}

/**
 * The sign-in host the platform put into the OAuth URLs: it must be the cloud's, or the user signed
 * in (or will) at another cloud than the one the component calls. Absent on credentials made before
 * the field existed: those signed in at the global host, the only one the URLs had.
 */
export function checkLoginHost(value: unknown, cloud: Cloud): void {
  const expected = loginHostOf(cloud);
  if (isAbsent(value)) {
    if (cloud.name === 'global') return;
    throw new CredentialError(`loginHost: the ${cloud.name} cloud signs in at ${expected}: pick that Sign-in host (the Sign in with Microsoft button uses it)`);
  }
  const given = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (given === undefined || !LOGIN_HOSTS.includes(given)) {
    const shown = typeof value === 'string' ? quote(value) : `a ${typeof value}`;
    throw new CredentialError(`loginHost: choose one of ${LOGIN_HOSTS.join(', ')} (the host name alone), got ${shown}`);
  }
  if (given !== expected) {
    throw new CredentialError(`loginHost: the ${cloud.name} cloud signs in at ${expected}, but Sign-in host is ${given}: pick ${expected}, or set Cloud to the cloud your tenant is in, then sign in again`);
  }
}

/** The tenant goes into the token URL path, so only the documented shapes are let through. */
export function normaliseTenant(value: unknown): string {
  if (isAbsent(value)) return 'common';
  // 253: the longest DNS name, so the longest verified domain.
  if (typeof value !== 'string' || value.trim().length > 253 || !TENANT.test(value.trim())) {
    throw new CredentialError(
      'tenantId: use common, organizations, consumers, your directory (tenant) id such as '
      + '72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com',
    );
  }
  return value.trim();
}

function parseTenant(value: unknown, authType: AuthType, cloud: Cloud): string {
  const tenant = normaliseTenant(value);
  const alias = tenant.toLowerCase();
  if (authType === 'application' && TENANT_ALIASES.includes(alias)) {
    throw new CredentialError(`tenantId: an application credential needs your directory (tenant) id or a verified domain such as contoso.onmicrosoft.com; ${alias} names no tenant, so Microsoft cannot issue the app a token there`);
  }
  if (alias === 'consumers' && !cloud.personalAccounts) {
    throw new CredentialError(`tenantId: consumers (Outlook.com personal accounts) exists only in the global cloud; the ${cloud.name} cloud has work and school accounts: use organizations, common or your tenant id`);
  }
  return tenant;
}

export function appRegistrationFromEnv(env: NodeJS.ProcessEnv = process.env): AppRegistration {
  const clientId = env.MSAPP_CLIENT_ID;
  const clientSecret = env.MSAPP_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    const missing = [!clientId && 'MSAPP_CLIENT_ID', !clientSecret && 'MSAPP_CLIENT_SECRET'].filter(Boolean).join(' and ');
    throw new CredentialError(`${missing} not set: set the Azure app's client id and secret as environment variables of this component`);
  }
  return { clientId, clientSecret, clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' };
}

/** The credential's own app (a customer's registration in its tenant), or undefined when neither field is set. */
function ownApp(cfg: CredentialConfig, authType: AuthType): AppRegistration | undefined {
  const hasId = !isAbsent(cfg.clientId);
  const hasSecret = !isAbsent(cfg.clientSecret);
  if (!hasId && !hasSecret) return undefined;
  if (authType === 'delegated') {
    throw new CredentialError(`${hasId ? 'clientId' : 'clientSecret'}: applies only to Auth type application; a delegated credential signs in with the component's app (MSAPP_CLIENT_ID). Clear Client ID and Client secret, or set Auth type to application`);
  }
  if (typeof cfg.clientId !== 'string' || !GUID.test(cfg.clientId.trim())) {
    throw new CredentialError(hasId
      ? 'clientId: use the Application (client) ID from the app registration\'s Overview, a GUID such as 00000000-0000-0000-0000-000000000000'
      : 'clientId: is required with clientSecret: set the Application (client) ID of the app the secret belongs to');
  }
  if (!hasSecret) throw new CredentialError('clientSecret: is required with clientId: paste the Value of a client secret of that app (Certificates & secrets)');
  // Never echoed: whatever was typed here is meant to be secret.
  if (typeof cfg.clientSecret !== 'string' || !SECRET_SHAPE.test(cfg.clientSecret.trim())) {
    throw new CredentialError('clientSecret: paste the secret\'s Value from Certificates & secrets (visible characters only, no spaces or line breaks, at most 1024)');
  }
  return { clientId: cfg.clientId.trim(), clientSecret: cfg.clientSecret.trim(), clientIdFrom: 'clientId', secretFrom: 'clientSecret' };
}

/**
 * Every credential field checked, in the order the form shows them. The OAuth token itself is
 * checked by the delegated token source (it says "sign in" when there is none); an application
 * credential ignores a token left over from a delegated past.
 */
export function parseCredential(cfg: CredentialConfig, env: NodeJS.ProcessEnv = process.env, componentApp?: Pick<AppRegistration, 'clientId' | 'clientSecret'>): Credential {
  const authType = parseAuthType(cfg.authType);
  const cloud = parseCloud(cfg.cloud);
  checkLoginHost(cfg.loginHost, cloud);
  const tenant = parseTenant(cfg.tenantId, authType, cloud);
  // `componentApp` stands in for the environment's app (harnesses that set no env vars).
  const app = ownApp(cfg, authType)
    ?? (componentApp ? { ...componentApp, clientIdFrom: 'MSAPP_CLIENT_ID' as const, secretFrom: 'MSAPP_CLIENT_SECRET' as const } : appRegistrationFromEnv(env));
  return { authType, cloud, tenant, app };
}
