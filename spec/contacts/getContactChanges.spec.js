'use strict';

// Contact Changes on the emulator, whose contacts/delta keeps sync states as Exchange does: contacts
// created, changed and deleted in one folder, each once; the kinds chosen; the start time; Graph
// losing the state; replays; a poll that dies mid-round; the Mailbox field, app-only. Polled the way
// the platform polls (the snapshot handed from one poll to the next), on the emulator's clock. And
// on nock: the documented path, the well-known name of the default folder, Prefer on every page.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { deltaPage } = require('../helpers/graphAnswers');
const { manualClock } = require('../emulator/helpers');
const { startEmulator } = require('../../lib/emulator');
const trigger = require('../../lib/contacts/getContactChanges');

const ENDPOINTS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const ROUTE = 'GET /me/contactFolders/{folderId}/contacts/delta';

describe('Contact Changes on the emulator', function () {
  this.timeout(60000);
  let emu;
  let clock;
  let saved;
  let snapshot;
  let cfg;

  beforeEach(async () => {
    clock = manualClock();
    emu = await startEmulator({ now: clock.now, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    saved = ENDPOINTS.map((name) => process.env[name]);
    ENDPOINTS.forEach((name) => { process.env[name] = emu.url; });
    snapshot = {};
    cfg = { oauth: emu.control.issueTokens(), tenantId: 'common' };
  });
  afterEach(async () => {
    ENDPOINTS.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    await emu.close();
  });

  /** One poll on the last snapshot; the clock moves on a minute first. */
  async function poll(extra = {}, ctx = createContext()) {
    clock.advance(60000);
    await trigger.process.call(ctx, {}, { ...cfg, ...extra }, snapshot);
    const snaps = ctx.emitted('snapshot');
    if (snaps.length) snapshot = snaps[snaps.length - 1];
    return { ctx, changes: ctx.emitted('data').map((d) => d.body) };
  }
  const summary = (changes) => changes.map((c) => `${c.changeType} ${c.contact ? c.contact.displayName : c.id}${c.reason ? ` (${c.reason})` : ''}`);
  const add = (displayName, extra = {}) => emu.control.addContact({ displayName, givenName: displayName, ...extra });

  it('without a start time the first poll records the default folder; then each contact created, changed, deleted once, with the fields of the contacts trigger', async () => {
    const before = add('Before the trigger', { createdAt: clock.now() - 86400000 });
    expect((await poll()).changes).to.deep.equal([]);
    expect(emu.control.stats().byRoute[ROUTE]).to.equal(1);

    const ann = add('Ann Lee', { emailAddresses: [{ address: 'ann@fabrikam.example', name: 'Ann Lee' }], jobTitle: 'Buyer' });
    const first = await poll();
    expect(summary(first.changes)).to.deep.equal(['created Ann Lee']);
    expect(first.changes[0]).to.include({ id: ann.id });
    expect(first.changes[0].contact).to.include({ id: ann.id, jobTitle: 'Buyer' });
    expect(first.changes[0].contact.emailAddresses).to.deep.equal([{ address: 'ann@fabrikam.example', name: 'Ann Lee' }]);
    expect(Object.keys(first.changes[0].contact)).to.include.members(['changeKey', 'parentFolderId', 'createdDateTime', 'lastModifiedDateTime']);

    emu.control.updateContact(ann.id, { jobTitle: 'Head of Buying' });
    emu.control.updateContact(before.id, { jobTitle: 'Changed after the start' });
    const second = await poll();
    expect(summary(second.changes)).to.have.members(['updated Ann Lee', 'updated Before the trigger']);
    expect(second.changes.find((c) => c.id === ann.id).contact.jobTitle).to.equal('Head of Buying');

    emu.control.deleteContact(ann.id);
    expect((await poll()).changes).to.deep.equal([{ changeType: 'deleted', id: ann.id, reason: 'deleted' }]);
    expect((await poll()).changes).to.deep.equal([]);
    // A contact added and deleted between two polls was never there for the flow.
    emu.control.deleteContact(add('Came and went').id);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('follows the chosen folder only (not the default one, nor its sub-folders), and emits only the kinds chosen', async () => {
    const suppliers = emu.control.addContactFolder({ displayName: 'Delta suppliers' });
    const europe = emu.control.addContactFolder({ displayName: 'Europe', parent: suppliers.id });
    cfg = { ...cfg, contactFolderId: suppliers.id, changeTypes: ['created', 'deleted'] };
    await poll();
    const kept = add('Supplier A', { folder: suppliers.id });
    add('In the default folder');
    add('In a sub-folder', { folder: europe.id });
    expect(summary((await poll()).changes)).to.deep.equal(['created Supplier A']);
    emu.control.updateContact(kept.id, { jobTitle: 'Not emitted: updated is not chosen' });
    expect((await poll()).changes).to.deep.equal([]);
    emu.control.deleteContact(kept.id);
    expect(summary((await poll()).changes)).to.deep.equal([`deleted ${kept.id} (deleted)`]);
  });

  it('with a start time the first poll emits what was created or changed from then on, and nothing older', async () => {
    const start = clock.now();
    const old = add('Old', { createdAt: start - 86400000 });
    clock.advance(1000);
    add('New since the start');
    clock.advance(1000);
    emu.control.updateContact(old.id, { jobTitle: 'Changed since the start' });
    add('Older still', { createdAt: start - 2 * 86400000 });
    expect(summary((await poll({ startTime: new Date(start).toISOString() })).changes)).to.have.members(['created New since the start', 'updated Old']);
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('rounds of several pages (2,100 contacts): each emitted once, and a poll that dies mid-page resumes there, repeating at most 25', async () => {
    await poll();
    for (let i = 0; i < 2100; i += 1) add(`Bulk ${i}`);
    emu.control.resetStats();
    // The platform dies while the 1,310th message (on the second page) is emitted.
    const dying = createContext();
    dying.emit = async (kind, payload) => {
      if (kind === 'data' && dying.emitted('data').length === 1309) throw new Error('platform restarted');
      dying.events.push({ event: kind, payload });
    };
    const died = await poll({}, dying).then(() => false, (err) => err.message === 'platform restarted');
    expect(died).to.equal(true);
    const partial = dying.emitted('data').map((d) => d.body.id);
    snapshot = dying.emitted('snapshot').slice(-1)[0];
    const { ctx, changes } = await poll();
    const all = [...partial, ...changes.map((c) => c.id)];
    expect(new Set(all).size).to.equal(2100);
    expect(all.length - 2100).to.be.at.most(25);
    expect(emu.control.stats().byRoute[ROUTE]).to.equal(2 + 2);
    for (const s of [...dying.emitted('snapshot'), ...ctx.emitted('snapshot')]) expect(JSON.stringify(s).length).to.be.at.most(4500);
  });

  it('Graph losing the state (410): the folder is read again and only what changed since the last poll began is emitted; replays are not emitted again', async () => {
    await poll();
    const ann = add('Ann');
    expect(summary((await poll()).changes)).to.deep.equal(['created Ann']);
    clock.advance(10 * 60000);
    emu.control.expireDeltaTokens({ code: 'syncStateNotFound' });
    add('During the gap');
    const after = await poll();
    expect(summary(after.changes)).to.deep.equal(['created During the gap']);
    expect(after.ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message).join('\n')).to.match(/HTTP 410 syncStateNotFound\): reading it afresh/);
    emu.control.updateContact(ann.id, { jobTitle: 'Replayed by Graph' });
    expect(summary((await poll()).changes)).to.deep.equal(['updated Ann']);
    emu.control.replayDelta({ rounds: 1 });
    expect((await poll()).changes).to.deep.equal([]);
  });

  it('reads the mailbox the Mailbox field names, app-only too', async () => {
    cfg = { authType: 'application', tenantId: 'contoso.example', mailbox: emu.mailboxes.secondary };
    await poll();
    const megan = emu.control.addContact({ mailbox: emu.mailboxes.secondary, displayName: 'For Megan' });
    add('Not in her mailbox');
    expect(summary((await poll()).changes)).to.deep.equal(['created For Megan']);
    expect(megan.id).to.be.a('string');
  });
});

describe('Contact Changes on the wire', () => {
  afterEach(() => nock.cleanAll());

  it('asks for the default folder by its well-known name on the documented path, its fields selected, Prefer on every page', async () => {
    const date = { Date: new Date().toUTCString() };
    const base = 'https://graph.microsoft.com/v1.0/me/contactFolders/contacts/contacts/delta';
    const seen = [];
    nock(GRAPH).get('/v1.0/me/contactFolders/contacts/contacts/delta').query((q) => {
      seen.push(q);
      return true;
    }).reply(function () {
      seen.push(this.req.headers.prefer);
      return [200, deltaPage([], { base, token: 'c-1' }), date];
    });
    const ctx = createContext();
    await trigger.process.call(ctx, {}, cfgWith({}), {});
    expect(seen[0].$select.split(',')).to.include.members(['id', 'changeKey', 'displayName', 'createdDateTime', 'lastModifiedDateTime']);
    expect(seen[1]).to.match(/odata\.maxpagesize=1000/).and.to.match(/IdType="ImmutableId"/);
    expect(ctx.emitted('snapshot').slice(-1)[0].chains.changes.link).to.equal(`${base}?$deltatoken=c-1`);
  });

  it('where Graph offers no delta (501 NotImplemented) the error says to use the time-based contacts trigger', async () => {
    nock(GRAPH).get('/v1.0/me/contactFolders/contacts/contacts/delta').query(true)
      .reply(501, { error: { code: 'NotImplemented', message: 'Not supported.' } });
    const error = await trigger.process.call(createContext(), {}, cfgWith({}), {}).then(() => undefined, (err) => err);
    expect(error.message).to.match(/does not offer change tracking \(delta queries\) for contacts of the default Contacts folder .* \(HTTP 501 NotImplemented\)\. Use the time-based trigger .*Poll for New and Updated Contacts/);
  });

  it('a chosen folder on its own path, the id encoded', async () => {
    const scope = nock(GRAPH).get('/v1.0/me/contactFolders/AAMk%2Fx%3D/contacts/delta').query(true)
      .reply(200, deltaPage([], { base: 'https://graph.microsoft.com/v1.0/me/contactFolders/AAMk%2Fx%3D/contacts/delta', token: 'c-1' }), { Date: new Date().toUTCString() });
    await trigger.process.call(createContext(), {}, cfgWith({ contactFolderId: 'AAMk/x=' }), {});
    expect(scope.isDone()).to.equal(true);
  });
});
