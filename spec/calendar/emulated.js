'use strict';

// The event steps against the offline emulator: one emulator per suite on a manual clock, the
// component's endpoints pointed at it, credentials of the primary (Adele, the organizer) and the
// secondary (Megan, invited) mailbox, and the steps run as sailor calls them.
const { startEmulator } = require('../../lib/emulator');
const { setSessionDefaults } = require('../../lib/graph/session');
const { createContext } = require('../helpers/context');
const { manualClock } = require('../emulator/helpers');

const ENDPOINT_VARS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];
const STEPS = ['createEvent', 'updateEvent', 'cancelEvent', 'respondToEvent', 'getEvent', 'lookupEvents'];

/**
 * Registers before/after hooks and returns an object filled in by them: `emu`, `clock`, `adele`
 * and `megan` (step configurations), `run(step, body, cfg, msg?)` (resolves to the context after
 * the step: `out` its returned message, `data` its emitted bodies), `graph(path, options)` as Adele.
 */
function emulated(options = {}) {
  const env = {};
  let saved;
  let undoDefaults;
  before(async () => {
    // Retry-After and backoff are skipped (not the retries): a spec of faults need not wait them out.
    undoDefaults = setSessionDefaults({ sleep: () => new Promise((resolve) => { setImmediate(resolve); }) });
    env.clock = manualClock(options.clock ?? Date.UTC(2026, 2, 1, 8, 0, 0));
    env.emu = await startEmulator({ seed: options.seed ?? 11, mailCount: 0, now: env.clock.now, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    saved = ENDPOINT_VARS.map((name) => process.env[name]);
    ENDPOINT_VARS.forEach((name) => { process.env[name] = env.emu.url; });
  });
  beforeEach(() => {
    // Fresh tokens each test: another test may have expired or revoked them.
    env.adele = { oauth: env.emu.control.issueTokens(), tenantId: 'common' };
    env.megan = { oauth: env.emu.control.issueTokens({ mailbox: env.emu.mailboxes.secondary }), tenantId: 'common' };
    env.emu.control.clearFaults();
  });
  after(async () => {
    undoDefaults();
    ENDPOINT_VARS.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    if (env.emu) await env.emu.close();
  });
  let counter = 0;
  env.run = async (step, body, cfg = env.adele, msg = {}) => {
    counter += 1;
    const ctx = createContext();
    const module = require(`../../lib/calendar/${step}`);
    const out = await module.process.call(ctx, { id: `msg-${step}-${counter}`, body, headers: {}, ...msg }, cfg, {});
    return Object.assign(ctx, { out: out && out.body, data: ctx.emitted('data').map((d) => d.body) });
  };
  env.graph = async (path, { method = 'GET', body, as = 'adele', headers = {} } = {}) => {
    const res = await fetch(`${env.emu.url}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${env[as].oauth.access_token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body && JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  /** Megan's copy of a meeting Adele organised, found by iCalUId. */
  env.copyOf = async (iCalUId, as = 'megan') => {
    const { body } = await env.graph('/me/events?$top=1000&$select=id,iCalUId,subject,responseStatus,isCancelled,isOrganizer,attendees,start,end', { as });
    return body.value.find((e) => e.iCalUId === iCalUId);
  };
  /** Subjects in a mailbox's Inbox, newest first. */
  env.inbox = async (as) => (await env.graph('/me/mailFolders/inbox/messages?$top=100&$select=subject,body,from', { as })).body.value;
  return env;
}

module.exports = { emulated, STEPS };
