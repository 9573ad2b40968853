'use strict';
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');

describe('emulator: users, folders and messages', () => {
  let emu;
  let graph;

  withEmulator({ once: true }, (env) => ({ emu, graph } = env));

  it('serves /me and /users/{upn} with the same user, and answers every request with ids and a Date', async () => {
    const me = await graph('/me', { headers: { 'client-request-id': 'abc-123' } });
    expect(me.status).to.equal(200);
    expect(me.body).to.include({ mail: emu.mailboxes.primary, userPrincipalName: emu.mailboxes.primary, displayName: 'Adele Vance' });
    expect(me.headers.get('request-id')).to.match(/^[0-9a-f-]{36}$/);
    expect(me.headers.get('client-request-id')).to.equal('abc-123');
    expect(me.headers.get('date')).to.be.a('string');
    const byUpn = await graph(`/users/${emu.mailboxes.primary.toUpperCase()}`);
    expect(byUpn.body.id).to.equal(me.body.id);
    const byId = await graph(`/users/${me.body.id}?$select=displayName`);
    expect(byId.body).to.have.keys('@odata.context', 'id', 'displayName');
  });

  it('reaches another mailbox through /users/{upn} and rejects unknown users and segments', async () => {
    const other = await graph(`/users/${emu.mailboxes.secondary}/mailFolders/inbox/messages?$top=1`);
    expect(other.status).to.equal(200);
    expect(other.body.value[0].toRecipients[0].emailAddress.address).to.equal(emu.mailboxes.secondary);
    const unknown = await graph('/users/nobody@contoso.example/messages');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('ErrorInvalidUser');
    const segment = await graph('/me/mailboxStuff');
    expect(segment.status).to.equal(400);
    expect(segment.body.error.code).to.equal('BadRequest');
  });

  it('lists only top-level folders, pages them by 10, and reaches children through childFolders', async () => {
    const { items, pages } = await pageAll(graph, '/me/mailFolders');
    expect(pages).to.equal(2);
    const names = items.map((f) => f.displayName);
    expect(names).to.include.members(['Inbox', 'Sent Items', 'Drafts', 'Deleted Items', 'Archive', 'Junk Email', 'Outbox']);
    expect(names).not.to.include('Projects');
    expect(names).not.to.include('Sync Issues'); // hidden
    const inbox = items.find((f) => f.displayName === 'Inbox');
    expect(inbox).to.have.keys('id', 'displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount', 'totalItemCount', 'isHidden');
    expect(inbox.childFolderCount).to.be.above(10);
    const children = await pageAll(graph, `/me/mailFolders/${inbox.id}/childFolders`);
    expect(children.pages).to.equal(2);
    const projects = children.items.find((f) => f.displayName === 'Projects');
    expect(projects.parentFolderId).to.equal(inbox.id);
    const grandChildren = await graph(`/me/mailFolders/${projects.id}/childFolders`);
    expect(grandChildren.body.value.map((f) => f.displayName)).to.deep.equal(['Alpha', 'Beta']);
  });

  it('accepts well-known folder names as ids, and tells malformed ids from unknown ones', async () => {
    for (const name of ['inbox', 'Inbox', 'sentitems', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox']) {
      const res = await graph(`/me/mailFolders/${name}`);
      expect(res.status, name).to.equal(200);
    }
    const malformed = await graph('/me/mailFolders/not-an-id');
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.code).to.equal('ErrorInvalidIdMalformed');
    const inbox = (await graph('/me/mailFolders/inbox')).body;
    const unknown = await graph(`/me/messages/${inbox.id.slice(0, -8)}AAAAAAA=`);
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('ErrorItemNotFound');
    expect(unknown.body.error.innerError).to.have.keys('date', 'request-id', 'requestId', 'client-request-id');
  });

  it('renders messages like Graph: ids, etag, recipients, whole-second timestamps', async () => {
    const res = await graph('/me/mailFolders/inbox/messages?$top=3');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/json/);
    expect(res.body['@odata.context']).to.contain('/v1.0/$metadata#');
    const m = res.body.value[0];
    expect(m.id).to.match(/^AAMkAG[A-Za-z0-9_-]+=*$/);
    expect(m.id.length).to.be.within(140, 170);
    expect(m['@odata.etag']).to.equal(`W/"${m.changeKey}"`);
    for (const key of ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'receivedDateTime', 'sentDateTime', 'subject',
      'bodyPreview', 'body', 'importance', 'isRead', 'isDraft', 'hasAttachments', 'internetMessageId', 'conversationId',
      'parentFolderId', 'from', 'sender', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag', 'categories',
      'webLink', 'inferenceClassification']) {
      expect(m, key).to.have.property(key);
    }
    expect(m.receivedDateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(m.from.emailAddress).to.have.keys('name', 'address');
    const one = await graph(`/me/messages/${m.id}`);
    expect(one.body.subject).to.equal(m.subject);
    const inFolder = await graph(`/me/mailFolders/inbox/messages/${m.id}`);
    expect(inFolder.status).to.equal(200);
    const wrongFolder = await graph(`/me/mailFolders/sentitems/messages/${m.id}`);
    expect(wrongFolder.status).to.equal(404);
  });

  it('returns ids, etag and only the selected properties with $select, and rejects unknown ones', async () => {
    const res = await graph('/me/messages?$select=subject,receivedDateTime&$top=2');
    expect(res.body.value[0]).to.have.keys('@odata.etag', 'id', 'subject', 'receivedDateTime');
    const bad = await graph('/me/messages?$select=subject,nope');
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.include({
      code: 'RequestBroker--ParseUri',
      message: "Could not find a property named 'nope' on type 'microsoft.graph.message'.",
    });
  });

  it('validates $top (1..1000) and defaults to pages of 10', async () => {
    expect((await graph('/me/messages?$top=0')).status).to.equal(400);
    expect((await graph('/me/messages?$top=1001')).status).to.equal(400);
    expect((await graph('/me/messages?$top=1000')).status).to.equal(200);
    const res = await graph('/me/messages');
    expect(res.body.value).to.have.length(10);
    expect(res.body['@odata.nextLink']).to.equal(`${emu.url}/v1.0/me/messages?%24skip=10`);
  });

  it('pages through a folder with absolute $skip nextLinks, without gaps or repeats, and stops', async () => {
    const folder = (await graph('/me/mailFolders/inbox')).body;
    const { items, pages } = await pageAll(graph, '/me/mailFolders/inbox/messages?$select=subject&$top=25');
    expect(items).to.have.length(folder.totalItemCount);
    expect(new Set(items.map((m) => m.id)).size).to.equal(items.length);
    expect(pages).to.equal(Math.ceil(folder.totalItemCount / 25));
  });

  it('honours Prefer: odata.maxpagesize only on the request that carries it', async () => {
    const prefer = { Prefer: 'odata.maxpagesize=40' };
    const first = await graph('/me/messages?$select=subject', { headers: prefer });
    expect(first.body.value).to.have.length(40);
    expect(first.headers.get('preference-applied')).to.equal('odata.maxpagesize=40');
    const next = first.body['@odata.nextLink'];
    expect(next).to.contain('%24skip=40');
    expect((await graph(next)).body.value).to.have.length(10);
    expect((await graph(next, { headers: prefer })).body.value).to.have.length(40);
  });

  it('shifts pages when mail arrives between page requests, as $skip paging does for real', async () => {
    const first = await graph('/me/mailFolders/inbox/messages?$top=5&$select=subject');
    emu.control.addMail({ subject: 'arrived mid-paging', from: 'x@fabrikam.example' });
    const second = await graph(first.body['@odata.nextLink']);
    // Newest first: the new mail pushed everything down one place, so the last of page 1 repeats.
    expect(second.body.value[0].id).to.equal(first.body.value[4].id);
  });

  it('converts bodies with Prefer: outlook.body-content-type="text"', async () => {
    const added = emu.control.addMail({ subject: 'html body', from: 'Nestor Wilke <nestor.wilke@contoso.example>', body: '<p>Hello <b>there</b> &amp; bye</p>' });
    expect(added.from.emailAddress).to.deep.equal({ name: 'Nestor Wilke', address: 'nestor.wilke@contoso.example' });
    const res = await graph(`/me/messages/${added.id}?$select=body`, { headers: { Prefer: 'outlook.body-content-type="text"' } });
    expect(res.body.body.contentType).to.equal('text');
    expect(res.body.body.content).to.equal('Hello there & bye');
    expect(res.headers.get('preference-applied')).to.equal('outlook.body-content-type="text"');
  });

  it('changes the REST id on move but keeps the immutable id, and updates bump lastModified and changeKey', async () => {
    const added = emu.control.addMail({ subject: 'to move', from: 'a@fabrikam.example', receivedAt: Date.now() - 60_000 });
    const immutable = (await graph(`/me/messages/${added.id}?$select=subject`, { headers: { Prefer: 'IdType="ImmutableId"' } })).body.id;
    expect(immutable).not.to.equal(added.id);
    const read = emu.control.updateMail(added.id, { isRead: true });
    expect(read.changeKey).not.to.equal(added.changeKey);
    expect(read.lastModifiedDateTime >= added.lastModifiedDateTime).to.equal(true);
    const moved = emu.control.updateMail(added.id, { moveTo: 'archive' });
    expect(moved.id).not.to.equal(added.id);
    expect((await graph(`/me/messages/${added.id}`)).status).to.equal(404);
    expect((await graph(`/me/messages/${moved.id}`)).body.parentFolderId).to.equal((await graph('/me/mailFolders/archive')).body.id);
    const again = await graph(`/me/messages/${immutable}?$select=parentFolderId`, { headers: { Prefer: 'IdType="ImmutableId"' } });
    expect(again.body.id).to.equal(immutable);
  });

  it('PATCHes isRead, flag and categories and moves messages through Graph, bumping changeKey', async () => {
    const added = emu.control.addMail({ subject: 'patch me', from: 'a@fabrikam.example' });
    const patched = await graph(`/me/messages/${added.id}`, { method: 'PATCH', body: { isRead: true, flag: { flagStatus: 'flagged' }, categories: ['Blue category'] } });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.deep.include({ isRead: true, flag: { flagStatus: 'flagged' }, categories: ['Blue category'] });
    expect(patched.body.changeKey).not.to.equal(added.changeKey);
    const readOnly = await graph(`/me/messages/${added.id}`, { method: 'PATCH', body: { receivedDateTime: '2020-01-01T00:00:00Z' } });
    expect(readOnly.status).to.equal(400);
    const unknown = await graph(`/me/messages/${added.id}`, { method: 'PATCH', body: { nope: 1 } });
    expect(unknown.body.error.code).to.equal('RequestBodyRead');
    const moved = await graph(`/me/messages/${added.id}/move`, { method: 'POST', body: { destinationId: 'archive' } });
    expect(moved.status).to.equal(201);
    expect(moved.body.id).not.to.equal(added.id);
    expect(moved.body.parentFolderId).to.equal((await graph('/me/mailFolders/archive')).body.id);
    // The REST id the mail had before the move names nothing any more.
    expect((await graph(`/me/messages/${added.id}`, { method: 'DELETE' })).status).to.equal(404);
  });

  it('keeps folder counters in step with inserts, reads and moves', async () => {
    const before = (await graph('/me/mailFolders/junkemail')).body;
    const m = emu.control.addMail({ folder: 'junkemail', subject: 'spam', from: 'spam@spam.example' });
    let after = (await graph('/me/mailFolders/junkemail')).body;
    expect([after.totalItemCount, after.unreadItemCount]).to.deep.equal([before.totalItemCount + 1, before.unreadItemCount + 1]);
    emu.control.updateMail(m.id, { isRead: true });
    after = (await graph('/me/mailFolders/junkemail')).body;
    expect(after.unreadItemCount).to.equal(before.unreadItemCount);
    emu.control.updateMail(m.id, { moveTo: 'deleteditems' });
    after = (await graph('/me/mailFolders/junkemail')).body;
    expect(after.totalItemCount).to.equal(before.totalItemCount);
  });

  it('lists contacts', async () => {
    const res = await graph('/me/contacts?$select=displayName,emailAddresses');
    expect(res.status).to.equal(200);
    expect(res.body.value.length).to.be.at.least(5);
    expect(res.body.value[0].emailAddresses[0]).to.have.keys('name', 'address');
    const one = await graph(`/me/contacts/${res.body.value[0].id}`);
    expect(one.body.displayName).to.equal(res.body.value[0].displayName);
  });

  it('is deterministic: the same seed gives the same ids and data', async () => {
    const { startEmulator } = require('../../lib/emulator');
    const other = await startEmulator({ now: () => Date.now() });
    try {
      const a = (await graph('/me/mailFolders/inbox')).body;
      const token = other.control.issueTokens().access_token;
      const res = await fetch(`${other.url}/v1.0/me/mailFolders/inbox`, { headers: { Authorization: `Bearer ${token}` } });
      const b = await res.json();
      expect(b.id).to.equal(a.id);
    } finally {
      await other.close();
    }
  });
});
