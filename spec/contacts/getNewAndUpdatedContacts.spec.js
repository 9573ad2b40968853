'use strict';

// Poll for New and Updated Contacts on the emulator (virtual clock): every contact of every folder
// once per change across polls; a new folder watched from the next poll on; one folder alone; a
// crash while emitting (nothing lost, at most PERSIST_EVERY repeated); throttling and an outage;
// Graph's clock far from the container's; the replication delay; switching between all folders
// and one; the snapshot within 4,500 bytes; and the most folders one trigger keeps track of.
const { expect } = require('chai');
const { contactWorld } = require('./helpers');
const { outErrors } = require('../helpers/metadata');
const { PERSIST_EVERY } = require('../../lib/graph/poll');
const { SNAPSHOT_BUDGET_BYTES } = require('../../lib/graph/cursor');
const { MAX_COLLECTIONS } = require('../../lib/graph/cursorSet');

const SEEDED = 14;

describe('Poll for New and Updated Contacts (emulator)', () => {
  let world;
  let snapshot;
  /** id + changeKey -> times emitted */
  let ledger;
  afterEach(async () => { if (world) await world.close(); world = undefined; });

  async function start(options = {}) {
    world = await contactWorld(options);
    snapshot = {};
    ledger = new Map();
  }

  /** One poll from the last snapshot; `cfg` adds fields, `dieAfter` makes the process die at that data message. */
  async function poll({ cfg = {}, dieAfter } = {}) {
    const { emu, clock } = world;
    const emitted = [];
    let data = 0;
    const ctx = {
      logger: { info() {}, warn() {}, error() {}, debug() {} },
      emit: async (event, payload) => {
        if (event === 'data') {
          data += 1;
          if (data === dieAfter) throw new Error('the process died');
          emitted.push(payload.body);
          const key = `${payload.body.id} ${payload.body.changeKey}`;
          ledger.set(key, (ledger.get(key) || 0) + 1);
        }
        if (event === 'snapshot') snapshot = JSON.parse(JSON.stringify(payload));
      },
    };
    let error;
    try {
      await require('../../lib/contacts/getNewAndUpdatedContacts').process.call(ctx, {}, world.cfg(cfg), snapshot);
    } catch (err) {
      error = err;
    }
    clock.advance(30_000);
    return { emitted, error, names: emitted.map((c) => c.displayName), emu };
  }

  const currentKeys = () => world.emu.control.contacts().map((c) => `${c.id} ${c.changeKey}`);
  const since = (ms) => ({ startTime: new Date(ms).toISOString() });

  it('emits every contact of every folder once, then each change once, wherever it happens', async () => {
    await start();
    const first = await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    expect(first.emitted).to.have.length(SEEDED);
    for (const body of first.emitted) expect(outErrors('getNewAndUpdatedContacts', body), body.displayName).to.deep.equal([]);
    expect((await poll()).emitted).to.deep.equal([]);
    const { emu } = world;
    const [alex] = emu.control.contacts().filter((c) => c.givenName === 'Alex');
    const [lena] = emu.control.contacts().filter((c) => c.givenName === 'Lena');
    emu.control.updateContact(alex.id, { jobTitle: 'CMO' });
    emu.control.updateContact(lena.id, { mobilePhone: '+49 30 1234' });
    emu.control.addContact({ folder: 'Suppliers/Europe', givenName: 'Nova', surname: 'Lind' });
    world.clock.advance(3 * 60_000);
    const changes = await poll();
    expect(changes.names.sort()).to.deep.equal(['Alex Wilber', 'Lena Fischer', 'Nova Lind']);
    expect((await poll()).emitted).to.deep.equal([]);
    expect([...ledger.values()].every((n) => n === 1)).to.equal(true);
    for (const key of currentKeys()) expect(ledger.get(key), key).to.equal(1);
    expect(JSON.stringify(snapshot).length).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
    expect(Object.keys(snapshot.sets)).to.have.length(4);
  });

  it('watches a folder made after the first poll from the next poll on: all it holds is emitted', async () => {
    await start();
    await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    world.clock.advance(10 * 60_000);
    world.emu.control.addContactFolder({ displayName: 'Leads' });
    world.emu.control.addContact({ folder: 'Leads', givenName: 'Lea' });
    world.emu.control.addContactFolder({ displayName: 'Nested', parent: 'Suppliers/Europe' });
    world.emu.control.addContact({ folder: 'Suppliers/Europe/Nested', givenName: 'Deep' });
    const next = await poll();
    expect(next.names.sort()).to.deep.equal(['Deep', 'Lea']);
    expect(Object.keys(snapshot.sets)).to.have.length(6);
  });

  it('one folder alone: that folder, not its sub-folders; "contacts" is the default folder alone', async () => {
    await start();
    const folders = world.emu.control.contacts().reduce((m, c) => m.add(c.parentFolderId), new Set());
    expect(folders.size).to.equal(4);
    const suppliersId = (await world.run('getNewAndUpdatedContacts', {}, { cfg: { contactFolderId: 'x' } })) && undefined;
    expect(suppliersId).to.equal(undefined);
    const { getContactFolders } = require('../../lib/contacts/getNewAndUpdatedContacts');
    const list = await getContactFolders.call({ logger: { info() {}, warn() {} }, emit: async () => {} }, world.cfg());
    const suppliers = Object.keys(list).find((id) => list[id] === 'Contacts / Suppliers');
    const one = await poll({ cfg: { ...since(Date.UTC(2020, 0, 1)), contactFolderId: suppliers } });
    expect(one.names.sort()).to.deep.equal(['Hanna Moos', 'Raul Razo']);
    snapshot = {};
    const own = await poll({ cfg: { ...since(Date.UTC(2020, 0, 1)), contactFolderId: 'Contacts' } });
    expect(own.emitted).to.have.length(8);
  });

  it('a process dying while emitting repeats at most PERSIST_EVERY contacts on the next poll, and loses none', async () => {
    await start();
    for (let i = 0; i < 60; i += 1) world.emu.control.addContact({ folder: i % 2 ? 'Family' : undefined, givenName: `Bulk ${i}`, createdAt: world.clock.now() - 3_600_000 + i * 400 });
    const died = await poll({ cfg: since(Date.UTC(2020, 0, 1)), dieAfter: 40 });
    expect(died.error.message).to.equal('the process died');
    await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    for (const key of currentKeys()) expect(ledger.get(key), key).to.be.at.least(1);
    const repeated = [...ledger.values()].filter((n) => n > 1).length;
    expect(repeated).to.be.at.most(PERSIST_EVERY);
    expect([...ledger.values()].every((n) => n <= 2)).to.equal(true);
  });

  it('throttling is waited out; a poll that fails in an outage leaves everything to the next one', async () => {
    await start();
    world.emu.control.setFaults([{ match: { method: 'GET', path: '/contacts$' }, kind: 'status', status: 429, retryAfterSeconds: 3, times: 3 }]);
    expect((await poll({ cfg: since(Date.UTC(2020, 0, 1)) })).emitted).to.have.length(SEEDED);
    const [diego] = world.emu.control.contacts().filter((c) => c.givenName === 'Diego');
    world.emu.control.updateContact(diego.id, { jobTitle: 'COO' });
    world.emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 503, times: 50 }]);
    const outage = await poll();
    expect(outage.error.statusCode).to.equal(503);
    world.emu.control.clearFaults();
    expect((await poll()).names).to.deep.equal(['Diego Siciliani']);
    for (const key of currentKeys()) expect(ledger.get(key), key).to.equal(1);
  });

  it('takes "now" from Graph\'s clock, months away from the container\'s: without a start time, only changes after the first poll', async () => {
    await start({ start: Date.UTC(2027, 8, 1, 12, 0, 0) });
    const first = await poll();
    expect(first.emitted).to.deep.equal([]);
    const [joni] = world.emu.control.contacts().filter((c) => c.givenName === 'Joni');
    world.emu.control.updateContact(joni.id, { department: 'Legal' });
    world.emu.control.addContact({ folder: 'Family', givenName: 'Kid' });
    expect((await poll()).names.sort()).to.deep.equal(['Joni Sherman', 'Kid']);
    expect(Date.parse(snapshot.from)).to.be.above(Date.UTC(2027, 7, 1));
  });

  it('emits a contact that shows in the lists seconds after its timestamp (replication delay)', async () => {
    await start({ visibilityDelayMs: 8000 });
    await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    world.emu.control.addContact({ folder: 'Suppliers', givenName: 'Late', createdAt: world.clock.now() - 2000 });
    const early = await poll();
    expect(early.emitted).to.deep.equal([]);
    world.clock.advance(10_000);
    expect((await poll()).names).to.deep.equal(['Late']);
    expect((await poll()).emitted).to.deep.equal([]);
  });

  it('switched from all folders to one, and back: nothing lost, nothing twice', async () => {
    await start();
    await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    const [patti] = world.emu.control.contacts().filter((c) => c.givenName === 'Patti');
    world.emu.control.updateContact(patti.id, { jobTitle: 'Head Buyer' });
    expect((await poll({ cfg: { contactFolderId: 'contacts' } })).names).to.deep.equal(["Patti O'Brien"]);
    const [emma] = world.emu.control.contacts().filter((c) => c.givenName === 'Emma');
    world.emu.control.updateContact(emma.id, { nickName: 'Em' });
    expect((await poll()).names).to.deep.equal(['Emma Vance']);
    for (const key of currentKeys()) expect(ledger.get(key), key).to.equal(1);
  });

  it(`keeps track of ${MAX_COLLECTIONS} folders (the default and ${MAX_COLLECTIONS - 1} under it) within the snapshot; one more asks for one folder`, async function many() {
    this.timeout(60000);
    await start();
    for (let i = 4; i < MAX_COLLECTIONS; i += 1) world.emu.control.addContactFolder({ displayName: `Folder ${i}` });
    const full = await poll({ cfg: since(Date.UTC(2020, 0, 1)) });
    expect(full.error, full.error && full.error.message).to.equal(undefined);
    expect(full.emitted).to.have.length(SEEDED);
    expect(Object.keys(snapshot.sets)).to.have.length(MAX_COLLECTIONS);
    expect(JSON.stringify(snapshot).length).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
    world.emu.control.addContactFolder({ displayName: 'One too many' });
    const over = await poll();
    expect(over.error).to.include({ name: 'InputError', field: 'contactFolderId' });
    expect(over.error.message).to.match(/has 101 contact folders, more than the 100 one trigger can keep track of: pick one folder/);
  });
});
