'use strict';

// verifyCredentials through sailor's service mode (runService.js verifyCredentials), as the
// platform calls it when a user saves the credential. The result is POSTed to
// ELASTICIO_POST_RESULT_URL. Sailor 2.7.8 reports a thrown error as
// {status: 'success', data: {verified: false, reason: <message>}}: that is what the UI shows.
const { expect } = require('chai');
const { useScenario, ACCOUNT_ID } = require('./helpers/scenario');

function countRoute(stats, pattern) {
  return Object.entries(stats.byRoute).filter(([route]) => pattern.test(route)).reduce((sum, [, n]) => sum + n, 0);
}

describe('e2e: verifyCredentials in sailor service mode', function () {
  const s = useScenario();

  it('verifies a fresh credential by reading the signed-in user (the real module ran, not sailor\'s stub)', async () => {
    const before = countRoute(s.graph.control.stats(), /^GET \/me$/);
    const result = await s.service('verifyCredentials', { cfg: s.graph.credential() });
    expect(result).to.deep.equal({ status: 'success', data: { verified: true } });
    // Sailor answers {verified: true} on its own when verifyCredentials.js fails to load: prove it ran.
    expect(countRoute(s.graph.control.stats(), /^GET \/me$/), 'GET /me requests').to.equal(before + 1);
  });

  it('verifies a credential whose access token expired by refreshing it', async () => {
    const cfg = s.graph.credential();
    s.graph.control.expireAccessTokens();
    const before = countRoute(s.graph.control.stats(), /oauth2\/v2\.0\/token$/);
    const result = await s.service('verifyCredentials', { cfg });
    expect(result).to.deep.equal({ status: 'success', data: { verified: true } });
    expect(countRoute(s.graph.control.stats(), /oauth2\/v2\.0\/token$/), 'token requests').to.equal(before + 1);
  });

  it('stores the token it refreshed with the account, so the rotated refresh token is not lost', async () => {
    const cfg = { ...s.graph.credential(), _account: ACCOUNT_ID };
    s.graph.control.expireAccessTokens();
    const before = s.accountUpdates().length;
    const result = await s.service('verifyCredentials', { cfg });
    expect(result).to.deep.equal({ status: 'success', data: { verified: true } });
    const updates = s.accountUpdates().slice(before);
    expect(updates, 'PUT /v1/accounts/{id} after the refresh').to.have.length(1);
    const stored = updates[0].keys.oauth;
    expect(stored.refresh_token).to.be.a('string').and.not.equal(cfg.oauth.refresh_token);
    // The emulator rotates strictly: only the stored token still works.
    const folders = await s.service('selectModel', { cfg: { ...cfg, oauth: stored }, triggerOrAction: 'getNewMail', modelMethod: 'getFolders' });
    expect(folders.status).to.equal('success');
    expect(Object.values(folders.data)).to.include('Inbox');
  });

  it('rejects a revoked sign-in with a reason that tells the user to reconnect', async () => {
    const cfg = s.graph.credential();
    expect(s.graph.control.revokeRefreshToken(cfg.oauth.refresh_token)).to.equal(true);
    s.graph.control.expireAccessTokens();
    const result = await s.service('verifyCredentials', { cfg });
    expect(result.status).to.equal('success');
    expect(result.data.verified).to.equal(false);
    expect(result.data.reason).to.match(/reconnect/i);
    expect(result.data.reason).to.match(/expired or was revoked/i);
    for (const secret of s.graph.secrets.keys()) expect(result.data.reason.includes(secret), 'a secret in the reason').to.equal(false);
  });

  it('rejects a wrong client secret with a reason that names MSAPP_CLIENT_SECRET', async () => {
    const cfg = s.graph.credential();
    s.graph.control.expireAccessTokens();
    const result = await s.service('verifyCredentials', { cfg, env: { ...s.graph.env, MSAPP_CLIENT_SECRET: 'not-the-secret' } });
    expect(result.status).to.equal('success');
    expect(result.data.verified).to.equal(false);
    expect(result.data.reason).to.include('MSAPP_CLIENT_SECRET');
  });

  s.itPrintedNoSecrets();
});
