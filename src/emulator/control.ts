/**
 * The in-process control surface for tests, demos and harnesses: shape the directory (tenants,
 * users, shared mailboxes, mailbox rights, apps and what admins granted them), mint tokens as if a
 * user had just consented or an app had asked, inject and change mail and events (timestamps from
 * the emulator clock), read what was sent, arm faults and read traffic statistics. The HTTP control
 * API maps onto this.
 */
import { CLOUDS, isCloudName } from './clouds';
import type { CloudName } from './clouds';
import { createContactControl } from './control-contacts';
import type { ContactControl } from './control-contacts';
import { composeMessage, toEmailAddress } from './compose';
import type { AddressInput } from './compose';
import { render } from './entity';
import type { RenderContext } from './entity';
import { EVENT, EVENT_INSTANCE } from './entity-event';
import { CALENDAR } from './entity-folder';
import { MESSAGE } from './entity-message';
import { GraphError } from './errors';
import { readEvent } from './event-input';
import { calendarView, deleteEvent as removeEvent, findEvent, updateOccurrence } from './instances';
import { changeSettings, InvalidSettings, renderWorkingHours } from './mailbox-settings';
import { changeEvent, changeMail } from './mutations';
import { DELTA_FAILURES } from './delta';
import type { DeltaFailureCode, RemovedReason } from './delta';
import type { FaultRule } from './faults';
import type { Json } from './json';
import { Tenant, tenantAlias } from './directory';
import { deterministicGuid } from './ids';
import { MAILBOX_RIGHTS } from './mailbox';
import type { Mailbox, MailboxRight, NewEvent, NewMessage } from './mailbox';
import type { AttachmentInfo, BodyType, Folder, Importance, SentRecord, StoredMessage } from './model';
import type { StatsSnapshot } from './stats';
import { DEFAULT_APP_ROLES, DEFAULT_SCOPE, delegatedScopes } from './scopes';
import { provisionMailbox, userRecord } from './seed';
import type { UserSpec } from './seed';
import { aliasRefusedForApps, appSignIn, mergeScopes, servicePrincipal, signIn } from './sign-in';
import { AadError } from './token';
import type { TokenResponse } from './token';
import { wallTicks } from './timefmt';
import { UTC_ZONE } from './timezones';
import { deliverDue } from './transport';
import type { World } from './world';

/** A control call that cannot be done; `status` is what the HTTP control API answers. */
export class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface AddMailOptions {
  mailbox?: string;
  /** Folder id, well-known name or display name; default inbox. */
  folder?: string;
  subject: string;
  from: AddressInput;
  to?: AddressInput[];
  cc?: AddressInput[];
  bcc?: AddressInput[];
  body?: string;
  bodyContentType?: BodyType;
  /** Epoch ms at full precision; default now(). */
  receivedAt?: number;
  sentAt?: number;
  isRead?: boolean;
  importance?: Importance;
  hasAttachments?: boolean;
  /**
   * Files of `size` pattern bytes (or `text`), attached mails, events or contacts (`kind: 'item'`,
   * `item`), links to cloud files (`kind: 'reference'`); see attachments.ts.
   */
  attachments?: (Omit<AttachmentInfo, 'contentType' | 'size'> & { contentType?: string; size?: number })[];
  flag?: StoredMessage['flagStatus'];
  categories?: string[];
  inferenceClassification?: StoredMessage['inferenceClassification'];
  conversationId?: string;
}

export interface AddMailsOptions extends Omit<Partial<AddMailOptions>, 'receivedAt'> {
  /** receivedAt of the first mail; default now() - count * stepMs, so the last one is "just now". */
  startAt?: number;
  /** Spacing of receivedAt; default 250 ms, i.e. several mails per second. */
  stepMs?: number;
}

export interface UpdateMailOptions {
  isRead?: boolean;
  flag?: StoredMessage['flagStatus'];
  categories?: string[];
  /** Folder id, well-known name or display name. The message gets a new REST id, as in Exchange. */
  moveTo?: string;
}

export interface DeleteMailOptions {
  /** Out of the mailbox at once, instead of into Deleted Items. */
  permanent?: boolean;
  /** The `@removed` reason delta queries report for the folder it left (default `deleted`). */
  reason?: RemovedReason;
}

export interface ExpireDeltaOptions {
  /** Default: every mailbox. */
  mailbox?: string;
  /** Default `SyncStateNotFound`. */
  code?: DeltaFailureCode;
}

/** A Graph event body (as for POST /events) plus where it goes and when it was created. */
export interface AddEventOptions extends Json {
  mailbox?: string;
  /** Calendar id; default the default calendar. */
  calendar?: string;
  /** createdDateTime in epoch ms; default now(). */
  createdAt?: number;
}

export interface AddEventsOptions {
  mailbox?: string;
  calendar?: string;
  subject?: string;
  /** createdDateTime of the first event; default now() - count * stepMs. */
  startAt?: number;
  stepMs?: number;
}

/** Graph-shaped changes (subject, body, start, end, location, showAs, categories...) plus isCancelled. */
export type UpdateEventOptions = Json & { isCancelled?: boolean };

/** A mailbox's time zone and working hours (mailbox-settings.ts); what is left out stays. */
export interface MailboxSettingsOptions extends Json {
  mailbox?: string;
  timeZone?: string;
  workingHours?: { daysOfWeek?: string[]; startTime?: string; endTime?: string; timeZone?: string };
}

/** What a calendar shows in a window, as calendarView lists it (UTC, immutable ids), without faults or statistics. */
export interface CalendarViewOptions {
  mailbox?: string;
  /** Calendar id; default the default calendar. */
  calendar?: string;
  startMs: number;
  endMs: number;
}

export interface BulkResult {
  count: number;
  /** The folder or calendar id the items went to. */
  containerId: string;
  first: number;
  last: number;
}

/** A tenant as the control API describes it. */
export interface TenantInfo {
  id: string;
  domains: string[];
  displayName: string;
  cloud: CloudName;
  /** The cloud's Graph host: the audience of its tokens and the host of `.default` scopes. */
  graphHost: string;
  loginHost: string;
  users: string[];
  sharedMailboxes: string[];
}

export interface CreateTenantOptions {
  /** Verified domains; the first is the default one. */
  domains: string[];
  cloud?: CloudName;
  displayName?: string;
  /** Default: a GUID derived from the seed and the first domain. */
  id?: string;
}

export interface CreateUserOptions extends UserSpec {
  /** Default: the tenant that owns the UPN's domain. */
  tenant?: string;
  /** false: a directory user without an Exchange Online mailbox (MailboxNotEnabledForRESTAPI). */
  mailbox?: boolean;
}

export interface CreateSharedMailboxOptions {
  /** Primary SMTP address (also its UPN). */
  address: string;
  displayName?: string;
  proxyAddresses?: string[];
  tenant?: string;
}

export interface MailboxRightsOptions {
  /** The mailbox the rights are on. */
  mailbox: string;
  /** The user who gets or loses them. */
  user: string;
  /** Default on revoke: all; required on grant. */
  rights?: MailboxRight[];
}

export interface AppOptions {
  /** Default: the seeded tenant. */
  tenant?: string;
  /** Default: the seeded app. */
  clientId?: string;
}

export interface CreatedUser {
  id: string;
  userPrincipalName: string;
  mail: string;
  tenantId: string;
}

export interface EmulatorControl extends ContactControl {
  /** Delegated tokens, as after the user's consent; `tenant` (id or domain), if given, must be the user's. */
  issueTokens(options?: { mailbox?: string; tenant?: string; scope?: string }): TokenResponse;
  /** App-only tokens as the client-credentials grant gives them (no secret needed; scope default `{graph}/.default`). */
  issueAppTokens(options?: AppOptions & { scope?: string }): TokenResponse;
  tenants(): TenantInfo[];
  createTenant(options: CreateTenantOptions): TenantInfo;
  createUser(options: CreateUserOptions): CreatedUser;
  createSharedMailbox(options: CreateSharedMailboxOptions): CreatedUser;
  grantMailboxRights(options: MailboxRightsOptions): MailboxRight[];
  revokeMailboxRights(options: MailboxRightsOptions): MailboxRight[];
  /** Registers an app in a cloud (default global), with a service principal in no tenant. */
  registerApp(options: { clientId: string; clientSecret: string; cloud?: CloudName }): void;
  /**
   * Admin consent of application permissions for the app in the tenant (default roles: those the
   * component asks for). `roles: []` or null withdraws it: tokens then come without roles.
   */
  setAdminConsent(options: AppOptions & { roles?: string[] | null }): string[];
  /**
   * Replaces what a user consented to for the app (delegated permissions, e.g. to take back
   * Mail.Send); the next sign-in adds what it asks for, as a consent screen would.
   */
  setUserConsent(options: { mailbox: string; clientId?: string; scopes: string[] }): string[];
  /** The mailboxes an Exchange administrator lets the app reach app-only; null = all of the tenant. */
  setAppMailboxScope(options: AppOptions & { mailboxes: string[] | null }): string[] | null;
  expireAccessTokens(): void;
  revokeRefreshToken(refreshToken: string): boolean;
  revokeAll(): void;
  addMail(options: AddMailOptions): Record<string, unknown>;
  addMails(count: number, options?: AddMailsOptions): BulkResult;
  updateMail(id: string, changes: UpdateMailOptions): Record<string, unknown>;
  /** Graph's DELETE: into Deleted Items (from there, or `permanent`: out of the mailbox). */
  deleteMail(id: string, options?: DeleteMailOptions): void;
  /** Every delta token handed out so far (of one mailbox, or all) answers 410 with `code` from now on; returns how many sync states that drops. */
  expireDeltaTokens(options?: ExpireDeltaOptions): number;
  /** The next `rounds` (default 1) delta rounds of the mailbox (default: all) also repeat the changes of the round before them. */
  replayDelta(options?: { mailbox?: string; rounds?: number }): void;
  /** A new calendar of the mailbox (not the default), named `name`. */
  addCalendar(options: { mailbox?: string; name: string }): Record<string, unknown>;
  addEvent(options: AddEventOptions): Record<string, unknown>;
  addEvents(count: number, options?: AddEventsOptions): BulkResult;
  updateEvent(id: string, changes: UpdateEventOptions): Record<string, unknown>;
  /** As Graph's DELETE: an occurrence or exception leaves its series, a single event or a series master is gone. */
  deleteEvent(id: string): void;
  calendarView(options: CalendarViewOptions): Record<string, unknown>[];
  setMailboxSettings(options: MailboxSettingsOptions): { timeZone: string; workingHours: Json };
  sent(mailbox?: string): SentRecord[];
  /** How long submitted mail takes to be delivered and reach Sent Items from now on (transport.ts). */
  setSendDelay(ms: number): void;
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  faults(): FaultRule[];
  stats(): StatsSnapshot;
  resetStats(): void;
}

const PLAIN: RenderContext = { timeZone: UTC_ZONE, immutableIds: false };

export function createControl(world: World): EmulatorControl {
  const { directory } = world;

  const tenantOf = (name?: string): Tenant => {
    if (name === undefined) return directory.defaultTenant;
    if (typeof name !== 'string') throw new ControlError(400, "'tenant' must be a tenant id or domain");
    const tenant = directory.tenant(name);
    if (!tenant) throw new ControlError(404, `no tenant '${name}'`);
    return tenant;
  };

  const describe = (t: Tenant): TenantInfo => ({
    id: t.id, domains: [...t.domains], displayName: t.displayName, cloud: t.cloud.name, graphHost: t.cloud.graph, loginHost: t.cloud.login,
    users: t.mailboxes.filter((m) => m.kind === 'user').map((m) => m.address),
    sharedMailboxes: t.mailboxes.filter((m) => m.kind === 'shared').map((m) => m.address),
  });

  const created = (m: Mailbox): CreatedUser => ({ id: m.user.id, userPrincipalName: m.user.userPrincipalName, mail: m.address, tenantId: m.tenant.id });

  /** Azure AD's refusals surface as 400s of the control API, with their AADSTS text. */
  const asControlAad = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof AadError) throw new ControlError(err.status === 401 ? 401 : 400, `${err.error}: ${err.message}`);
      throw err;
    }
  };

  /** A new directory user's record, checked against the tenant's domains and the names already taken. */
  const newUser = (tenant: Tenant, spec: UserSpec): ReturnType<typeof userRecord> => {
    if (typeof spec.userPrincipalName !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(spec.userPrincipalName)) {
      throw new ControlError(400, "'userPrincipalName' (or 'address') must be an address such as name@domain");
    }
    const user = userRecord(world.options.seed, spec);
    for (const address of [user.userPrincipalName, user.mail, ...user.proxyAddresses]) {
      if (!tenant.domains.includes(address.split('@')[1])) throw new ControlError(400, `'${address}' is not in a domain of tenant ${tenant.domains[0]}`);
    }
    const clash = directory.taken([user.id, user.userPrincipalName, user.mail, ...user.proxyAddresses]);
    if (clash) throw new ControlError(400, `'${clash}' already names a mailbox`);
    return user;
  };

  const rightsOf = (value: unknown, fallback?: readonly MailboxRight[]): MailboxRight[] => {
    if (value === undefined && fallback) return [...fallback];
    if (!Array.isArray(value) || value.length === 0 || !value.every((r) => (MAILBOX_RIGHTS as readonly string[]).includes(r))) {
      throw new ControlError(400, `'rights' must be a non-empty array of ${MAILBOX_RIGHTS.join(', ')}`);
    }
    return value as MailboxRight[];
  };

  /** The app's service principal in a tenant, for the consent and scope settings. */
  const appIn = (options: AppOptions): { tenant: Tenant; clientId: string } => {
    const tenant = tenantOf(options.tenant);
    const clientId = options.clientId ?? world.options.clientId;
    if (!directory.app(tenant.cloud.name, clientId)) throw new ControlError(404, `app '${clientId}' is not registered in the ${tenant.cloud.name} cloud`);
    return { tenant, clientId };
  };

  const mailboxOf = (name?: string): Mailbox => {
    const mailbox = directory.mailbox(name);
    if (!mailbox) throw new ControlError(404, `no mailbox '${name}'`);
    return mailbox;
  };

  const folderOf = (mailbox: Mailbox, idOrName = 'inbox'): Folder => {
    const folder = mailbox.folder(idOrName) ?? mailbox.folderNamed(idOrName);
    if (!folder) throw new ControlError(404, `no folder '${idOrName}' in ${mailbox.address}`);
    return folder;
  };

  const findItem = <T>(id: string, find: (m: Mailbox) => T | undefined): [Mailbox, T] => {
    for (const mailbox of directory.mailboxes) {
      const item = find(mailbox);
      if (item) return [mailbox, item];
    }
    throw new ControlError(404, `no item with id '${id}'`);
  };

  /**
   * Resolves everything but subject and time once (folder, addresses, attachments) and returns a
   * maker for drafts: bulk inserts share these instead of re-parsing per mail. Stored messages
   * never mutate them in place, so sharing is safe.
   */
  const mailMaker = (mailbox: Mailbox, o: Partial<AddMailOptions>): ((receivedAt: number, subject: string) => NewMessage) => {
    if (o.from === undefined) throw new ControlError(400, "'from' is required");
    const shared = {
      folderId: folderOf(mailbox, o.folder).id,
      from: toEmailAddress(o.from),
      to: (o.to ?? [mailbox.address]).map(toEmailAddress),
      cc: (o.cc ?? []).map(toEmailAddress),
      bcc: (o.bcc ?? []).map(toEmailAddress),
      attachments: (o.attachments ?? []).map(attachmentOf),
      body: o.body,
      bodyContentType: o.bodyContentType,
      sentAt: o.sentAt,
      isRead: o.isRead,
      importance: o.importance,
      hasAttachments: o.hasAttachments,
      flagStatus: o.flag,
      categories: o.categories,
      inferenceClassification: o.inferenceClassification,
      conversationId: o.conversationId,
    };
    return (receivedAt, subject) => composeMessage(shared, { subject, receivedAt }, mailbox.ids.hex(20));
  };

  const eventDraft = (mailbox: Mailbox, o: AddEventOptions, createdAt: number): NewEvent => {
    const calendar = o.calendar === undefined ? mailbox.calendar() : mailbox.calendar(o.calendar);
    if (!calendar) throw new ControlError(404, `no calendar '${o.calendar}' in ${mailbox.address}`);
    const start = createdAt + 24 * 3600 * 1000;
    const json: Json = {
      start: { dateTime: wallTicks(start), timeZone: 'UTC' },
      end: { dateTime: wallTicks(start + 30 * 60 * 1000), timeZone: 'UTC' },
      ...o,
    };
    return readEvent(json, mailbox, calendar.id, createdAt);
  };

  const attachmentOf = (a: NonNullable<AddMailOptions['attachments']>[number]): AttachmentInfo => {
    if (!a || typeof a.name !== 'string' || !a.name) throw new ControlError(400, "each attachment needs a 'name'");
    const size = a.text !== undefined ? Buffer.byteLength(String(a.text)) : a.size ?? 0;
    if (!Number.isInteger(size) || size < 0) throw new ControlError(400, `attachment '${a.name}': 'size' must be a whole number of bytes`);
    if (a.kind !== undefined && !['file', 'item', 'reference'].includes(a.kind)) throw new ControlError(400, "'kind' must be file, item or reference");
    return { ...a, contentType: a.contentType ?? 'application/octet-stream', size };
  };

  /** Graph validation errors surface as 400s of the control API. */
  const asControl = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof GraphError) throw new ControlError(err.status, `${err.code}: ${err.message}`);
      throw err;
    }
  };

  const timestamp = (value: number | undefined, name: string): number => {
    if (value === undefined) return world.now();
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ControlError(400, `'${name}' must be epoch milliseconds`);
    // Stored at whole ms; $filter literals finer than that still compare exactly (see odata.ts).
    return Math.round(value);
  };

  /** Timestamps for a bulk insert: `count` of them, `stepMs` apart, the last one near now(). */
  const bulkTimes = (count: number, stepMs = 250, startAt?: number): number[] => {
    if (!Number.isInteger(count) || count < 1) throw new ControlError(400, 'count must be a positive integer');
    const first = startAt ?? world.now() - count * stepMs;
    return Array.from({ length: count }, (_, i) => Math.round(first + i * stepMs));
  };

  return {
    ...createContactControl(world, mailboxOf, (status, message) => new ControlError(status, message)),
    issueTokens(options = {}) {
      const user = mailboxOf(options.mailbox);
      if (options.tenant !== undefined && tenantOf(options.tenant) !== user.tenant) {
        throw new ControlError(400, `${user.address} is not a user of tenant ${options.tenant} (AADSTS50020)`);
      }
      return asControlAad(() => world.tokens.issueDelegated(signIn(directory, user, world.options.clientId, options.scope ?? DEFAULT_SCOPE)));
    },

    issueAppTokens(options = {}) {
      const alias = options.tenant === undefined ? undefined : tenantAlias(options.tenant);
      if (alias) {
        const refusal = aliasRefusedForApps(alias);
        throw new ControlError(400, `${refusal.error}: ${refusal.message}`);
      }
      const tenant = tenantOf(options.tenant);
      const scope = options.scope ?? `${tenant.cloud.graph}/.default`;
      return asControlAad(() => world.tokens.issueApp(appSignIn(directory, tenant, options.clientId ?? world.options.clientId, scope)));
    },

    tenants: () => directory.tenants.map(describe),

    createTenant(options) {
      const domains = Array.isArray(options.domains) ? options.domains.map((d) => String(d).toLowerCase()) : [];
      if (!domains.length || !domains.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))) throw new ControlError(400, "'domains' must list at least one domain name");
      const cloud = options.cloud ?? 'global';
      if (!isCloudName(cloud)) throw new ControlError(400, `'cloud' must be one of ${Object.keys(CLOUDS).join(', ')}`);
      const id = (options.id ?? deterministicGuid(world.options.seed, 'tenant', domains[0])).toLowerCase();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw new ControlError(400, "'id' must be a GUID");
      const clash = [id, ...domains].find((name) => directory.tenant(name) || tenantAlias(name));
      if (clash) throw new ControlError(400, `'${clash}' already names a tenant`);
      return describe(directory.addTenant(new Tenant(id, domains, options.displayName ?? domains[0], CLOUDS[cloud])));
    },

    createUser(options) {
      const upn = typeof options.userPrincipalName === 'string' ? options.userPrincipalName : '';
      const tenant = options.tenant === undefined ? directory.tenant(upn.split('@')[1] ?? '') ?? tenantOf(undefined) : tenantOf(options.tenant);
      const user = newUser(tenant, { ...options, accountEnabled: true });
      return created(provisionMailbox(directory, tenant, user, world.options.seed, 'user', options.mailbox !== false));
    },

    createSharedMailbox(options) {
      const address = typeof options.address === 'string' ? options.address : '';
      const tenant = options.tenant === undefined ? directory.tenant(address.split('@')[1] ?? '') ?? tenantOf(undefined) : tenantOf(options.tenant);
      const user = newUser(tenant, {
        userPrincipalName: address, displayName: options.displayName ?? address.split('@')[0], proxyAddresses: options.proxyAddresses, accountEnabled: false,
      });
      return created(provisionMailbox(directory, tenant, user, world.options.seed, 'shared'));
    },

    grantMailboxRights(options) {
      const target = mailboxOf(options.mailbox);
      const grantee = mailboxOf(options.user);
      if (grantee.tenant !== target.tenant) throw new ControlError(400, 'mailbox rights are granted within one tenant');
      if (grantee.kind !== 'user') throw new ControlError(400, `${grantee.address} is a shared mailbox: nobody signs in as it`);
      target.grant(grantee.user.id, rightsOf(options.rights));
      return target.rightsOf(grantee.user.id);
    },

    revokeMailboxRights(options) {
      const target = mailboxOf(options.mailbox);
      const grantee = mailboxOf(options.user);
      target.revoke(grantee.user.id, rightsOf(options.rights, MAILBOX_RIGHTS));
      return target.rightsOf(grantee.user.id);
    },

    registerApp(options) {
      const cloud = options.cloud ?? 'global';
      if (!isCloudName(cloud)) throw new ControlError(400, `'cloud' must be one of ${Object.keys(CLOUDS).join(', ')}`);
      if (typeof options.clientId !== 'string' || !options.clientId || typeof options.clientSecret !== 'string' || !options.clientSecret) {
        throw new ControlError(400, "'clientId' and 'clientSecret' are required");
      }
      if (directory.app(cloud, options.clientId)) throw new ControlError(400, `app '${options.clientId}' is already registered in the ${cloud} cloud`);
      directory.registerApp({ clientId: options.clientId, clientSecret: options.clientSecret, cloud });
    },

    setAdminConsent(options) {
      const { tenant, clientId } = appIn(options);
      const roles = options.roles === undefined ? [...DEFAULT_APP_ROLES] : options.roles ?? [];
      if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string' && r)) throw new ControlError(400, "'roles' must be an array of permission names, or null");
      // Admin consent provisions the app in the tenant if it was not there yet.
      const sp = servicePrincipal(tenant, clientId);
      sp.roles = [...new Set(roles)];
      return [...sp.roles];
    },

    setUserConsent(options) {
      const user = mailboxOf(options.mailbox);
      const { tenant, clientId } = appIn({ tenant: user.tenant.id, clientId: options.clientId });
      if (!Array.isArray(options.scopes) || !options.scopes.every((s) => typeof s === 'string' && s)) {
        throw new ControlError(400, "'scopes' must be an array of permission names");
      }
      const scopes = asControlAad(() => mergeScopes(delegatedScopes(options.scopes.join(' '), tenant.cloud, tenant.displayName)));
      servicePrincipal(tenant, clientId).userConsents.set(user.user.id, scopes);
      return scopes;
    },

    setAppMailboxScope(options) {
      const { tenant, clientId } = appIn(options);
      const sp = tenant.servicePrincipals.get(clientId);
      if (!sp) throw new ControlError(404, `app '${clientId}' has no service principal in tenant ${tenant.domain}: consent first`);
      if (options.mailboxes === null) {
        sp.mailboxScope = null;
        return null;
      }
      if (!Array.isArray(options.mailboxes)) throw new ControlError(400, "'mailboxes' must be an array of mailboxes, or null");
      const mailboxes = options.mailboxes.map((name) => mailboxOf(name));
      const foreign = mailboxes.find((m) => m.tenant !== tenant);
      if (foreign) throw new ControlError(400, `${foreign.address} is not in tenant ${tenant.domain}`);
      sp.mailboxScope = new Set(mailboxes.map((m) => m.user.id));
      return mailboxes.map((m) => m.address);
    },

    expireAccessTokens: () => world.tokens.expireAccessTokens(),
    revokeRefreshToken: (refreshToken) => world.tokens.revokeRefreshToken(refreshToken),
    revokeAll: () => world.tokens.revokeAll(),

    addMail(options) {
      const mailbox = mailboxOf(options.mailbox);
      if (typeof options.subject !== 'string') throw new ControlError(400, "'subject' is required");
      const draft = mailMaker(mailbox, options)(timestamp(options.receivedAt, 'receivedAt'), options.subject);
      return render(MESSAGE, mailbox.insertMessage(draft), PLAIN);
    },

    addMails(count, options = {}) {
      const mailbox = mailboxOf(options.mailbox);
      const times = bulkTimes(count, options.stepMs, options.startAt);
      const subject = options.subject ?? 'Bulk message';
      const make = mailMaker(mailbox, { from: 'sender@fabrikam.example', ...options });
      const stored = mailbox.insertMessages(times.map((t, i) => make(t, `${subject} #${i + 1}`)));
      return { count, containerId: stored[0].folderId, first: times[0], last: times[times.length - 1] };
    },

    updateMail(id, changes) {
      const [mailbox, message] = findItem(id, (m) => m.message(id));
      changeMail(mailbox, message, {
        isRead: changes.isRead,
        flagStatus: changes.flag,
        categories: changes.categories,
        moveTo: changes.moveTo === undefined ? undefined : folderOf(mailbox, changes.moveTo),
      }, world.now());
      return render(MESSAGE, message, PLAIN);
    },

    deleteMail(id, options = {}) {
      const [mailbox, message] = findItem(id, (m) => m.message(id));
      if (options.reason !== undefined && options.reason !== 'deleted' && options.reason !== 'changed') throw new ControlError(400, "'reason' must be deleted or changed");
      mailbox.deleteMessage(message, world.now(), options.permanent === true, options.reason);
    },

    expireDeltaTokens(options = {}) {
      const code = options.code ?? 'SyncStateNotFound';
      if (!Object.hasOwn(DELTA_FAILURES, code)) throw new ControlError(400, `'code' must be one of ${Object.keys(DELTA_FAILURES).join(', ')}`);
      const mailboxes = options.mailbox === undefined ? directory.mailboxes : [mailboxOf(options.mailbox)];
      return mailboxes.reduce((sum, mailbox) => sum + mailbox.delta.store.expire(DELTA_FAILURES[code]), 0);
    },

    replayDelta(options = {}) {
      const rounds = options.rounds ?? 1;
      if (!Number.isInteger(rounds) || rounds < 0) throw new ControlError(400, "'rounds' must be a non-negative integer");
      const mailboxes = options.mailbox === undefined ? directory.mailboxes : [mailboxOf(options.mailbox)];
      for (const mailbox of mailboxes) mailbox.delta.store.replay(rounds);
    },

    addCalendar({ mailbox: name, name: calendarName }) {
      const mailbox = mailboxOf(name);
      if (typeof calendarName !== 'string' || !calendarName.trim()) throw new ControlError(400, "'name' is required");
      if (mailbox.calendars.some((c) => c.name.toLowerCase() === calendarName.toLowerCase())) throw new ControlError(409, `a calendar '${calendarName}' already exists in ${mailbox.address}`);
      return render(CALENDAR, mailbox.createCalendar(calendarName, 'auto', ''), PLAIN);
    },

    addEvent(options) {
      const mailbox = mailboxOf(options.mailbox);
      const draft = asControl(() => eventDraft(mailbox, options, timestamp(options.createdAt, 'createdAt')));
      return render(EVENT, mailbox.insertEvents([draft])[0], PLAIN);
    },

    addEvents(count, options = {}) {
      const mailbox = mailboxOf(options.mailbox);
      const times = bulkTimes(count, options.stepMs, options.startAt);
      const subject = options.subject ?? 'Bulk event';
      const drafts = asControl(() => times.map((t, i) => eventDraft(mailbox, { calendar: options.calendar, subject: `${subject} #${i + 1}` }, t)));
      const stored = mailbox.insertEvents(drafts);
      return { count, containerId: stored[0].calendarId, first: times[0], last: times[times.length - 1] };
    },

    updateEvent(id, changes) {
      const [mailbox, event] = findItem(id, (m) => findEvent(m, id));
      const { isCancelled, ...graphChanges } = changes;
      // An occurrence id makes (or changes) an exception, as a PATCH of it does.
      if (event.instance) return render(EVENT_INSTANCE, asControl(() => updateOccurrence(mailbox, event, graphChanges, world.now(), isCancelled)), PLAIN);
      asControl(() => changeEvent(mailbox, event, graphChanges, world.now(), isCancelled));
      return render(EVENT, event, PLAIN);
    },

    deleteEvent(id) {
      const [mailbox, event] = findItem(id, (m) => findEvent(m, id));
      removeEvent(mailbox, event, world.now());
    },

    calendarView(options) {
      const mailbox = mailboxOf(options.mailbox);
      const calendar = options.calendar === undefined ? mailbox.calendar() : mailbox.calendar(options.calendar);
      if (!calendar) throw new ControlError(404, `no calendar '${options.calendar}' in ${mailbox.address}`);
      if (!Number.isFinite(options.startMs) || !Number.isFinite(options.endMs)) throw new ControlError(400, "'startMs' and 'endMs' must be epoch milliseconds");
      const window = { startMs: options.startMs, endMs: options.endMs };
      return calendarView(mailbox.calendarEvents(calendar).index('createdDateTime').items, window)
        .sort((a, b) => a.startMs - b.startMs)
        .map((e) => render(EVENT_INSTANCE, e, PLAIN));
    },

    setMailboxSettings(options) {
      const { mailbox: name, ...changes } = options;
      try {
        const settings = changeSettings(mailboxOf(name), changes);
        return { timeZone: settings.timeZone, workingHours: renderWorkingHours(settings.workingHours) };
      } catch (err) {
        if (err instanceof InvalidSettings) throw new ControlError(400, err.message);
        throw err;
      }
    },

    sent: (mailbox) => {
      deliverDue(world);
      return mailboxOf(mailbox).sent.map((r) => ({ ...r }));
    },
    setSendDelay: (ms) => {
      if (!Number.isInteger(ms) || ms < 0) throw new ControlError(400, "'ms' must be a whole number of milliseconds, 0 or more");
      world.options.sendDelayMs = ms;
      deliverDue(world);
    },
    setFaults: (rules) => world.faults.set(rules),
    clearFaults: () => world.faults.clear(),
    faults: () => world.faults.list(),
    stats: () => world.stats.snapshot(),
    resetStats: () => world.stats.reset(),
  };
}
