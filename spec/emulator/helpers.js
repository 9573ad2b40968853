'use strict';
// Shared helpers for the emulator specs: start an emulator, talk to it over real HTTP.
const { startEmulator } = require('../../lib/emulator');

/** A controllable clock: specs that need time to pass move it by hand. */
function manualClock(start = Date.UTC(2026, 10, 27, 7, 0, 0)) {
  let now = start;
  return { now: () => now, set: (ms) => { now = ms; }, advance: (ms) => { now += ms; } };
}

/** Starts an emulator and returns it with a `graph` helper bound to a fresh delegated token. */
async function start(options = {}) {
  const emu = await startEmulator(options);
  const tokens = emu.control.issueTokens();
  const client = graphClient(emu, tokens.access_token);
  return { emu, tokens, graph: client };
}

/**
 * Registers hooks that start an emulator before each test (`once: true`: before the suite) and close
 * it afterwards, handing `{ emu, tokens, graph, clock }` to `use` each time. `clock`: true, or the
 * start time in ms, drives the emulator from a manualClock; the other options go to startEmulator.
 */
function withEmulator({ once = false, clock, ...options }, use) {
  let running;
  (once ? before : beforeEach)(async () => {
    const manual = clock === undefined ? undefined : manualClock(clock === true ? undefined : clock);
    running = { ...await start(manual ? { ...options, now: manual.now } : options), clock: manual };
    use(running);
  });
  (once ? after : afterEach)(() => running.emu.close());
}

function graphClient(emu, accessToken) {
  return async function graph(path, { method = 'GET', headers = {}, body, token = accessToken } = {}) {
    const url = path.startsWith('http') ? path : `${emu.url}/v1.0${path}`;
    const res = await fetch(url, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') || '');
    return { status: res.status, headers: res.headers, body: text ? (json ? JSON.parse(text) : text) : undefined };
  };
}

/** POSTs a form to the identity platform's token endpoint. */
async function tokenRequest(emu, form, { tenant = emu.tenantId, headers = {} } = {}) {
  const res = await fetch(`${emu.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Follows @odata.nextLink to the end; returns every item and the number of pages. */
async function pageAll(graph, path, options = {}) {
  const items = [];
  let pages = 0;
  let next = path;
  while (next) {
    const res = await graph(next, options);
    if (res.status !== 200) throw new Error(`page ${pages} failed: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.value);
    pages += 1;
    next = res.body['@odata.nextLink'];
  }
  return { items, pages };
}

module.exports = { start, withEmulator, graphClient, manualClock, tokenRequest, pageAll };
