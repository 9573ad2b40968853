/**
 * The one way steps talk to Graph: the SDK client with our middleware chain
 * (authorize -> retry -> per-mailbox concurrency -> transport with a deadline), JSON in and out,
 * errors turned into GraphRequestError, and paging over @odata.nextLink. A session is one
 * credential (delegated or application, in its cloud) on one mailbox (`root`).
 */
import { Readable } from 'node:stream';
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { AuthorizeMiddleware } from './authorize';
import type { Cloud } from './clouds';
import { parseCredential } from './credential';
import type { AppRegistration, AuthType, Credential, CredentialConfig } from './credential';
import { endpointsFor, relativeGraphPath, GRAPH_VERSION } from './endpoints';
import type { Endpoints } from './endpoints';
import { errorFromResponse, GraphRequestError } from './errors';
import type { GraphErrorBody } from './errors';
import { parseHttpDate } from './httpDate';
import { ConcurrencyMiddleware, learnMailboxAliases, mailboxQueueKey, semaphoreFor } from './limiter';
import type { StepContext } from './logger';
import { parseMailbox } from './mailbox';
import type { MailboxTarget } from './mailbox';
import { RequestPolicy } from './policy';
import { explainRefusal } from './refusals';
import { DEFAULT_RETRY_LIMITS, RetryMiddleware } from './retry';
import type { RetryLimits } from './retry';
import { AppTokenSource, TokenSource } from './tokens';
import type { AccessTokens, OAuthToken } from './tokens';
import { ChainError, responseText, StreamResponse, streamedBody, TransportError, TransportMiddleware } from './transport';
import type { StreamedBody } from './transport';

export type { CredentialConfig } from './credential';

/** What every step's cfg carries besides its own fields: the credential and the mailbox field. */
export interface StepConfig extends CredentialConfig {
  mailbox?: unknown;
}

export interface SessionOptions {
  endpoints?: Endpoints;
  /** Replaces the app's id and secret (tests). */
  app?: Pick<AppRegistration, 'clientId' | 'clientSecret'>;
  retry?: Partial<RetryLimits>;
  /** Deadline of one HTTP exchange. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RequestOptions {
  /** Extra Prefer preferences for this request (the session always asks for immutable ids). */
  prefer?: readonly string[];
  /** Whether repeating the request after a lost answer is harmless (default: by HTTP method). */
  idempotent?: boolean;
  /** The address a mail is sent from on behalf of, named when Exchange refuses it. */
  sendingFrom?: string;
  /** Further request headers (If-Match on a conditional update). */
  headers?: Readonly<Record<string, string>>;
}

export interface GraphResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface StreamOptions extends RequestOptions {
  /** Deadline of the whole exchange, body included (a file takes longer than a page of JSON). */
  timeoutMs: number;
}

export interface StreamResult {
  status: number;
  headers: Headers;
  /**
   * The body. Read it to the end or destroy it: until then it holds one of the mailbox's
   * concurrency slots. A reset or the deadline fails it with a GraphRequestError.
   */
  body: Readable;
}

export interface Page<T> {
  items: T[];
  /** Graph's clock (the Date header) when it answered, in epoch ms; undefined when a proxy dropped the header. */
  serverTime: number | undefined;
  nextLink: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Who a session acts as and on which mailbox. */
export interface SessionIdentity {
  authType: AuthType;
  cloud: Cloud;
  /** The app's id: Outlook counts its limits per app and mailbox. */
  clientId: string;
}

export class GraphSession {
  /**
   * Where this mailbox's resources hang off: `/me` (the signed-in user) or `/users/{mailbox}`.
   * Every path a step builds starts here; nothing else knows which mailbox it is.
   */
  readonly root: string;
  /** The mailbox as given in the step's `mailbox` field; undefined for the signed-in user's own. */
  readonly mailbox: string | undefined;
  readonly authType: AuthType;
  readonly cloud: Cloud;
  private readonly client: Client;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The mailbox's queue, asked per request: what is known about the mailbox can grow (a token's claims). */
  private readonly queueKey: () => string;

  constructor(readonly endpoints: Endpoints, private readonly tokens: AccessTokens, context: StepContext, options: SessionOptions, identity: SessionIdentity, target: MailboxTarget) {
    this.root = target.root;
    this.mailbox = target.address;
    this.authType = identity.authType;
    this.cloud = identity.cloud;
    const sleep = options.sleep ?? defaultSleep;
    this.sleep = sleep;
    const authorize = new AuthorizeMiddleware(tokens, endpoints.graph);
    const retry = new RetryMiddleware({ ...DEFAULT_RETRY_LIMITS, ...options.retry }, context.logger, sleep);
    this.queueKey = queueKeyFor(tokens, identity, target);
    const concurrency = new ConcurrencyMiddleware(this.queueKey);
    const transport = new TransportMiddleware(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    authorize.setNext(retry);
    retry.setNext(concurrency);
    concurrency.setNext(transport);
    this.client = Client.initWithMiddleware({ middleware: authorize, baseUrl: `${endpoints.graph}/`, defaultVersion: GRAPH_VERSION });
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<GraphResult<T>> {
    return this.send<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<GraphResult<T>> {
    return this.send<T>('POST', path, body, options);
  }

  /** PATCH: idempotent when it sets values (default: no, as for any PATCH). */
  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<GraphResult<T>> {
    return this.send<T>('PATCH', path, body, options);
  }

  delete(path: string, options: RequestOptions = {}): Promise<GraphResult<undefined>> {
    return this.send<undefined>('DELETE', path, undefined, options);
  }

  /** Waits between two requests of a step (confirming a write), with the sleep harnesses replace. */
  wait(ms: number): Promise<void> {
    return this.sleep(ms);
  }

  /**
   * Runs `work` holding one of the mailbox's concurrency slots, for requests to this mailbox that
   * do not go through Graph's client (the PUTs of an upload session, to Outlook's own URL).
   */
  async withSlot<T>(work: () => Promise<T>): Promise<T> {
    const slots = semaphoreFor(this.queueKey());
    await slots.acquire();
    try {
      return await work();
    } finally {
      slots.release();
    }
  }

  /**
   * A GET whose successful body is streamed, not read (attachment contents): authorised, retried
   * until the body starts, and counted against the mailbox's concurrency until the body ends.
   * Error answers are mapped as for JSON requests.
   */
  async getStream(path: string, options: StreamOptions): Promise<StreamResult> {
    const response = await this.exchange('GET', path, undefined, options, new StreamResponse(options.timeoutMs));
    const streamed = streamedBody(response);
    if (!response.ok || !streamed) throw this.failure('GET', path, response, options);
    return { status: response.status, headers: response.headers, body: mappedBody(streamed, path.split('?')[0]) };
  }

  /** One page of a collection; `pathOrLink` is a path or an @odata.nextLink Graph returned. */
  async page<T>(pathOrLink: string, options: RequestOptions = {}): Promise<Page<T>> {
    const path = /^https?:\/\//.test(pathOrLink) ? relativeGraphPath(pathOrLink, this.endpoints) : pathOrLink;
    const { body, headers } = await this.get<{ value?: T[]; '@odata.nextLink'?: string }>(path, options);
    return { items: body.value ?? [], serverTime: parseHttpDate(headers.get('date')), nextLink: body['@odata.nextLink'] };
  }

  /**
   * Every page of a collection, following @odata.nextLink with the same Prefer headers (Graph
   * applies them only to the request that carries them). Callers consume page by page, so
   * memory does not grow with the collection.
   */
  async* pages<T>(path: string, options: RequestOptions = {}): AsyncGenerator<Page<T>> {
    let next: string | undefined = path;
    while (next) {
      const page: Page<T> = await this.page<T>(next, options);
      yield page;
      next = page.nextLink;
    }
  }

  /** A whole, small collection (dropdown lists); streams should use `pages`. */
  async all<T>(path: string, options: RequestOptions = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(path, options)) items.push(...page.items);
    return items;
  }

  private async send<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, options: RequestOptions): Promise<GraphResult<T>> {
    const response = await this.exchange(method, path, body, options);
    if (!response.ok) throw this.failure(method, path, response, options);
    const text = responseText(response);
    return { status: response.status, body: (text ? parseJson(text) : undefined) as T, headers: response.headers };
  }

  private async exchange(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, options: RequestOptions, streaming?: StreamResponse): Promise<Response> {
    const request = this.client.api(path)
      .header('Prefer', ['IdType="ImmutableId"', ...(options.prefer ?? [])].join(', '))
      .responseType(ResponseType.RAW);
    for (const [name, value] of Object.entries(options.headers ?? {})) request.header(name, value);
    const middlewareOptions = [
      ...(options.idempotent !== undefined ? [new RequestPolicy(options.idempotent)] : []),
      ...(streaming ? [streaming] : []),
    ];
    if (middlewareOptions.length) request.middlewareOptions(middlewareOptions);
    try {
      return await (method === 'GET' ? request.get() : method === 'POST' ? request.post(body) : method === 'PATCH' ? request.patch(body) : request.delete()) as Response;
    } catch (err) {
      if (err instanceof TransportError) {
        throw new GraphRequestError(`Outlook ${method} ${path.split('?')[0]} failed: ${err.message.replace(/^\S+ \S+ failed: /, '')}. Check that Microsoft Graph is reachable and retry later.`, undefined, err.reason, undefined);
      }
      throw err instanceof ChainError ? err.original : err;
    }
  }

  private failure(method: string, path: string, response: Response, options: RequestOptions): GraphRequestError {
    const text = responseText(response);
    const parsed = text ? parseJson(text) : undefined;
    const shownPath = path.split('?')[0];
    const errorBody = parsed as GraphErrorBody | undefined;
    const refusal = explainRefusal(method, shownPath, response.status, errorBody?.error?.code, {
      authType: this.authType, cloud: this.cloud, mailbox: this.mailbox, from: options.sendingFrom,
      roles: this.authType === 'application' ? this.tokens.claims()?.roles ?? (this.tokens.claims() ? [] : undefined) : undefined,
    });
    // The next run asks for a new token, which carries permissions an admin granted since.
    if (refusal?.consentMissing) this.tokens.forget();
    return errorFromResponse(method, shownPath, response.status, errorBody, response.headers.get('request-id') ?? undefined, refusal?.hint);
  }
}

/** A streamed body whose failures (a reset, the deadline) read like every other Graph error. */
function mappedBody(streamed: StreamedBody, shownPath: string): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    let received = 0;
    try {
      for await (const chunk of streamed.stream as AsyncIterable<Buffer>) {
        received += chunk.length;
        yield chunk;
      }
    } catch (err) {
      const timedOut = streamed.signal.aborted;
      const reason = timedOut ? `the body did not arrive within ${streamed.timeoutMs} ms` : `the connection failed (${describeError(err)})`;
      throw new GraphRequestError(`Outlook GET ${shownPath} failed after ${received} bytes: ${reason}. Retry later.`, undefined, timedOut ? 'timeout' : 'network', undefined);
    }
  }
  const body = Readable.from(chunks(), { objectMode: false });
  // Destroyed before it was read, the generator never ran: the source must be closed here to free the slot.
  body.once('close', () => streamed.stream.destroy());
  return body;
}

function describeError(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ?? (err as { code?: string }).code ?? (err instanceof Error ? err.message : 'network error');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Options every session of this process starts from; see setSessionDefaults. */
let sessionDefaults: SessionOptions = {};

/**
 * For harnesses that run the steps themselves (chaos runs, benchmarks): steps create their
 * sessions with no options, so deadlines and waits are set here. Returns the undo.
 */
export function setSessionDefaults(defaults: SessionOptions): () => void {
  const previous = sessionDefaults;
  sessionDefaults = { ...defaults };
  return () => { sessionDefaults = previous; };
}

/**
 * The key of the mailbox's request queue. `/users/{x}` is keyed by x; `/me` by the signed-in user's
 * object id when the token says it (work and school tokens are JWTs with `oid` and `upn`, which are
 * then known to be the same mailbox), else by the credential itself (a personal account's opaque
 * token: no other session can name that mailbox anyway, except by address, which then queues apart).
 */
function queueKeyFor(tokens: AccessTokens, identity: SessionIdentity, target: MailboxTarget): () => string {
  const app = `${identity.cloud.graph}|${identity.clientId.toLowerCase()}`;
  if (target.address) return () => mailboxQueueKey(app, target.address!);
  const key = (): string => {
    const claims = tokens.claims();
    return claims?.oid ? learnMailboxAliases(app, claims.oid, [claims.upn, claims.unique_name]) : `${app}|credential:${tokens.identity}`;
  };
  // Learnt now, so sessions on /users/{upn} that start alongside this one already share its queue.
  key();
  return key;
}

export interface CredentialTokens {
  credential: Credential;
  endpoints: Endpoints;
  tokens: AccessTokens;
}

/**
 * The credential in `cfg`, checked, with its token source: a delegated credential's refreshed
 * tokens are persisted through `updateKeys`; an application credential's are only cached.
 */
export function credentialTokens(cfg: CredentialConfig, context: StepContext, given: SessionOptions = {}): CredentialTokens {
  const options = { ...sessionDefaults, ...given };
  const credential = parseCredential(cfg, process.env, options.app);
  const endpoints = options.endpoints ?? endpointsFor(credential.cloud);
  const { tenant, cloud, app } = credential;
  const tokens = credential.authType === 'application'
    ? new AppTokenSource({ tenant, cloud, endpoints, app, logger: context.logger, sleep: options.sleep })
    : new TokenSource({
      token: cfg.oauth as OAuthToken,
      tenant,
      cloud,
      endpoints,
      app,
      logger: context.logger,
      sleep: options.sleep,
      persist: async (token) => { await context.emit('updateKeys', { oauth: token }); },
    });
  return { credential, endpoints, tokens };
}

/** A session for the credential in `cfg`, on the mailbox its `mailbox` field names. */
export function createSession(cfg: StepConfig, context: StepContext, given: SessionOptions = {}): GraphSession {
  const options = { ...sessionDefaults, ...given };
  const { credential, endpoints, tokens } = credentialTokens(cfg, context, options);
  const target = parseMailbox(cfg.mailbox, credential.authType);
  return new GraphSession(endpoints, tokens, context, options, { authType: credential.authType, cloud: credential.cloud, clientId: credential.app.clientId }, target);
}
