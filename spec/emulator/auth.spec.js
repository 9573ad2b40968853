'use strict';
const { expect } = require('chai');
const { AuthorizationCode } = require('simple-oauth2');
const { withEmulator, tokenRequest, graphClient } = require('./helpers');

const CLIENT = { client_id: 'emulator-client-id', client_secret: 'emulator-client-secret' };

describe('emulator: identity platform', () => {
  let emu;
  let graph;
  let tokens;
  let clock;

  withEmulator({ clock: true, accessTokenTtlSeconds: 600 }, (env) => ({ emu, graph, tokens, clock } = env));

  it('issues a token response shaped like Azure AD', () => {
    expect(tokens).to.have.keys('token_type', 'scope', 'expires_in', 'ext_expires_in', 'access_token', 'refresh_token');
    expect(tokens).to.include({ token_type: 'Bearer', expires_in: 600, ext_expires_in: 600 });
    expect(tokens.scope).to.contain('Mail.ReadWrite');
  });

  it('rotates refresh tokens strictly: the old one fails with invalid_grant AADSTS70008', async () => {
    const first = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(first.status).to.equal(200);
    expect(first.body.refresh_token).to.be.a('string').and.not.equal(tokens.refresh_token);
    expect(first.headers.get('cache-control')).to.contain('no-store');
    const me = await graphClient(emu, first.body.access_token)('/me');
    expect(me.status).to.equal(200);
    const reused = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reused.status).to.equal(400);
    expect(reused.body).to.include({ error: 'invalid_grant' });
    expect(reused.body.error_codes).to.deep.equal([70008]);
    expect(reused.body.error_description).to.match(/^AADSTS70008: /);
    expect(reused.body).to.have.keys('error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri');
    const next = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    expect(next.status).to.equal(200);
  });

  it('rejects revoked refresh tokens, a wrong secret, an unknown client, an unknown tenant and odd grants', async () => {
    const wrongSecret = await tokenRequest(emu, { ...CLIENT, client_secret: 'nope', grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(wrongSecret.status).to.equal(401);
    expect(wrongSecret.body).to.include({ error: 'invalid_client' });
    expect(wrongSecret.body.error_description).to.match(/^AADSTS7000215: Invalid client secret provided/);
    const unknownClient = await tokenRequest(emu, { ...CLIENT, client_id: 'other', grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(unknownClient.status).to.equal(400);
    expect(unknownClient.body.error_codes).to.deep.equal([700016]);
    const unknownTenant = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { tenant: 'fabrikam.example' });
    expect(unknownTenant.status).to.equal(400);
    expect(unknownTenant.body).to.include({ error: 'invalid_request' });
    expect(unknownTenant.body.error_codes).to.deep.equal([90002]);
    const unsupported = await tokenRequest(emu, { ...CLIENT, grant_type: 'password' });
    expect(unsupported.status).to.equal(400);
    expect(unsupported.body.error).to.equal('unsupported_grant_type');
    // None of the failures above used the refresh token up.
    for (const tenant of ['common', 'organizations', 'contoso.example']) {
      expect((await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: emu.control.issueTokens().refresh_token }, { tenant })).status).to.equal(200);
    }
    expect(emu.control.revokeRefreshToken(tokens.refresh_token)).to.equal(true);
    const revoked = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(revoked.body.error).to.equal('invalid_grant');
  });

  it('answers 401 InvalidAuthenticationToken for missing, unknown and expired access tokens', async () => {
    const missing = await graph('/me', { token: null });
    expect(missing.status).to.equal(401);
    expect(missing.body.error.code).to.equal('InvalidAuthenticationToken');
    expect(missing.headers.get('www-authenticate')).to.match(/^Bearer /);
    expect((await graph('/me', { token: 'garbage' })).status).to.equal(401);
    expect((await graph('/me')).status).to.equal(200);
    clock.advance(600_000);
    const expired = await graph('/me');
    expect(expired.status).to.equal(401);
    expect(expired.body.error.message).to.match(/expired/);
  });

  it('expireAccessTokens() expires every current access token at once; a refresh brings access back', async () => {
    emu.control.expireAccessTokens();
    expect((await graph('/me')).status).to.equal(401);
    const refreshed = await tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect((await graph('/me', { token: refreshed.body.access_token })).status).to.equal(200);
  });

  it('runs the authorization-code flow with simple-oauth2 (HTTP Basic client credentials), then refreshes', async () => {
    const client = new AuthorizationCode({
      client: { id: CLIENT.client_id, secret: CLIENT.client_secret },
      auth: {
        tokenHost: emu.url,
        tokenPath: `/${emu.tenantId}/oauth2/v2.0/token`,
        authorizePath: `/${emu.tenantId}/oauth2/v2.0/authorize`,
      },
    });
    const redirectUri = 'https://example.elastic.io/callback/oauth2';
    const authorizeUrl = client.authorizeURL({ redirect_uri: redirectUri, scope: 'openid offline_access Mail.Read', state: 'xyz', login_hint: emu.mailboxes.secondary });
    const consent = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(consent.status).to.equal(302);
    const back = new URL(consent.headers.get('location'));
    expect(back.origin + back.pathname).to.equal(redirectUri);
    expect(back.searchParams.get('state')).to.equal('xyz');
    const token = await client.getToken({ code: back.searchParams.get('code'), redirect_uri: redirectUri, scope: 'openid offline_access Mail.Read' });
    expect(token.token.refresh_token).to.be.a('string');
    const me = await graphClient(emu, token.token.access_token)('/me');
    expect(me.body.userPrincipalName).to.equal(emu.mailboxes.secondary);
    const refreshed = await token.refresh();
    expect(refreshed.token.refresh_token).not.to.equal(token.token.refresh_token);
    try {
      await token.refresh();
      expect.fail('a used refresh token must not work twice');
    } catch (err) {
      expect(err.data.payload.error).to.equal('invalid_grant');
    }
    // The code was good once only.
    const again = await tokenRequest(emu, { ...CLIENT, grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: redirectUri });
    expect(again.body.error).to.equal('invalid_grant');
  });

  it('issues no refresh token without offline_access, and app-only tokens cannot use /me', async () => {
    const noOffline = emu.control.issueTokens({ scope: 'User.Read Mail.Read' });
    expect(noOffline).not.to.have.property('refresh_token');
    const app = await tokenRequest(emu, { ...CLIENT, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
    expect(app.status).to.equal(200);
    const appGraph = graphClient(emu, app.body.access_token);
    expect((await appGraph('/me')).status).to.equal(400);
    expect((await appGraph(`/users/${emu.mailboxes.primary}/messages?$top=1`)).status).to.equal(200);
  });
});
