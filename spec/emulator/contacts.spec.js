'use strict';
// The emulator's contacts and contact folders (src/emulator/contacts.ts and routes-contacts.ts):
// create, read, update and delete in the default folder and in child folders, on /me and /users/{id};
// what Graph's $filter takes on contacts and its 400s for what it does not; $select, $orderby and
// paging; a new change key and lastModifiedDateTime on every change; the replication delay of lists;
// Outlook's limits on multi-valued properties; extended properties; and who may do what.
const { expect } = require('chai');
const { withEmulator, graphClient, pageAll } = require('./helpers');
const { appToken } = require('./directory-helpers');

const pavel = (over = {}) => ({
  givenName: 'Pavel',
  surname: 'Bansky',
  emailAddresses: [{ address: 'pavelb@fabrikam.example', name: 'Pavel Bansky' }],
  businessPhones: ['+1 732 555 0102'],
  ...over,
});
const filter = (expression) => `$filter=${encodeURIComponent(expression)}`;
const MARKER = 'String {6b0f2a5e-8c3d-4e71-9a64-2f1d7c5b8e90} Name elasticioCreateKey';

describe('emulator: contacts and contact folders', () => {
  let graph;
  let clock;
  withEmulator({ clock: true, mailCount: 5 }, (env) => ({ graph, clock } = env));

  it('lists the folders under the default Contacts folder, their children, and the contacts of each folder', async () => {
    const top = await graph('/me/contactFolders');
    expect(top.status).to.equal(200);
    expect(top.body.value.map((f) => f.displayName)).to.deep.equal(['Suppliers', 'Family']);
    const [suppliers] = top.body.value;
    expect(suppliers).to.have.all.keys('id', 'displayName', 'parentFolderId');
    const children = await graph(`/me/contactFolders/${suppliers.id}/childFolders`);
    expect(children.body.value.map((f) => f.displayName)).to.deep.equal(['Europe']);
    expect(children.body.value[0].parentFolderId).to.equal(suppliers.id);
    expect((await graph(`/me/contactFolders/${children.body.value[0].id}/childFolders`)).body.value).to.deep.equal([]);
    const own = await pageAll(graph, '/me/contacts');
    expect(own.items).to.have.length(8);
    expect(new Set(own.items.map((c) => c.parentFolderId)).size).to.equal(1);
    // The folders under the default folder name it as their parent.
    expect(suppliers.parentFolderId).to.equal(own.items[0].parentFolderId);
    const inSuppliers = await graph(`/me/contactFolders/${suppliers.id}/contacts`);
    expect(inSuppliers.body.value.map((c) => c.displayName).sort()).to.deep.equal(['Hanna Moos', 'Raul Razo']);
    expect(inSuppliers.body['@odata.context']).to.match(/\/contactFolders\('.+'\)\/contacts$/);
    expect((await graph(`/me/contactFolders/${suppliers.id}`)).body.displayName).to.equal('Suppliers');
  });

  it('creates a contact (201) with generated display and file-as names, reads it by id anywhere, and in its folder only', async () => {
    const created = await graph('/me/contacts', { method: 'POST', body: pavel() });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ displayName: 'Pavel Bansky', fileAs: 'Bansky, Pavel', givenName: 'Pavel', middleName: null, personalNotes: null });
    expect(created.body.emailAddresses).to.deep.equal([{ name: 'Pavel Bansky', address: 'pavelb@fabrikam.example' }]);
    expect(created.body.homeAddress).to.deep.equal({});
    expect(created.body.createdDateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.body['@odata.etag']).to.equal(`W/"${created.body.changeKey}"`);
    const folders = (await graph('/me/contactFolders')).body.value;
    const inFolder = await graph(`/me/contactFolders/${folders[1].id}/contacts`, { method: 'POST', body: pavel({ givenName: 'Petra' }) });
    expect(inFolder.body.parentFolderId).to.equal(folders[1].id);
    // /contacts/{id} finds a contact in any folder; /contactFolders/{id}/contacts/{id} only in that folder.
    expect((await graph(`/me/contacts/${inFolder.body.id}`)).status).to.equal(200);
    expect((await graph(`/me/contactFolders/${folders[1].id}/contacts/${inFolder.body.id}`)).status).to.equal(200);
    expect((await graph(`/me/contactFolders/${folders[0].id}/contacts/${inFolder.body.id}`)).body.error.code).to.equal('ErrorItemNotFound');
    // An address given without a name is shown with the address.
    const bare = await graph('/me/contacts', { method: 'POST', body: { emailAddresses: [{ address: 'x@fabrikam.example' }] } });
    expect(bare.body).to.include({ displayName: 'x@fabrikam.example' });
    expect(bare.body.emailAddresses).to.deep.equal([{ name: 'x@fabrikam.example', address: 'x@fabrikam.example' }]);
  });

  it('updates only what a PATCH names, bumping lastModifiedDateTime and the change key; regenerates a display name nobody gave', async () => {
    const created = (await graph('/me/contacts', { method: 'POST', body: pavel({ jobTitle: 'Buyer' }) })).body;
    clock.advance(61_000);
    const patched = await graph(`/me/contacts/${created.id}`, { method: 'PATCH', body: { jobTitle: 'Lead Buyer', homeAddress: { city: 'Seattle' }, birthday: '1974-07-22' } });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.include({ jobTitle: 'Lead Buyer', givenName: 'Pavel', displayName: 'Pavel Bansky', birthday: '1974-07-22T00:00:00Z' });
    expect(patched.body.homeAddress).to.deep.equal({ city: 'Seattle' });
    expect(patched.body.changeKey).to.not.equal(created.changeKey);
    expect(Date.parse(patched.body.lastModifiedDateTime) - Date.parse(created.lastModifiedDateTime)).to.equal(61_000);
    expect(patched.body.createdDateTime).to.equal(created.createdDateTime);
    const renamed = await graph(`/me/contacts/${created.id}`, { method: 'PATCH', body: { givenName: 'Paul' } });
    expect(renamed.body).to.include({ displayName: 'Paul Bansky', fileAs: 'Bansky, Paul' });
    const kept = await graph(`/me/contacts/${created.id}`, { method: 'PATCH', body: { givenName: 'Peter', displayName: 'Dr. Bansky' } });
    expect(kept.body.displayName).to.equal('Dr. Bansky');
    const cleared = await graph(`/me/contacts/${created.id}`, { method: 'PATCH', body: { jobTitle: null, homeAddress: null, businessPhones: [], birthday: null } });
    expect(cleared.body).to.include({ jobTitle: null, birthday: null });
    expect(cleared.body.homeAddress).to.deep.equal({});
    expect(cleared.body.businessPhones).to.deep.equal([]);
  });

  it('deletes a contact (204), then answers 404 ErrorItemNotFound for it; a malformed id is 400 ErrorInvalidIdMalformed', async () => {
    const created = (await graph('/me/contacts', { method: 'POST', body: pavel() })).body;
    const gone = await graph(`/me/contacts/${created.id}`, { method: 'DELETE' });
    expect(gone.status).to.equal(204);
    expect(gone.body).to.equal(undefined);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const again = await graph(`/me/contacts/${created.id}`, { method, body: method === 'PATCH' ? { jobTitle: 'x' } : undefined });
      expect(again.status, method).to.equal(404);
      expect(again.body.error.code).to.equal('ErrorItemNotFound');
    }
    expect((await graph('/me/contacts/not-an-id')).body.error.code).to.equal('ErrorInvalidIdMalformed');
  });

  it('refuses more than 3 email addresses and more than 2 business or home phones, with the message Exchange gives', async () => {
    const four = await graph('/me/contacts', { method: 'POST', body: pavel({ emailAddresses: ['a', 'b', 'c', 'd'].map((x) => ({ address: `${x}@fabrikam.example` })) }) });
    expect(four.status).to.equal(400);
    expect(four.body.error.message).to.equal('The multi value property EmailAddresses has 4 entries, that exceeds the max allowed value of 3');
    const three = await graph('/me/contacts', { method: 'POST', body: pavel({ emailAddresses: ['a', 'b', 'c'].map((x) => ({ address: `${x}@fabrikam.example` })) }) });
    expect(three.status).to.equal(201);
    const phones = await graph(`/me/contacts/${three.body.id}`, { method: 'PATCH', body: { businessPhones: ['1', '2', '3'] } });
    expect(phones.body.error.message).to.equal('The multi value property BusinessPhones has 3 entries, that exceeds the max allowed value of 2');
    expect((await graph(`/me/contacts/${three.body.id}`, { method: 'PATCH', body: { homePhones: ['1', '2'] } })).status).to.equal(200);
    expect((await graph(`/me/contacts/${three.body.id}`, { method: 'PATCH', body: { homePhones: ['1', '2', '3'] } })).status).to.equal(400);
    for (const body of [{ shoeSize: 42 }, { givenName: 42 }, { homeAddress: { zip: '1' } }, { birthday: 'tomorrow' }, { id: 'AAMk' }]) {
      expect((await graph('/me/contacts', { method: 'POST', body })).status, JSON.stringify(body)).to.equal(400);
    }
  });

  describe('$filter as Graph takes it on contacts', () => {
    it('emailAddresses/any(a:a/address eq ...) in any letter case, display name and other names with eq', async () => {
      await graph('/me/contacts', { method: 'POST', body: pavel({ emailAddresses: [{ address: 'Pavel.B@Fabrikam.example' }, { address: 'p@home.example' }] }) });
      const byAddress = await graph(`/me/contacts?${filter("emailAddresses/any(a:a/address eq 'pavel.b@fabrikam.EXAMPLE')")}`);
      expect(byAddress.body.value.map((c) => c.displayName)).to.deep.equal(['Pavel Bansky']);
      const second = await graph(`/me/contacts?${filter("emailAddresses/Any(x: x/address eq 'p@home.example')")}`);
      expect(second.body.value).to.have.length(1);
      expect((await graph(`/me/contacts?${filter("emailAddresses/any(a:a/address eq 'nobody@fabrikam.example')")}`)).body.value).to.deep.equal([]);
      expect((await graph(`/me/contacts?${filter("displayName eq 'PAVEL BANSKY'")}`)).body.value).to.have.length(1);
      expect((await graph(`/me/contacts?${filter("surname eq 'O''Brien'")}`)).body.value.map((c) => c.givenName)).to.deep.equal(['Patti']);
      const since = await graph(`/me/contacts?${filter('lastModifiedDateTime ge 2026-11-27T06:00:00Z')}&$orderby=lastModifiedDateTime asc`);
      expect(since.body.value.map((c) => c.displayName)).to.deep.equal(['Pavel Bansky']);
    });

    it('refuses what Graph refuses: other operators or sub-properties in the lambda, functions, a property of the collection', async () => {
      const refused = [
        ["emailAddresses/any(a:a/name eq 'Pavel')", 'ErrorInvalidUrlQueryFilter'],
        ["emailAddresses/any(a:a/address ne 'x@fabrikam.example')", 'ErrorInvalidUrlQueryFilter'],
        ["emailAddresses/any(a:a/address gt 'testing@gmail.com')", 'ErrorInvalidUrlQueryFilter'],
        ["emailAddresses/any(a:startswith(a/address,'user'))", 'ErrorInvalidUrlQueryFilter'],
        ["emailAddresses/any(a:b/address eq 'x@fabrikam.example')", 'ErrorInvalidUrlQueryFilter'],
        ["contains(emailAddresses/address, '@domain.com')", 'BadRequest'],
        ["emailAddresses/address eq 'x@fabrikam.example'", 'BadRequest'],
        ["startswith(displayName,'P')", 'ErrorInvalidUrlQueryFilter'],
        ["birthday eq 1974-07-22T00:00:00Z", 'ErrorInvalidUrlQueryFilter'],
        ["shoeSize eq '42'", 'RequestBroker--ParseUri'],
      ];
      for (const [expression, code] of refused) {
        const res = await graph(`/me/contacts?${filter(expression)}`);
        expect(res.status, expression).to.equal(400);
        expect(res.body.error.code, expression).to.equal(code);
      }
      const parent = await graph(`/me/contacts?${filter("contains(emailAddresses/address, '@domain.com')")}`);
      expect(parent.body.error.message).to.equal("The parent value for a property access of a property 'address' is not a single value. Property access can only be applied to a single value.");
    });

    it('finds contacts by a single-value extended property written on create or PATCH; the Name part of the id is case-sensitive, the value is not', async () => {
      const marked = await graph('/me/contacts', { method: 'POST', body: pavel({ singleValueExtendedProperties: [{ id: MARKER, value: 'upsert:Abc' }] }) });
      const plain = await graph('/me/contacts', { method: 'POST', body: pavel({ givenName: 'Other' }) });
      const find = (id, value) => graph(`/me/contacts?$select=id&${filter(`singleValueExtendedProperties/any(ep: ep/id eq '${id}' and ep/value eq '${value}')`)}`);
      expect((await find(MARKER, 'UPSERT:abc')).body.value.map((c) => c.id)).to.deep.equal([marked.body.id]);
      expect((await find(MARKER.replace('String', 'string').replace('6b0f', '6B0F'), 'upsert:Abc')).body.value).to.have.length(1);
      expect((await find(MARKER.replace('elasticioCreateKey', 'ElasticioCreateKey'), 'upsert:Abc')).body.value).to.deep.equal([]);
      await graph(`/me/contacts/${plain.body.id}`, { method: 'PATCH', body: { singleValueExtendedProperties: [{ id: MARKER, value: 'upsert:Abc' }] } });
      expect((await find(MARKER, 'upsert:abc')).body.value).to.have.length(2);
      const valueOnly = await graph(`/me/contacts?${filter("singleValueExtendedProperties/any(ep: ep/value eq 'upsert:abc')")}`);
      expect(valueOnly.body.error.code).to.equal('ErrorInvalidUrlQueryFilter');
      const badId = await graph('/me/contacts', { method: 'POST', body: pavel({ singleValueExtendedProperties: [{ id: 'NotAnId', value: 'x' }] }) });
      expect(badId.status).to.equal(400);
    });
  });

  it('takes $select, $orderby and $top, and pages with @odata.nextLink', async () => {
    const selected = await graph('/me/contacts?$select=displayName,emailAddresses&$orderby=surname desc&$top=3');
    expect(selected.body['@odata.context']).to.match(/\/contacts\(displayName,emailAddresses\)$/);
    expect(Object.keys(selected.body.value[0])).to.deep.equal(['@odata.etag', 'id', 'displayName', 'emailAddresses']);
    expect(selected.body.value.map((c) => c.displayName)).to.deep.equal(['Nestor Wilke', 'Alex Wilber', 'Diego Siciliani']);
    expect(selected.body['@odata.nextLink']).to.match(/%24skip=3/);
    const all = await pageAll(graph, '/me/contacts?$top=3&$orderby=createdDateTime asc');
    expect(all.pages).to.equal(3);
    expect(all.items).to.have.length(8);
    const created = all.items.map((c) => Date.parse(c.createdDateTime));
    expect(created).to.deep.equal([...created].sort((a, b) => a - b));
    expect((await graph('/me/contacts?$select=shoeSize')).body.error.code).to.equal('RequestBroker--ParseUri');
    expect((await graph('/me/contacts?$expand=singleValueExtendedProperties')).status).to.equal(400);
  });

  it('makes folders and child folders; a name taken among siblings is 409 ErrorFolderExists', async () => {
    const folder = await graph('/me/contactFolders', { method: 'POST', body: { displayName: 'Partners' } });
    expect(folder.status).to.equal(201);
    const child = await graph(`/me/contactFolders/${folder.body.id}/childFolders`, { method: 'POST', body: { displayName: 'Nordics' } });
    expect(child.body.parentFolderId).to.equal(folder.body.id);
    expect((await graph('/me/contactFolders', { method: 'POST', body: { displayName: 'partners' } })).status).to.equal(409);
    expect((await graph('/me/contactFolders')).body.value.map((f) => f.displayName)).to.deep.equal(['Suppliers', 'Family', 'Partners']);
  });
});

describe('emulator: the replication delay of contact lists', () => {
  let graph;
  let clock;
  withEmulator({ clock: true, mailCount: 5, visibilityDelayMs: 3000 }, (env) => ({ graph, clock } = env));

  it('lists a new contact only 3 s after it was created; reads by id and deletes are at once', async () => {
    const created = (await graph('/me/contacts', { method: 'POST', body: pavel() })).body;
    const byAddress = `/me/contacts?${filter("emailAddresses/any(a:a/address eq 'pavelb@fabrikam.example')")}`;
    expect((await graph(byAddress)).body.value).to.deep.equal([]);
    expect((await graph(`/me/contacts/${created.id}`)).status).to.equal(200);
    clock.advance(2999);
    expect((await graph(byAddress)).body.value).to.deep.equal([]);
    clock.advance(1);
    expect((await graph(byAddress)).body.value.map((c) => c.id)).to.deep.equal([created.id]);
    await graph(`/me/contacts/${created.id}`, { method: 'DELETE' });
    expect((await graph(byAddress)).body.value).to.deep.equal([]);
  });
});

describe('emulator: who may read and write contacts', () => {
  let emu;
  withEmulator({ once: true, mailCount: 5 }, (env) => ({ emu } = env));
  const info = () => emu.tenants[0].sharedMailboxes[0];

  async function tryAll(client, box) {
    const created = await client(`/users/${box}/contacts`, { method: 'POST', body: pavel({ givenName: `Probe ${Date.now()}` }) });
    const id = created.body.id || emu.control.addContact({ mailbox: box, givenName: 'Seeded' }).id;
    return {
      list: (await client(`/users/${box}/contacts`)).status,
      folders: (await client(`/users/${box}/contactFolders`)).status,
      create: created.status,
      update: (await client(`/users/${box}/contacts/${id}`, { method: 'PATCH', body: { jobTitle: 'x' } })).status,
      delete: (await client(`/users/${box}/contacts/${id}`, { method: 'DELETE' })).status,
    };
  }

  it('delegated: the own mailbox and, with Full Access and Contacts.ReadWrite.Shared, a shared one; without Full Access 403 for all', async () => {
    const adele = graphClient(emu, emu.control.issueTokens().access_token);
    expect(await tryAll(adele, emu.mailboxes.primary)).to.deep.equal({ list: 200, folders: 200, create: 201, update: 200, delete: 204 });
    expect(await tryAll(adele, info())).to.deep.equal({ list: 200, folders: 200, create: 201, update: 200, delete: 204 });
    const megan = graphClient(emu, emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token);
    expect(await tryAll(megan, info())).to.deep.equal({ list: 403, folders: 403, create: 403, update: 403, delete: 403 });
  });

  it('delegated with Contacts.Read only: reads; writes are 403; without the .Shared scopes the shared mailbox is 403', async () => {
    const user = emu.control.createUser({ userPrincipalName: 'reader@contoso.example' });
    emu.control.grantMailboxRights({ mailbox: info(), user: user.mail, rights: ['fullAccess'] });
    emu.control.setUserConsent({ mailbox: user.mail, scopes: ['Contacts.Read', 'Contacts.Read.Shared'] });
    const reader = graphClient(emu, emu.control.issueTokens({ mailbox: user.mail, scope: 'Contacts.Read Contacts.Read.Shared' }).access_token);
    expect(await tryAll(reader, user.mail)).to.deep.equal({ list: 200, folders: 200, create: 403, update: 403, delete: 403 });
    expect((await reader(`/users/${info()}/contacts`)).status).to.equal(200);
    emu.control.setUserConsent({ mailbox: user.mail, scopes: ['Contacts.ReadWrite'] });
    const unshared = graphClient(emu, emu.control.issueTokens({ mailbox: user.mail, scope: 'Contacts.ReadWrite' }).access_token);
    expect((await unshared(`/users/${info()}/contacts`)).status).to.equal(403);
    expect((await unshared('/me/contacts', { method: 'POST', body: pavel() })).status).to.equal(201);
  });

  it('app-only: Contacts.ReadWrite reads and writes any mailbox; Contacts.Read only reads; Mail.ReadWrite alone reaches no contacts', async () => {
    const tenant = emu.control.createTenant({ domains: ['contacts-apps.example'] });
    const user = emu.control.createUser({ userPrincipalName: 'ann@contacts-apps.example' });
    for (const [roles, expected] of [
      [['Contacts.ReadWrite'], { list: 200, folders: 200, create: 201, update: 200, delete: 204 }],
      [['Contacts.Read'], { list: 200, folders: 200, create: 403, update: 403, delete: 403 }],
      [['Mail.ReadWrite'], { list: 403, folders: 403, create: 403, update: 403, delete: 403 }],
    ]) {
      emu.control.setAdminConsent({ tenant: tenant.id, roles });
      const app = graphClient(emu, (await appToken(emu, tenant.id)).body.access_token);
      expect(await tryAll(app, user.mail), roles.join()).to.deep.equal(expected);
    }
    const app = graphClient(emu, (await appToken(emu, tenant.id)).body.access_token);
    expect((await app('/me/contacts')).body.error.message).to.equal('/me request is only valid with delegated authentication flow.');
  });
});

describe('emulator: the contact control API', () => {
  let emu;
  let clock;
  withEmulator({ clock: true, mailCount: 5 }, (env) => ({ emu, clock } = env));

  it('adds, changes and deletes contacts and folders with timestamps from the emulator clock, and lists them with no delay', async () => {
    const folder = emu.control.addContactFolder({ displayName: 'Leads' });
    const added = emu.control.addContact({ folder: 'Leads', givenName: 'Lea', createdAt: clock.now() - 60_000 });
    expect(added.parentFolderId).to.equal(folder.id);
    expect(Date.parse(added.createdDateTime)).to.equal(clock.now() - 60_000);
    clock.advance(5000);
    const changed = emu.control.updateContact(added.id, { jobTitle: 'CEO' });
    expect(Date.parse(changed.lastModifiedDateTime)).to.equal(clock.now());
    expect(changed.changeKey).to.not.equal(added.changeKey);
    expect(emu.control.contacts({ folder: 'Leads' }).map((c) => c.id)).to.deep.equal([added.id]);
    expect(emu.control.addContact({ folder: 'Suppliers/Europe', surname: 'Deep' }).parentFolderId).to.not.equal(folder.id);
    expect(emu.control.deleteContact(added.id)).to.deep.equal({ deleted: true });
    expect(emu.control.deleteContact(added.id)).to.deep.equal({ deleted: false });
    expect(() => emu.control.addContact({ emailAddresses: ['a', 'b', 'c', 'd'].map((x) => ({ address: `${x}@x.example` })) })).to.throw(/exceeds the max allowed value of 3/);
    const res = await fetch(`${emu.url}/_emulator/contacts`, { method: 'POST', body: JSON.stringify({ givenName: 'Over HTTP' }) });
    expect(res.status).to.equal(201);
    expect((await (await fetch(`${emu.url}/_emulator/contacts`)).json()).value.some((c) => c.givenName === 'Over HTTP')).to.equal(true);
  });

  it('keeps a change log for a delta query: created, updated, deleted, in order, after a given point', async () => {
    const before = emu.control.contactChanges().latest;
    const added = emu.control.addContact({ givenName: 'Logged' });
    emu.control.updateContact(added.id, { jobTitle: 'x' });
    emu.control.deleteContact(added.id);
    const { changes, latest } = emu.control.contactChanges({ since: before });
    expect(changes.map((c) => [c.kind, c.contactId])).to.deep.equal([['created', added.id], ['updated', added.id], ['deleted', added.id]]);
    expect(latest).to.equal(before + 3);
    const overHttp = await (await fetch(`${emu.url}/_emulator/contacts/changes?since=${before + 2}`)).json();
    expect(overHttp.changes.map((c) => c.kind)).to.deep.equal(['deleted']);
  });
});
