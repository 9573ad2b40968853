/**
 * Deterministic starting data: two mailboxes with nested folders (enough of them to page),
 * mail spread over the last 30 days (some within the same second, to exercise the
 * whole-second quirk), two calendars with single events and series masters, and contacts
 * (seed-contacts.ts).
 * Around them: a shared mailbox, one tenant in each national cloud with a user and a shared
 * mailbox, mailbox rights, and the seeded app registered and admin-consented everywhere.
 */
import { CLOUDS } from './clouds';
import type { CloudName } from './clouds';
import { composeMessage, toEmailAddress } from './compose';
import { Directory, Tenant, TENANT_DOMAIN } from './directory';
import { readEvent } from './event-input';
import { DAYS_OF_WEEK } from './recurrence';
import { seedSeries } from './seed-series';
import type { EventSpan } from './event-input';
import { deterministicGuid } from './ids';
import { Mailbox } from './mailbox';
import { seedContacts } from './seed-contacts';
import type { MailboxKind, NewMessage, WellKnownFolder } from './mailbox';
import { CONSENTED_SCOPES, DEFAULT_APP_ROLES } from './scopes';
import type { Folder, User } from './model';
import type { Rng } from './rng';
import { createRng } from './rng';
import { wallTicks } from './timefmt';
import { graphTimeZone, utcToWall } from './timezones';
import type { ResolvedZone } from './timezones';

const DAY = 24 * 3600 * 1000;

/** What describes a directory user (seeded or created through the control API). */
export interface UserSpec {
  userPrincipalName: string;
  displayName?: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  officeLocation?: string;
  /** Primary SMTP address; default the UPN. */
  mail?: string;
  proxyAddresses?: string[];
  accountEnabled?: boolean;
}

/** A user record; the object id derives from the seed and the UPN, so it is stable across runs. */
export function userRecord(seed: number, spec: UserSpec): User {
  const upn = spec.userPrincipalName.toLowerCase();
  return {
    id: deterministicGuid(seed, 'user', upn),
    displayName: spec.displayName ?? upn.split('@')[0],
    givenName: spec.givenName ?? '',
    surname: spec.surname ?? '',
    userPrincipalName: upn,
    mail: (spec.mail ?? upn).toLowerCase(),
    proxyAddresses: (spec.proxyAddresses ?? []).map((a) => a.toLowerCase()),
    accountEnabled: spec.accountEnabled ?? true,
    jobTitle: spec.jobTitle ?? '',
    officeLocation: spec.officeLocation ?? '',
    mobilePhone: null,
    businessPhones: ['+1 425 555 0109'],
    preferredLanguage: 'en-US',
  };
}

function makeUser(seed: number, given: string, surname: string, jobTitle: string, office: string, domain = TENANT_DOMAIN): User {
  return userRecord(seed, {
    userPrincipalName: `${given}.${surname}@${domain}`, displayName: `${given} ${surname}`, givenName: given, surname, jobTitle, officeLocation: office,
  });
}

/** A shared mailbox's user: no sign-in (its account is disabled, as Exchange creates it). */
function sharedUser(seed: number, alias: string, displayName: string, domain: string): User {
  return userRecord(seed, { userPrincipalName: `${alias}@${domain}`, displayName, accountEnabled: false });
}

/** Top-level folders as Outlook creates them, plus user folders; Inbox gets enough children to page. */
function seedFolders(mailbox: Mailbox): Record<string, Folder> {
  const root = mailbox.createFolder('Top of Information Store', null, 'msgfolderroot', true);
  const top: [string, WellKnownFolder?][] = [
    ['Archive', 'archive'], ['Clients'], ['Conversation History'], ['Deleted Items', 'deleteditems'],
    ['Drafts', 'drafts'], ['Inbox', 'inbox'], ['Invoices'], ['Junk Email', 'junkemail'], ['Newsletters'],
    ['Outbox', 'outbox'], ['Sent Items', 'sentitems'], ['Travel'],
  ];
  const folders: Record<string, Folder> = {};
  for (const [name, wellKnown] of top) folders[name] = mailbox.createFolder(name, root, wellKnown);
  mailbox.createFolder('Sync Issues', root, undefined, true);
  const inbox = folders.Inbox;
  for (const name of ['Projects', 'Receipts', 'Team', 'Vendors', 'HR', 'Finance', 'Support', 'Reports', 'Events', 'Legal', 'Partners']) {
    folders[name] = mailbox.createFolder(name, inbox);
  }
  folders.Alpha = mailbox.createFolder('Alpha', folders.Projects);
  folders.Beta = mailbox.createFolder('Beta', folders.Projects);
  return folders;
}

const SENDERS = [
  'alex.wilber@contoso.example', 'diego.siciliani@contoso.example', 'isaiah.langer@contoso.example',
  'lidia.holloway@contoso.example', 'nestor.wilke@contoso.example', 'billing@fabrikam.example',
  'news@northwind.example', "patti.o'brien@tailspin.example", 'noreply@travel.example',
];
const TOPICS = [
  'Quarterly review', 'Invoice INV-{n}', 'Project Alpha status', 'Lunch on Friday?', 'Your receipt #{n}',
  'Contract draft v{n}', 'Re: Budget 2027', 'Team offsite agenda', 'Flight confirmation {n}', 'Weekly newsletter',
  'Security alert: new sign-in', 'Fwd: customer feedback', 'Résumé – candidate {n}', 'Meeting notes & next steps',
];
const FOLDER_WEIGHTS: [string, number][] = [
  ['Inbox', 55], ['Projects', 8], ['Alpha', 5], ['Receipts', 5], ['Sent Items', 10], ['Archive', 7],
  ['Deleted Items', 4], ['Newsletters', 3], ['Invoices', 3],
];

function pickFolder(rng: Rng): string {
  let roll = rng.int(1, FOLDER_WEIGHTS.reduce((sum, [, w]) => sum + w, 0));
  for (const [name, weight] of FOLDER_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return name;
  }
  return 'Inbox';
}

function seedMail(mailbox: Mailbox, folders: Record<string, Folder>, count: number, now: number, rng: Rng): void {
  const me = { name: mailbox.user.displayName, address: mailbox.address };
  const drafts: NewMessage[] = [];
  const step = (30 * DAY) / Math.max(count, 1);
  let receivedAt = 0;
  for (let i = 0; i < count; i += 1) {
    // Spread over the last 30 days; every seventh mail lands in the same second as the one before.
    receivedAt = i % 7 === 6
      ? receivedAt + rng.int(1, 400)
      : now - 30 * DAY + i * step + rng.int(0, Math.floor(step / 2));
    const folderName = pickFolder(rng);
    const sent = folderName === 'Sent Items';
    const other = toEmailAddress(rng.pick(SENDERS));
    const subject = rng.pick(TOPICS).replace('{n}', String(1000 + i));
    const attachments = rng.chance(0.15) ? [{ name: `document-${i}.pdf`, contentType: 'application/pdf', size: rng.int(2000, 900000) }] : [];
    drafts.push(composeMessage({
      folderId: folders[folderName].id,
      from: sent ? me : other,
      to: [sent ? other : me],
      cc: rng.chance(0.2) ? [toEmailAddress(rng.pick(SENDERS))] : [],
      body: `<p>Hello,</p><p>${subject}: details inside. Regards</p>`,
      isRead: sent || rng.chance(0.6),
      importance: rng.chance(0.1) ? 'high' : 'normal',
      attachments,
      flagStatus: rng.chance(0.05) ? 'flagged' : 'notFlagged',
      categories: rng.chance(0.1) ? [rng.pick(['Red category', 'Blue category', 'Customer'])] : [],
      inferenceClassification: rng.chance(0.8) ? 'focused' : 'other',
    }, { subject, receivedAt: Math.min(Math.round(receivedAt), now - 1000) }, mailbox.ids.hex(20)));
  }
  mailbox.insertMessages(drafts);
}

const SERIES = { weekly: 'Weekly sync', daily: 'Daily stand-up', absoluteMonthly: 'Monthly review' } as const;
type SeriesType = keyof typeof SERIES;

/**
 * A series master's recurrence as a client posts it (readEvent completes it as Graph does), on
 * the dates the event's own wall clock shows at its start (`wallStart`, as if UTC).
 */
function recurrenceFor(type: SeriesType, wallStart: number): Record<string, unknown> {
  const start = new Date(wallStart);
  const startDate = start.toISOString().slice(0, 10);
  switch (type) {
    case 'weekly':
      return { pattern: { type, interval: 1, daysOfWeek: [DAYS_OF_WEEK[start.getUTCDay()]] }, range: { type: 'noEnd', startDate } };
    case 'daily':
      return { pattern: { type, interval: 1 }, range: { type: 'numbered', startDate, numberOfOccurrences: 20 } };
    case 'absoluteMonthly': {
      const endDate = new Date(wallStart + 180 * DAY).toISOString().slice(0, 10);
      return { pattern: { type, interval: 1, dayOfMonth: start.getUTCDate() }, range: { type: 'endDate', startDate, endDate } };
    }
  }
}

/** Zones of the seeded meetings: both hemispheres, in Windows and IANA spellings (Graph takes both). */
export const SEED_TIME_ZONES = [
  'UTC', 'Pacific Standard Time', 'W. Europe Standard Time', 'Eastern Standard Time', 'AUS Eastern Standard Time',
  'Pacific SA Standard Time', 'Europe/Berlin', 'America/Santiago',
] as const;
/** Lengths of the seeded meetings, in minutes. */
export const SEED_EVENT_MINUTES = [30, 60, 90] as const;
/** Resolved once: resolving an IANA name builds an Intl formatter, which would be most of the cost of seeding. */
let seedZones: ResolvedZone[] | undefined;

function seedCalendars(mailbox: Mailbox, now: number, rng: Rng, eventCount: number): void {
  const main = mailbox.createCalendar('Calendar', 'auto', '');
  const team = mailbox.createCalendar('Team Events', 'lightBlue', '#4da7f9');
  const halfHour = 30 * 60 * 1000;
  const base = Math.floor(now / halfHour) * halfHour;
  // Outlook stores a meeting as two instants and the zone it was booked in, so its length is
  // absolute time. Written as wall times instead, an end could fall into a DST gap or fold and
  // come before the start.
  seedZones ??= SEED_TIME_ZONES.map((name) => graphTimeZone(name) as ResolvedZone);
  const guest = (address: string) => ({ emailAddress: { address }, type: rng.chance(0.7) ? 'required' : 'optional' });
  const events = [];
  for (let i = 0; i < eventCount; i += 1) {
    const calendar = i % 3 === 2 ? team : main;
    const startMs = base + rng.int(-14 * 48, 30 * 48) * halfHour;
    const createdAt = Math.min(now - 1000, startMs) - rng.int(1, 40) * DAY + rng.int(0, 86_399_999);
    const series = i % 5 === 0 ? rng.pick(Object.keys(SERIES) as SeriesType[]) : undefined;
    const allDay = i % 11 === 5;
    const online = rng.chance(0.4);
    const subject = series ? SERIES[series] : rng.pick(['Customer call', '1:1', 'Design review', 'Planning', 'Interview']);
    const day = Math.floor(startMs / DAY) * DAY;
    let span: EventSpan | undefined;
    let wallStart = day;
    if (!allDay) {
      const minutes = rng.pick(SEED_EVENT_MINUTES);
      const zone = rng.pick(seedZones);
      span = { start: { ms: startMs, zone: zone.graphName }, end: { ms: startMs + minutes * 60000, zone: zone.graphName } };
      wallStart = utcToWall(zone, startMs);
    }
    const input = {
      subject,
      body: { contentType: 'html', content: '<p>Agenda to follow.</p>' },
      ...(allDay && { isAllDay: true, start: { dateTime: wallTicks(day), timeZone: 'UTC' }, end: { dateTime: wallTicks(day + DAY), timeZone: 'UTC' } }),
      location: { displayName: rng.pick(['', 'Conf Room Rainier', 'Building 4 / 1020', 'Café']) },
      attendees: [guest(rng.pick(SENDERS.slice(0, 5)))],
      isOnlineMeeting: online && !allDay,
      showAs: allDay ? 'free' : 'busy',
      recurrence: series ? recurrenceFor(series, wallStart) : null,
    };
    events.push(readEvent(input, mailbox, calendar.id, createdAt, span));
  }
  mailbox.insertEvents(events);
}

/** An empty mailbox as Exchange provisions one: the standard folders and a default calendar. */
export function provisionMailbox(directory: Directory, tenant: Tenant, user: User, seed: number, kind: MailboxKind, enabled = true): Mailbox {
  const mailbox = directory.addMailbox(new Mailbox(user, seed, tenant, kind, enabled));
  if (enabled) {
    seedFolders(mailbox);
    mailbox.createCalendar('Calendar', 'auto', '');
  }
  return mailbox;
}

/** One tenant per national cloud, each with a user who holds Full Access and Send As on a shared mailbox. */
const NATIONAL_TENANTS: { cloud: CloudName; domain: string; name: string; user: [string, string]; shared: [string, string] }[] = [
  { cloud: 'usgov', domain: 'woodgrove-gov.example', name: 'Woodgrove (GCC High)', user: ['Grady', 'Archie'], shared: ['records', 'Woodgrove Records'] },
  { cloud: 'usgovdod', domain: 'litware-dod.example', name: 'Litware (DoD)', user: ['Lee', 'Gu'], shared: ['operations', 'Litware Operations'] },
  { cloud: 'china', domain: 'wingtip-cn.example', name: 'Wingtip (21Vianet)', user: ['Li', 'Wei'], shared: ['service', 'Wingtip Service'] },
];

/** A little mail and a calendar, so every seeded mailbox has something to list. */
function seedSmallMailbox(mailbox: Mailbox, now: number, rng: Rng): void {
  seedMail(mailbox, seedFolders(mailbox), 12, now, rng);
  seedCalendars(mailbox, now, rng, 4);
}

/**
 * The seeded app, registered in each cloud (a registration per cloud, as in Azure), admin-consented
 * in each seeded tenant, and consented to by each seeded user for the component's scopes.
 */
function seedApp(directory: Directory, seed: number, app: { clientId: string; clientSecret: string }): void {
  for (const cloud of Object.keys(CLOUDS) as CloudName[]) directory.registerApp({ ...app, cloud });
  for (const tenant of directory.tenants) {
    const users = tenant.mailboxes.filter((m) => m.kind === 'user');
    tenant.servicePrincipals.set(app.clientId, {
      clientId: app.clientId,
      id: deterministicGuid(seed, 'servicePrincipal', tenant.id, app.clientId),
      roles: [...DEFAULT_APP_ROLES],
      userConsents: new Map(users.map((u) => [u.user.id, [...CONSENTED_SCOPES]])),
      mailboxScope: null,
    });
  }
}

/** The seeded app's credentials unless the emulator is started with others. */
export const DEFAULT_APP = { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' } as const;

export function seedDirectory(seed: number, now: number, mailCount: number, app: { clientId: string; clientSecret: string } = DEFAULT_APP): Directory {
  const rng = createRng(seed);
  const directory = new Directory(deterministicGuid(seed, 'tenant'));
  const contoso = directory.addTenant(new Tenant(directory.tenantId, [TENANT_DOMAIN], 'Contoso', CLOUDS.global));
  const primary = directory.addMailbox(new Mailbox(makeUser(seed, 'Adele', 'Vance', 'Retail Manager', '18/2111'), seed, contoso));
  const secondary = directory.addMailbox(new Mailbox(makeUser(seed, 'Megan', 'Bowen', 'Marketing Manager', '12/1110'), seed, contoso));
  seedMail(primary, seedFolders(primary), mailCount, now, rng);
  seedMail(secondary, seedFolders(secondary), 25, now, rng);
  seedCalendars(primary, now, rng, 36);
  seedCalendars(secondary, now, rng, 6);
  seedContacts(primary, now, rng, seed);

  // From here on a stream of its own: the data above is exactly what it was before tenants existed.
  const more = createRng(seed ^ 0x7e4a47);
  const info = directory.addMailbox(new Mailbox(sharedUser(seed, 'info', 'Contoso Info', TENANT_DOMAIN), seed, contoso, 'shared'));
  seedSmallMailbox(info, now, more);
  // Adele is Megan's delegate (the specs have always read and sent from Megan's mailbox as Adele)
  // and runs the shared mailbox; Megan may only send on its behalf.
  secondary.grant(primary.user.id, ['fullAccess', 'sendAs']);
  info.grant(primary.user.id, ['fullAccess', 'sendAs']);
  info.grant(secondary.user.id, ['sendOnBehalf']);

  for (const t of NATIONAL_TENANTS) {
    const tenant = directory.addTenant(new Tenant(deterministicGuid(seed, 'tenant', t.domain), [t.domain], t.name, CLOUDS[t.cloud]));
    const user = directory.addMailbox(new Mailbox(makeUser(seed, t.user[0], t.user[1], 'Analyst', '1/100', t.domain), seed, tenant));
    const shared = directory.addMailbox(new Mailbox(sharedUser(seed, t.shared[0], t.shared[1], t.domain), seed, tenant, 'shared'));
    seedSmallMailbox(user, now, more);
    seedSmallMailbox(shared, now, more);
    shared.grant(user.user.id, ['fullAccess', 'sendAs']);
  }
  seedApp(directory, seed, app);
  // Last, so that everything seeded above is exactly as it was before them.
  seedSeries(primary, now);
  return directory;
}
