'use strict';

// Small timing helpers: every wait in the e2e suite polls a condition under a deadline.
const net = require('node:net');

const delay = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * Polls `check` until it returns a truthy value (which is returned) or the deadline passes.
 * `check` may throw to abort the wait early (e.g. when the process being waited for died).
 */
async function waitUntil(check, { timeoutMs = 20000, intervalMs = 100, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}

/** Resolves with the promise's value, or with `fallback` after `ms`; the timer never outlives it. */
async function within(promise, ms, fallback = null) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(fallback), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { delay, waitUntil, within, freePort };
