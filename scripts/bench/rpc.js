// Request/answer over a forked child's IPC channel: the bench drives its emulator and component
// children with it, so the child processes hold nothing of the parent's and vice versa.
'use strict';

const { fork } = require('child_process');

/** In the child: answer {id, op, args} messages with the handler's result or error. */
function serve(handlers) {
  process.on('message', async ({ id, op, args }) => {
    try {
      const handler = handlers[op];
      if (!handler) throw new Error(`unknown op ${op}`);
      const result = await handler(...(args || []));
      process.send({ id, result });
    } catch (err) {
      process.send({ id, error: err && err.stack ? err.stack : String(err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}

/** In the parent: fork `script` and return {call(op, ...args), close(), pid}. */
function spawn(script, { env = process.env, execArgv = [], timeoutMs = 15 * 60 * 1000 } = {}) {
  const child = fork(script, [], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  let exited = null;
  const failAll = (why) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error(why));
    }
    pending.clear();
  };
  const ready = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`${script} exited before it was ready (${code ?? signal})`)));
    child.on('message', (msg) => {
      if (msg && msg.ready) resolve();
    });
  });
  child.on('message', (msg) => {
    const entry = msg && pending.get(msg.id);
    if (!entry) return;
    pending.delete(msg.id);
    clearTimeout(entry.timer);
    if (msg.error) entry.reject(new Error(`${entry.op} in child: ${msg.error}`));
    else entry.resolve(msg.result);
  });
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    failAll(`${script} exited (${code ?? signal})`);
  });
  return {
    pid: child.pid,
    ready,
    call(op, ...args) {
      if (exited) return Promise.reject(new Error(`${script} has exited`));
      const id = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${op} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer, op });
        child.send({ id, op, args });
      });
    },
    /** Disconnecting makes the child exit; kill it if it has not after a moment. */
    close() {
      if (exited) return Promise.resolve(exited);
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          resolve({ code, signal });
        });
        if (child.connected) child.disconnect();
        else child.kill('SIGTERM');
      });
    },
  };
}

module.exports = { serve, spawn };
