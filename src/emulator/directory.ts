/** The tenant: its ids and names, and its mailboxes by id, UPN or address. */
import type { Mailbox } from './mailbox';

export const TENANT_DOMAIN = 'contoso.example';
/** Tenant aliases the identity platform accepts besides the tenant id and domain. */
const MULTI_TENANT = ['common', 'organizations', 'consumers'];

export class Directory {
  private readonly byKey = new Map<string, Mailbox>();

  constructor(readonly tenantId: string, readonly mailboxes: readonly Mailbox[]) {
    for (const mailbox of mailboxes) {
      this.byKey.set(mailbox.user.id.toLowerCase(), mailbox);
      this.byKey.set(mailbox.address.toLowerCase(), mailbox);
    }
  }

  get primary(): Mailbox {
    return this.mailboxes[0];
  }

  /** By user id or UPN (= primary SMTP address here), case-insensitively; undefined = primary. */
  mailbox(idOrUpn?: string): Mailbox | undefined {
    return idOrUpn === undefined ? this.primary : this.byKey.get(idOrUpn.toLowerCase());
  }

  knowsTenant(tenant: string): boolean {
    const t = tenant.toLowerCase();
    return t === this.tenantId || t === TENANT_DOMAIN || MULTI_TENANT.includes(t);
  }
}
