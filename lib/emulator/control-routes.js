"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTROL_ROUTES = void 0;
exports.controlError = controlError;
const control_1 = require("./control");
const control_contacts_routes_1 = require("./control-contacts-routes");
const faults_1 = require("./faults");
const http_1 = require("./http");
const json_1 = require("./json");
const ok = (body, status = 200) => (0, http_1.plainJson)(status, body);
const done = { status: 204 };
function countOf(json) {
    if (typeof json.count !== 'number')
        throw new control_1.ControlError(400, "'count' is required");
    return json.count;
}
function faultRules(parsed) {
    const rules = Array.isArray(parsed) ? parsed : (0, json_1.isObject)(parsed) ? parsed.rules : undefined;
    if (!Array.isArray(rules))
        throw new control_1.ControlError(400, 'expected a JSON array of fault rules, or {"rules": [...]}');
    return rules;
}
exports.CONTROL_ROUTES = [
    {
        method: 'GET', pattern: '', handler: ({ world, control }) => ok({
            url: world.baseUrl,
            graph: `${world.baseUrl}/v1.0`,
            tenantId: world.directory.tenantId,
            authority: `${world.baseUrl}/${world.directory.tenantId}/oauth2/v2.0`,
            mailboxes: world.directory.mailboxes.map((m) => m.address),
            clientId: world.options.clientId,
            tenants: control.tenants(),
            routes: exports.CONTROL_ROUTES.map((r) => `${r.method} /_emulator${r.pattern}`),
        }),
    },
    { method: 'POST', pattern: '/tokens', handler: ({ control, json }) => ok(control.issueTokens(json)) },
    { method: 'POST', pattern: '/tokens/app', handler: ({ control, json }) => ok(control.issueAppTokens(json)) },
    { method: 'GET', pattern: '/tenants', handler: ({ control }) => ok({ value: control.tenants() }) },
    { method: 'POST', pattern: '/tenants', handler: ({ control, json }) => ok(control.createTenant(json), 201) },
    { method: 'POST', pattern: '/users', handler: ({ control, json }) => ok(control.createUser(json), 201) },
    { method: 'POST', pattern: '/shared-mailboxes', handler: ({ control, json }) => ok(control.createSharedMailbox(json), 201) },
    { method: 'POST', pattern: '/mailbox-rights/grant', handler: ({ control, json }) => ok({ rights: control.grantMailboxRights(json) }) },
    { method: 'POST', pattern: '/mailbox-rights/revoke', handler: ({ control, json }) => ok({ rights: control.revokeMailboxRights(json) }) },
    { method: 'POST', pattern: '/apps', handler: ({ control, json }) => (control.registerApp(json), done) },
    { method: 'PUT', pattern: '/apps/consent', handler: ({ control, json }) => ok({ roles: control.setAdminConsent(json) }) },
    { method: 'PUT', pattern: '/consent', handler: ({ control, json }) => ok({ scopes: control.setUserConsent(json) }) },
    {
        method: 'PUT', pattern: '/apps/mailbox-scope',
        handler: ({ control, json }) => ok({ mailboxes: control.setAppMailboxScope({ ...json, mailboxes: (json.mailboxes ?? null) }) }),
    },
    { method: 'POST', pattern: '/tokens/expire', handler: ({ control }) => (control.expireAccessTokens(), done) },
    {
        method: 'POST', pattern: '/tokens/revoke', handler: ({ control, json }) => {
            if (typeof json.refresh_token !== 'string')
                throw new control_1.ControlError(400, "'refresh_token' is required");
            return ok({ revoked: control.revokeRefreshToken(json.refresh_token) });
        },
    },
    { method: 'POST', pattern: '/tokens/revoke-all', handler: ({ control }) => (control.revokeAll(), done) },
    { method: 'POST', pattern: '/mail', handler: ({ control, json }) => ok(control.addMail(json), 201) },
    { method: 'POST', pattern: '/mail/bulk', handler: ({ control, json }) => ok(control.addMails(countOf(json), json), 201) },
    { method: 'PATCH', pattern: '/mail/{id}', handler: ({ control, json }, { id }) => ok(control.updateMail(id, json)) },
    { method: 'DELETE', pattern: '/mail/{id}', handler: ({ control, json }, { id }) => (control.deleteMail(id, json), done) },
    { method: 'POST', pattern: '/delta/expire', handler: ({ control, json }) => ok({ expired: control.expireDeltaTokens(json) }) },
    { method: 'POST', pattern: '/delta/replay', handler: ({ control, json }) => (control.replayDelta(json), done) },
    { method: 'POST', pattern: '/calendars', handler: ({ control, json }) => ok(control.addCalendar(json), 201) },
    { method: 'POST', pattern: '/events', handler: ({ control, json }) => ok(control.addEvent(json), 201) },
    { method: 'POST', pattern: '/events/bulk', handler: ({ control, json }) => ok(control.addEvents(countOf(json), json), 201) },
    { method: 'PATCH', pattern: '/events/{id}', handler: ({ control, json }, { id }) => ok(control.updateEvent(id, json)) },
    { method: 'DELETE', pattern: '/events/{id}', handler: ({ control }, { id }) => (control.deleteEvent(id), done) },
    {
        method: 'GET', pattern: '/calendar-view', handler: ({ control, params }) => ok({
            value: control.calendarView({
                mailbox: params.get('mailbox') ?? undefined, calendar: params.get('calendar') ?? undefined,
                startMs: Date.parse(params.get('start') ?? ''), endMs: Date.parse(params.get('end') ?? ''),
            }),
        }),
    },
    { method: 'PATCH', pattern: '/mailbox-settings', handler: ({ control, json }) => ok(control.setMailboxSettings(json)) },
    ...control_contacts_routes_1.CONTACT_CONTROL_ROUTES,
    { method: 'GET', pattern: '/sent', handler: ({ control, params }) => ok({ value: control.sent(params.get('mailbox') ?? undefined) }) },
    { method: 'PUT', pattern: '/send-delay', handler: ({ control, json }) => (control.setSendDelay(json.ms), done) },
    { method: 'GET', pattern: '/faults', handler: ({ control }) => ok({ value: control.faults() }) },
    { method: 'PUT', pattern: '/faults', handler: ({ control, parsed }) => (control.setFaults(faultRules(parsed)), done) },
    { method: 'DELETE', pattern: '/faults', handler: ({ control }) => (control.clearFaults(), done) },
    { method: 'GET', pattern: '/stats', handler: ({ control }) => ok(control.stats()) },
    { method: 'DELETE', pattern: '/stats', handler: ({ control }) => (control.resetStats(), done) },
];
/** Control failures are plain `{error: {code, message}}`, not Graph-shaped: they are ours. */
function controlError(err) {
    if (err instanceof control_1.ControlError)
        return (0, http_1.plainJson)(err.status, { error: { code: 'ControlError', message: err.message } });
    if (err instanceof faults_1.InvalidFaultRule)
        return (0, http_1.plainJson)(400, { error: { code: 'InvalidFaultRule', message: err.message } });
    return undefined;
}
