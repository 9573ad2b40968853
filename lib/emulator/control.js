"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ControlError = void 0;
exports.createControl = createControl;
/**
 * The in-process control surface for tests, demos and harnesses: shape the directory (tenants,
 * users, shared mailboxes, mailbox rights, apps and what admins granted them), mint tokens as if a
 * user had just consented or an app had asked, inject and change mail and events (timestamps from
 * the emulator clock), read what was sent, arm faults and read traffic statistics. The HTTP control
 * API maps onto this.
 */
const clouds_1 = require("./clouds");
const control_contacts_1 = require("./control-contacts");
const compose_1 = require("./compose");
const entity_1 = require("./entity");
const entity_event_1 = require("./entity-event");
const entity_folder_1 = require("./entity-folder");
const entity_message_1 = require("./entity-message");
const errors_1 = require("./errors");
const event_input_1 = require("./event-input");
const instances_1 = require("./instances");
const mailbox_settings_1 = require("./mailbox-settings");
const mutations_1 = require("./mutations");
const delta_1 = require("./delta");
const directory_1 = require("./directory");
const ids_1 = require("./ids");
const mailbox_1 = require("./mailbox");
const scopes_1 = require("./scopes");
const seed_1 = require("./seed");
const sign_in_1 = require("./sign-in");
const token_1 = require("./token");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const transport_1 = require("./transport");
/** A control call that cannot be done; `status` is what the HTTP control API answers. */
class ControlError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ControlError';
    }
}
exports.ControlError = ControlError;
const PLAIN = { timeZone: timezones_1.UTC_ZONE, immutableIds: false };
function createControl(world) {
    const { directory } = world;
    const tenantOf = (name) => {
        if (name === undefined)
            return directory.defaultTenant;
        if (typeof name !== 'string')
            throw new ControlError(400, "'tenant' must be a tenant id or domain");
        const tenant = directory.tenant(name);
        if (!tenant)
            throw new ControlError(404, `no tenant '${name}'`);
        return tenant;
    };
    const describe = (t) => ({
        id: t.id, domains: [...t.domains], displayName: t.displayName, cloud: t.cloud.name, graphHost: t.cloud.graph, loginHost: t.cloud.login,
        users: t.mailboxes.filter((m) => m.kind === 'user').map((m) => m.address),
        sharedMailboxes: t.mailboxes.filter((m) => m.kind === 'shared').map((m) => m.address),
    });
    const created = (m) => ({ id: m.user.id, userPrincipalName: m.user.userPrincipalName, mail: m.address, tenantId: m.tenant.id });
    /** Azure AD's refusals surface as 400s of the control API, with their AADSTS text. */
    const asControlAad = (run) => {
        try {
            return run();
        }
        catch (err) {
            if (err instanceof token_1.AadError)
                throw new ControlError(err.status === 401 ? 401 : 400, `${err.error}: ${err.message}`);
            throw err;
        }
    };
    /** A new directory user's record, checked against the tenant's domains and the names already taken. */
    const newUser = (tenant, spec) => {
        if (typeof spec.userPrincipalName !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(spec.userPrincipalName)) {
            throw new ControlError(400, "'userPrincipalName' (or 'address') must be an address such as name@domain");
        }
        const user = (0, seed_1.userRecord)(world.options.seed, spec);
        for (const address of [user.userPrincipalName, user.mail, ...user.proxyAddresses]) {
            if (!tenant.domains.includes(address.split('@')[1]))
                throw new ControlError(400, `'${address}' is not in a domain of tenant ${tenant.domains[0]}`);
        }
        const clash = directory.taken([user.id, user.userPrincipalName, user.mail, ...user.proxyAddresses]);
        if (clash)
            throw new ControlError(400, `'${clash}' already names a mailbox`);
        return user;
    };
    const rightsOf = (value, fallback) => {
        if (value === undefined && fallback)
            return [...fallback];
        if (!Array.isArray(value) || value.length === 0 || !value.every((r) => mailbox_1.MAILBOX_RIGHTS.includes(r))) {
            throw new ControlError(400, `'rights' must be a non-empty array of ${mailbox_1.MAILBOX_RIGHTS.join(', ')}`);
        }
        return value;
    };
    /** The app's service principal in a tenant, for the consent and scope settings. */
    const appIn = (options) => {
        const tenant = tenantOf(options.tenant);
        const clientId = options.clientId ?? world.options.clientId;
        if (!directory.app(tenant.cloud.name, clientId))
            throw new ControlError(404, `app '${clientId}' is not registered in the ${tenant.cloud.name} cloud`);
        return { tenant, clientId };
    };
    const mailboxOf = (name) => {
        const mailbox = directory.mailbox(name);
        if (!mailbox)
            throw new ControlError(404, `no mailbox '${name}'`);
        return mailbox;
    };
    const folderOf = (mailbox, idOrName = 'inbox') => {
        const folder = mailbox.folder(idOrName) ?? mailbox.folderNamed(idOrName);
        if (!folder)
            throw new ControlError(404, `no folder '${idOrName}' in ${mailbox.address}`);
        return folder;
    };
    const findItem = (id, find) => {
        for (const mailbox of directory.mailboxes) {
            const item = find(mailbox);
            if (item)
                return [mailbox, item];
        }
        throw new ControlError(404, `no item with id '${id}'`);
    };
    /**
     * Resolves everything but subject and time once (folder, addresses, attachments) and returns a
     * maker for drafts: bulk inserts share these instead of re-parsing per mail. Stored messages
     * never mutate them in place, so sharing is safe.
     */
    const mailMaker = (mailbox, o) => {
        if (o.from === undefined)
            throw new ControlError(400, "'from' is required");
        const shared = {
            folderId: folderOf(mailbox, o.folder).id,
            from: (0, compose_1.toEmailAddress)(o.from),
            to: (o.to ?? [mailbox.address]).map(compose_1.toEmailAddress),
            cc: (o.cc ?? []).map(compose_1.toEmailAddress),
            bcc: (o.bcc ?? []).map(compose_1.toEmailAddress),
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
        return (receivedAt, subject) => (0, compose_1.composeMessage)(shared, { subject, receivedAt }, mailbox.ids.hex(20));
    };
    const eventDraft = (mailbox, o, createdAt) => {
        const calendar = o.calendar === undefined ? mailbox.calendar() : mailbox.calendar(o.calendar);
        if (!calendar)
            throw new ControlError(404, `no calendar '${o.calendar}' in ${mailbox.address}`);
        const start = createdAt + 24 * 3600 * 1000;
        const json = {
            start: { dateTime: (0, timefmt_1.wallTicks)(start), timeZone: 'UTC' },
            end: { dateTime: (0, timefmt_1.wallTicks)(start + 30 * 60 * 1000), timeZone: 'UTC' },
            ...o,
        };
        return (0, event_input_1.readEvent)(json, mailbox, calendar.id, createdAt);
    };
    const attachmentOf = (a) => {
        if (!a || typeof a.name !== 'string' || !a.name)
            throw new ControlError(400, "each attachment needs a 'name'");
        const size = a.text !== undefined ? Buffer.byteLength(String(a.text)) : a.size ?? 0;
        if (!Number.isInteger(size) || size < 0)
            throw new ControlError(400, `attachment '${a.name}': 'size' must be a whole number of bytes`);
        if (a.kind !== undefined && !['file', 'item', 'reference'].includes(a.kind))
            throw new ControlError(400, "'kind' must be file, item or reference");
        return { ...a, contentType: a.contentType ?? 'application/octet-stream', size };
    };
    /** Graph validation errors surface as 400s of the control API. */
    const asControl = (run) => {
        try {
            return run();
        }
        catch (err) {
            if (err instanceof errors_1.GraphError)
                throw new ControlError(err.status, `${err.code}: ${err.message}`);
            throw err;
        }
    };
    const timestamp = (value, name) => {
        if (value === undefined)
            return world.now();
        if (typeof value !== 'number' || !Number.isFinite(value))
            throw new ControlError(400, `'${name}' must be epoch milliseconds`);
        // Stored at whole ms; $filter literals finer than that still compare exactly (see odata.ts).
        return Math.round(value);
    };
    /** Timestamps for a bulk insert: `count` of them, `stepMs` apart, the last one near now(). */
    const bulkTimes = (count, stepMs = 250, startAt) => {
        if (!Number.isInteger(count) || count < 1)
            throw new ControlError(400, 'count must be a positive integer');
        const first = startAt ?? world.now() - count * stepMs;
        return Array.from({ length: count }, (_, i) => Math.round(first + i * stepMs));
    };
    return {
        ...(0, control_contacts_1.createContactControl)(world, mailboxOf, (status, message) => new ControlError(status, message)),
        issueTokens(options = {}) {
            const user = mailboxOf(options.mailbox);
            if (options.tenant !== undefined && tenantOf(options.tenant) !== user.tenant) {
                throw new ControlError(400, `${user.address} is not a user of tenant ${options.tenant} (AADSTS50020)`);
            }
            return asControlAad(() => world.tokens.issueDelegated((0, sign_in_1.signIn)(directory, user, world.options.clientId, options.scope ?? scopes_1.DEFAULT_SCOPE)));
        },
        issueAppTokens(options = {}) {
            const alias = options.tenant === undefined ? undefined : (0, directory_1.tenantAlias)(options.tenant);
            if (alias) {
                const refusal = (0, sign_in_1.aliasRefusedForApps)(alias);
                throw new ControlError(400, `${refusal.error}: ${refusal.message}`);
            }
            const tenant = tenantOf(options.tenant);
            const scope = options.scope ?? `${tenant.cloud.graph}/.default`;
            return asControlAad(() => world.tokens.issueApp((0, sign_in_1.appSignIn)(directory, tenant, options.clientId ?? world.options.clientId, scope)));
        },
        tenants: () => directory.tenants.map(describe),
        createTenant(options) {
            const domains = Array.isArray(options.domains) ? options.domains.map((d) => String(d).toLowerCase()) : [];
            if (!domains.length || !domains.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)))
                throw new ControlError(400, "'domains' must list at least one domain name");
            const cloud = options.cloud ?? 'global';
            if (!(0, clouds_1.isCloudName)(cloud))
                throw new ControlError(400, `'cloud' must be one of ${Object.keys(clouds_1.CLOUDS).join(', ')}`);
            const id = (options.id ?? (0, ids_1.deterministicGuid)(world.options.seed, 'tenant', domains[0])).toLowerCase();
            if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
                throw new ControlError(400, "'id' must be a GUID");
            const clash = [id, ...domains].find((name) => directory.tenant(name) || (0, directory_1.tenantAlias)(name));
            if (clash)
                throw new ControlError(400, `'${clash}' already names a tenant`);
            return describe(directory.addTenant(new directory_1.Tenant(id, domains, options.displayName ?? domains[0], clouds_1.CLOUDS[cloud])));
        },
        createUser(options) {
            const upn = typeof options.userPrincipalName === 'string' ? options.userPrincipalName : '';
            const tenant = options.tenant === undefined ? directory.tenant(upn.split('@')[1] ?? '') ?? tenantOf(undefined) : tenantOf(options.tenant);
            const user = newUser(tenant, { ...options, accountEnabled: true });
            return created((0, seed_1.provisionMailbox)(directory, tenant, user, world.options.seed, 'user', options.mailbox !== false));
        },
        createSharedMailbox(options) {
            const address = typeof options.address === 'string' ? options.address : '';
            const tenant = options.tenant === undefined ? directory.tenant(address.split('@')[1] ?? '') ?? tenantOf(undefined) : tenantOf(options.tenant);
            const user = newUser(tenant, {
                userPrincipalName: address, displayName: options.displayName ?? address.split('@')[0], proxyAddresses: options.proxyAddresses, accountEnabled: false,
            });
            return created((0, seed_1.provisionMailbox)(directory, tenant, user, world.options.seed, 'shared'));
        },
        grantMailboxRights(options) {
            const target = mailboxOf(options.mailbox);
            const grantee = mailboxOf(options.user);
            if (grantee.tenant !== target.tenant)
                throw new ControlError(400, 'mailbox rights are granted within one tenant');
            if (grantee.kind !== 'user')
                throw new ControlError(400, `${grantee.address} is a shared mailbox: nobody signs in as it`);
            target.grant(grantee.user.id, rightsOf(options.rights));
            return target.rightsOf(grantee.user.id);
        },
        revokeMailboxRights(options) {
            const target = mailboxOf(options.mailbox);
            const grantee = mailboxOf(options.user);
            target.revoke(grantee.user.id, rightsOf(options.rights, mailbox_1.MAILBOX_RIGHTS));
            return target.rightsOf(grantee.user.id);
        },
        registerApp(options) {
            const cloud = options.cloud ?? 'global';
            if (!(0, clouds_1.isCloudName)(cloud))
                throw new ControlError(400, `'cloud' must be one of ${Object.keys(clouds_1.CLOUDS).join(', ')}`);
            if (typeof options.clientId !== 'string' || !options.clientId || typeof options.clientSecret !== 'string' || !options.clientSecret) {
                throw new ControlError(400, "'clientId' and 'clientSecret' are required");
            }
            if (directory.app(cloud, options.clientId))
                throw new ControlError(400, `app '${options.clientId}' is already registered in the ${cloud} cloud`);
            directory.registerApp({ clientId: options.clientId, clientSecret: options.clientSecret, cloud });
        },
        setAdminConsent(options) {
            const { tenant, clientId } = appIn(options);
            const roles = options.roles === undefined ? [...scopes_1.DEFAULT_APP_ROLES] : options.roles ?? [];
            if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string' && r))
                throw new ControlError(400, "'roles' must be an array of permission names, or null");
            // Admin consent provisions the app in the tenant if it was not there yet.
            const sp = (0, sign_in_1.servicePrincipal)(tenant, clientId);
            sp.roles = [...new Set(roles)];
            return [...sp.roles];
        },
        setUserConsent(options) {
            const user = mailboxOf(options.mailbox);
            const { tenant, clientId } = appIn({ tenant: user.tenant.id, clientId: options.clientId });
            if (!Array.isArray(options.scopes) || !options.scopes.every((s) => typeof s === 'string' && s)) {
                throw new ControlError(400, "'scopes' must be an array of permission names");
            }
            const scopes = asControlAad(() => (0, sign_in_1.mergeScopes)((0, scopes_1.delegatedScopes)(options.scopes.join(' '), tenant.cloud, tenant.displayName)));
            (0, sign_in_1.servicePrincipal)(tenant, clientId).userConsents.set(user.user.id, scopes);
            return scopes;
        },
        setAppMailboxScope(options) {
            const { tenant, clientId } = appIn(options);
            const sp = tenant.servicePrincipals.get(clientId);
            if (!sp)
                throw new ControlError(404, `app '${clientId}' has no service principal in tenant ${tenant.domain}: consent first`);
            if (options.mailboxes === null) {
                sp.mailboxScope = null;
                return null;
            }
            if (!Array.isArray(options.mailboxes))
                throw new ControlError(400, "'mailboxes' must be an array of mailboxes, or null");
            const mailboxes = options.mailboxes.map((name) => mailboxOf(name));
            const foreign = mailboxes.find((m) => m.tenant !== tenant);
            if (foreign)
                throw new ControlError(400, `${foreign.address} is not in tenant ${tenant.domain}`);
            sp.mailboxScope = new Set(mailboxes.map((m) => m.user.id));
            return mailboxes.map((m) => m.address);
        },
        expireAccessTokens: () => world.tokens.expireAccessTokens(),
        revokeRefreshToken: (refreshToken) => world.tokens.revokeRefreshToken(refreshToken),
        revokeAll: () => world.tokens.revokeAll(),
        addMail(options) {
            const mailbox = mailboxOf(options.mailbox);
            if (typeof options.subject !== 'string')
                throw new ControlError(400, "'subject' is required");
            const draft = mailMaker(mailbox, options)(timestamp(options.receivedAt, 'receivedAt'), options.subject);
            return (0, entity_1.render)(entity_message_1.MESSAGE, mailbox.insertMessage(draft), PLAIN);
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
            (0, mutations_1.changeMail)(mailbox, message, {
                isRead: changes.isRead,
                flagStatus: changes.flag,
                categories: changes.categories,
                moveTo: changes.moveTo === undefined ? undefined : folderOf(mailbox, changes.moveTo),
            }, world.now());
            return (0, entity_1.render)(entity_message_1.MESSAGE, message, PLAIN);
        },
        deleteMail(id, options = {}) {
            const [mailbox, message] = findItem(id, (m) => m.message(id));
            if (options.reason !== undefined && options.reason !== 'deleted' && options.reason !== 'changed')
                throw new ControlError(400, "'reason' must be deleted or changed");
            mailbox.deleteMessage(message, world.now(), options.permanent === true, options.reason);
        },
        expireDeltaTokens(options = {}) {
            const code = options.code ?? 'SyncStateNotFound';
            if (!Object.hasOwn(delta_1.DELTA_FAILURES, code))
                throw new ControlError(400, `'code' must be one of ${Object.keys(delta_1.DELTA_FAILURES).join(', ')}`);
            const mailboxes = options.mailbox === undefined ? directory.mailboxes : [mailboxOf(options.mailbox)];
            return mailboxes.reduce((sum, mailbox) => sum + mailbox.delta.store.expire(delta_1.DELTA_FAILURES[code]), 0);
        },
        replayDelta(options = {}) {
            const rounds = options.rounds ?? 1;
            if (!Number.isInteger(rounds) || rounds < 0)
                throw new ControlError(400, "'rounds' must be a non-negative integer");
            const mailboxes = options.mailbox === undefined ? directory.mailboxes : [mailboxOf(options.mailbox)];
            for (const mailbox of mailboxes)
                mailbox.delta.store.replay(rounds);
        },
        addCalendar({ mailbox: name, name: calendarName }) {
            const mailbox = mailboxOf(name);
            if (typeof calendarName !== 'string' || !calendarName.trim())
                throw new ControlError(400, "'name' is required");
            if (mailbox.calendars.some((c) => c.name.toLowerCase() === calendarName.toLowerCase()))
                throw new ControlError(409, `a calendar '${calendarName}' already exists in ${mailbox.address}`);
            return (0, entity_1.render)(entity_folder_1.CALENDAR, mailbox.createCalendar(calendarName, 'auto', ''), PLAIN);
        },
        addEvent(options) {
            const mailbox = mailboxOf(options.mailbox);
            const draft = asControl(() => eventDraft(mailbox, options, timestamp(options.createdAt, 'createdAt')));
            return (0, entity_1.render)(entity_event_1.EVENT, mailbox.insertEvents([draft])[0], PLAIN);
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
            const [mailbox, event] = findItem(id, (m) => (0, instances_1.findEvent)(m, id));
            const { isCancelled, ...graphChanges } = changes;
            // An occurrence id makes (or changes) an exception, as a PATCH of it does.
            if (event.instance)
                return (0, entity_1.render)(entity_event_1.EVENT_INSTANCE, asControl(() => (0, instances_1.updateOccurrence)(mailbox, event, graphChanges, world.now(), isCancelled)), PLAIN);
            asControl(() => (0, mutations_1.changeEvent)(mailbox, event, graphChanges, world.now(), isCancelled));
            return (0, entity_1.render)(entity_event_1.EVENT, event, PLAIN);
        },
        deleteEvent(id) {
            const [mailbox, event] = findItem(id, (m) => (0, instances_1.findEvent)(m, id));
            (0, instances_1.deleteEvent)(mailbox, event, world.now());
        },
        calendarView(options) {
            const mailbox = mailboxOf(options.mailbox);
            const calendar = options.calendar === undefined ? mailbox.calendar() : mailbox.calendar(options.calendar);
            if (!calendar)
                throw new ControlError(404, `no calendar '${options.calendar}' in ${mailbox.address}`);
            if (!Number.isFinite(options.startMs) || !Number.isFinite(options.endMs))
                throw new ControlError(400, "'startMs' and 'endMs' must be epoch milliseconds");
            const window = { startMs: options.startMs, endMs: options.endMs };
            return (0, instances_1.calendarView)(mailbox.calendarEvents(calendar).index('createdDateTime').items, window)
                .sort((a, b) => a.startMs - b.startMs)
                .map((e) => (0, entity_1.render)(entity_event_1.EVENT_INSTANCE, e, PLAIN));
        },
        setMailboxSettings(options) {
            const { mailbox: name, ...changes } = options;
            try {
                const settings = (0, mailbox_settings_1.changeSettings)(mailboxOf(name), changes);
                return { timeZone: settings.timeZone, workingHours: (0, mailbox_settings_1.renderWorkingHours)(settings.workingHours) };
            }
            catch (err) {
                if (err instanceof mailbox_settings_1.InvalidSettings)
                    throw new ControlError(400, err.message);
                throw err;
            }
        },
        sent: (mailbox) => {
            (0, transport_1.deliverDue)(world);
            return mailboxOf(mailbox).sent.map((r) => ({ ...r }));
        },
        setSendDelay: (ms) => {
            if (!Number.isInteger(ms) || ms < 0)
                throw new ControlError(400, "'ms' must be a whole number of milliseconds, 0 or more");
            world.options.sendDelayMs = ms;
            (0, transport_1.deliverDue)(world);
        },
        setFaults: (rules) => world.faults.set(rules),
        clearFaults: () => world.faults.clear(),
        faults: () => world.faults.list(),
        stats: () => world.stats.snapshot(),
        resetStats: () => world.stats.reset(),
    };
}
