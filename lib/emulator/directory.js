"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Directory = exports.TENANT_DOMAIN = void 0;
exports.TENANT_DOMAIN = 'contoso.example';
/** Tenant aliases the identity platform accepts besides the tenant id and domain. */
const MULTI_TENANT = ['common', 'organizations', 'consumers'];
class Directory {
    tenantId;
    mailboxes;
    byKey = new Map();
    constructor(tenantId, mailboxes) {
        this.tenantId = tenantId;
        this.mailboxes = mailboxes;
        for (const mailbox of mailboxes) {
            this.byKey.set(mailbox.user.id.toLowerCase(), mailbox);
            this.byKey.set(mailbox.address.toLowerCase(), mailbox);
        }
    }
    get primary() {
        return this.mailboxes[0];
    }
    /** By user id or UPN (= primary SMTP address here), case-insensitively; undefined = primary. */
    mailbox(idOrUpn) {
        return idOrUpn === undefined ? this.primary : this.byKey.get(idOrUpn.toLowerCase());
    }
    knowsTenant(tenant) {
        const t = tenant.toLowerCase();
        return t === this.tenantId || t === exports.TENANT_DOMAIN || MULTI_TENANT.includes(t);
    }
}
exports.Directory = Directory;
