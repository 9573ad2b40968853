/**
 * The HTTP front: one request pipeline for the three surfaces.
 *   /v1.0/...                      Graph: auth -> mailbox -> concurrency gate -> body -> faults -> handler
 *   /{tenant}/oauth2/v2.0/...      identity platform: body -> faults -> handler
 *   /_emulator/...                 control API (never faulted, never counted)
 * Every response carries request-id, client-request-id and a Date from the emulator clock.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { authorize } from './access';
import type { Caller } from './access';
import type { EmulatorControl } from './control';
import { CONTROL_ROUTES, controlError } from './control-routes';
import { badRequest, GraphError, retryAfter, statusError, throttled } from './errors';
import type { Fault } from './faults';
import type { GraphRequest, GraphRoute } from './graph-request';
import { graphJson, plainJson, readBody } from './http';
import type { HttpResult } from './http';
import { isObject } from './json';
import type { Mailbox } from './mailbox';
import { parsePreferences } from './prefer';
import { matchRoute, splitPath } from './router';
import { CALENDAR_ROUTES } from './routes-calendar';
import { DELTA_ROUTES } from './routes-delta';
import { CALENDAR_VIEW_ROUTES } from './routes-calendar-view';
import { CONTACT_ROUTES } from './routes-contacts';
import { aadErrorBody, cloudOfPath, handleIdentity, IDENTITY_PATH } from './routes-identity';
import { EVENT_ATTACHMENT_ROUTES } from './routes-event-attachments';
import { MAIL_ROUTES } from './routes-mail';
import { MESSAGE_ATTACHMENT_ROUTES } from './routes-message-attachments';
import { MAIL_OPS_ROUTES } from './routes-mail-ops';
import { DRAFT_ROUTES } from './drafts';
import { parseExpand } from './extended-properties';
import { deliverDue } from './transport';
import { handleUpload, OUTLOOK_API_PATH, uploadMailbox } from './upload-sessions';
import { SCHEDULE_ROUTES } from './routes-schedule';
import { MEETING_ROUTES } from './routes-meetings';
import { USER_ROUTES } from './routes-user';
import { innerErrorDate } from './timefmt';
import { UTC_ZONE } from './timezones';
import { AadError } from './token';
import type { AccessGrant } from './token';
import type { World } from './world';

/** Graph's request size limit (about 4 MB), which caps inline attachments. */
const GRAPH_BODY_LIMIT = 4 * 1024 * 1024;
const IDENTITY_BODY_LIMIT = 1024 * 1024;
/** Control bodies can be large (bulk specs); they are ours, not Graph's. */
const CONTROL_BODY_LIMIT = 64 * 1024 * 1024;
// Delta routes first: `/messages/{messageId}` would take `delta` for an id.
const GRAPH_ROUTES: readonly GraphRoute[] = [
  ...USER_ROUTES, ...DELTA_ROUTES, ...MAIL_ROUTES, ...MAIL_OPS_ROUTES, ...DRAFT_ROUTES, ...MESSAGE_ATTACHMENT_ROUTES,
  ...CALENDAR_ROUTES, ...CALENDAR_VIEW_ROUTES, ...MEETING_ROUTES, ...EVENT_ATTACHMENT_ROUTES, ...SCHEDULE_ROUTES, ...CONTACT_ROUTES,
];
const HAS_BODY = new Set(['POST', 'PUT', 'PATCH']);

interface Exchange {
  world: World;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  requestId: string;
  clientRequestId: string;
}

export function createEmulatorServer(world: World, control: EmulatorControl): Server {
  return createServer((req, res) => {
    void handle(world, control, req, res);
  });
}

async function handle(world: World, control: EmulatorControl, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const header = req.headers['client-request-id'];
  const ex: Exchange = {
    world,
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', 'http://emulator.invalid'),
    requestId: randomUUID(),
    clientRequestId: typeof header === 'string' && header ? header : randomUUID(),
  };
  res.setHeader('Date', new Date(world.now()).toUTCString());
  res.setHeader('request-id', ex.requestId);
  res.setHeader('client-request-id', ex.clientRequestId);
  try {
    const path = ex.url.pathname;
    // Mail submitted earlier reaches recipients and Sent Items before anything else is answered.
    deliverDue(world);
    if (/^\/_emulator(\/|$)/.test(path)) return await handleControl(ex, control);
    if (OUTLOOK_API_PATH.test(path)) return await handleUploadUrl(ex);
    const identity = IDENTITY_PATH.exec(path);
    if (identity) return await handleIdentityRequest(ex, identity[1], identity[2].toLowerCase() as 'authorize' | 'token');
    return await handleGraph(ex);
  } catch (err) {
    // A bug of ours, not a simulated failure: say so without echoing request data.
    console.error(`emulator: internal error on ${ex.method} ${ex.url.pathname}: ${err instanceof Error ? err.stack : String(err)}`);
    send(ex, graphError(ex, new GraphError(500, 'InternalServerError', 'The emulator failed to process the request.')));
  }
}

function send(ex: Exchange, result: HttpResult): void {
  const { res } = ex;
  if (res.headersSent || res.destroyed) return;
  if (result.stream) {
    void sendStream(ex, result.status, result.headers ?? {}, result.stream());
    return;
  }
  const payload = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
  res.writeHead(result.status, { ...result.headers, 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Writes a streamed body with back-pressure; a client that goes away ends it. */
async function sendStream(ex: Exchange, status: number, headers: Record<string, string>, chunks: AsyncIterable<Buffer>): Promise<void> {
  const { res } = ex;
  res.writeHead(status, headers);
  const closed = new Promise<void>((resolve) => { res.once('close', () => resolve()); });
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await Promise.race([new Promise<void>((resolve) => { res.once('drain', () => resolve()); }), closed]);
    }
    res.end();
  } catch {
    res.destroy();
  }
}

function graphError(ex: Exchange, err: GraphError): HttpResult {
  return graphJson(err.status, {
    error: {
      code: err.code,
      message: err.message,
      // Graph's pages show the request id as 'request-id' and as requestId; both are here, so a
      // client that reads only one of them works against the emulator as against Graph.
      innerError: {
        ...err.innerError,
        date: innerErrorDate(ex.world.now()),
        'request-id': ex.requestId,
        requestId: ex.requestId,
        'client-request-id': ex.clientRequestId,
      },
    },
  }, { ...err.headers });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` under an optional fault. applyThenFail runs it for real and throws the answer
 * away, modelling a request that took effect but whose response was lost.
 */
async function underFault(ex: Exchange, fault: Fault | undefined, run: () => HttpResult, failure: (f: Fault) => HttpResult): Promise<void> {
  if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
  if (!fault || fault.kind === 'delay') return send(ex, run());
  if (fault.applyThenFail) run();
  if (fault.kind === 'drop') {
    ex.req.socket.destroy();
    return;
  }
  if (fault.status === 429) ex.world.stats.noteThrottled();
  send(ex, failure(fault));
}

// ---- Graph ----

/** Graph's 401 wording for each way a bearer token fails (the audience one: many public reports). */
const UNAUTHORIZED = {
  missing: 'Access token is empty.',
  expired: 'Lifetime validation failed, the token is expired.',
  malformed: 'IDX14100: JWT is not well formed, there are no dots (.).',
  invalid: 'Access token validation failure.',
  audience: 'Access token validation failure. Invalid audience.',
} as const;

function unauthorized(world: World, problem: keyof typeof UNAUTHORIZED): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', UNAUTHORIZED[problem], {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="${world.baseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  });
}

interface Target {
  /** '/me' or '/users/{id}', for route statistics. */
  prefix: string;
  userId?: string;
  rest: string[];
}

function addressing(segments: string[]): Target | undefined {
  const head = segments[0]?.toLowerCase();
  if (head === 'me') return { prefix: '/me', rest: segments.slice(1) };
  if (head === 'users' && segments.length >= 2) return { prefix: '/users/{id}', userId: segments[1], rest: segments.slice(2) };
  return undefined;
}

async function handleGraph(ex: Exchange): Promise<void> {
  try {
    await graphPipeline(ex);
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    send(ex, graphError(ex, err));
  }
}

/**
 * Throws GraphError for anything answered before the handler runs: 401 (token, audience), 400, 404
 * (user, mailbox), 405, 403 (permissions, rights, app scope; access.ts), 413, 429.
 */
async function graphPipeline(ex: Exchange): Promise<void> {
  const { world, method } = ex;
  const versioned = /^\/v1\.0(\/.*)?$/i.exec(ex.url.pathname);
  const rawPath = versioned?.[1] ?? '';
  const segments = splitPath(rawPath);
  const target = versioned ? addressing(segments) : undefined;
  const match = target ? matchRoute(GRAPH_ROUTES, method, target.rest) : undefined;
  const routed = match && 'route' in match ? match : undefined;
  world.stats.count(target && routed ? `${method} ${target.prefix}${routed.route.pattern}` : `${method} (unmatched)`);

  if (!versioned) throw badRequest(`Invalid version or resource: '${ex.url.pathname}'.`);
  const check = world.tokens.check(ex.req.headers.authorization);
  if ('problem' in check) throw unauthorized(world, check.problem);
  const { grant } = check;
  // An app token without application permissions (no admin consent): Graph's answer to any request,
  // innerError as MicrosoftDocs/SupportArticles-docs error-call-me-endpoint-microsoft-graph.md shows it.
  if (grant.kind === 'app' && grant.roles.length === 0) {
    throw new GraphError(401, 'NoPermissionsInAccessToken', 'The token contains no permissions, or permissions can not be understood.', {}, {
      oAuthEventOperationId: randomUUID(), oAuthEventcV: `${randomBytes(16).toString('base64url').slice(0, 22)}.1`, errorUrl: 'https://aka.ms/autherrors#error-InvalidGrant',
    });
  }
  if (!target) throw badRequest(`Resource not found for the segment '${segments[0] ?? ''}'.`);
  const caller = callerOf(world, grant);
  const mailbox = resolveMailbox(world, target, grant, caller);
  if (!match) throw badRequest(`Resource not found for the segment '${target.rest[target.rest.length - 1] ?? segments[0]}'.`);
  if (!routed) throw new GraphError(405, 'ErrorInvalidRequest', `The OData request is not supported: ${method} is not allowed on this resource.`);
  const { permission } = routed.route;
  if (!mailbox.enabled && permission !== 'User') {
    throw new GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
  }
  authorize(caller, mailbox, permission);

  const gateKey = mailbox.address;
  if (!world.gate.enter(gateKey)) {
    world.stats.noteThrottled();
    throw throttled(1, 'Application is over its MailboxConcurrency limit.');
  }
  try {
    const { body, tooLarge } = HAS_BODY.has(method) ? await readBody(ex.req, GRAPH_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
    if (tooLarge) {
      throw new GraphError(413, 'ErrorRequestEntityTooLarge', 'The request entity is too large. The maximum request length supported is 4 MB.');
    }
    const prefs = parsePreferences(ex.req.headers.prefer);
    const request: GraphRequest = {
      world, rawPath, params: ex.url.searchParams, headers: ex.req.headers, body, mailbox, caller, prefs,
      render: {
        timeZone: prefs.timeZone ?? UTC_ZONE,
        bodyType: prefs.bodyType,
        immutableIds: prefs.immutableIds,
        userUrl: `${world.baseUrl}/v1.0/users('${mailbox.user.id}@${mailbox.tenant.id}')`,
        ...expandOf(ex, mailbox),
      },
    };
    // Handler errors become responses here, so applyThenFail can discard them like any answer.
    const run = (): HttpResult => {
      try {
        const result = routed.route.handler(request, routed.params);
        return prefs.applied.length
          ? { ...result, headers: { ...result.headers, 'Preference-Applied': prefs.applied.join(', ') } }
          : result;
      } catch (err) {
        if (err instanceof GraphError) return graphError(ex, err);
        throw err;
      }
    };
    await underFault(ex, world.faults.pick(method, rawPath), run, (f) => graphError(ex, statusError(f.status, f.retryAfterSeconds)));
  } finally {
    world.gate.leave(gateKey);
  }
}

/** `$expand` of extended properties (extended-properties.ts), with the @odata.context of each expansion. */
function expandOf(ex: Exchange, mailbox: Mailbox): { expand?: { ids: string[]; context: (id: string) => string } } {
  const ids = parseExpand(ex.url.searchParams.get('$expand'));
  if (!ids) return {};
  const item = `${ex.world.baseUrl}/v1.0/$metadata#users('${mailbox.user.id}')/messages`;
  return { expand: { ids, context: (id) => `${item}('${encodeURIComponent(id)}')/singleValueExtendedProperties` } };
}

/**
 * Outlook's upload URL of a message or an event (upload-sessions.ts): no bearer token, its own
 * authorisation; counted against the mailbox's concurrency like Graph requests, and faulted like them.
 */
async function handleUploadUrl(ex: Exchange): Promise<void> {
  const { world, method } = ex;
  world.stats.count(`${method} (upload session)`);
  const mailbox = uploadMailbox(world, ex.url);
  if (mailbox && !world.gate.enter(mailbox.address)) {
    world.stats.noteThrottled();
    return send(ex, graphError(ex, throttled(1, 'Application is over its MailboxConcurrency limit.')));
  }
  try {
    const { body, tooLarge } = HAS_BODY.has(method) ? await readBody(ex.req, GRAPH_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
    const header = (name: string): string | undefined => (typeof ex.req.headers[name] === 'string' ? ex.req.headers[name] as string : undefined);
    const run = (): HttpResult => handleUpload({ world, method, url: ex.url, authorization: header('authorization'), contentRange: header('content-range'), body, tooLarge });
    await underFault(ex, world.faults.pick(method, ex.url.pathname), run, (f) => graphError(ex, statusError(f.status, f.retryAfterSeconds)));
  } finally {
    if (mailbox) world.gate.leave(mailbox.address);
  }
}

/** The token's principal as access.ts sees it; roles and scopes are compared case-insensitively. */
function callerOf(world: World, grant: AccessGrant): Caller {
  const lower = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));
  if (grant.kind === 'delegated') return { kind: 'delegated', user: world.directory.mailbox(grant.userId) as Mailbox, scopes: lower(grant.scopes) };
  return {
    kind: 'app', clientId: grant.clientId, roles: lower(grant.roles),
    servicePrincipal: world.directory.tenant(grant.tenantId)?.servicePrincipals.get(grant.clientId),
  };
}

/**
 * The mailbox the path names. `/me` is the signed-in user (400 for app tokens, Graph's wording).
 * `/users/{id}` finds the mailbox by object id, UPN or SMTP address; one in another cloud is a
 * request to that cloud's Graph host, which refuses this token's audience (401); one in another
 * tenant of the same cloud does not exist for the token's tenant: 404 as for any unknown user.
 */
function resolveMailbox(world: World, target: Target, grant: AccessGrant, caller: Caller): Mailbox {
  if (target.userId === undefined) {
    if (caller.kind === 'app') throw badRequest('/me request is only valid with delegated authentication flow.');
    return caller.user;
  }
  const mailbox = world.directory.mailbox(target.userId);
  if (mailbox && mailbox.tenant.cloud.graph !== grant.audience) throw unauthorized(world, 'audience');
  if (mailbox && mailbox.tenant.id === grant.tenantId) return mailbox;
  if (target.rest.length === 0) {
    throw new GraphError(404, 'Request_ResourceNotFound',
      `Resource '${target.userId}' does not exist or one of its queried reference-property objects are not present.`);
  }
  throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${target.userId}' is invalid.`);
}

// ---- identity platform ----

function aadError(ex: Exchange, tenant: string, err: AadError, headers: Record<string, string> = {}): HttpResult {
  return plainJson(err.status, aadErrorBody(err, ex.world.now(), ex.requestId, ex.clientRequestId, cloudOfPath(ex.world, tenant)), headers);
}

async function handleIdentityRequest(ex: Exchange, tenant: string, endpoint: 'authorize' | 'token'): Promise<void> {
  const { world, method } = ex;
  world.stats.count(`${method} /{tenant}/oauth2/v2.0/${endpoint}`);
  const { body, tooLarge } = HAS_BODY.has(method) ? await readBody(ex.req, IDENTITY_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
  const run = (): HttpResult => {
    try {
      if (tooLarge) throw new AadError(400, 'invalid_request', 90014, 'The request body is too large.');
      return handleIdentity({ world, tenant, endpoint, method, params: ex.url.searchParams, headers: ex.req.headers, body });
    } catch (err) {
      if (err instanceof AadError) return aadError(ex, tenant, err);
      throw err;
    }
  };
  await underFault(ex, world.faults.pick(method, ex.url.pathname), run, (f) => aadError(
    ex,
    tenant,
    f.status === 429 || f.status === 503
      ? new AadError(f.status, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.')
      : new AadError(f.status, 'server_error', 90033, 'A transient error has occurred. Please try again.'),
    retryAfter(f.retryAfterSeconds),
  ));
}

// ---- control ----

async function handleControl(ex: Exchange, control: EmulatorControl): Promise<void> {
  const { body, tooLarge } = await readBody(ex.req, CONTROL_BODY_LIMIT);
  if (tooLarge) return send(ex, plainJson(413, { error: { code: 'ControlError', message: 'control request body too large' } }));
  let parsed: unknown = {};
  if (body.length) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(ex, plainJson(400, { error: { code: 'ControlError', message: 'body is not valid JSON' } }));
    }
  }
  const match = matchRoute(CONTROL_ROUTES, ex.method, splitPath(ex.url.pathname).slice(1));
  if (!match) return send(ex, plainJson(404, { error: { code: 'ControlError', message: 'no such control route; GET /_emulator lists them' } }));
  if (!('route' in match)) return send(ex, plainJson(405, { error: { code: 'ControlError', message: `${ex.method} not allowed here` } }));
  try {
    send(ex, match.route.handler({
      world: ex.world, control, json: isObject(parsed) ? parsed : {}, parsed, params: ex.url.searchParams,
    }, match.params));
  } catch (err) {
    const result = controlError(err);
    if (!result) throw err;
    send(ex, result);
  }
}
