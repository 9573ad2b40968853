'use strict';

// Shared mailboxes and app-only credentials through the real sailor and RabbitMQ, on the emulator
// (which enforces Exchange's mailbox rights, admin consent and the token's audience): a delegated
// credential polls and sends as the shared mailbox info@ it has Full Access and Send As on; one
// without Full Access gets an error naming the missing right; an application credential (no user,
// no sign-in) polls and sends for another user's mailbox, never emits updateKeys, and is verified
// in service mode by the permissions its token carries; the dropdown lists the shared mailbox's folders.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario, ACCOUNT_ID } = require('./helpers/scenario');

const INFO = 'info@contoso.example';

describe('e2e: shared mailboxes and app-only credentials in sailor', function () {
  const s = useScenario();
  const since = () => new Date(Date.now() - 60_000).toISOString();
  const tag = () => randomBytes(4).toString('hex');
  const appCfg = (fields) => ({ authType: 'application', tenantId: 'contoso.example', _account: ACCOUNT_ID, ...fields });

  describe('delegated: Adele on info@ (Full Access, Send As)', () => {
    it('Poll for New Mail on info@ emits its new mail and acks', async () => {
      const subject = `E2E to info ${tag()}`;
      const step = await s.startStep('getNewMail', s.graph.credential({ mailbox: INFO, startTime: since() }));
      s.graph.control.addMail({ mailbox: INFO, subject, from: 'ann@fabrikam.example' });
      const run = await step.run();
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      expect(run.data.map((m) => m.body.subject)).to.deep.equal([subject]);
      await s.stopCleanly(step);
    });

    it('Send Mail with Mailbox info@ sends as info@, once, and keeps the copy in its Sent Items', async () => {
      const subject = `E2E from info ${tag()}`;
      const step = await s.startStep('sendMail', s.graph.credential({ mailbox: INFO }));
      const run = await step.run({ body: { to: s.graph.mailboxes.secondary, subject } });
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      expect(run.data[0].body).to.include({ mailbox: INFO, subject });
      const sent = s.graph.control.sent(INFO).filter((r) => r.subject === subject);
      expect(sent).to.have.length(1);
      expect(sent[0].from.address).to.equal(INFO);
      expect(sent[0].saveToSentItems).to.equal(true);
      await s.stopCleanly(step);
    });

    it('the Folder dropdown lists info@\'s folders (service mode)', async () => {
      const result = await s.service('selectModel', { cfg: s.graph.credential({ mailbox: INFO }), triggerOrAction: 'getNewMail', modelMethod: 'getFolders' });
      expect(result.status).to.equal('success');
      expect(Object.values(result.data)).to.include('Inbox');
    });
  });

  describe('delegated: Megan on info@ (Send on Behalf only, no Full Access)', () => {
    it('polling info@ ends in one error naming the missing right, and the input is rejected', async () => {
      const step = await s.startStep('getNewMail', s.graph.credential({ mailbox: INFO, startTime: since() }, { mailbox: s.graph.mailboxes.secondary }));
      const run = await step.run();
      expect(run.outcome).to.equal('reject');
      expect(run.data).to.deep.equal([]);
      expect(run.errors).to.have.length(1);
      expect(run.errors[0].message).to.match(/The signed-in user has no Full Access on mailbox info@contoso\.example/);
      await s.stopCleanly(step);
    });
  });

  describe('application: no user, the app on Megan\'s mailbox', () => {
    it('verifyCredentials (service mode) obtains a token and finds every application permission in it', async () => {
      const result = await s.service('verifyCredentials', { cfg: appCfg({}) });
      expect(result).to.deep.equal({ status: 'success', data: { verified: true } });
    });

    it('verifyCredentials reports the missing admin consent', async () => {
      s.graph.control.setAdminConsent({ tenant: 'contoso.example', roles: null });
      try {
        const result = await s.service('verifyCredentials', { cfg: appCfg({}) });
        expect(result.data.verified).to.equal(false);
        expect(result.data.reason).to.match(/no administrator has granted admin consent\. Needed: Mail\.ReadWrite, Mail\.Send/);
      } finally {
        s.graph.control.setAdminConsent({ tenant: 'contoso.example' });
      }
    });

    it('Poll for New Mail and Send Mail run without a sign-in and never emit updateKeys', async () => {
      const megan = s.graph.mailboxes.secondary;
      const subject = `E2E app-only ${tag()}`;
      const updatesBefore = s.accountUpdates().length;
      const poll = await s.startStep('getNewMail', appCfg({ mailbox: megan, startTime: since() }));
      s.graph.control.addMail({ mailbox: megan, subject, from: 'ann@fabrikam.example' });
      const polled = await poll.run();
      expect(polled.errors).to.deep.equal([]);
      // The mail info@ sent Megan above is new to this trigger too.
      expect(polled.data.map((m) => m.body.subject)).to.include(subject);
      const send = await s.startStep('sendMail', appCfg({ mailbox: megan }));
      const sent = await send.run({ body: { to: s.graph.mailboxes.primary, subject: `Re: ${subject}` } });
      expect(sent.errors).to.deep.equal([]);
      expect(sent.outcome).to.equal('ack');
      expect(s.graph.control.sent(megan).map((r) => r.subject)).to.include(`Re: ${subject}`);
      expect(s.accountUpdates().length, 'PUT /v1/accounts after app-only runs').to.equal(updatesBefore);
      await s.stopCleanly(poll);
      await s.stopCleanly(send);
    });

    it('a step without a mailbox is refused naming the field, before any request', async () => {
      s.graph.control.resetStats();
      const step = await s.startStep('getNewMail', appCfg({ startTime: since() }));
      const run = await step.run();
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^mailbox: is required with an application credential/);
      expect(s.graph.control.stats().requests, 'requests to the emulator').to.equal(0);
      await s.stopCleanly(step);
    });
  });

  s.itPrintedNoSecrets();
});
