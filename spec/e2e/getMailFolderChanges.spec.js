'use strict';

// getMailFolderChanges in the real sailor: a first poll that only records the folder, old mail
// moved in, a read, a move out and a deletion across polls and containers (the snapshot carries the
// delta links), and a sync state Graph lost, all through RabbitMQ and the fake platform.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

describe('e2e: getMailFolderChanges (Mail Changes in Folder) in sailor', function () {
  const s = useScenario();
  let cfg;
  let folder;
  let snapshot;
  const tag = () => randomBytes(4).toString('hex');
  const inFolder = async (subject) => (await s.graph.graphAll(`/me/mailFolders/${encodeURIComponent(folder.id)}/messages?$select=id,subject&$top=100`)).find((m) => m.subject === subject);

  before(async () => {
    [folder] = (await s.graph.graphAll('/me/mailFolders?$select=id,displayName&$top=100')).filter((f) => f.displayName === 'Newsletters');
    cfg = s.graph.credential({ folderId: folder.id, changeTypes: ['created', 'updated', 'deleted'], startTime: '' });
  });

  describe('first container, started with an empty snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getMailFolderChanges', cfg); });

    it('records the folder on its first poll and emits none of the mail already there; the snapshot holds one link per kind', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(Object.keys(snapshot.chains)).to.have.members(['created', 'updated', 'deleted']);
      for (const chain of Object.values(snapshot.chains)) expect(chain.link).to.match(/\/messages\/delta\?\$deltatoken=/);
      expect(JSON.stringify(snapshot).length, 'snapshot size').to.be.at.most(4500);
    });

    it('emits an old mail moved into the folder as created, whatever its age, and a read of it as updated, once each', async () => {
      const subject = `E2E filed ${tag()}`;
      const old = s.graph.control.addMail({ subject, folder: 'archive', from: 'adele.vance@contoso.example', receivedAt: Date.now() - 400 * 86400000 });
      s.graph.control.updateMail(old.id, { moveTo: folder.id });
      const moved = await inFolder(subject);
      const arrived = await step.run();
      expect(arrived).to.deep.include({ outcome: 'ack', errors: [] });
      expect(arrived.data.map((m) => [m.body.changeType, m.body.id, m.body.message.subject])).to.deep.equal([['created', moved.id, subject]]);
      s.graph.control.updateMail(moved.id, { isRead: true });
      const read = await step.run();
      expect(read.data.map((m) => [m.body.changeType, m.body.message.isRead])).to.deep.equal([['updated', true]]);
      snapshot = read.snapshots[read.snapshots.length - 1];
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  describe('second container, started with the stored snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getMailFolderChanges', cfg, { snapshot }); });

    it('emits nothing that was emitted before, then a move out and a deletion as deleted, by id', async () => {
      const quiet = await step.run();
      expect(quiet).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      const [first, second] = await s.graph.graphAll(`/me/mailFolders/${encodeURIComponent(folder.id)}/messages?$select=id&$top=2`);
      s.graph.control.updateMail(first.id, { moveTo: 'archive' });
      s.graph.control.deleteMail(second.id);
      const gone = await step.run();
      expect(gone).to.deep.include({ outcome: 'ack', errors: [] });
      expect(gone.data.map((m) => m.body)).to.deep.equal([
        { changeType: 'deleted', id: first.id, reason: 'deleted' },
        { changeType: 'deleted', id: second.id, reason: 'deleted' },
      ]);
    });

    it('when Graph has lost the sync state (410) reads the folder again, emits only what arrived meanwhile, and acks', async () => {
      s.graph.control.expireDeltaTokens({ code: 'SyncStateNotFound' });
      const subject = `E2E during the gap ${tag()}`;
      s.graph.control.addMail({ subject, folder: folder.id, from: 'news@northwind.example' });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => [m.body.changeType, m.body.message.subject])).to.deep.equal([['created', subject]]);
      const again = await step.run();
      expect(again).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  s.itPrintedNoSecrets();
});
