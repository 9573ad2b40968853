'use strict';

// Running the contact steps against the emulator on a virtual clock: the session's waits move
// the clock instead of sleeping (a create is confirmed in no real time), a replication delay can
// be set, and a request can be made to "crash" the process after Graph processed it.
const { startEmulator } = require('../../lib/emulator');
const { setSessionDefaults } = require('../../lib/graph/session');
const { createContext } = require('../helpers/context');
const { loadStep } = require('../helpers/sailor');

const ENDPOINTS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const START = Date.UTC(2026, 2, 10, 9, 0, 0);

class Crash extends Error {
  constructor() {
    super('the process died after Graph processed the request');
    this.name = 'Crash';
  }
}

/**
 * @param {object} [options] startEmulator options (visibilityDelayMs, mailCount, ...)
 * @returns {Promise<object>} {emu, clock, cfg(fields), run(step, body, {id, cfg, snapshot}), crashAfter(method, pattern), close()}
 *   run resolves to {out, ctx, crashed} or {error, ctx, crashed}: `crashed` when a crashAfter hit during it.
 */
async function contactWorld(options = {}) {
  let now = options.start ?? START;
  const clock = { now: () => now, advance: (ms) => { now += ms; } };
  const emu = await startEmulator({ mailCount: 5, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET, ...options, now: clock.now });
  const saved = ENDPOINTS.map((name) => process.env[name]);
  ENDPOINTS.forEach((name) => { process.env[name] = emu.url; });
  // A dead process makes no more requests (every one fails until the next run, a new container),
  // and its waits take no time of the world's.
  let dead = false;
  const undoDefaults = setSessionDefaults({
    timeoutMs: 5000,
    sleep: async (ms) => {
      if (!dead) clock.advance(ms);
      await new Promise((resolve) => { setImmediate(resolve); });
    },
  });
  const realFetch = globalThis.fetch;
  const crashes = [];
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (dead && url.origin === emu.url) throw new Crash();
    const res = await realFetch(input, init);
    const at = crashes.findIndex((c) => c.method === (init.method || 'GET') && c.pattern.test(url.pathname));
    if (at >= 0) {
      crashes.splice(at, 1);
      await res.arrayBuffer();
      dead = true;
      throw new Crash();
    }
    return res;
  };
  const token = emu.control.issueTokens();
  const cfg = (fields = {}) => ({ oauth: token, tenantId: 'common', ...fields });
  return {
    emu,
    clock,
    cfg,
    /** One message through the step's module, as sailor calls it; resolves to {out, ctx} or {error, ctx}. */
    async run(step, body, { id = 'msg-1', cfg: fields = {}, snapshot = {} } = {}) {
      dead = false;
      const ctx = createContext();
      try {
        const out = await loadStep(step).process.call(ctx, { id, body, headers: {} }, cfg(fields), snapshot);
        return { out, ctx, crashed: dead };
      } catch (error) {
        return { error, ctx, crashed: dead };
      }
    },
    /** The next `method` request whose path matches is processed by Graph, then the process "dies". */
    crashAfter(method, pattern) {
      crashes.push({ method, pattern });
    },
    async close() {
      globalThis.fetch = realFetch;
      undoDefaults();
      ENDPOINTS.forEach((name, i) => {
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      });
      await emu.close();
    },
  };
}

/** The contacts of the mailbox with this address among theirs (letter case aside). */
function withAddress(emu, address, mailbox) {
  return emu.control.contacts({ mailbox }).filter((c) => c.emailAddresses.some((e) => e.address.toLowerCase() === address.toLowerCase()));
}

module.exports = { contactWorld, withAddress, Crash, START };
