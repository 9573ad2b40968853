'use strict';

// The mail toolbox in the real sailor, each step in a container of its own, against the emulator:
// Find or Create Folder (created, then found by a replay), Find Mail (filters, one message per
// mail), Get Mail, Move Mail (a replay finds the mail there), Copy Mail (a replay returns the copy
// made), Update Mail, Delete Mail (a replay: already deleted, nothing purged). Invalid input is
// rejected with nothing written.
const { expect } = require('chai');
const { randomBytes } = require('node:crypto');
const { useScenario } = require('./helpers/scenario');

const tag = randomBytes(3).toString('hex');
const writes = (stats) => Object.entries(stats.byRoute).filter(([route]) => /^(POST|PATCH|DELETE) /.test(route)).reduce((sum, [, n]) => sum + n, 0);

describe('e2e: the mail toolbox in sailor', function () {
  const s = useScenario();
  let credential;
  let mailId;
  let folder;

  before(async () => {
    credential = s.graph.credential();
    const { id } = s.graph.control.addMail({ subject: `Toolbox ${tag}`, from: 'Ann <ann@fabrikam.example>', body: '<p>e2e</p>' });
    mailId = (await s.graph.graph('GET', `/me/messages/${encodeURIComponent(id)}?$select=id`)).id;
  });
  const folderOf = async (id) => (await s.graph.graph('GET', `/me/messages/${encodeURIComponent(id)}?$select=parentFolderId`)).parentFolderId;

  /** One container for `func`: each input in turn, then a clean stop. */
  async function inContainer(func, cfg, work) {
    const step = await s.startStep(func, { ...credential, ...cfg });
    await work((body, options = {}) => step.run({ body, ...options }));
    await s.stopCleanly(step);
  }

  it('Find or Create Folder: creates the path, a replay finds it; an empty level is rejected with nothing written', async () => {
    await inContainer('lookupFolder', { createMissing: true }, async (run) => {
      const made = await run({ path: `Inbox/E2E ${tag}/Filed` });
      expect(made).to.deep.include({ outcome: 'ack', errors: [] });
      folder = made.data[0].body;
      expect(folder).to.include({ path: `Inbox/E2E ${tag}/Filed`, created: true });
      const replay = await run({ path: `Inbox/E2E ${tag}/Filed` }, { messageId: made.messageId });
      expect(replay.data[0].body).to.deep.equal({ ...folder, created: false });
      const before = writes(s.graph.control.stats());
      const bad = await run({ path: 'Inbox//x' });
      expect(bad.outcome).to.equal('reject');
      expect(bad.errors[0].message).to.match(/^path: level 2 is empty/);
      expect(writes(s.graph.control.stats())).to.equal(before);
    });
  });

  it('Find Mail: finds the mail by its subject, one message per mail', async () => {
    await inContainer('lookupMails', {}, async (run) => {
      const found = await run({ subjectContains: `toolbox ${tag}` });
      expect(found).to.deep.include({ outcome: 'ack', errors: [] });
      expect(found.data.map((m) => m.body.id)).to.deep.equal([mailId]);
    });
  });

  it('Get Mail: reads the mail by its id', async () => {
    await inContainer('getMail', {}, async (run) => {
      const read = await run({ messageId: mailId });
      expect(read).to.deep.include({ outcome: 'ack', errors: [] });
      expect(read.data[0].body).to.include({ id: mailId, subject: `Toolbox ${tag}` });
    });
  });

  it('Move Mail: files the mail by path; a replay finds it there', async () => {
    await inContainer('moveMail', {}, async (run) => {
      const moved = await run({ messageId: mailId, destinationFolderPath: `Inbox/E2E ${tag}/Filed` });
      expect(moved).to.deep.include({ outcome: 'ack', errors: [] });
      expect(moved.data[0].body).to.deep.equal({ id: mailId, parentFolderId: folder.id, alreadyThere: false });
      const replay = await run({ messageId: mailId, destinationFolderPath: `Inbox/E2E ${tag}/Filed` }, { messageId: moved.messageId });
      expect(replay.data[0].body.alreadyThere).to.equal(true);
      expect(await folderOf(mailId)).to.equal(folder.id);
    });
  });

  it('Copy Mail: copies into Archive; a replay returns the same copy', async () => {
    await inContainer('copyMail', { destinationFolderId: 'archive' }, async (run) => {
      const copied = await run({ messageId: mailId });
      expect(copied).to.deep.include({ outcome: 'ack', errors: [] });
      const copy = copied.data[0].body;
      expect(copy).to.include({ sourceId: mailId, alreadyCopied: false });
      const replay = await run({ messageId: mailId }, { messageId: copied.messageId });
      expect(replay.data[0].body).to.deep.equal({ ...copy, alreadyCopied: true });
    });
  });

  it('Update Mail: read, flagged, a category added; a bad flag status is rejected with nothing written', async () => {
    await inContainer('updateMail', {}, async (run) => {
      const updated = await run({ messageId: mailId, isRead: true, flagStatus: 'flagged', categories: 'Red', categoriesMode: 'add' });
      expect(updated).to.deep.include({ outcome: 'ack', errors: [] });
      expect(updated.data[0].body).to.deep.include({ id: mailId, isRead: true, categories: ['Red'] });
      expect(updated.data[0].body.flag.flagStatus).to.equal('flagged');
      const before = writes(s.graph.control.stats());
      const bad = await run({ messageId: mailId, flagStatus: 'done' });
      expect(bad.outcome).to.equal('reject');
      expect(bad.errors[0].message).to.match(/^flagStatus: /);
      expect(writes(s.graph.control.stats())).to.equal(before);
    });
  });

  it('Delete Mail: to Deleted Items; a replay is alreadyDeleted and purges nothing', async () => {
    await inContainer('deleteMail', {}, async (run) => {
      const deleted = await run({ messageId: mailId });
      expect(deleted).to.deep.include({ outcome: 'ack', errors: [] });
      expect(deleted.data[0].body).to.deep.equal({ id: mailId, permanent: false, alreadyDeleted: false });
      const replay = await run({ messageId: mailId }, { messageId: deleted.messageId });
      expect(replay.data[0].body.alreadyDeleted).to.equal(true);
      const deletedItems = (await s.graph.graph('GET', '/me/mailFolders/deleteditems?$select=id')).id;
      expect(await folderOf(mailId)).to.equal(deletedItems);
    });
  });

  s.itPrintedNoSecrets();
});
