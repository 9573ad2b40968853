/**
 * An offline Microsoft Graph v1.0 (Outlook mail, calendar, contacts) and Microsoft identity
 * platform emulator, for tests, demos, chaos runs and benchmarks. See README.md.
 */
import type { AddressInfo } from 'node:net';
import { createControl } from './control';
import type { EmulatorControl, TenantInfo } from './control';
import { FaultEngine } from './faults';
import { createRng } from './rng';
import { DEFAULT_APP, seedDirectory } from './seed';
import { createEmulatorServer } from './server';
import { ConcurrencyGate, Stats } from './stats';
import { TokenService } from './token';
import type { ResolvedOptions, World } from './world';

export type {
  AddEventOptions, AddEventsOptions, AddMailOptions, AddMailsOptions, AppOptions, BulkResult, CalendarViewOptions, CreatedUser, CreateSharedMailboxOptions,
  CreateTenantOptions, CreateUserOptions, EmulatorControl, MailboxRightsOptions, MailboxSettingsOptions, TenantInfo, UpdateEventOptions, UpdateMailOptions,
} from './control';
export type { AddContactOptions, ContactControl } from './control-contacts';
export { CLOUDS, CLOUD_NAMES } from './clouds';
export type { CloudName } from './clouds';
export type { MailboxRight } from './mailbox';
export { CONSENTED_SCOPES, DEFAULT_APP_ROLES } from './scopes';
export { ControlError } from './control';
export type { FaultRule } from './faults';
export type { SentRecord } from './model';
export type { StatsSnapshot } from './stats';
export type { TokenResponse } from './token';

export interface EmulatorOptions {
  /** 0 (default) = a free port; binds 127.0.0.1 only. */
  port?: number;
  /** Deterministic data (default 1). */
  seed?: number;
  /** Clock in epoch ms (default Date.now); everything time-based uses it. */
  now?: () => number;
  /** Seeded mails in the primary mailbox (default 300). */
  mailCount?: number;
  /** The seeded app, registered in every cloud and admin-consented in every seeded tenant. */
  clientId?: string;
  clientSecret?: string;
  accessTokenTtlSeconds?: number;
  /** Replication delay: list queries do not see an item until its timestamp + this. */
  visibilityDelayMs?: number;
  /** More requests than this in flight for one mailbox get 429 ApplicationThrottled. */
  maxConcurrentPerMailbox?: number;
}

export interface Emulator {
  url: string;
  tenantId: string;
  mailboxes: { primary: string; secondary: string };
  /** The seeded tenants: Contoso (global, tenantId above) and one per national cloud, each with a user and a shared mailbox. */
  tenants: TenantInfo[];
  control: EmulatorControl;
  close(): Promise<void>;
}

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    seed: options.seed ?? 1,
    now: options.now ?? Date.now,
    mailCount: options.mailCount ?? 300,
    clientId: options.clientId ?? DEFAULT_APP.clientId,
    clientSecret: options.clientSecret ?? DEFAULT_APP.clientSecret,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    visibilityDelayMs: options.visibilityDelayMs ?? 0,
    maxConcurrentPerMailbox: options.maxConcurrentPerMailbox ?? 4,
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const now = (): number => resolved.now();
  const stats = new Stats();
  const world: World = {
    options: resolved,
    now,
    baseUrl: '',
    directory: seedDirectory(resolved.seed, now(), resolved.mailCount, { clientId: resolved.clientId, clientSecret: resolved.clientSecret }),
    tokens: new TokenService({ accessTokenTtlSeconds: resolved.accessTokenTtlSeconds, now }),
    // Its own stream, so arming faults never changes the seeded data.
    faults: new FaultEngine(createRng(resolved.seed ^ 0x5eed)),
    stats,
    gate: new ConcurrencyGate(resolved.maxConcurrentPerMailbox, stats),
  };
  const control = createControl(world);
  const server = createEmulatorServer(world, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => resolve());
  });
  world.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [primary, secondary] = world.directory.mailboxes;
  return {
    url: world.baseUrl,
    tenantId: world.directory.tenantId,
    mailboxes: { primary: primary.address, secondary: secondary.address },
    tenants: control.tenants(),
    control,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Keep-alive sockets (fetch keeps them) would hold close() open.
      server.closeAllConnections();
    }),
  };
}
