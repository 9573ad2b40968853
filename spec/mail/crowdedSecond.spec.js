'use strict';

// More mails stamped with one whole second than fit in a page or in the snapshot: the trigger
// slices that second by the milliseconds Graph compares but does not return, on the emulator,
// which pages by $skip (so following @odata.nextLink would skip a mail that leaves the folder
// between two pages). Every snapshot it persists must stay within the platform's budget, and a
// crash after any of them must lose nothing and repeat at most PERSIST_EVERY mails.
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { SNAPSHOT_BUDGET_BYTES } = require('../../lib/graph/cursor');
const { PERSIST_EVERY } = require('../../lib/graph/poll');
const { setSessionDefaults } = require('../../lib/graph/session');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/mail/getNewMail');

describe('Poll for New Mail: a crowded second, on the emulator', function () {
  this.timeout(300000);
  const SECOND = Date.UTC(2026, 10, 27, 6, 0, 0);
  let now;
  let emu;
  const saved = {};

  beforeEach(async () => {
    now = SECOND + 600 * 1000;
    emu = await startEmulator({ seed: 7, mailCount: 0, now: () => now });
    for (const name of ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL', 'MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET']) saved[name] = process.env[name];
    Object.assign(process.env, { OUTLOOK_GRAPH_BASE_URL: emu.url, OUTLOOK_LOGIN_BASE_URL: emu.url, MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret' });
    resetTokenMemory();
  });

  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emu.close();
  });

  const cfg = () => ({ oauth: emu.control.issueTokens(), tenantId: 'common', startTime: new Date(SECOND - 60000).toISOString() });

  /** One poll from `snapshot`: what it emitted, in order, with the snapshots among them. */
  async function poll(snapshot) {
    const ctx = createContext();
    await trigger.process.call(ctx, {}, cfg(), snapshot);
    return ctx.events.filter((e) => e.event === 'data' || e.event === 'snapshot')
      .map((e) => (e.event === 'data' ? { mail: e.payload.body.subject } : { snapshot: e.payload }));
  }

  it('emits all 2,500 mails of one second once, without following offsets', async () => {
    const subjects = [];
    for (let i = 0; i < 2500; i += 1) {
      subjects.push(`crowd ${i}`);
      emu.control.addMail({ subject: `crowd ${i}`, from: 'crowd@contoso.example', receivedAt: SECOND + Math.floor(i * 0.4) });
    }
    emu.control.addMail({ subject: 'after', from: 'x@contoso.example', receivedAt: SECOND + 5000 });
    const emitted = (await poll({})).filter((e) => e.mail).map((e) => e.mail);
    expect(emitted).to.have.length(2501);
    expect(new Set(emitted).size).to.equal(2501);
    expect(emitted.slice(0, 2500).sort()).to.deep.equal([...subjects].sort());
    expect(emitted[2500]).to.equal('after');
    expect(Object.keys(emu.control.stats().byRoute).join()).not.to.match(/skip/);
  });

  it('a crowded second Graph\'s clock is still in: the poll stops inside it, and mail arriving later in that second is not lost', async () => {
    now = SECOND + 900;
    emu.control.addMails(600, { subject: 'crowd', startAt: SECOND, stepMs: 1 });
    const first = await poll({});
    const saved = first.filter((e) => e.snapshot).pop().snapshot;
    now = SECOND + 999;
    emu.control.addMails(5, { subject: 'late in the second', startAt: SECOND + 950, stepMs: 10 });
    now = SECOND + 5000;
    const second = await poll(saved);
    const mails = [...first, ...second].filter((e) => e.mail).map((e) => e.mail);
    expect(mails).to.have.length(605);
    expect(new Set(mails).size).to.equal(605);
    expect(first.filter((e) => e.mail).length, 'the first poll stopped inside the second').to.be.within(1, 599);
  });

  it('the look at whether Graph\'s clock has left the second fails (retries spent) after a slice was emitted: the poll saves that slice before it fails, and the next poll does not emit it again', async () => {
    // Graph's clock inside the crowded second, so after each slice the trigger asks Graph a
    // one-item look ($top=1) before it saves the slice's last mails (fewer than PERSIST_EVERY).
    now = SECOND + 900;
    emu.control.addMails(600, { subject: 'crowd', startAt: SECOND, stepMs: 1.3 });
    const ctx = createContext();
    const mailsSoFar = () => ctx.events.filter((e) => e.event === 'data').length;
    const failed = [];
    const realFetch = globalThis.fetch;
    const undoDefaults = setSessionDefaults({ sleep: async () => {} });
    globalThis.fetch = async (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (url.pathname.endsWith('/messages') && url.searchParams.get('$top') === '1') {
        failed.push({ afterMails: mailsSoFar() });
        return new Response(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'Injected.' } }), { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '0' } });
      }
      return realFetch(input, init);
    };
    let error;
    try {
      await trigger.process.call(ctx, {}, cfg(), {});
    } catch (err) {
      error = err;
    } finally {
      globalThis.fetch = realFetch;
      undoDefaults();
    }
    expect(error, 'the first poll fails').to.be.an('error');
    expect(failed.length, 'the look was asked, and retried').to.be.above(1);
    expect(failed.every((f) => f.afterMails > 0), 'only looks after mail was emitted fail').to.equal(true);
    const first = ctx.events.filter((e) => e.event === 'data' || e.event === 'snapshot')
      .map((e) => (e.event === 'data' ? { mail: e.payload.body.subject } : { snapshot: e.payload }));
    const firstMails = first.filter((e) => e.mail).map((e) => e.mail);
    expect(firstMails.length, 'the first poll emitted a slice').to.be.within(1, 599);
    expect(firstMails.length % PERSIST_EVERY, 'some of the slice was not yet saved when the look failed').not.to.equal(0);
    const lastSnapshotAt = first.map((e) => Boolean(e.snapshot)).lastIndexOf(true);
    expect(first.slice(lastSnapshotAt + 1).filter((e) => e.mail), 'mail emitted after the last snapshot').to.deep.equal([]);

    now = SECOND + 5000;
    const secondMails = (await poll(first[lastSnapshotAt].snapshot)).filter((e) => e.mail).map((e) => e.mail);
    expect(secondMails.filter((m) => firstMails.includes(m)), 'emitted again by the next poll').to.deep.equal([]);
    const mails = [...firstMails, ...secondMails];
    expect(mails).to.have.length(600);
    expect(new Set(mails).size).to.equal(600);
  });

  const crowds = [
    { count: 600, stepMs: 1.6, age: 30, why: 'fewer than a page, more than the snapshot remembers, within the look-back' },
    { count: 1500, stepMs: 0.5, age: 30, why: 'more than a page, within the look-back' },
    { count: 1500, stepMs: 0.5, age: 600, why: 'more than a page, older than the look-back (a catch-up)' },
    // Resumed from every tenth snapshot only: all 250 would take a minute and a half of npm test.
    { count: 5000, stepMs: 0.2, age: 30, why: 'five mails a millisecond, within the look-back', resumeEvery: 10 },
  ];
  crowds.forEach(({ count, stepMs, age, why, resumeEvery = 1 }) => {
    it(`${count} mails ${stepMs} ms apart in one second (${why}): every snapshot within ${SNAPSHOT_BUDGET_BYTES} bytes, a crash after ${resumeEvery === 1 ? 'any' : `every ${resumeEvery}th`} of them loses nothing and repeats at most ${PERSIST_EVERY}`, async () => {
      now = SECOND + age * 1000;
      emu.control.addMails(5, { subject: 'before', startAt: SECOND - 5000, stepMs: 1000 });
      emu.control.addMails(count, { subject: 'crowd', startAt: SECOND, stepMs });
      emu.control.addMails(3, { subject: 'after', startAt: SECOND + 2000, stepMs: 1000 });
      const all = count + 8;

      const run = await poll({});
      const mails = run.filter((e) => e.mail).map((e) => e.mail);
      expect(mails, 'each mail once').to.have.length(all);
      expect(new Set(mails).size).to.equal(all);
      const snapshots = run.filter((e) => e.snapshot);
      expect(snapshots.length).to.be.above(count / PERSIST_EVERY / 2);
      const sizes = snapshots.map((e) => JSON.stringify(e.snapshot).length);
      expect(Math.max(...sizes), 'largest persisted snapshot').to.be.at.most(SNAPSHOT_BUDGET_BYTES);

      // The mails delivered before each snapshot, and the most a crash before the next one leaves uncovered.
      const deliveredBefore = [];
      let delivered = 0;
      for (const e of run) {
        if (e.mail) delivered += 1;
        else deliveredBefore.push(delivered);
      }
      const gaps = deliveredBefore.map((n, k) => (k + 1 < deliveredBefore.length ? deliveredBefore[k + 1] : all) - n);
      expect(Math.max(deliveredBefore[0], ...gaps), 'mails a crash can repeat').to.be.at.most(PERSIST_EVERY);

      // A new container resumes from each persisted snapshot: it emits exactly what that snapshot
      // did not cover, so a crash anywhere before the next snapshot repeats only the mails in between.
      const resumeAt = snapshots.map((_, k) => k).filter((k) => k % resumeEvery === 0 || k === snapshots.length - 1);
      for (const k of resumeAt) {
        const resumed = (await poll(snapshots[k].snapshot)).filter((e) => e.mail).map((e) => e.mail);
        expect(resumed, `resumed from snapshot ${k} of ${snapshots.length}`).to.deep.equal(mails.slice(deliveredBefore[k]));
      }

      now += 300 * 1000;
      const later = await poll(snapshots[snapshots.length - 1].snapshot);
      expect(later.filter((e) => e.mail), 'a later poll').to.deep.equal([]);
    });
  });
});
