'use strict';

// Issue 8, item 1: the container's clock must never decide what Graph has or has not shown.
// Both triggers run on the emulator, whose clock is Graph's; the container's clock (Date.now, the
// only clock the component has) is set apart from it by a skew. Mail and events become visible
// to list queries 3 s after their timestamp (replication). Without a Date header a proxy is
// modelled: a fetch wrapper in this spec drops the header from every emulator response.
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { createContext } = require('../helpers/context');
const getNewMail = require('../../lib/mail/getNewMail');
const getNewAndUpdatedEvents = require('../../lib/calendar/getNewAndUpdatedEvents');

/** Graph's clock at the first poll: 600 ms into a second, so "the same second" is visible. */
const G = Date.UTC(2026, 10, 27, 7, 0, 0) + 600;
const VISIBILITY_DELAY_MS = 3000;

const triggers = [
  {
    name: 'Poll for New Mail',
    module: getNewMail,
    add: (emu, subject, at) => emu.control.addMail({ subject, from: 'skew@contoso.example', receivedAt: at }),
    label: (body) => body.subject,
  },
  {
    name: 'Poll for New and Updated Events',
    module: getNewAndUpdatedEvents,
    add: (emu, subject, at) => emu.control.addEvent({ subject, createdAt: at }),
    label: (body) => body.subject,
  },
];

const cases = [
  { title: "Graph's clock 5 s behind the container", graphAhead: -5000, date: true },
  { title: "Graph's clock 5 s ahead of the container", graphAhead: 5000, date: true },
  { title: 'no Date header, Graph 5 min behind the container', graphAhead: -300000, date: false },
  { title: 'no Date header, Graph 5 min ahead of the container', graphAhead: 300000, date: false },
];

/** Runs `body` with the container's clock at Graph's minus `graphAhead` and, if asked, Date headers dropped. */
async function inSkewedWorld({ graphAhead, date }, body) {
  let graph = G;
  const emu = await startEmulator({ seed: 5, mailCount: 0, now: () => graph, visibilityDelayMs: VISIBILITY_DELAY_MS });
  const saved = {};
  for (const name of ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL', 'MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET']) saved[name] = process.env[name];
  Object.assign(process.env, { OUTLOOK_GRAPH_BASE_URL: emu.url, OUTLOOK_LOGIN_BASE_URL: emu.url, MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret' });
  resetTokenMemory();
  const realNow = Date.now;
  const realFetch = globalThis.fetch;
  Date.now = () => graph - graphAhead;
  let dated = 0;
  globalThis.fetch = async (input, init) => {
    const res = await realFetch(input, init);
    if (date || !String(input instanceof Request ? input.url : input).startsWith(emu.url)) return res;
    const headers = new Headers(res.headers);
    if (headers.has('date')) dated += 1;
    headers.delete('date');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
  try {
    await body({
      emu,
      advance: (ms) => { graph += ms; },
      now: () => graph,
      stripped: () => dated,
    });
  } finally {
    Date.now = realNow;
    globalThis.fetch = realFetch;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emu.close();
  }
}

describe('polling triggers: the cursor follows Graph\'s clock, never the container\'s', () => {
  for (const trigger of triggers) {
    describe(trigger.name, () => {
      for (const skew of cases) {
        it(`${skew.title}: what arrives 1 s after the first poll is emitted once, nothing older ever`, async () => {
          await inSkewedWorld(skew, async ({ emu, advance, now, stripped }) => {
            for (const [subject, ago] of [['old 10 min', 600000], ['old 10 s', 10000], ['old 4 s', 4000]]) trigger.add(emu, subject, G - ago);
            const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common' };
            const emitted = [];
            let snapshot = {};
            const poll = async () => {
              const ctx = createContext();
              await trigger.module.process.call(ctx, { body: {} }, cfg, snapshot);
              emitted.push(...ctx.emitted('data').map((m) => trigger.label(m.body)));
              const saved = ctx.emitted('snapshot');
              if (saved.length) snapshot = saved[saved.length - 1];
            };

            await poll();
            expect(emitted, 'the first poll emits nothing older than itself').to.deep.equal([]);
            advance(1000);
            trigger.add(emu, 'arrival', now());
            advance(1000); // the arrival is not visible yet (replication)
            await poll();
            advance(30000);
            await poll();
            advance(300000); // past the look-back
            await poll();
            expect(emitted).to.deep.equal(['arrival']);
            if (!skew.date) expect(stripped(), 'Date headers dropped').to.be.above(0);
          });
        });
      }
    });
  }

  it('without a Date header, a configured start time and the container 5 min ahead: mail visible late is still emitted', async () => {
    await inSkewedWorld({ graphAhead: -300000, date: false }, async ({ emu, advance, now }) => {
      emu.control.addMail({ subject: 'before', from: 'skew@contoso.example', receivedAt: G - 30000 });
      const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', startTime: new Date(G - 60000).toISOString() };
      const emitted = [];
      let snapshot = {};
      const poll = async () => {
        const ctx = createContext();
        await getNewMail.process.call(ctx, { body: {} }, cfg, snapshot);
        emitted.push(...ctx.emitted('data').map((m) => m.body.subject));
        const saved = ctx.emitted('snapshot');
        if (saved.length) snapshot = saved[saved.length - 1];
      };
      await poll();
      expect(emitted).to.deep.equal(['before']);
      advance(1000);
      emu.control.addMail({ subject: 'late', from: 'skew@contoso.example', receivedAt: now() });
      await poll(); // not visible yet: a cursor moved by the container's clock would pass it here
      advance(10000);
      await poll();
      advance(300000);
      await poll();
      expect(emitted).to.deep.equal(['before', 'late']);
    });
  });
});
