'use strict';

const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/mail/getNewMail');

const FOLDER = 'AAMkAGI2+folder/id=';
const PATH = `/v1.0/me/mailFolders/${encodeURIComponent(FOLDER)}/messages`;
const NOW = Date.parse('2026-11-27T08:00:00Z');
const serverDate = { Date: new Date(NOW).toUTCString() };

function mail(id, received) {
  return { id, subject: `Subject ${id}`, receivedDateTime: received, isRead: false };
}

function filterOf(uri) {
  return new URL(uri, GRAPH).searchParams.get('$filter');
}

async function poll(ctx, fields, snapshot = {}) {
  return trigger.process.call(ctx, { body: {} }, cfgWith({ folderId: FOLDER, ...fields }), snapshot);
}

const emittedIds = (ctx) => ctx.emitted('data').map((m) => m.body.id);
const lastSnapshot = (ctx) => ctx.emitted('snapshot').slice(-1)[0];

describe('Poll for New Mail', () => {
  it('asks for exactly the fields it emits, oldest first, ge the start second, with immutable ids', async () => {
    let uri;
    const scope = nock(GRAPH).matchHeader('prefer', 'IdType="ImmutableId"')
      .get(PATH).query(true).reply(function reply(u) { uri = u; return [200, { value: [] }, serverDate]; });
    await poll(createContext(), { startTime: '2026-11-27T07:00:37.900Z', pollOnlyUnreadMail: true });
    scope.done();
    const params = new URL(uri, GRAPH).searchParams;
    expect(params.get('$filter')).to.equal('receivedDateTime ge 2026-11-27T07:00:37Z and isRead eq false');
    expect(params.get('$orderby')).to.equal('receivedDateTime asc');
    expect(params.get('$top')).to.equal('1000');
    expect(params.get('$select').split(',')).to.deep.equal([...trigger.MAIL_FIELDS]);
  });

  it('emits each mail once with its Graph fields and saves a small snapshot', async () => {
    const ctx = createContext();
    nock(GRAPH).get(PATH).query(true).reply(200, { value: [mail('m1', '2026-11-27T07:59:10Z'), mail('m2', '2026-11-27T07:59:10Z')] }, serverDate);
    await poll(ctx, { startTime: '2026-11-27T07:00:00Z' });
    expect(emittedIds(ctx)).to.deep.equal(['m1', 'm2']);
    expect(ctx.emitted('data')[0].body).to.deep.include({ subject: 'Subject m1', receivedDateTime: '2026-11-27T07:59:10Z' });
    const snapshot = lastSnapshot(ctx);
    expect(snapshot.from).to.equal('2026-11-27T07:58:00Z');
    expect(JSON.stringify(snapshot).length).to.be.below(200);
  });

  it('whole-second quirk: a mail sharing the second of an emitted one is emitted, the emitted one is not repeated', async () => {
    const first = createContext();
    nock(GRAPH).get(PATH).query(true).reply(200, { value: [mail('a', '2026-11-27T07:59:37Z')] }, serverDate);
    await poll(first, { startTime: '2026-11-27T07:59:00Z' });
    const second = createContext();
    let filter;
    nock(GRAPH).get(PATH).query(true).reply((uri) => {
      filter = filterOf(uri);
      return [200, { value: [mail('a', '2026-11-27T07:59:37Z'), mail('b', '2026-11-27T07:59:37Z')] }, serverDate];
    });
    await poll(second, {}, lastSnapshot(first));
    expect(filter).to.equal('receivedDateTime ge 2026-11-27T07:59:00Z');
    expect(emittedIds(second)).to.deep.equal(['b']);
  });

  it('a mail that becomes visible late, inside the look-back, is still emitted', async () => {
    const first = createContext();
    nock(GRAPH).get(PATH).query(true).reply(200, { value: [mail('a', '2026-11-27T07:59:50Z')] }, serverDate);
    await poll(first, { startTime: '2026-11-27T07:59:00Z' });
    const second = createContext();
    const later = { Date: new Date(NOW + 60000).toUTCString() };
    nock(GRAPH).get(PATH).query(true).reply(200, { value: [mail('late', '2026-11-27T07:59:20Z'), mail('a', '2026-11-27T07:59:50Z')] }, later);
    await poll(second, {}, lastSnapshot(first));
    expect(emittedIds(second)).to.deep.equal(['late']);
  });

  it('pages by keyset on receivedDateTime instead of offsets, skipping what the overlap repeats', async () => {
    const ctx = createContext();
    const page1 = Array.from({ length: 1000 }, (_, i) => mail(`p1-${i}`, new Date(Date.parse('2026-11-27T06:00:00Z') + i * 1000).toISOString().replace('.000Z', 'Z')));
    const lastStamp = page1[999].receivedDateTime;
    const filters = [];
    nock(GRAPH)
      .get(PATH).query(true).reply((uri) => { filters.push(filterOf(uri)); return [200, { value: page1, '@odata.nextLink': `${GRAPH}${PATH}?$skip=1000` }, serverDate]; })
      .get(PATH).query(true).reply((uri) => { filters.push(filterOf(uri)); return [200, { value: [page1[999], mail('p2-0', lastStamp), mail('p2-1', '2026-11-27T07:59:59Z')] }, serverDate]; });
    await poll(ctx, { startTime: '2026-11-27T06:00:00Z' });
    expect(filters).to.deep.equal(['receivedDateTime ge 2026-11-27T06:00:00Z', `receivedDateTime ge ${lastStamp}`]);
    const ids = emittedIds(ctx);
    expect(ids).to.have.length(1002);
    expect(new Set(ids).size).to.equal(1002);
    expect(ids.slice(-2)).to.deep.equal(['p2-0', 'p2-1']);
  });

  it('persists progress after every page: a poll that dies resumes without loss or repeats', async () => {
    const page1 = Array.from({ length: 1000 }, (_, i) => mail(`m${i}`, new Date(Date.parse('2026-11-27T05:00:00Z') + i * 1000).toISOString().replace('.000Z', 'Z')));
    const rest = [mail('m1000', '2026-11-27T07:30:00Z'), mail('m1001', '2026-11-27T07:30:00Z')];
    const crashed = createContext();
    nock(GRAPH)
      .get(PATH).query(true).reply(200, { value: page1, '@odata.nextLink': `${GRAPH}${PATH}?$skip=1000` }, serverDate)
      .get(PATH).query(true).reply(400, { error: { code: 'BadRequest' } });
    const err = await poll(crashed, { startTime: '2026-11-27T05:00:00Z' }).catch((e) => e);
    expect(err).to.be.instanceOf(Error);
    expect(emittedIds(crashed)).to.have.length(1000);
    const saved = lastSnapshot(crashed);
    expect(saved.from).to.equal(page1[999].receivedDateTime);

    const resumed = createContext();
    let filter;
    nock(GRAPH).get(PATH).query(true).reply((uri) => { filter = filterOf(uri); return [200, { value: [page1[999], ...rest] }, serverDate]; });
    await poll(resumed, { startTime: '2026-11-27T05:00:00Z' }, saved);
    expect(filter).to.equal(`receivedDateTime ge ${page1[999].receivedDateTime}`);
    expect(emittedIds(resumed)).to.deep.equal(['m1000', 'm1001']);
  });

  it('a crash while a page is being emitted repeats fewer than PERSIST_EVERY mails and loses none', async () => {
    const { PERSIST_EVERY } = require('../../lib/graph/poll');
    const all = Array.from({ length: 200 }, (_, i) => mail(`x${i}`, new Date(Date.parse('2026-11-27T06:00:00Z') + i * 400).toISOString().replace(/\.\d{3}Z$/, 'Z')));
    const delivered = [];
    const crashing = createContext();
    const emit = crashing.emit.bind(crashing);
    let killed = false;
    crashing.emit = (event, payload) => {
      // A dead container emits nothing more, snapshots included.
      if (killed || (event === 'data' && delivered.length === 60)) {
        killed = true;
        throw new Error('container killed');
      }
      if (event === 'data') delivered.push(payload.body.id);
      return emit(event, payload);
    };
    nock(GRAPH).get(PATH).query(true).reply(200, { value: all }, serverDate);
    await poll(crashing, { startTime: '2026-11-27T06:00:00Z' }).catch(() => {});
    const resumed = createContext();
    nock(GRAPH).get(PATH).query(true).reply((uri) => {
      const from = Date.parse(filterOf(uri).replace('receivedDateTime ge ', ''));
      return [200, { value: all.filter((m) => Date.parse(m.receivedDateTime) >= from) }, serverDate];
    });
    await poll(resumed, {}, lastSnapshot(crashing));
    const again = emittedIds(resumed);
    const union = new Set([...delivered, ...again]);
    expect(union.size).to.equal(200);
    const repeated = again.filter((id) => delivered.includes(id));
    expect(repeated.length).to.be.below(PERSIST_EVERY);
  });

  it('an idle poll makes exactly one request', async () => {
    const scope = nock(GRAPH).get(PATH).query(true).once().reply(200, { value: [] }, serverDate);
    await poll(createContext(), {});
    scope.done();
  });

  it('without a start time, begins at Graph\'s clock of the first poll (its Date header), whatever the container\'s clock says, and saves that', async () => {
    const inbox = '/v1.0/me/mailFolders/inbox/messages';
    const uris = [];
    nock(GRAPH).get(inbox).query(true).times(2).reply((uri) => { uris.push(uri); return [200, { value: [mail('old', '2026-11-27T07:59:59Z')] }, serverDate]; });
    const first = createContext();
    await trigger.process.call(first, {}, cfgWith({}), {});
    const probe = new URL(uris[0], GRAPH).searchParams;
    expect(probe.get('$orderby')).to.equal('receivedDateTime desc');
    expect(probe.get('$filter')).to.equal(null);
    expect(emittedIds(first)).to.deep.equal([]);
    expect(lastSnapshot(first)).to.deep.equal({ v: 1, from: '2026-11-27T08:00:00Z', seen: {} });
    await trigger.process.call(createContext(), {}, cfgWith({}), lastSnapshot(first));
    expect(filterOf(uris[1])).to.equal('receivedDateTime ge 2026-11-27T08:00:00Z');
  });

  it('without a start time or a Date header, begins at the newest mail Graph lists and does not emit it', async () => {
    const inbox = '/v1.0/me/mailFolders/inbox/messages';
    nock(GRAPH).get(inbox).query(true).reply(200, { value: [mail('newest', '2026-11-27T07:59:59Z'), mail('older', '2026-11-27T07:59:58Z')] });
    const first = createContext();
    await trigger.process.call(first, {}, cfgWith({}), {});
    expect(lastSnapshot(first).from).to.equal('2026-11-27T07:59:59Z');
    const next = createContext();
    nock(GRAPH).get(inbox).query(true).reply(200, { value: [mail('newest', '2026-11-27T07:59:59Z'), mail('arrived', '2026-11-27T07:59:59Z'), mail('later', '2026-11-27T08:00:03Z')] });
    await trigger.process.call(next, {}, cfgWith({}), lastSnapshot(first));
    expect(emittedIds(next)).to.deep.equal(['arrived', 'later']);
  });

  it('without a start time or a Date header, an empty folder starts at the beginning: all it receives is new', async () => {
    const inbox = '/v1.0/me/mailFolders/inbox/messages';
    nock(GRAPH).get(inbox).query(true).reply(200, { value: [] });
    const first = createContext();
    await trigger.process.call(first, {}, cfgWith({}), {});
    expect(lastSnapshot(first).from).to.equal('1970-01-01T00:00:00Z');
  });

  const bad = [
    [{ folderId: '../../users/boss/mailFolders/inbox' }, /^folderId: /],
    [{ folderId: 'inbox?$select=body' }, /^folderId: /],
    [{ startTime: 'yesterday' }, /^startTime: /],
    [{ startTime: '2026-11-27T07:00:00' }, /^startTime: .*(offset|Z)/],
    [{ pollOnlyUnreadMail: 'maybe' }, /^pollOnlyUnreadMail: must be true or false/],
  ];
  bad.forEach(([fields, pattern]) => {
    it(`refuses ${JSON.stringify(fields)} before any request`, async () => {
      const err = await trigger.process.call(createContext(), {}, cfgWith(fields), {}).catch((e) => e);
      expect(err.message).to.match(pattern);
      expect(nock.pendingMocks()).to.deep.equal([]);
    });
  });

  it('lists every folder for the dropdown, nested ones by path, across pages', async () => {
    const select = '$select=id,displayName,childFolderCount&$top=250';
    nock(GRAPH)
      .get(`/v1.0/me/mailFolders?${select}`).reply(200, { value: [{ id: 'inbox-id', displayName: 'Inbox', childFolderCount: 2 }], '@odata.nextLink': `${GRAPH}/v1.0/me/mailFolders?${select}&$skip=1` })
      .get(`/v1.0/me/mailFolders?${select}&$skip=1`).reply(200, { value: [{ id: 'archive-id', displayName: 'Archive', childFolderCount: 0 }] })
      .get(`/v1.0/me/mailFolders/inbox-id/childFolders?${select}`).reply(200, { value: [{ id: 'projects-id', displayName: 'Projects', childFolderCount: 1 }, { id: 'receipts-id', displayName: 'Receipts', childFolderCount: 0 }] })
      .get(`/v1.0/me/mailFolders/projects-id/childFolders?${select}`).reply(200, { value: [{ id: 'alpha-id', displayName: 'Alpha', childFolderCount: 0 }] });
    const folders = await trigger.getFolders.call(createContext(), cfgWith());
    expect(folders).to.deep.equal({
      'archive-id': 'Archive',
      'inbox-id': 'Inbox',
      'projects-id': 'Inbox / Projects',
      'alpha-id': 'Inbox / Projects / Alpha',
      'receipts-id': 'Inbox / Receipts',
    });
  });
});
