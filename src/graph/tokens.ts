/**
 * OAuth tokens for one credential: refreshed here (the classic elastic.io OAuth flow leaves
 * refreshing to the component), persisted through `updateKeys`, and remembered for later
 * messages of the same container, whose `cfg` still holds the token the container started with.
 */
import { createHash } from 'node:crypto';
import { CredentialError } from '../errors';
import type { Endpoints } from './endpoints';
import type { Logger } from './logger';

export interface OAuthToken {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  /** ISO time; present on tokens this component refreshed. */
  expires_at?: string;
  token_type?: string;
  scope?: string;
  [key: string]: unknown;
}

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
}

/** Refresh this long before the access token expires, so a request never starts with a dying token. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;
const TOKEN_ATTEMPTS = 3;
/** What an OAuth access token may contain (RFC 6750 b64token and then some): visible ASCII, at least one character. */
const ACCESS_TOKEN_SHAPE = /^[\x21-\x7e]+$/;
const TOKEN_TIMEOUT_MS = 30_000;

export function appRegistrationFromEnv(env: NodeJS.ProcessEnv = process.env): AppRegistration {
  const clientId = env.MSAPP_CLIENT_ID;
  const clientSecret = env.MSAPP_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    const missing = [!clientId && 'MSAPP_CLIENT_ID', !clientSecret && 'MSAPP_CLIENT_SECRET'].filter(Boolean).join(' and ');
    throw new CredentialError(`${missing} not set: set the Azure app's client id and secret as environment variables of this component`);
  }
  return { clientId, clientSecret };
}

const TENANT = /^(common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/i;

/** The tenant goes into the token URL path, so only the documented shapes are let through. */
export function normaliseTenant(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'common';
  // 253: the longest DNS name, so the longest verified domain.
  if (typeof value !== 'string' || value.trim().length > 253 || !TENANT.test(value.trim())) {
    throw new CredentialError(
      'tenantId: use common, organizations, consumers, your directory (tenant) id such as '
      + '72f988bf-86f1-41af-91ab-2d7cd011db47, or a verified domain such as contoso.onmicrosoft.com',
    );
  }
  return value.trim();
}

export function isExpiring(token: OAuthToken, now: number): boolean {
  if (!token.expires_at) return false;
  const at = Date.parse(token.expires_at);
  return Number.isNaN(at) || at - now <= EXPIRY_MARGIN_MS;
}

/** Azure AD errors that only the user can fix: retrying them would loop forever. */
export function describeTokenError(payload: unknown, statusCode: number | undefined, tenant: string): { message: string; retryable: boolean } {
  const body = (payload && typeof payload === 'object' ? payload : {}) as { error?: string; error_description?: string; error_codes?: number[] };
  const code = body.error ?? `HTTP ${statusCode ?? '?'}`;
  const aadsts = body.error_codes?.[0] ?? Number(/AADSTS(\d+)/.exec(body.error_description ?? '')?.[1]);
  const tag = aadsts ? ` (${code}, AADSTS${aadsts})` : ` (${code})`;
  const reconnect = 'Reconnect the Outlook credential (open the credential and sign in again), then retry.';
  switch (aadsts) {
    case 7000215:
      return { retryable: false, message: `Microsoft rejected the client secret${tag}. Set MSAPP_CLIENT_SECRET to the secret's Value (not its ID) from the app registration's Certificates & secrets.` };
    case 7000222:
      return { retryable: false, message: `The app's client secret has expired${tag}. Create a new secret under Certificates & secrets in the app registration and update MSAPP_CLIENT_SECRET.` };
    case 700016:
      return { retryable: false, message: `No app with MSAPP_CLIENT_ID was found in tenant "${tenant}"${tag}. Check MSAPP_CLIENT_ID, and that the app is multi-tenant or registered in this tenant.` };
    case 90002:
    case 90023:
      return { retryable: false, message: `Tenant "${tenant}" was not found${tag}. Set the credential's tenant to common, organizations, consumers, your tenant id or a verified domain.` };
    case 65001:
      return { retryable: false, message: `The user or an administrator has not consented to the scopes this component needs${tag}. Grant consent in Azure (API permissions) or reconnect the credential and accept the consent screen.` };
    default:
      break;
  }
  if (code === 'invalid_grant' || code === 'interaction_required') {
    return { retryable: false, message: `The Outlook sign-in has expired or was revoked${tag}. ${reconnect}` };
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return { retryable: false, message: `Microsoft rejected the app credentials${tag}. Check MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET against the app registration.` };
  }
  if (code === 'temporarily_unavailable' || (statusCode !== undefined && statusCode >= 500)) {
    return { retryable: true, message: `The Microsoft sign-in service is temporarily unavailable${tag}. Retry later.` };
  }
  return { retryable: false, message: `Microsoft refused to refresh the access token${tag}. ${reconnect}` };
}

/** Latest token per credential, for later messages in this container (their cfg is stale). */
const latestTokens = new Map<string, OAuthToken>();
/** One refresh at a time per credential: concurrent 401s must not burn the rotating refresh token twice. */
const refreshing = new Map<string, Promise<OAuthToken>>();

function credentialKey(token: OAuthToken): string {
  return createHash('sha256').update(token.refresh_token ?? token.access_token).digest('base64url');
}

export interface TokenSourceOptions {
  token: OAuthToken;
  tenant: string;
  endpoints: Endpoints;
  app: AppRegistration;
  /** Persists a refreshed token (elastic.io: emit updateKeys). */
  persist?: (token: OAuthToken) => Promise<void>;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenSource {
  /** Stable id of the credential, for per-mailbox bookkeeping; a hash, never the token. */
  readonly identity: string;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    // An empty token would go out as "Bearer "; one with a line break makes fetch throw a message that quotes it.
    if (!options.token || typeof options.token.access_token !== 'string' || !ACCESS_TOKEN_SHAPE.test(options.token.access_token)) {
      throw new CredentialError('The credential holds no OAuth token: connect the Outlook credential (sign in with Microsoft) first');
    }
    this.identity = credentialKey(options.token);
    this.now = options.now ?? Date.now;
  }

  current(): OAuthToken {
    return latestTokens.get(this.identity) ?? this.options.token;
  }

  /** A usable access token, refreshed first when it is known to expire soon. */
  async accessToken(): Promise<string> {
    const token = this.current();
    return isExpiring(token, this.now()) ? (await this.refresh(token.access_token)).access_token : token.access_token;
  }

  /**
   * Refreshes unless someone already replaced the token that was rejected; called after a 401
   * and when the token is about to expire.
   */
  async refresh(rejectedAccessToken: string): Promise<OAuthToken> {
    const current = this.current();
    if (current.access_token !== rejectedAccessToken) return current;
    let pending = refreshing.get(this.identity);
    if (!pending) {
      pending = this.refreshNow(current).finally(() => refreshing.delete(this.identity));
      refreshing.set(this.identity, pending);
    }
    return pending;
  }

  private async refreshNow(token: OAuthToken): Promise<OAuthToken> {
    if (!token.refresh_token) {
      throw new CredentialError('The access token has expired and the credential has no refresh token. Reconnect the Outlook credential; the app must request the offline_access scope.');
    }
    const { app, endpoints, tenant, logger } = this.options;
    // Loaded on first refresh: simple-oauth2 (joi, wreck) is most of a step's cold start.
    const { AuthorizationCode } = await import('simple-oauth2');
    const oauth = new AuthorizationCode({
      client: { id: app.clientId, secret: app.clientSecret },
      auth: { tokenHost: endpoints.login, tokenPath: `/${tenant}/oauth2/v2.0/token`, authorizePath: `/${tenant}/oauth2/v2.0/authorize` },
      options: { authorizationMethod: 'body' },
      http: { timeout: TOKEN_TIMEOUT_MS },
    });
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); }));
    let fresh: OAuthToken | undefined;
    for (let attempt = 1; !fresh; attempt += 1) {
      try {
        fresh = normaliseToken((await oauth.createToken(token).refresh()).token, token);
      } catch (err) {
        const failure = classifyRefreshFailure(err, tenant, endpoints.login);
        if (!failure.retryable || attempt >= TOKEN_ATTEMPTS) throw new CredentialError(failure.message);
        logger.warn(`Token refresh failed, retrying (attempt ${attempt} of ${TOKEN_ATTEMPTS}): ${failure.message}`);
        await sleep(1000 * 2 ** (attempt - 1));
      }
    }
    latestTokens.set(this.identity, fresh);
    logger.info('Access token refreshed');
    // Outside the retry: the refresh token just presented is spent (it rotates), so failing to
    // store the new one must not make us redeem the old one again and report invalid_grant.
    await this.options.persist?.(fresh);
    return fresh;
  }
}

/** JSON-safe token that keeps the old refresh token when Microsoft sends none (simple-oauth2 would drop it). */
function normaliseToken(raw: Record<string, unknown>, previous: OAuthToken): OAuthToken {
  const expiresAt = raw.expires_at instanceof Date ? raw.expires_at.toISOString() : raw.expires_at;
  return {
    ...raw,
    access_token: String(raw.access_token),
    refresh_token: typeof raw.refresh_token === 'string' && raw.refresh_token ? raw.refresh_token : previous.refresh_token,
    expires_at: typeof expiresAt === 'string' ? expiresAt : undefined,
  };
}

function classifyRefreshFailure(err: unknown, tenant: string, loginOrigin: string): { message: string; retryable: boolean } {
  const boom = err as { isBoom?: boolean; output?: { statusCode?: number }; data?: { payload?: unknown }; code?: string };
  if (boom.isBoom && boom.data?.payload !== undefined) {
    const payload = Buffer.isBuffer(boom.data.payload) ? safeJson(boom.data.payload.toString('utf8')) : boom.data.payload;
    return describeTokenError(payload, boom.output?.statusCode, tenant);
  }
  if (boom.isBoom && boom.output?.statusCode && boom.output.statusCode < 500 && boom.output.statusCode !== 408) {
    return describeTokenError(undefined, boom.output.statusCode, tenant);
  }
  const reason = boom.code ?? (err instanceof Error ? err.message : 'unknown error');
  return { retryable: true, message: `Could not reach the Microsoft sign-in service at ${loginOrigin} (${reason}). Check the network and retry later.` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** For tests: forget what earlier messages refreshed. */
export function resetTokenMemory(): void {
  latestTokens.clear();
  refreshing.clear();
}
