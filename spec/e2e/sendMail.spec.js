'use strict';

// sendMail in the real sailor: a mail to another mailbox of the tenant is sent exactly once and
// the input acked, and not again when the message is delivered again (alreadySent) or the answer
// to /send is lost; a malformed address becomes an error naming the field, nothing is sent, and
// the input is rejected. The emulator sends asynchronously (the Outbox, then Sent Items).
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

/** How many requests that write reached the emulator. */
function writes(stats) {
  return Object.entries(stats.byRoute).filter(([route]) => /^(POST|PATCH|PUT|DELETE) /.test(route)).reduce((sum, [, n]) => sum + n, 0);
}

describe('e2e: sendMail (Send Mail) in sailor', function () {
  const s = useScenario({ emulator: { sendDelayMs: 2000 } });
  let step;

  before(async () => {
    step = await s.startStep('sendMail', s.graph.credential());
  });

  it('sends a mail to another mailbox once, emits it as data and acks the input', async () => {
    const recipient = s.graph.mailboxes.secondary;
    const subject = `E2E hello ${randomBytes(4).toString('hex')}`;
    const run = await step.run({ body: { to: `Megan Bowen <${recipient}>`, subject, body: 'Sent by the e2e suite.' } });

    expect(run.errors).to.deep.equal([]);
    expect(run.outcome).to.equal('ack');
    expect(run.rejected).to.deep.equal([]);
    expect(run.data).to.have.length(1);
    expect(run.data[0].body).to.include({ subject, savedToSentItems: true });
    expect(run.data[0].body.to).to.deep.equal([recipient]);

    const sent = s.graph.control.sent();
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ subject, mailbox: s.graph.mailboxes.primary });
    expect(sent[0].toRecipients.map((r) => r.address)).to.deep.equal([recipient]);
    expect(sent[0].deliveredTo).to.include(recipient);
    expect(run.data[0].body).to.include({ alreadySent: false }).and.have.property('id');

    const writesBefore = writes(s.graph.control.stats());
    const again = await step.run({ body: { to: `Megan Bowen <${recipient}>`, subject, body: 'Sent by the e2e suite.' }, messageId: run.messageId });
    expect(again.outcome).to.equal('ack');
    expect(again.data[0].body).to.include({ alreadySent: true, id: run.data[0].body.id });
    expect(writes(s.graph.control.stats()) - writesBefore, 'writes of the redelivered message').to.equal(0);
    expect(s.graph.control.sent(), 'still one mail').to.have.length(1);
  });

  it('turns a malformed address into an error naming the field, sends nothing and rejects the input', async () => {
    const before = writes(s.graph.control.stats());
    const body = { to: 'megan.bowen(at)contoso', subject: 'E2E never sent' };
    const run = await step.run({ body });

    expect(run.outcome).to.equal('reject');
    expect(run.data).to.deep.equal([]);
    expect(run.errors).to.have.length(1);
    expect(run.errors[0].message, 'names the field').to.match(/^to(\[0\])?: /);
    expect(run.errors[0].message).to.include('megan.bowen(at)contoso');
    expect(run.errorInputs[0], 'the error carries the input message').to.deep.include({ body });
    expect(run.rejected.map((m) => m.id), 'input dead-lettered after the reject').to.deep.equal([run.messageId]);

    expect(s.graph.control.sent(), 'still only the first mail').to.have.length(1);
    expect(writes(s.graph.control.stats()), 'no write for the malformed mail').to.equal(before);
  });

  it('looks into a lost answer to /send (504 after Outlook accepted it) instead of sending again: reported sent, sent once', async () => {
    const sentBefore = s.graph.control.sent().length;
    s.graph.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    try {
      const run = await step.run({ body: { to: s.graph.mailboxes.secondary, subject: 'E2E lost answer' } });
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      expect(run.data[0].body).to.include({ alreadySent: false, subject: 'E2E lost answer' });
    } finally {
      s.graph.control.clearFaults();
    }
    expect(s.graph.control.sent().length - sentBefore, 'mails actually sent').to.equal(1);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    await s.stopCleanly(step);
  });

  s.itPrintedNoSecrets();
});
