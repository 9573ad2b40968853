'use strict';

// The mail toolbox on the emulator, step by step: what each does on the happy path, what a
// replayed message does (nothing twice: the move finds the mail there, the copy finds its copy,
// the delete never purges), lost answers (the write took effect, the answer did not arrive:
// looked at, not repeated blindly), throttling and outages (retried), and Graph's refusals
// (404 gone, 403 rights) said clearly. The world's waits take no real time (contacts/helpers.js).
const { expect } = require('chai');
const { contactWorld: stepWorld } = require('../contacts/helpers');
const { fakeMaester } = require('../helpers/fakeMaester');
const { MiB } = require('../helpers/bytes');
const { outErrors } = require('../helpers/metadata');

describe('the mail toolbox (emulator)', () => {
  let world;
  afterEach(async () => { if (world) await world.close(); world = undefined; });

  const run = (step, body, options) => world.run(step, body, options);
  const calls = (route) => world.emu.control.stats().byRoute[route] || 0;
  /** A Graph read with the world's token, immutable ids as the steps see them. */
  async function graph(path) {
    const headers = { Authorization: `Bearer ${world.cfg().oauth.access_token}`, Prefer: 'IdType="ImmutableId"' };
    const res = await fetch(`${world.emu.url}/v1.0${path}`, { headers });
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  }
  const folderOf = async (id) => {
    const res = await graph(`/me/messages/${encodeURIComponent(id)}?$select=parentFolderId`);
    return res.status === 404 ? undefined : res.body.parentFolderId;
  };
  const folderId = async (name) => (await graph(`/me/mailFolders/${name}?$select=id`)).body.id;
  /** A new mail's immutable id (the id the steps emit). */
  const mail = async (options = {}) => {
    const { id } = world.emu.control.addMail({ subject: 'Quarterly numbers', from: 'Ann <ann@fabrikam.example>', body: '<p>numbers</p>', ...options });
    return (await graph(`/me/messages/${encodeURIComponent(id)}?$select=id`)).body.id;
  };
  /** The id of a mail that was there and is gone for good: Graph's 404 ErrorItemNotFound. */
  const goneId = async () => {
    const id = await mail({ subject: 'Gone' });
    expect((await run('deleteMail', { messageId: id, permanent: true })).out.body.alreadyDeleted).to.equal(false);
    return id;
  };
  const ok = (step, out) => {
    expect(outErrors(step, out.body), step).to.deep.equal([]);
    return out.body;
  };

  describe('Move Mail', () => {
    it('moves by a well-known name, keeping the id; a replay finds the mail there and moves nothing', async () => {
      world = await stepWorld();
      const id = await mail();
      const archive = await folderId('archive');
      const moved = ok('moveMail', (await run('moveMail', { messageId: id, destinationFolderId: 'Archive' })).out);
      expect(moved).to.deep.equal({ id, parentFolderId: archive, alreadyThere: false });
      expect(await folderOf(id)).to.equal(archive);
      const replay = (await run('moveMail', { messageId: id, destinationFolderId: 'archive' })).out.body;
      expect(replay).to.deep.equal({ id, parentFolderId: archive, alreadyThere: true });
      expect(calls('POST /me/messages/{messageId}/move')).to.equal(1);
    });

    it('moves by a folder path, and by the folder picked in the configuration', async () => {
      world = await stepWorld();
      const id = await mail();
      const alpha = ok('lookupFolder', (await run('lookupFolder', { path: 'Inbox/Clients/Zeta' }, { cfg: { createMissing: true } })).out);
      expect((await run('moveMail', { messageId: id, destinationFolderPath: 'inbox/clients/ZETA' })).out.body.parentFolderId).to.equal(alpha.id);
      expect(await folderOf(id)).to.equal(alpha.id);
      const inbox = await folderId('inbox');
      expect((await run('moveMail', { messageId: id }, { cfg: { destinationFolderId: inbox } })).out.body).to.include({ parentFolderId: inbox, alreadyThere: false });
    });

    it('a move whose answer was lost is found done, not repeated; a 429 and a 503 are waited out and retried', async () => {
      world = await stepWorld();
      const id = await mail();
      world.emu.control.setFaults([{ match: { method: 'POST', path: '/move$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
      const lost = (await run('moveMail', { messageId: id, destinationFolderId: 'archive' })).out.body;
      expect(lost).to.include({ id, alreadyThere: false });
      expect(await folderOf(id)).to.equal(await folderId('archive'));
      expect(calls('POST /me/messages/{messageId}/move')).to.equal(1);
      world.emu.control.setFaults([
        { match: { method: 'POST', path: '/move$' }, kind: 'status', status: 429, retryAfter: 1, times: 1 },
        { match: { method: 'POST', path: '/move$' }, kind: 'status', status: 503, times: 1 },
      ]);
      expect((await run('moveMail', { messageId: id, destinationFolderId: 'inbox' })).out.body.alreadyThere).to.equal(false);
      expect(await folderOf(id)).to.equal(await folderId('inbox'));
    });

    it('a mail that is not there, a folder path that is not, and no rights on the mailbox: clear errors, nothing moved', async () => {
      world = await stepWorld();
      const id = await mail();
      const gone = await run('moveMail', { messageId: await goneId(), destinationFolderId: 'archive' });
      expect(gone.error.message).to.match(/messageId/);
      const missing = await run('moveMail', { messageId: id, destinationFolderPath: 'Inbox/Nowhere' });
      expect(missing.error.message).to.match(/Nowhere/);
      world.emu.control.createUser({ userPrincipalName: 'other@contoso.example' });
      const denied = await run('moveMail', { messageId: id, destinationFolderId: 'archive' }, { cfg: { mailbox: 'other@contoso.example' } });
      expect(denied.error.message).to.match(/403|access/i);
      expect(calls('POST /me/messages/{messageId}/move')).to.equal(0);
      expect(await folderOf(id)).to.equal(await folderId('inbox'));
    });
  });

  describe('Copy Mail', () => {
    it('copies into a folder; a replay returns the copy made, and a lost answer does not make a second one', async () => {
      world = await stepWorld();
      const id = await mail();
      const archive = await folderId('archive');
      const copy = ok('copyMail', (await run('copyMail', { messageId: id, destinationFolderId: 'archive' })).out);
      expect(copy).to.include({ sourceId: id, parentFolderId: archive, alreadyCopied: false });
      expect(copy.id).to.not.equal(id);
      expect(await folderOf(copy.id)).to.equal(archive);
      expect((await run('copyMail', { messageId: id, destinationFolderId: 'archive' })).out.body).to.deep.equal({ ...copy, alreadyCopied: true });
      const other = await mail({ subject: 'Second' });
      world.emu.control.setFaults([{ match: { method: 'POST', path: '/copy$' }, kind: 'drop', applyThenFail: true, times: 1 }]);
      const lost = (await run('copyMail', { messageId: other, destinationFolderId: 'archive' })).out.body;
      expect(lost.alreadyCopied).to.equal(false);
      expect(calls('POST /me/messages/{messageId}/copy')).to.equal(2);
      const inArchive = (await graph(`/me/mailFolders/archive/messages?$select=subject&$top=50`)).body.value;
      expect(inArchive.map((m) => m.subject).sort()).to.deep.equal(['Quarterly numbers', 'Second']);
    });
  });

  describe('Update Mail', () => {
    it('changes only what is given: read, a flag with its due date, importance, categories replaced, added and removed', async () => {
      world = await stepWorld();
      const id = await mail({ categories: ['Blue'] });
      const read = ok('updateMail', (await run('updateMail', { messageId: id, isRead: true })).out);
      expect(read).to.include({ id, isRead: true, importance: 'normal' });
      expect(read.categories).to.deep.equal(['Blue']);
      const flagged = (await run('updateMail', { messageId: id, flagDueDate: '2026-03-12', importance: 'HIGH', categories: 'Red, Green', categoriesMode: 'add' })).out.body;
      expect(flagged.flag.flagStatus).to.equal('flagged');
      expect(flagged.flag.dueDateTime.dateTime).to.match(/^2026-03-12T00:00:00/);
      expect(flagged).to.include({ importance: 'high', isRead: true });
      expect(flagged.categories).to.deep.equal(['Blue', 'Red', 'Green']);
      // A replay adds nothing twice.
      expect((await run('updateMail', { messageId: id, categories: ['red'], categoriesMode: 'add' })).out.body.categories).to.deep.equal(['Blue', 'Red', 'Green']);
      expect((await run('updateMail', { messageId: id, categories: 'blue', categoriesMode: 'remove' })).out.body.categories).to.deep.equal(['Red', 'Green']);
      const done = (await run('updateMail', { messageId: id, flagStatus: 'complete', categories: [], categoriesMode: 'replace' })).out.body;
      expect(done.flag.flagStatus).to.equal('complete');
      expect(done.categories).to.deep.equal([]);
    });

    it('an update whose answer was lost is simply sent again (it sets values); a gone mail is an error naming messageId', async () => {
      world = await stepWorld();
      const id = await mail();
      world.emu.control.setFaults([{ match: { method: 'PATCH' }, kind: 'drop', applyThenFail: true, times: 1 }]);
      expect((await run('updateMail', { messageId: id, isRead: true, importance: 'low' })).out.body).to.include({ isRead: true, importance: 'low' });
      expect(calls('PATCH /me/messages/{messageId}')).to.equal(2);
      const gone = await run('updateMail', { messageId: await goneId(), isRead: true });
      expect(gone.error.message).to.match(/messageId/);
    });
  });

  describe('Delete Mail', () => {
    it('deletes to Deleted Items; a replay leaves it there (never purged): alreadyDeleted', async () => {
      world = await stepWorld();
      const id = await mail();
      expect(ok('deleteMail', (await run('deleteMail', { messageId: id })).out)).to.deep.equal({ id, permanent: false, alreadyDeleted: false });
      const deleted = await folderId('deleteditems');
      expect(await folderOf(id)).to.equal(deleted);
      expect((await run('deleteMail', { messageId: id })).out.body.alreadyDeleted).to.equal(true);
      expect(await folderOf(id)).to.equal(deleted);
      expect(calls('DELETE /me/messages/{messageId}')).to.equal(1);
    });

    it('a delete whose answer was lost is found done and not repeated (a second DELETE would purge it)', async () => {
      world = await stepWorld();
      const id = await mail();
      world.emu.control.setFaults([{ match: { method: 'DELETE' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
      expect((await run('deleteMail', { messageId: id })).out.body.alreadyDeleted).to.equal(false);
      expect(await folderOf(id)).to.equal(await folderId('deleteditems'));
      expect(calls('DELETE /me/messages/{messageId}')).to.equal(1);
    });

    it('permanent: gone for good; already gone is alreadyDeleted, or an error with Fail when not found', async () => {
      world = await stepWorld();
      const id = await mail();
      expect((await run('deleteMail', { messageId: id, permanent: true })).out.body).to.deep.equal({ id, permanent: true, alreadyDeleted: false });
      expect(await folderOf(id)).to.equal(undefined);
      expect((await run('deleteMail', { messageId: id, permanent: 'true' })).out.body.alreadyDeleted).to.equal(true);
      expect((await run('deleteMail', { messageId: id })).out.body.alreadyDeleted).to.equal(true);
      const strict = await run('deleteMail', { messageId: id }, { cfg: { errorIfNotFound: true } });
      expect(strict.error.message).to.match(/messageId/);
      expect(calls('POST /me/messages/{messageId}/permanentDelete')).to.equal(2);
    });
  });

  describe('Get Mail', () => {
    it('by id and by Internet Message-ID (with or without angle brackets); an unknown one is an error naming the field', async () => {
      world = await stepWorld();
      const id = await mail();
      const byId = ok('getMail', (await run('getMail', { messageId: id })).out);
      expect(byId).to.include({ id, subject: 'Quarterly numbers' });
      const bare = byId.internetMessageId.replace(/^<|>$/g, '');
      expect((await run('getMail', { internetMessageId: bare })).out.body.id).to.equal(id);
      expect((await run('getMail', { messageId: await goneId() })).error.message).to.match(/messageId/);
      expect((await run('getMail', { internetMessageId: '<nobody@nowhere.example>' })).error.message).to.match(/internetMessageId/);
    });
  });

  describe('Find Mail', () => {
    it('filters or searches a folder or the whole mailbox, newest first, up to maxResults; emitPage in pages of results', async () => {
      world = await stepWorld({ mailCount: 0 });
      const base = Date.UTC(2026, 2, 1);
      for (let i = 0; i < 5; i += 1) await mail({ subject: `Invoice ${i}`, receivedAt: base + i * 60_000, isRead: i % 2 === 0 });
      await mail({ subject: 'Lunch', folder: 'archive', receivedAt: base });
      const { ctx } = await run('lookupMails', { subjectContains: 'invoice', isRead: false });
      expect(ctx.emitted('data').map((m) => m.body.subject)).to.deep.equal(['Invoice 3', 'Invoice 1']);
      ctx.emitted('data').forEach((m) => ok('lookupMails', m));
      const limited = await run('lookupMails', { receivedAfter: '2026-03-01', maxResults: 2 });
      expect(limited.ctx.emitted('data').map((m) => m.body.subject)).to.deep.equal(['Invoice 4', 'Invoice 3']);
      const searched = await run('lookupMails', { searchQuery: 'lunch' });
      expect(searched.ctx.emitted('data').map((m) => m.body.subject)).to.deep.equal(['Lunch']);
      const inArchive = await run('lookupMails', {}, { cfg: { folderId: 'archive', emitBehaviour: 'emitPage' } });
      const [page] = inArchive.ctx.emitted('data');
      expect(page.body.page).to.equal(1);
      expect(page.body.results.map((m) => m.subject)).to.deep.equal(['Lunch']);
      ok('lookupMails', page);
    });
  });

  describe('Find Mail, emitPage, mails with large bodies', () => {
    it('a page of results too large for one platform message (10 MiB, as sailor encrypts it) goes out as several, every mail once, in order', async () => {
      const Encryptor = require('elasticio-sailor-nodejs/lib/encryptor');
      const { OUTGOING_MESSAGE_SIZE_LIMIT, PROTOCOL_VERSION } = require('elasticio-sailor-nodejs/lib/settings').readFrom({
        ELASTICIO_FLOW_ID: 'f', ELASTICIO_EXEC_ID: 'e', ELASTICIO_STEP_ID: 's', ELASTICIO_CONTAINER_ID: 'c', ELASTICIO_WORKSPACE_ID: 'w', ELASTICIO_USER_ID: 'u', ELASTICIO_COMP_ID: 'c', ELASTICIO_FUNCTION: 'lookupMails', ELASTICIO_API_URI: 'http://x', ELASTICIO_API_USERNAME: 'u', ELASTICIO_API_KEY: 'k', ELASTICIO_AMQP_URI: 'amqp://x', ELASTICIO_LISTEN_MESSAGES_ON: 'q', ELASTICIO_PUBLISH_MESSAGES_TO: 'x', ELASTICIO_DATA_ROUTING_KEY: 'd', ELASTICIO_ERROR_ROUTING_KEY: 'e', ELASTICIO_REBOUND_ROUTING_KEY: 'r', ELASTICIO_SNAPSHOT_ROUTING_KEY: 's', ELASTICIO_MESSAGE_CRYPTO_IV: '0123456789abcdef', ELASTICIO_MESSAGE_CRYPTO_PASSWORD: 'secret',
      });
      const encryptor = new Encryptor('secret', '0123456789abcdef');
      world = await stepWorld({ mailCount: 0 });
      const base = Date.UTC(2026, 2, 1);
      const body = `<p>${'Newsletter text. '.repeat(24_000)}</p>`;
      for (let i = 0; i < 30; i += 1) await mail({ subject: `Letter ${i}`, folder: 'archive', receivedAt: base + i * 60_000, body });
      const { ctx } = await run('lookupMails', {}, { cfg: { folderId: 'archive', emitBehaviour: 'emitPage' } });
      const pages = ctx.emitted('data');
      for (const page of pages) {
        const size = encryptor.encryptMessageContent({ ...page, headers: {} }, PROTOCOL_VERSION < 2 ? 'base64' : undefined).length;
        expect(size, `page ${page.body.page}`).to.be.at.most(OUTGOING_MESSAGE_SIZE_LIMIT);
      }
      expect(pages.map((p) => p.body.page)).to.deep.equal(pages.map((_, i) => i + 1));
      expect(pages.flatMap((p) => p.body.results.map((m) => m.subject))).to.deep.equal(Array.from({ length: 30 }, (_, i) => `Letter ${29 - i}`));
    });
  });

  describe('Find or Create Folder', () => {
    it('creates the missing levels once; a replay finds them; without Create missing folders a missing level is an error naming it', async () => {
      world = await stepWorld();
      const made = (await run('lookupFolder', { path: 'Inbox/Clients/Zeta' }, { cfg: { createMissing: true } })).out.body;
      expect(made).to.include({ path: 'Inbox/Clients/Zeta', created: true });
      const again = (await run('lookupFolder', { path: '/inbox/CLIENTS/zeta/' }, { cfg: { createMissing: true } })).out.body;
      expect(again).to.deep.equal({ id: made.id, path: 'Inbox/Clients/Zeta', created: false });
      expect(calls('POST /me/mailFolders/{folderId}/childFolders')).to.equal(2);
      const missing = await run('lookupFolder', { path: 'Inbox/Clients/Beta' });
      expect(missing.error.message).to.match(/path.*Beta/s);
    });

    it('a create whose answer was lost finds the folder made: still one folder', async () => {
      world = await stepWorld();
      world.emu.control.setFaults([{ match: { method: 'POST', path: '/childFolders$' }, kind: 'drop', applyThenFail: true, times: 1 }]);
      const made = (await run('lookupFolder', { path: 'Inbox/Lost' }, { cfg: { createMissing: true } })).out.body;
      const children = (await graph("/me/mailFolders/inbox/childFolders?$select=displayName&$filter=displayName eq 'Lost'")).body.value;
      expect(children.map((f) => f.id)).to.deep.equal([made.id]);
      expect(calls('POST /me/mailFolders/{folderId}/childFolders')).to.equal(1);
      expect(made.path).to.equal('Inbox/Lost');
    });
  });

  describe('attachments into the platform (Get Mail, Poll for New Mail) through a fake Maester, at the limits', () => {
    let maester;
    const ENV = ['ELASTICIO_OBJECT_STORAGE_URI', 'ELASTICIO_OBJECT_STORAGE_TOKEN', 'OUTLOOK_ATTACHMENT_MAX_BYTES'];
    let saved;
    beforeEach(async () => {
      saved = ENV.map((name) => process.env[name]);
      maester = await fakeMaester({ keep: false });
      Object.assign(process.env, maester.env);
    });
    afterEach(async () => {
      ENV.forEach((name, i) => { if (saved[i] === undefined) delete process.env[name]; else process.env[name] = saved[i]; });
      await maester.close();
    });
    const storedSize = (url) => maester.objects.get(new URL(url).pathname.split('/').pop()).size;

    it('0 B and 101 MB at the default limit (listed with the reason, the mail not failed), attached mail and event as .eml and .ics, and the MIME export', async () => {
      world = await stepWorld();
      const id = await mail({ hasAttachments: true, attachments: [
        { name: 'empty.txt', size: 0, contentType: 'text/plain' },
        { name: 'big.bin', size: 101 * MiB },
        { name: 'Forwarded', kind: 'item', item: 'message' },
        { name: 'Review', kind: 'item', item: 'event' },
      ] });
      const { out } = await run('getMail', { messageId: id }, { cfg: { storeAttachments: true, exportMime: true } });
      const body = ok('getMail', out);
      const [empty, big, eml, ics] = body.attachments;
      expect(empty).to.include({ name: 'empty.txt', size: 0 });
      expect(storedSize(empty.url)).to.equal(0);
      expect(big.url).to.equal(undefined);
      expect(big.skipped).to.match(/^not stored: it is 105,906,\d{3} bytes, more than the 104,857,600 bytes accepted per file; an administrator can raise that/);
      expect(eml).to.include({ name: 'Forwarded.eml', contentType: 'message/rfc822', kind: 'item' });
      expect(ics).to.include({ name: 'Review.ics', contentType: 'text/calendar', kind: 'item' });
      // The MIME holds the 101 MB file too: listed with the reason, like a file.
      expect(body.mime).to.include({ name: 'Quarterly numbers.eml', contentType: 'message/rfc822' });
      expect(body.mime.skipped).to.match(/^not stored: it is larger than the 104,857,600 bytes accepted/);
      expect(Object.keys(out.attachments).sort()).to.deep.equal(['Forwarded.eml', 'Review.ics', 'empty.txt']);
      expect(out.attachments['empty.txt'].url).to.equal(empty.url);
      const small = await mail({ subject: 'Small', hasAttachments: true, attachments: [{ name: 'a.txt', text: 'abc' }] });
      const exported = (await run('getMail', { messageId: small }, { cfg: { exportMime: true } })).out;
      expect(exported.body.mime).to.include({ name: 'Small.eml', contentType: 'message/rfc822' });
      expect(storedSize(exported.body.mime.url)).to.equal(exported.body.mime.size).and.above(100);
      expect(Object.keys(exported.attachments)).to.deep.equal(['Small.eml']);
    });

    it('140 MB stored with the limit raised to 150,000,000; 160 MB refused even then', async function () {
      this.timeout(120000);
      process.env.OUTLOOK_ATTACHMENT_MAX_BYTES = '150000000';
      world = await stepWorld();
      const id = await mail({ hasAttachments: true, attachments: [{ name: 'film.mov', size: 140 * MiB, contentType: 'video/quicktime' }, { name: 'huge.iso', size: 160e6 }] });
      const { out } = await run('getMail', { messageId: id }, { cfg: { storeAttachments: true } });
      const [film, huge] = out.body.attachments;
      expect(film).to.include({ name: 'film.mov', size: 140 * MiB, contentType: 'video/quicktime' });
      expect(storedSize(film.url)).to.equal(140 * MiB);
      expect(huge.url).to.equal(undefined);
      expect(huge.skipped).to.match(/more than the 150,000,000 bytes accepted per file \(the most Microsoft Graph takes\)/);
      expect(Object.keys(out.attachments)).to.deep.equal(['film.mov']);
    });

    it('Poll for New Mail stores each mail\'s files before emitting it, individually or in a page whose message carries them all', async () => {
      world = await stepWorld({ mailCount: 0 });
      const start = new Date(world.clock.now() - 60_000).toISOString();
      await mail({ subject: 'One', hasAttachments: true, attachments: [{ name: 'a.txt', text: 'one' }] });
      await mail({ subject: 'Two', hasAttachments: true, attachments: [{ name: 'a.txt', text: 'two' }] });
      await mail({ subject: 'Three' });
      const single = await run('getNewMail', undefined, { cfg: { startTime: start, storeAttachments: true } });
      const messages = single.ctx.emitted('data');
      expect(messages.map((m) => m.body.subject)).to.deep.equal(['One', 'Two', 'Three']);
      expect(messages.map((m) => Object.keys(m.attachments || {}))).to.deep.equal([['a.txt'], ['a.txt'], []]);
      messages.forEach((m) => ok('getNewMail', m));
      const paged = await run('getNewMail', undefined, { cfg: { startTime: start, storeAttachments: true, emitBehaviour: 'emitPage' } });
      const [page] = paged.ctx.emitted('data');
      expect(page.body.results.map((m) => m.subject)).to.deep.equal(['One', 'Two', 'Three']);
      expect(Object.keys(page.attachments)).to.deep.equal(['a.txt', 'a (2).txt']);
      expect(page.body.results[1].attachments[0].url).to.equal(page.attachments['a (2).txt'].url);
      ok('getNewMail', page);
    });

    it('Poll for New Mail: a file that cannot be fetched fails the poll after saving the mails emitted before it; the next poll goes on from there', async () => {
      world = await stepWorld({ mailCount: 0 });
      const start = new Date(world.clock.now() - 60_000).toISOString();
      for (const subject of ['One', 'Two', 'Three']) await mail({ subject, hasAttachments: true, attachments: [{ name: 'a.txt', text: subject }] });
      // Two's file: Graph unavailable for longer than the client retries.
      world.emu.control.setFaults([{ match: { method: 'GET', path: 'attachments/[^/]+/\\$value$' }, kind: 'status', status: 503, retryAfterSeconds: 0, after: 1, times: 6 }]);
      const failed = await run('getNewMail', undefined, { cfg: { startTime: start, storeAttachments: true } });
      expect(failed.error.message).to.match(/503/);
      expect(failed.ctx.emitted('data').map((m) => m.body.subject)).to.deep.equal(['One']);
      const snapshots = failed.ctx.emitted('snapshot');
      expect(snapshots.length).to.be.above(0);
      const next = await run('getNewMail', undefined, { cfg: { startTime: start, storeAttachments: true }, snapshot: snapshots[snapshots.length - 1] });
      expect(next.error).to.equal(undefined);
      expect(next.ctx.emitted('data').map((m) => m.body.subject)).to.deep.equal(['Two', 'Three']);
    });
  });
});
