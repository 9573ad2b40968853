'use strict';
// The project's commands run as a user runs them: a child process, its output and exit code.
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
/** What the suite's setup puts in the environment, and what a user may have exported. */
const SETTINGS = ['MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET', 'OUTLOOK_REFRESH_TOKEN', 'OUTLOOK_TENANT_ID', 'OUTLOOK_AUTH_TYPE', 'OUTLOOK_CLOUD', 'OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL', 'LOG_LEVEL'];
/** A line of a stack trace, which a command-line mistake must never print. */
const STACK_LINE = /^\s+at .+/m;

const running = new Set();

/** A fresh shell's environment: none of those settings, plus `extra`. */
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const name of SETTINGS) delete env[name];
  return { ...env, ...extra };
}

/**
 * Starts `node <script> ...args` in the project root. `result` resolves with {code, stdout, stderr}
 * at exit; `waitForStderr(regex)` resolves with the first match once stderr has one.
 */
function startNode(script, args = [], env = cleanEnv()) {
  const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const watchers = [];
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (const watcher of [...watchers]) {
      const match = watcher.regex.exec(stderr);
      if (match) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(match);
      }
    }
  });
  const result = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      for (const watcher of watchers) watcher.reject(new Error(`${script} exited (${code}) before printing ${watcher.regex}:\n${stderr}`));
      resolve({ code, stdout, stderr });
    });
  });
  const waitForStderr = (regex) => {
    const match = regex.exec(stderr);
    return match ? Promise.resolve(match) : new Promise((resolve, reject) => { watchers.push({ regex, resolve, reject }); });
  };
  return { child, result, waitForStderr };
}

function runNode(script, args, env) {
  return startNode(script, args, env).result;
}

/** For afterEach: no command outlives its test. */
function killRunning() {
  for (const child of running) child.kill();
}

module.exports = { ROOT, STACK_LINE, cleanEnv, startNode, runNode, killRunning };
