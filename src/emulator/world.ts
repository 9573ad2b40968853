/** Everything a request handler may need, built once per emulator. */
import type { Directory } from './directory';
import type { FaultEngine } from './faults';
import type { ConcurrencyGate, Stats } from './stats';
import type { TokenService } from './token';

export interface ResolvedOptions {
  port: number;
  seed: number;
  now: () => number;
  mailCount: number;
  clientId: string;
  clientSecret: string;
  accessTokenTtlSeconds: number;
  visibilityDelayMs: number;
  maxConcurrentPerMailbox: number;
  /** How long a submitted mail takes to be delivered and reach Sent Items (transport.ts). */
  sendDelayMs: number;
  /** How long an upload session's URL works (upload-sessions.ts). */
  uploadSessionLifetimeMs: number;
}

export interface World {
  options: ResolvedOptions;
  now: () => number;
  /** Set once the server listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  directory: Directory;
  tokens: TokenService;
  faults: FaultEngine;
  stats: Stats;
  gate: ConcurrencyGate;
}

/** List queries see items whose visibility timestamp is at or before this (replication delay). */
export function visibleUntil(world: World): number {
  return world.now() - world.options.visibilityDelayMs;
}
