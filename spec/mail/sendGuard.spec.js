'use strict';

// Never send twice, even when the platform delivers the same message again (platform/sendGuard.ts),
// against the emulator, whose sending is asynchronous (a submitted draft waits in the Outbox for
// the send delay, then is in Sent Items): for each send-like step the process is killed at every
// point of a send (before the draft, after it, mid-upload, after /send before its answer, after the
// answer before the output) and the message delivered again, at once and after the delay: exactly
// one mail each time. Lost answers are looked into, not guessed; the guard's cost is counted.
const { expect } = require('chai');
const { guardHarness } = require('../helpers/guardHarness');
const { fakeMaester } = require('../helpers/fakeMaester');
const { MiB, patternStream } = require('../helpers/bytes');
const { withRealHttp } = require('../helpers/realHttp');

const isCreate = (method, path) => method === 'POST' && /\/me\/messages$/.test(path);
const isSend = (method, path) => method === 'POST' && /\/send$/.test(path);
const isResponse = (method, path) => method === 'POST' && /\/create(Reply|ReplyAll|Forward)$/.test(path);
const isPatch = (method) => method === 'PATCH';

describe('the duplicate guard: never sent twice, even when the message is delivered again', function () {
  this.timeout(60000);
  withRealHttp();
  let h;
  let maester;
  let savedStorage;
  beforeEach(async () => {
    h = await guardHarness();
    maester = await fakeMaester();
    savedStorage = Object.fromEntries(Object.keys(maester.env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, maester.env);
  });
  afterEach(async () => {
    for (const [k, v] of Object.entries(savedStorage)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await maester.close();
    await h.close();
  });

  const inboxCopies = async (subject) => {
    const token = h.emu.control.issueTokens({ mailbox: h.emu.mailboxes.secondary }).access_token;
    const res = await fetch(`${h.emu.url}/v1.0/users/${h.emu.mailboxes.secondary}/mailFolders/inbox/messages?$top=100&$select=subject`, { headers: { Authorization: `Bearer ${token}` } });
    return (await res.json()).value.filter((m) => m.subject === subject).length;
  };
  // From the emulator's other mailbox, so that the reply's delivery can be counted there.
  const original = () => h.emu.control.addMail({ subject: 'Order 42', from: `Ann <${h.emu.mailboxes.secondary}>`, body: '<p>Please confirm.</p>' }).id;
  const nineMb = async () => ({ 'nine.bin': { url: await maester.seed(patternStream(9 * MiB, 9)), size: 9 * MiB, 'content-type': 'application/octet-stream' } });

  /** Kills the first run at `killAt`, then delivers the message again (now, then after the delay): one mail in all. */
  async function exactlyOnce({ step, msg, subject, killAt, when, againAt = 'now' }) {
    const first = await h.run(step, msg, { killAt, when });
    if (killAt) expect(first.died, 'the first run was killed').to.equal(true);
    if (againAt === 'later') h.deliver();
    const second = await h.run(step, msg);
    expect(second.error, second.error && second.error.message).to.equal(undefined);
    const third = await h.run(step, msg);
    expect(third.out.body.alreadySent, 'a third delivery finds it too').to.equal(true);
    h.deliver();
    expect(h.sent(subject), 'mails submitted').to.have.length(1);
    expect(await inboxCopies(subject), 'copies delivered').to.equal(1);
    return { first, second, third };
  }

  describe('Send Mail with a 9 MB file (draft, upload session, send)', () => {
    const mail = (attachments) => ({ id: 'send-1', body: { to: 'megan.bowen@contoso.example', subject: 'Invoice 7', body: 'Attached.' }, attachments });
    const points = [
      ['before the draft is created', isCreate, 'before'],
      ['after the draft is created, before its answer', isCreate, 'after'],
      ['after /send, before its answer', isSend, 'after'],
    ];
    for (const [label, killAt, when] of points) {
      for (const againAt of ['now', 'later']) {
        it(`killed ${label}, delivered again ${againAt === 'now' ? 'at once (the mail still in the Outbox)' : 'after the send delay'}: one mail`, async () => {
          await exactlyOnce({ step: 'sendMail', msg: mail(await nineMb()), subject: 'Invoice 7', killAt, when, againAt });
        });
      }
    }

    it('killed mid-upload (Outlook stops answering after the first range): the draft is reused, the file uploaded again whole, one mail with one file', async () => {
      const attachments = await nineMb();
      // Outlook's upload URL answers the first range, then nothing more (the process is as good as dead).
      h.emu.control.setFaults([{ match: { method: 'PUT', path: 'AttachmentSessions' }, kind: 'drop', after: 1 }]);
      const first = await h.run('sendMail', mail(attachments));
      expect(first.error, 'the first run failed mid-upload').to.be.an('error');
      h.emu.control.clearFaults();
      expect(h.sent('Invoice 7')).to.have.length(0);
      const again = await h.run('sendMail', mail(attachments));
      expect(again.error, again.error && again.error.message).to.equal(undefined);
      expect(again.ctx.logs.map((l) => l.message).join('\n')).to.include('from the draft an interrupted run left');
      h.deliver();
      const [record] = h.sent('Invoice 7');
      expect(record.attachments.map((a) => [a.name, a.size])).to.deep.equal([['nine.bin', 9 * MiB]]);
      expect(h.sent('Invoice 7')).to.have.length(1);
    });

    it('killed after the answer, before the output: delivered again, it reports the same mail, alreadySent', async () => {
      const { first, second } = await exactlyOnce({ step: 'sendMail', msg: mail(await nineMb()), subject: 'Invoice 7' });
      const { alreadySent, sentAt, ...shown } = first.out.body;
      expect(alreadySent).to.equal(false);
      const { alreadySent: again, sentAt: at, ...same } = second.out.body;
      expect(again).to.equal(true);
      expect(same).to.deep.equal(shown);
      expect(sentAt).to.be.a('string');
      expect(at).to.be.a('string');
    });

    it('killed after /send, delivered again with the file behind a URL the platform made anew (same object, new signature): one mail', async () => {
      const attachments = await nineMb();
      const first = await h.run('sendMail', mail(attachments), { killAt: isSend, when: 'after' });
      expect(first.died).to.equal(true);
      const renewed = { 'nine.bin': { ...attachments['nine.bin'], url: `${attachments['nine.bin'].url}&signature=renewed` } };
      const again = await h.run('sendMail', mail(renewed));
      expect(again.error, again.error && again.error.message).to.equal(undefined);
      expect(again.out.body.alreadySent).to.equal(true);
      h.deliver();
      expect(h.sent('Invoice 7'), 'mails submitted').to.have.length(1);
    });

    it('the same message id carrying another mail is another mail; without a message id every run is its own', async () => {
      await h.run('sendMail', mail());
      await h.run('sendMail', { ...mail(), body: { ...mail().body, body: 'Other text.' } });
      await h.run('sendMail', { body: mail().body });
      await h.run('sendMail', { body: mail().body });
      h.deliver();
      expect(h.sent('Invoice 7')).to.have.length(4);
    });
  });

  describe('lost answers are looked into, not guessed', () => {
    const mail = { id: 'lost-1', body: { to: 'megan.bowen@contoso.example', subject: 'Lost', body: 'x' } };

    it('/send done but its answer lost (504 after the work): the step finds the mail in the Outbox and reports it sent, once', async () => {
      h.emu.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
      const { out, error } = await h.run('sendMail', mail);
      expect(error, error && error.message).to.equal(undefined);
      expect(out.body.alreadySent).to.equal(false);
      h.deliver();
      expect(h.sent('Lost')).to.have.length(1);
    });

    it('/send not done and its answer lost (a dropped connection): the draft stays unsent, so it is sent again, once', async () => {
      h.emu.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'drop', times: 1 }]);
      const { error } = await h.run('sendMail', mail);
      expect(error, error && error.message).to.equal(undefined);
      expect(h.waits.length, 'looked again before sending again').to.be.above(0);
      h.deliver();
      expect(h.sent('Lost')).to.have.length(1);
    });

    it('the draft gone after a lost answer (deleted) and no sent mail appearing: the step says so, waits about a minute on its clock, and sends nothing', async () => {
      h.emu.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'status', status: 504, times: 1 }]);
      const token = h.emu.control.issueTokens().access_token;
      const graph = (path, method = 'GET') => fetch(`${h.emu.url}/v1.0${path}`, { method, headers: { Authorization: `Bearer ${token}` } }).then((r) => r.text());
      // Someone deletes the draft while the step looks for it.
      h.hooks.onWait = async () => {
        const drafts = JSON.parse(await graph('/me/mailFolders/drafts/messages?$select=id,subject')).value;
        for (const draft of drafts.filter((m) => m.subject === 'Lost')) await graph(`/me/messages/${encodeURIComponent(draft.id)}/permanentDelete`, 'POST');
      };
      const before = h.waits.length;
      const { error } = await h.run('sendMail', mail);
      h.hooks.onWait = undefined;
      expect(error, 'reported as unknown').to.be.an('error');
      expect(error.message).to.include('After that lost answer the step looked again').and.include('It was not sent again').and.include('Sent Items');
      const waited = h.waits.slice(before).reduce((a, b) => a + b, 0);
      expect(waited).to.be.within(30_000, 70_000);
      h.deliver();
      expect(h.sent('Lost')).to.have.length(0);
    });

    it('429 on /send is waited out and sent once; 503 on the look-up is retried; a 403 Send As refusal sends nothing and says why', async () => {
      h.emu.control.setFaults([
        { match: { method: 'POST', path: '/send$' }, kind: 'status', status: 429, times: 1 },
        { match: { method: 'GET', path: '/messages$' }, kind: 'status', status: 503, times: 2 },
      ]);
      const { error } = await h.run('sendMail', mail);
      expect(error, error && error.message).to.equal(undefined);
      const refused = await h.run('sendMail', { id: 'as-1', body: { ...mail.body, subject: 'As other', from: 'lee.gu@litware-dod.example' } });
      expect(refused.error.statusCode).to.equal(403);
      expect(refused.error.message).to.include('Send As');
      h.deliver();
      expect(h.sent('Lost')).to.have.length(1);
      expect(h.sent('As other')).to.have.length(0);
    });
  });

  describe('Reply to Mail', () => {
    const reply = (messageId) => ({ id: 'reply-1', body: { messageId, body: 'Confirmed.', cc: 'ops@fabrikam.example' } });
    const points = [
      ['before the reply draft is created', isResponse, 'before'],
      ['after the reply draft is created (left untagged, unsent)', isResponse, 'after'],
      ['after the draft is completed and tagged', isPatch, 'after'],
      ['after /send, before its answer', isSend, 'after'],
    ];
    for (const [label, killAt, when] of points) {
      it(`killed ${label}, delivered again: one reply`, async () => {
        const { second } = await exactlyOnce({ step: 'replyToMail', msg: reply(original()), subject: 'RE: Order 42', killAt, when });
        expect(second.out.body.cc).to.deep.equal(['ops@fabrikam.example']);
      });
    }

    it('the answered mail gone: 404 naming messageId, nothing sent', async () => {
      const id = original();
      const token = h.emu.control.issueTokens().access_token;
      await fetch(`${h.emu.url}/v1.0/me/messages/${encodeURIComponent(id)}/permanentDelete`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      const { error } = await h.run('replyToMail', reply(id));
      expect(error.statusCode).to.equal(404);
      expect(error.message).to.match(/^messageId: /);
      h.deliver();
      expect(h.sent('RE: Order 42')).to.have.length(0);
    });
  });

  describe('Forward Mail', () => {
    for (const [label, killAt, when] of [['after the forward draft is created', isResponse, 'after'], ['after /send, before its answer', isSend, 'after']]) {
      it(`killed ${label}, delivered again: one forward, with the original's attachments`, async () => {
        const id = h.emu.control.addMail({ subject: 'Specs', from: 'ann@fabrikam.example', attachments: [{ name: 'spec.pdf', size: 5000, contentType: 'application/pdf' }] }).id;
        await exactlyOnce({ step: 'forwardMail', msg: { id: 'fw-1', body: { messageId: id, to: 'megan.bowen@contoso.example', body: 'FYI' } }, subject: 'FW: Specs', killAt, when });
        expect(h.sent('FW: Specs')[0].attachments.map((a) => a.name)).to.deep.equal(['spec.pdf']);
      });
    }
  });

  describe('Create Draft and Send Draft', () => {
    it('Create Draft killed after the draft was made, delivered again: the same draft, not a second', async () => {
      const msg = { id: 'draft-1', body: { to: 'megan.bowen@contoso.example', subject: 'Proposal' } };
      await h.run('createDraft', msg, { killAt: isCreate, when: 'after' });
      const again = await h.run('createDraft', msg);
      const third = await h.run('createDraft', msg);
      expect(again.out.body.alreadyCreated).to.equal(true);
      expect(third.out.body.id).to.equal(again.out.body.id);
      const token = h.emu.control.issueTokens().access_token;
      const drafts = await (await fetch(`${h.emu.url}/v1.0/me/mailFolders/drafts/messages?$select=subject`, { headers: { Authorization: `Bearer ${token}` } })).json();
      expect(drafts.value.filter((m) => m.subject === 'Proposal')).to.have.length(1);
    });

    for (const [label, killAt, when] of [['after the draft was tagged', isPatch, 'after'], ['after /send, before its answer', isSend, 'after']]) {
      it(`Send Draft killed ${label}, delivered again at once and later: one mail, then alreadySent`, async () => {
        const made = await h.run('createDraft', { id: 'd-2', body: { to: 'megan.bowen@contoso.example', subject: 'Agenda' } });
        await exactlyOnce({ step: 'sendDraft', msg: { id: 'sd-1', body: { messageId: made.out.body.id } }, subject: 'Agenda', killAt, when });
      });
    }

    it('Create Draft delivered again after Send Draft sent its draft (Create Draft died before its ack): no second draft, so no second mail', async () => {
      const msg = { id: 'draft-chain', body: { to: 'megan.bowen@contoso.example', subject: 'Chained' } };
      const made = await h.run('createDraft', msg);
      // Create Draft's output goes on to Send Draft (a new message id), which sends the draft...
      const sentOnce = await h.run('sendDraft', { id: 'send-chain-1', body: { messageId: made.out.body.id } });
      expect(sentOnce.error, sentOnce.error && sentOnce.error.message).to.equal(undefined);
      // ...then Create Draft's own message comes again: it must find its mail, not make another draft.
      const again = await h.run('createDraft', msg);
      expect(again.out.body.id, 'the same mail as the first run').to.equal(made.out.body.id);
      expect(again.out.body.alreadyCreated).to.equal(true);
      const second = await h.run('sendDraft', { id: 'send-chain-2', body: { messageId: again.out.body.id } });
      h.deliver();
      expect(h.sent('Chained'), 'mails submitted').to.have.length(1);
      expect(second.out === undefined || second.out.body.alreadySent === true || second.error !== undefined).to.equal(true);
    });

    it('Send Draft of a mail that is not a draft is refused naming messageId; of one sent by someone else, too', async () => {
      const received = original();
      const { error } = await h.run('sendDraft', { id: 'sd-3', body: { messageId: received } });
      expect(error.name).to.equal('InputError');
      expect(error.message).to.match(/^messageId: is not a draft/);
    });
  });

  describe('what the guard costs, in requests to Graph per mail', () => {
    const count = async (step, msg, cfg) => {
      h.emu.control.resetStats();
      const { error } = await h.run(step, msg, { cfg });
      expect(error, error && error.message).to.equal(undefined);
      return Object.values(h.emu.control.stats().byRoute).reduce((a, b) => a + b, 0);
    };
    it('Send Mail: 3 with the check (look-up, draft, send), 1 without; Reply to Mail: 4 and 3; Send Draft: 4 and 2', async () => {
      const body = { to: 'megan.bowen@contoso.example', subject: 'Cost', body: 'x' };
      expect(await count('sendMail', { id: 'c-1', body })).to.equal(3);
      expect(await count('sendMail', { id: 'c-2', body }, { skipDuplicateCheck: true })).to.equal(1);
      expect(await count('replyToMail', { id: 'c-3', body: { messageId: original(), body: 'ok' } })).to.equal(4);
      expect(await count('replyToMail', { id: 'c-4', body: { messageId: original(), body: 'ok' } }, { skipDuplicateCheck: true })).to.equal(3);
      const made = await h.run('createDraft', { id: 'c-5', body });
      expect(await count('sendDraft', { id: 'c-6', body: { messageId: made.out.body.id } })).to.equal(4);
      const other = await h.run('createDraft', { id: 'c-7', body });
      expect(await count('sendDraft', { id: 'c-8', body: { messageId: other.out.body.id } }, { skipDuplicateCheck: true })).to.equal(2);
    });
  });
});
