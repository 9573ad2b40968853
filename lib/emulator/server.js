"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createEmulatorServer = createEmulatorServer;
/**
 * The HTTP front: one request pipeline for the three surfaces.
 *   /v1.0/...                      Graph: auth -> mailbox -> concurrency gate -> body -> faults -> handler
 *   /{tenant}/oauth2/v2.0/...      identity platform: body -> faults -> handler
 *   /_emulator/...                 control API (never faulted, never counted)
 * Every response carries request-id, client-request-id and a Date from the emulator clock.
 */
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
const access_1 = require("./access");
const control_routes_1 = require("./control-routes");
const errors_1 = require("./errors");
const http_1 = require("./http");
const json_1 = require("./json");
const prefer_1 = require("./prefer");
const router_1 = require("./router");
const routes_calendar_1 = require("./routes-calendar");
const routes_delta_1 = require("./routes-delta");
const routes_calendar_view_1 = require("./routes-calendar-view");
const routes_contacts_1 = require("./routes-contacts");
const routes_identity_1 = require("./routes-identity");
const routes_event_attachments_1 = require("./routes-event-attachments");
const routes_mail_1 = require("./routes-mail");
const routes_message_attachments_1 = require("./routes-message-attachments");
const routes_mail_ops_1 = require("./routes-mail-ops");
const drafts_1 = require("./drafts");
const extended_properties_1 = require("./extended-properties");
const transport_1 = require("./transport");
const upload_sessions_1 = require("./upload-sessions");
const routes_schedule_1 = require("./routes-schedule");
const routes_meetings_1 = require("./routes-meetings");
const routes_user_1 = require("./routes-user");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const token_1 = require("./token");
/** Graph's request size limit (about 4 MB), which caps inline attachments. */
const GRAPH_BODY_LIMIT = 4 * 1024 * 1024;
const IDENTITY_BODY_LIMIT = 1024 * 1024;
/** Control bodies can be large (bulk specs); they are ours, not Graph's. */
const CONTROL_BODY_LIMIT = 64 * 1024 * 1024;
// Delta routes first: `/messages/{messageId}` would take `delta` for an id.
const GRAPH_ROUTES = [
    ...routes_user_1.USER_ROUTES, ...routes_delta_1.DELTA_ROUTES, ...routes_mail_1.MAIL_ROUTES, ...routes_mail_ops_1.MAIL_OPS_ROUTES, ...drafts_1.DRAFT_ROUTES, ...routes_message_attachments_1.MESSAGE_ATTACHMENT_ROUTES,
    ...routes_calendar_1.CALENDAR_ROUTES, ...routes_calendar_view_1.CALENDAR_VIEW_ROUTES, ...routes_meetings_1.MEETING_ROUTES, ...routes_event_attachments_1.EVENT_ATTACHMENT_ROUTES, ...routes_schedule_1.SCHEDULE_ROUTES, ...routes_contacts_1.CONTACT_ROUTES,
];
const HAS_BODY = new Set(['POST', 'PUT', 'PATCH']);
function createEmulatorServer(world, control) {
    return (0, node_http_1.createServer)((req, res) => {
        void handle(world, control, req, res);
    });
}
async function handle(world, control, req, res) {
    const header = req.headers['client-request-id'];
    const ex = {
        world,
        req,
        res,
        method: (req.method ?? 'GET').toUpperCase(),
        url: new URL(req.url ?? '/', 'http://emulator.invalid'),
        requestId: (0, node_crypto_1.randomUUID)(),
        clientRequestId: typeof header === 'string' && header ? header : (0, node_crypto_1.randomUUID)(),
    };
    res.setHeader('Date', new Date(world.now()).toUTCString());
    res.setHeader('request-id', ex.requestId);
    res.setHeader('client-request-id', ex.clientRequestId);
    try {
        const path = ex.url.pathname;
        // Mail submitted earlier reaches recipients and Sent Items before anything else is answered.
        (0, transport_1.deliverDue)(world);
        if (/^\/_emulator(\/|$)/.test(path))
            return await handleControl(ex, control);
        if (upload_sessions_1.OUTLOOK_API_PATH.test(path))
            return await handleUploadUrl(ex);
        const identity = routes_identity_1.IDENTITY_PATH.exec(path);
        if (identity)
            return await handleIdentityRequest(ex, identity[1], identity[2].toLowerCase());
        return await handleGraph(ex);
    }
    catch (err) {
        // A bug of ours, not a simulated failure: say so without echoing request data.
        console.error(`emulator: internal error on ${ex.method} ${ex.url.pathname}: ${err instanceof Error ? err.stack : String(err)}`);
        send(ex, graphError(ex, new errors_1.GraphError(500, 'InternalServerError', 'The emulator failed to process the request.')));
    }
}
function send(ex, result) {
    const { res } = ex;
    if (res.headersSent || res.destroyed)
        return;
    if (result.stream) {
        void sendStream(ex, result.status, result.headers ?? {}, result.stream());
        return;
    }
    const payload = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
    res.writeHead(result.status, { ...result.headers, 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
}
/** Writes a streamed body with back-pressure; a client that goes away ends it. */
async function sendStream(ex, status, headers, chunks) {
    const { res } = ex;
    res.writeHead(status, headers);
    const closed = new Promise((resolve) => { res.once('close', () => resolve()); });
    try {
        for await (const chunk of chunks) {
            if (res.destroyed)
                return;
            if (!res.write(chunk))
                await Promise.race([new Promise((resolve) => { res.once('drain', () => resolve()); }), closed]);
        }
        res.end();
    }
    catch {
        res.destroy();
    }
}
function graphError(ex, err) {
    return (0, http_1.graphJson)(err.status, {
        error: {
            code: err.code,
            message: err.message,
            // Graph's pages show the request id as 'request-id' and as requestId; both are here, so a
            // client that reads only one of them works against the emulator as against Graph.
            innerError: {
                ...err.innerError,
                date: (0, timefmt_1.innerErrorDate)(ex.world.now()),
                'request-id': ex.requestId,
                requestId: ex.requestId,
                'client-request-id': ex.clientRequestId,
            },
        },
    }, { ...err.headers });
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Runs `run` under an optional fault. applyThenFail runs it for real and throws the answer
 * away, modelling a request that took effect but whose response was lost.
 */
async function underFault(ex, fault, run, failure) {
    if (fault && fault.delayMs > 0)
        await sleep(fault.delayMs);
    if (!fault || fault.kind === 'delay')
        return send(ex, run());
    if (fault.applyThenFail)
        run();
    if (fault.kind === 'drop') {
        ex.req.socket.destroy();
        return;
    }
    if (fault.status === 429)
        ex.world.stats.noteThrottled();
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
};
function unauthorized(world, problem) {
    return new errors_1.GraphError(401, 'InvalidAuthenticationToken', UNAUTHORIZED[problem], {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="${world.baseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    });
}
function addressing(segments) {
    const head = segments[0]?.toLowerCase();
    if (head === 'me')
        return { prefix: '/me', rest: segments.slice(1) };
    if (head === 'users' && segments.length >= 2)
        return { prefix: '/users/{id}', userId: segments[1], rest: segments.slice(2) };
    return undefined;
}
async function handleGraph(ex) {
    try {
        await graphPipeline(ex);
    }
    catch (err) {
        if (!(err instanceof errors_1.GraphError))
            throw err;
        send(ex, graphError(ex, err));
    }
}
/**
 * Throws GraphError for anything answered before the handler runs: 401 (token, audience), 400, 404
 * (user, mailbox), 405, 403 (permissions, rights, app scope; access.ts), 413, 429.
 */
async function graphPipeline(ex) {
    const { world, method } = ex;
    const versioned = /^\/v1\.0(\/.*)?$/i.exec(ex.url.pathname);
    const rawPath = versioned?.[1] ?? '';
    const segments = (0, router_1.splitPath)(rawPath);
    const target = versioned ? addressing(segments) : undefined;
    const match = target ? (0, router_1.matchRoute)(GRAPH_ROUTES, method, target.rest) : undefined;
    const routed = match && 'route' in match ? match : undefined;
    world.stats.count(target && routed ? `${method} ${target.prefix}${routed.route.pattern}` : `${method} (unmatched)`);
    if (!versioned)
        throw (0, errors_1.badRequest)(`Invalid version or resource: '${ex.url.pathname}'.`);
    const check = world.tokens.check(ex.req.headers.authorization);
    if ('problem' in check)
        throw unauthorized(world, check.problem);
    const { grant } = check;
    // An app token without application permissions (no admin consent): Graph's answer to any request,
    // innerError as MicrosoftDocs/SupportArticles-docs error-call-me-endpoint-microsoft-graph.md shows it.
    if (grant.kind === 'app' && grant.roles.length === 0) {
        throw new errors_1.GraphError(401, 'NoPermissionsInAccessToken', 'The token contains no permissions, or permissions can not be understood.', {}, {
            oAuthEventOperationId: (0, node_crypto_1.randomUUID)(), oAuthEventcV: `${(0, node_crypto_1.randomBytes)(16).toString('base64url').slice(0, 22)}.1`, errorUrl: 'https://aka.ms/autherrors#error-InvalidGrant',
        });
    }
    if (!target)
        throw (0, errors_1.badRequest)(`Resource not found for the segment '${segments[0] ?? ''}'.`);
    const caller = callerOf(world, grant);
    const mailbox = resolveMailbox(world, target, grant, caller);
    if (!match)
        throw (0, errors_1.badRequest)(`Resource not found for the segment '${target.rest[target.rest.length - 1] ?? segments[0]}'.`);
    if (!routed)
        throw new errors_1.GraphError(405, 'ErrorInvalidRequest', `The OData request is not supported: ${method} is not allowed on this resource.`);
    const { permission } = routed.route;
    if (!mailbox.enabled && permission !== 'User') {
        throw new errors_1.GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
    }
    (0, access_1.authorize)(caller, mailbox, permission);
    const gateKey = mailbox.address;
    if (!world.gate.enter(gateKey)) {
        world.stats.noteThrottled();
        throw (0, errors_1.throttled)(1, 'Application is over its MailboxConcurrency limit.');
    }
    try {
        const { body, tooLarge } = HAS_BODY.has(method) ? await (0, http_1.readBody)(ex.req, GRAPH_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
        if (tooLarge) {
            throw new errors_1.GraphError(413, 'ErrorRequestEntityTooLarge', 'The request entity is too large. The maximum request length supported is 4 MB.');
        }
        const prefs = (0, prefer_1.parsePreferences)(ex.req.headers.prefer);
        const request = {
            world, rawPath, params: ex.url.searchParams, headers: ex.req.headers, body, mailbox, caller, prefs,
            render: {
                timeZone: prefs.timeZone ?? timezones_1.UTC_ZONE,
                bodyType: prefs.bodyType,
                immutableIds: prefs.immutableIds,
                userUrl: `${world.baseUrl}/v1.0/users('${mailbox.user.id}@${mailbox.tenant.id}')`,
                ...expandOf(ex, mailbox),
            },
        };
        // Handler errors become responses here, so applyThenFail can discard them like any answer.
        const run = () => {
            try {
                const result = routed.route.handler(request, routed.params);
                return prefs.applied.length
                    ? { ...result, headers: { ...result.headers, 'Preference-Applied': prefs.applied.join(', ') } }
                    : result;
            }
            catch (err) {
                if (err instanceof errors_1.GraphError)
                    return graphError(ex, err);
                throw err;
            }
        };
        await underFault(ex, world.faults.pick(method, rawPath), run, (f) => graphError(ex, (0, errors_1.statusError)(f.status, f.retryAfterSeconds)));
    }
    finally {
        world.gate.leave(gateKey);
    }
}
/** `$expand` of extended properties (extended-properties.ts), with the @odata.context of each expansion. */
function expandOf(ex, mailbox) {
    const ids = (0, extended_properties_1.parseExpand)(ex.url.searchParams.get('$expand'));
    if (!ids)
        return {};
    const item = `${ex.world.baseUrl}/v1.0/$metadata#users('${mailbox.user.id}')/messages`;
    return { expand: { ids, context: (id) => `${item}('${encodeURIComponent(id)}')/singleValueExtendedProperties` } };
}
/**
 * Outlook's upload URL of a message or an event (upload-sessions.ts): no bearer token, its own
 * authorisation; counted against the mailbox's concurrency like Graph requests, and faulted like them.
 */
async function handleUploadUrl(ex) {
    const { world, method } = ex;
    world.stats.count(`${method} (upload session)`);
    const mailbox = (0, upload_sessions_1.uploadMailbox)(world, ex.url);
    if (mailbox && !world.gate.enter(mailbox.address)) {
        world.stats.noteThrottled();
        return send(ex, graphError(ex, (0, errors_1.throttled)(1, 'Application is over its MailboxConcurrency limit.')));
    }
    try {
        const { body, tooLarge } = HAS_BODY.has(method) ? await (0, http_1.readBody)(ex.req, GRAPH_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
        const header = (name) => (typeof ex.req.headers[name] === 'string' ? ex.req.headers[name] : undefined);
        const run = () => (0, upload_sessions_1.handleUpload)({ world, method, url: ex.url, authorization: header('authorization'), contentRange: header('content-range'), body, tooLarge });
        await underFault(ex, world.faults.pick(method, ex.url.pathname), run, (f) => graphError(ex, (0, errors_1.statusError)(f.status, f.retryAfterSeconds)));
    }
    finally {
        if (mailbox)
            world.gate.leave(mailbox.address);
    }
}
/** The token's principal as access.ts sees it; roles and scopes are compared case-insensitively. */
function callerOf(world, grant) {
    const lower = (names) => new Set(names.map((n) => n.toLowerCase()));
    if (grant.kind === 'delegated')
        return { kind: 'delegated', user: world.directory.mailbox(grant.userId), scopes: lower(grant.scopes) };
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
function resolveMailbox(world, target, grant, caller) {
    if (target.userId === undefined) {
        if (caller.kind === 'app')
            throw (0, errors_1.badRequest)('/me request is only valid with delegated authentication flow.');
        return caller.user;
    }
    const mailbox = world.directory.mailbox(target.userId);
    if (mailbox && mailbox.tenant.cloud.graph !== grant.audience)
        throw unauthorized(world, 'audience');
    if (mailbox && mailbox.tenant.id === grant.tenantId)
        return mailbox;
    if (target.rest.length === 0) {
        throw new errors_1.GraphError(404, 'Request_ResourceNotFound', `Resource '${target.userId}' does not exist or one of its queried reference-property objects are not present.`);
    }
    throw new errors_1.GraphError(404, 'ErrorInvalidUser', `The requested user '${target.userId}' is invalid.`);
}
// ---- identity platform ----
function aadError(ex, tenant, err, headers = {}) {
    return (0, http_1.plainJson)(err.status, (0, routes_identity_1.aadErrorBody)(err, ex.world.now(), ex.requestId, ex.clientRequestId, (0, routes_identity_1.cloudOfPath)(ex.world, tenant)), headers);
}
async function handleIdentityRequest(ex, tenant, endpoint) {
    const { world, method } = ex;
    world.stats.count(`${method} /{tenant}/oauth2/v2.0/${endpoint}`);
    const { body, tooLarge } = HAS_BODY.has(method) ? await (0, http_1.readBody)(ex.req, IDENTITY_BODY_LIMIT) : { body: Buffer.alloc(0), tooLarge: false };
    const run = () => {
        try {
            if (tooLarge)
                throw new token_1.AadError(400, 'invalid_request', 90014, 'The request body is too large.');
            return (0, routes_identity_1.handleIdentity)({ world, tenant, endpoint, method, params: ex.url.searchParams, headers: ex.req.headers, body });
        }
        catch (err) {
            if (err instanceof token_1.AadError)
                return aadError(ex, tenant, err);
            throw err;
        }
    };
    await underFault(ex, world.faults.pick(method, ex.url.pathname), run, (f) => aadError(ex, tenant, f.status === 429 || f.status === 503
        ? new token_1.AadError(f.status, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.')
        : new token_1.AadError(f.status, 'server_error', 90033, 'A transient error has occurred. Please try again.'), (0, errors_1.retryAfter)(f.retryAfterSeconds)));
}
// ---- control ----
async function handleControl(ex, control) {
    const { body, tooLarge } = await (0, http_1.readBody)(ex.req, CONTROL_BODY_LIMIT);
    if (tooLarge)
        return send(ex, (0, http_1.plainJson)(413, { error: { code: 'ControlError', message: 'control request body too large' } }));
    let parsed = {};
    if (body.length) {
        try {
            parsed = JSON.parse(body.toString('utf8'));
        }
        catch {
            return send(ex, (0, http_1.plainJson)(400, { error: { code: 'ControlError', message: 'body is not valid JSON' } }));
        }
    }
    const match = (0, router_1.matchRoute)(control_routes_1.CONTROL_ROUTES, ex.method, (0, router_1.splitPath)(ex.url.pathname).slice(1));
    if (!match)
        return send(ex, (0, http_1.plainJson)(404, { error: { code: 'ControlError', message: 'no such control route; GET /_emulator lists them' } }));
    if (!('route' in match))
        return send(ex, (0, http_1.plainJson)(405, { error: { code: 'ControlError', message: `${ex.method} not allowed here` } }));
    try {
        send(ex, match.route.handler({
            world: ex.world, control, json: (0, json_1.isObject)(parsed) ? parsed : {}, parsed, params: ex.url.searchParams,
        }, match.params));
    }
    catch (err) {
        const result = (0, control_routes_1.controlError)(err);
        if (!result)
            throw err;
        send(ex, result);
    }
}
