'use strict';

// A private RabbitMQ for the end-to-end run: its own node name, ports, epmd, data and log
// directories under a temporary directory, so it neither needs nor disturbs a system broker.
// Started once per run (see hooks.js) and stopped afterwards, leaving no process behind.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const amqplib = require('amqplib');
const { freePort, waitUntil, delay } = require('./wait');

const NOT_INSTALLED = 'RabbitMQ is not installed: run  sudo apt-get install -y rabbitmq-server  (or without sudo as root)';

// The Debian package puts the real start script under /usr/lib/rabbitmq/bin; /usr/sbin/rabbitmq-server
// is a wrapper that switches to the rabbitmq user (and drops our environment), so prefer the former.
const SERVER_CANDIDATES = [
  process.env.E2E_RABBITMQ_SERVER,
  '/usr/lib/rabbitmq/bin/rabbitmq-server',
  '/usr/lib/rabbitmq/sbin/rabbitmq-server',
];

function onPath(name) {
  const dirs = (process.env.PATH || '').split(path.delimiter).concat(['/usr/sbin', '/usr/local/sbin', '/sbin']);
  return dirs.map((dir) => path.join(dir, name)).find((file) => isExecutable(file));
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findServer() {
  return SERVER_CANDIDATES.filter(Boolean).find(isExecutable) || onPath('rabbitmq-server');
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends a signal to a whole process group (the child was spawned detached, so it leads one). */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function canConnect(url) {
  let connection;
  try {
    connection = await amqplib.connect(url);
    return true;
  } catch {
    return false;
  } finally {
    if (connection) await connection.close().catch(() => {});
  }
}

/**
 * Starts a broker and resolves once it accepts AMQP connections.
 * Returns {url, dir, stop()}; stop() is safe to call more than once.
 */
async function startBroker({ startTimeoutMs = 60000 } = {}) {
  const server = findServer();
  if (!server) throw new Error(NOT_INSTALLED);
  const epmdBin = onPath('epmd') || '/usr/lib/erlang/bin/epmd';

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outlook-e2e-rabbitmq-'));
  const [amqpPort, distPort, epmdPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const nodeName = `e2e-${randomBytes(4).toString('hex')}@localhost`;
  const file = (name) => path.join(dir, name);
  fs.mkdirSync(file('mnesia'));
  fs.mkdirSync(file('log'));
  fs.writeFileSync(file('rabbitmq.conf'), [
    `listeners.tcp.default = 127.0.0.1:${amqpPort}`,
    // A developer machine or CI runner may have little free disk; do not block publishers for it.
    'disk_free_limit.absolute = 1MB',
    'log.file.level = info',
    '',
  ].join('\n'));
  fs.writeFileSync(file('enabled_plugins'), '[].\n');
  fs.writeFileSync(file('rabbitmq-env.conf'), '');

  const env = {
    PATH: process.env.PATH,
    LANG: process.env.LANG || 'C.UTF-8',
    HOME: dir, // the Erlang cookie is written here
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: file('mnesia'),
    RABBITMQ_LOG_BASE: file('log'),
    RABBITMQ_LOGS: file('log/rabbit.log'),
    RABBITMQ_CONFIG_FILE: file('rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: file('advanced.config'),
    RABBITMQ_CONF_ENV_FILE: file('rabbitmq-env.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: file('enabled_plugins'),
    RABBITMQ_PID_FILE: file('rabbit.pid'),
  };

  const output = fs.openSync(file('server.out'), 'a');
  // Our own epmd on a free port, so nothing outlives the run and no system epmd is touched.
  const epmd = spawn(epmdBin, ['-port', String(epmdPort)], { env, detached: true, stdio: ['ignore', output, output] });
  const rabbit = spawn(server, [], { cwd: dir, env, detached: true, stdio: ['ignore', output, output] });
  fs.closeSync(output);
  let exited = null;
  rabbit.once('exit', (code, signal) => { exited = { code, signal }; });
  let epmdExited = false;
  epmd.once('exit', () => { epmdExited = true; });
  rabbit.once('error', (err) => { exited = { error: err }; });

  const url = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  // If the test process dies without stopping the broker (Ctrl-C, a crash), take it down anyway.
  const emergencyStop = () => {
    killGroup(rabbit.pid, 'SIGKILL');
    killGroup(epmd.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', emergencyStop);
  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', emergencyStop);
    if (!exited) {
      // The start script traps TERM and stops the Erlang VM gracefully.
      killGroup(rabbit.pid, 'SIGTERM');
      const deadline = Date.now() + 20000;
      while (!exited && Date.now() < deadline) await delay(100);
      if (!exited) killGroup(rabbit.pid, 'SIGKILL');
    }
    // erl_child_setup and friends live in the same group; make sure none is left.
    killGroup(rabbit.pid, 'SIGKILL');
    if (!epmdExited) {
      killGroup(epmd.pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (!epmdExited && Date.now() < deadline) await delay(50);
      killGroup(epmd.pid, 'SIGKILL');
    }
    if (process.env.E2E_KEEP_BROKER_DIR) {
      console.log(`[e2e] broker files kept in ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  try {
    await waitUntil(async () => {
      if (exited) {
        throw new Error(`rabbitmq-server (${server}) exited during start-up (${JSON.stringify(exited)}):\n${tail(file('server.out'))}\n${tail(file('log/rabbit.log'))}`);
      }
      return canConnect(url);
    }, { timeoutMs: startTimeoutMs, intervalMs: 250, what: `RabbitMQ to accept AMQP connections on port ${amqpPort}` });
  } catch (err) {
    const logs = `\n--- server output ---\n${tail(file('server.out'))}\n--- rabbit.log ---\n${tail(file('log/rabbit.log'))}`;
    await stop();
    err.message += err.message.includes('server output') ? '' : logs;
    throw err;
  }
  return { url, dir, nodeName, pid: rabbit.pid, epmdPid: epmd.pid, stop, isAlive: () => !exited && alive(rabbit.pid) };
}

/** For a quick manual check: node spec/e2e/helpers/broker.js */
if (require.main === module) {
  (async () => {
    const started = Date.now();
    const broker = await startBroker();
    console.log(`broker up at ${broker.url} in ${Date.now() - started} ms (node ${broker.nodeName})`);
    await broker.stop();
    const left = spawnSync('pgrep', ['-f', broker.nodeName], { encoding: 'utf8' }).stdout.trim();
    console.log(`stopped after ${Date.now() - started} ms; processes left: ${left || 'none'}`);
  })().catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}

module.exports = { startBroker, NOT_INSTALLED };
