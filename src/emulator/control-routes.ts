/** The control API over HTTP: JSON in, JSON out, under /_emulator. Documented in README.md. */
import type {
  AddEventOptions, AddEventsOptions, AddMailOptions, AddMailsOptions, AppOptions, CreateSharedMailboxOptions, CreateTenantOptions,
  CreateUserOptions, DeleteMailOptions, EmulatorControl, ExpireDeltaOptions, MailboxRightsOptions, MailboxSettingsOptions, UpdateMailOptions,
} from './control';
import { ControlError } from './control';
import { CONTACT_CONTROL_ROUTES } from './control-contacts-routes';
import { InvalidFaultRule } from './faults';
import type { FaultRule } from './faults';
import { plainJson } from './http';
import type { HttpResult } from './http';
import { isObject } from './json';
import type { Json } from './json';
import type { Route } from './router';
import type { World } from './world';

export interface ControlRequest {
  world: World;
  control: EmulatorControl;
  json: Json;
  /** The raw body, for routes that take a JSON array. */
  parsed: unknown;
  params: URLSearchParams;
}

export type ControlHandler = (req: ControlRequest, path: Record<string, string>) => HttpResult;

const ok = (body: unknown, status = 200): HttpResult => plainJson(status, body);
const done: HttpResult = { status: 204 };

function countOf(json: Json): number {
  if (typeof json.count !== 'number') throw new ControlError(400, "'count' is required");
  return json.count;
}

function faultRules(parsed: unknown): FaultRule[] {
  const rules = Array.isArray(parsed) ? parsed : isObject(parsed) ? parsed.rules : undefined;
  if (!Array.isArray(rules)) throw new ControlError(400, 'expected a JSON array of fault rules, or {"rules": [...]}');
  return rules as FaultRule[];
}

export const CONTROL_ROUTES: readonly Route<ControlHandler>[] = [
  {
    method: 'GET', pattern: '', handler: ({ world, control }) => ok({
      url: world.baseUrl,
      graph: `${world.baseUrl}/v1.0`,
      tenantId: world.directory.tenantId,
      authority: `${world.baseUrl}/${world.directory.tenantId}/oauth2/v2.0`,
      mailboxes: world.directory.mailboxes.map((m) => m.address),
      clientId: world.options.clientId,
      tenants: control.tenants(),
      routes: CONTROL_ROUTES.map((r) => `${r.method} /_emulator${r.pattern}`),
    }),
  },
  { method: 'POST', pattern: '/tokens', handler: ({ control, json }) => ok(control.issueTokens(json as { mailbox?: string; tenant?: string; scope?: string })) },
  { method: 'POST', pattern: '/tokens/app', handler: ({ control, json }) => ok(control.issueAppTokens(json as AppOptions & { scope?: string })) },
  { method: 'GET', pattern: '/tenants', handler: ({ control }) => ok({ value: control.tenants() }) },
  { method: 'POST', pattern: '/tenants', handler: ({ control, json }) => ok(control.createTenant(json as unknown as CreateTenantOptions), 201) },
  { method: 'POST', pattern: '/users', handler: ({ control, json }) => ok(control.createUser(json as unknown as CreateUserOptions), 201) },
  { method: 'POST', pattern: '/shared-mailboxes', handler: ({ control, json }) => ok(control.createSharedMailbox(json as unknown as CreateSharedMailboxOptions), 201) },
  { method: 'POST', pattern: '/mailbox-rights/grant', handler: ({ control, json }) => ok({ rights: control.grantMailboxRights(json as unknown as MailboxRightsOptions) }) },
  { method: 'POST', pattern: '/mailbox-rights/revoke', handler: ({ control, json }) => ok({ rights: control.revokeMailboxRights(json as unknown as MailboxRightsOptions) }) },
  { method: 'POST', pattern: '/apps', handler: ({ control, json }) => (control.registerApp(json as { clientId: string; clientSecret: string }), done) },
  { method: 'PUT', pattern: '/apps/consent', handler: ({ control, json }) => ok({ roles: control.setAdminConsent(json as AppOptions & { roles?: string[] | null }) }) },
  { method: 'PUT', pattern: '/consent', handler: ({ control, json }) => ok({ scopes: control.setUserConsent(json as { mailbox: string; scopes: string[] }) }) },
  {
    method: 'PUT', pattern: '/apps/mailbox-scope',
    handler: ({ control, json }) => ok({ mailboxes: control.setAppMailboxScope({ ...json, mailboxes: (json.mailboxes ?? null) as string[] | null }) }),
  },
  { method: 'POST', pattern: '/tokens/expire', handler: ({ control }) => (control.expireAccessTokens(), done) },
  {
    method: 'POST', pattern: '/tokens/revoke', handler: ({ control, json }) => {
      if (typeof json.refresh_token !== 'string') throw new ControlError(400, "'refresh_token' is required");
      return ok({ revoked: control.revokeRefreshToken(json.refresh_token) });
    },
  },
  { method: 'POST', pattern: '/tokens/revoke-all', handler: ({ control }) => (control.revokeAll(), done) },
  { method: 'POST', pattern: '/mail', handler: ({ control, json }) => ok(control.addMail(json as unknown as AddMailOptions), 201) },
  { method: 'POST', pattern: '/mail/bulk', handler: ({ control, json }) => ok(control.addMails(countOf(json), json as AddMailsOptions), 201) },
  { method: 'PATCH', pattern: '/mail/{id}', handler: ({ control, json }, { id }) => ok(control.updateMail(id, json as UpdateMailOptions)) },
  { method: 'DELETE', pattern: '/mail/{id}', handler: ({ control, json }, { id }) => (control.deleteMail(id, json as DeleteMailOptions), done) },
  { method: 'POST', pattern: '/delta/expire', handler: ({ control, json }) => ok({ expired: control.expireDeltaTokens(json as ExpireDeltaOptions) }) },
  { method: 'POST', pattern: '/delta/replay', handler: ({ control, json }) => (control.replayDelta(json as { mailbox?: string; rounds?: number }), done) },
  { method: 'POST', pattern: '/calendars', handler: ({ control, json }) => ok(control.addCalendar(json as { mailbox?: string; name: string }), 201) },
  { method: 'POST', pattern: '/events', handler: ({ control, json }) => ok(control.addEvent(json as AddEventOptions), 201) },
  { method: 'POST', pattern: '/events/bulk', handler: ({ control, json }) => ok(control.addEvents(countOf(json), json as AddEventsOptions), 201) },
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
  { method: 'PATCH', pattern: '/mailbox-settings', handler: ({ control, json }) => ok(control.setMailboxSettings(json as MailboxSettingsOptions)) },
  ...CONTACT_CONTROL_ROUTES,
  { method: 'GET', pattern: '/sent', handler: ({ control, params }) => ok({ value: control.sent(params.get('mailbox') ?? undefined) }) },
  { method: 'PUT', pattern: '/send-delay', handler: ({ control, json }) => (control.setSendDelay(json.ms as number), done) },
  { method: 'GET', pattern: '/faults', handler: ({ control }) => ok({ value: control.faults() }) },
  { method: 'PUT', pattern: '/faults', handler: ({ control, parsed }) => (control.setFaults(faultRules(parsed)), done) },
  { method: 'DELETE', pattern: '/faults', handler: ({ control }) => (control.clearFaults(), done) },
  { method: 'GET', pattern: '/stats', handler: ({ control }) => ok(control.stats()) },
  { method: 'DELETE', pattern: '/stats', handler: ({ control }) => (control.resetStats(), done) },
];

/** Control failures are plain `{error: {code, message}}`, not Graph-shaped: they are ours. */
export function controlError(err: unknown): HttpResult | undefined {
  if (err instanceof ControlError) return plainJson(err.status, { error: { code: 'ControlError', message: err.message } });
  if (err instanceof InvalidFaultRule) return plainJson(400, { error: { code: 'InvalidFaultRule', message: err.message } });
  return undefined;
}
