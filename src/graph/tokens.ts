/**
 * OAuth tokens for one credential: refreshed here (the classic elastic.io OAuth flow leaves
 * refreshing to the component), persisted through `updateKeys`, and remembered for later
 * messages of the same container, whose `cfg` still holds the token the container started with.
 */
import { createHash } from 'node:crypto';
import { CredentialError } from '../errors';
import type { Endpoints } from './endpoints';
import type { Logger } from './logger';
import { parseHttpDate } from './httpDate';
import { parseRetryAfter } from './retry';

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
/**
 * How long a refresh keeps trying through a sign-in outage (429, 5xx, no answer): bounded, because a
 * poll or a credential check must end, and the next run tries again anyway. Waits follow the
 * endpoint's Retry-After, else 1, 2, 4 and 8 s.
 */
const TOKEN_RETRY = { maxAttempts: 5, maxTotalWaitMs: 30_000, baseDelayMs: 1_000 };
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

/** What a failed token request means for the user, and whether trying again can help. */
export interface TokenFailure {
  message: string;
  retryable: boolean;
  /** The endpoint's Retry-After, in ms, when it sent one that can be measured. */
  retryAfterMs?: number;
}

/** 408, 429 and 5xx: the sign-in service is busy or down, which says nothing about the credential. */
function isOutage(statusCode: number | undefined): boolean {
  return statusCode === 408 || statusCode === 429 || (statusCode !== undefined && statusCode >= 500);
}

/**
 * Azure AD's OAuth error answers. Only those saying the grant itself is bad (invalid_grant,
 * interaction_required, and the AADSTS codes below) ask the user to act on the credential:
 * "reconnect" for an outage would send people to fix what is not broken.
 */
export function describeTokenError(payload: unknown, statusCode: number | undefined, tenant: string): TokenFailure {
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
  if (code === 'temporarily_unavailable' || isOutage(statusCode)) {
    const detail = [`HTTP ${statusCode ?? '?'}`, body.error, aadsts ? `AADSTS${aadsts}` : undefined].filter(Boolean).join(', ');
    return { retryable: true, message: `The Microsoft sign-in service is temporarily unavailable (${detail}).` };
  }
  return { retryable: false, message: `Microsoft refused to refresh the access token${tag}. Check MSAPP_CLIENT_ID, MSAPP_CLIENT_SECRET and the credential's tenant against the app registration; the code above names what Microsoft refused.` };
}

/**
 * The wait before the next try, or why there is none: bounded in attempts and in the sum of waits;
 * a Retry-After beyond what is left ends the run now (waiting less would be refused again).
 */
export function tokenRetryWait(retryAfterMs: number | undefined, attempt: number, waitedMs: number, limits = TOKEN_RETRY): { delayMs: number } | { stop: string } {
  const tried = `tried ${attempt} time${attempt === 1 ? '' : 's'}${waitedMs ? ` over ${Math.round(waitedMs / 1000)} s` : ''}`;
  if (attempt >= limits.maxAttempts) return { stop: tried };
  const delayMs = retryAfterMs ?? limits.baseDelayMs * 2 ** (attempt - 1);
  if (waitedMs + delayMs > limits.maxTotalWaitMs) {
    return { stop: retryAfterMs === undefined ? tried : `it asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than a run waits` };
  }
  return { delayMs };
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
    let waitedMs = 0;
    for (let attempt = 1; !fresh; attempt += 1) {
      try {
        fresh = normaliseToken((await oauth.createToken(token).refresh()).token, token);
      } catch (err) {
        const failure = classifyRefreshFailure(err, tenant, endpoints.login);
        if (!failure.retryable) throw new CredentialError(failure.message);
        const next = tokenRetryWait(failure.retryAfterMs, attempt, waitedMs);
        if ('stop' in next) throw new CredentialError(`${failure.message} The component ${next.stop}; retry later (the credential itself needs nothing).`);
        logger.warn(`Token refresh failed, retrying in ${next.delayMs} ms (attempt ${attempt + 1} of ${TOKEN_RETRY.maxAttempts}): ${failure.message}`);
        await sleep(next.delayMs);
        waitedMs += next.delayMs;
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

/** The parts of a wreck (simple-oauth2's HTTP client) error this reads. */
interface WreckError {
  isBoom?: boolean;
  code?: string;
  message?: string;
  /** `res` is the answer, attached even when its body could not be read or parsed. */
  data?: { res?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> }; payload?: unknown } | null;
}

/**
 * simple-oauth2 reads token answers as strict JSON, so a 503 HTML page, a 502 with no body or a 429
 * in plain text arrives as an error of its own making (HTTP 406, "not JSON compatible"). The answer
 * wreck attached to it still has the real status and headers: decide on those. Kept on simple-oauth2
 * (a dependency the user named): nothing it hides is lost.
 */
function classifyRefreshFailure(err: unknown, tenant: string, loginOrigin: string): TokenFailure {
  const wreck = err as WreckError;
  const res = wreck.isBoom ? wreck.data?.res : undefined;
  if (!res?.statusCode) {
    const reason = wreck.code ?? (err instanceof Error ? err.message : 'unknown error');
    return { retryable: true, message: `Could not reach the Microsoft sign-in service at ${loginOrigin} (${reason}); check the network.` };
  }
  const status = res.statusCode;
  const headers = res.headers ?? {};
  const retryAfterMs = retryAfterOf(headers);
  const payload = oauthErrorOf(wreck.data?.payload);
  if (payload) return { ...describeTokenError(payload, status, tenant), retryAfterMs };
  if (isOutage(status)) return { ...describeTokenError(undefined, status, tenant), retryAfterMs };
  // Never quote the body: a cut-off token answer would put the token into the message.
  const type = /^[\w.+-]+\/[\w.+-]+/.exec(headerText(headers['content-type']) ?? '')?.[0] ?? 'no content type';
  if (status < 400) {
    return { retryable: true, retryAfterMs, message: `The Microsoft sign-in service at ${loginOrigin} answered HTTP ${status} without a readable token (${type}); check the network, a proxy may be answering instead.` };
  }
  return { retryable: false, message: `The Microsoft sign-in service at ${loginOrigin} answered HTTP ${status} without an OAuth error (${type}): a proxy or firewall may be answering instead of Microsoft. Check the network and OUTLOOK_LOGIN_BASE_URL, then retry.` };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Retry-After in ms. An HTTP date is measured against the Date of the same answer, the clock that
 * wrote it, never the container's; without a Date header only a number of seconds can be used.
 */
function retryAfterOf(headers: Record<string, string | string[] | undefined>): number | undefined {
  const value = headerText(headers['retry-after'])?.trim();
  if (!value) return undefined;
  return parseRetryAfter(value, parseHttpDate(headerText(headers.date)));
}

/** Azure AD's error body ({error, error_description, error_codes}), parsed or raw; undefined for anything else. */
function oauthErrorOf(payload: unknown): object | undefined {
  const body = Buffer.isBuffer(payload) ? safeJson(payload.toString('utf8')) : payload;
  return body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? body : undefined;
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
