'use strict';

const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');
const { describeTokenError, normaliseTenant } = require('../../lib/graph/tokens');

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
    expect(calls).to.equal(3);
    expect(err.message).to.match(/temporarily unavailable/);
  });

  it('reports an unreachable login endpoint plainly', async () => {
    const ctx = createContext();
    nock(LOGIN).post(TOKEN_PATH).times(3).replyWithError('getaddrinfo ENOTFOUND login.microsoftonline.com');
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
