'use strict';

// getNewMail in the real sailor: first poll from startTime, polls with the stored snapshot (same
// container and a new one), a newly arrived mail, and token refresh with updateKeys.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');
const { isoSecond } = require('./helpers/graph');

describe('e2e: getNewMail (Poll for New Mail) in sailor', function () {
  const s = useScenario();
  let inbox;
  let startTime;
  let expected;
  let cfg;
  let snapshot;

  before(async () => {
    inbox = await s.graph.graphAll('/me/mailFolders/inbox/messages?$select=id,subject,receivedDateTime&$top=100');
    inbox.sort((a, b) => Date.parse(a.receivedDateTime) - Date.parse(b.receivedDateTime));
    // Start in the middle of the seeded inbox, at a second that holds a mail: "from then on" includes it.
    startTime = isoSecond(inbox[Math.floor(inbox.length / 2)].receivedDateTime);
    expected = inbox.filter((m) => isoSecond(m.receivedDateTime) >= startTime);
    expect(expected.length, 'seeded inbox mails from startTime on').to.be.within(5, inbox.length - 5);
    cfg = s.graph.credential({ startTime, folderId: '', pollOnlyUnreadMail: false });
  });

  describe('first container, started with an empty snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getNewMail', cfg); });

    it('emits each inbox mail received from startTime on, once, oldest first, then a snapshot; the tick is acked', async () => {
      const run = await step.run();
      expect(run.errors).to.deep.equal([]);
      expect(run.outcome).to.equal('ack');
      const bodies = run.data.map((m) => m.body);
      expect(bodies.map((b) => b.id)).to.have.members(expected.map((m) => m.id));
      expect(bodies).to.have.length(expected.length);
      for (const body of bodies) {
        const mail = expected.find((m) => m.id === body.id);
        expect(body).to.include({ subject: mail.subject, receivedDateTime: mail.receivedDateTime });
        expect(body.receivedDateTime >= startTime, `${body.receivedDateTime} is before startTime ${startTime}`).to.equal(true);
      }
      const times = bodies.map((b) => b.receivedDateTime);
      expect(times, 'emitted oldest first').to.deep.equal([...times].sort());
      expect(run.snapshots.length).to.be.greaterThan(0);
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(snapshot).to.include({ v: 1 });
      expect(snapshot.from).to.be.a('string');
      expect(JSON.stringify(snapshot).length, 'snapshot size').to.be.below(5000);
    });

    it('emits nothing on the next poll of the same container', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      if (run.snapshots.length) snapshot = run.snapshots[run.snapshots.length - 1];
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  describe('second container, started with the stored snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getNewMail', cfg, { snapshot }); });

    it('emits nothing that was emitted before', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('emits exactly a mail that arrived since, once', async () => {
      const subject = `E2E arrival ${randomBytes(4).toString('hex')}`;
      s.graph.control.addMail({ subject, from: 'Nestor Wilke <nestor.wilke@contoso.example>', body: 'arrived during the test' });
      const [arrived] = (await s.graph.graphAll('/me/mailFolders/inbox/messages?$select=id,subject,receivedDateTime&$top=100'))
        .filter((m) => m.subject === subject);

      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => m.body.id)).to.deep.equal([arrived.id]);
      expect(run.data[0].body).to.include({ subject, receivedDateTime: arrived.receivedDateTime });

      const again = await step.run();
      expect(again).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('after the access token expired, refreshes it and stores the rotated refresh token through PUT /v1/accounts/acc-1', async () => {
      expect(s.accountUpdates(), 'updateKeys before any expiry').to.deep.equal([]);
      s.graph.control.expireAccessTokens();
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });

      const updates = s.accountUpdates();
      expect(updates).to.have.length(1);
      const { oauth } = updates[0].keys;
      expect(oauth.refresh_token).to.be.a('string').and.not.equal(cfg.oauth.refresh_token);
      expect(oauth.access_token).to.be.a('string').and.not.equal(cfg.oauth.access_token);
    });

    it('keeps using the refreshed token in later messages of the same container (its cfg still holds the old one)', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      expect(s.accountUpdates(), 'no second refresh without a reason').to.have.length(1);

      // The refresh token in cfg was rotated away: a second refresh only works with the new one.
      s.graph.control.expireAccessTokens();
      const afterSecondExpiry = await step.run();
      expect(afterSecondExpiry).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      const updates = s.accountUpdates();
      expect(updates).to.have.length(2);
      const tokens = [cfg.oauth.refresh_token, updates[0].keys.oauth.refresh_token, updates[1].keys.oauth.refresh_token];
      expect(new Set(tokens).size, 'each refresh stored a new refresh token').to.equal(3);
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  describe('a container polling a nested folder chosen from the dropdown', () => {
    it('emits the mail of that folder only', async () => {
      const folders = await s.graph.graphAll('/me/mailFolders/inbox/childFolders?$select=id,displayName&$top=100');
      const projects = folders.find((f) => f.displayName === 'Projects');
      const [alpha] = (await s.graph.graphAll(`/me/mailFolders/${encodeURIComponent(projects.id)}/childFolders?$select=id,displayName`))
        .filter((f) => f.displayName === 'Alpha');
      const subject = `E2E in Alpha ${randomBytes(4).toString('hex')}`;
      s.graph.control.addMail({ subject, folder: alpha.id, from: 'lidia.holloway@contoso.example' });
      const inAlpha = await s.graph.graphAll(`/me/mailFolders/${encodeURIComponent(alpha.id)}/messages?$select=id,subject&$top=100`);
      expect(inAlpha.length).to.be.greaterThan(1);

      const step = await s.startStep('getNewMail', { ...cfg, folderId: alpha.id, startTime: new Date(Date.now() - 60 * 24 * 3600 * 1000).toISOString() });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => m.body.id)).to.have.members(inAlpha.map((m) => m.id));
      expect(run.data.map((m) => m.body.subject)).to.include(subject);
      expect(run.data).to.have.length(inAlpha.length);
      for (const { body } of run.data) expect(body.parentFolderId).to.equal(alpha.id);
      await s.stopCleanly(step);
    });
  });

  describe('a container without a start time', () => {
    it('emits none of the mail already there, then exactly a mail that arrives afterwards', async () => {
      const [newsletters] = (await s.graph.graphAll('/me/mailFolders?$select=id,displayName&$top=100')).filter((f) => f.displayName === 'Newsletters');
      const existing = await s.graph.graphAll(`/me/mailFolders/${encodeURIComponent(newsletters.id)}/messages?$select=id&$top=100`);
      expect(existing.length, 'mail already in the folder').to.be.greaterThan(0);

      const step = await s.startStep('getNewMail', { ...cfg, folderId: newsletters.id, startTime: '' });
      const first = await step.run();
      expect(first).to.deep.include({ outcome: 'ack', data: [], errors: [] });

      const subject = `E2E newsletter ${randomBytes(4).toString('hex')}`;
      s.graph.control.addMail({ subject, folder: newsletters.id, from: 'news@northwind.example' });
      // Into the next whole second: the second poll must start where the first saved, not at its own 'now'.
      await new Promise((resolve) => { setTimeout(resolve, 1100); });
      const second = await step.run();
      expect(second).to.deep.include({ outcome: 'ack', errors: [] });
      expect(second.data.map((m) => m.body.subject)).to.deep.equal([subject]);
      await s.stopCleanly(step);
    });
  });

  s.itPrintedNoSecrets();
});
