/**
 * Microsoft Graph permissions: the application permissions an app-only credential needs (README
 * "Application permissions" lists the same), and which one a request needs, so that a refusal can
 * name the permission that is missing. From the "Permissions" table of each API's page in the Graph
 * reference (user-list-messages, user-sendmail, user-post-events, ...).
 */

export interface AppPermission {
  name: string;
  /** What needs it, for messages. */
  usedBy: string;
  /** Whether a step of today fails without it (the others are for planned steps). */
  neededNow: boolean;
}

export const APP_PERMISSIONS: readonly AppPermission[] = [
  { name: 'Mail.ReadWrite', usedBy: 'reading mail and folders', neededNow: true },
  { name: 'Mail.Send', usedBy: 'Send Mail', neededNow: true },
  { name: 'Calendars.ReadWrite', usedBy: 'reading and creating events, free/busy', neededNow: true },
  { name: 'Contacts.ReadWrite', usedBy: 'the contact steps', neededNow: true },
  { name: 'MailboxSettings.Read', usedBy: "the mailbox's time zone (planned steps)", neededNow: false },
];

export interface NeededPermission {
  /** The least permission that allows the request, as Graph's reference names it. */
  name: string;
  /** Every permission that allows it (a write permission also allows reading). */
  satisfiedBy: readonly string[];
}

const READ_OR_WRITE = (area: string): NeededPermission => ({ name: `${area}.Read`, satisfiedBy: [`${area}.Read`, `${area}.ReadWrite`] });
const WRITE = (area: string): NeededPermission => ({ name: `${area}.ReadWrite`, satisfiedBy: [`${area}.ReadWrite`] });

/** The permission a request on a mailbox needs, or undefined when the path is not a mailbox resource. */
export function neededPermission(method: string, path: string): NeededPermission | undefined {
  const resource = path.split('?')[0];
  const reading = method.toUpperCase() === 'GET';
  if (/\/sendMail$|\/messages\/[^/]+\/send$/i.test(resource)) return { name: 'Mail.Send', satisfiedBy: ['Mail.Send'] };
  if (/\/(mailFolders|messages)(\/|$)/i.test(resource)) return reading ? READ_OR_WRITE('Mail') : WRITE('Mail');
  // getSchedule is a POST that only reads (calendar-getschedule.md: Calendars.Read).
  if (/\/calendar\/getSchedule$/i.test(resource)) return READ_OR_WRITE('Calendars');
  if (/\/(calendar|calendars|events|calendarView)(\/|$)/i.test(resource)) return reading ? READ_OR_WRITE('Calendars') : WRITE('Calendars');
  if (/\/(contacts|contactFolders)(\/|$)/i.test(resource)) return reading ? READ_OR_WRITE('Contacts') : WRITE('Contacts');
  if (/\/mailboxSettings(\/|$)/i.test(resource)) return reading ? READ_OR_WRITE('MailboxSettings') : WRITE('MailboxSettings');
  return undefined;
}

/** Whether the roles (case-insensitive, as Azure AD compares them) include one that allows `needed`. */
export function rolesAllow(roles: readonly string[], needed: NeededPermission): boolean {
  const held = new Set(roles.map((role) => role.toLowerCase()));
  return needed.satisfiedBy.some((name) => held.has(name.toLowerCase()));
}

/** The application permissions of APP_PERMISSIONS that `roles` lacks. */
export function missingAppPermissions(roles: readonly string[]): AppPermission[] {
  const held = new Set(roles.map((role) => role.toLowerCase()));
  return APP_PERMISSIONS.filter((permission) => !held.has(permission.name.toLowerCase()));
}
