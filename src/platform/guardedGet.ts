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
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { inRange, nonPublicReason, parseIp, parseRange, unwrapIpv4 } from './ipRanges';
import type { IpRange } from './ipRanges';

export const ALLOWED_HOSTS_VARIABLE = 'OUTLOOK_ATTACHMENT_ALLOWED_HOSTS';
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** refused: the address is not let through; config: the allow-list cannot be read; network, timeout: the transfer failed. */
export type DownloadFailure = 'refused' | 'config' | 'network' | 'timeout';

export class DownloadError extends Error {
  constructor(public readonly kind: DownloadFailure, message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** What may be reached besides public addresses, and where the storage token may go. */
export interface EgressPolicy {
  storageOrigin?: string;
  storageToken?: string;
  allowedHosts: Set<string>;
  allowedRanges: IpRange[];
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Reads the policy from the environment. OUTLOOK_ATTACHMENT_ALLOWED_HOSTS lists host names, IP
 * addresses and CIDR ranges, separated by commas or spaces (`files.intra.example, 10.20.0.0/16`).
 */
export function egressPolicy(env: NodeJS.ProcessEnv = process.env): EgressPolicy {
  const policy: EgressPolicy = {
    storageOrigin: originOf(env.ELASTICIO_OBJECT_STORAGE_URI),
    storageToken: env.ELASTICIO_OBJECT_STORAGE_TOKEN || undefined,
    allowedHosts: new Set(),
    allowedRanges: [],
  };
  for (const entry of (env[ALLOWED_HOSTS_VARIABLE] ?? '').split(/[\s,]+/).filter(Boolean)) {
    const range = parseRange(entry);
    if (range) policy.allowedRanges.push(range);
    else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry)) policy.allowedHosts.add(entry.toLowerCase());
    else {
      throw new DownloadError('config', `${ALLOWED_HOSTS_VARIABLE} holds "${entry.slice(0, 60)}", which is no host name, IP address or CIDR range (such as files.intra.example, 10.20.0.5 or 10.20.0.0/16); fix the environment variable`);
    }
  }
  return policy;
}

/** The URL host without IPv6 brackets, lower case. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Why `address`, reached as `host`, is refused under `policy`; undefined when it may be used. */
export function refusal(host: string, address: string, policy: EgressPolicy): string | undefined {
  const reason = nonPublicReason(address);
  if (!reason || policy.allowedHosts.has(host)) return undefined;
  const ip = parseIp(address)!;
  if (policy.allowedRanges.some((range) => inRange(ip, range) || inRange(unwrapIpv4(ip), range))) return undefined;
  const where = host === address ? address : `${host} (${address})`;
  return `refused to download from ${where}: it is ${reason}. Files are fetched only from public addresses, the platform's storage, or hosts an administrator lists in ${ALLOWED_HOSTS_VARIABLE}`;
}

/** A resolver that answers only with addresses the policy lets through, so the socket connects to nothing else. */
function guardedLookup(host: string, policy: EgressPolicy, resolve: typeof dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, []);
        return;
      }
      // One refused address refuses the host: which of several the socket would pick is not ours to know.
      const refused = addresses.map((a) => refusal(host, a.address, policy)).find(Boolean);
      if (refused) callback(new DownloadError('refused', refused), []);
      else if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

export interface GuardedGetOptions {
  /** The deadline of the whole download: redirects, headers and body. */
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** dns.lookup or a stand-in (tests map names to addresses). */
  resolve?: typeof dnsLookup;
}

export interface GuardedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body; a reset or the deadline ends it with a DownloadError. Leaving the loop early closes the connection. */
  body: AsyncIterable<Buffer>;
  /** Closes the connection without reading the body (an error status, say). */
  close(): void;
}

function failure(err: unknown, signal: AbortSignal, host: string, timeoutMs: number, received?: number): DownloadError {
  if (err instanceof DownloadError) return err;
  const after = received === undefined ? '' : ` after ${received} bytes`;
  const deadline = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
  if (signal.aborted) return new DownloadError('timeout', `${host} did not deliver it within ${deadline}${after}`);
  const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : 'network error');
  return new DownloadError('network', `the connection to ${host} failed${after} (${code})`);
}

function send(url: URL, headers: Record<string, string>, lookup: LookupFunction | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // agent: false, so no pooled socket opened by other code (and never checked) is reused.
    const request = client.request(url, { method: 'GET', headers, agent: false, lookup, signal }, resolve);
    request.on('error', reject);
    request.end();
  });
}

async function* bodyOf(response: IncomingMessage, signal: AbortSignal, host: string, timeoutMs: number): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      yield chunk;
    }
  } catch (err) {
    throw failure(err, signal, host, timeoutMs, received);
  }
  if (!response.complete) throw new DownloadError('network', `the connection to ${host} closed after ${received} bytes, before the whole file arrived`);
}

/** GET `url` under the egress policy; follows redirects itself. Throws DownloadError. */
export async function guardedGet(url: string, options: GuardedGetOptions): Promise<GuardedResponse> {
  const policy = egressPolicy(options.env);
  const signal = AbortSignal.timeout(options.timeoutMs);
  if (!URL.canParse(url)) throw new DownloadError('refused', 'its URL cannot be read');
  let current = new URL(url);
  for (let redirects = 0; ; redirects += 1) {
    const host = hostOf(current);
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new DownloadError('refused', `${host} redirected to a ${current.protocol} URL; only http and https are followed`);
    }
    const trusted = policy.storageOrigin !== undefined && current.origin === policy.storageOrigin;
    // The URL parser has already turned 2130706433, 0x7f.1 and ::ffff:7f00:1 into plain addresses;
    // a literal address is never looked up, so it is checked here.
    const literal = parseIp(host) ? refusal(host, host, policy) : undefined;
    if (literal && !trusted) throw new DownloadError('refused', literal);
    const headers: Record<string, string> = trusted && policy.storageToken ? { Authorization: `Bearer ${policy.storageToken}` } : {};
    const lookup = trusted ? undefined : guardedLookup(host, policy, options.resolve ?? dnsLookup);
    let response: IncomingMessage;
    try {
      response = await send(current, headers, lookup, signal);
    } catch (err) {
      throw failure(err, signal, host, options.timeoutMs);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!REDIRECTS.has(status) || !location) {
      return { status, headers: response.headers, body: bodyOf(response, signal, host, options.timeoutMs), close: () => response.destroy() };
    }
    response.resume();
    if (redirects >= MAX_REDIRECTS) throw new DownloadError('network', `${host} redirected more than ${MAX_REDIRECTS} times`);
    try {
      current = new URL(location, current);
    } catch {
      throw new DownloadError('network', `${host} redirected to an address that is no URL`);
    }
  }
}
