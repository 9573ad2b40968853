'use strict';

// The steps on other mailboxes, app-only and in national clouds against the emulator, which
// answers as Exchange and Azure AD do: mailbox rights (Full Access, Send As, Send on Behalf), admin
// consent and an Exchange administrator's scope for the app, tenants in each cloud with their token
// audiences. Seeded (src/emulator/README.md): Adele has Full Access and Send As on info@ and on
// Megan's mailbox; Megan has only Send on Behalf on info@; each national tenant has a user with
// Full Access and Send As on its shared mailbox; the app is admin-consented in every tenant.
const { expect } = require('chai');
const { createContext } = require('./helpers/context');
const { loadStep } = require('./helpers/sailor');
const { startEmulator } = require('../lib/emulator');
const { createSession } = require('../lib/graph/session');
const verifyCredentials = require('../verifyCredentials');

const ENDPOINTS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('did not fail');
}

describe('on the emulator: shared mailboxes, app-only, national clouds', function () {
  this.timeout(30000);
  let emu;
  let saved;
  const INFO = 'info@contoso.example';
  let ADELE;
  let MEGAN;

  before(async () => {
    emu = await startEmulator({ seed: 3, mailCount: 12, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    saved = ENDPOINTS.map((name) => process.env[name]);
    ENDPOINTS.forEach((name) => { process.env[name] = emu.url; });
    ADELE = emu.mailboxes.primary;
    MEGAN = emu.mailboxes.secondary;
  });
  after(async () => {
    ENDPOINTS.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    await emu.close();
  });

  const delegated = (user, fields = {}) => ({ oauth: emu.control.issueTokens({ mailbox: user }), tenantId: 'common', ...fields });
  const app = (fields = {}) => ({ authType: 'application', tenantId: 'contoso.example', ...fields });
  const since = () => new Date(Date.now() - 60_000).toISOString();

  async function poll(step, cfg) {
    const ctx = createContext();
    await loadStep(step).process.call(ctx, {}, { startTime: since(), ...cfg }, {});
    return ctx.emitted('data').map((d) => d.body);
  }
  async function act(step, body, cfg) {
    const out = await loadStep(step).process.call(createContext(), { id: `m-${Math.random()}`, body, headers: {} }, cfg, {});
    return out.body;
  }

  describe('delegated, Adele on the shared mailbox info@ (Full Access, Send As)', () => {
    it('polls its mail and its events', async () => {
      emu.control.addMail({ mailbox: INFO, subject: 'For the info desk', from: 'ann@fabrikam.example' });
      emu.control.addEvent({ mailbox: INFO, subject: 'Info desk rota', start: { dateTime: '2026-12-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' } });
      expect((await poll('getNewMail', delegated(ADELE, { mailbox: INFO }))).map((m) => m.subject)).to.deep.equal(['For the info desk']);
      expect((await poll('getNewAndUpdatedEvents', delegated(ADELE, { mailbox: INFO.toUpperCase() }))).map((e) => e.subject)).to.include('Info desk rota');
    });

    it('sends as info@ (its Sent Items keep the copy) and books in its calendar', async () => {
      const out = await act('sendMail', { to: MEGAN, subject: 'Sent as info' }, delegated(ADELE, { mailbox: INFO }));
      expect(out).to.include({ mailbox: INFO });
      const sent = emu.control.sent(INFO).find((r) => r.subject === 'Sent as info');
      expect(sent).to.deep.include({ mailbox: INFO, saveToSentItems: true });
      expect(sent.from.address).to.equal(INFO);
      expect(sent.sender.address, 'Send As: no trace of Adele').to.equal(INFO);
      const event = await act('createEvent', { subject: 'Booked in info', start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z' }, delegated(ADELE, { mailbox: INFO }));
      const session = createSession(delegated(ADELE, { mailbox: INFO }), createContext());
      const { body } = await session.get(`${session.root}/calendar/events/${encodeURIComponent(event.id)}?$select=subject`);
      expect(body.subject).to.equal('Booked in info');
    });

    it('the dropdowns list info@\'s folders and calendars', async () => {
      const folders = await loadStep('getNewMail').getFolders.call(createContext(), delegated(ADELE, { mailbox: INFO }));
      expect(Object.values(folders)).to.include('Inbox');
      const calendars = await loadStep('createEvent').getCalendars.call(createContext(), delegated(ADELE, { mailbox: INFO }));
      expect(Object.keys(calendars)).to.have.length.above(0);
    });
  });

  describe('delegated, Megan on info@ (Send on Behalf only)', () => {
    it('reading it is refused, saying Full Access is missing', async () => {
      const err = await failureOf(poll('getNewMail', delegated(MEGAN, { mailbox: INFO })));
      expect(err.message).to.match(/HTTP 403 ErrorAccessDenied.*The signed-in user has no Full Access on mailbox info@contoso\.example/);
      const dropdown = await failureOf(loadStep('getNewMail').getFolders.call(createContext(), delegated(MEGAN, { mailbox: INFO })));
      expect(dropdown.message).to.match(/no Full Access on mailbox info@contoso\.example/);
    });

    it('sending through /users/info@ is refused (Full Access needed too); sending on behalf of it from her own mailbox works', async () => {
      // With the duplicate check its look-up is refused first; without it, the send itself.
      const looked = await failureOf(act('sendMail', { to: ADELE, subject: 'Never' }, delegated(MEGAN, { mailbox: INFO })));
      expect(looked.message).to.match(/HTTP 403 ErrorAccessDenied.*The signed-in user has no Full Access on mailbox info@contoso\.example/);
      const err = await failureOf(act('sendMail', { to: ADELE, subject: 'Never' }, delegated(MEGAN, { mailbox: INFO, skipDuplicateCheck: true })));
      expect(err.message).to.match(/may not send from mailbox info@contoso\.example: that needs Full Access on it plus Send As or Send on Behalf/);
      const out = await act('sendMail', { to: ADELE, subject: 'On behalf of info', from: INFO }, delegated(MEGAN));
      expect(out).to.include({ from: INFO }).and.not.have.property('mailbox');
      const sent = emu.control.sent(MEGAN).find((r) => r.subject === 'On behalf of info');
      expect(sent.from.address).to.equal(INFO);
      expect(sent.sender.address, 'Send on Behalf: Megan shows as the sender').to.equal(MEGAN);
      expect(sent.mailbox, 'kept in her Sent Items').to.equal(MEGAN);
    });

    it('on behalf of a mailbox she holds no right on: ErrorSendAsDenied, naming the address', async () => {
      const err = await failureOf(act('sendMail', { to: ADELE, subject: 'Never', from: ADELE }, delegated(MEGAN)));
      expect(err.message).to.match(/HTTP 403 ErrorSendAsDenied.*The signed-in user has neither Send As nor Send on Behalf on adele\.vance@contoso\.example/);
    });

    it('a mailbox that does not exist: says so, naming it', async () => {
      const err = await failureOf(poll('getNewMail', delegated(MEGAN, { mailbox: 'nobody@contoso.example' })));
      expect(err.message).to.match(/HTTP 404 ErrorInvalidUser.*Mailbox nobody@contoso\.example was not found/);
    });
  });

  describe('application (client credentials, contoso.example)', () => {
    afterEach(() => {
      emu.control.setAppMailboxScope({ mailboxes: null });
      emu.control.setAdminConsent({});
    });

    it('each step and dropdown on any mailbox of the tenant; verifyCredentials reads every permission from the token', async () => {
      emu.control.addMail({ mailbox: MEGAN, subject: 'For Megan', from: 'ann@fabrikam.example' });
      expect((await poll('getNewMail', app({ mailbox: MEGAN }))).map((m) => m.subject)).to.include('For Megan');
      expect(await poll('getNewAndUpdatedEvents', app({ mailbox: MEGAN }))).to.be.an('array');
      await act('sendMail', { to: ADELE, subject: 'App-only mail' }, app({ mailbox: MEGAN }));
      expect(emu.control.sent(MEGAN).find((r) => r.subject === 'App-only mail')).to.deep.include({ mailbox: MEGAN });
      await act('createEvent', { subject: 'App-only event', start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z' }, app({ mailbox: INFO }));
      expect(Object.values(await loadStep('getNewMail').getFolders.call(createContext(), app({ mailbox: INFO })))).to.include('Inbox');
      expect(await verifyCredentials.call(createContext(), app())).to.deep.equal({ verified: true });
    });

    it('a mailbox outside the Exchange administrator\'s scope for the app: refused, saying so', async () => {
      emu.control.setAppMailboxScope({ mailboxes: [ADELE] });
      await poll('getNewMail', app({ mailbox: ADELE }));
      const err = await failureOf(poll('getNewMail', app({ mailbox: MEGAN })));
      expect(err.message).to.match(/HTTP 403 ErrorAccessDenied.*limits this app to some mailboxes .* and mailbox megan\.bowen@contoso\.example is outside that scope/);
    });

    it('no admin consent: verifyCredentials names every permission; a step says no admin consent was granted', async () => {
      emu.control.setAdminConsent({ roles: null });
      const verify = await failureOf(verifyCredentials.call(createContext(), app()));
      expect(verify.message).to.match(/^The app has no application permissions in this tenant: no administrator has granted admin consent\. Needed: Mail\.ReadWrite, Mail\.Send, Calendars\.ReadWrite, Contacts\.ReadWrite, MailboxSettings\.Read\./);
      const err = await failureOf(poll('getNewMail', app({ mailbox: ADELE })));
      expect(err.message).to.match(/HTTP 401 NoPermissionsInAccessToken.*no administrator has granted admin consent/);
    });

    it('consent without Mail.Send: verifyCredentials names it; Send Mail says it lacks Mail.Send', async () => {
      emu.control.setAdminConsent({ roles: ['Mail.ReadWrite', 'Calendars.ReadWrite'] });
      const verify = await failureOf(verifyCredentials.call(createContext(), app()));
      expect(verify.message).to.match(/^The app lacks the application permissions Mail\.Send \(Send Mail\), Contacts\.ReadWrite/);
      const err = await failureOf(act('sendMail', { to: ADELE, subject: 'Never' }, app({ mailbox: MEGAN })));
      expect(err.message).to.match(/The app lacks the application permission Mail\.Send/);
    });

    it('admin consent granted while tokens are cached: the next run after a refusal gets a new token with it', async () => {
      emu.control.setAdminConsent({ roles: ['Mail.ReadWrite', 'Calendars.ReadWrite'] });
      await failureOf(act('sendMail', { to: ADELE, subject: 'Not yet' }, app({ mailbox: MEGAN })));
      emu.control.setAdminConsent({});
      await act('sendMail', { to: ADELE, subject: 'After consent' }, app({ mailbox: MEGAN }));
      expect(emu.control.sent(MEGAN).map((r) => r.subject)).to.include('After consent');
    });

    it('/me does not exist for an app: refused before any request', async () => {
      emu.control.resetStats();
      const err = await failureOf(poll('getNewMail', app()));
      expect(err).to.include({ name: 'InputError', field: 'mailbox' });
      expect(emu.control.stats().requests).to.equal(0);
    });
  });

  describe('national clouds (one emulator host stands for every cloud; the scope and the token audience tell them apart)', () => {
    const national = (cloud) => emu.tenants.find((t) => t.cloud === cloud);

    for (const [cloud, loginHost] of [['usgov', 'login.microsoftonline.us'], ['usgovdod', 'login.microsoftonline.us'], ['china', 'login.partner.microsoftonline.cn']]) {
      it(`${cloud}: app-only and delegated on the tenant's shared mailbox`, async () => {
        const tenant = national(cloud);
        const [shared] = tenant.sharedMailboxes;
        const [user] = tenant.users;
        emu.control.addMail({ mailbox: shared, subject: `In ${cloud}`, from: 'ann@fabrikam.example' });
        const where = { cloud, loginHost };
        expect((await poll('getNewMail', { authType: 'application', tenantId: tenant.domains[0], mailbox: shared, ...where })).map((m) => m.subject)).to.include(`In ${cloud}`);
        const oauth = emu.control.issueTokens({ mailbox: user });
        expect((await poll('getNewMail', { oauth, tenantId: tenant.id, mailbox: shared, ...where })).map((m) => m.subject)).to.include(`In ${cloud}`);
        expect(await verifyCredentials.call(createContext(), { authType: 'application', tenantId: tenant.id, ...where })).to.deep.equal({ verified: true });
      });
    }

    it('a tenant of another cloud than the credential\'s: the scope names the wrong Graph, and the message says to set Cloud', async () => {
      const tenant = national('usgov');
      const err = await failureOf(verifyCredentials.call(createContext(), { authType: 'application', tenantId: tenant.domains[0] }));
      expect(err.message).to.match(/AADSTS500011.*the tenant is not in the global cloud\. Set Cloud \(and Sign-in host\) to the cloud your tenant is in/);
    });

    it('a mailbox of another cloud, addressed with a global token: Graph refuses the audience; no token crosses clouds', async () => {
      const [shared] = national('china').sharedMailboxes;
      const err = await failureOf(poll('getNewMail', app({ mailbox: shared })));
      expect(err.message).to.match(/HTTP 401 InvalidAuthenticationToken/);
    });
  });

  describe('Mail Changes in Folder (delta queries) on another mailbox, app-only and in each cloud', () => {
    /** Two polls: the first records the folder, then `change` happens, the second emits it. */
    async function followed(cfg, change) {
      const trigger = loadStep('getMailFolderChanges');
      const first = createContext();
      await trigger.process.call(first, {}, { changeTypes: ['created', 'deleted'], ...cfg }, {});
      const moved = await change();
      const second = createContext();
      await trigger.process.call(second, {}, { changeTypes: ['created', 'deleted'], ...cfg }, first.emitted('snapshot').slice(-1)[0]);
      return { moved, out: second.emitted('data').map((d) => d.body) };
    }
    /** An old mail of the mailbox's Archive, moved into its Inbox. */
    const moveOldMailIn = (mailbox, subject) => async () => {
      const old = emu.control.addMail({ mailbox, folder: 'archive', subject, from: 'ann@fabrikam.example', receivedAt: Date.now() - 90 * 86400000 });
      emu.control.updateMail(old.id, { moveTo: 'inbox' });
      return old;
    };

    it('delegated on info@ through the Mailbox field: old mail moved into its Inbox arrives', async () => {
      const { out } = await followed(delegated(ADELE, { mailbox: INFO }), moveOldMailIn(INFO, 'Filed into the info desk'));
      expect(out.map((d) => [d.changeType, d.message.subject])).to.deep.equal([['created', 'Filed into the info desk']]);
    });

    it('without Full Access: refused before anything is emitted, naming the right', async () => {
      const err = await failureOf(loadStep('getMailFolderChanges').process.call(createContext(), {}, delegated(MEGAN, { mailbox: INFO }), {}));
      expect(err.message).to.match(/HTTP 403 ErrorAccessDenied.*The signed-in user has no Full Access on mailbox info@contoso\.example/);
    });

    it('app-only on Megan\'s mailbox: a move in arrives, a move out is a deletion', async () => {
      const arrived = await followed(app({ mailbox: MEGAN }), moveOldMailIn(MEGAN, 'Filed for Megan'));
      expect(arrived.out.map((d) => d.changeType)).to.deep.equal(['created']);
      const trigger = loadStep('getMailFolderChanges');
      const first = createContext();
      await trigger.process.call(first, {}, app({ mailbox: MEGAN, changeTypes: 'deleted' }), {});
      const session = createSession(app({ mailbox: MEGAN }), createContext());
      const [mail] = (await session.get(`${session.root}/mailFolders/inbox/messages?$top=1&$select=id`)).body.value;
      emu.control.updateMail(mail.id, { moveTo: 'archive' });
      const second = createContext();
      await trigger.process.call(second, {}, app({ mailbox: MEGAN, changeTypes: 'deleted' }), first.emitted('snapshot').slice(-1)[0]);
      // The session asks for immutable ids, the id the trigger reports a removal by.
      expect(second.emitted('data').map((d) => d.body)).to.deep.equal([{ changeType: 'deleted', id: mail.id, reason: 'deleted' }]);
    });

    for (const [cloud, loginHost] of [['usgov', 'login.microsoftonline.us'], ['usgovdod', 'login.microsoftonline.us'], ['china', 'login.partner.microsoftonline.cn']]) {
      it(`${cloud}: app-only on the tenant's shared mailbox (Graph documents delta in this cloud)`, async () => {
        const tenant = emu.tenants.find((t) => t.cloud === cloud);
        const [shared] = tenant.sharedMailboxes;
        const { out } = await followed({ authType: 'application', tenantId: tenant.domains[0], mailbox: shared, cloud, loginHost }, moveOldMailIn(shared, `Filed in ${cloud}`));
        expect(out.map((d) => d.message.subject)).to.deep.equal([`Filed in ${cloud}`]);
      });
    }
  });

  describe('Calendar Changes (calendar view delta) on another mailbox, app-only and in each cloud', () => {
    /** Two polls: the first records the calendar, then `change` happens, the second emits it. */
    async function followed(cfg, change) {
      const trigger = loadStep('getEventChanges');
      const fields = { pastDays: 7, futureDays: 30, ...cfg };
      const first = createContext();
      await trigger.process.call(first, {}, fields, {});
      const changed = await change();
      const second = createContext();
      await trigger.process.call(second, {}, fields, first.emitted('snapshot').slice(-1)[0]);
      return { changed, out: second.emitted('data').map((d) => d.body) };
    }
    const book = (mailbox, subject) => async () => emu.control.addEvent({
      mailbox, subject, start: { dateTime: new Date(Date.now() + 86400000).toISOString().slice(0, 19), timeZone: 'UTC' }, end: { dateTime: new Date(Date.now() + 90000000).toISOString().slice(0, 19), timeZone: 'UTC' },
    });

    it('delegated on info@ through the Mailbox field: an event booked in its calendar is created', async () => {
      const { out } = await followed(delegated(ADELE, { mailbox: INFO }), book(INFO, 'Desk rota'));
      expect(out.map((d) => [d.changeType, d.event.subject])).to.deep.equal([['created', 'Desk rota']]);
    });

    it('without Full Access: refused before anything is emitted', async () => {
      const err = await failureOf(loadStep('getEventChanges').process.call(createContext(), {}, delegated(MEGAN, { mailbox: INFO }), {}));
      expect(err.message).to.match(/HTTP 403 ErrorAccessDenied/);
    });

    it('app-only on Megan\'s mailbox: an event deleted there is a deletion', async () => {
      const booked = await book(MEGAN, 'Cancelled later')();
      const { out } = await followed(app({ mailbox: MEGAN }), async () => {
        const res = await fetch(`${emu.url}/v1.0/users/${MEGAN}/events/${encodeURIComponent(booked.id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${emu.control.issueTokens({ mailbox: MEGAN }).access_token}` } });
        expect(res.status).to.equal(204);
      });
      expect(out).to.deep.equal([{ changeType: 'deleted', id: booked.id, reason: 'deleted' }]);
    });

    for (const [cloud, loginHost] of [['usgov', 'login.microsoftonline.us'], ['usgovdod', 'login.microsoftonline.us'], ['china', 'login.partner.microsoftonline.cn']]) {
      it(`${cloud}: app-only on the tenant's shared mailbox (Graph documents delta in this cloud)`, async () => {
        const tenant = emu.tenants.find((t) => t.cloud === cloud);
        const [shared] = tenant.sharedMailboxes;
        const { out } = await followed({ authType: 'application', tenantId: tenant.domains[0], mailbox: shared, cloud, loginHost }, book(shared, `Booked in ${cloud}`));
        expect(out.map((d) => d.event.subject)).to.deep.equal([`Booked in ${cloud}`]);
      });
    }
  });

  it('/me and /users/{self} of one user share one queue: Outlook never sees a fifth request in flight', async () => {
    emu.control.resetStats();
    emu.control.setFaults([{ match: { method: 'GET' }, kind: 'delay', delayMs: 30 }]);
    try {
      const oauth = emu.control.issueTokens({ mailbox: ADELE });
      const me = createSession({ oauth, tenantId: 'common' }, createContext());
      const self = createSession({ oauth, tenantId: 'common', mailbox: ADELE.toUpperCase() }, createContext());
      const burst = (session, n) => Array.from({ length: n }, () => session.get(`${session.root}/mailFolders/inbox?$select=id`));
      await Promise.all([...burst(me, 6), ...burst(self, 6)]);
    } finally {
      emu.control.clearFaults();
    }
    const stats = emu.control.stats();
    expect(stats).to.include({ maxInFlightPerMailbox: 4, throttled: 0 });
    expect(stats.requests).to.equal(12);
  });
});
