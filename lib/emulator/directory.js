"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Directory = exports.Tenant = exports.TENANT_ALIASES = exports.TENANT_DOMAIN = void 0;
exports.tenantAlias = tenantAlias;
exports.TENANT_DOMAIN = 'contoso.example';
/** Tenant aliases the identity platform accepts besides a tenant id or domain. */
exports.TENANT_ALIASES = ['common', 'organizations', 'consumers'];
function tenantAlias(name) {
    const lower = name.toLowerCase();
    return exports.TENANT_ALIASES.find((a) => a === lower);
}
class Tenant {
    id;
    domains;
    displayName;
    cloud;
    mailboxes = [];
    servicePrincipals = new Map();
    constructor(id, 
    /** Verified domains; the first is the default one. */
    domains, displayName, cloud) {
        this.id = id;
        this.domains = domains;
        this.displayName = displayName;
        this.cloud = cloud;
    }
    get domain() {
        return this.domains[0];
    }
    /** By tenant id or any verified domain, case-insensitively. */
    isNamed(name) {
        const lower = name.toLowerCase();
        return lower === this.id || this.domains.includes(lower);
    }
}
exports.Tenant = Tenant;
class Directory {
    tenantId;
    tenants = [];
    /** Every mailbox of every tenant, in creation order (the seeded primary and secondary first). */
    mailboxes = [];
    byKey = new Map();
    apps = new Map();
    /** @param tenantId the seeded default tenant, where `/common` sign-ins without a hint land. */
    constructor(tenantId) {
        this.tenantId = tenantId;
    }
    get defaultTenant() {
        return this.tenant(this.tenantId);
    }
    get primary() {
        return this.defaultTenant.mailboxes[0];
    }
    addTenant(tenant) {
        this.tenants.push(tenant);
        return tenant;
    }
    /** By tenant id or verified domain; aliases (common...) are not tenants. */
    tenant(name) {
        return this.tenants.find((t) => t.isNamed(name));
    }
    /** A name already taken by another mailbox (object id, UPN or SMTP address), if any. */
    taken(keys) {
        return keys.find((k) => this.byKey.has(k.toLowerCase()));
    }
    addMailbox(mailbox) {
        for (const key of [mailbox.user.id, ...mailbox.addresses])
            this.byKey.set(key.toLowerCase(), mailbox);
        this.mailboxes.push(mailbox);
        mailbox.tenant.mailboxes.push(mailbox);
        return mailbox;
    }
    /**
     * By object id, user principal name or any SMTP address, case-insensitively (Exchange resolves
     * them all to the mailbox); undefined = the primary. Across tenants: callers check the tenant.
     */
    mailbox(key) {
        return key === undefined ? this.primary : this.byKey.get(key.toLowerCase());
    }
    registerApp(app) {
        this.apps.set(`${app.cloud} ${app.clientId}`, app);
    }
    app(cloud, clientId) {
        return this.apps.get(`${cloud} ${clientId}`);
    }
    /** Whether any cloud knows this client id (the authorize endpoint, before the user is known). */
    knowsApp(clientId) {
        return [...this.apps.values()].some((a) => a.clientId === clientId);
    }
}
exports.Directory = Directory;
