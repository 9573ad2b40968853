"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_APP = exports.SEED_EVENT_MINUTES = exports.SEED_TIME_ZONES = void 0;
exports.userRecord = userRecord;
exports.provisionMailbox = provisionMailbox;
exports.seedDirectory = seedDirectory;
/**
 * Deterministic starting data: two mailboxes with nested folders (enough of them to page),
 * mail spread over the last 30 days (some within the same second, to exercise the
 * whole-second quirk), two calendars with single events and series masters, and contacts
 * (seed-contacts.ts).
 * Around them: a shared mailbox, one tenant in each national cloud with a user and a shared
 * mailbox, mailbox rights, and the seeded app registered and admin-consented everywhere.
 */
const clouds_1 = require("./clouds");
const compose_1 = require("./compose");
const directory_1 = require("./directory");
const event_input_1 = require("./event-input");
const recurrence_1 = require("./recurrence");
const seed_series_1 = require("./seed-series");
const ids_1 = require("./ids");
const mailbox_1 = require("./mailbox");
const seed_contacts_1 = require("./seed-contacts");
const scopes_1 = require("./scopes");
const rng_1 = require("./rng");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const DAY = 24 * 3600 * 1000;
/** A user record; the object id derives from the seed and the UPN, so it is stable across runs. */
function userRecord(seed, spec) {
    const upn = spec.userPrincipalName.toLowerCase();
    return {
        id: (0, ids_1.deterministicGuid)(seed, 'user', upn),
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
function makeUser(seed, given, surname, jobTitle, office, domain = directory_1.TENANT_DOMAIN) {
    return userRecord(seed, {
        userPrincipalName: `${given}.${surname}@${domain}`, displayName: `${given} ${surname}`, givenName: given, surname, jobTitle, officeLocation: office,
    });
}
/** A shared mailbox's user: no sign-in (its account is disabled, as Exchange creates it). */
function sharedUser(seed, alias, displayName, domain) {
    return userRecord(seed, { userPrincipalName: `${alias}@${domain}`, displayName, accountEnabled: false });
}
/** Top-level folders as Outlook creates them, plus user folders; Inbox gets enough children to page. */
function seedFolders(mailbox) {
    const root = mailbox.createFolder('Top of Information Store', null, 'msgfolderroot', true);
    const top = [
        ['Archive', 'archive'], ['Clients'], ['Conversation History'], ['Deleted Items', 'deleteditems'],
        ['Drafts', 'drafts'], ['Inbox', 'inbox'], ['Invoices'], ['Junk Email', 'junkemail'], ['Newsletters'],
        ['Outbox', 'outbox'], ['Sent Items', 'sentitems'], ['Travel'],
    ];
    const folders = {};
    for (const [name, wellKnown] of top)
        folders[name] = mailbox.createFolder(name, root, wellKnown);
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
const FOLDER_WEIGHTS = [
    ['Inbox', 55], ['Projects', 8], ['Alpha', 5], ['Receipts', 5], ['Sent Items', 10], ['Archive', 7],
    ['Deleted Items', 4], ['Newsletters', 3], ['Invoices', 3],
];
function pickFolder(rng) {
    let roll = rng.int(1, FOLDER_WEIGHTS.reduce((sum, [, w]) => sum + w, 0));
    for (const [name, weight] of FOLDER_WEIGHTS) {
        roll -= weight;
        if (roll <= 0)
            return name;
    }
    return 'Inbox';
}
function seedMail(mailbox, folders, count, now, rng) {
    const me = { name: mailbox.user.displayName, address: mailbox.address };
    const drafts = [];
    const step = (30 * DAY) / Math.max(count, 1);
    let receivedAt = 0;
    for (let i = 0; i < count; i += 1) {
        // Spread over the last 30 days; every seventh mail lands in the same second as the one before.
        receivedAt = i % 7 === 6
            ? receivedAt + rng.int(1, 400)
            : now - 30 * DAY + i * step + rng.int(0, Math.floor(step / 2));
        const folderName = pickFolder(rng);
        const sent = folderName === 'Sent Items';
        const other = (0, compose_1.toEmailAddress)(rng.pick(SENDERS));
        const subject = rng.pick(TOPICS).replace('{n}', String(1000 + i));
        const attachments = rng.chance(0.15) ? [{ name: `document-${i}.pdf`, contentType: 'application/pdf', size: rng.int(2000, 900000) }] : [];
        drafts.push((0, compose_1.composeMessage)({
            folderId: folders[folderName].id,
            from: sent ? me : other,
            to: [sent ? other : me],
            cc: rng.chance(0.2) ? [(0, compose_1.toEmailAddress)(rng.pick(SENDERS))] : [],
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
const SERIES = { weekly: 'Weekly sync', daily: 'Daily stand-up', absoluteMonthly: 'Monthly review' };
/**
 * A series master's recurrence as a client posts it (readEvent completes it as Graph does), on
 * the dates the event's own wall clock shows at its start (`wallStart`, as if UTC).
 */
function recurrenceFor(type, wallStart) {
    const start = new Date(wallStart);
    const startDate = start.toISOString().slice(0, 10);
    switch (type) {
        case 'weekly':
            return { pattern: { type, interval: 1, daysOfWeek: [recurrence_1.DAYS_OF_WEEK[start.getUTCDay()]] }, range: { type: 'noEnd', startDate } };
        case 'daily':
            return { pattern: { type, interval: 1 }, range: { type: 'numbered', startDate, numberOfOccurrences: 20 } };
        case 'absoluteMonthly': {
            const endDate = new Date(wallStart + 180 * DAY).toISOString().slice(0, 10);
            return { pattern: { type, interval: 1, dayOfMonth: start.getUTCDate() }, range: { type: 'endDate', startDate, endDate } };
        }
    }
}
/** Zones of the seeded meetings: both hemispheres, in Windows and IANA spellings (Graph takes both). */
exports.SEED_TIME_ZONES = [
    'UTC', 'Pacific Standard Time', 'W. Europe Standard Time', 'Eastern Standard Time', 'AUS Eastern Standard Time',
    'Pacific SA Standard Time', 'Europe/Berlin', 'America/Santiago',
];
/** Lengths of the seeded meetings, in minutes. */
exports.SEED_EVENT_MINUTES = [30, 60, 90];
/** Resolved once: resolving an IANA name builds an Intl formatter, which would be most of the cost of seeding. */
let seedZones;
function seedCalendars(mailbox, now, rng, eventCount) {
    const main = mailbox.createCalendar('Calendar', 'auto', '');
    const team = mailbox.createCalendar('Team Events', 'lightBlue', '#4da7f9');
    const halfHour = 30 * 60 * 1000;
    const base = Math.floor(now / halfHour) * halfHour;
    // Outlook stores a meeting as two instants and the zone it was booked in, so its length is
    // absolute time. Written as wall times instead, an end could fall into a DST gap or fold and
    // come before the start.
    seedZones ??= exports.SEED_TIME_ZONES.map((name) => (0, timezones_1.graphTimeZone)(name));
    const guest = (address) => ({ emailAddress: { address }, type: rng.chance(0.7) ? 'required' : 'optional' });
    const events = [];
    for (let i = 0; i < eventCount; i += 1) {
        const calendar = i % 3 === 2 ? team : main;
        const startMs = base + rng.int(-14 * 48, 30 * 48) * halfHour;
        const createdAt = Math.min(now - 1000, startMs) - rng.int(1, 40) * DAY + rng.int(0, 86_399_999);
        const series = i % 5 === 0 ? rng.pick(Object.keys(SERIES)) : undefined;
        const allDay = i % 11 === 5;
        const online = rng.chance(0.4);
        const subject = series ? SERIES[series] : rng.pick(['Customer call', '1:1', 'Design review', 'Planning', 'Interview']);
        const day = Math.floor(startMs / DAY) * DAY;
        let span;
        let wallStart = day;
        if (!allDay) {
            const minutes = rng.pick(exports.SEED_EVENT_MINUTES);
            const zone = rng.pick(seedZones);
            span = { start: { ms: startMs, zone: zone.graphName }, end: { ms: startMs + minutes * 60000, zone: zone.graphName } };
            wallStart = (0, timezones_1.utcToWall)(zone, startMs);
        }
        const input = {
            subject,
            body: { contentType: 'html', content: '<p>Agenda to follow.</p>' },
            ...(allDay && { isAllDay: true, start: { dateTime: (0, timefmt_1.wallTicks)(day), timeZone: 'UTC' }, end: { dateTime: (0, timefmt_1.wallTicks)(day + DAY), timeZone: 'UTC' } }),
            location: { displayName: rng.pick(['', 'Conf Room Rainier', 'Building 4 / 1020', 'Café']) },
            attendees: [guest(rng.pick(SENDERS.slice(0, 5)))],
            isOnlineMeeting: online && !allDay,
            showAs: allDay ? 'free' : 'busy',
            recurrence: series ? recurrenceFor(series, wallStart) : null,
        };
        events.push((0, event_input_1.readEvent)(input, mailbox, calendar.id, createdAt, span));
    }
    mailbox.insertEvents(events);
}
/** An empty mailbox as Exchange provisions one: the standard folders and a default calendar. */
function provisionMailbox(directory, tenant, user, seed, kind, enabled = true) {
    const mailbox = directory.addMailbox(new mailbox_1.Mailbox(user, seed, tenant, kind, enabled));
    if (enabled) {
        seedFolders(mailbox);
        mailbox.createCalendar('Calendar', 'auto', '');
    }
    return mailbox;
}
/** One tenant per national cloud, each with a user who holds Full Access and Send As on a shared mailbox. */
const NATIONAL_TENANTS = [
    { cloud: 'usgov', domain: 'woodgrove-gov.example', name: 'Woodgrove (GCC High)', user: ['Grady', 'Archie'], shared: ['records', 'Woodgrove Records'] },
    { cloud: 'usgovdod', domain: 'litware-dod.example', name: 'Litware (DoD)', user: ['Lee', 'Gu'], shared: ['operations', 'Litware Operations'] },
    { cloud: 'china', domain: 'wingtip-cn.example', name: 'Wingtip (21Vianet)', user: ['Li', 'Wei'], shared: ['service', 'Wingtip Service'] },
];
/** A little mail and a calendar, so every seeded mailbox has something to list. */
function seedSmallMailbox(mailbox, now, rng) {
    seedMail(mailbox, seedFolders(mailbox), 12, now, rng);
    seedCalendars(mailbox, now, rng, 4);
}
/**
 * The seeded app, registered in each cloud (a registration per cloud, as in Azure), admin-consented
 * in each seeded tenant, and consented to by each seeded user for the component's scopes.
 */
function seedApp(directory, seed, app) {
    for (const cloud of Object.keys(clouds_1.CLOUDS))
        directory.registerApp({ ...app, cloud });
    for (const tenant of directory.tenants) {
        const users = tenant.mailboxes.filter((m) => m.kind === 'user');
        tenant.servicePrincipals.set(app.clientId, {
            clientId: app.clientId,
            id: (0, ids_1.deterministicGuid)(seed, 'servicePrincipal', tenant.id, app.clientId),
            roles: [...scopes_1.DEFAULT_APP_ROLES],
            userConsents: new Map(users.map((u) => [u.user.id, [...scopes_1.CONSENTED_SCOPES]])),
            mailboxScope: null,
        });
    }
}
/** The seeded app's credentials unless the emulator is started with others. */
exports.DEFAULT_APP = { clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' };
function seedDirectory(seed, now, mailCount, app = exports.DEFAULT_APP) {
    const rng = (0, rng_1.createRng)(seed);
    const directory = new directory_1.Directory((0, ids_1.deterministicGuid)(seed, 'tenant'));
    const contoso = directory.addTenant(new directory_1.Tenant(directory.tenantId, [directory_1.TENANT_DOMAIN], 'Contoso', clouds_1.CLOUDS.global));
    const primary = directory.addMailbox(new mailbox_1.Mailbox(makeUser(seed, 'Adele', 'Vance', 'Retail Manager', '18/2111'), seed, contoso));
    const secondary = directory.addMailbox(new mailbox_1.Mailbox(makeUser(seed, 'Megan', 'Bowen', 'Marketing Manager', '12/1110'), seed, contoso));
    seedMail(primary, seedFolders(primary), mailCount, now, rng);
    seedMail(secondary, seedFolders(secondary), 25, now, rng);
    seedCalendars(primary, now, rng, 36);
    seedCalendars(secondary, now, rng, 6);
    (0, seed_contacts_1.seedContacts)(primary, now, rng, seed);
    // From here on a stream of its own: the data above is exactly what it was before tenants existed.
    const more = (0, rng_1.createRng)(seed ^ 0x7e4a47);
    const info = directory.addMailbox(new mailbox_1.Mailbox(sharedUser(seed, 'info', 'Contoso Info', directory_1.TENANT_DOMAIN), seed, contoso, 'shared'));
    seedSmallMailbox(info, now, more);
    // Adele is Megan's delegate (the specs have always read and sent from Megan's mailbox as Adele)
    // and runs the shared mailbox; Megan may only send on its behalf.
    secondary.grant(primary.user.id, ['fullAccess', 'sendAs']);
    info.grant(primary.user.id, ['fullAccess', 'sendAs']);
    info.grant(secondary.user.id, ['sendOnBehalf']);
    for (const t of NATIONAL_TENANTS) {
        const tenant = directory.addTenant(new directory_1.Tenant((0, ids_1.deterministicGuid)(seed, 'tenant', t.domain), [t.domain], t.name, clouds_1.CLOUDS[t.cloud]));
        const user = directory.addMailbox(new mailbox_1.Mailbox(makeUser(seed, t.user[0], t.user[1], 'Analyst', '1/100', t.domain), seed, tenant));
        const shared = directory.addMailbox(new mailbox_1.Mailbox(sharedUser(seed, t.shared[0], t.shared[1], t.domain), seed, tenant, 'shared'));
        seedSmallMailbox(user, now, more);
        seedSmallMailbox(shared, now, more);
        shared.grant(user.user.id, ['fullAccess', 'sendAs']);
    }
    seedApp(directory, seed, app);
    // Last, so that everything seeded above is exactly as it was before them.
    (0, seed_series_1.seedSeries)(primary, now);
    return directory;
}
