'use strict';

// Each cloud's hosts on the wire (nock on Microsoft's real host names): the exact token URL, grant
// and scope, the Graph host each token goes to, and nothing anywhere else. Every known host of
// every cloud is watched; a request to one the credential does not belong to fails the test.
const { expect } = require('chai');
const nock = require('nock');
const { freshToken, jwt } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { loadStep } = require('../helpers/sailor');
const { createSession } = require('../../lib/graph/session');

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const MAILBOX = 'info@contoso.com';
const CLOUDS = {
  global: { login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com', loginHost: 'login.microsoftonline.com' },
  usgov: { login: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us', loginHost: 'login.microsoftonline.us' },
  usgovdod: { login: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us', loginHost: 'login.microsoftonline.us' },
  china: { login: 'https://login.partner.microsoftonline.cn', graph: 'https://microsoftgraph.chinacloudapi.cn', loginHost: 'login.partner.microsoftonline.cn' },
};
/** Every host a credential of some cloud may use, and the one the Graph docs still list for China. */
const ALL_HOSTS = [...new Set([...Object.values(CLOUDS).flatMap((c) => [c.login, c.graph]), 'https://login.chinacloudapi.cn'])];
const NOW = new Date().toUTCString();

/**
 * Records every request to every known host: method, origin, path, the bearer token, the form
 * body. Token endpoints answer a token named after the host; Graph answers an empty page.
 */
function watchAllHosts() {
  const seen = [];
  for (const origin of ALL_HOSTS) {
    const scope = nock(origin).persist();
    for (const method of ['GET', 'POST']) {
      scope.intercept(/.*/, method).query(true).reply(function reply(uri, body) {
        const path = uri.split('?')[0];
        const auth = this.req.headers.authorization;
        seen.push({ method, origin, path, bearer: auth ? String(auth).replace(/^Bearer /, '') : undefined, form: typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : undefined });
        if (path.endsWith('/oauth2/v2.0/token')) {
          return [200, { token_type: 'Bearer', expires_in: 3600, access_token: jwt({ aud: origin, roles: ['Mail.ReadWrite'] }), ...(body.includes('refresh_token') && { refresh_token: `rt-from-${new URL(origin).host}` }) }];
        }
        if (method === 'POST') return [202, ''];
        return [200, { value: [] }, { Date: NOW }];
      });
    }
  }
  return seen;
}

const cfgFor = (cloud, fields) => ({ cloud, loginHost: CLOUDS[cloud].loginHost, ...fields });

async function poll(cfg) {
  const ctx = createContext();
  await loadStep('getNewMail').process.call(ctx, {}, { ...cfg, startTime: '2026-01-01T00:00:00Z' }, {});
  return ctx;
}

describe('national clouds: each credential talks to its own cloud\'s hosts only', () => {
  Object.entries(CLOUDS).forEach(([cloud, hosts]) => {
    describe(cloud, () => {
      it(`application: client credentials at ${hosts.login}/{tenant}/oauth2/v2.0/token for ${hosts.graph}/.default, then ${hosts.graph}/v1.0/users/{mailbox}`, async () => {
        const seen = watchAllHosts();
        const ctx = await poll(cfgFor(cloud, { authType: 'application', tenantId: TENANT, mailbox: MAILBOX }));
        expect(seen.map((r) => `${r.method} ${r.origin}${r.path}`)).to.deep.equal([
          `POST ${hosts.login}/${TENANT}/oauth2/v2.0/token`,
          `GET ${hosts.graph}/v1.0/users/${MAILBOX}/mailFolders/inbox/messages`,
        ]);
        expect(seen[0].form).to.deep.equal({ grant_type: 'client_credentials', scope: `${hosts.graph}/.default`, client_id: 'test-client-id', client_secret: 'test-client-secret-value' });
        expect(seen[0].bearer, 'no bearer to the token endpoint').to.equal(undefined);
        expect(JSON.parse(Buffer.from(seen[1].bearer.split('.')[1], 'base64url')).aud, 'the token the login host issued').to.equal(hosts.login);
        expect(ctx.emitted('updateKeys'), 'an app token is never persisted').to.deep.equal([]);
      });

      it(`delegated: a refresh at ${hosts.login}/common/oauth2/v2.0/token, then ${hosts.graph}/v1.0/me`, async () => {
        const seen = watchAllHosts();
        const expired = freshToken({ expires_at: new Date(Date.now() - 1000).toISOString() });
        const ctx = await poll(cfgFor(cloud, { tenantId: 'common', oauth: expired }));
        expect(seen.map((r) => `${r.method} ${r.origin}${r.path}`)).to.deep.equal([
          `POST ${hosts.login}/common/oauth2/v2.0/token`,
          `GET ${hosts.graph}/v1.0/me/mailFolders/inbox/messages`,
        ]);
        expect(seen[0].form).to.include({ grant_type: 'refresh_token', refresh_token: 'rt-current-0123456789', client_id: 'test-client-id' });
        expect(ctx.emitted('updateKeys')[0].oauth.refresh_token).to.equal(`rt-from-${new URL(hosts.login).host}`);
      });
    });
  });

  it('two credentials of different auth types and clouds in one container never share a token', async () => {
    const seen = watchAllHosts();
    const app = cfgFor('usgovdod', { authType: 'application', tenantId: TENANT, mailbox: MAILBOX });
    const user = cfgFor('global', { tenantId: 'common', oauth: freshToken({ access_token: 'at-global-user-0123456789' }), mailbox: MAILBOX });
    const china = cfgFor('china', { authType: 'application', tenantId: TENANT, mailbox: MAILBOX });
    await Promise.all([poll(app), poll(user), poll(china), poll(app)]);
    const graphCalls = seen.filter((r) => r.method === 'GET');
    const bearersBy = (origin) => new Set(graphCalls.filter((r) => r.origin === origin).map((r) => r.bearer));
    expect(bearersBy(CLOUDS.usgovdod.graph).size).to.equal(1);
    expect(bearersBy(CLOUDS.china.graph).size).to.equal(1);
    expect([...bearersBy(CLOUDS.global.graph)]).to.deep.equal(['at-global-user-0123456789']);
    const all = [CLOUDS.usgovdod.graph, CLOUDS.china.graph, CLOUDS.global.graph].map((o) => [...bearersBy(o)][0]);
    expect(new Set(all).size, 'three credentials, three tokens').to.equal(3);
    // Two polls of the usgovdod app credential share one token request (cache and single flight).
    expect(seen.filter((r) => r.path.endsWith('/token')).map((r) => r.origin).sort()).to.deep.equal([CLOUDS.china.login, CLOUDS.usgovdod.login].sort());
  });

  it('a paging link to another cloud\'s Graph is refused, and no token goes there', async () => {
    // Registered first, so they answer before the watchers (nock tries interceptors in order).
    const token = nock(CLOUDS.usgov.login).post(`/${TENANT}/oauth2/v2.0/token`).reply(200, { access_token: 'at-app-usgov-0123456789', expires_in: 3600 });
    const page = nock(CLOUDS.usgov.graph).get(`/v1.0/users/${MAILBOX}/messages`).reply(200, { value: [], '@odata.nextLink': `${CLOUDS.global.graph}/v1.0/users/${MAILBOX}/messages?$skip=10` });
    const seen = watchAllHosts();
    const session = createSession(cfgFor('usgov', { tenantId: TENANT, authType: 'application', mailbox: MAILBOX }), createContext());
    const pages = session.pages(`/users/${MAILBOX}/messages`);
    await pages.next();
    let error;
    try {
      await pages.next();
    } catch (err) {
      error = err;
    }
    expect(error && error.message).to.match(/outside https:\/\/graph\.microsoft\.us\/v1\.0\/; refusing to follow it/);
    token.done();
    page.done();
    expect(seen, 'requests beyond the token and the first page').to.deep.equal([]);
  });

  it('OUTLOOK_GRAPH_BASE_URL and OUTLOOK_LOGIN_BASE_URL override the table; the scope still names the cloud\'s Graph', async () => {
    const saved = { graph: process.env.OUTLOOK_GRAPH_BASE_URL, login: process.env.OUTLOOK_LOGIN_BASE_URL };
    process.env.OUTLOOK_GRAPH_BASE_URL = 'https://graph.emulator.example';
    process.env.OUTLOOK_LOGIN_BASE_URL = 'https://login.emulator.example';
    const forms = [];
    const seen = watchAllHosts();
    nock('https://login.emulator.example').post(`/${TENANT}/oauth2/v2.0/token`).reply((uri, body) => {
      forms.push(Object.fromEntries(new URLSearchParams(body)));
      return [200, { access_token: 'at-emulated-0123456789', expires_in: 3600 }];
    });
    const graph = nock('https://graph.emulator.example').get(`/v1.0/users/${MAILBOX}/mailFolders/inbox/messages`).query(true).reply(200, { value: [] }, { Date: NOW });
    try {
      await poll(cfgFor('china', { authType: 'application', tenantId: TENANT, mailbox: MAILBOX }));
    } finally {
      for (const [key, name] of [['graph', 'OUTLOOK_GRAPH_BASE_URL'], ['login', 'OUTLOOK_LOGIN_BASE_URL']]) {
        if (saved[key] === undefined) delete process.env[name];
        else process.env[name] = saved[key];
      }
    }
    graph.done();
    expect(forms[0].scope).to.equal('https://microsoftgraph.chinacloudapi.cn/.default');
    expect(seen, 'nothing reached a real Microsoft host').to.deep.equal([]);
  });

  describe('refused before any request', () => {
    const refusedWith = async (step, cfg, body = {}) => {
      const seen = watchAllHosts();
      let error;
      try {
        await loadStep(step).process.call(createContext(), { id: 'c-1', body, headers: {} }, cfg, {});
      } catch (err) {
        error = err;
      }
      expect(seen, 'requests made').to.deep.equal([]);
      return error;
    };

    it('a sign-in host of another cloud', async () => {
      const err = await refusedWith('getNewMail', { cloud: 'usgovdod', loginHost: 'login.microsoftonline.com', tenantId: 'common', oauth: freshToken() });
      expect(err.message).to.match(/^loginHost: the usgovdod cloud signs in at login\.microsoftonline\.us/);
    });

    it('personal accounts (consumers) in a national cloud', async () => {
      const err = await refusedWith('getNewMail', cfgFor('usgov', { tenantId: 'consumers', oauth: freshToken() }));
      expect(err.message).to.match(/^tenantId: consumers .* only in the global cloud/);
    });

    it('a Teams meeting in the china cloud, which offers none through Graph', async () => {
      const err = await refusedWith('createEvent', cfgFor('china', { tenantId: TENANT, authType: 'application', mailbox: MAILBOX }), {
        subject: 'Review', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', isOnlineMeeting: true,
      });
      expect(err).to.include({ name: 'InputError', field: 'isOnlineMeeting' });
      expect(err.message).to.match(/the china cloud offers no Microsoft Teams meetings/);
    });
  });

  it('a Teams meeting is booked in the US Government clouds', async () => {
    for (const cloud of ['usgov', 'usgovdod']) {
      nock.cleanAll();
      nock(CLOUDS[cloud].login).post(`/${TENANT}/oauth2/v2.0/token`).reply(200, { access_token: `at-${cloud}-0123456789`, expires_in: 3600 });
      const created = nock(CLOUDS[cloud].graph).post(`/v1.0/users/${MAILBOX}/calendar/events`, (body) => body.isOnlineMeeting === true && body.onlineMeetingProvider === 'teamsForBusiness')
        .reply(201, { id: 'AAMkE=', subject: 'Review', isOnlineMeeting: true });
      await loadStep('createEvent').process.call(createContext(), { id: 'c-2', body: { subject: 'Review', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', isOnlineMeeting: true }, headers: {} },
        cfgFor(cloud, { tenantId: TENANT, authType: 'application', mailbox: MAILBOX }), {});
      created.done();
    }
  });
});
