"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GraphSession = void 0;
exports.setSessionDefaults = setSessionDefaults;
exports.credentialTokens = credentialTokens;
exports.createSession = createSession;
/**
 * The one way steps talk to Graph: the SDK client with our middleware chain
 * (authorize -> retry -> per-mailbox concurrency -> transport with a deadline), JSON in and out,
 * errors turned into GraphRequestError, and paging over @odata.nextLink. A session is one
 * credential (delegated or application, in its cloud) on one mailbox (`root`).
 */
const node_stream_1 = require("node:stream");
const microsoft_graph_client_1 = require("@microsoft/microsoft-graph-client");
const authorize_1 = require("./authorize");
const credential_1 = require("./credential");
const endpoints_1 = require("./endpoints");
const errors_1 = require("./errors");
const httpDate_1 = require("./httpDate");
const limiter_1 = require("./limiter");
const mailbox_1 = require("./mailbox");
const policy_1 = require("./policy");
const refusals_1 = require("./refusals");
const retry_1 = require("./retry");
const tokens_1 = require("./tokens");
const transport_1 = require("./transport");
const DEFAULT_TIMEOUT_MS = 60_000;
const defaultSleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
class GraphSession {
    endpoints;
    tokens;
    /**
     * Where this mailbox's resources hang off: `/me` (the signed-in user) or `/users/{mailbox}`.
     * Every path a step builds starts here; nothing else knows which mailbox it is.
     */
    root;
    /** The mailbox as given in the step's `mailbox` field; undefined for the signed-in user's own. */
    mailbox;
    authType;
    cloud;
    client;
    sleep;
    /** The mailbox's queue, asked per request: what is known about the mailbox can grow (a token's claims). */
    queueKey;
    constructor(endpoints, tokens, context, options, identity, target) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.root = target.root;
        this.mailbox = target.address;
        this.authType = identity.authType;
        this.cloud = identity.cloud;
        const sleep = options.sleep ?? defaultSleep;
        this.sleep = sleep;
        const authorize = new authorize_1.AuthorizeMiddleware(tokens, endpoints.graph);
        const retry = new retry_1.RetryMiddleware({ ...retry_1.DEFAULT_RETRY_LIMITS, ...options.retry }, context.logger, sleep);
        this.queueKey = queueKeyFor(tokens, identity, target);
        const concurrency = new limiter_1.ConcurrencyMiddleware(this.queueKey);
        const transport = new transport_1.TransportMiddleware(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        authorize.setNext(retry);
        retry.setNext(concurrency);
        concurrency.setNext(transport);
        this.client = microsoft_graph_client_1.Client.initWithMiddleware({ middleware: authorize, baseUrl: `${endpoints.graph}/`, defaultVersion: endpoints_1.GRAPH_VERSION });
    }
    get(path, options = {}) {
        return this.send('GET', path, undefined, options);
    }
    post(path, body, options = {}) {
        return this.send('POST', path, body, options);
    }
    /** PATCH: idempotent when it sets values (default: no, as for any PATCH). */
    patch(path, body, options = {}) {
        return this.send('PATCH', path, body, options);
    }
    delete(path, options = {}) {
        return this.send('DELETE', path, undefined, options);
    }
    /** Waits between two requests of a step (confirming a write), with the sleep harnesses replace. */
    wait(ms) {
        return this.sleep(ms);
    }
    /**
     * Runs `work` holding one of the mailbox's concurrency slots, for requests to this mailbox that
     * do not go through Graph's client (the PUTs of an upload session, to Outlook's own URL).
     */
    async withSlot(work) {
        const slots = (0, limiter_1.semaphoreFor)(this.queueKey());
        await slots.acquire();
        try {
            return await work();
        }
        finally {
            slots.release();
        }
    }
    /**
     * A GET whose successful body is streamed, not read (attachment contents): authorised, retried
     * until the body starts, and counted against the mailbox's concurrency until the body ends.
     * Error answers are mapped as for JSON requests.
     */
    async getStream(path, options) {
        const response = await this.exchange('GET', path, undefined, options, new transport_1.StreamResponse(options.timeoutMs));
        const streamed = (0, transport_1.streamedBody)(response);
        if (!response.ok || !streamed)
            throw this.failure('GET', path, response, options);
        return { status: response.status, headers: response.headers, body: mappedBody(streamed, path.split('?')[0]) };
    }
    /** One page of a collection; `pathOrLink` is a path or an @odata.nextLink Graph returned. */
    async page(pathOrLink, options = {}) {
        const path = /^https?:\/\//.test(pathOrLink) ? (0, endpoints_1.relativeGraphPath)(pathOrLink, this.endpoints) : pathOrLink;
        const { body, headers } = await this.get(path, options);
        return { items: body.value ?? [], serverTime: (0, httpDate_1.parseHttpDate)(headers.get('date')), nextLink: body['@odata.nextLink'] };
    }
    /**
     * Every page of a collection, following @odata.nextLink with the same Prefer headers (Graph
     * applies them only to the request that carries them). Callers consume page by page, so
     * memory does not grow with the collection.
     */
    async *pages(path, options = {}) {
        let next = path;
        while (next) {
            const page = await this.page(next, options);
            yield page;
            next = page.nextLink;
        }
    }
    /** A whole, small collection (dropdown lists); streams should use `pages`. */
    async all(path, options = {}) {
        const items = [];
        for await (const page of this.pages(path, options))
            items.push(...page.items);
        return items;
    }
    async send(method, path, body, options) {
        const response = await this.exchange(method, path, body, options);
        if (!response.ok)
            throw this.failure(method, path, response, options);
        const text = (0, transport_1.responseText)(response);
        return { status: response.status, body: (text ? parseJson(text) : undefined), headers: response.headers };
    }
    async exchange(method, path, body, options, streaming) {
        const request = this.client.api(path)
            .header('Prefer', ['IdType="ImmutableId"', ...(options.prefer ?? [])].join(', '))
            .responseType(microsoft_graph_client_1.ResponseType.RAW);
        for (const [name, value] of Object.entries(options.headers ?? {}))
            request.header(name, value);
        const middlewareOptions = [
            ...(options.idempotent !== undefined ? [new policy_1.RequestPolicy(options.idempotent)] : []),
            ...(streaming ? [streaming] : []),
        ];
        if (middlewareOptions.length)
            request.middlewareOptions(middlewareOptions);
        try {
            return await (method === 'GET' ? request.get() : method === 'POST' ? request.post(body) : method === 'PATCH' ? request.patch(body) : request.delete());
        }
        catch (err) {
            if (err instanceof transport_1.TransportError) {
                throw new errors_1.GraphRequestError(`Outlook ${method} ${path.split('?')[0]} failed: ${err.message.replace(/^\S+ \S+ failed: /, '')}. Check that Microsoft Graph is reachable and retry later.`, undefined, err.reason, undefined);
            }
            throw err instanceof transport_1.ChainError ? err.original : err;
        }
    }
    failure(method, path, response, options) {
        const text = (0, transport_1.responseText)(response);
        const parsed = text ? parseJson(text) : undefined;
        const shownPath = path.split('?')[0];
        const errorBody = parsed;
        const refusal = (0, refusals_1.explainRefusal)(method, shownPath, response.status, errorBody?.error?.code, {
            authType: this.authType, cloud: this.cloud, mailbox: this.mailbox, from: options.sendingFrom,
            roles: this.authType === 'application' ? this.tokens.claims()?.roles ?? (this.tokens.claims() ? [] : undefined) : undefined,
        });
        // The next run asks for a new token, which carries permissions an admin granted since.
        if (refusal?.consentMissing)
            this.tokens.forget();
        return (0, errors_1.errorFromResponse)(method, shownPath, response.status, errorBody, response.headers.get('request-id') ?? undefined, refusal?.hint);
    }
}
exports.GraphSession = GraphSession;
/** A streamed body whose failures (a reset, the deadline) read like every other Graph error. */
function mappedBody(streamed, shownPath) {
    async function* chunks() {
        let received = 0;
        try {
            for await (const chunk of streamed.stream) {
                received += chunk.length;
                yield chunk;
            }
        }
        catch (err) {
            const timedOut = streamed.signal.aborted;
            const reason = timedOut ? `the body did not arrive within ${streamed.timeoutMs} ms` : `the connection failed (${describeError(err)})`;
            throw new errors_1.GraphRequestError(`Outlook GET ${shownPath} failed after ${received} bytes: ${reason}. Retry later.`, undefined, timedOut ? 'timeout' : 'network', undefined);
        }
    }
    const body = node_stream_1.Readable.from(chunks(), { objectMode: false });
    // Destroyed before it was read, the generator never ran: the source must be closed here to free the slot.
    body.once('close', () => streamed.stream.destroy());
    return body;
}
function describeError(err) {
    const cause = err.cause;
    return cause?.code ?? err.code ?? (err instanceof Error ? err.message : 'network error');
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Options every session of this process starts from; see setSessionDefaults. */
let sessionDefaults = {};
/**
 * For harnesses that run the steps themselves (chaos runs, benchmarks): steps create their
 * sessions with no options, so deadlines and waits are set here. Returns the undo.
 */
function setSessionDefaults(defaults) {
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
function queueKeyFor(tokens, identity, target) {
    const app = `${identity.cloud.graph}|${identity.clientId.toLowerCase()}`;
    if (target.address)
        return () => (0, limiter_1.mailboxQueueKey)(app, target.address);
    const key = () => {
        const claims = tokens.claims();
        return claims?.oid ? (0, limiter_1.learnMailboxAliases)(app, claims.oid, [claims.upn, claims.unique_name]) : `${app}|credential:${tokens.identity}`;
    };
    // Learnt now, so sessions on /users/{upn} that start alongside this one already share its queue.
    key();
    return key;
}
/**
 * The credential in `cfg`, checked, with its token source: a delegated credential's refreshed
 * tokens are persisted through `updateKeys`; an application credential's are only cached.
 */
function credentialTokens(cfg, context, given = {}) {
    const options = { ...sessionDefaults, ...given };
    const credential = (0, credential_1.parseCredential)(cfg, process.env, options.app);
    const endpoints = options.endpoints ?? (0, endpoints_1.endpointsFor)(credential.cloud);
    const { tenant, cloud, app } = credential;
    const tokens = credential.authType === 'application'
        ? new tokens_1.AppTokenSource({ tenant, cloud, endpoints, app, logger: context.logger, sleep: options.sleep })
        : new tokens_1.TokenSource({
            token: cfg.oauth,
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
function createSession(cfg, context, given = {}) {
    const options = { ...sessionDefaults, ...given };
    const { credential, endpoints, tokens } = credentialTokens(cfg, context, options);
    const target = (0, mailbox_1.parseMailbox)(cfg.mailbox, credential.authType);
    return new GraphSession(endpoints, tokens, context, options, { authType: credential.authType, cloud: credential.cloud, clientId: credential.app.clientId }, target);
}
