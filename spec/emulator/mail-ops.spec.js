'use strict';

// The emulator's routes of the mail toolbox (routes-mail-ops.ts, attachments.ts, mime.ts,
// search.ts, mail-update.ts, the $filter additions): copy, delete, permanent delete, MIME,
// attachments, folder creation, conditional updates, flag dates, $search, for /me and /users/{id},
// under the rights model and faults.
const crypto = require('node:crypto');
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');
const { patternSha256 } = require('../helpers/bytes');

const MB = 1024 * 1024;

describe('emulator: the mail toolbox routes', () => {
  let emu;
  let graph;
  let tokens;
  withEmulator({ once: true, mailCount: 40 }, (env) => ({ emu, graph, tokens } = env));

  /** The raw answer of a GET (MIME, attachment bytes): status, headers, size and hash, without holding it whole. */
  async function raw(path, token = tokens.access_token) {
    const res = await fetch(`${emu.url}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}`, Prefer: 'IdType="ImmutableId"' } });
    const hash = crypto.createHash('sha256');
    let size = 0;
    let head = '';
    for await (const chunk of res.body) {
      hash.update(chunk);
      if (head.length < 4000) head += Buffer.from(chunk).toString('utf8');
      size += chunk.length;
    }
    return { status: res.status, headers: res.headers, size, sha256: hash.digest('hex'), head };
  }

  const immutable = { headers: { Prefer: 'IdType="ImmutableId"' } };
  const add = (options) => emu.control.addMail({ from: 'Ann <ann@fabrikam.example>', subject: 'Toolbox', ...options });
  const idOf = async (subject) => (await graph(`/me/messages?$filter=${encodeURIComponent(`subject eq '${subject}'`)}&$select=id`, immutable)).body.value[0].id;

  describe('copy, delete, permanent delete', () => {
    it('copies a mail into a folder as a new item (new ids, same Message-ID and times), 201', async () => {
      add({ subject: 'Copy me' });
      const id = await idOf('Copy me');
      const original = (await graph(`/me/messages/${id}`, immutable)).body;
      const copy = await graph(`/me/messages/${id}/copy`, { method: 'POST', body: { destinationId: 'archive' }, ...immutable });
      expect(copy.status).to.equal(201);
      expect(copy.body.id).to.not.equal(id);
      expect(copy.body['@odata.context']).to.match(/\/messages\/\$entity$/);
      const archive = (await graph('/me/mailFolders/archive')).body.id;
      expect(copy.body).to.include({ parentFolderId: archive, internetMessageId: original.internetMessageId, receivedDateTime: original.receivedDateTime, subject: 'Copy me' });
      expect((await graph(`/me/messages/${id}`, immutable)).body.parentFolderId, 'the original stays').to.equal(original.parentFolderId);
      const bad = await graph(`/me/messages/${id}/copy`, { method: 'POST', body: {} });
      expect(bad.status).to.equal(400);
    });

    it('a copy is listed (and tracked by delta) only once the replication delay has passed since it was made, though it keeps an old received time; by id and by an extended property at once; it carries the original\'s extended properties', async () => {
      const clock = require('./helpers').manualClock();
      const { emu: delayed, graph: g } = await require('./helpers').start({ mailCount: 0, visibilityDelayMs: 5000, now: clock.now });
      try {
        const prop = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name Spec';
        const byProp = (value) => `/me/mailFolders/archive/messages?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value eq '${value}')`)}&$select=id`;
        const { id } = delayed.control.addMail({ subject: 'Old mail', from: 'Ann <ann@fabrikam.example>', receivedAt: clock.now() - 3600000 });
        expect((await g(`/me/messages/${id}`, { method: 'PATCH', body: { singleValueExtendedProperties: [{ id: prop, value: 'v-original' }] } })).status).to.equal(200);
        const delta = (await g('/me/mailFolders/archive/messages/delta?$select=id')).body['@odata.deltaLink'];
        const copy = (await g(`/me/messages/${id}/copy`, { method: 'POST', body: { destinationId: 'archive' } })).body;
        const listed = async () => (await g('/me/mailFolders/archive/messages?$select=id')).body.value.map((m) => m.id);
        const tracked = async (link) => (await g(link)).body;
        expect(await listed()).to.deep.equal([]);
        expect((await g(`/me/mailFolders/archive/messages?$filter=${encodeURIComponent(`internetMessageId eq '${copy.internetMessageId}'`)}&$select=id`)).body.value).to.deep.equal([]);
        expect((await tracked(delta)).value).to.deep.equal([]);
        expect((await g(`/me/messages/${copy.id}?$select=id`)).status).to.equal(200);
        expect((await g(byProp('v-original'))).body.value.map((m) => m.id)).to.deep.equal([copy.id]);
        clock.advance(5000);
        expect(await listed()).to.deep.equal([copy.id]);
        expect((await tracked(delta)).value.map((m) => m.id)).to.deep.equal([copy.id]);
      } finally {
        await delayed.close();
      }
    });

    it('deletes to Deleted Items (the immutable id stays), then, from there, for good; both 204', async () => {
      add({ subject: 'Delete me' });
      const id = await idOf('Delete me');
      const first = await graph(`/me/messages/${id}`, { method: 'DELETE' });
      expect(first.status).to.equal(204);
      expect(first.body).to.equal(undefined);
      const deleted = (await graph('/me/mailFolders/deleteditems')).body.id;
      expect((await graph(`/me/messages/${id}`, immutable)).body.parentFolderId).to.equal(deleted);
      expect((await graph(`/me/messages/${id}`, { method: 'DELETE' })).status).to.equal(204);
      const gone = await graph(`/me/messages/${id}`, immutable);
      expect(gone.status).to.equal(404);
      expect(gone.body.error.code).to.equal('ErrorItemNotFound');
      expect((await graph(`/me/messages/${id}`, { method: 'DELETE' })).status, 'again: not found').to.equal(404);
    });

    it('deletes permanently with POST permanentDelete (204, then 404); outside the global cloud it is an unknown segment', async () => {
      add({ subject: 'Purge me' });
      const id = await idOf('Purge me');
      const purged = await graph(`/me/messages/${id}/permanentDelete`, { method: 'POST' });
      expect(purged.status).to.equal(204);
      expect((await graph(`/me/messages/${id}`)).status).to.equal(404);
      expect((await graph(`/me/messages/${id}/permanentDelete`, { method: 'POST' })).status).to.equal(404);
      const gov = emu.tenants.find((t) => t.cloud === 'usgov');
      const user = gov.users[0];
      emu.control.addMail({ mailbox: user, from: 'ann@fabrikam.example', subject: 'Gov mail' });
      const govToken = emu.control.issueTokens({ mailbox: user }).access_token;
      const list = await graph(`/me/messages?$filter=${encodeURIComponent("subject eq 'Gov mail'")}`, { token: govToken });
      const refused = await graph(`/me/messages/${list.body.value[0].id}/permanentDelete`, { method: 'POST', token: govToken });
      expect(refused.status).to.equal(400);
      expect(refused.body.error.code).to.equal('BadRequest');
    });

    it('keeps the rights model: Megan (no Full Access on Adele) may not copy or delete Adele\'s mail; faults apply', async () => {
      add({ subject: 'Not yours' });
      const id = await idOf('Not yours');
      const megan = emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token;
      for (const [method, path, body] of [['POST', `/copy`, { destinationId: 'inbox' }], ['DELETE', ''], ['POST', '/permanentDelete']]) {
        const res = await graph(`/users/${emu.mailboxes.primary}/messages/${id}${path}`, { method, body, token: megan });
        expect(res.status, `${method} ${path}`).to.equal(403);
        expect(res.body.error.code).to.equal('ErrorAccessDenied');
      }
      const own = await graph(`/users/${emu.mailboxes.primary}/messages/${id}/copy`, { method: 'POST', body: { destinationId: 'inbox' } });
      expect(own.status, 'Adele through /users/{upn}').to.equal(201);
      emu.control.setFaults([{ match: { method: 'DELETE' }, kind: 'status', status: 503, times: 1 }]);
      expect((await graph(`/me/messages/${id}`, { method: 'DELETE' })).status).to.equal(503);
      emu.control.clearFaults();
      expect((await graph(`/me/messages/${id}`, immutable)).status, 'a faulted delete did nothing').to.equal(200);
    });
  });

  describe('updates', () => {
    it('refuses a PATCH whose If-Match names an older version (412 ErrorIrresolvableConflict) and changes nothing; the current etag passes', async () => {
      add({ subject: 'Versioned', categories: ['Blue'] });
      const id = await idOf('Versioned');
      const before = (await graph(`/me/messages/${id}?$select=categories`, immutable)).body;
      emu.control.updateMail(id, { isRead: true });
      const stale = await graph(`/me/messages/${id}`, { method: 'PATCH', body: { categories: ['Red'] }, headers: { 'If-Match': before['@odata.etag'] } });
      expect(stale.status).to.equal(412);
      expect(stale.body.error.code).to.equal('ErrorIrresolvableConflict');
      const now = (await graph(`/me/messages/${id}?$select=categories`, immutable)).body;
      expect(now.categories).to.deep.equal(['Blue']);
      const fresh = await graph(`/me/messages/${id}`, { method: 'PATCH', body: { categories: ['Red'] }, headers: { 'If-Match': now['@odata.etag'] } });
      expect(fresh.status).to.equal(200);
      expect(fresh.body.categories).to.deep.equal(['Red']);
      expect(fresh.body['@odata.etag']).to.not.equal(now['@odata.etag']);
    });

    it('sets a flag with start and due dates, refuses a due date without a start (400), clears the dates with notFlagged', async () => {
      add({ subject: 'Flag me' });
      const id = await idOf('Flag me');
      const noStart = await graph(`/me/messages/${id}`, { method: 'PATCH', body: { flag: { flagStatus: 'flagged', dueDateTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' } } } });
      expect(noStart.status).to.equal(400);
      const flagged = await graph(`/me/messages/${id}`, {
        method: 'PATCH',
        body: { flag: { flagStatus: 'flagged', startDateTime: { dateTime: '2026-11-30T00:00:00', timeZone: 'UTC' }, dueDateTime: { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' } } },
      });
      expect(flagged.status).to.equal(200);
      expect(flagged.body.flag.flagStatus).to.equal('flagged');
      expect(flagged.body.flag.dueDateTime.dateTime).to.equal('2026-12-01T00:00:00.0000000');
      const cleared = await graph(`/me/messages/${id}`, { method: 'PATCH', body: { flag: { flagStatus: 'notFlagged' } } });
      expect(cleared.body.flag).to.deep.equal({ flagStatus: 'notFlagged' });
    });
  });

  describe('MIME and attachments', () => {
    let id;
    before(async () => {
      add({
        subject: 'With files',
        body: '<p>See <img src="cid:logo@x"> the files</p>',
        attachments: [
          { name: 'empty.bin', size: 0 },
          { name: 'report.pdf', contentType: 'application/pdf', size: 3 * MB + 7, seed: 5 },
          { name: 'logo.png', contentType: 'image/png', text: 'PNGDATA', isInline: true, contentId: 'logo@x' },
          { name: 'Minutes', kind: 'item' },
          { name: 'Planning', kind: 'item', item: 'event' },
          { name: 'Design.docx', kind: 'reference' },
        ],
      });
      id = await idOf('With files');
    });

    it('lists attachments with @odata.type; $select takes contentId only through the fileAttachment cast (plain contentId: 400)', async () => {
      const all = await graph(`/me/messages/${id}/attachments?$select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId`);
      expect(all.status).to.equal(200);
      expect(all.body.value.map((a) => [a['@odata.type'], a.name])).to.deep.equal([
        ['#microsoft.graph.fileAttachment', 'empty.bin'], ['#microsoft.graph.fileAttachment', 'report.pdf'], ['#microsoft.graph.fileAttachment', 'logo.png'],
        ['#microsoft.graph.itemAttachment', 'Minutes'], ['#microsoft.graph.itemAttachment', 'Planning'], ['#microsoft.graph.referenceAttachment', 'Design.docx'],
      ]);
      const logo = all.body.value[2];
      expect(logo).to.include({ isInline: true, contentId: 'logo@x', contentType: 'image/png' });
      expect(logo).to.not.have.property('contentBytes');
      expect(all.body.value[3]).to.not.have.property('contentId');
      expect(all.body.value[3].contentType).to.equal(null);
      expect(all.body.value[1].size, "Graph's size counts a little metadata").to.be.above(3 * MB + 7);
      const plain = await graph(`/me/messages/${id}/attachments?$select=id,contentId`);
      expect(plain.status).to.equal(400);
      expect(plain.body.error.code).to.equal('RequestBroker--ParseUri');
      const single = await graph(`/me/messages/${id}/attachments/${logo.id}`);
      expect(single.body).to.include({ name: 'logo.png', contentBytes: Buffer.from('PNGDATA').toString('base64') });
    });

    it('serves a file\'s bytes with Content-Length, an attached mail or event as MIME, and 405 for a link to a cloud file', async () => {
      const listed = (await graph(`/me/messages/${id}/attachments?$select=id,name`)).body.value;
      const byName = Object.fromEntries(listed.map((a) => [a.name, a.id]));
      const empty = await raw(`/me/messages/${id}/attachments/${byName['empty.bin']}/$value`);
      expect([empty.status, empty.size, empty.headers.get('content-length')]).to.deep.equal([200, 0, '0']);
      const report = await raw(`/me/messages/${id}/attachments/${byName['report.pdf']}/$value`);
      expect(report.headers.get('content-length')).to.equal(String(3 * MB + 7));
      expect(report.sha256).to.equal(await patternSha256(3 * MB + 7, 5));
      expect((await raw(`/me/messages/${id}/attachments/${byName.Minutes}/$value`)).head).to.match(/^From: .*\r\nSubject: Minutes\r\n/);
      expect((await raw(`/me/messages/${id}/attachments/${byName.Planning}/$value`)).head).to.match(/^BEGIN:VCALENDAR\r\n/);
      const link = await graph(`/me/messages/${id}/attachments/${byName['Design.docx']}/$value`);
      expect(link.status).to.equal(405);
      expect((await graph(`/me/messages/${id}/attachments/AAMkAGnotthereAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=/$value`)).status).to.equal(404);
    });

    it('serves the mail as MIME (text/plain, MIME-Version, multipart with the attachments base64)', async () => {
      const mime = await raw(`/me/messages/${id}/$value`);
      expect(mime.status).to.equal(200);
      expect(mime.headers.get('content-type')).to.equal('text/plain');
      expect(mime.head).to.match(/^From: "Ann" <ann@fabrikam\.example>\r\n/);
      expect(mime.head).to.include('Subject: With files\r\n');
      expect(mime.head).to.include('MIME-Version: 1.0\r\n');
      expect(mime.head).to.match(/Content-Type: multipart\/mixed; boundary="[^"]+"/);
      expect(mime.size).to.be.above(Math.floor((3 * MB * 4) / 3));
    });

    it('seeds attachments of any size without holding them: 160 MB is listed and streamed', async () => {
      add({ subject: 'Huge', attachments: [{ name: 'huge.iso', size: 160 * MB, seed: 2 }] });
      const huge = await idOf('Huge');
      const [att] = (await graph(`/me/messages/${huge}/attachments?$select=id,size`)).body.value;
      const value = await raw(`/me/messages/${huge}/attachments/${att.id}/$value`);
      expect(value.size).to.equal(160 * MB);
    }).timeout(60000);
  });

  describe('folders', () => {
    it('creates top-level and child folders (201), refuses a name the parent already has in any case (409 ErrorFolderExists)', async () => {
      const top = await graph('/me/mailFolders', { method: 'POST', body: { displayName: 'Customers' } });
      expect(top.status).to.equal(201);
      const root = (await graph('/me/mailFolders/msgfolderroot')).body.id;
      expect(top.body).to.include({ displayName: 'Customers', parentFolderId: root, childFolderCount: 0, isHidden: false });
      const child = await graph(`/me/mailFolders/${top.body.id}/childFolders`, { method: 'POST', body: { displayName: 'Acme' } });
      expect(child.status).to.equal(201);
      expect(child.body.parentFolderId).to.equal(top.body.id);
      const again = await graph(`/me/mailFolders/${top.body.id}/childFolders`, { method: 'POST', body: { displayName: 'ACME' } });
      expect(again.status).to.equal(409);
      expect(again.body.error).to.include({ code: 'ErrorFolderExists', message: 'A folder with the specified name already exists.' });
      const inbox = await graph('/me/mailFolders/inbox/childFolders', { method: 'POST', body: { displayName: 'Projects' } });
      expect(inbox.status, 'the seeded Inbox/Projects').to.equal(409);
      const found = await graph(`/me/mailFolders/${top.body.id}/childFolders?$filter=${encodeURIComponent("displayName eq 'acme'")}`);
      expect(found.body.value.map((f) => f.id)).to.deep.equal([child.body.id]);
      expect((await graph('/me/mailFolders', { method: 'POST', body: {} })).status).to.equal(400);
    });
  });

  describe('$filter and $search', () => {
    before(() => {
      add({ subject: 'Quarterly invoice 2026', from: 'Billing <billing@northwind.example>', categories: ['Finance', 'Red'], importance: 'high', body: 'Please pay the amount due.' });
      add({ subject: 'Lunch plans', from: 'Bob <bob@fabrikam.example>', categories: ['Social'], body: 'Pizza on Friday?' });
    });

    it('filters by contains(subject), from address, importance, categories/any, internetMessageId', async () => {
      const q = async (filter) => (await graph(`/me/messages?$select=subject,internetMessageId&$filter=${encodeURIComponent(filter)}`)).body;
      expect((await q("contains(subject,'INVOICE')")).value.map((m) => m.subject)).to.deep.equal(['Quarterly invoice 2026']);
      expect((await q("from/emailAddress/address eq 'billing@northwind.example'")).value).to.have.length(1);
      expect((await q("receivedDateTime ge 1900-01-01T00:00:00Z and importance eq 'high' and categories/any(c:c eq 'finance')")).value.map((m) => m.subject)).to.include('Quarterly invoice 2026');
      const [mail] = (await q("contains(subject,'Lunch plans')")).value;
      expect((await q(`internetMessageId eq '${mail.internetMessageId}'`)).value.map((m) => m.subject)).to.deep.equal(['Lunch plans']);
      for (const bad of ["categories eq 'Red'", "contains(isRead,'x')", "categories/any(c:d eq 'x')", "contains(subject,'x'"]) {
        const res = await graph(`/me/messages?$filter=${encodeURIComponent(bad)}`);
        expect(res.status, bad).to.equal(400);
      }
    });

    it('searches with KQL: properties, phrases, OR, NOT; newest sent first; no $orderby or $filter with it', async () => {
      const s = async (query, extra = '') => graph(`/me/messages?$search=${encodeURIComponent(`"${query}"`)}&$select=subject${extra}`);
      expect((await s('pizza')).body.value.map((m) => m.subject)).to.deep.equal(['Lunch plans']);
      expect((await s('from:billing subject:invoice')).body.value.map((m) => m.subject)).to.deep.equal(['Quarterly invoice 2026']);
      expect((await s('subject:\\"Lunch plans\\"')).body.value).to.have.length(1);
      expect((await s('pizza OR invoice')).body.value.map((m) => m.subject).sort()).to.deep.equal(['Lunch plans', 'Quarterly invoice 2026']);
      expect((await s('(pizza OR invoice) NOT from:bob')).body.value.map((m) => m.subject)).to.deep.equal(['Quarterly invoice 2026']);
      expect((await s('importance:high hasAttachments:false')).body.value.map((m) => m.subject)).to.include('Quarterly invoice 2026');
      const ordered = await s('toolbox OR invoice OR pizza', '&$orderby=receivedDateTime desc');
      expect(ordered.status).to.equal(400);
      expect(ordered.body.error.code).to.equal('ErrorInvalidUrlQuery');
      expect((await s('pizza', `&$filter=${encodeURIComponent('isRead eq false')}`)).status).to.equal(400);
      expect((await s('subject:"unclosed')).status).to.equal(400);
    });

    it('pages a search with @odata.nextLink and stops at 1,000 results', async () => {
      emu.control.addMails(1050, { subject: 'Bulk needle', from: 'bulk@fabrikam.example' });
      const { items, pages } = await pageAll(graph, `/me/mailFolders/inbox/messages?$search=${encodeURIComponent('"needle"')}&$top=300&$select=subject`);
      expect(items).to.have.length(1000);
      expect(pages).to.equal(4);
      expect(new Set(items.map((m) => m.id)).size).to.equal(1000);
    }).timeout(20000);
  });
});
