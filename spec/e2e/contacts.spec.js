'use strict';

// The contact steps in the real sailor, each in a container of its own, against the emulator:
// Create Contact (and its replay), Update Contact, Create or Update Contact (created, replayed,
// updated), Find Contact (found; nothing found as an error), Delete Contact (and its replay), and
// Poll for New and Updated Contacts across all folders, a second container resuming from the
// stored snapshot. Invalid input is rejected with nothing written.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const tag = randomBytes(3).toString('hex');
const writes = (stats) => Object.entries(stats.byRoute).filter(([route]) => /^(POST|PATCH|DELETE) .*contact/i.test(route)).reduce((sum, [, n]) => sum + n, 0);

describe('e2e: the contact steps in sailor', function () {
  const s = useScenario();
  let credential;
  let created;
  const ann = { givenName: 'Ann', surname: `E2E ${tag}`, emailAddresses: `ann.${tag}@fabrikam.example`, personalNotes: 'Met at the e2e fair.' };

  before(() => { credential = s.graph.credential(); });

  describe('Create Contact', () => {
    let step;
    let firstMessageId;
    before(async () => { step = await s.startStep('createContact', { ...credential }); });

    it('creates the contact in the default folder and emits it; the input is acked', async () => {
      const run = await step.run({ body: ann });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data).to.have.length(1);
      created = run.data[0].body;
      firstMessageId = run.messageId;
      expect(created).to.include({ displayName: `Ann E2E ${tag}`, alreadyCreated: false, personalNotes: 'Met at the e2e fair.' });
      const stored = await s.graph.graph('GET', `/me/contacts/${encodeURIComponent(created.id)}?$select=id,displayName`);
      expect(stored.displayName).to.equal(`Ann E2E ${tag}`);
    });

    it('a replay of the same message finds the contact: no second one', async () => {
      const run = await step.run({ body: ann, messageId: firstMessageId });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.include({ id: created.id, alreadyCreated: true });
      expect(s.graph.control.contacts().filter((c) => c.surname === `E2E ${tag}`)).to.have.length(1);
    });

    it('refuses four email addresses, naming the field, and writes nothing', async () => {
      const before = writes(s.graph.control.stats());
      const run = await step.run({ body: { ...ann, emailAddresses: 'a@x.example, b@x.example, c@x.example, d@x.example' } });
      expect(run.outcome).to.equal('reject');
      expect(run.errors[0].message).to.match(/^emailAddresses: has 4 addresses; an Outlook contact holds at most 3/);
      expect(writes(s.graph.control.stats())).to.equal(before);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Update Contact', () => {
    let step;
    before(async () => { step = await s.startStep('updateContact', { ...credential }); });

    it('changes only the properties given; a replay changes nothing', async () => {
      const run = await step.run({ body: { contactId: created.id, jobTitle: 'Buyer', clearFields: 'personalNotes' } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.include({ jobTitle: 'Buyer', personalNotes: null, givenName: 'Ann', changed: true });
      const replay = await step.run({ body: { contactId: created.id, jobTitle: 'Buyer', clearFields: 'personalNotes' }, messageId: run.messageId });
      expect(replay.data[0].body).to.include({ changed: false, changeKey: run.data[0].body.changeKey });
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Create or Update Contact', () => {
    let step;
    const key = `bob.${tag}@fabrikam.example`;
    before(async () => { step = await s.startStep('upsertContact', { ...credential }); });

    it('creates the contact for a new address, finds it again on a replay, and updates it for the next message', async () => {
      const first = await step.run({ body: { emailAddress: key, givenName: 'Bob', surname: `E2E ${tag}` } });
      expect(first).to.deep.include({ outcome: 'ack', errors: [] });
      expect(first.data[0].body).to.include({ action: 'created' });
      const replay = await step.run({ body: { emailAddress: key, givenName: 'Bob', surname: `E2E ${tag}` }, messageId: first.messageId });
      expect(replay.data[0].body).to.include({ action: 'unchanged', id: first.data[0].body.id });
      const next = await step.run({ body: { emailAddress: key.toUpperCase(), department: 'Purchasing' } });
      expect(next.data[0].body).to.include({ action: 'updated', id: first.data[0].body.id, department: 'Purchasing', givenName: 'Bob' });
      const withKey = s.graph.control.contacts().filter((c) => c.emailAddresses.some((e) => e.address === key));
      expect(withKey).to.have.length(1);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Find Contact', () => {
    let step;
    before(async () => { step = await s.startStep('lookupContact', { ...credential, notFound: 'error' }); });

    it('finds a contact by address in any letter case; nothing found is an error, as configured', async () => {
      const found = await step.run({ body: { emailAddress: `ANN.${tag}@Fabrikam.example` } });
      expect(found).to.deep.include({ outcome: 'ack', errors: [] });
      expect(found.data[0].body).to.include({ found: true, matchCount: 1, id: created.id });
      const none = await step.run({ body: { name: `Nobody ${tag}` } });
      expect(none.outcome).to.equal('reject');
      expect(none.errors[0].message).to.match(/^No contact with display name "Nobody/);
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  describe('Poll for New and Updated Contacts', () => {
    let snapshot;
    const startTime = () => new Date(Date.now() - 10 * 60 * 1000).toISOString();
    let since;

    it('first container: emits every contact of every folder changed since the start time, once', async () => {
      since = startTime();
      const step = await s.startStep('getNewAndUpdatedContacts', { ...credential, startTime: since });
      const run = await step.run();
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      const expected = s.graph.control.contacts().filter((c) => Date.parse(c.lastModifiedDateTime) >= Date.parse(since) - 1000);
      expect(run.data.map((m) => m.body.id)).to.have.members(expected.map((c) => c.id));
      expect(run.data.map((m) => m.body.id)).to.include(created.id);
      snapshot = run.snapshots[run.snapshots.length - 1];
      expect(snapshot.sets).to.be.an('object');
      expect(JSON.stringify(snapshot).length).to.be.at.most(4500);
      await s.stopCleanly(step);
    });

    it('second container, from the stored snapshot: nothing again, then a change in a sub-folder once', async () => {
      const step = await s.startStep('getNewAndUpdatedContacts', { ...credential, startTime: since }, { snapshot });
      expect((await step.run()).data).to.deep.equal([]);
      const [lena] = s.graph.control.contacts().filter((c) => c.givenName === 'Lena');
      s.graph.control.updateContact(lena.id, { jobTitle: `Changed ${tag}` });
      const run = await step.run();
      expect(run.data.map((m) => m.body.id)).to.deep.equal([lena.id]);
      expect((await step.run()).data).to.deep.equal([]);
      await s.stopCleanly(step);
    });
  });

  describe('Delete Contact', () => {
    let step;
    before(async () => { step = await s.startStep('deleteContact', { ...credential }); });

    it('deletes the contact; a replay says it was already gone', async () => {
      const run = await step.run({ body: { contactId: created.id } });
      expect(run).to.deep.include({ outcome: 'ack', errors: [] });
      expect(run.data[0].body).to.deep.equal({ id: created.id, alreadyDeleted: false });
      const replay = await step.run({ body: { contactId: created.id }, messageId: run.messageId });
      expect(replay.data[0].body).to.deep.equal({ id: created.id, alreadyDeleted: true });
    });

    it('stops on SIGTERM with exit code 0', async () => { await s.stopCleanly(step); });
  });

  s.itPrintedNoSecrets();
});
