'use strict';

const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');
const { describeTokenError, tokenRetryWait } = require('../../lib/graph/tokens');
const { normaliseTenant } = require('../../lib/graph/credential');

const SECRETS = ['at-current', 'rt-current', 'at-new', 'rt-new', 'test-client-secret-value'];
const TOKEN_PATH = '/common/oauth2/v2.0/token';

function expectNoSecrets(ctx, err) {
  const texts = ctx.logs.map((l) => l.message).concat(err ? [err.message, err.stack] : []);
  for (const text of texts) for (const secret of SECRETS) expect(text).not.to.include(secret);
}

function tokenReply(overrides = {}) {
  return { token_type: 'Bearer', scope: 'Mail.Read', expires_in: 3600, access_token: 'at-new-abcdef', refresh_token: 'rt-new-abcdef', ...overrides };
}

const noWait = { sleep: async () => {} };

describe('tokens: refresh, persistence, failures', () => {
  it('refreshes an expiring token before the request and persists the whole new token with updateKeys', async () => {
    const ctx = createContext();
    let form;
    const login = nock(LOGIN).post(TOKEN_PATH, (body) => { form = body; return true; }).reply(200, tokenReply());
    const graph = nock(GRAPH, { reqheaders: { authorization: 'Bearer at-new-abcdef' } }).get('/v1.0/me').reply(200, {});
    const cfg = cfgWith({}, freshToken({ expires_at: new Date(Date.now() + 60 * 1000).toISOString() }));
    await createSession(cfg, ctx, noWait).get('/me');
    login.done();
    graph.done();
    expect(form).to.include({ grant_type: 'refresh_token', refresh_token: 'rt-current-0123456789', client_id: 'test-client-id', client_secret: 'test-client-secret-value' });
    const [keys] = ctx.emitted('updateKeys');
    expect(keys.oauth).to.include({ access_token: 'at-new-abcdef', refresh_token: 'rt-new-abcdef' });
    expect(Date.parse(keys.oauth.expires_at)).to.be.greaterThan(Date.now() + 3500 * 1000);
    expectNoSecrets(ctx);
  });

  it('refreshes once after a 401 and repeats the request', async () => {
    const ctx = createContext();
    nock(LOGIN).post(TOKEN_PATH).once().reply(200, tokenReply());
    const graph = nock(GRAPH)
      .get('/v1.0/me').matchHeader('authorization', 'Bearer at-current-0123456789').reply(401, { error: { code: 'InvalidAuthenticationToken' } })
      .get('/v1.0/me').matchHeader('authorization', 'Bearer at-new-abcdef').reply(200, { id: 'me' });
    const { body } = await createSession(cfgWith(), ctx, noWait).get('/me');
    expect(body.id).to.equal('me');
    graph.done();
    expect(ctx.emitted('updateKeys')).to.have.length(1);
  });

  it('keeps the old refresh token when the response carries none', async () => {
    const ctx = createContext();
    nock(LOGIN).post(TOKEN_PATH).reply(200, tokenReply({ refresh_token: undefined }));
    nock(GRAPH).get('/v1.0/me').reply(401).get('/v1.0/me').reply(200, {});
    await createSession(cfgWith(), ctx, noWait).get('/me');
    expect(ctx.emitted('updateKeys')[0].oauth.refresh_token).to.equal('rt-current-0123456789');
  });

  it('later messages of the same container use the refreshed token although their cfg is stale', async () => {
    const first = createContext();
    nock(LOGIN).post(TOKEN_PATH).once().reply(200, tokenReply());
    nock(GRAPH).get('/v1.0/me').reply(401).get('/v1.0/me').reply(200, {});
    await createSession(cfgWith(), first, noWait).get('/me');
    const second = createContext();
    const graph = nock(GRAPH, { reqheaders: { authorization: 'Bearer at-new-abcdef' } }).get('/v1.0/me').reply(200, {});
    await createSession(cfgWith(), second, noWait).get('/me');
    graph.done();
    expect(second.emitted('updateKeys')).to.have.length(0);
  });

  it('concurrent 401s share one refresh (a rotating refresh token must not be spent twice)', async () => {
    const ctx = createContext();
    let refreshes = 0;
    nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => { refreshes += 1; return [200, tokenReply()]; });
    nock(GRAPH).get(/\/v1.0\/me\/messages\/\d/).times(4).reply(401)
      .get(/\/v1.0\/me\/messages\/\d/).times(4).reply(200, {});
    const session = createSession(cfgWith(), ctx, noWait);
    await Promise.all([1, 2, 3, 4].map((i) => session.get(`/me/messages/${i}`)));
    expect(refreshes).to.equal(1);
  });

  it('an expired or revoked grant fails at once with "reconnect", one token request, no loop', async () => {
    const ctx = createContext();
    let calls = 0;
    nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => {
      calls += 1;
      return [400, { error: 'invalid_grant', error_description: 'AADSTS70008: The provided authorization code or refresh token has expired.\r\nTrace ID: x', error_codes: [70008] }];
    });
    nock(GRAPH).get('/v1.0/me').times(5).reply(401);
    const err = await createSession(cfgWith(), ctx, noWait).get('/me').catch((e) => e);
    expect(calls).to.equal(1);
    expect(err.name).to.equal('CredentialError');
    expect(err.message).to.match(/expired or was revoked \(invalid_grant, AADSTS70008\)/).and.match(/Reconnect the Outlook credential/);
    expectNoSecrets(ctx, err);
  });

  it('a second 401 right after a refresh ends with a reconnect message, not a loop', async () => {
    const ctx = createContext();
    nock(LOGIN).post(TOKEN_PATH).once().reply(200, tokenReply());
    let gets = 0;
    nock(GRAPH).get('/v1.0/me').times(5).reply(() => { gets += 1; return [401, { error: { code: 'InvalidAuthenticationToken' } }]; });
    const err = await createSession(cfgWith(), ctx, noWait).get('/me').catch((e) => e);
    expect(gets).to.equal(2);
    expect(err.message).to.match(/HTTP 401/).and.match(/Reconnect the Outlook credential/);
  });

  it('retries the token endpoint when it is unavailable, then reports it unreachable', async () => {
    const ctx = createContext();
    let calls = 0;
    nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => { calls += 1; return [503, { error: 'temporarily_unavailable' }]; });
    nock(GRAPH).get('/v1.0/me').reply(401);
    const err = await createSession(cfgWith(), ctx, noWait).get('/me').catch((e) => e);
    expect(calls).to.equal(5);
    expect(err.message).to.match(/temporarily unavailable/);
  });

  it('reports an unreachable login endpoint plainly', async () => {
    const ctx = createContext();
    nock(LOGIN).post(TOKEN_PATH).times(5).replyWithError('getaddrinfo ENOTFOUND login.microsoftonline.com');
    nock(GRAPH).get('/v1.0/me').reply(401);
    const err = await createSession(cfgWith(), ctx, noWait).get('/me').catch((e) => e);
    expect(err.message).to.match(/Could not reach the Microsoft sign-in service at https:\/\/login.microsoftonline.com/);
  });

  it('says to reconnect when there is no refresh token to use', async () => {
    const ctx = createContext();
    nock(GRAPH).get('/v1.0/me').reply(401);
    const err = await createSession(cfgWith({}, freshToken({ refresh_token: undefined })), ctx, noWait).get('/me').catch((e) => e);
    expect(err.message).to.match(/no refresh token/).and.match(/offline_access/);
  });

  describe('a sign-in outage is not a revoked credential', () => {
    /** A sleep that returns at once and records how long the refresh asked to wait. */
    function recordingSleep() {
      const waits = [];
      return { waits, sleep: async (ms) => { waits.push(ms); } };
    }
    const HTML = ['<html><body><h1>503 Service Unavailable</h1></body></html>', { 'Content-Type': 'text/html' }];
    const outages = [
      ['429 with Retry-After and a text body', () => [429, 'Too Many Requests', { 'Content-Type': 'text/plain', 'Retry-After': '7' }], 429],
      ['503 with an HTML page', () => [503, ...HTML], 503],
      ['502 with an empty body', () => [502, ''], 502],
      ['504 with a text body', () => [504, 'Gateway Timeout', { 'Content-Type': 'text/plain' }], 504],
      ['500 with JSON that is cut off', () => [500, '{"error":"server_er', { 'Content-Type': 'application/json' }], 500],
      ['503 with temporarily_unavailable as JSON', () => [503, { error: 'temporarily_unavailable', error_description: 'AADSTS50196: try again' }], 503],
    ];

    it('429 with Retry-After, 503 HTML, 502 empty, 504 text, then a token: waits as told, refreshes, and the request goes through', async () => {
      const ctx = createContext();
      const { waits, sleep } = recordingSleep();
      const answers = [
        [429, 'Too Many Requests', { 'Content-Type': 'text/plain', 'Retry-After': '3' }],
        [503, ...HTML],
        [502, ''],
        [504, 'Gateway Timeout', { 'Content-Type': 'text/plain' }],
        [200, tokenReply()],
      ];
      let calls = 0;
      nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => { calls += 1; return answers[calls - 1]; });
      nock(GRAPH).get('/v1.0/me').matchHeader('authorization', 'Bearer at-current-0123456789').reply(401)
        .get('/v1.0/me').matchHeader('authorization', 'Bearer at-new-abcdef').reply(200, { id: 'me' });
      const { body } = await createSession(cfgWith(), ctx, { sleep }).get('/me');
      expect(body.id).to.equal('me');
      expect(calls).to.equal(5);
      // Retry-After first, then the backoff of attempts 2, 3 and 4.
      expect(waits).to.deep.equal([3000, 2000, 4000, 8000]);
      const warnings = ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message);
      expect(warnings).to.have.length(4);
      for (const [i, status] of [429, 503, 502, 504].entries()) expect(warnings[i]).to.include(`HTTP ${status}`).and.not.include('406');
      for (const text of warnings) expect(text).to.not.match(/reconnect/i);
      expect(ctx.emitted('updateKeys')).to.have.length(1);
      expectNoSecrets(ctx);
    });

    for (const [label, answer, status] of outages) {
      it(`a lasting ${label}: five tries, then "temporarily unavailable (HTTP ${status}) ... retry later", never "reconnect"`, async () => {
        const ctx = createContext();
        const { waits, sleep } = recordingSleep();
        let calls = 0;
        nock(LOGIN).post(TOKEN_PATH).times(10).reply(() => { calls += 1; return answer(); });
        nock(GRAPH).get('/v1.0/me').reply(401);
        const err = await createSession(cfgWith(), ctx, { sleep }).get('/me').catch((e) => e);
        expect(calls).to.equal(5);
        expect(waits.reduce((a, b) => a + b, 0)).to.be.at.most(30000);
        expect(err.message).to.match(new RegExp(`temporarily unavailable \\(HTTP ${status}\\b`)).and.match(/retry later/i);
        expect(err.message).to.not.match(/reconnect|sign in again/i).and.not.include('406');
        expectNoSecrets(ctx, err);
      });
    }

    it('measures a Retry-After date against the Date of the same answer, not the local clock', async () => {
      const ctx = createContext();
      const { waits, sleep } = recordingSleep();
      nock(LOGIN).post(TOKEN_PATH)
        .reply(503, '', { Date: 'Wed, 21 Oct 2015 07:28:00 GMT', 'Retry-After': 'Wed, 21 Oct 2015 07:28:04 GMT' })
        .post(TOKEN_PATH).reply(200, tokenReply());
      nock(GRAPH).get('/v1.0/me').reply(401).get('/v1.0/me').reply(200, {});
      await createSession(cfgWith(), ctx, { sleep }).get('/me');
      expect(waits).to.deep.equal([4000]);
    });

    it('without a Date header, a Retry-After date cannot be measured and the backoff applies (never the local clock)', async () => {
      const ctx = createContext();
      const { waits, sleep } = recordingSleep();
      const farFuture = new Date(Date.now() + 3600 * 1000).toUTCString();
      nock(LOGIN).post(TOKEN_PATH).reply(503, '', { 'Retry-After': farFuture })
        .post(TOKEN_PATH).reply(200, tokenReply());
      nock(GRAPH).get('/v1.0/me').reply(401).get('/v1.0/me').reply(200, {});
      await createSession(cfgWith(), ctx, { sleep }).get('/me');
      expect(waits).to.deep.equal([1000]);
    });

    it('gives up at once, saying how long it was asked to wait, when Retry-After is beyond what a run waits', async () => {
      const ctx = createContext();
      const { waits, sleep } = recordingSleep();
      let calls = 0;
      nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => { calls += 1; return [429, '', { 'Retry-After': '600' }]; });
      nock(GRAPH).get('/v1.0/me').reply(401);
      const err = await createSession(cfgWith(), ctx, { sleep }).get('/me').catch((e) => e);
      expect(calls).to.equal(1);
      expect(waits).to.deep.equal([]);
      expect(err.message).to.match(/temporarily unavailable \(HTTP 429/).and.include('600 s').and.match(/retry later/i);
    });

    it('a 4xx page that is no OAuth answer (a proxy) is reported as such, once, without "reconnect"', async () => {
      const ctx = createContext();
      let calls = 0;
      nock(LOGIN).post(TOKEN_PATH).times(5).reply(() => { calls += 1; return [403, '<html>Access denied by proxy</html>', { 'Content-Type': 'text/html' }]; });
      nock(GRAPH).get('/v1.0/me').reply(401);
      const err = await createSession(cfgWith(), ctx, noWait).get('/me').catch((e) => e);
      expect(calls).to.equal(1);
      expect(err.message).to.include('HTTP 403').and.include('proxy').and.not.match(/reconnect/i);
      expect(err.message).to.not.include('Access denied by proxy');
    });

    it('a 200 whose token JSON is cut off is retried and never quotes the answer', async () => {
      const ctx = createContext();
      nock(LOGIN).post(TOKEN_PATH).reply(200, '{"access_token":"at-new-abcdef","refresh_tok', { 'Content-Type': 'application/json' })
        .post(TOKEN_PATH).reply(200, tokenReply());
      nock(GRAPH).get('/v1.0/me').reply(401).get('/v1.0/me').reply(200, {});
      await createSession(cfgWith(), ctx, noWait).get('/me');
      expect(ctx.logs.filter((l) => l.level === 'warn')).to.have.length(1);
      expectNoSecrets(ctx);
    });

    it('bounds the waits: 5 tries, 30 s in all, a Retry-After honoured up to exactly what is left', () => {
      expect(tokenRetryWait(undefined, 1, 0)).to.deep.equal({ delayMs: 1000 });
      expect(tokenRetryWait(undefined, 4, 7000)).to.deep.equal({ delayMs: 8000 });
      expect(tokenRetryWait(undefined, 5, 15000)).to.deep.equal({ stop: 'tried 5 times over 15 s' });
      expect(tokenRetryWait(0, 1, 0)).to.deep.equal({ delayMs: 0 });
      expect(tokenRetryWait(30000, 1, 0)).to.deep.equal({ delayMs: 30000 });
      expect(tokenRetryWait(20001, 2, 10000)).to.deep.equal({ stop: 'it asked to wait 21 s, longer than a run waits' });
    });

    it('an OAuth error it does not know does not say "reconnect"', () => {
      const result = describeTokenError({ error: 'invalid_request', error_codes: [900144] }, 400, 'common');
      expect(result.retryable).to.equal(false);
      expect(result.message).to.include('invalid_request, AADSTS900144').and.not.match(/reconnect/i);
    });
  });

  const aad = [
    [{ error: 'invalid_client', error_codes: [7000215] }, 401, /MSAPP_CLIENT_SECRET/],
    [{ error: 'invalid_client', error_codes: [7000222] }, 401, /expired.*MSAPP_CLIENT_SECRET/],
    [{ error: 'unauthorized_client', error_codes: [700016] }, 400, /MSAPP_CLIENT_ID/],
    [{ error: 'invalid_request', error_codes: [90002] }, 400, /Tenant "common" was not found/],
    [{ error: 'invalid_grant', error_codes: [65001] }, 400, /consent/],
    [{ error: 'interaction_required', error_codes: [50076] }, 400, /Reconnect/],
  ];
  aad.forEach(([payload, status, pattern]) => {
    it(`maps ${payload.error} AADSTS${payload.error_codes[0]} to an actionable message that is not retried`, () => {
      const result = describeTokenError(payload, status, 'common');
      expect(result.retryable).to.equal(false);
      expect(result.message).to.match(pattern);
    });
  });

  it('accepts only documented tenant shapes (the tenant goes into the token URL)', () => {
    expect(normaliseTenant('')).to.equal('common');
    expect(normaliseTenant('contoso.onmicrosoft.com')).to.equal('contoso.onmicrosoft.com');
    expect(normaliseTenant('72f988bf-86f1-41af-91ab-2d7cd011db47')).to.equal('72f988bf-86f1-41af-91ab-2d7cd011db47');
    for (const bad of ['../common', 'a/b', 'common?x=1', 'x', 42]) expect(() => normaliseTenant(bad)).to.throw(/tenantId/);
  });
});
