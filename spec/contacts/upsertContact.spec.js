'use strict';

// Create or Update Contact on the emulator, with Graph's replication delay: one contact per
// address whatever happens to a message (a replay, a redelivery after the create succeeded but
// before the ack, a retry after a lost answer, two containers at once), the key kept, only what
// differs sent, contacts people made never deleted, and Graph's refusals said clearly.
const { expect } = require('chai');
const { contactWorld, withAddress } = require('./helpers');
const { outErrors } = require('../helpers/metadata');

const NEW = 'new.customer@fabrikam.example';

describe('Create or Update Contact (emulator)', () => {
  let world;
  afterEach(async () => { if (world) await world.close(); world = undefined; });

  const upsert = (body, options) => world.run('upsertContact', body, options);
  const posts = () => world.emu.control.stats().byRoute['POST /me/contacts'] || 0;
  const patches = () => world.emu.control.stats().byRoute['PATCH /me/contacts/{contactId}'] || 0;

  it('creates a new contact with the key as its address, and a replay of the message changes nothing', async () => {
    world = await contactWorld({ visibilityDelayMs: 1500 });
    const { out } = await upsert({ emailAddress: `Nina Customer <${NEW}>`, givenName: 'Nina', surname: 'Customer', jobTitle: 'Buyer' });
    expect(out.body).to.include({ action: 'created', displayName: 'Nina Customer', jobTitle: 'Buyer' });
    expect(out.body.emailAddresses).to.deep.equal([{ name: 'Nina Customer', address: NEW }]);
    expect(outErrors('upsertContact', out.body)).to.deep.equal([]);
    const again = await upsert({ emailAddress: `Nina Customer <${NEW}>`, givenName: 'Nina', surname: 'Customer', jobTitle: 'Buyer' });
    expect(again.out.body).to.include({ action: 'unchanged', id: out.body.id });
    expect(withAddress(world.emu, NEW)).to.have.length(1);
    expect(posts()).to.equal(1);
    expect(patches()).to.equal(0);
  });

  it('updates the contact with the address (any letter case): only the properties given, only what differs', async () => {
    world = await contactWorld();
    const [alex] = withAddress(world.emu, 'alex.wilber@contoso.example');
    const { out } = await upsert({ emailAddress: 'ALEX.WILBER@Contoso.example', jobTitle: 'CMO', mobilePhone: '+1 555 0199' });
    expect(out.body).to.include({ action: 'updated', id: alex.id, jobTitle: 'CMO', mobilePhone: '+1 555 0199', companyName: 'Contoso', givenName: 'Alex' });
    expect(out.body.emailAddresses).to.deep.equal(alex.emailAddresses);
    const replay = await upsert({ emailAddress: 'alex.wilber@contoso.example', jobTitle: 'CMO', mobilePhone: '+1 555 0199' });
    expect(replay.out.body.action).to.equal('unchanged');
    expect(replay.out.body.changeKey).to.equal(out.body.changeKey);
    expect(patches()).to.equal(1);
    expect(posts()).to.equal(0);
  });

  it('keeps the key among the addresses when others are given: added first if missing', async () => {
    world = await contactWorld();
    const { out } = await upsert({ emailAddress: NEW, emailAddresses: 'n@home.example; Nina <nina@work.example>' });
    expect(out.body.emailAddresses.map((e) => e.address)).to.deep.equal([NEW, 'n@home.example', 'nina@work.example']);
    const moved = await upsert({ emailAddress: NEW, emailAddresses: ['other@x.example'] });
    expect(moved.out.body.emailAddresses.map((e) => e.address)).to.deep.equal([NEW, 'other@x.example']);
    expect(withAddress(world.emu, NEW)).to.have.length(1);
  });

  it('a redelivery after the create succeeded but before the ack (the process died), within the replication delay: one contact', async () => {
    world = await contactWorld({ visibilityDelayMs: 4000 });
    world.crashAfter('POST', /\/contacts$/);
    const first = await upsert({ emailAddress: NEW, givenName: 'Nina' }, { id: 'msg-7' });
    expect(first.crashed).to.equal(true);
    expect(first.error).to.be.an('error');
    expect(withAddress(world.emu, NEW)).to.have.length(1);
    // Redelivered at once: Graph's lists do not show the first contact yet.
    const { out } = await upsert({ emailAddress: NEW, givenName: 'Nina' }, { id: 'msg-7' });
    const left = withAddress(world.emu, NEW);
    expect(left.map((c) => c.id)).to.deep.equal([out.body.id]);
    expect(out.body.action).to.equal('unchanged');
    expect(posts()).to.equal(2);
    expect(world.emu.control.stats().byRoute['DELETE /me/contacts/{contactId}']).to.equal(1);
  });

  it('a lost answer (the contact made, a 504 answered): not repeated blindly; a re-run within the delay ends with one contact', async () => {
    world = await contactWorld({ visibilityDelayMs: 2500 });
    world.emu.control.setFaults([{ match: { method: 'POST', path: '/contacts$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const lost = await upsert({ emailAddress: NEW, givenName: 'Nina', department: 'Sales' });
    expect(lost.error.message).to.match(/HTTP 504 .*The contact may have been created all the same: run the message again/);
    const { out } = await upsert({ emailAddress: NEW, givenName: 'Nina', department: 'Sales' });
    expect(withAddress(world.emu, NEW).map((c) => c.id)).to.deep.equal([out.body.id]);
    expect(out.body).to.include({ department: 'Sales' });
  });

  it('lost answers on two runs in a row, each re-run within the delay: the third run removes the hidden second contact too', async () => {
    world = await contactWorld({ visibilityDelayMs: 6000 });
    world.emu.control.setFaults([{ match: { method: 'POST', path: '/contacts$' }, kind: 'drop', applyThenFail: true, times: 2 }]);
    expect((await upsert({ emailAddress: NEW, givenName: 'Nina' })).error).to.be.an('error');
    world.clock.advance(3000);
    expect((await upsert({ emailAddress: NEW, givenName: 'Nina' })).error).to.be.an('error');
    expect(withAddress(world.emu, NEW)).to.have.length(2);
    world.clock.advance(4000);
    // The first contact shows now, the second not yet: the run waits until it would, and removes it.
    const { out, ctx } = await upsert({ emailAddress: NEW, givenName: 'Nina' });
    expect(withAddress(world.emu, NEW).map((c) => c.id)).to.deep.equal([out.body.id]);
    expect(ctx.logs.map((l) => l.message)).to.include('Removed 1 duplicate contact(s) an earlier run had created');
  });

  [0, 1500, 4000].forEach((delay) => {
    it(`two containers handling messages for the same new address at once (replication delay ${delay} ms): one contact, both fields on it, both report it`, async () => {
      world = await contactWorld({ visibilityDelayMs: delay });
      for (let round = 0; round < 4; round += 1) {
        const address = `race${round}@fabrikam.example`;
        const [a, b] = await Promise.all([
          upsert({ emailAddress: address, givenName: 'Ann', jobTitle: 'Buyer' }, { id: `a-${round}` }),
          upsert({ emailAddress: address, givenName: 'Ann', department: 'Purchasing' }, { id: `b-${round}` }),
        ]);
        expect(a.error, a.error && a.error.message).to.equal(undefined);
        expect(b.error, b.error && b.error.message).to.equal(undefined);
        const left = withAddress(world.emu, address);
        expect(left, `round ${round}`).to.have.length(1);
        expect([a.out.body.id, b.out.body.id]).to.deep.equal([left[0].id, left[0].id]);
        expect(left[0]).to.include({ jobTitle: 'Buyer', department: 'Purchasing' });
      }
    });
  });

  it('several contacts people made with the address: the oldest is updated, the others stay', async () => {
    world = await contactWorld();
    const older = world.emu.control.addContact({ givenName: 'First', emailAddresses: [{ address: NEW }], createdAt: world.clock.now() - 60_000 });
    const newer = world.emu.control.addContact({ givenName: 'Second', emailAddresses: [{ address: NEW.toUpperCase() }] });
    const { out } = await upsert({ emailAddress: NEW, jobTitle: 'Buyer' });
    expect(out.body).to.include({ id: older.id, action: 'updated' });
    expect(withAddress(world.emu, NEW).map((c) => c.id).sort()).to.deep.equal([older.id, newer.id].sort());
  });

  it('a duplicate a crashed run left behind (it carries the marker) is removed; a person\'s contact is kept', async () => {
    world = await contactWorld();
    const person = world.emu.control.addContact({ givenName: 'Person', emailAddresses: [{ address: NEW }], createdAt: world.clock.now() - 60_000 });
    // What a run that died between its create and its check leaves: a second contact, with the marker.
    const { markerValue, MARKER_PROPERTY } = require('../../lib/graph/contacts');
    world.emu.control.addContact({
      givenName: 'Leftover', emailAddresses: [{ address: NEW }],
      singleValueExtendedProperties: [{ id: MARKER_PROPERTY, value: markerValue('upsert', '/me/contacts', NEW) }],
    });
    const { out, ctx } = await upsert({ emailAddress: NEW, jobTitle: 'Buyer' });
    expect(out.body).to.include({ id: person.id, action: 'updated' });
    expect(withAddress(world.emu, NEW).map((c) => c.id)).to.deep.equal([person.id]);
    expect(ctx.logs.map((l) => l.message)).to.include('Removed 1 duplicate contact(s) an earlier run had created');
  });

  it('works on another mailbox through the Mailbox field, in a chosen folder only', async () => {
    world = await contactWorld();
    const info = world.emu.tenants[0].sharedMailboxes[0];
    const folder = world.emu.control.addContactFolder({ mailbox: info, displayName: 'CRM' });
    const { out } = await upsert({ emailAddress: NEW, givenName: 'Nina' }, { cfg: { mailbox: info, contactFolderId: folder.id } });
    expect(out.body).to.include({ action: 'created', parentFolderId: folder.id });
    // Another folder is another key space.
    const elsewhere = await upsert({ emailAddress: NEW, givenName: 'Nina' }, { cfg: { mailbox: info } });
    expect(elsewhere.out.body.action).to.equal('created');
    expect(withAddress(world.emu, NEW, info)).to.have.length(2);
  });

  it('Graph refusals: no Full Access on the mailbox, a folder that does not exist, throttling waited out', async () => {
    world = await contactWorld();
    const info = world.emu.tenants[0].sharedMailboxes[0];
    const megan = world.emu.control.issueTokens({ mailbox: world.emu.mailboxes.secondary });
    const denied = await world.run('upsertContact', { emailAddress: NEW }, { cfg: { oauth: megan, mailbox: info } });
    expect(denied.error.message).to.match(/HTTP 403 ErrorAccessDenied.*no Full Access on mailbox info@contoso\.example.*Contacts\.ReadWrite\.Shared/);
    const missing = await upsert({ emailAddress: NEW }, { cfg: { contactFolderId: 'AAMkAGFolderThatIsNotThere0000000000000000000000000=' } });
    expect(missing.error.message).to.match(/HTTP 404 ErrorItemNotFound/);
    world.emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 2, times: 2 }]);
    const { out } = await upsert({ emailAddress: NEW, givenName: 'Nina' });
    expect(out.body.action).to.equal('created');
    expect(world.emu.control.stats().throttled).to.equal(2);
    expect(withAddress(world.emu, NEW)).to.have.length(1);
  });
});
