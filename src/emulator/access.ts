/**
 * Who may do what on a mailbox, decided as Graph and Exchange Online decide it:
 *
 * 1. Permissions in the token. Each route needs a Graph permission (the "Permissions" table of its
 *    API page in microsoft-graph-docs, e.g. user-list-messages.md: Mail.Read or Mail.ReadWrite;
 *    message-update.md: Mail.ReadWrite; user-sendmail.md: Mail.Send; user-get.md: User.Read.All
 *    for apps). A delegated token reaches another user's or a shared mailbox only through the
 *    `.Shared` variants (concepts/outlook-share-messages-folders.md, outlook-send-mail-from-other-user.md),
 *    which also cover the user's own mailbox. Missing: 403 ErrorAccessDenied "Access is denied.
 *    Check credentials and try again." (Exchange's answer, reported verbatim in public threads,
 *    e.g. microsoftgraph/aspnetcore-connect-sample#37); for the directory's user object, 403
 *    Authorization_RequestDenied "Insufficient privileges to complete the operation.".
 * 2. Exchange mailbox rights for delegated access to another mailbox: Full Access (see mailbox.ts);
 *    missing: 403 ErrorAccessDenied, same message. Folder-level sharing is not modelled.
 * 3. For app-only tokens, the Exchange administrator's mailbox scope for the app: outside it 403
 *    ErrorAccessDenied "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly
 *    AccessPolicy settings." (the published body, concepts/auth-limit-mailbox-access.md, shows the
 *    first sentence; live answers add the [RAOP] part). Microsoft publishes no body for RBAC for
 *    Applications scopes; the emulator answers the same.
 *
 * The delegated user object (/me, /users/{id} without a path) is not scope-checked: Azure AD adds
 * consented scopes such as User.Read to every token of the app, which the emulator does not track.
 */
import type { ServicePrincipal } from './directory';
import { GraphError } from './errors';
import type { Mailbox } from './mailbox';

export type Permission = 'User' | 'Mail.Read' | 'Mail.ReadWrite' | 'Mail.Send' | 'Calendars.Read' | 'Calendars.ReadWrite' | 'Contacts.Read' | 'Contacts.ReadWrite'
  | 'Calendars.Read.Shared' | 'MailboxSettings.Read';
type MailboxPermission = Exclude<Permission, 'User'>;

/** The caller behind a Graph request, from its token. */
export type Caller =
  | { kind: 'delegated'; user: Mailbox; scopes: ReadonlySet<string> }
  | { kind: 'app'; clientId: string; roles: ReadonlySet<string>; servicePrincipal: ServicePrincipal | undefined };

/** Delegated scopes that grant each permission on the signed-in user's own mailbox. */
const DELEGATED: Record<MailboxPermission, readonly string[]> = {
  'Mail.Read': ['Mail.Read', 'Mail.ReadWrite', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  'Mail.ReadWrite': ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'],
  'Mail.Send': ['Mail.Send', 'Mail.Send.Shared'],
  'Calendars.Read': ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  'Calendars.ReadWrite': ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
  'Contacts.Read': ['Contacts.Read', 'Contacts.ReadWrite', 'Contacts.Read.Shared', 'Contacts.ReadWrite.Shared'],
  // findMeetingTimes asks for the .Shared scopes even on the user's own mailbox (user-findmeetingtimes.md).
  'Calendars.Read.Shared': ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
  // No .Shared variant exists: another user's mailbox settings are out of a delegated token's reach.
  'MailboxSettings.Read': ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  'Contacts.ReadWrite': ['Contacts.ReadWrite', 'Contacts.ReadWrite.Shared'],
};

/** Application permissions that grant each permission on any mailbox of the tenant. */
const APPLICATION: Record<Permission, readonly string[]> = {
  User: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  'Mail.Read': ['Mail.Read', 'Mail.ReadWrite'],
  'Mail.ReadWrite': ['Mail.ReadWrite'],
  'Mail.Send': ['Mail.Send'],
  'Calendars.Read': ['Calendars.Read', 'Calendars.ReadWrite'],
  'Calendars.ReadWrite': ['Calendars.ReadWrite'],
  'Contacts.Read': ['Contacts.Read', 'Contacts.ReadWrite'],
  // findMeetingTimes: "Application: Not supported".
  'Calendars.Read.Shared': [],
  'MailboxSettings.Read': ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  'Contacts.ReadWrite': ['Contacts.ReadWrite'],
};

export const accessDenied = (): GraphError => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

const outsideAppScope = (): GraphError => new GraphError(403, 'ErrorAccessDenied',
  'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.');

/** Case-insensitive membership: scope names are case-insensitive in Azure AD. */
function holdsAny(held: ReadonlySet<string>, wanted: readonly string[]): boolean {
  return wanted.some((w) => held.has(w.toLowerCase()));
}

/** Whether a delegated token's scopes allow `permission` on a mailbox other than the user's own. */
export function delegatedAllows(scopes: ReadonlySet<string>, permission: MailboxPermission, own: boolean): boolean {
  const accepted = DELEGATED[permission].filter((s) => own || s.endsWith('.Shared'));
  return holdsAny(scopes, accepted);
}

/** Throws the GraphError Graph answers when `caller` may not use `permission` on `mailbox`. */
export function authorize(caller: Caller, mailbox: Mailbox, permission: Permission): void {
  if (caller.kind === 'app') {
    if (!holdsAny(caller.roles, APPLICATION[permission])) {
      throw permission === 'User'
        ? new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
        : accessDenied();
    }
    const scope = caller.servicePrincipal?.mailboxScope;
    if (permission !== 'User' && scope && !scope.has(mailbox.user.id)) throw outsideAppScope();
    return;
  }
  if (permission === 'User') return;
  const own = caller.user === mailbox;
  if (!delegatedAllows(caller.scopes, permission, own)) throw accessDenied();
  if (!own && !mailbox.hasRight(caller.user.user.id, 'fullAccess')) throw accessDenied();
}
