'use strict';

// Application (app-only) credentials: the client-credentials grant, its in-memory cache (per tenant,
// cloud, app and secret, until shortly before expiry), the retry and outage rules it shares with
// the delegated refresh, what each refusal says, and what it never does (persist, emit updateKeys,
// say "reconnect", share a token with a credential whose secret differs).
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, freshToken, jwt } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { loadStep } = require('../helpers/sailor');
const { createSession } = require('../../lib/graph/session');
const { AppTokenSource } = require('../../lib/graph/tokens');
const { CLOUDS } = require('../../lib/graph/clouds');
const { silentLogger } = require('../../lib/graph/logger');

const TENANT = 'contoso.onmicrosoft.com';
const MAILBOX = 'info@contoso.com';
const TOKEN_PATH = `/${TENANT}/oauth2/v2.0/token`;
const APP_ID = '11111111-2222-3333-4444-555555555555';
const appCfg = (fields = {}) => ({ authType: 'application', tenantId: TENANT, mailbox: MAILBOX, ...fields });
const ALL_ROLES = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read'];
const appToken = (n, roles = ALL_ROLES) => jwt({ aud: GRAPH, tid: 'tenant-guid', oid: 'sp-guid', idtyp: 'app', roles, n });
const NOW = () => ({ Date: new Date().toUTCString() });

/** The token endpoint, answering `answers` in turn; returns the forms it received. */
function tokenEndpoint(answers) {
  const forms = [];
  const scope = nock(LOGIN);
  for (const answer of answers) {
    scope.post(TOKEN_PATH).reply((uri, body) => {
      forms.push(Object.fromEntries(new URLSearchParams(body)));
      return answer;
    });
  }
  return forms;
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('did not fail');
}

const sessionFor = (cfg, ctx = createContext(), options = {}) => {
  const waits = [];
  const session = createSession(cfg, ctx, { sleep: async (ms) => { waits.push(ms); }, ...options });
  return { session, waits, ctx };
};

describe('app-only tokens (client credentials)', () => {
  it('asks once and shares the token across sessions and steps of the container until shortly before it expires', async () => {
    const forms = tokenEndpoint([[200, { token_type: 'Bearer', expires_in: 3599, access_token: appToken(1) }]]);
    const bearers = [];
    nock(GRAPH).persist().get(/.*/).query(true).reply(function reply() {
      bearers.push(this.req.headers.authorization);
      return [200, { value: [] }, NOW()];
    });
    for (let i = 0; i < 3; i += 1) {
      const ctx = createContext();
      await loadStep('getNewMail').process.call(ctx, {}, appCfg({ startTime: '2026-01-01T00:00:00Z' }), {});
      expect(ctx.emitted('updateKeys')).to.deep.equal([]);
    }
    await loadStep('getNewMail').getFolders.call(createContext(), appCfg());
    expect(forms).to.have.length(1);
    expect(new Set(bearers)).to.deep.equal(new Set([`Bearer ${appToken(1)}`]));
  });

  it('renews the cached token 5 minutes before it expires (half its life when shorter), on the container clock only as a duration', async () => {
    let now = 1_000_000;
    const source = (expiresIn) => new AppTokenSource({ tenant: TENANT, cloud: CLOUDS.global, endpoints: { graph: GRAPH, login: LOGIN }, app: { clientId: 'test-client-id', clientSecret: `s-${expiresIn}`, clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' }, logger: silentLogger, now: () => now });
    const forms = tokenEndpoint([[200, { expires_in: 3600, access_token: 'at-1-0123456789' }], [200, { expires_in: 3600, access_token: 'at-2-0123456789' }]]);
    const hour = source(3600);
    expect(await hour.accessToken()).to.equal('at-1-0123456789');
    now += 3600_000 - 300_000 - 1;
    expect(await hour.accessToken()).to.equal('at-1-0123456789');
    now += 1;
    expect(await hour.accessToken()).to.equal('at-2-0123456789');
    expect(forms).to.have.length(2);
    tokenEndpoint([[200, { expires_in: 60, access_token: 'short-1-0123456789' }], [200, { expires_in: 60, access_token: 'short-2-0123456789' }]]);
    const minute = source(60);
    expect(await minute.accessToken()).to.equal('short-1-0123456789');
    now += 29_999;
    expect(await minute.accessToken()).to.equal('short-1-0123456789');
    now += 1;
    expect(await minute.accessToken()).to.equal('short-2-0123456789');
  });

  it('a token that expires mid-poll (401 on a later page) is replaced once and the page repeated; other requests of the poll share the new one', async () => {
    const forms = tokenEndpoint([[200, { expires_in: 3600, access_token: appToken(1) }], [200, { expires_in: 3600, access_token: appToken(2) }]]);
    const { session } = sessionFor(appCfg());
    const path = `/v1.0/users/${MAILBOX}/messages`;
    nock(GRAPH)
      .get(path).query({ page: '1' }).matchHeader('authorization', `Bearer ${appToken(1)}`).reply(200, { value: [{ id: 'a' }], '@odata.nextLink': `${GRAPH}${path}?page=2` })
      .get(path).query({ page: '2' }).matchHeader('authorization', `Bearer ${appToken(1)}`).reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } })
      .get(path).query({ page: '2' }).matchHeader('authorization', `Bearer ${appToken(2)}`).reply(200, { value: [{ id: 'b' }], '@odata.nextLink': `${GRAPH}${path}?page=3` })
      .get(path).query({ page: '3' }).matchHeader('authorization', `Bearer ${appToken(2)}`).reply(200, { value: [{ id: 'c' }] });
    const ids = [];
    for await (const page of session.pages(`/users/${MAILBOX}/messages?page=1`)) ids.push(...page.items.map((m) => m.id));
    expect(ids).to.deep.equal(['a', 'b', 'c']);
    expect(forms).to.have.length(2);
  });

  it('through a sign-in outage: waits as told (Retry-After against the answer\'s Date), never says "reconnect", then works', async () => {
    const date = new Date(Date.now() - 3600_000);
    tokenEndpoint([
      [503, '<html>Service Unavailable</html>', { 'Content-Type': 'text/html' }],
      [429, { error: 'temporarily_unavailable', error_codes: [90033] }, { 'Retry-After': new Date(date.getTime() + 7000).toUTCString(), Date: date.toUTCString() }],
      [200, { expires_in: 3600, access_token: appToken(1) }],
    ]);
    nock(GRAPH).get(`/v1.0/users/${MAILBOX}`).query(true).reply(200, { id: 'u' });
    const { session, waits, ctx } = sessionFor(appCfg());
    await session.get(`/users/${MAILBOX}?$select=id`);
    expect(waits).to.deep.equal([1000, 7000]);
    expect(ctx.logs.map((l) => l.message).join('\n')).to.not.match(/reconnect/i);
  });

  it('a lasting outage ends after five tries with "temporarily unavailable ... retry later", not "reconnect"', async () => {
    tokenEndpoint(Array.from({ length: 5 }, () => [503, '']));
    const { session } = sessionFor(appCfg());
    const err = await failureOf(session.get(`/users/${MAILBOX}`));
    expect(err.message).to.match(/temporarily unavailable \(HTTP 503\)\. The component tried 5 times .*retry later/);
    expect(err.message).to.not.match(/reconnect/i);
  });

  const aad = (status, error, code) => [status, { error, error_description: `AADSTS${code}: text\r\nTrace ID: x`, error_codes: [code] }];
  [
    ['a wrong secret of the env app', {}, aad(401, 'invalid_client', 7000215), /Microsoft rejected the client secret \(invalid_client, AADSTS7000215\)\. Set MSAPP_CLIENT_SECRET to the secret's Value/],
    ['a wrong secret of the credential\'s own app', { clientId: APP_ID, clientSecret: 'wrong~secret' }, aad(401, 'invalid_client', 7000215), /Set clientSecret to the secret's Value/],
    ['an expired secret', { clientId: APP_ID, clientSecret: 'old~secret' }, aad(401, 'invalid_client', 7000222), /client secret has expired .* update clientSecret/],
    ['an app not in the tenant (never consented there)', {}, aad(400, 'unauthorized_client', 700016), /The app \(MSAPP_CLIENT_ID\) is not in tenant "contoso\.onmicrosoft\.com" .*grant admin consent/],
    ['a tenant unknown in this cloud', { cloud: 'usgov', loginHost: 'login.microsoftonline.us' }, aad(400, 'invalid_request', 90002), /Tenant "contoso\.onmicrosoft\.com" was not found in the usgov cloud .*Cloud to the cloud the tenant is in/],
    ['an invalid_grant (nothing to reconnect)', {}, aad(400, 'invalid_grant', 70000), /Microsoft refused the app a token \(invalid_grant, AADSTS70000\)/],
  ].forEach(([label, fields, answer, pattern]) => {
    it(`${label}: one token request, a message that says what to fix, no "reconnect"`, async () => {
      const login = fields.cloud ? 'https://login.microsoftonline.us' : LOGIN;
      let requests = 0;
      nock(login).persist().post(TOKEN_PATH).reply(() => { requests += 1; return answer; });
      const ctx = createContext();
      const err = await failureOf(loadStep('getNewMail').process.call(ctx, {}, appCfg({ startTime: '2026-01-01T00:00:00Z', ...fields }), {}));
      expect(err.name).to.equal('CredentialError');
      expect(err.message).to.match(pattern);
      expect(err.message).to.not.match(/reconnect/i);
      expect(requests).to.equal(1);
      expect(ctx.events).to.deep.equal([]);
    });
  });

  it('a rotated secret starts a token of its own; a wrong secret never rides on a token another credential of the same app obtained', async () => {
    const forms = tokenEndpoint([
      [200, { expires_in: 3600, access_token: appToken(1) }],
      [401, { error: 'invalid_client', error_codes: [7000215] }],
      [200, { expires_in: 3600, access_token: appToken(2) }],
    ]);
    nock(GRAPH).persist().get(/.*/).query(true).reply(200, { id: 'u' });
    const own = (secret) => appCfg({ clientId: APP_ID, clientSecret: secret });
    await sessionFor(own('good~secret')).session.get(`/users/${MAILBOX}`);
    const wrong = await failureOf(sessionFor(own('wrong~secret')).session.get(`/users/${MAILBOX}`));
    expect(wrong.message).to.match(/AADSTS7000215/);
    await sessionFor(own('rotated~secret')).session.get(`/users/${MAILBOX}`);
    await sessionFor(own('good~secret')).session.get(`/users/${MAILBOX}`);
    expect(forms.map((f) => f.client_secret)).to.deep.equal(['good~secret', 'wrong~secret', 'rotated~secret']);
    expect(forms.every((f) => f.client_id === APP_ID)).to.equal(true);
  });

  it('a credential switched from delegated to application ignores its old sign-in: no refresh, no updateKeys', async () => {
    const forms = tokenEndpoint([[200, { expires_in: 3600, access_token: appToken(1) }]]);
    nock(GRAPH).get(`/v1.0/users/${MAILBOX}/mailFolders/inbox/messages`).query(true).reply(200, { value: [] }, NOW());
    const ctx = createContext();
    const leftover = freshToken({ expires_at: new Date(Date.now() - 1000).toISOString() });
    await loadStep('getNewMail').process.call(ctx, {}, appCfg({ oauth: leftover, startTime: '2026-01-01T00:00:00Z' }), {});
    expect(forms.map((f) => f.grant_type)).to.deep.equal(['client_credentials']);
    expect(ctx.emitted('updateKeys')).to.deep.equal([]);
  });

  it('and back to delegated: the sign-in is needed again, and said so before any request', async () => {
    const err = await failureOf(loadStep('getNewMail').process.call(createContext(), {}, { tenantId: TENANT, mailbox: MAILBOX, startTime: '2026-01-01T00:00:00Z' }, {}));
    expect(err.message).to.match(/^oauth: the credential holds no OAuth token: connect the Outlook credential \(Sign in with Microsoft\)/);
  });
});

describe('app-only refusals say what is missing', () => {
  const run = async (step, body, tokenRoles, graphAnswer, fields = {}) => {
    const forms = tokenEndpoint([[200, { expires_in: 3600, access_token: appToken(1, tokenRoles) }], [200, { expires_in: 3600, access_token: appToken(2, tokenRoles) }]]);
    nock(GRAPH).persist().intercept(/.*/, step === 'getNewMail' ? 'GET' : 'POST').query(true).reply(...graphAnswer);
    const err = await failureOf(loadStep(step).process.call(createContext(), { id: 'r-1', body, headers: {} }, appCfg({ startTime: '2026-01-01T00:00:00Z', ...fields }), {}));
    return { err, forms };
  };
  const mail = { to: 'ann@example.com', subject: 'Hi' };

  it('no admin consent at all (401 NoPermissionsInAccessToken): names every application permission; the next run asks for a new token', async () => {
    const { err, forms } = await run('getNewMail', {}, undefined, [401, { error: { code: 'NoPermissionsInAccessToken', message: 'The token contains no permissions.' } }]);
    expect(err.message).to.match(/HTTP 401 NoPermissionsInAccessToken.*no administrator has granted admin consent\. Grant Mail\.ReadWrite, Mail\.Send, Calendars\.ReadWrite, Contacts\.ReadWrite, MailboxSettings\.Read\..*Grant admin consent/);
    expect(forms, 'a fresh token after the 401, then none cached').to.have.length(2);
    nock.cleanAll();
    const third = tokenEndpoint([[200, { expires_in: 3600, access_token: appToken(3) }]]);
    nock(GRAPH).get(/.*/).query(true).reply(200, { value: [] }, NOW());
    await loadStep('getNewMail').process.call(createContext(), {}, appCfg({ startTime: '2026-01-01T00:00:00Z' }), {});
    expect(third, 'the token without permissions was not kept').to.have.length(1);
  });

  it('403 ErrorAccessDenied with a token that lacks Mail.Send: the missing application permission', async () => {
    // The one-request path (duplicate check skipped): the refused request is the send itself.
    const { err } = await run('sendMail', mail, ['Mail.ReadWrite', 'Calendars.ReadWrite'], [403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } }], { skipDuplicateCheck: true });
    expect(err.message).to.match(/HTTP 403 ErrorAccessDenied.*The app lacks the application permission Mail\.Send \(no admin consent for it\)\..*through RBAC for Applications instead, mailbox info@contoso\.com is outside that grant's scope/);
  });

  it('403 ErrorAccessDenied with every permission: the mailbox is outside the app\'s Exchange scope (RBAC for Applications)', async () => {
    const { err } = await run('getNewMail', {}, ALL_ROLES, [403, { error: { code: 'ErrorAccessDenied', message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.' } }]);
    expect(err.message).to.match(/limits this app to some mailboxes \(RBAC for Applications management scope, or an older application access policy\), and mailbox info@contoso\.com is outside that scope/);
  });

  it('404 ErrorInvalidUser: the mailbox was not found in the tenant', async () => {
    const { err } = await run('getNewMail', {}, ALL_ROLES, [404, { error: { code: 'ErrorInvalidUser', message: "The requested user 'info@contoso.com' is invalid." } }]);
    expect(err.message).to.match(/Mailbox info@contoso\.com was not found in the credential's tenant: check the mailbox field/);
  });

  it('404 MailboxNotEnabledForRESTAPI: the mailbox is not in Exchange Online', async () => {
    const { err } = await run('getNewMail', {}, ALL_ROLES, [404, { error: { code: 'MailboxNotEnabledForRESTAPI', message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.' } }]);
    expect(err.message).to.match(/Mailbox info@contoso\.com cannot be reached through Microsoft Graph: it is not in Exchange Online/);
  });

  it('403 ErrorSendAsDenied with From: the mailbox has neither Send As nor Send on Behalf on that address', async () => {
    const { err } = await run('sendMail', { ...mail, from: 'ceo@contoso.com' }, ALL_ROLES, [403, { error: { code: 'ErrorSendAsDenied', message: 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.' } }], { skipDuplicateCheck: true });
    expect(err.message).to.match(/Mailbox info@contoso\.com has neither Send As nor Send on Behalf on ceo@contoso\.com/);
  });
});
