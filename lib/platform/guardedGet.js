"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DownloadError = exports.ALLOWED_HOSTS_VARIABLE = void 0;
exports.egressPolicy = egressPolicy;
exports.refusal = refusal;
exports.guardedGet = guardedGet;
/**
 * A GET for files named by incoming messages, guarded against reaching inside the platform's
 * network: a URL in a message can point at a loopback service, a private host or a cloud metadata
 * endpoint, and whatever it returns would be mailed out. Every address is checked when the socket
 * is about to connect (the resolver's answer is the address connected to, so DNS cannot answer
 * differently between check and use), and again on every redirect, which is followed here, a
 * bounded number of times. Non-public addresses pass only for the platform's own storage
 * (ELASTICIO_OBJECT_STORAGE_URI) and what OUTLOOK_ATTACHMENT_ALLOWED_HOSTS lists. The storage token
 * goes to the storage origin only, never to a redirect target elsewhere.
 *
 * Errors are DownloadError with a short reason that names the host, never the path or query (signed
 * URLs carry their signature there); callers add which file it was and what to do.
 */
const node_dns_1 = require("node:dns");
const node_http_1 = __importDefault(require("node:http"));
const node_https_1 = __importDefault(require("node:https"));
const ipRanges_1 = require("./ipRanges");
exports.ALLOWED_HOSTS_VARIABLE = 'OUTLOOK_ATTACHMENT_ALLOWED_HOSTS';
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
class DownloadError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'DownloadError';
    }
}
exports.DownloadError = DownloadError;
function originOf(url) {
    if (!url)
        return undefined;
    try {
        return new URL(url).origin;
    }
    catch {
        return undefined;
    }
}
/**
 * Reads the policy from the environment. OUTLOOK_ATTACHMENT_ALLOWED_HOSTS lists host names, IP
 * addresses and CIDR ranges, separated by commas or spaces (`files.intra.example, 10.20.0.0/16`).
 */
function egressPolicy(env = process.env) {
    const policy = {
        storageOrigin: originOf(env.ELASTICIO_OBJECT_STORAGE_URI),
        storageToken: env.ELASTICIO_OBJECT_STORAGE_TOKEN || undefined,
        allowedHosts: new Set(),
        allowedRanges: [],
    };
    for (const entry of (env[exports.ALLOWED_HOSTS_VARIABLE] ?? '').split(/[\s,]+/).filter(Boolean)) {
        const range = (0, ipRanges_1.parseRange)(entry);
        if (range)
            policy.allowedRanges.push(range);
        else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry))
            policy.allowedHosts.add(entry.toLowerCase());
        else {
            throw new DownloadError('config', `${exports.ALLOWED_HOSTS_VARIABLE} holds "${entry.slice(0, 60)}", which is no host name, IP address or CIDR range (such as files.intra.example, 10.20.0.5 or 10.20.0.0/16); fix the environment variable`);
        }
    }
    return policy;
}
/** The URL host without IPv6 brackets, lower case. */
function hostOf(url) {
    return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}
/** Why `address`, reached as `host`, is refused under `policy`; undefined when it may be used. */
function refusal(host, address, policy) {
    const reason = (0, ipRanges_1.nonPublicReason)(address);
    if (!reason || policy.allowedHosts.has(host))
        return undefined;
    const ip = (0, ipRanges_1.parseIp)(address);
    if (policy.allowedRanges.some((range) => (0, ipRanges_1.inRange)(ip, range) || (0, ipRanges_1.inRange)((0, ipRanges_1.unwrapIpv4)(ip), range)))
        return undefined;
    const where = host === address ? address : `${host} (${address})`;
    return `refused to download from ${where}: it is ${reason}. Files are fetched only from public addresses, the platform's storage, or hosts an administrator lists in ${exports.ALLOWED_HOSTS_VARIABLE}`;
}
/** A resolver that answers only with addresses the policy lets through, so the socket connects to nothing else. */
function guardedLookup(host, policy, resolve) {
    return (hostname, options, callback) => {
        resolve(hostname, { ...options, all: true }, (err, addresses) => {
            if (err) {
                callback(err, []);
                return;
            }
            // One refused address refuses the host: which of several the socket would pick is not ours to know.
            const refused = addresses.map((a) => refusal(host, a.address, policy)).find(Boolean);
            if (refused)
                callback(new DownloadError('refused', refused), []);
            else if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0].address, addresses[0].family);
        });
    };
}
function failure(err, signal, host, timeoutMs, received) {
    if (err instanceof DownloadError)
        return err;
    const after = received === undefined ? '' : ` after ${received} bytes`;
    const deadline = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    if (signal.aborted)
        return new DownloadError('timeout', `${host} did not deliver it within ${deadline}${after}`);
    const code = err.code ?? (err instanceof Error ? err.message : 'network error');
    return new DownloadError('network', `the connection to ${host} failed${after} (${code})`);
}
function send(url, headers, lookup, signal) {
    return new Promise((resolve, reject) => {
        const client = url.protocol === 'https:' ? node_https_1.default : node_http_1.default;
        // agent: false, so no pooled socket opened by other code (and never checked) is reused.
        const request = client.request(url, { method: 'GET', headers, agent: false, lookup, signal }, resolve);
        request.on('error', reject);
        request.end();
    });
}
async function* bodyOf(response, signal, host, timeoutMs) {
    let received = 0;
    try {
        for await (const chunk of response) {
            received += chunk.length;
            yield chunk;
        }
    }
    catch (err) {
        throw failure(err, signal, host, timeoutMs, received);
    }
    if (!response.complete)
        throw new DownloadError('network', `the connection to ${host} closed after ${received} bytes, before the whole file arrived`);
}
/** GET `url` under the egress policy; follows redirects itself. Throws DownloadError. */
async function guardedGet(url, options) {
    const policy = egressPolicy(options.env);
    const signal = AbortSignal.timeout(options.timeoutMs);
    if (!URL.canParse(url))
        throw new DownloadError('refused', 'its URL cannot be read');
    let current = new URL(url);
    for (let redirects = 0;; redirects += 1) {
        const host = hostOf(current);
        if (current.protocol !== 'http:' && current.protocol !== 'https:') {
            throw new DownloadError('refused', `${host} redirected to a ${current.protocol} URL; only http and https are followed`);
        }
        const trusted = policy.storageOrigin !== undefined && current.origin === policy.storageOrigin;
        // The URL parser has already turned 2130706433, 0x7f.1 and ::ffff:7f00:1 into plain addresses;
        // a literal address is never looked up, so it is checked here.
        const literal = (0, ipRanges_1.parseIp)(host) ? refusal(host, host, policy) : undefined;
        if (literal && !trusted)
            throw new DownloadError('refused', literal);
        const headers = trusted && policy.storageToken ? { Authorization: `Bearer ${policy.storageToken}` } : {};
        const lookup = trusted ? undefined : guardedLookup(host, policy, options.resolve ?? node_dns_1.lookup);
        let response;
        try {
            response = await send(current, headers, lookup, signal);
        }
        catch (err) {
            throw failure(err, signal, host, options.timeoutMs);
        }
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (!REDIRECTS.has(status) || !location) {
            return { status, headers: response.headers, body: bodyOf(response, signal, host, options.timeoutMs), close: () => response.destroy() };
        }
        response.resume();
        if (redirects >= MAX_REDIRECTS)
            throw new DownloadError('network', `${host} redirected more than ${MAX_REDIRECTS} times`);
        try {
            current = new URL(location, current);
        }
        catch {
            throw new DownloadError('network', `${host} redirected to an address that is no URL`);
        }
    }
}
