'use strict';

// The offline Graph emulator (lib/emulator, compiled from src/emulator) in the test process, the
// environment that points the component at it, credentials as the platform would store them,
// and a small independent Graph client the specs use as an oracle ("what is in the mailbox?").
const path = require('node:path');
const fs = require('node:fs');
const { randomBytes } = require('node:crypto');
const { COMPONENT_ROOT } = require('./sailor');

const EMULATOR_ENTRY = path.join(COMPONENT_ROOT, 'lib', 'emulator', 'index.js');

function loadEmulator() {
  if (!fs.existsSync(EMULATOR_ENTRY)) {
    throw new Error(`${path.relative(COMPONENT_ROOT, EMULATOR_ENTRY)} is missing: compile first with  npx tsc -p .`);
  }
  return require(EMULATOR_ENTRY);
}

/**
 * Starts an emulator with a client id and secret of its own (random, so a leaked secret is
 * recognisable in logs). Returns the emulator plus:
 *   env           what the component process needs (Graph and login URL, MSAPP_CLIENT_ID/SECRET)
 *   credential()  cfg as the platform stores it after consent: {oauth: <token response>, tenantId}
 *   graph()       GET/POST/PATCH against the emulator as the signed-in user, with immutable ids
 *   secrets       every token and secret the component was given, for the log check
 */
async function startGraph(options = {}) {
  const { startEmulator } = loadEmulator();
  const clientId = `e2e-client-${randomBytes(6).toString('hex')}`;
  const clientSecret = `e2e-secret-${randomBytes(16).toString('hex')}`;
  const emulator = await startEmulator({ clientId, clientSecret, mailCount: 60, visibilityDelayMs: 0, ...options });
  const secrets = new Map([[clientSecret, 'the client secret (MSAPP_CLIENT_SECRET)']]);

  const addToken = (token, origin) => {
    if (!token || typeof token !== 'object') return;
    if (token.access_token) secrets.set(token.access_token, `an access token (${origin})`);
    if (token.refresh_token) secrets.set(token.refresh_token, `a refresh token (${origin})`);
  };

  async function graph(method, urlPath, { body, prefer = [] } = {}) {
    // A token of its own per call: expireAccessTokens() in a spec must not break the oracle.
    const token = emulator.control.issueTokens();
    const headers = { Authorization: `Bearer ${token.access_token}`, Prefer: ['IdType="ImmutableId"', ...prefer].join(', ') };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${emulator.url}/v1.0${urlPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`oracle ${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
    return json;
  }

  /** Every item of a collection, following @odata.nextLink. */
  async function graphAll(urlPath, options) {
    const items = [];
    let next = urlPath;
    while (next) {
      const page = await graph('GET', next, options);
      items.push(...page.value);
      next = page['@odata.nextLink'] ? page['@odata.nextLink'].slice(`${emulator.url}/v1.0`.length) : undefined;
    }
    return items;
  }

  return {
    ...emulator,
    clientId,
    clientSecret,
    secrets,
    env: {
      OUTLOOK_GRAPH_BASE_URL: emulator.url,
      OUTLOOK_LOGIN_BASE_URL: emulator.url,
      MSAPP_CLIENT_ID: clientId,
      MSAPP_CLIENT_SECRET: clientSecret,
    },
    credential(fields = {}, { mailbox } = {}) {
      const oauth = emulator.control.issueTokens(mailbox ? { mailbox } : {});
      addToken(oauth, 'issued at sign-in');
      return { oauth, tenantId: 'common', ...fields };
    },
    /** Tokens the component obtained itself, as seen in updateKeys, are secrets too. */
    rememberTokens(token, origin = 'refreshed by the component') {
      addToken(token, origin);
    },
    graph,
    graphAll,
  };
}

/** ISO time of a Graph timestamp, floored to the whole second (Outlook shows whole seconds). */
function isoSecond(value) {
  return new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

module.exports = { startGraph, isoSecond };
