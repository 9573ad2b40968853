'use strict';
const { expect } = require('chai');
const { withEmulator, pageAll } = require('./helpers');

const enc = encodeURIComponent;
const inFolderOf = (graph) => (folder, query) => graph(`/me/mailFolders/${folder}/messages?${query}`);

describe('emulator: $filter, $orderby and the timestamp quirk', () => {
  let emu;
  let graph;
  let clock;
  let inFolder;

  withEmulator({ clock: true }, (env) => {
    ({ emu, graph, clock } = env);
    inFolder = inFolderOf(graph);
  });

  it('stores full precision, filters at full precision, returns whole seconds', async () => {
    const at = Date.UTC(2026, 10, 27, 7, 1, 37, 400); // ...:37.400
    clock.set(at + 60_000);
    const added = emu.control.addMail({ folder: 'outbox', subject: 'quirk', from: 'a@fabrikam.example', receivedAt: at });
    expect(added.receivedDateTime).to.equal('2026-11-27T07:01:37Z');
    const ids = async (filter) => (await inFolder('outbox', `$filter=${enc(filter)}`)).body.value.map((m) => m.id);
    expect(await ids('receivedDateTime ge 2026-11-27T07:01:37Z')).to.deep.equal([added.id]);
    expect(await ids('receivedDateTime gt 2026-11-27T07:01:37Z')).to.deep.equal([added.id]);
    expect(await ids('receivedDateTime gt 2026-11-27T07:01:37.5Z')).to.deep.equal([]);
    expect(await ids('receivedDateTime ge 2026-11-27T07:01:37.4Z')).to.deep.equal([added.id]);
    expect(await ids('receivedDateTime ge 2026-11-27T07:01:37.4000001Z')).to.deep.equal([]);
    expect(await ids('receivedDateTime eq 2026-11-27T07:01:37.400Z')).to.deep.equal([added.id]);
    expect(await ids('receivedDateTime le 2026-11-27T07:01:37Z')).to.deep.equal([]);
    expect(await ids('receivedDateTime lt 2026-11-27T08:01:37.4+01:00')).to.deep.equal([]);
    expect(await ids('receivedDateTime le 2026-11-27T08:01:37.4+01:00')).to.deep.equal([added.id]);
  });

  it('orders by the full-precision value when several mails share a second', async () => {
    const second = Date.UTC(2026, 10, 27, 6, 0, 5);
    clock.set(second + 10_000);
    const late = emu.control.addMail({ folder: 'outbox', subject: 'late', from: 'a@fabrikam.example', receivedAt: second + 900 });
    const early = emu.control.addMail({ folder: 'outbox', subject: 'early', from: 'a@fabrikam.example', receivedAt: second + 100 });
    const asc = await inFolder('outbox', `$filter=${enc('receivedDateTime ge 2026-11-27T06:00:05Z')}&$orderby=receivedDateTime asc`);
    expect(asc.body.value.map((m) => m.subject)).to.deep.equal(['early', 'late']);
    expect(asc.body.value.map((m) => m.receivedDateTime)).to.deep.equal(['2026-11-27T06:00:05Z', '2026-11-27T06:00:05Z']);
    const desc = await inFolder('outbox', '$orderby=receivedDateTime desc');
    expect(desc.body.value.map((m) => m.id)).to.deep.equal([late.id, early.id]);
  });

  it('requires the $orderby property to lead the $filter for messages (InefficientFilter)', async () => {
    const bad = await graph(`/me/messages?$filter=${enc('isRead eq false and receivedDateTime ge 2026-01-01T00:00:00Z')}&$orderby=receivedDateTime asc`);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('InefficientFilter');
    const good = await graph(`/me/messages?$filter=${enc('receivedDateTime ge 2026-01-01T00:00:00Z and isRead eq false')}&$orderby=receivedDateTime asc`);
    expect(good.status).to.equal(200);
    expect(good.body.value.every((m) => m.isRead === false)).to.equal(true);
    const times = good.body.value.map((m) => m.receivedDateTime);
    expect([...times].sort()).to.deep.equal(times);
  });

  it('rejects filters outside the supported subset with ErrorInvalidUrlQueryFilter', async () => {
    for (const filter of [
      'isRead eq true or isRead eq false',
      "endswith(subject,'a')",
      "categories eq 'Red'",
      'receivedDateTime ge 2026-01-01T00:00:00Z and',
      "receivedDateTime ge '2026-01-01T00:00:00Z'",
      '(isRead eq true)',
      'isRead gt true',
    ]) {
      const res = await graph(`/me/messages?$filter=${enc(filter)}`);
      expect(res.status, filter).to.equal(400);
      expect(res.body.error.code, filter).to.equal('ErrorInvalidUrlQueryFilter');
    }
    const unknown = await graph(`/me/messages?$filter=${enc('nope eq 1')}`);
    expect(unknown.body.error.code).to.equal('RequestBroker--ParseUri');
  });

  it('filters on subject string literals with doubled quotes, and on booleans', async () => {
    emu.control.addMail({ folder: 'outbox', subject: "O'Brien's report", from: 'a@fabrikam.example', hasAttachments: true, receivedAt: clock.now() - 1 });
    const res = await inFolder('outbox', `$filter=${enc("subject eq 'O''Brien''s report'")}`);
    expect(res.body.value.map((m) => m.subject)).to.deep.equal(["O'Brien's report"]);
    const withFiles = await inFolder('outbox', `$filter=${enc('hasAttachments eq true')}`);
    expect(withFiles.body.value).to.have.length(1);
  });

  it('filters and orders by lastModifiedDateTime, which moves when mail is read', async () => {
    const t0 = clock.now();
    const m = emu.control.addMail({ folder: 'outbox', subject: 'old mail', from: 'a@fabrikam.example', receivedAt: t0 - 86_400_000 });
    clock.advance(5_000);
    emu.control.updateMail(m.id, { isRead: true });
    const filter = `lastModifiedDateTime ge ${new Date(t0 + 1000).toISOString()}`;
    const res = await inFolder('outbox', `$filter=${enc(filter)}&$orderby=lastModifiedDateTime asc`);
    expect(res.body.value.map((x) => x.id)).to.deep.equal([m.id]);
    expect(res.body.value[0].lastModifiedDateTime).to.equal(`${new Date(t0 + 5000).toISOString().slice(0, 19)}Z`);
  });

  it('counts with $count=true and pages 1,000 at a time through a large folder', async () => {
    const bulk = emu.control.addMails(2500, { folder: 'Receipts', stepMs: 333 });
    const filter = `receivedDateTime ge ${new Date(bulk.first).toISOString()}`;
    const path = `/me/mailFolders/${bulk.containerId}/messages?$filter=${enc(filter)}&$orderby=receivedDateTime asc&$top=1000&$select=subject,receivedDateTime`;
    const counted = await graph(`${path}&$count=true`);
    expect(counted.body['@odata.count']).to.equal(2500);
    const { items, pages } = await pageAll(graph, path);
    expect(pages).to.equal(3);
    expect(items.map((m) => m.subject)).to.deep.equal(Array.from({ length: 2500 }, (_, i) => `Bulk message #${i + 1}`));
  });
});

describe('emulator: replication delay', () => {
  let emu;
  let graph;
  let clock;
  let inFolder;

  withEmulator({ clock: true, visibilityDelayMs: 30_000 }, (env) => {
    ({ emu, graph, clock } = env);
    inFolder = inFolderOf(graph);
  });

  it('hides items from list queries until their timestamp + visibilityDelayMs', async () => {
    const m = emu.control.addMail({ folder: 'outbox', subject: 'replicating', from: 'a@fabrikam.example' });
    const list = () => inFolder('outbox', '$select=subject').then((r) => r.body.value.map((x) => x.id));
    expect(await list()).to.deep.equal([]);
    expect((await graph(`/me/messages/${m.id}`)).status).to.equal(200); // direct reads see it
    clock.advance(29_999);
    expect(await list()).to.deep.equal([]);
    clock.advance(1);
    expect(await list()).to.deep.equal([m.id]);
    // A mail that arrives "in the past" is still hidden until its timestamp + delay.
    const backdated = emu.control.addMail({ folder: 'outbox', subject: 'backdated', from: 'a@fabrikam.example', receivedAt: clock.now() - 10_000 });
    expect(await list()).to.deep.equal([m.id]);
    clock.advance(20_000);
    expect(await list()).to.have.members([m.id, backdated.id]);
  });
});
