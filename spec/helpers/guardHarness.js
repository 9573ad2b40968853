'use strict';

// Runs the send-like steps against the emulator the way the platform would, with the power to
// kill the "process" at a chosen request: before it leaves, or after Graph did the work and before
// the answer is read. Everything after a kill fails (the process is gone); the next run is the
// platform delivering the same message again. The session's waits move the emulator's clock.
const { startEmulator } = require('../../lib/emulator');
const { setSessionDefaults } = require('../../lib/graph/session');
const { manualClock } = require('../emulator/helpers');
const { createContext } = require('./context');

const ENDPOINT_VARS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const STEPS = ['sendMail', 'replyToMail', 'forwardMail', 'createDraft', 'sendDraft'];

async function guardHarness(options = {}) {
  const clock = manualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
  const emu = await startEmulator({ now: clock.now, mailCount: 5, sendDelayMs: 3000, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET, ...options });
  const saved = ENDPOINT_VARS.map((name) => process.env[name]);
  ENDPOINT_VARS.forEach((name) => { process.env[name] = emu.url; });
  const waits = [];
  /** Called at each wait of a step (`harness.onWait`), so a spec can change the world meanwhile. */
  const hooks = { onWait: undefined };
  const undoDefaults = setSessionDefaults({
    sleep: async () => {},
    wait: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
      if (hooks.onWait) await hooks.onWait(ms);
    },
  });
  const realFetch = globalThis.fetch;
  const kill = { at: undefined, when: undefined, dead: false, requests: [] };
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const method = (init.method || 'GET').toUpperCase();
    kill.requests.push(`${method} ${url.pathname.replace(/^\/v1\.0/, '')}`);
    if (kill.dead) throw new TypeError('fetch failed');
    if (kill.at && kill.at(method, url.pathname)) {
      kill.dead = true;
      if (kill.when === 'after') await (await realFetch(input, init)).arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return realFetch(input, init);
  };
  const credential = { oauth: emu.control.issueTokens(), tenantId: 'common' };

  /** Runs `step` on `msg`; `{killAt, when}` kills the process at the first request killAt matches. */
  async function run(step, msg, { cfg = {}, killAt, when = 'before' } = {}) {
    Object.assign(kill, { at: killAt, when, dead: false });
    const ctx = createContext();
    try {
      const out = await require(`../../lib/mail/${step}`).process.call(ctx, { headers: {}, ...msg }, { ...credential, ...cfg }, {});
      return { out, ctx, died: kill.dead };
    } catch (error) {
      return { error, ctx, died: kill.dead };
    } finally {
      Object.assign(kill, { at: undefined, dead: false });
    }
  }

  return {
    emu,
    clock,
    hooks,
    waits,
    requests: kill.requests,
    run,
    /** Mails the emulator sent (submitted) with this subject. */
    sent: (subject, mailbox) => emu.control.sent(mailbox).filter((r) => r.subject === subject),
    /** Lets the send delay pass, so everything submitted is delivered. */
    deliver: () => { clock.advance(10_000); emu.control.sent(); },
    async close() {
      globalThis.fetch = realFetch;
      undoDefaults();
      ENDPOINT_VARS.forEach((name, i) => {
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      });
      await emu.close();
    },
  };
}

module.exports = { guardHarness, STEPS };
