/**
 * Access tokens for one credential, two ways:
 * - delegated (TokenSource): the user's OAuth token, refreshed here (the classic elastic.io OAuth
 *   flow leaves refreshing to the component), persisted through `updateKeys`, and remembered for
 *   later messages of the same container, whose `cfg` still holds the token the container started with;
 * - application (AppTokenSource): the client-credentials grant, cached in memory only.
 * Both share one set of rules for the token endpoint: 429/5xx/no answer are retried within bounds
 * (Retry-After measured against the answer's Date), and only a bad grant says "reconnect".
 */
import { createHash } from 'node:crypto';
import { CredentialError } from '../errors';
import { CLOUDS, defaultScope } from './clouds';
import type { Cloud } from './clouds';
import type { AppRegistration } from './credential';
import type { Endpoints } from './endpoints';
import type { Logger } from './logger';
import { parseHttpDate } from './httpDate';
import { readClaims } from './jwt';
import type { TokenClaims } from './jwt';
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

/** What every token source gives the Graph client. */
export interface AccessTokens {
  /** Stable id of the token store (credential or app), for bookkeeping: a hash, never a token. */
  readonly identity: string;
  /** A usable access token, fetched or refreshed first when none is known to be good. */
  accessToken(): Promise<string>;
  /** A token other than `rejected` (called after a 401): fetched unless someone already replaced it. */
  refresh(rejected: string): Promise<string>;
  /** The claims of the current access token, when it is a JWT; never logged. */
  claims(): TokenClaims | undefined;
  /** Drops a cached token that Graph has shown to lack permissions granted since (app-only). */
  forget(): void;
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

/** Who asked for a token, for messages: the grant, the tenant and cloud, where the app came from. */
export interface TokenContext {
  grant: 'refresh_token' | 'client_credentials';
  tenant: string;
  cloud: Cloud;
  clientIdFrom: AppRegistration['clientIdFrom'];
  secretFrom: AppRegistration['secretFrom'];
}

function contextOf(given: string | TokenContext): TokenContext {
  return typeof given === 'string'
    ? { grant: 'refresh_token', tenant: given, cloud: CLOUDS.global, clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' }
    : given;
}

/**
 * Azure AD's OAuth error answers. Only those saying the grant itself is bad (invalid_grant,
 * interaction_required, and the AADSTS codes below) ask the user to act on the credential:
 * "reconnect" for an outage would send people to fix what is not broken. An app (client
 * credentials) has no sign-in to renew: its messages name the app, the tenant and the consent.
 */
export function describeTokenError(payload: unknown, statusCode: number | undefined, given: string | TokenContext): TokenFailure {
  const ctx = contextOf(given);
  const { tenant, clientIdFrom, secretFrom } = ctx;
  const app = ctx.grant === 'client_credentials';
  const body = (payload && typeof payload === 'object' ? payload : {}) as { error?: string; error_description?: string; error_codes?: number[] };
  const code = body.error ?? `HTTP ${statusCode ?? '?'}`;
  const aadsts = body.error_codes?.[0] ?? Number(/AADSTS(\d+)/.exec(body.error_description ?? '')?.[1]);
  const tag = aadsts ? ` (${code}, AADSTS${aadsts})` : ` (${code})`;
  const reconnect = 'Reconnect the Outlook credential (open the credential and sign in again), then retry.';
  const cloud = ctx.cloud.name === 'global' ? '' : ` in the ${ctx.cloud.name} cloud`;
  const fail = (message: string): TokenFailure => ({ retryable: false, message });
  switch (aadsts) {
    case 7000215:
      return fail(`Microsoft rejected the client secret${tag}. Set ${secretFrom} to the secret's Value (not its ID) from the app registration's Certificates & secrets.`);
    case 7000218:
      return fail(`Microsoft received no client secret${tag}. Set ${secretFrom} to the secret's Value from the app registration's Certificates & secrets.`);
    case 7000222:
      return fail(`The app's client secret has expired${tag}. Create a new secret under Certificates & secrets in the app registration and update ${secretFrom}.`);
    case 700016:
      return fail(app
        ? `The app (${clientIdFrom}) is not in tenant "${tenant}"${cloud}${tag}: an administrator of that tenant must grant admin consent to it (app registration > API permissions > Grant admin consent, or Enterprise applications), which adds it to the tenant. Check ${clientIdFrom} and the tenant too.`
        : `No app with ${clientIdFrom} was found in tenant "${tenant}"${tag}. Check ${clientIdFrom}, and that the app is multi-tenant or registered in this tenant.`);
    case 90002:
    case 90023:
      return fail(app
        ? `Tenant "${tenant}" was not found${cloud}${tag}. Set the credential's tenant to your directory (tenant) id or a verified domain, and Cloud to the cloud the tenant is in.`
        : `Tenant "${tenant}" was not found${cloud}${tag}. Set the credential's tenant to common, organizations, consumers, your tenant id or a verified domain (and Cloud to the tenant's cloud).`);
    case 9001023:
    case 50059:
      return fail(`Microsoft needs a tenant for an application token${tag}. Set the credential's tenant to your directory (tenant) id or a verified domain.`);
    case 500011:
    case 70011:
    case 1002012:
      return fail(`Microsoft refused the scope ${defaultScope(ctx.cloud)}${tag}: the tenant is not in the ${ctx.cloud.name} cloud. Set Cloud (and Sign-in host) to the cloud your tenant is in.`);
    case 65001:
      return fail(`The user or an administrator has not consented to the scopes this component needs${tag}. Grant consent in Azure (API permissions) or reconnect the credential and accept the consent screen.`);
    default:
      break;
  }
  if (!app && (code === 'invalid_grant' || code === 'interaction_required')) {
    return fail(`The Outlook sign-in has expired or was revoked${tag}. ${reconnect}`);
  }
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return fail(`Microsoft rejected the app credentials${tag}. Check ${clientIdFrom} and ${secretFrom} against the app registration.`);
  }
  if (code === 'temporarily_unavailable' || isOutage(statusCode)) {
    const detail = [`HTTP ${statusCode ?? '?'}`, body.error, aadsts ? `AADSTS${aadsts}` : undefined].filter(Boolean).join(', ');
    return { retryable: true, message: `The Microsoft sign-in service is temporarily unavailable (${detail}).` };
  }
  return fail(app
    ? `Microsoft refused the app a token${tag}. Check ${clientIdFrom}, ${secretFrom} and the credential's tenant and cloud against the app registration; the code above names what Microsoft refused.`
    : `Microsoft refused to refresh the access token${tag}. Check ${clientIdFrom}, ${secretFrom} and the credential's tenant against the app registration; the code above names what Microsoft refused.`);
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

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');
const defaultSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

/**
 * Asks the token endpoint through `call`, trying again through an outage within TOKEN_RETRY's
 * bounds; every other refusal ends at once with a CredentialError that says what to fix.
 */
async function withTokenRetries<T>(call: () => Promise<T>, ctx: TokenContext, loginOrigin: string, logger: Logger, sleep: (ms: number) => Promise<void>): Promise<T> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      const failure = classifyTokenFailure(err, ctx, loginOrigin);
      if (!failure.retryable) throw new CredentialError(failure.message);
      const next = tokenRetryWait(failure.retryAfterMs, attempt, waitedMs);
      if ('stop' in next) throw new CredentialError(`${failure.message} The component ${next.stop}; retry later (the credential itself needs nothing).`);
      logger.warn(`Token request failed, retrying in ${next.delayMs} ms (attempt ${attempt + 1} of ${TOKEN_RETRY.maxAttempts}): ${failure.message}`);
      await sleep(next.delayMs);
      waitedMs += next.delayMs;
    }
  }
}

/** The token endpoint of a tenant: the cloud's login host (or its override) and the tenant's path. */
function tokenAuth(endpoints: Endpoints, tenant: string): { tokenHost: string; tokenPath: string } {
  return { tokenHost: endpoints.login, tokenPath: `/${tenant}/oauth2/v2.0/token` };
}

export interface TokenSourceOptions {
  token: OAuthToken;
  tenant: string;
  cloud?: Cloud;
  endpoints: Endpoints;
  app: AppRegistration;
  /** Persists a refreshed token (elastic.io: emit updateKeys). */
  persist?: (token: OAuthToken) => Promise<void>;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A delegated credential: the signed-in user's token, refreshed with its refresh token. */
export class TokenSource implements AccessTokens {
  readonly identity: string;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    // An empty token would go out as "Bearer "; one with a line break makes fetch throw a message that quotes it.
    if (!options.token || typeof options.token.access_token !== 'string' || !ACCESS_TOKEN_SHAPE.test(options.token.access_token)) {
      throw new CredentialError('oauth: the credential holds no OAuth token: connect the Outlook credential (Sign in with Microsoft) first, or set Auth type to application for an app-only credential');
    }
    // The login host is part of it: the same refresh token is never redeemed at another cloud.
    this.identity = sha256(`delegated|${options.endpoints.login}|${options.token.refresh_token ?? options.token.access_token}`);
    this.now = options.now ?? Date.now;
  }

  current(): OAuthToken {
    return latestTokens.get(this.identity) ?? this.options.token;
  }

  /** A usable access token, refreshed first when it is known to expire soon. */
  async accessToken(): Promise<string> {
    const token = this.current();
    return isExpiring(token, this.now()) ? this.refresh(token.access_token) : token.access_token;
  }

  /**
   * Refreshes unless someone already replaced the token that was rejected; called after a 401
   * and when the token is about to expire.
   */
  async refresh(rejectedAccessToken: string): Promise<string> {
    const current = this.current();
    if (current.access_token !== rejectedAccessToken) return current.access_token;
    let pending = refreshing.get(this.identity);
    if (!pending) {
      pending = this.refreshNow(current).finally(() => refreshing.delete(this.identity));
      refreshing.set(this.identity, pending);
    }
    return (await pending).access_token;
  }

  claims(): TokenClaims | undefined {
    return readClaims(this.current().access_token);
  }

  /** A delegated token's scopes were granted at sign-in; only a new sign-in changes them. */
  forget(): void {}

  private async refreshNow(token: OAuthToken): Promise<OAuthToken> {
    if (!token.refresh_token) {
      throw new CredentialError('The access token has expired and the credential has no refresh token. Reconnect the Outlook credential; the app must request the offline_access scope.');
    }
    const { app, endpoints, tenant, logger } = this.options;
    const ctx: TokenContext = { grant: 'refresh_token', tenant, cloud: this.options.cloud ?? CLOUDS.global, clientIdFrom: app.clientIdFrom, secretFrom: app.secretFrom };
    // Loaded on first refresh: simple-oauth2 (joi, wreck) is most of a step's cold start.
    const { AuthorizationCode } = await import('simple-oauth2');
    const oauth = new AuthorizationCode({
      client: { id: app.clientId, secret: app.clientSecret },
      auth: { ...tokenAuth(endpoints, tenant), authorizePath: `/${tenant}/oauth2/v2.0/authorize` },
      options: { authorizationMethod: 'body' },
      http: { timeout: TOKEN_TIMEOUT_MS },
    });
    const fresh = await withTokenRetries(
      async () => normaliseToken((await oauth.createToken(token).refresh()).token, token),
      ctx, endpoints.login, logger, this.options.sleep ?? defaultSleep,
    );
    latestTokens.set(this.identity, fresh);
    logger.info('Access token refreshed');
    // Outside the retry: the refresh token just presented is spent (it rotates), so failing to
    // store the new one must not make us redeem the old one again and report invalid_grant.
    await this.options.persist?.(fresh);
    return fresh;
  }
}

interface CachedAppToken {
  accessToken: string;
  /** When to stop using it: shortly before it expires, on this container's clock (a duration, so skew does not matter). */
  renewAt: number;
}

/** App tokens by tenant, cloud and app (and secret): in memory only, never persisted, never emitted. */
const appTokens = new Map<string, CachedAppToken>();
/** One token request at a time per key: a poll's parallel requests share it. */
const appTokenRequests = new Map<string, Promise<CachedAppToken>>();

export interface AppTokenSourceOptions {
  tenant: string;
  cloud: Cloud;
  endpoints: Endpoints;
  app: AppRegistration;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * An application credential: the client-credentials grant at the credential's tenant, for the
 * `.default` scope of its cloud's Graph (never the override's host: an emulator tells clouds apart
 * by it, as Azure AD does). No refresh token, nothing to persist: tokens are cached in memory until
 * shortly before they expire. The cache key holds a hash of the secret, so a credential with a
 * wrong or revoked secret never rides on a token another credential of the same app obtained, and a
 * rotated secret simply starts a new entry.
 */
export class AppTokenSource implements AccessTokens {
  readonly identity: string;
  private readonly now: () => number;
  private readonly ctx: TokenContext;

  constructor(private readonly options: AppTokenSourceOptions) {
    const { app, cloud, endpoints, tenant } = options;
    this.identity = sha256(`application|${cloud.name}|${endpoints.login}|${tenant.toLowerCase()}|${app.clientId.toLowerCase()}|${sha256(app.clientSecret)}`);
    this.now = options.now ?? Date.now;
    this.ctx = { grant: 'client_credentials', tenant, cloud, clientIdFrom: app.clientIdFrom, secretFrom: app.secretFrom };
  }

  async accessToken(): Promise<string> {
    const cached = appTokens.get(this.identity);
    if (cached && this.now() < cached.renewAt) return cached.accessToken;
    return (await this.fetch()).accessToken;
  }

  async refresh(rejected: string): Promise<string> {
    const cached = appTokens.get(this.identity);
    if (cached && cached.accessToken !== rejected && this.now() < cached.renewAt) return cached.accessToken;
    if (cached?.accessToken === rejected) appTokens.delete(this.identity);
    return (await this.fetch()).accessToken;
  }

  claims(): TokenClaims | undefined {
    return readClaims(appTokens.get(this.identity)?.accessToken);
  }

  forget(): void {
    appTokens.delete(this.identity);
  }

  private fetch(): Promise<CachedAppToken> {
    let pending = appTokenRequests.get(this.identity);
    if (!pending) {
      pending = this.fetchNow().finally(() => appTokenRequests.delete(this.identity));
      appTokenRequests.set(this.identity, pending);
    }
    return pending;
  }

  private async fetchNow(): Promise<CachedAppToken> {
    const { app, cloud, endpoints, tenant, logger } = this.options;
    const { ClientCredentials } = await import('simple-oauth2');
    const client = new ClientCredentials({
      client: { id: app.clientId, secret: app.clientSecret },
      auth: tokenAuth(endpoints, tenant),
      options: { authorizationMethod: 'body' },
      http: { timeout: TOKEN_TIMEOUT_MS },
    });
    const asked = this.now();
    const raw = await withTokenRetries(async () => (await client.getToken({ scope: defaultScope(cloud) })).token, this.ctx, endpoints.login, logger, this.options.sleep ?? defaultSleep);
    const accessToken = typeof raw.access_token === 'string' ? raw.access_token : '';
    if (!ACCESS_TOKEN_SHAPE.test(accessToken)) {
      throw new CredentialError(`The Microsoft sign-in service at ${endpoints.login} answered without a usable access token; check the network and OUTLOOK_LOGIN_BASE_URL, then retry.`);
    }
    // Measured from when it was asked for: the lifetime counts from Microsoft's answer, never later.
    const lifetimeMs = Math.max(0, Number(raw.expires_in) || 0) * 1000;
    const token = { accessToken, renewAt: asked + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2) };
    appTokens.set(this.identity, token);
    logger.info('App token obtained');
    return token;
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
function classifyTokenFailure(err: unknown, ctx: TokenContext, loginOrigin: string): TokenFailure {
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
  if (payload) return { ...describeTokenError(payload, status, ctx), retryAfterMs };
  if (isOutage(status)) return { ...describeTokenError(undefined, status, ctx), retryAfterMs };
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
  appTokens.clear();
  appTokenRequests.clear();
}
