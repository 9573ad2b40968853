'use strict';

// "Prove it", part 4: every sign-in and permission failure a user can meet ends in ONE message that
// says what to do, with no retry loop. Each case runs through the root verifyCredentials.js (what
// the platform calls when a credential is saved) and through the mail trigger in the real sailor
// executor (one `error`, then `end`: no data, no snapshot, no updateKeys), counting the requests
// that reached the token endpoint and Graph. The emulator models what it can (revoked and expired
// refresh tokens, wrong secret, unknown client id, unknown tenant); nock the rest (expired secret,
// missing consent, 403, MailboxNotEnabledForRESTAPI). Each message is checked against the
// "Message says" column of README.md's Troubleshooting table, read from the README itself.
const fs = require('fs');
const net = require('net');
const path = require('path');
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, freshToken, jwt } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const { ROOT, loadStep, runStep } = require('./helpers/sailor');
const { startEmulator } = require('../lib/emulator');
const { setSessionDefaults } = require('../lib/graph/session');

const verifyCredentials = require('../verifyCredentials');

const ENV_VARS = ['MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET', 'OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const DAY_MS = 24 * 3600 * 1000;
/** Tries of the token endpoint through an outage before a run gives up (the first one included). */
const TOKEN_ATTEMPTS = 5;
/** What README.md promises a run waits for the sign-in service at most, all waits together. */
const MAX_TOKEN_WAIT_MS = 30000;
const HTML_503 = [503, '<html><head><title>Service Unavailable</title></head><body>The service is unavailable.</body></html>', { 'Content-Type': 'text/html; charset=us-ascii' }];

// ---- what README.md promises --------------------------------------------------------------------

function troubleshootingTable() {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Troubleshooting[ \t]*$/m)[1];
  if (!section) throw new Error('README.md has no "## Troubleshooting" section');
  return section.split(/^## /m)[0].split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .map(([says, cause, todo]) => ({ says, cause, todo }));
}
const TROUBLESHOOTING = troubleshootingTable();

function readmeRow(key) {
  const row = TROUBLESHOOTING.find((r) => r.says.includes(key));
  if (!row) throw new Error(`README.md's Troubleshooting table has no row saying "${key}"`);
  return row;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How `message` falls short of a "Message says" cell: the text before the parentheses must appear
 * ("..." standing for any value), each word in the parentheses must appear, and of the AADSTS
 * codes listed (`AADSTS70008 / 700082 / 50173`) at least one.
 */
function unkeptPromises(message, says) {
  const [, lead, inner] = /^(.*?)(?:\s*\(([^)]*)\))?$/.exec(says);
  const problems = [];
  const leadPattern = new RegExp(lead.split('...').map(escapeRegExp).join('.+'));
  if (!leadPattern.test(message)) problems.push(`does not say "${lead}"`);
  if (inner) {
    const tokens = inner.split(/[\s,/]+/).filter(Boolean);
    const codes = tokens.filter((t) => /^(AADSTS)?\d+$/.test(t)).map((t) => `AADSTS${t.replace('AADSTS', '')}`);
    if (codes.length && !codes.some((code) => new RegExp(`${code}\\b`).test(message))) problems.push(`names none of ${codes.join(', ')}`);
    for (const word of tokens.filter((t) => !/^(AADSTS)?\d+$/.test(t))) {
      if (!message.includes(word)) problems.push(`does not name ${word}`);
    }
  }
  return problems;
}

// ---- Azure AD and Graph answers for the nock cases ------------------------------------------------

function aad(status, error, code, description) {
  return [status, {
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: 7e3c\r\nCorrelation ID: 9a1f\r\nTimestamp: 2026-11-27 07:00:00Z`,
    error_codes: [code],
    timestamp: '2026-11-27 07:00:00Z',
  }];
}

function graphError(status, code, message) {
  return [status, { error: { code, message, innerError: { 'request-id': `rid-${code}` } } }, { 'request-id': `rid-${code}` }];
}

const UNAUTHORIZED = graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');

/** A local port nothing listens on: connecting to it is refused at once. */
async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address();
  await new Promise((resolve) => { server.close(resolve); });
  return port;
}

// ---- the cases ----------------------------------------------------------------------------------
// backend 'emulator': Graph and login on the emulator (login possibly elsewhere); 'nock': Microsoft's
// hosts answered by nock through `token()` and `graph(uri)`. `expect` = requests per run; `verify`,
// when given, those of verifyCredentials (an application credential makes no Graph request there).

const APP_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = { authType: 'application', tenantId: APP_TENANT, mailbox: 'info@contoso.com' };
const appToken = (roles) => [200, { token_type: 'Bearer', expires_in: 3599, access_token: jwt({ aud: GRAPH, tid: APP_TENANT, idtyp: 'app', ...(roles && { roles }) }) }];
const ALL_ROLES = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read'];

const CASES = [
  {
    name: 'a revoked refresh token (invalid_grant)',
    readme: 'The Outlook sign-in has expired or was revoked',
    backend: 'emulator',
    arrange({ emu, cfg }) {
      emu.control.revokeRefreshToken(cfg.oauth.refresh_token);
      emu.control.expireAccessTokens();
    },
    expect: { token: 1, graph: 1 },
    todo: [/open the credential and sign in again/i],
  },
  {
    name: 'a refresh token expired after 90 days unused (invalid_grant)',
    readme: 'The Outlook sign-in has expired or was revoked',
    backend: 'emulator',
    arrange({ clock }) { clock.offset += 91 * DAY_MS; },
    expect: { token: 1, graph: 1 },
    todo: [/open the credential and sign in again/i],
  },
  {
    name: 'sign-in revoked by a password change (invalid_grant, AADSTS50173)',
    readme: 'The Outlook sign-in has expired or was revoked',
    backend: 'nock',
    token: () => aad(400, 'invalid_grant', 50173, 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.'),
    graph: () => UNAUTHORIZED,
    expect: { token: 1, graph: 1 },
    todo: [/open the credential and sign in again/i],
  },
  {
    name: 'a refresh token expired for inactivity (invalid_grant, AADSTS700082)',
    readme: 'The Outlook sign-in has expired or was revoked',
    backend: 'nock',
    token: () => aad(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity. The token was issued on 2026-08-01 and was inactive for 90.00:00:00.'),
    graph: () => UNAUTHORIZED,
    expect: { token: 1, graph: 1 },
    todo: [/open the credential and sign in again/i],
  },
  {
    name: 'a wrong client secret (AADSTS7000215)',
    readme: 'Microsoft rejected the client secret',
    backend: 'emulator',
    arrange({ emu }) {
      process.env.MSAPP_CLIENT_SECRET = '3f0a6f43-secret-id-not-value';
      emu.control.expireAccessTokens();
    },
    expect: { token: 1, graph: 1 },
    todo: [/MSAPP_CLIENT_SECRET/, /secret's Value/],
  },
  {
    name: 'an expired client secret (AADSTS7000222)',
    readme: "The app's client secret has expired",
    backend: 'nock',
    token: () => aad(401, 'invalid_client', 7000222, "The provided client secret keys for app '00000000-1111' are expired. Visit the Azure portal to create new keys for your app."),
    graph: () => UNAUTHORIZED,
    expect: { token: 1, graph: 1 },
    todo: [/new secret/i, /MSAPP_CLIENT_SECRET/],
  },
  {
    name: 'a wrong tenant (AADSTS90002)',
    readme: 'Tenant "..." was not found',
    backend: 'emulator',
    cfg: { tenantId: 'fabrikam-typo.onmicrosoft.com' },
    arrange({ emu }) { emu.control.expireAccessTokens(); },
    expect: { token: 1, graph: 1 },
    todo: [/"fabrikam-typo\.onmicrosoft\.com"/, /common/, /tenant id/i, /domain/],
  },
  {
    name: 'an unknown client id (AADSTS700016)',
    readme: 'No app with MSAPP_CLIENT_ID was found',
    backend: 'emulator',
    arrange({ emu }) {
      process.env.MSAPP_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
      emu.control.expireAccessTokens();
    },
    expect: { token: 1, graph: 1 },
    todo: [/Check MSAPP_CLIENT_ID/, /multi-tenant/],
  },
  {
    name: 'consent missing for a scope (AADSTS65001)',
    readme: 'has not consented to the scopes',
    backend: 'nock',
    token: () => aad(400, 'invalid_grant', 65001, "The user or administrator has not consented to use the application with ID '00000000-1111' named 'Outlook for elastic.io'. Send an interactive authorization request for this user and resource."),
    graph: () => UNAUTHORIZED,
    expect: { token: 1, graph: 1 },
    todo: [/reconnect/i, /consent/i],
  },
  {
    name: 'a scope missing on the token: Graph 403 ErrorAccessDenied',
    readme: 'HTTP 403 ErrorAccessDenied',
    backend: 'nock',
    graph: () => graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
    expect: { token: 0, graph: 1 },
    todo: [/permissions/i, /reconnect/i, /scope/i, /request-id: rid-ErrorAccessDenied/],
  },
  {
    name: 'the sign-in service unreachable (connection refused)',
    readme: 'Could not reach the Microsoft sign-in service',
    backend: 'emulator',
    async arrange({ emu }) {
      process.env.OUTLOOK_LOGIN_BASE_URL = `http://127.0.0.1:${await closedPort()}`;
      emu.control.expireAccessTokens();
    },
    expect: { token: TOKEN_ATTEMPTS, graph: 1 },
    todo: [/ECONNREFUSED/, /check the network/i, /retry later/i],
  },
  {
    name: 'a sign-in outage that lasts (503 with an HTML page, each time)',
    readme: 'The Microsoft sign-in service is temporarily unavailable',
    backend: 'nock',
    token: () => HTML_503,
    graph: () => UNAUTHORIZED,
    expect: { token: TOKEN_ATTEMPTS, graph: 1 },
    todo: [/HTTP 503/, /retry later/i],
    never: /reconnect|sign in again|406/i,
  },
  {
    name: 'sign-in throttled for longer than a run waits (429, Retry-After 3600, text body)',
    readme: 'The Microsoft sign-in service is temporarily unavailable',
    backend: 'nock',
    token: () => [429, 'Too many requests', { 'Content-Type': 'text/plain', 'Retry-After': '3600' }],
    graph: () => UNAUTHORIZED,
    expect: { token: 1, graph: 1 },
    todo: [/HTTP 429/, /3600 s/, /retry later/i],
    never: /reconnect|sign in again|406/i,
  },
  {
    name: 'a mailbox not enabled for the REST API (MailboxNotEnabledForRESTAPI)',
    readme: 'MailboxNotEnabledForRESTAPI',
    backend: 'nock',
    graph: () => graphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.'),
    expect: { token: 0, graph: 1 },
    todo: [/on-premises/, /Exchange Online/],
  },
  {
    name: 'a 403 on the chosen folder (the credential itself is fine)',
    readme: 'HTTP 403 ErrorAccessDenied',
    backend: 'nock',
    cfg: { folderId: 'AAMkAGVmMDEz-SharedFolder=' },
    graph: (uri) => (uri.startsWith('/v1.0/me/mailFolders/') ? graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.') : [200, { id: 'user-1' }]),
    verifies: true,
    expect: { token: 0, graph: 1 },
    todo: [/mailbox or folder/, /Check the mailbox permissions/, /\/me\/mailFolders\/AAMkAGVmMDEz-SharedFolder%3D\/messages/],
  },
  {
    name: 'a shared mailbox the signed-in user has no Full Access on (the credential itself is fine)',
    readme: 'The signed-in user has no Full Access on mailbox',
    backend: 'nock',
    cfg: { mailbox: 'info@contoso.com' },
    graph: (uri) => (uri.startsWith('/v1.0/users/') ? graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.') : [200, { id: 'user-1' }]),
    verifies: true,
    expect: { token: 0, graph: 1 },
    todo: [/Full Access/, /info@contoso\.com/, /\.Shared/],
  },
  {
    name: 'a mailbox that does not exist (404 ErrorInvalidUser)',
    readme: 'Mailbox ... was not found',
    backend: 'nock',
    cfg: { mailbox: 'infp@contoso.com' },
    graph: (uri) => (uri.startsWith('/v1.0/users/') ? graphError(404, 'ErrorInvalidUser', "The requested user 'infp@contoso.com' is invalid.") : [200, { id: 'user-1' }]),
    verifies: true,
    expect: { token: 0, graph: 1 },
    todo: [/check the mailbox field/],
  },
  {
    name: 'an application credential without admin consent (a token without roles; Graph 401 NoPermissionsInAccessToken)',
    readme: 'no administrator has granted admin consent',
    backend: 'nock',
    cfg: APP,
    token: () => appToken(undefined),
    graph: () => graphError(401, 'NoPermissionsInAccessToken', 'The token contains no permissions, or permissions can not be understood.'),
    verify: { token: 1, graph: 0 },
    expect: { token: 2, graph: 2 },
    todo: [/Mail\.ReadWrite, Mail\.Send, Calendars\.ReadWrite/, /Grant admin consent/],
    never: /reconnect/i,
  },
  {
    name: 'an application credential on a mailbox outside the app\'s Exchange scope (403 ErrorAccessDenied, every permission consented)',
    readme: 'is outside that scope',
    backend: 'nock',
    cfg: APP,
    token: () => appToken(ALL_ROLES),
    graph: () => graphError(403, 'ErrorAccessDenied', 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.'),
    verifies: true,
    verify: { token: 1, graph: 0 },
    expect: { token: 1, graph: 1 },
    todo: [/RBAC for Applications/, /mailbox info@contoso\.com is outside that scope/],
    never: /reconnect/i,
  },
  {
    name: 'an application credential whose app is not in the tenant (AADSTS700016)',
    readme: 'The app (...) is not in tenant',
    backend: 'nock',
    cfg: APP,
    token: () => aad(400, 'unauthorized_client', 700016, `Application with identifier 'test-client-id' was not found in the directory '${APP_TENANT}'.`),
    graph: () => [500, {}],
    expect: { token: 1, graph: 0 },
    todo: [/grant admin consent/, /MSAPP_CLIENT_ID/],
    never: /reconnect/i,
  },
  {
    name: 'a sign-in host of another cloud than the credential\'s',
    readme: 'loginHost: the ... cloud signs in at',
    backend: 'nock',
    cfg: { cloud: 'usgov', loginHost: 'login.microsoftonline.com' },
    graph: () => [500, {}],
    expect: { token: 0, graph: 0 },
    todo: [/pick login\.microsoftonline\.us/],
  },
];

describe('auth failures: one clear, actionable message and no retry loop', function () {
  this.timeout(30000);
  const clock = { offset: 0 };
  let emu;
  let savedEnv;
  let restoreSessionDefaults;
  // Waits between token tries are recorded, not slept: the cases below would otherwise take 15 s each.
  const waits = [];

  before(async () => {
    restoreSessionDefaults = setSessionDefaults({ sleep: async (ms) => { waits.push(ms); } });
    emu = await startEmulator({
      seed: 11, mailCount: 20, now: () => Date.now() + clock.offset,
      clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET,
    });
  });
  after(async () => {
    restoreSessionDefaults();
    if (emu) await emu.close();
  });

  beforeEach(() => {
    waits.length = 0;
    savedEnv = Object.fromEntries(ENV_VARS.map((name) => [name, process.env[name]]));
    clock.offset = 0;
    emu.control.clearFaults();
    emu.control.resetStats();
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    clock.offset = 0;
  });

  it("reads every row of README.md's Troubleshooting table that these cases rely on", () => {
    const used = new Set(CASES.map((c) => c.readme));
    for (const key of used) expect(readmeRow(key).says).to.include(key.split('...')[0]);
    expect(TROUBLESHOOTING.length).to.be.at.least(used.size);
  });

  /**
   * Arranges one case and returns the cfg to use and a counter of the requests that reached the
   * token endpoint and Graph during the run.
   */
  async function arrange(c) {
    if (c.backend === 'emulator') {
      process.env.OUTLOOK_GRAPH_BASE_URL = emu.url;
      process.env.OUTLOOK_LOGIN_BASE_URL = emu.url;
      const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', ...c.cfg };
      await c.arrange?.({ emu, cfg, clock });
      emu.control.resetStats();
      const loginOrigin = process.env.OUTLOOK_LOGIN_BASE_URL;
      const elsewhere = [];
      const onNoMatch = (req) => {
        const href = String(req.href || (req.options && req.options.href) || '');
        if (loginOrigin !== emu.url && href.startsWith(loginOrigin)) elsewhere.push(href);
      };
      nock.emitter.on('no match', onNoMatch);
      return {
        cfg,
        counts() {
          nock.emitter.removeListener('no match', onNoMatch);
          const { byRoute } = emu.control.stats();
          const sum = (pick) => Object.entries(byRoute).filter(([route]) => pick(route)).reduce((n, [, k]) => n + k, 0);
          const isToken = (route) => /oauth2\/v2\.0\/token$/.test(route);
          return { token: sum(isToken) + elsewhere.length, graph: sum((route) => !isToken(route)) };
        },
      };
    }
    const counts = { token: 0, graph: 0 };
    nock(LOGIN).persist().post(/\/oauth2\/v2\.0\/token$/).reply(() => {
      counts.token += 1;
      return c.token ? c.token() : [500, { error: 'unexpected' }];
    });
    const graph = nock(GRAPH).persist();
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      graph.intercept(/.*/, method).query(true).reply((uri) => {
        counts.graph += 1;
        return c.graph(uri);
      });
    }
    return { cfg: { oauth: freshToken(), tenantId: 'common', ...c.cfg }, counts: () => ({ ...counts }) };
  }

  function secretsOf(cfg) {
    return [cfg.oauth.access_token, cfg.oauth.refresh_token, cfg.clientSecret, process.env.MSAPP_CLIENT_SECRET, savedEnv.MSAPP_CLIENT_SECRET].filter(Boolean);
  }

  function expectOneActionableMessage(c, message, cfg) {
    expect(unkeptPromises(message, readmeRow(c.readme).says), `README promises "${readmeRow(c.readme).says}"; the message is: ${message}`).to.deep.equal([]);
    for (const pattern of c.todo) expect(message, 'says what to do').to.match(pattern);
    if (c.never) expect(message, 'says what does not apply').to.not.match(c.never);
    for (const secret of secretsOf(cfg)) expect(message, 'a secret in the message').to.not.include(secret);
    expect(message.length, message).to.be.below(600);
  }

  for (const c of CASES) {
    describe(c.name, () => {
      const verifyRequests = c.verify || (c.verifies ? { token: 0, graph: 1 } : c.expect);
      it(`verifyCredentials ${c.verifies ? 'accepts the credential' : 'fails with the README message'}, after ${verifyRequests.token} token and ${verifyRequests.graph} Graph request(s)`, async () => {
        const { cfg, counts } = await arrange(c);
        const ctx = createContext();
        const started = Date.now();
        let error;
        let result;
        try {
          result = await verifyCredentials.call(ctx, cfg);
        } catch (err) {
          error = err;
        }
        const seen = counts();
        if (c.verifies) {
          expect(error, error && error.message).to.equal(undefined);
          expect(result).to.deep.equal({ verified: true });
          expect(seen).to.deep.equal(c.verify || { token: 0, graph: 1 });
          return;
        }
        expect(error, 'verifyCredentials resolved').to.be.an('error');
        expectOneActionableMessage(c, error.message, cfg);
        expect(seen, 'requests to the token endpoint and Graph').to.deep.equal(c.verify || c.expect);
        expect(ctx.emitted('updateKeys'), 'updateKeys').to.deep.equal([]);
        const retries = ctx.logs.filter((l) => /retrying/i.test(l.message));
        expect(retries, 'retry warnings').to.have.length(Math.max(0, (c.verify || c.expect).token - 1));
        expect(waits.reduce((sum, ms) => sum + ms, 0), 'ms waited between token tries').to.be.at.most(MAX_TOKEN_WAIT_MS);
        expect(Date.now() - started, 'ms spent').to.be.below(10000);
      });

      it(`Poll for New Mail (real sailor executor): one error event then end, ${c.expect.token} token and ${c.expect.graph} Graph request(s)`, async () => {
        const { cfg, counts } = await arrange(c);
        const result = await runStep(loadStep('getNewMail'), { id: 'poll-1', body: {}, headers: {} }, cfg, {}, { timeoutMs: 20000 });
        const seen = counts();
        expect(result.names, 'events').to.deep.equal(['error', 'end']);
        const [error] = result.of('error');
        expect(error).to.be.an('error');
        expectOneActionableMessage(c, error.message, cfg);
        expect(seen, 'requests to the token endpoint and Graph').to.deep.equal(c.expect);
        const logged = result.logs.map((r) => String(r.msg)).join('\n');
        for (const secret of secretsOf(cfg)) expect(logged, 'a secret in the logs').to.not.include(secret);
      });
    });
  }

  describe('a sign-in outage that passes: 429 with Retry-After, 503 HTML, 502 empty, 504 text, then a token', () => {
    const OUTAGE = [
      [429, 'Too Many Requests', { 'Content-Type': 'text/plain', 'Retry-After': '3' }],
      HTML_503,
      [502, ''],
      [504, 'Gateway Time-out', { 'Content-Type': 'text/plain' }],
      [200, { access_token: 'at-after-outage-1', refresh_token: 'rt-after-outage-1', expires_in: 3600, token_type: 'Bearer', scope: 'Mail.Read' }],
    ];

    /** The token endpoint answers OUTAGE in order; Graph refuses the old access token and serves the new one. */
    function arrangeOutage() {
      const counts = { token: 0, graph: 0 };
      nock(LOGIN).post(/\/oauth2\/v2\.0\/token$/).times(OUTAGE.length).reply(() => { counts.token += 1; return OUTAGE[counts.token - 1]; });
      const graph = nock(GRAPH).persist();
      graph.get(/.*/).query(true).reply(function reply() {
        counts.graph += 1;
        if (this.req.headers.authorization !== 'Bearer at-after-outage-1') return UNAUTHORIZED;
        return [200, { id: 'user-1', value: [] }, { Date: new Date().toUTCString() }];
      });
      return counts;
    }

    function expectWaitedAsTold(logs) {
      expect(waits, 'Retry-After, then 2, 4 and 8 s').to.deep.equal([3000, 2000, 4000, 8000]);
      const retries = logs.filter((text) => /retrying/i.test(text));
      expect(retries).to.have.length(4);
      for (const [i, status] of [429, 503, 502, 504].entries()) expect(retries[i]).to.include(`HTTP ${status}`);
      for (const text of logs) expect(text).to.not.match(/reconnect|HTTP 406/i);
    }

    it('verifyCredentials waits it out and verifies the credential, storing the new token', async () => {
      const counts = arrangeOutage();
      const ctx = createContext();
      const result = await verifyCredentials.call(ctx, { oauth: freshToken(), tenantId: 'common' });
      expect(result).to.deep.equal({ verified: true });
      expect(counts).to.deep.equal({ token: 5, graph: 2 });
      expect(ctx.emitted('updateKeys').map((k) => k.oauth.access_token)).to.deep.equal(['at-after-outage-1']);
      expectWaitedAsTold(ctx.logs.map((l) => l.message));
    });

    it('Poll for New Mail (real sailor executor) waits it out and polls: updateKeys, no error', async () => {
      const counts = arrangeOutage();
      const result = await runStep(loadStep('getNewMail'), { id: 'poll-1', body: {}, headers: {} }, { oauth: freshToken(), tenantId: 'common' }, {}, { timeoutMs: 20000 });
      expect(result.of('error'), 'errors').to.deep.equal([]);
      expect(result.of('updateKeys').map((k) => k.oauth.access_token)).to.deep.equal(['at-after-outage-1']);
      expect(counts.token).to.equal(5);
      expectWaitedAsTold(result.logs.map((r) => String(r.msg)));
    });
  });

  it('a second poll after a failed refresh tries once more and fails the same way: one attempt per run, not a loop', async () => {
    const c = CASES[0];
    const { cfg, counts } = await arrange(c);
    const step = loadStep('getNewMail');
    const first = await runStep(step, { id: 'poll-1', body: {}, headers: {} }, cfg, {});
    const second = await runStep(step, { id: 'poll-2', body: {}, headers: {} }, cfg, {});
    expect(first.names).to.deep.equal(['error', 'end']);
    expect(second.names).to.deep.equal(['error', 'end']);
    expect(second.of('error')[0].message).to.equal(first.of('error')[0].message);
    expect(counts()).to.deep.equal({ token: 2, graph: 2 });
  });
});
