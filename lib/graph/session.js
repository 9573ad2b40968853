"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GraphSession = void 0;
exports.setSessionDefaults = setSessionDefaults;
exports.createSession = createSession;
/**
 * The one way steps talk to Graph: the SDK client with our middleware chain
 * (authorize -> retry -> per-mailbox concurrency -> transport with a deadline), JSON in and out,
 * errors turned into GraphRequestError, and paging over @odata.nextLink.
 */
const node_stream_1 = require("node:stream");
const microsoft_graph_client_1 = require("@microsoft/microsoft-graph-client");
const authorize_1 = require("./authorize");
const endpoints_1 = require("./endpoints");
const errors_1 = require("./errors");
const httpDate_1 = require("./httpDate");
const limiter_1 = require("./limiter");
const policy_1 = require("./policy");
const retry_1 = require("./retry");
const tokens_1 = require("./tokens");
const transport_1 = require("./transport");
const DEFAULT_TIMEOUT_MS = 60_000;
const defaultSleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
class GraphSession {
    endpoints;
    /** Where this mailbox's resources hang off: /me now, /users/{id} for shared mailboxes later. */
    root = '/me';
    client;
    slots;
    constructor(endpoints, tokens, context, options = {}) {
        this.endpoints = endpoints;
        const sleep = options.sleep ?? defaultSleep;
        const authorize = new authorize_1.AuthorizeMiddleware(tokens, endpoints.graph);
        const retry = new retry_1.RetryMiddleware({ ...retry_1.DEFAULT_RETRY_LIMITS, ...options.retry }, context.logger, sleep);
        // One queue per credential and mailbox: the same mailbox reached through two steps of one
        // container shares Outlook's limit of 4 concurrent requests.
        this.slots = (0, limiter_1.semaphoreFor)(`${tokens.identity}${this.root}`);
        const concurrency = new limiter_1.ConcurrencyMiddleware(this.slots);
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
    /**
     * Runs `work` holding one of the mailbox's concurrency slots, for requests to this mailbox that
     * do not go through Graph's client (the PUTs of an upload session, to Outlook's own URL).
     */
    async withSlot(work) {
        await this.slots.acquire();
        try {
            return await work();
        }
        finally {
            this.slots.release();
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
            throw this.failure('GET', path, response);
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
            throw this.failure(method, path, response);
        const text = (0, transport_1.responseText)(response);
        return { status: response.status, body: (text ? parseJson(text) : undefined), headers: response.headers };
    }
    async exchange(method, path, body, options, streaming) {
        const request = this.client.api(path)
            .header('Prefer', ['IdType="ImmutableId"', ...(options.prefer ?? [])].join(', '))
            .responseType(microsoft_graph_client_1.ResponseType.RAW);
        const middlewareOptions = [
            ...(options.idempotent !== undefined ? [new policy_1.RequestPolicy(options.idempotent)] : []),
            ...(streaming ? [streaming] : []),
        ];
        if (middlewareOptions.length)
            request.middlewareOptions(middlewareOptions);
        try {
            return await (method === 'GET' ? request.get() : request.post(body));
        }
        catch (err) {
            if (err instanceof transport_1.TransportError) {
                throw new errors_1.GraphRequestError(`Outlook ${method} ${path.split('?')[0]} failed: ${err.message.replace(/^\S+ \S+ failed: /, '')}. Check that Microsoft Graph is reachable and retry later.`, undefined, err.reason, undefined);
            }
            throw err instanceof transport_1.ChainError ? err.original : err;
        }
    }
    failure(method, path, response) {
        const text = (0, transport_1.responseText)(response);
        const parsed = text ? parseJson(text) : undefined;
        return (0, errors_1.errorFromResponse)(method, path.split('?')[0], response.status, parsed, response.headers.get('request-id') ?? undefined);
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
/** A session for the credential in `cfg`; refreshed tokens are persisted through `updateKeys`. */
function createSession(cfg, context, given = {}) {
    const options = { ...sessionDefaults, ...given };
    const endpoints = options.endpoints ?? (0, endpoints_1.endpointsFromEnv)();
    const tokens = new tokens_1.TokenSource({
        token: cfg.oauth,
        tenant: (0, tokens_1.normaliseTenant)(cfg.tenantId),
        endpoints,
        app: options.app ?? (0, tokens_1.appRegistrationFromEnv)(),
        logger: context.logger,
        sleep: options.sleep,
        persist: async (token) => { await context.emit('updateKeys', { oauth: token }); },
    });
    return new GraphSession(endpoints, tokens, context, options);
}
