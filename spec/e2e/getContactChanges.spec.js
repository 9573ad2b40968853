'use strict';

// getContactChanges in the real sailor: a first poll that only records the default Contacts
// folder, then a contact added; in a second container started with the stored snapshot, a change
// and a deletion, and a sync state Graph lost, all through RabbitMQ and the fake platform.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

describe('e2e: getContactChanges (Contact Changes) in sailor', function () {
  const s = useScenario();
  let cfg;
  let snapshot;
  let added;
  const tag = () => randomBytes(4).toString('hex');

  before(() => {
    cfg = s.graph.credential({});
  });

  describe('first container, started with an empty snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getContactChanges', cfg); });

    it('records the folder on its first poll and emits none of the contacts already there; the snapshot holds the link', async () => {
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(snapshot.chains.changes.link).to.match(/\/me\/contactFolders\/contacts\/contacts\/delta\?\$deltatoken=/);
      expect(JSON.stringify(snapshot).length, 'snapshot size').to.be.at.most(4500);
    });

    it('emits a contact added to the folder as created, with its fields', async () => {
      const displayName = `E2E contact ${tag()}`;
      added = s.graph.control.addContact({ displayName, givenName: 'E2E', emailAddresses: [{ address: 'e2e@fabrikam.example', name: displayName }] });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => [m.body.changeType, m.body.id, m.body.contact.displayName])).to.deep.equal([['created', added.id, displayName]]);
      snapshot = run.snapshots[run.snapshots.length - 1];
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  describe('second container, started with the stored snapshot', () => {
    let step;
    before(async () => { step = await s.startStep('getContactChanges', cfg, { snapshot }); });

    it('emits nothing that was emitted before, then a change and a deletion once each', async () => {
      const quiet = await step.run();
      expect(quiet).to.deep.include({ outcome: 'ack', data: [], errors: [] });
      s.graph.control.updateContact(added.id, { jobTitle: 'Buyer' });
      const changed = await step.run();
      expect(changed.data.map((m) => [m.body.changeType, m.body.id, m.body.contact.jobTitle])).to.deep.equal([['updated', added.id, 'Buyer']]);
      await s.graph.graph('DELETE', `/me/contacts/${encodeURIComponent(added.id)}`);
      const deleted = await step.run();
      expect(deleted).to.deep.include({ outcome: 'ack', errors: [] });
      expect(deleted.data.map((m) => m.body)).to.deep.equal([{ changeType: 'deleted', id: added.id, reason: 'deleted' }]);
      const again = await step.run();
      expect(again).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('when Graph has lost the sync state (410) reads the folder again, emits only what was added meanwhile, and acks', async () => {
      s.graph.control.expireDeltaTokens({ code: 'syncStateNotFound' });
      const gap = s.graph.control.addContact({ displayName: `E2E during the gap ${tag()}` });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data.map((m) => [m.body.changeType, m.body.id])).to.deep.equal([['created', gap.id]]);
      const again = await step.run();
      expect(again).to.deep.include({ outcome: 'ack', data: [], errors: [] });
    });

    it('stops on SIGTERM with exit code 0', async () => {
      await s.stopCleanly(step);
    });
  });

  s.itPrintedNoSecrets();
});
