/**
 * The directory: tenants (each in one cloud), their mailboxes (users and shared mailboxes) found by
 * object id, user principal name or any SMTP address, and the registered apps with their service
 * principals (admin consent, Exchange mailbox scope) per tenant.
 */
import type { Cloud, CloudName } from './clouds';
import type { Mailbox } from './mailbox';

export const TENANT_DOMAIN = 'contoso.example';
/** Tenant aliases the identity platform accepts besides a tenant id or domain. */
export const TENANT_ALIASES = ['common', 'organizations', 'consumers'] as const;
export type TenantAlias = typeof TENANT_ALIASES[number];

export function tenantAlias(name: string): TenantAlias | undefined {
  const lower = name.toLowerCase();
  return TENANT_ALIASES.find((a) => a === lower);
}

/** An app in a tenant (Entra's "enterprise application"), and what admins granted it there. */
export interface ServicePrincipal {
  clientId: string;
  /** The service principal's object id: the `oid` of its app-only tokens. */
  id: string;
  /** Application permissions an administrator consented to; empty = no admin consent. */
  roles: string[];
  /**
   * Delegated permissions each user (by object id) consented to. Azure AD puts every consented
   * permission of the resource in a token, not only those a sign-in asked for.
   */
  userConsents: Map<string, string[]>;
  /**
   * Mailbox object ids the app may reach app-only, as an Exchange administrator limits it (RBAC for
   * Applications, or the older application access policies); null = every mailbox of the tenant.
   */
  mailboxScope: Set<string> | null;
}

/** An app registration. Registrations are per cloud: the same app has to be registered in each. */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  cloud: CloudName;
}

export class Tenant {
  readonly mailboxes: Mailbox[] = [];
  readonly servicePrincipals = new Map<string, ServicePrincipal>();

  constructor(
    readonly id: string,
    /** Verified domains; the first is the default one. */
    readonly domains: readonly string[],
    readonly displayName: string,
    readonly cloud: Cloud,
  ) {}

  get domain(): string {
    return this.domains[0];
  }

  /** By tenant id or any verified domain, case-insensitively. */
  isNamed(name: string): boolean {
    const lower = name.toLowerCase();
    return lower === this.id || this.domains.includes(lower);
  }
}

export class Directory {
  readonly tenants: Tenant[] = [];
  /** Every mailbox of every tenant, in creation order (the seeded primary and secondary first). */
  readonly mailboxes: Mailbox[] = [];
  private readonly byKey = new Map<string, Mailbox>();
  private readonly apps = new Map<string, AppRegistration>();

  /** @param tenantId the seeded default tenant, where `/common` sign-ins without a hint land. */
  constructor(readonly tenantId: string) {}

  get defaultTenant(): Tenant {
    return this.tenant(this.tenantId) as Tenant;
  }

  get primary(): Mailbox {
    return this.defaultTenant.mailboxes[0];
  }

  addTenant(tenant: Tenant): Tenant {
    this.tenants.push(tenant);
    return tenant;
  }

  /** By tenant id or verified domain; aliases (common...) are not tenants. */
  tenant(name: string): Tenant | undefined {
    return this.tenants.find((t) => t.isNamed(name));
  }

  /** A name already taken by another mailbox (object id, UPN or SMTP address), if any. */
  taken(keys: readonly string[]): string | undefined {
    return keys.find((k) => this.byKey.has(k.toLowerCase()));
  }

  addMailbox(mailbox: Mailbox): Mailbox {
    for (const key of [mailbox.user.id, ...mailbox.addresses]) this.byKey.set(key.toLowerCase(), mailbox);
    this.mailboxes.push(mailbox);
    mailbox.tenant.mailboxes.push(mailbox);
    return mailbox;
  }

  /**
   * By object id, user principal name or any SMTP address, case-insensitively (Exchange resolves
   * them all to the mailbox); undefined = the primary. Across tenants: callers check the tenant.
   */
  mailbox(key?: string): Mailbox | undefined {
    return key === undefined ? this.primary : this.byKey.get(key.toLowerCase());
  }

  registerApp(app: AppRegistration): void {
    this.apps.set(`${app.cloud} ${app.clientId}`, app);
  }

  app(cloud: CloudName, clientId: string): AppRegistration | undefined {
    return this.apps.get(`${cloud} ${clientId}`);
  }

  /** Whether any cloud knows this client id (the authorize endpoint, before the user is known). */
  knowsApp(clientId: string): boolean {
    return [...this.apps.values()].some((a) => a.clientId === clientId);
  }
}
