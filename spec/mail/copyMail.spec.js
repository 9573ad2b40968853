'use strict';

// Copy Mail against Graph's replication delay: a copy shows in the destination's lists only
// seconds after it was made, so a look at that list right after a copy (a replayed message, or our
// own look after a lost answer) can miss it. Each case runs on the emulator with that delay and a
// virtual clock (the session's waits move it), and counts the copies Graph holds afterwards.
const { expect } = require('chai');
const { contactWorld } = require('../contacts/helpers');
const { COPY_KEY_PROPERTY_ID, SEND_KEY_PROPERTY_ID } = require('../../lib/graph/sendKey');
const { LIST_DELAY_MS } = require('../../lib/graph/writes');

const DELAY_MS = 5000;

describe('Copy Mail: one copy, whatever Graph\'s lists show yet', () => {
  let world;
  afterEach(async () => { if (world) await world.close(); world = undefined; });

  const calls = (route) => world.emu.control.stats().byRoute[route] || 0;
  const POST_COPY = 'POST /me/messages/{messageId}/copy';
  const PATCH = 'PATCH /me/messages/{messageId}';
  async function graph(path) {
    const headers = { Authorization: `Bearer ${world.cfg().oauth.access_token}`, Prefer: 'IdType="ImmutableId"' };
    const res = await fetch(`${world.emu.url}/v1.0${path}`, { headers });
    return { status: res.status, body: await res.json() };
  }
  /** A mail received an hour ago (long replicated), by the immutable id the steps emit. */
  async function mail(subject, options = {}) {
    const { id } = world.emu.control.addMail({ subject, from: 'Ann <ann@fabrikam.example>', body: '<p>numbers</p>', receivedAt: world.clock.now() - 3600000, ...options });
    return (await graph(`/me/messages/${encodeURIComponent(id)}?$select=id`)).body.id;
  }
  /** The copies in Archive once the replication delay has passed: what Graph really holds. */
  async function copiesInArchive(subject) {
    world.clock.advance(DELAY_MS + 1000);
    const { body } = await graph('/me/mailFolders/archive/messages?$select=id,subject&$top=100');
    return body.value.filter((m) => m.subject === subject).map((m) => m.id);
  }
  const copy = (messageId, options) => world.run('copyMail', { messageId, destinationFolderId: 'archive' }, options);

  beforeEach(async () => {
    world = await contactWorld({ visibilityDelayMs: DELAY_MS });
  });

  it('a lost answer to the copy of a mail just received, looked into while the list lags: the copy is found, not made twice (chaos seed 1, scenario 87)', async () => {
    const id = await mail('Lost answer', { receivedAt: world.clock.now() });
    world.emu.control.setFaults([{ match: { method: 'POST', path: '/copy$' }, kind: 'drop', applyThenFail: true, times: 1 }]);
    const started = world.clock.now();
    const { out, error } = await copy(id);
    const took = world.clock.now() - started;
    expect(error, error && error.message).to.equal(undefined);
    expect(await copiesInArchive('Lost answer')).to.deep.equal([out.body.id]);
    expect(out.body.alreadyCopied).to.equal(false);
    expect(calls(POST_COPY)).to.equal(1);
    // It looked until the list had caught up (the copy showed after the delay), not longer.
    expect(took).to.be.within(DELAY_MS, LIST_DELAY_MS);
  });

  it('a lost answer to the copy of an older mail: the same (a copy lags from when it was made, not from the time it keeps)', async () => {
    const id = await mail('Lost answer, older mail');
    world.emu.control.setFaults([{ match: { method: 'POST', path: '/copy$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const { out, error } = await copy(id);
    expect(error, error && error.message).to.equal(undefined);
    expect(await copiesInArchive('Lost answer, older mail')).to.deep.equal([out.body.id]);
    expect(calls(POST_COPY)).to.equal(1);
  });

  it('a copy refused (503 before any work): looked for until the list must show one, then made once', async () => {
    const id = await mail('Refused');
    world.emu.control.setFaults([{ match: { method: 'POST', path: '/copy$' }, kind: 'status', status: 503, times: 1 }]);
    const started = world.clock.now();
    const { out, error } = await copy(id);
    const took = world.clock.now() - started;
    expect(error, error && error.message).to.equal(undefined);
    expect(calls(POST_COPY)).to.equal(2);
    expect(await copiesInArchive('Refused')).to.deep.equal([out.body.id]);
    expect(took).to.be.at.least(LIST_DELAY_MS);
  });

  it('the message delivered again at once (a crash before the ack): the copy is found by its key, not made again', async () => {
    const id = await mail('Redelivered');
    // A mail the sending steps' guard marked (one Send Mail sent): its copy keeps that key beside its own.
    const sent = await fetch(`${world.emu.url}/v1.0/me/messages/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${world.cfg().oauth.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ singleValueExtendedProperties: [{ id: SEND_KEY_PROPERTY_ID, value: 'v1-sent' }] }),
    });
    expect(sent.status).to.equal(200);
    const first = await copy(id, { id: 'msg-redelivered' });
    expect(first.out.body.alreadyCopied).to.equal(false);
    const again = await copy(id, { id: 'msg-redelivered' });
    expect(again.out.body).to.deep.equal({ ...first.out.body, alreadyCopied: true });
    expect(calls(POST_COPY)).to.equal(1);
    expect(await copiesInArchive('Redelivered')).to.deep.equal([first.out.body.id]);
    // The mark is on the copy only, in a property of its own: the copy still carries the sent mail's key.
    const marked = (property, value) => graph(`/me/messages?$filter=singleValueExtendedProperties/Any(ep: ep/id eq '${property}' and ep/value ${value})&$select=id`);
    expect((await marked(COPY_KEY_PROPERTY_ID, "ne ''")).body.value.map((m) => m.id)).to.deep.equal([first.out.body.id]);
    expect((await marked(SEND_KEY_PROPERTY_ID, "eq 'v1-sent'")).body.value.map((m) => m.id).sort()).to.deep.equal([id, first.out.body.id].sort());
  });

  it('another message asking for the same copy, once the list shows it: the copy there is returned (by Message-ID)', async () => {
    const id = await mail('Asked twice');
    const first = await copy(id, { id: 'msg-a' });
    world.clock.advance(DELAY_MS + 1000);
    const other = await copy(id, { id: 'msg-b' });
    expect(other.out.body).to.deep.equal({ ...first.out.body, alreadyCopied: true });
    expect(calls(POST_COPY)).to.equal(1);
  });

  it('the mark failing (503 on every PATCH, retries spent): the copy made is the result, with a warning that a quick redelivery may copy again', async () => {
    const id = await mail('Unmarked');
    world.emu.control.setFaults([{ match: { method: 'PATCH', path: '/messages/' }, kind: 'status', status: 503, times: 50 }]);
    const { out, ctx, error } = await copy(id, { id: 'msg-unmarked' });
    expect(error, error && error.message).to.equal(undefined);
    expect(out.body.alreadyCopied).to.equal(false);
    expect(ctx.logs.filter((l) => l.level === 'warn').map((l) => l.message).join()).to.match(/could not be marked for the duplicate check \(503\).*copied again/);
    expect(await copiesInArchive('Unmarked')).to.deep.equal([out.body.id]);
  });

  it('Skip the duplicate check: no look-up and no mark (the copy and nothing else), so a redelivery copies again', async () => {
    const id = await mail('Unchecked');
    world.emu.control.resetStats();
    const first = await copy(id, { id: 'msg-unchecked', cfg: { skipDuplicateCheck: true } });
    expect(first.out.body.alreadyCopied).to.equal(false);
    const { byRoute } = world.emu.control.stats();
    expect(Object.keys(byRoute).sort()).to.deep.equal(['GET /me/mailFolders/{folderId}', 'GET /me/messages/{messageId}', POST_COPY]);
    await copy(id, { id: 'msg-unchecked', cfg: { skipDuplicateCheck: true } });
    expect(await copiesInArchive('Unchecked')).to.have.length(2);
  });

  it('with the check: a new copy costs three requests more than without it (two look-ups, the PATCH that marks the copy); a redelivery none more', async () => {
    const id = await mail('Priced');
    world.emu.control.resetStats();
    await copy(id, { id: 'msg-priced' });
    const checked = world.emu.control.stats();
    expect(checked.requests).to.equal(6);
    expect(calls(PATCH)).to.equal(1);
    world.emu.control.resetStats();
    expect((await copy(id, { id: 'msg-priced' })).out.body.alreadyCopied).to.equal(true);
    expect(world.emu.control.stats().requests).to.equal(3);
  });
});
