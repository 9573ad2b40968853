'use strict';
// Graph across users, tenants and clouds: /users/{upn | SMTP address | id} for every route family,
// Exchange mailbox rights (Full Access, Send As, Send on Behalf) and the `.Shared` scopes for
// delegated tokens, application permissions and the Exchange mailbox scope for app-only tokens,
// other tenants and other clouds.
const { expect } = require('chai');
const { withEmulator, graphClient } = require('./helpers');
const { claims, appToken, tenantOf } = require('./directory-helpers');

const recipient = (address) => ({ emailAddress: { address } });

/**
 * One request per route family the emulator serves, on mailbox `box`; `x` holds a message and an
 * event of that mailbox, made fresh for each request (a move gives the message a new id).
 */
const FAMILIES = [
  { name: 'list mail folders', ok: 200, req: (box) => ({ path: `/users/${box}/mailFolders` }) },
  { name: 'read a folder', ok: 200, req: (box) => ({ path: `/users/${box}/mailFolders/inbox` }) },
  { name: 'list child folders', ok: 200, req: (box) => ({ path: `/users/${box}/mailFolders/inbox/childFolders` }) },
  { name: 'list the inbox', ok: 200, req: (box) => ({ path: `/users/${box}/mailFolders/inbox/messages?$top=1` }) },
  { name: 'read a message of the inbox', ok: 200, req: (box, x) => ({ path: `/users/${box}/mailFolders/inbox/messages/${x.message}` }) },
  { name: 'list messages', ok: 200, req: (box) => ({ path: `/users/${box}/messages?$top=1` }) },
  { name: 'read a message', ok: 200, req: (box, x) => ({ path: `/users/${box}/messages/${x.message}` }) },
  { name: 'update a message', ok: 200, req: (box, x) => ({ method: 'PATCH', path: `/users/${box}/messages/${x.message}`, body: { isRead: true } }) },
  { name: 'move a message', ok: 201, req: (box, x) => ({ method: 'POST', path: `/users/${box}/messages/${x.message}/move`, body: { destinationId: 'archive' } }) },
  { name: 'list calendars', ok: 200, req: (box) => ({ path: `/users/${box}/calendars` }) },
  { name: 'read the default calendar', ok: 200, req: (box) => ({ path: `/users/${box}/calendar` }) },
  { name: 'list events', ok: 200, req: (box) => ({ path: `/users/${box}/calendar/events?$top=1` }) },
  { name: 'list all events', ok: 200, req: (box) => ({ path: `/users/${box}/events?$top=1` }) },
  { name: 'read an event', ok: 200, req: (box, x) => ({ path: `/users/${box}/events/${x.event}` }) },
  { name: 'read an event of the default calendar', ok: 200, req: (box, x) => ({ path: `/users/${box}/calendar/events/${x.event}` }) },
  {
    name: 'create an event', ok: 201,
    req: (box) => ({ method: 'POST', path: `/users/${box}/calendar/events`, body: { subject: 'Planning', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T10:30:00', timeZone: 'UTC' } } }),
  },
  {
    name: 'create an event (POST /events)', ok: 201,
    req: (box) => ({ method: 'POST', path: `/users/${box}/events`, body: { subject: 'Sync', start: { dateTime: '2026-12-02T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-02T10:30:00', timeZone: 'UTC' } } }),
  },
  { name: 'update an event', ok: 200, req: (box, x) => ({ method: 'PATCH', path: `/users/${box}/events/${x.event}`, body: { subject: 'Moved' } }) },
  { name: 'delete an event', ok: 204, req: (box, x) => ({ method: 'DELETE', path: `/users/${box}/events/${x.event}` }) },
  { name: 'list the calendar view', ok: 200, req: (box) => ({ path: `/users/${box}/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-12-01T00:00:00Z&$top=1` }) },
  { name: 'list the instances of an event', ok: 200, req: (box, x) => ({ path: `/users/${box}/events/${x.event}/instances?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-12-01T00:00:00Z` }) },
  { name: 'list contacts', ok: 200, req: (box) => ({ path: `/users/${box}/contacts` }) },
  { name: 'send mail', ok: 202, req: (box) => ({ method: 'POST', path: `/users/${box}/sendMail`, body: { message: { subject: 'Hello', toRecipients: [recipient('someone@fabrikam.example')] } } }) },
];

describe('emulator: mailboxes of other users, shared mailboxes, app-only access and clouds', () => {
  let emu;
  let graph;
  withEmulator({ once: true }, (env) => ({ emu, graph } = env));

  /** A fresh message and event in `box`, through the control API. */
  const itemsOf = (box) => ({
    message: emu.control.addMail({ mailbox: box, subject: 'Item', from: 'a@fabrikam.example' }).id,
    event: emu.control.addEvent({ mailbox: box, subject: 'Item' }).id,
  });

  /** Runs every family against `box` with `client`, returning `name -> {status, code}`. */
  async function runFamilies(client, box) {
    const out = {};
    for (const family of FAMILIES) {
      const { method = 'GET', path, body } = family.req(box, itemsOf(box));
      const res = await client(path, { method, body });
      out[family.name] = { status: res.status, code: res.body && res.body.error && res.body.error.code };
    }
    return out;
  }

  const allOk = () => Object.fromEntries(FAMILIES.map((f) => [f.name, { status: f.ok, code: undefined }]));
  const allRefused = (code, status = 403) => Object.fromEntries(FAMILIES.map((f) => [f.name, { status, code }]));

  describe('finding the user', () => {
    it('finds a mailbox by UPN, by any SMTP address (any case) and by object id, and /me is the signed-in user', async () => {
      const created = emu.control.createUser({
        userPrincipalName: 'jo.doe@contoso.example', mail: 'joanna.doe@contoso.example', proxyAddresses: ['jo@contoso.example'], displayName: 'Joanna Doe',
      });
      emu.control.grantMailboxRights({ mailbox: created.mail, user: emu.mailboxes.primary, rights: ['fullAccess'] });
      for (const key of ['jo.doe@contoso.example', 'JOANNA.DOE@contoso.example', 'Jo@Contoso.Example', created.id, created.id.toUpperCase()]) {
        const user = await graph(`/users/${encodeURIComponent(key)}`);
        expect(user.status, key).to.equal(200);
        expect(user.body).to.include({ id: created.id, mail: 'joanna.doe@contoso.example', userPrincipalName: 'jo.doe@contoso.example' });
        expect((await graph(`/users/${encodeURIComponent(key)}/mailFolders/inbox`)).status, key).to.equal(200);
      }
      const own = emu.control.issueTokens({ mailbox: 'jo@contoso.example' });
      expect((await graphClient(emu, own.access_token)('/me')).body.id).to.equal(created.id);
    });

    it('answers an unknown user with 404 ErrorInvalidUser on Outlook routes and Request_ResourceNotFound on the user object', async () => {
      for (const family of FAMILIES) {
        const { method = 'GET', path, body } = family.req('nobody@contoso.example', { message: 'AAMkAGI2TG93AAA=AAMkAGI2TG93AAA=AAMkAGI2TG93AAA=', event: 'AAMkAGI2TG93AAA=AAMkAGI2TG93AAA=AAMkAGI2TG93AAA=' });
        const res = await graph(path, { method, body });
        expect(res.status, family.name).to.equal(404);
        expect(res.body.error, family.name).to.include({ code: 'ErrorInvalidUser', message: "The requested user 'nobody@contoso.example' is invalid." });
      }
      const user = await graph('/users/nobody@contoso.example');
      expect(user.status).to.equal(404);
      expect(user.body.error.code).to.equal('Request_ResourceNotFound');
    });

    it('answers a directory user without an Exchange Online mailbox with 404 MailboxNotEnabledForRESTAPI', async () => {
      const created = emu.control.createUser({ userPrincipalName: 'no.mailbox@contoso.example', mailbox: false });
      expect((await graph(`/users/${created.mail}`)).status).to.equal(200);
      const app = graphClient(emu, emu.control.issueAppTokens().access_token);
      for (const client of [graph, app]) {
        const res = await client(`/users/${created.mail}/messages`);
        expect(res.status).to.equal(404);
        expect(res.body.error).to.include({ code: 'MailboxNotEnabledForRESTAPI', message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.' });
      }
    });
  });

  describe('delegated access to another mailbox', () => {
    let owner;
    let delegate;
    let delegateGraph;

    before(() => {
      owner = emu.control.createUser({ userPrincipalName: 'owner@contoso.example', displayName: 'Owner' }).mail;
      delegate = emu.control.createUser({ userPrincipalName: 'delegate@contoso.example', displayName: 'Delegate' }).mail;
      // What the component's credential asks for: the .Shared scopes included.
      delegateGraph = graphClient(emu, emu.control.issueTokens({ mailbox: delegate }).access_token);
    });
    afterEach(() => emu.control.revokeMailboxRights({ mailbox: owner, user: delegate }));

    it('without any right: 403 ErrorAccessDenied for every route family', async () => {
      expect(await runFamilies(delegateGraph, owner)).to.deep.equal(allRefused('ErrorAccessDenied'));
    });

    it('with Full Access and Send As: every route family works', async () => {
      expect(emu.control.grantMailboxRights({ mailbox: owner, user: delegate, rights: ['fullAccess', 'sendAs'] })).to.deep.equal(['fullAccess', 'sendAs']);
      expect(await runFamilies(delegateGraph, owner)).to.deep.equal(allOk());
    });

    it('with Full Access only: everything but sending, which is 403 ErrorSendAsDenied', async () => {
      emu.control.grantMailboxRights({ mailbox: owner, user: delegate, rights: ['fullAccess'] });
      expect(await runFamilies(delegateGraph, owner)).to.deep.equal({ ...allOk(), 'send mail': { status: 403, code: 'ErrorSendAsDenied' } });
    });

    it('with Send As but no Full Access: sending through /users/{owner} is refused (the page asks for both)', async () => {
      emu.control.grantMailboxRights({ mailbox: owner, user: delegate, rights: ['sendAs'] });
      const res = await delegateGraph(`/users/${owner}/sendMail`, { method: 'POST', body: { message: { subject: 'x', toRecipients: [recipient('a@fabrikam.example')] } } });
      expect(res.status).to.equal(403);
      expect(res.body.error).to.include({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
    });

    it('without the .Shared scopes: 403 ErrorAccessDenied on the other mailbox for every family, while the own mailbox works', async () => {
      emu.control.grantMailboxRights({ mailbox: owner, user: delegate, rights: ['fullAccess', 'sendAs'] });
      const before = emu.control.setUserConsent({ mailbox: delegate, scopes: ['User.Read', 'Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite'] });
      try {
        const narrow = graphClient(emu, emu.control.issueTokens({ mailbox: delegate, scope: 'openid' }).access_token);
        expect(await runFamilies(narrow, owner)).to.deep.equal(allRefused('ErrorAccessDenied'));
        expect(await runFamilies(narrow, delegate)).to.deep.equal(allOk());
      } finally {
        emu.control.setUserConsent({ mailbox: delegate, scopes: [...before, 'Mail.ReadWrite.Shared', 'Mail.Send.Shared', 'Calendars.ReadWrite.Shared', 'Contacts.ReadWrite.Shared'] });
      }
    });

    it('with only the read scopes: reading works, writing and sending are 403 ErrorAccessDenied, own mailbox included', async () => {
      const reader = emu.control.createUser({ userPrincipalName: 'reader@contoso.example' }).mail;
      emu.control.grantMailboxRights({ mailbox: owner, user: reader, rights: ['fullAccess', 'sendAs'] });
      const token = emu.control.issueTokens({ mailbox: reader, scope: 'Mail.Read Mail.Read.Shared Calendars.Read Calendars.Read.Shared Contacts.Read Contacts.Read.Shared' });
      const readOnly = graphClient(emu, token.access_token);
      const expected = {
        ...allOk(),
        'update a message': { status: 403, code: 'ErrorAccessDenied' },
        'move a message': { status: 403, code: 'ErrorAccessDenied' },
        'create an event': { status: 403, code: 'ErrorAccessDenied' },
        'create an event (POST /events)': { status: 403, code: 'ErrorAccessDenied' },
        'update an event': { status: 403, code: 'ErrorAccessDenied' },
        'delete an event': { status: 403, code: 'ErrorAccessDenied' },
        'send mail': { status: 403, code: 'ErrorAccessDenied' },
      };
      expect(await runFamilies(readOnly, owner)).to.deep.equal(expected);
      expect(await runFamilies(readOnly, reader)).to.deep.equal(expected);
    });
  });

  describe('shared mailboxes: Send As and Send on Behalf', () => {
    const shared = 'info@contoso.example';
    const inboxCopy = async (address, subject) => (await graphClient(emu, emu.control.issueAppTokens().access_token)(
      `/users/${address}/mailFolders/inbox/messages?$filter=${encodeURIComponent(`subject eq '${subject}'`)}&$select=from,sender`,
    )).body.value[0];

    it('sends as the shared mailbox through /users/{shared}/sendMail (Full Access + Send As): from = sender = shared, saved in its Sent Items', async () => {
      const sentBefore = (await graph(`/users/${shared}/mailFolders/sentitems`)).body.totalItemCount;
      const res = await graph(`/users/${shared}/sendMail`, { method: 'POST', body: { message: { subject: 'As Info', toRecipients: [recipient(emu.mailboxes.secondary)] } } });
      expect(res.status).to.equal(202);
      const copy = await inboxCopy(emu.mailboxes.secondary, 'As Info');
      expect(copy.from.emailAddress.address).to.equal(shared);
      expect(copy.sender.emailAddress.address).to.equal(shared);
      expect((await graph(`/users/${shared}/mailFolders/sentitems`)).body.totalItemCount).to.equal(sentBefore + 1);
      expect(emu.control.sent(shared).at(-1)).to.deep.include({ subject: 'As Info', from: { name: 'Contoso Info', address: shared }, sender: { name: 'Contoso Info', address: shared } });
    });

    it("sends on behalf from the user's own mailbox with `from` = the shared mailbox: sender = the user, saved in the user's Sent Items", async () => {
      const megan = graphClient(emu, emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token);
      const sharedSent = (await graph(`/users/${shared}/mailFolders/sentitems`)).body.totalItemCount;
      const res = await megan('/me/sendMail', {
        method: 'POST', body: { message: { subject: 'On behalf of Info', from: recipient(shared), toRecipients: [recipient(emu.mailboxes.primary)] } },
      });
      expect(res.status).to.equal(202);
      const copy = await inboxCopy(emu.mailboxes.primary, 'On behalf of Info');
      expect(copy.from.emailAddress.address).to.equal(shared);
      expect(copy.sender.emailAddress.address).to.equal(emu.mailboxes.secondary);
      expect(emu.control.sent(emu.mailboxes.secondary).at(-1)).to.deep.include({ from: { name: 'Contoso Info', address: shared } });
      expect((await graph(`/users/${shared}/mailFolders/sentitems`)).body.totalItemCount).to.equal(sharedSent);
      // Megan may send on its behalf but not open it.
      expect((await megan(`/users/${shared}/messages`)).status).to.equal(403);
    });

    it('refuses `from` an address the user holds no right on, or no mailbox at all, with 403 ErrorSendAsDenied and no side effect', async () => {
      const megan = graphClient(emu, emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token);
      for (const from of [emu.mailboxes.primary, 'PattiF@contoso.com', tenantOf(emu, 'usgov').sharedMailboxes[0]]) {
        const res = await megan('/me/sendMail', { method: 'POST', body: { message: { subject: 'Nope', from: recipient(from), toRecipients: [recipient('a@fabrikam.example')] } } });
        expect(res.status, from).to.equal(403);
        expect(res.body.error).to.include({
          code: 'ErrorSendAsDenied',
          message: 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.',
        });
      }
      expect(emu.control.sent(emu.mailboxes.secondary).filter((r) => r.subject === 'Nope')).to.deep.equal([]);
    });

    it('needs Mail.Send.Shared to send with another `from` (403 ErrorAccessDenied without it)', async () => {
      const meganToken = emu.control.issueTokens({ mailbox: emu.mailboxes.secondary });
      const consented = meganToken.scope.split(' ');
      emu.control.setUserConsent({ mailbox: emu.mailboxes.secondary, scopes: consented.filter((s) => s !== 'Mail.Send.Shared') });
      try {
        const narrow = graphClient(emu, emu.control.issueTokens({ mailbox: emu.mailboxes.secondary, scope: 'openid' }).access_token);
        const onBehalf = await narrow('/me/sendMail', { method: 'POST', body: { message: { subject: 'x', from: recipient(shared), toRecipients: [recipient('a@fabrikam.example')] } } });
        expect(onBehalf.status).to.equal(403);
        expect(onBehalf.body.error.code).to.equal('ErrorAccessDenied');
        const own = await narrow('/me/sendMail', { method: 'POST', body: { message: { subject: 'x', toRecipients: [recipient('a@fabrikam.example')] } } });
        expect(own.status).to.equal(202);
      } finally {
        emu.control.setUserConsent({ mailbox: emu.mailboxes.secondary, scopes: consented });
      }
    });
  });

  describe('app-only', () => {
    let app;
    before(async () => {
      app = graphClient(emu, (await appToken(emu, emu.tenantId)).body.access_token);
    });
    afterEach(() => {
      emu.control.setAdminConsent({});
      emu.control.setAppMailboxScope({ mailboxes: null });
    });

    it('reaches every mailbox of its tenant, users and shared mailboxes alike, for every route family', async () => {
      for (const box of [emu.mailboxes.primary, 'info@contoso.example']) {
        expect(await runFamilies(app, box), box).to.deep.equal(allOk());
      }
    });

    it('sends as the mailbox it addresses, and as another only where that mailbox holds Send As or Send on Behalf', async () => {
      const send = (box, from, subject) => app(`/users/${box}/sendMail`, {
        method: 'POST', body: { message: { subject, ...(from ? { from: recipient(from) } : {}), toRecipients: [recipient(emu.mailboxes.secondary)] } },
      });
      expect((await send(emu.mailboxes.secondary, undefined, 'App as Megan')).status).to.equal(202);
      expect((await send(emu.mailboxes.primary, 'info@contoso.example', 'App via Adele as Info')).status).to.equal(202);
      expect(emu.control.sent(emu.mailboxes.primary).at(-1).sender.address).to.equal('info@contoso.example');
      const refused = await send(emu.mailboxes.secondary, emu.mailboxes.primary, 'App via Megan as Adele');
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('ErrorSendAsDenied');
    });

    it('needs the application permission of each family: a token with Mail.Read only reads mail and nothing else', async () => {
      emu.control.setAdminConsent({ roles: ['Mail.Read'] });
      const readOnly = graphClient(emu, emu.control.issueAppTokens().access_token);
      const results = await runFamilies(readOnly, emu.mailboxes.primary);
      const refused = { status: 403, code: 'ErrorAccessDenied' };
      expect(results).to.deep.equal({
        ...allOk(),
        'update a message': refused, 'move a message': refused, 'list calendars': refused, 'read the default calendar': refused, 'list events': refused,
        'list all events': refused, 'read an event': refused, 'read an event of the default calendar': refused, 'create an event': refused,
        'create an event (POST /events)': refused, 'update an event': refused, 'delete an event': refused, 'list the calendar view': refused,
        'list the instances of an event': refused, 'list contacts': refused, 'send mail': refused,
      });
    });

    it('reads the user object only with User.Read.All (403 Authorization_RequestDenied otherwise)', async () => {
      const refused = await app(`/users/${emu.mailboxes.primary}`);
      expect(refused.status).to.equal(403);
      expect(refused.body.error).to.include({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
      emu.control.setAdminConsent({ roles: ['Mail.ReadWrite', 'User.Read.All'] });
      const allowed = graphClient(emu, emu.control.issueAppTokens().access_token);
      expect((await allowed(`/users/${emu.mailboxes.primary}`)).body.userPrincipalName).to.equal(emu.mailboxes.primary);
    });

    it('outside the mailbox scope an Exchange administrator set: 403 ErrorAccessDenied "[RAOP]" for every family; inside it everything works', async () => {
      expect(emu.control.setAppMailboxScope({ mailboxes: [emu.mailboxes.primary] })).to.deep.equal([emu.mailboxes.primary]);
      expect(await runFamilies(app, emu.mailboxes.primary)).to.deep.equal(allOk());
      expect(await runFamilies(app, 'info@contoso.example')).to.deep.equal(allRefused('ErrorAccessDenied'));
      const one = await app('/users/info@contoso.example/messages');
      expect(one.body.error.message).to.equal('Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.');
      // The scope applies to tokens already issued, as the Exchange setting is read on each request.
      expect(emu.control.setAppMailboxScope({ mailboxes: null })).to.equal(null);
      expect((await app('/users/info@contoso.example/messages')).status).to.equal(200);
    });

    it('does not reach a mailbox of another tenant: 404 ErrorInvalidUser, as for any unknown user', async () => {
      const other = emu.control.createTenant({ domains: ['othertenant.example'] });
      const outsider = emu.control.createUser({ userPrincipalName: 'out@othertenant.example' });
      const res = await app(`/users/${outsider.mail}/messages`);
      expect(res.status).to.equal(404);
      expect(res.body.error.code).to.equal('ErrorInvalidUser');
      expect((await app(`/users/${outsider.id}/messages`)).status).to.equal(404);
      // Nor does a delegated token of that tenant reach Contoso.
      const theirs = graphClient(emu, emu.control.issueTokens({ mailbox: outsider.mail, tenant: other.id }).access_token);
      expect((await theirs(`/users/${emu.mailboxes.primary}/messages`)).status).to.equal(404);
      expect((await theirs('/me/messages')).status).to.equal(200);
    });
  });

  describe('national clouds', () => {
    it("accepts each cloud's tokens for its own mailboxes, delegated and app-only, users and shared mailboxes", async () => {
      for (const t of emu.tenants) {
        const delegated = graphClient(emu, emu.control.issueTokens({ mailbox: t.users[0] }).access_token);
        const app = graphClient(emu, (await appToken(emu, t.id, { scope: `${t.graphHost}/.default` })).body.access_token);
        for (const [name, client] of [['delegated', delegated], ['app', app]]) {
          for (const box of [t.users[0], t.sharedMailboxes[0]]) {
            const res = await client(`/users/${box}/mailFolders/inbox/messages?$top=1`);
            expect(res.status, `${t.cloud} ${name} ${box}`).to.equal(200);
            expect(res.body.value, `${t.cloud} ${name} ${box}`).to.have.length(1);
          }
        }
        expect((await delegated('/me/calendar/events?$top=1')).status, t.cloud).to.equal(200);
      }
    });

    it("refuses a token of another cloud's audience with 401 InvalidAuthenticationToken, Graph's wording, for every route family", async () => {
      for (const from of emu.tenants) {
        const token = emu.control.issueAppTokens({ tenant: from.id }).access_token;
        expect(claims(token).aud).to.equal(from.graphHost);
        const client = graphClient(emu, token);
        for (const to of emu.tenants.filter((t) => t.cloud !== from.cloud)) {
          const results = await runFamilies(client, to.users[0]);
          expect(results, `${from.cloud} -> ${to.cloud}`).to.deep.equal(allRefused('InvalidAuthenticationToken', 401));
          const one = await client(`/users/${to.sharedMailboxes[0]}`);
          expect(one.status).to.equal(401);
          expect(one.body.error.message).to.equal('Access token validation failure. Invalid audience.');
          expect(one.headers.get('www-authenticate')).to.match(/^Bearer /);
        }
      }
    });
  });

  describe('control API over HTTP', () => {
    const control = async (method, path, body) => {
      const res = await fetch(`${emu.url}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };

    it('creates a tenant in a cloud, a user and a shared mailbox, grants and revokes rights, and sets consent and scope', async () => {
      const tenant = await control('POST', '/tenants', { domains: ['tailwind-gov.example'], cloud: 'usgov', displayName: 'Tailwind' });
      expect(tenant.status).to.equal(201);
      expect(tenant.body).to.include({ cloud: 'usgov', graphHost: 'https://graph.microsoft.us' });
      expect((await control('POST', '/users', { userPrincipalName: 'kim@tailwind-gov.example', displayName: 'Kim' })).status).to.equal(201);
      expect((await control('POST', '/shared-mailboxes', { address: 'desk@tailwind-gov.example', displayName: 'Desk' })).status).to.equal(201);
      const kim = graphClient(emu, (await control('POST', '/tokens', { mailbox: 'kim@tailwind-gov.example' })).body.access_token);
      expect((await kim('/users/desk@tailwind-gov.example/messages')).status).to.equal(403);
      expect((await control('POST', '/mailbox-rights/grant', { mailbox: 'desk@tailwind-gov.example', user: 'kim@tailwind-gov.example', rights: ['fullAccess'] })).body)
        .to.deep.equal({ rights: ['fullAccess'] });
      expect((await kim('/users/desk@tailwind-gov.example/messages')).status).to.equal(200);
      expect((await control('POST', '/mailbox-rights/revoke', { mailbox: 'desk@tailwind-gov.example', user: 'kim@tailwind-gov.example' })).body).to.deep.equal({ rights: [] });
      expect((await kim('/users/desk@tailwind-gov.example/messages')).status).to.equal(403);
      // Kim's sign-in put the app in the tenant (user consent), without application permissions.
      const unconsented = await control('POST', '/tokens/app', { tenant: tenant.body.id });
      expect(unconsented.status).to.equal(200);
      expect(claims(unconsented.body.access_token)).to.not.have.property('roles');
      expect((await control('PUT', '/apps/consent', { tenant: tenant.body.id, roles: ['Mail.Read'] })).body).to.deep.equal({ roles: ['Mail.Read'] });
      expect((await control('PUT', '/apps/mailbox-scope', { tenant: tenant.body.id, mailboxes: ['kim@tailwind-gov.example'] })).body)
        .to.deep.equal({ mailboxes: ['kim@tailwind-gov.example'] });
      const app = graphClient(emu, (await control('POST', '/tokens/app', { tenant: 'tailwind-gov.example' })).body.access_token);
      expect((await app('/users/kim@tailwind-gov.example/messages')).status).to.equal(200);
      expect((await app('/users/desk@tailwind-gov.example/messages')).status).to.equal(403);
      const listed = await control('GET', '/tenants');
      expect(listed.body.value.find((t) => t.id === tenant.body.id)).to.deep.include({ users: ['kim@tailwind-gov.example'], sharedMailboxes: ['desk@tailwind-gov.example'] });
      expect((await control('GET', '')).body.tenants).to.have.length.of.at.least(5);
    });

    it('registers an app in one cloud only, and refuses bad directory requests with a ControlError', async () => {
      expect((await control('POST', '/apps', { clientId: 'china-only-app', clientSecret: 's3cret', cloud: 'china' })).status).to.equal(204);
      const china = tenantOf(emu, 'china');
      expect((await appToken(emu, china.id, { client_id: 'china-only-app', client_secret: 's3cret', scope: `${china.graphHost}/.default` })).body.error_codes)
        .to.deep.equal([700016]);
      expect((await control('PUT', '/apps/consent', { tenant: china.id, clientId: 'china-only-app' })).status).to.equal(200);
      const ok = await appToken(emu, china.id, { client_id: 'china-only-app', client_secret: 's3cret', scope: `${china.graphHost}/.default` });
      expect(claims(ok.body.access_token)).to.include({ appid: 'china-only-app', aud: china.graphHost });
      // Not registered in the global cloud.
      expect((await appToken(emu, emu.tenantId, { client_id: 'china-only-app', client_secret: 's3cret' })).body.error_codes).to.deep.equal([700016]);
      const bad = [
        await control('POST', '/tenants', { domains: ['contoso.example'] }),
        await control('POST', '/tenants', { domains: ['x.example'], cloud: 'mars' }),
        await control('POST', '/users', { userPrincipalName: 'someone@not-a-domain-here.example', tenant: emu.tenantId }),
        await control('POST', '/users', { userPrincipalName: emu.mailboxes.primary }),
        await control('POST', '/mailbox-rights/grant', { mailbox: 'info@contoso.example', user: emu.mailboxes.primary, rights: ['readEverything'] }),
        await control('POST', '/mailbox-rights/grant', { mailbox: 'info@contoso.example', user: tenantOf(emu, 'usgov').users[0], rights: ['fullAccess'] }),
        await control('PUT', '/apps/mailbox-scope', { mailboxes: [tenantOf(emu, 'usgov').users[0]] }),
      ];
      for (const res of bad) {
        expect(res.status).to.equal(400);
        expect(res.body.error.code).to.equal('ControlError');
      }
      expect((await control('POST', '/users', { userPrincipalName: 'a@b.example', tenant: 'nope.example' })).status).to.equal(404);
    });
  });
});
