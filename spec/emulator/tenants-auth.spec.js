'use strict';
// The identity platform across tenants and clouds: the client-credentials grant with and without
// admin consent, AADSTS answers for bad secrets, unknown tenants, apps not in the tenant and the
// tenant aliases, the `.default` scope and delegated scope hosts of each cloud, and who may sign in.
const path = require('node:path');
const { expect } = require('chai');
const { withEmulator, tokenRequest, graphClient } = require('./helpers');
const { CLIENT, claims, appToken, tenantOf } = require('./directory-helpers');

const GRAPH_HOSTS = {
  global: 'https://graph.microsoft.com',
  usgov: 'https://graph.microsoft.us',
  usgovdod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
};
const LOGIN_HOSTS = {
  global: 'https://login.microsoftonline.com',
  usgov: 'https://login.microsoftonline.us',
  usgovdod: 'https://login.microsoftonline.us',
  china: 'https://login.partner.microsoftonline.cn',
};

function expectAad(res, status, error, code) {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.body.error).to.equal(error);
  expect(res.body.error_codes).to.deep.equal([code]);
  expect(res.body.error_description).to.match(new RegExp(`^AADSTS${code}: `));
  expect(res.body).to.not.have.property('access_token');
}

describe('emulator: tenants, clouds and the client-credentials grant', () => {
  let emu;
  withEmulator({ once: true }, (env) => ({ emu } = env));

  it('seeds one tenant per cloud, each with a user and a shared mailbox, and the cloud hosts Microsoft documents', () => {
    expect(emu.tenants.map((t) => t.cloud)).to.deep.equal(['global', 'usgov', 'usgovdod', 'china']);
    expect(emu.tenants[0]).to.include({ id: emu.tenantId, cloud: 'global' });
    expect(emu.tenants[0].users).to.include.members([emu.mailboxes.primary, emu.mailboxes.secondary]);
    for (const t of emu.tenants) {
      expect(t.graphHost, t.cloud).to.equal(GRAPH_HOSTS[t.cloud]);
      expect(t.loginHost, t.cloud).to.equal(LOGIN_HOSTS[t.cloud]);
      expect(t.users, t.cloud).to.have.length.of.at.least(1);
      expect(t.sharedMailboxes, t.cloud).to.have.length(1);
    }
  });

  it("by default consents to every scope the component's credential requests", async () => {
    const { scopes } = require(path.join(__dirname, '../../component.json')).credentials.oauth2;
    const granted = emu.control.issueTokens().scope.split(' ');
    expect(granted).to.include.members(scopes.filter((s) => s !== 'offline_access'));
    expect(claims(emu.control.issueTokens().access_token).scp.split(' ')).to.include.members(scopes.filter((s) => s !== 'offline_access'));
  });

  describe('client credentials', () => {
    it("issues a token shaped as Entra's page shows it, carrying the admin-consented roles, the tenant and the cloud's audience", async () => {
      for (const t of emu.tenants) {
        const res = await appToken(emu, t.id, { scope: `${t.graphHost}/.default` });
        expect(res.status, t.cloud).to.equal(200);
        expect(res.body).to.have.keys('token_type', 'expires_in', 'ext_expires_in', 'access_token');
        const c = claims(res.body.access_token);
        expect(c).to.include({ aud: t.graphHost, tid: t.id, appid: CLIENT.client_id, idtyp: 'app' });
        expect(c.roles).to.include.members(['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read']);
        expect(c).to.not.have.property('scp');
      }
      // The tenant's domain names it as well as its id.
      expect((await appToken(emu, 'contoso.example')).status).to.equal(200);
    });

    it('without admin consent still issues a token, without roles, which Graph refuses with 401 NoPermissionsInAccessToken', async () => {
      const tenant = emu.control.createTenant({ domains: ['unconsented.example'] });
      emu.control.createUser({ userPrincipalName: 'pat@unconsented.example' });
      expect(emu.control.setAdminConsent({ tenant: tenant.id, roles: null })).to.deep.equal([]);
      const res = await appToken(emu, tenant.id);
      expect(res.status).to.equal(200);
      expect(claims(res.body.access_token)).to.not.have.property('roles');
      const graph = graphClient(emu, res.body.access_token);
      for (const target of ['/users/pat@unconsented.example/messages', '/me']) {
        const refused = await graph(target);
        expect(refused.status, target).to.equal(401);
        expect(refused.body.error).to.include({ code: 'NoPermissionsInAccessToken', message: 'The token contains no permissions, or permissions can not be understood.' });
      }
      // Consent granted later applies to the next token, not to the one already issued.
      emu.control.setAdminConsent({ tenant: tenant.id });
      expect((await graph('/users/pat@unconsented.example/messages')).status).to.equal(401);
      const next = await appToken(emu, tenant.id);
      expect((await graphClient(emu, next.body.access_token)('/users/pat@unconsented.example/messages')).status).to.equal(200);
    });

    it('answers /me with 400 "only valid with delegated authentication flow" once the token has roles', async () => {
      const res = await appToken(emu, emu.tenantId);
      const me = await graphClient(emu, res.body.access_token)('/me/messages');
      expect(me.status).to.equal(400);
      expect(me.body.error).to.include({ code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
    });

    it('refuses a wrong or missing secret (AADSTS7000215, 7000218), an unknown tenant (90002) and an app not in the tenant (700016)', async () => {
      expectAad(await appToken(emu, emu.tenantId, { client_secret: 'nope' }), 401, 'invalid_client', 7000215);
      expectAad(await appToken(emu, emu.tenantId, { client_secret: '' }), 401, 'invalid_client', 7000218);
      expectAad(await appToken(emu, 'nowhere.example'), 400, 'invalid_request', 90002);
      expectAad(await appToken(emu, emu.tenantId, { client_id: 'someone-elses-app' }), 400, 'unauthorized_client', 700016);
      // A tenant where the app was never consented has no service principal of it.
      const stranger = emu.control.createTenant({ domains: ['stranger.example'], displayName: 'Stranger Corp' });
      const notThere = await appToken(emu, stranger.id);
      expectAad(notThere, 400, 'unauthorized_client', 700016);
      expect(notThere.body.error_description).to.contain("was not found in the directory 'Stranger Corp'");
      // Admin consent puts it there.
      emu.control.setAdminConsent({ tenant: stranger.id });
      expect((await appToken(emu, stranger.id)).status).to.equal(200);
    });

    it('refuses the tenant aliases: /common and /consumers with AADSTS9001023, /organizations with 50059', async () => {
      expectAad(await appToken(emu, 'common'), 400, 'invalid_request', 9001023);
      expectAad(await appToken(emu, 'consumers'), 400, 'invalid_request', 9001023);
      expectAad(await appToken(emu, 'organizations'), 400, 'invalid_request', 50059);
      expect(() => emu.control.issueAppTokens({ tenant: 'common' })).to.throw(/AADSTS9001023/);
    });

    it("asks for `{graph host of the tenant's cloud}/.default` only: another cloud's host is AADSTS500011, other scopes 1002012 or 70011", async () => {
      for (const t of emu.tenants) {
        for (const [cloud, host] of Object.entries(GRAPH_HOSTS)) {
          const res = await appToken(emu, t.id, { scope: `${host}/.default` });
          if (cloud === t.cloud) expect(res.status, `${t.cloud} asking ${cloud}`).to.equal(200);
          else expectAad(res, 400, 'invalid_resource', 500011);
        }
      }
      const wrongCloud = await appToken(emu, tenantOf(emu, 'usgov').id, { scope: 'https://graph.microsoft.com/.default' });
      expect(wrongCloud.body.error_description).to.contain('The resource principal named https://graph.microsoft.com was not found in the tenant named');
      expectAad(await appToken(emu, emu.tenantId, { scope: 'Mail.Read' }), 400, 'invalid_scope', 1002012);
      expectAad(await appToken(emu, emu.tenantId, { scope: 'https://graph.microsoft.com/Mail.Read' }), 400, 'invalid_scope', 1002012);
      expectAad(await appToken(emu, emu.tenantId, { scope: 'https://foo.microsoft.com/.default' }), 400, 'invalid_scope', 70011);
      expectAad(await appToken(emu, emu.tenantId, { scope: '' }), 400, 'invalid_request', 900144);
      // Graph's application id names Graph in every cloud.
      expect((await appToken(emu, tenantOf(emu, 'china').id, { scope: '00000003-0000-0000-c000-000000000000/.default' })).status).to.equal(200);
    });

    it("names each cloud's own login host in error_uri", async () => {
      for (const t of emu.tenants) {
        const res = await appToken(emu, t.id, { client_secret: 'nope' });
        expect(res.body.error_uri, t.cloud).to.equal(`${LOGIN_HOSTS[t.cloud]}/error?code=7000215`);
      }
    });

    it('issues app-only tokens through the control API, in process and over HTTP, with the same rules', async () => {
      const usgov = tenantOf(emu, 'usgov');
      const inProcess = emu.control.issueAppTokens({ tenant: usgov.domains[0] });
      expect(claims(inProcess.access_token)).to.include({ aud: usgov.graphHost, tid: usgov.id });
      const res = await fetch(`${emu.url}/_emulator/tokens/app`, { method: 'POST', body: JSON.stringify({ tenant: usgov.id }) });
      expect(res.status).to.equal(200);
      expect(claims((await res.json()).access_token).roles).to.include('Mail.Send');
      const wrong = await fetch(`${emu.url}/_emulator/tokens/app`, { method: 'POST', body: JSON.stringify({ tenant: usgov.id, scope: 'https://graph.microsoft.com/.default' }) });
      expect(wrong.status).to.equal(400);
      expect((await wrong.json()).error.message).to.match(/AADSTS500011/);
    });
  });

  describe('delegated sign-in', () => {
    it("accepts short scope names and the tenant's own Graph host, and refuses another cloud's host (AADSTS500011)", () => {
      for (const t of emu.tenants) {
        const user = t.users[0];
        const short = emu.control.issueTokens({ mailbox: user, scope: 'offline_access Mail.Read' });
        expect(claims(short.access_token)).to.include({ aud: t.graphHost, tid: t.id, upn: user, idtyp: 'user' });
        expect(short).to.have.property('refresh_token');
        expect(emu.control.issueTokens({ mailbox: user, scope: `${t.graphHost}/Mail.Read` }).access_token).to.be.a('string');
        for (const [cloud, host] of Object.entries(GRAPH_HOSTS)) {
          if (cloud !== t.cloud) expect(() => emu.control.issueTokens({ mailbox: user, scope: `${host}/Mail.Read` }), `${t.cloud}/${cloud}`).to.throw(/AADSTS500011/);
        }
      }
    });

    it('sends scope errors of the authorize endpoint back to the redirect URI, as OAuth does', async () => {
      const usgovUser = tenantOf(emu, 'usgov').users[0];
      const url = new URL(`${emu.url}/common/oauth2/v2.0/authorize`);
      url.search = new URLSearchParams({
        client_id: CLIENT.client_id, response_type: 'code', redirect_uri: 'https://app.example/cb', state: 's1',
        scope: 'offline_access https://graph.microsoft.com/Mail.Read', login_hint: usgovUser,
      }).toString();
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status).to.equal(302);
      const back = new URL(res.headers.get('location'));
      expect(back.searchParams.get('error')).to.equal('invalid_resource');
      expect(back.searchParams.get('error_description')).to.match(/^AADSTS500011: /);
      expect(back.searchParams.get('state')).to.equal('s1');
      expect(back.searchParams.has('code')).to.equal(false);
    });

    it('signs users in to their own tenant from /common, and a code is redeemed only at that tenant or an alias (AADSTS700005)', async () => {
      const china = tenantOf(emu, 'china');
      const authorize = async (tenant, hint) => {
        const url = new URL(`${emu.url}/${tenant}/oauth2/v2.0/authorize`);
        url.search = new URLSearchParams({
          client_id: CLIENT.client_id, response_type: 'code', redirect_uri: 'https://app.example/cb', scope: 'offline_access Mail.Read', login_hint: hint,
        }).toString();
        return fetch(url, { redirect: 'manual' });
      };
      const code = async (tenant, hint) => new URL((await authorize(tenant, hint)).headers.get('location')).searchParams.get('code');
      const redeem = (tenant, value) => tokenRequest(emu, { ...CLIENT, grant_type: 'authorization_code', code: value, redirect_uri: 'https://app.example/cb' }, { tenant });
      const ok = await redeem('organizations', await code('common', china.users[0]));
      expect(ok.status).to.equal(200);
      expect(claims(ok.body.access_token)).to.include({ tid: china.id, aud: china.graphHost });
      expectAad(await redeem(emu.tenantId, await code('common', china.users[0])), 400, 'invalid_grant', 700005);
      expect((await redeem(china.id, await code(china.domains[0], china.users[0]))).status).to.equal(200);
      // A refresh token, likewise; the refused request does not use it up.
      const refreshAt = (tenant) => tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: ok.body.refresh_token }, { tenant });
      expectAad(await refreshAt(emu.tenantId), 400, 'invalid_grant', 700005);
      expect((await refreshAt(china.id)).status).to.equal(200);
      // A user of another tenant cannot sign in at this one (AADSTS50020).
      const foreign = await authorize(china.id, emu.mailboxes.primary);
      expect(foreign.status).to.equal(400);
      expect((await foreign.json()).error_codes).to.deep.equal([50020]);
    });

    it('refuses a refresh asking for another cloud and keeps the refresh token working', async () => {
      const dod = tenantOf(emu, 'usgovdod');
      const tokens = emu.control.issueTokens({ mailbox: dod.users[0] });
      const refresh = (scope) => tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope }, { tenant: 'common' });
      expectAad(await refresh('https://graph.microsoft.us/Mail.Read'), 400, 'invalid_resource', 500011);
      const ok = await refresh('https://dod-graph.microsoft.us/Mail.Read');
      expect(ok.status).to.equal(200);
      expect(claims(ok.body.access_token).aud).to.equal('https://dod-graph.microsoft.us');
    });

    it('lets nobody sign in as a shared mailbox (AADSTS50057), and checks the tenant given to issueTokens', async () => {
      const shared = emu.tenants[0].sharedMailboxes[0];
      expect(() => emu.control.issueTokens({ mailbox: shared })).to.throw(/AADSTS50057: The user account is disabled/);
      const url = new URL(`${emu.url}/common/oauth2/v2.0/authorize`);
      url.search = new URLSearchParams({ client_id: CLIENT.client_id, response_type: 'code', redirect_uri: 'https://app.example/cb', login_hint: shared }).toString();
      const page = await fetch(url, { redirect: 'manual' });
      expect(page.status).to.equal(400);
      expect((await page.json()).error_codes).to.deep.equal([50057]);
      expect(() => emu.control.issueTokens({ mailbox: emu.mailboxes.primary, tenant: tenantOf(emu, 'usgov').id })).to.throw(/not a user of tenant/);
      expect(claims(emu.control.issueTokens({ mailbox: emu.mailboxes.primary, tenant: 'contoso.example' }).access_token).tid).to.equal(emu.tenantId);
    });

    it('puts every permission the user consented to in the token, and only those', async () => {
      const user = emu.control.createUser({ userPrincipalName: 'newbie@contoso.example', displayName: 'New Bie' });
      const first = emu.control.issueTokens({ mailbox: user.mail, scope: 'Mail.Read' });
      expect(first.scope.split(' ')).to.deep.equal(['Mail.Read']);
      const second = emu.control.issueTokens({ mailbox: user.mail, scope: 'Calendars.Read' });
      expect(second.scope.split(' ')).to.deep.equal(['Mail.Read', 'Calendars.Read']);
      expect(emu.control.setUserConsent({ mailbox: user.mail, scopes: ['Contacts.Read'] })).to.deep.equal(['Contacts.Read']);
      expect(emu.control.issueTokens({ mailbox: user.mail, scope: 'openid' }).scope).to.equal('Contacts.Read openid');
    });

    it('cannot consent on a refresh: asking for more, or for consent taken back, is AADSTS65001 and the refresh token still works', async () => {
      const user = emu.control.createUser({ userPrincipalName: 'refresher@contoso.example' });
      const tokens = emu.control.issueTokens({ mailbox: user.mail, scope: 'offline_access Mail.Read Mail.Send' });
      const refresh = (scope) => tokenRequest(emu, { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token, ...(scope ? { scope } : {}) }, { tenant: 'common' });
      const refused = await refresh('Calendars.ReadWrite');
      expectAad(refused, 400, 'invalid_grant', 65001);
      expect(refused.body.error_description).to.contain('Send an interactive authorization request for this user and resource.');
      // An administrator takes Mail.Send back: the grant's own scopes cannot be refreshed any more...
      emu.control.setUserConsent({ mailbox: user.mail, scopes: ['Mail.Read'] });
      expectAad(await refresh(), 400, 'invalid_grant', 65001);
      // ...what is left can, and the new token carries only what is consented now.
      const renewed = await refresh('offline_access Mail.Read');
      expect(renewed.status).to.equal(200);
      expect(claims(renewed.body.access_token).scp.split(' ')).to.include('Mail.Read').and.not.include('Mail.Send');
      const send = await graphClient(emu, renewed.body.access_token)('/me/sendMail', {
        method: 'POST', body: { message: { subject: 'x', toRecipients: [{ emailAddress: { address: 'a@fabrikam.example' } }] } },
      });
      expect(send.status).to.equal(403);
    });
  });
});
