'use strict';

// Outlook's 4 concurrent requests are per app and mailbox: the queue that keeps the component under
// it must be too. Measured at the server (nock holds each answer open a while and counts what is in
// flight at once), for sessions of one container.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, freshToken, jwt } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');

const TENANT = 'contoso.onmicrosoft.com';
const APP_ID = '11111111-2222-3333-4444-555555555555';
const USER_OID = '5e2c8f1a-0000-4000-8000-00000000a11c';

/** Counts requests in flight at once, over every host given, holding each answer `holdMs`. */
function countInFlight(origins, holdMs = 40) {
  const stats = { now: 0, max: 0, total: 0 };
  for (const origin of origins) {
    nock(origin).persist().get(/.*/).query(true).reply(async () => {
      stats.now += 1;
      stats.total += 1;
      stats.max = Math.max(stats.max, stats.now);
      await new Promise((resolve) => { setTimeout(resolve, holdMs); });
      stats.now -= 1;
      return [200, { id: 'x' }];
    });
  }
  return stats;
}

const delegated = (n, fields = {}) => ({ tenantId: 'common', oauth: freshToken({ access_token: `at-user-${n}-0123456789`, refresh_token: `rt-user-${n}-0123456789` }), ...fields });
const burst = (session, path, n = 8) => Promise.all(Array.from({ length: n }, () => session.get(path)));

describe('the request queue is per cloud, app and mailbox, not per credential', () => {
  it('two credentials of the same app on one shared mailbox share one queue of 4', async () => {
    const stats = countInFlight([GRAPH]);
    const a = createSession(delegated(1, { mailbox: 'info@contoso.com' }), createContext());
    const b = createSession(delegated(2, { mailbox: 'INFO@contoso.com' }), createContext());
    await Promise.all([burst(a, '/users/info@contoso.com/messages'), burst(b, '/users/INFO@contoso.com/messages')]);
    expect(stats).to.include({ total: 16, max: 4 });
  });

  it('two mailboxes of one credential do not share a queue', async () => {
    const stats = countInFlight([GRAPH]);
    const a = createSession(delegated(1, { mailbox: 'info@contoso.com' }), createContext());
    const b = createSession(delegated(1, { mailbox: 'sales@contoso.com' }), createContext());
    await Promise.all([burst(a, '/users/info@contoso.com/messages', 4), burst(b, '/users/sales@contoso.com/messages', 4)]);
    expect(stats).to.include({ total: 8, max: 8 });
  });

  it('another app (the credential\'s own) on the same mailbox has a queue of its own, as Outlook counts per app', async () => {
    const stats = countInFlight([GRAPH]);
    nock(LOGIN).post(`/${TENANT}/oauth2/v2.0/token`).reply(200, { expires_in: 3600, access_token: 'at-own-app-0123456789' });
    const app = createSession({ authType: 'application', tenantId: TENANT, clientId: APP_ID, clientSecret: 's~1', mailbox: 'info@contoso.com' }, createContext());
    const user = createSession(delegated(1, { mailbox: 'info@contoso.com' }), createContext());
    await app.get('/users/info@contoso.com');
    stats.total = 0;
    stats.max = 0;
    await Promise.all([burst(app, '/users/info@contoso.com/messages', 4), burst(user, '/users/info@contoso.com/messages', 4)]);
    expect(stats).to.include({ total: 8, max: 8 });
  });

  it('the same address in two clouds is two mailboxes', async () => {
    const stats = countInFlight([GRAPH, 'https://graph.microsoft.us']);
    const global = createSession(delegated(1, { mailbox: 'info@contoso.com' }), createContext());
    const usgov = createSession(delegated(2, { mailbox: 'info@contoso.com', cloud: 'usgov', loginHost: 'login.microsoftonline.us' }), createContext());
    await Promise.all([burst(global, '/users/info@contoso.com/messages', 4), burst(usgov, '/users/info@contoso.com/messages', 4)]);
    expect(stats).to.include({ total: 8, max: 8 });
  });

  it('/me, /users/{upn} in another letter case and /users/{object id} of the signed-in user share one queue (the token names both)', async () => {
    const stats = countInFlight([GRAPH]);
    const token = jwt({ oid: USER_OID, upn: 'adele.vance@contoso.com', unique_name: 'adele.vance@contoso.com', scp: 'Mail.ReadWrite' });
    const oauth = freshToken({ access_token: token });
    const me = createSession({ tenantId: 'common', oauth }, createContext());
    const byUpn = createSession({ tenantId: 'common', oauth, mailbox: 'Adele.Vance@Contoso.com' }, createContext());
    const byId = createSession({ tenantId: 'common', oauth, mailbox: USER_OID.toUpperCase() }, createContext());
    await Promise.all([burst(me, '/me/messages', 4), burst(byUpn, '/users/Adele.Vance@Contoso.com/messages', 4), burst(byId, `/users/${USER_OID}/messages`, 4)]);
    expect(stats).to.include({ total: 12, max: 4 });
  });

  it('/me of an opaque (personal account) token queues by credential: two such credentials do not block each other', async () => {
    const stats = countInFlight([GRAPH]);
    const a = createSession(delegated(1), createContext());
    const b = createSession(delegated(2), createContext());
    await Promise.all([burst(a, '/me/messages', 4), burst(b, '/me/messages', 4)]);
    expect(stats).to.include({ total: 8, max: 8 });
    stats.total = 0;
    stats.max = 0;
    await burst(a, '/me/messages', 8);
    expect(stats).to.include({ total: 8, max: 4 });
  });
});
