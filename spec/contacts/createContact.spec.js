'use strict';

// Create Contact: the contact Graph gets (every property in Graph's shape, the marker), which
// folder, the marker that makes a replay find its contact, Graph's errors and lost answers, and
// (on the emulator, with a replication delay) a redelivery after a crash.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { contactGraph } = require('../helpers/contactGraph');
const { outErrors } = require('../helpers/metadata');
const createContact = require('../../lib/contacts/createContact');
const { MARKER_PROPERTY } = require('../../lib/graph/contacts');
const { contactWorld } = require('./helpers');

const ann = { givenName: 'Ann', surname: 'Lee', emailAddresses: 'Ann Lee <ann@fabrikam.example>' };

/** `options.id` undefined means a message without id (a manual run); absent means 'msg-1'. */
async function run(body, options = {}) {
  const id = 'id' in options ? options.id : 'msg-1';
  const cfg = options.cfg || cfgWith();
  const ctx = createContext();
  const msg = id === undefined ? { body, headers: {} } : { id, body, headers: {} };
  try {
    return { out: await createContact.process.call(ctx, msg, cfg), ctx };
  } catch (error) {
    return { error, ctx };
  }
}

/** The POST bodies the fake received. */
function postsOf(graph) {
  return graph.requests.filter((r) => r.startsWith('POST '));
}

describe('Create Contact', () => {
  describe('the contact sent to Graph', () => {
    it('sends every property in Graph\'s shape, with the marker, to the default Contacts folder', async () => {
      const graph = contactGraph();
      const { out } = await run({
        givenName: ' Pavel ', middleName: 'J.', surname: 'Bansky', displayName: 'Pavel Bansky', nickName: 'Pav',
        emailAddresses: ['Pavel <pavelb@fabrikam.example>', { address: 'PAVELB@fabrikam.example' }, { email: 'p@home.example', name: 'Home' }],
        businessPhones: '+1 732 555 0102; +1 732 555 0103', homePhones: ['+1 732 555 0104'], mobilePhone: '+1 555 0105',
        companyName: 'Fabrikam', jobTitle: 'Buyer', department: 'Purchasing',
        businessAddress: { street: '1 Main St\nSuite 2', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'USA' },
        homeAddress: { city: 'Seattle', street: '' }, otherAddress: null,
        birthday: '1974-07-22T23:30:00-05:00', categories: 'Customers, VIP', personalNotes: 'Met at the fair.\nCall in May.',
      });
      expect(out.body.alreadyCreated).to.equal(false);
      expect(postsOf(graph)).to.deep.equal(['POST /v1.0/me/contacts']);
      const seen = graph.posted;
      const { singleValueExtendedProperties: marker, ...contact } = seen[0];
      expect(contact).to.deep.equal({
        givenName: 'Pavel', middleName: 'J.', surname: 'Bansky', displayName: 'Pavel Bansky', nickName: 'Pav',
        mobilePhone: '+1 555 0105', companyName: 'Fabrikam', jobTitle: 'Buyer', department: 'Purchasing',
        emailAddresses: [{ address: 'pavelb@fabrikam.example', name: 'Pavel' }, { address: 'p@home.example', name: 'Home' }],
        businessPhones: ['+1 732 555 0102', '+1 732 555 0103'], homePhones: ['+1 732 555 0104'],
        businessAddress: { street: '1 Main St\nSuite 2', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'USA' },
        homeAddress: { city: 'Seattle' },
        birthday: '1974-07-22T11:59:00Z',
        categories: ['Customers', 'VIP'],
        personalNotes: 'Met at the fair.\nCall in May.',
      });
      expect(marker).to.have.length(1);
      expect(marker[0].id).to.equal(MARKER_PROPERTY);
      expect(marker[0].value).to.match(/^create:[0-9a-f]{32}$/);
    });

    it('creates in the chosen folder; "contacts" (any case) is the default folder', async () => {
      const graph = contactGraph();
      await run(ann, { cfg: cfgWith({ contactFolderId: 'AAMkFolder/+1=' }) });
      await run(ann, { id: 'msg-2', cfg: cfgWith({ contactFolderId: ' Contacts ' }) });
      expect(postsOf(graph)).to.deep.equal(['POST /v1.0/me/contactFolders/AAMkFolder%2F%2B1%3D/contacts', 'POST /v1.0/me/contacts']);
      expect(graph.requests[0]).to.match(/^GET \/v1\.0\/me\/contactFolders\/AAMkFolder%2F%2B1%3D\/contacts\?\$select=/);
    });

    it('emits the contact as Outlook stored it, fitting the out schema', async () => {
      contactGraph();
      const { out } = await run(ann);
      expect(out.body).to.include({ displayName: 'Ann Lee', givenName: 'Ann', alreadyCreated: false });
      expect(out.body.emailAddresses).to.deep.equal([{ name: 'Ann Lee', address: 'ann@fabrikam.example' }]);
      expect(outErrors('createContact', out.body)).to.deep.equal([]);
    });
  });

  describe('the marker: one contact per message', () => {
    const markerOf = (graph) => graph.contacts[graph.contacts.length - 1].marker;
    async function markerFor(body, options) {
      const graph = contactGraph();
      await run(body, options);
      nock.cleanAll();
      return markerOf(graph);
    }

    it('is the same for a redelivery of the message, different for another message, another contact or another folder', async () => {
      const first = await markerFor(ann, { id: 'm-1' });
      expect(await markerFor({ ...ann }, { id: 'm-1' })).to.equal(first);
      expect(await markerFor(ann, { id: 'm-2' })).to.not.equal(first);
      expect(await markerFor({ ...ann, jobTitle: 'CEO' }, { id: 'm-1' })).to.not.equal(first);
      expect(await markerFor(ann, { id: 'm-1', cfg: cfgWith({ contactFolderId: 'AAMkF1' }) })).to.not.equal(first);
    });

    it('without a message id, differs between runs: nothing tells a redelivery from a second contact', async () => {
      expect(await markerFor(ann, { id: undefined })).to.not.equal(await markerFor(ann, { id: undefined }));
    });

    it('a redelivered message finds the contact it made: no second POST, alreadyCreated true, the same contact', async () => {
      const graph = contactGraph();
      const first = await run(ann, { id: 'm-9' });
      const again = await run(ann, { id: 'm-9' });
      expect(again.out.body).to.include({ id: first.out.body.id, alreadyCreated: true });
      expect(postsOf(graph)).to.have.length(1);
      expect(graph.contacts).to.have.length(1);
      expect(again.ctx.logs.map((l) => l.message)).to.include('The contact this message created before was found; not created again');
    });
  });

  describe('Graph errors and lost answers', () => {
    it('a 504 after Graph created the contact: not repeated blindly; the error says so, and a re-run finds the contact', async () => {
      const graph = contactGraph();
      graph.postFaults.push('lost');
      const { error } = await run(ann);
      expect(error.statusCode).to.equal(504);
      expect(error.message).to.match(/The contact may have been created all the same: run the message again, and it is found \(a second one removed\) instead of created twice\.$/);
      expect(postsOf(graph)).to.have.length(1);
      const again = await run(ann);
      expect(again.out.body).to.include({ id: graph.contacts[0].id, alreadyCreated: true });
      expect(postsOf(graph)).to.have.length(1);
      expect(graph.contacts).to.have.length(1);
    });

    it('a 503 (nothing done, but nobody can tell): the same error; the re-run creates the contact once', async () => {
      const graph = contactGraph();
      graph.postFaults.push(503);
      expect((await run(ann)).error.statusCode).to.equal(503);
      expect(graph.contacts).to.deep.equal([]);
      const { out } = await run(ann);
      expect(out.body.alreadyCreated).to.equal(false);
      expect(graph.contacts).to.have.length(1);
    });

    it('a 429 on the create is waited out by the client: one POST answered, one contact', async () => {
      const graph = contactGraph();
      graph.postFaults.push(429);
      const { out } = await run(ann);
      expect(graph.contacts).to.have.length(1);
      expect(out.body.alreadyCreated).to.equal(false);
    });

    it('a 400 is not repeated, and a 403 on the lookup stops before any create', async () => {
      nock(GRAPH).get('/v1.0/me/contacts').query(true).reply(200, { value: [] })
        .post('/v1.0/me/contacts').reply(400, { error: { code: 'ErrorInvalidRequest', message: 'Your request is invalid.' } });
      const bad = await run(ann);
      expect(bad.error.statusCode).to.equal(400);
      expect(nock.isDone()).to.equal(true);
      nock(GRAPH).get('/v1.0/me/contacts').query(true).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
      const denied = await run(ann);
      expect(denied.error.message).to.match(/^Outlook GET \/me\/contacts failed: HTTP 403 ErrorAccessDenied/);
      expect(nock.pendingMocks()).to.deep.equal([]);
    });

    it('a folder that does not exist: 404 ErrorItemNotFound, said with the request', async () => {
      nock(GRAPH).get('/v1.0/me/contactFolders/AAMkGone/contacts').query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
      const { error } = await run(ann, { cfg: cfgWith({ contactFolderId: 'AAMkGone' }) });
      expect(error.message).to.match(/HTTP 404 ErrorItemNotFound.*does not exist in this mailbox/);
    });
  });

  describe('on the emulator, with a replication delay', () => {
    let world;
    afterEach(async () => { if (world) await world.close(); world = undefined; });

    it('a redelivery after the create succeeded but before the ack, within the delay: one contact, the first one', async () => {
      world = await contactWorld({ visibilityDelayMs: 3000 });
      world.crashAfter('POST', /\/contacts$/);
      const first = await world.run('createContact', ann, { id: 'msg-42' });
      expect(first.crashed).to.equal(true);
      const [made] = world.emu.control.contacts().filter((c) => c.givenName === 'Ann');
      const again = await world.run('createContact', ann, { id: 'msg-42' });
      expect(again.out.body).to.include({ id: made.id, alreadyCreated: true });
      expect(world.emu.control.contacts().filter((c) => c.givenName === 'Ann').map((c) => c.id)).to.deep.equal([made.id]);
    });

    it('two messages with the same contact are two contacts', async () => {
      world = await contactWorld({ visibilityDelayMs: 1000 });
      await world.run('createContact', ann, { id: 'a' });
      await world.run('createContact', ann, { id: 'b' });
      expect(world.emu.control.contacts().filter((c) => c.givenName === 'Ann')).to.have.length(2);
    });

    it('a contact that never shows in the lists within the limits: created, with a warning', async () => {
      world = await contactWorld({ visibilityDelayMs: 10 * 60_000 });
      const { out, ctx } = await world.run('createContact', ann);
      expect(out.body.alreadyCreated).to.equal(false);
      expect(ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message)).to.include('The new contact did not show in Outlook\'s lists in time; a duplicate made at the same moment could not be ruled out');
    });
  });
});
