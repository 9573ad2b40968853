'use strict';

// verifyCredentials as the platform loads it: require('<root>/verifyCredentials') must itself be
// the function (if the require fails, the platform silently accepts any credential). What it throws
// is shown to the user, so every failure must say what to fix, and none may loop on the token endpoint.
const path = require('path');
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken, jwt } = require('./helpers/setup');
const { createContext } = require('./helpers/context');

const verifyCredentials = require('../verifyCredentials');

const ME = '/v1.0/me';
const NEW_TOKEN = { access_token: 'at-verify-new-0001', refresh_token: 'rt-verify-new-0001', expires_in: 3600, token_type: 'Bearer', scope: 'User.Read' };
const SECRETS = [freshToken().access_token, freshToken().refresh_token, process.env.MSAPP_CLIENT_SECRET, NEW_TOKEN.access_token, NEW_TOKEN.refresh_token];

function expired() {
  return freshToken({ expires_at: new Date(Date.now() - 60 * 1000).toISOString() });
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected verifyCredentials to fail, but it succeeded');
}

/** Token endpoint of `tenant` answering every request with `reply`; counts the requests. */
function tokenEndpoint(reply, tenant = 'common') {
  const calls = { count: 0, bodies: [] };
  nock(LOGIN).post(`/${tenant}/oauth2/v2.0/token`).times(10).reply((uri, body) => {
    calls.count += 1;
    calls.bodies.push(typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body);
    return typeof reply === 'function' ? reply() : reply;
  });
  return calls;
}

function aadError(status, error, code, description) {
  return [status, { error, error_description: `AADSTS${code}: ${description}\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: 2026-11-27 07:00:00Z`, error_codes: [code] }];
}

function expectNoSecrets(err, ctx) {
  const texts = [err ? err.message : '', ...(ctx ? ctx.logs.map((l) => l.message) : [])];
  for (const text of texts) for (const secret of SECRETS) expect(text).to.not.include(secret);
}

describe('verifyCredentials', () => {
  it('the root verifyCredentials.js is itself the function the platform calls', () => {
    expect(verifyCredentials).to.be.a('function');
    expect(require(path.resolve(__dirname, '..', 'verifyCredentials.js'))).to.equal(verifyCredentials);
  });

  it('answers {verified: true} after GET /me succeeds', async () => {
    const me = nock(GRAPH).matchHeader('authorization', `Bearer ${freshToken().access_token}`)
      .get(ME).query(true).reply(200, { id: 'user-1', userPrincipalName: 'ann@contoso.example' });
    const ctx = createContext();
    const result = await verifyCredentials.call(ctx, cfgWith());
    me.done();
    expect(result).to.deep.equal({ verified: true });
    expect(ctx.logs.map((l) => l.message).join('\n')).to.not.include('ann@contoso.example');
  });

  it('works when called the way service mode calls it: a scope without emit, and a legacy callback argument', async () => {
    nock(GRAPH).get(ME).query(true).reply(200, { id: 'user-1' });
    const scope = { logger: createContext().logger };
    const result = await verifyCredentials.call(scope, cfgWith(), () => {});
    expect(result).to.deep.equal({ verified: true });
  });

  it('works without any `this`', async () => {
    nock(GRAPH).get(ME).query(true).reply(200, { id: 'user-1' });
    expect(await verifyCredentials.call(undefined, cfgWith())).to.deep.equal({ verified: true });
  });

  it('refreshes an expired token first, then verifies, and emits updateKeys with the new token', async () => {
    const calls = tokenEndpoint([200, NEW_TOKEN]);
    const me = nock(GRAPH).matchHeader('authorization', `Bearer ${NEW_TOKEN.access_token}`).get(ME).query(true).reply(200, { id: 'user-1' });
    const ctx = createContext();
    const result = await verifyCredentials.call(ctx, cfgWith({}, expired()));
    me.done();
    expect(result).to.deep.equal({ verified: true });
    expect(calls.count).to.equal(1);
    expect(calls.bodies[0]).to.include({ grant_type: 'refresh_token', refresh_token: freshToken().refresh_token, client_id: 'test-client-id' });
    const keys = ctx.emitted('updateKeys');
    expect(keys).to.have.length(1);
    expect(keys[0].oauth).to.include(NEW_TOKEN);
    expectNoSecrets(undefined, ctx);
  });

  it('refreshes after a 401 from /me, then verifies', async () => {
    const calls = tokenEndpoint([200, NEW_TOKEN]);
    nock(GRAPH).get(ME).query(true).reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } });
    nock(GRAPH).matchHeader('authorization', `Bearer ${NEW_TOKEN.access_token}`).get(ME).query(true).reply(200, { id: 'user-1' });
    expect(await verifyCredentials.call(createContext(), cfgWith())).to.deep.equal({ verified: true });
    expect(calls.count).to.equal(1);
  });

  it('uses the credential tenant in the token URL', async () => {
    const calls = tokenEndpoint([200, NEW_TOKEN], 'contoso.onmicrosoft.com');
    nock(GRAPH).get(ME).query(true).reply(200, { id: 'user-1' });
    await verifyCredentials.call(createContext(), cfgWith({ tenantId: 'contoso.onmicrosoft.com' }, expired()));
    expect(calls.count).to.equal(1);
  });

  describe('failures say what to fix', () => {
    it('invalid_grant: tells the user to reconnect, after exactly one token request', async () => {
      const calls = tokenEndpoint(aadError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.'));
      const ctx = createContext();
      const err = await failureOf(verifyCredentials.call(ctx, cfgWith({}, expired())));
      expect(calls.count).to.equal(1);
      expect(err.message).to.match(/reconnect/i).and.include('invalid_grant');
      expectNoSecrets(err, ctx);
    });

    it('invalid_grant after a 401 from /me: one token request, no loop', async () => {
      const calls = tokenEndpoint(aadError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.'));
      let meCalls = 0;
      nock(GRAPH).get(ME).query(true).times(10).reply(() => { meCalls += 1; return [401, { error: { code: 'InvalidAuthenticationToken' } }]; });
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith()));
      expect(calls.count).to.equal(1);
      expect(meCalls).to.equal(1);
      expect(err.message).to.match(/reconnect/i);
    });

    it('interaction_required (e.g. MFA now needed): reconnect, one token request', async () => {
      const calls = tokenEndpoint(aadError(400, 'interaction_required', 50076, 'Due to a configuration change made by your administrator, you must use multi-factor authentication.'));
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({}, expired())));
      expect(calls.count).to.equal(1);
      expect(err.message).to.match(/reconnect/i);
    });

    it('invalid_client AADSTS7000215: points at MSAPP_CLIENT_SECRET', async () => {
      const calls = tokenEndpoint(aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'));
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({}, expired())));
      expect(calls.count).to.equal(1);
      expect(err.message).to.include('MSAPP_CLIENT_SECRET').and.include('AADSTS7000215');
      expectNoSecrets(err);
    });

    it('AADSTS7000222 (expired secret): says to create a new secret', async () => {
      tokenEndpoint(aadError(401, 'invalid_client', 7000222, 'The provided client secret keys for app are expired.'));
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({}, expired())));
      expect(err.message).to.include('expired').and.include('MSAPP_CLIENT_SECRET');
    });

    it('AADSTS700016 (unknown app): points at MSAPP_CLIENT_ID', async () => {
      tokenEndpoint(aadError(400, 'unauthorized_client', 700016, "Application with identifier 'x' was not found in the directory."));
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({}, expired())));
      expect(err.message).to.include('MSAPP_CLIENT_ID');
    });

    it('AADSTS90002 (unknown tenant): names the tenant and the accepted forms', async () => {
      const calls = tokenEndpoint(aadError(400, 'invalid_request', 90002, "Tenant 'nosuch.example' not found."), 'nosuch.example');
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({ tenantId: 'nosuch.example' }, expired())));
      expect(calls.count).to.equal(1);
      expect(err.message).to.include('Tenant "nosuch.example" was not found').and.include('common');
    });

    it('a tenantId that is not a tenant shape: refused before any request', async () => {
      let requests = 0;
      nock(LOGIN).persist().post(/.*/).reply(() => { requests += 1; return [500, {}]; });
      nock(GRAPH).persist().get(/.*/).query(true).reply(() => { requests += 1; return [500, {}]; });
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({ tenantId: 'common/../evil?x=' })));
      expect(err.message).to.match(/^tenantId: /);
      expect(requests).to.equal(0);
    });

    it('403 from /me: says a permission or scope is missing', async () => {
      nock(GRAPH).get(ME).query(true).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } }, { 'request-id': 'rid-403' });
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith()));
      expect(err.message).to.include('403').and.match(/permission/i).and.match(/scope/i);
      expect(err.message).to.include('rid-403');
    });

    it('MailboxNotEnabledForRESTAPI: says the mailbox cannot be reached', async () => {
      nock(GRAPH).get(ME).query(true).reply(404, { error: { code: 'MailboxNotEnabledForRESTAPI', message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.' } });
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith()));
      expect(err.message).to.include('MailboxNotEnabledForRESTAPI').and.include('on-premises');
    });

    [
      ['no oauth at all', { tenantId: 'common' }],
      ['an empty oauth object', { tenantId: 'common', oauth: {} }],
      ['oauth as a string', { tenantId: 'common', oauth: 'at-xyz' }],
    ].forEach(([label, cfg]) => {
      it(`missing token (${label}): tells the user to connect the credential, without any request`, async () => {
        let requests = 0;
        nock(GRAPH).persist().get(/.*/).query(true).reply(() => { requests += 1; return [500, {}]; });
        const err = await failureOf(verifyCredentials.call(createContext(), cfg));
        expect(err.message).to.match(/no OAuth token/i).and.match(/connect the Outlook credential/i);
        expect(requests).to.equal(0);
      });
    });

    it('an expired token without a refresh token: tells the user to reconnect', async () => {
      const token = expired();
      delete token.refresh_token;
      const err = await failureOf(verifyCredentials.call(createContext(), cfgWith({}, token)));
      expect(err.message).to.match(/reconnect/i).and.include('offline_access');
    });

    describe('app registration environment', () => {
      let saved;
      beforeEach(() => { saved = { id: process.env.MSAPP_CLIENT_ID, secret: process.env.MSAPP_CLIENT_SECRET }; });
      afterEach(() => {
        process.env.MSAPP_CLIENT_ID = saved.id;
        process.env.MSAPP_CLIENT_SECRET = saved.secret;
      });

      it('missing MSAPP_CLIENT_ID: names the variable', async () => {
        delete process.env.MSAPP_CLIENT_ID;
        const err = await failureOf(verifyCredentials.call(createContext(), cfgWith()));
        expect(err.message).to.include('MSAPP_CLIENT_ID').and.include('environment variable');
        expect(err.message).to.not.include('MSAPP_CLIENT_SECRET');
      });

      it('missing MSAPP_CLIENT_SECRET: names the variable, not its value', async () => {
        process.env.MSAPP_CLIENT_SECRET = '';
        const err = await failureOf(verifyCredentials.call(createContext(), cfgWith()));
        expect(err.message).to.include('MSAPP_CLIENT_SECRET');
      });

      it('restores the environment for the next test', () => {
        expect(process.env.MSAPP_CLIENT_ID).to.equal('test-client-id');
        expect(process.env.MSAPP_CLIENT_SECRET).to.equal('test-client-secret-value');
      });
    });
  });

  describe('application credentials: a token, and the application permissions it carries', () => {
    const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const ALL = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read'];
    const appCfg = (fields = {}) => ({ authType: 'application', tenantId: TENANT, ...fields });
    const tokenWith = (roles) => [200, { token_type: 'Bearer', expires_in: 3599, access_token: jwt({ aud: GRAPH, tid: TENANT, idtyp: 'app', ...(roles && { roles }) }) }];
    const noGraph = () => {
      const seen = [];
      nock(GRAPH).persist().intercept(/.*/, 'GET').query(true).reply((uri) => { seen.push(uri); return [500, {}]; });
      return seen;
    };

    it('every permission consented: verified after one token request, no Graph request, nothing persisted', async () => {
      const calls = tokenEndpoint(tokenWith(ALL.map((r) => r.toUpperCase())), TENANT);
      const graph = noGraph();
      const ctx = createContext();
      expect(await verifyCredentials.call(ctx, appCfg())).to.deep.equal({ verified: true });
      expect(calls.count).to.equal(1);
      expect(calls.bodies[0]).to.include({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default', client_id: 'test-client-id' });
      expect(graph).to.deep.equal([]);
      expect(ctx.emitted('updateKeys')).to.deep.equal([]);
    });

    it('no admin consent (a token without roles): names every application permission and how to grant them', async () => {
      tokenEndpoint(tokenWith(undefined), TENANT);
      const err = await failureOf(verifyCredentials.call(createContext(), appCfg()));
      expect(err.message).to.equal('The app has no application permissions in this tenant: no administrator has granted admin consent. Needed: Mail.ReadWrite, Mail.Send, Calendars.ReadWrite, Contacts.ReadWrite, MailboxSettings.Read. In the app registration: API permissions > Add a permission > Microsoft Graph > Application permissions, add them, then Grant admin consent (an administrator of the tenant). If an Exchange administrator grants access through RBAC for Applications instead, which the token does not show, fill in Mailbox to test with a mailbox the app may reach and save again.');
    });

    it('a permission the steps need is missing: names it and what needs it, and the others missing too', async () => {
      tokenEndpoint(tokenWith(['Mail.ReadWrite', 'Calendars.ReadWrite']), TENANT);
      const err = await failureOf(verifyCredentials.call(createContext(), appCfg()));
      expect(err.message).to.match(/^The app lacks the application permissions Mail\.Send \(Send Mail\), Contacts\.ReadWrite \(the contact steps\), MailboxSettings\.Read .*Grant admin consent/);
    });

    it('only permissions of planned steps missing: verified, with a warning naming them', async () => {
      tokenEndpoint(tokenWith(['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite']), TENANT);
      const ctx = createContext();
      expect(await verifyCredentials.call(ctx, appCfg())).to.deep.equal({ verified: true });
      expect(ctx.logs.map((l) => l.message)).to.include('The app lacks MailboxSettings.Read, needed by planned steps only');
    });

    it('Contacts.ReadWrite missing: refused, naming it and the contact steps that need it', async () => {
      tokenEndpoint(tokenWith(['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'MailboxSettings.Read']), TENANT);
      const err = await failureOf(verifyCredentials.call(createContext(), appCfg()));
      expect(err.message).to.match(/^The app lacks the application permission Contacts\.ReadWrite \(the contact steps\): they have not been granted admin consent\./);
    });

    describe('Mailbox to test: proves access the token cannot show (Exchange RBAC for Applications)', () => {
      const inbox = (status, body) => {
        const seen = [];
        nock(GRAPH).get(/^\/v1\.0\/users\/info@contoso\.com\/mailFolders\/inbox\?\$select=id$/i)
          .reply((uri) => { seen.push(uri); return [status, body]; });
        return seen;
      };

      it('no roles in the token, the test mailbox readable: verified, with a warning that access comes from elsewhere', async () => {
        tokenEndpoint(tokenWith(undefined), TENANT);
        const seen = inbox(200, { id: 'AAMkInbox' });
        const ctx = createContext();
        expect(await verifyCredentials.call(ctx, appCfg({ testMailbox: 'Info@Contoso.com ' }))).to.deep.equal({ verified: true });
        expect(seen).to.have.length(1);
        expect(ctx.logs.map((l) => l.message).join('\n')).to.include('the test mailbox was readable, so access comes from elsewhere (Exchange RBAC for Applications)');
        expect(ctx.emitted('updateKeys')).to.deep.equal([]);
      });

      it('every role consented and the mailbox outside the app\'s Exchange scope: refused with what Graph said, not verified by the roles', async () => {
        tokenEndpoint(tokenWith(ALL), TENANT);
        inbox(403, { error: { code: 'ErrorAccessDenied', message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.' } });
        const err = await failureOf(verifyCredentials.call(createContext(), appCfg({ testMailbox: 'info@contoso.com' })));
        expect(err.message).to.include('HTTP 403').and.include('ErrorAccessDenied');
      });

      it('a test mailbox that is not an address: refused before any request, naming testMailbox', async () => {
        let requests = 0;
        nock(LOGIN).persist().post(/.*/).reply(() => { requests += 1; return [500, {}]; });
        const err = await failureOf(verifyCredentials.call(createContext(), appCfg({ testMailbox: 'Info Desk <info@contoso.com>' })));
        expect(err.message).to.match(/^testMailbox: "Info Desk <info@contoso\.com>" is not a mailbox address \(give the address alone/);
        expect(requests).to.equal(0);
      });
    });

    [
      ['a wrong secret', aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.'), /Set MSAPP_CLIENT_SECRET to the secret's Value/],
      ['the app is not in the tenant', aadError(400, 'unauthorized_client', 700016, 'Application not found in the directory.'), /The app \(MSAPP_CLIENT_ID\) is not in tenant "72f988bf-86f1-41af-91ab-2d7cd011db47".*grant admin consent/],
      ['a wrong tenant', aadError(400, 'invalid_request', 90002, "Tenant '72f988bf' not found."), /Tenant "72f988bf-86f1-41af-91ab-2d7cd011db47" was not found \(invalid_request, AADSTS90002\)\. .*Cloud to the cloud the tenant is in/],
    ].forEach(([label, answer, pattern]) => {
      it(`${label}: one token request, the fix named`, async () => {
        const calls = tokenEndpoint(answer, TENANT);
        const err = await failureOf(verifyCredentials.call(createContext(), appCfg()));
        expect(err.message).to.match(pattern).and.not.match(/reconnect/i);
        expect(calls.count).to.equal(1);
      });
    });

    it("the credential's own app and a national cloud: its id and secret at that cloud's host, for its Graph", async () => {
      const bodies = [];
      nock('https://login.partner.microsoftonline.cn').post(`/${TENANT}/oauth2/v2.0/token`).reply((uri, body) => {
        bodies.push(Object.fromEntries(new URLSearchParams(body)));
        return tokenWith(ALL);
      });
      const cfg = appCfg({ cloud: 'china', loginHost: 'login.partner.microsoftonline.cn', clientId: '11111111-2222-3333-4444-555555555555', clientSecret: 'own~secret.value' });
      expect(await verifyCredentials.call(createContext(), cfg)).to.deep.equal({ verified: true });
      expect(bodies).to.deep.equal([{ grant_type: 'client_credentials', scope: 'https://microsoftgraph.chinacloudapi.cn/.default', client_id: '11111111-2222-3333-4444-555555555555', client_secret: 'own~secret.value' }]);
    });

    it('common as the tenant: refused before any request, saying what to use', async () => {
      let requests = 0;
      nock(LOGIN).persist().post(/.*/).reply(() => { requests += 1; return [500, {}]; });
      const err = await failureOf(verifyCredentials.call(createContext(), appCfg({ tenantId: 'common' })));
      expect(err.message).to.match(/^tenantId: an application credential needs your directory \(tenant\) id/);
      expect(requests).to.equal(0);
    });
  });
});
