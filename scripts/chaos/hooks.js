'use strict';

// The two seams the chaos harness needs and the steps do not offer:
//
// 1. Session options. Triggers and actions call createSession(cfg, this) with no options, so the
//    HTTP deadline (60 s) and the retry sleep (real setTimeout, honouring Retry-After) cannot be
//    injected. lib/graph/session's setSessionDefaults is used when it exists (proposed to the
//    lead); until then its createSession export is wrapped, which the compiled steps read at
//    call time (`(0, session_1.createSession)(cfg, this)`).
// 2. The network. lib/graph/transport uses the global fetch; wrapping it lets a crash happen in
//    the middle of a Graph request (before it leaves, or after Graph processed it and before the
//    answer is read) and lets the harness count faults and change the world during a poll.
//
// Both are installed for the duration of one harness run and restored afterwards.
const sessionModule = require('../../lib/graph/session');

const originalCreateSession = sessionModule.createSession;
const originalFetch = globalThis.fetch;

let installed = null;

/**
 * @param {object} hooks
 * @param {() => object} hooks.sessionOptions options for every session (SessionOptions)
 * @param {(url: URL, init: object, realFetch: Function) => Promise<Response>} hooks.intercept
 *   called for requests to `origin`; others go straight through
 * @param {string} hooks.origin e.g. http://127.0.0.1:41234
 * @returns {() => void} uninstall
 */
function installHooks(hooks) {
  if (installed) throw new Error('chaos hooks are already installed');
  installed = hooks;
  const undoDefaults = typeof sessionModule.setSessionDefaults === 'function'
    ? sessionModule.setSessionDefaults(hooks.sessionOptions())
    : undefined;
  if (!undoDefaults) {
    sessionModule.createSession = (cfg, context, options = {}) => originalCreateSession(cfg, context, { ...installed.sessionOptions(), ...options });
  }
  globalThis.fetch = (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (!installed || url.origin !== installed.origin) return originalFetch(input, init);
    return installed.intercept(url, init, originalFetch);
  };
  return function uninstall() {
    if (!installed) return;
    installed = null;
    if (undoDefaults) undoDefaults();
    sessionModule.createSession = originalCreateSession;
    globalThis.fetch = originalFetch;
  };
}

module.exports = { installHooks, originalFetch };
