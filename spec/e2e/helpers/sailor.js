'use strict';

// Runs one step of the component in the real elasticio-sailor-nodejs (run.js) against the e2e
// broker, the way the platform does: the test declares the step's queues, publishes encrypted
// input messages, and reads what sailor publishes to the data, error, snapshot and rebound routing
// keys. One SailorStep = one sailor process (one "container") for one step.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const amqplib = require('amqplib');
const Encryptor = require('elasticio-sailor-nodejs/lib/encryptor');
const { waitUntil, within } = require('./wait');

const COMPONENT_ROOT = path.resolve(__dirname, '../../..');
const SAILOR_RUN = path.join('node_modules', 'elasticio-sailor-nodejs', 'run.js');
const SAILOR_SERVICE = path.join('node_modules', 'elasticio-sailor-nodejs', 'runService.js');
const OUTPUT_KINDS = ['data', 'error', 'snapshot', 'rebound'];

// Sailor processes still running; killed if the test process exits without stopping them.
const running = new Set();
process.on('exit', () => { for (const child of running) child.kill('SIGKILL'); });

function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** The parent's environment without anything that would change how sailor or the component behave. */
function baseEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(ELASTICIO_|OUTLOOK_|MSAPP_)/.test(key)) continue;
    if (['NODE_ENV', 'LOG_LEVEL', 'DEBUG', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Collects a child's stdout and stderr as lines; bunyan lines are also kept parsed. */
function captureOutput(child) {
  const lines = [];
  const records = [];
  const listeners = new Set();
  for (const [stream, name] of [[child.stdout, 'stdout'], [child.stderr, 'stderr']]) {
    let rest = '';
    stream.setEncoding('utf8');
    const take = (line) => {
      if (!line) return;
      lines.push({ stream: name, line });
      let record = null;
      try {
        record = JSON.parse(line);
      } catch {
        // not a bunyan line (e.g. a Node warning)
      }
      if (record && typeof record === 'object') records.push(record);
      for (const listener of listeners) listener(record, line);
    };
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      parts.forEach(take);
    });
    stream.on('end', () => { take(rest); rest = ''; });
  }
  return { lines, records, onLine: (fn) => listeners.add(fn) };
}

function describeExit(exit) {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

class SailorStep {
  /**
   * @param {object} o
   * @param {{url: string}} o.broker
   * @param {object} o.platform   fake platform API (helpers/platform.js)
   * @param {string} o.func       trigger or action name in component.json
   * @param {object} o.cfg        credential and step fields (sailor adds nothing; _account is set here)
   * @param {object} [o.snapshot] the snapshot sailor starts with
   * @param {object} o.env        component environment (Graph/login URLs, MSAPP_CLIENT_*)
   */
  static async start(o) {
    const step = new SailorStep(o);
    try {
      await step.declare();
      step.spawn();
      await step.waitUntilListening();
    } catch (err) {
      await step.kill();
      err.message += `\n--- sailor output ---\n${step.logText().split('\n').slice(-30).join('\n')}`;
      throw err;
    }
    return step;
  }

  constructor({ broker, platform, func, cfg, snapshot = {}, env = {}, accountId = 'acc-1', startTimeoutMs = 30000 }) {
    const id = randomBytes(4).toString('hex');
    this.broker = broker;
    this.platform = platform;
    this.func = func;
    this.startTimeoutMs = startTimeoutMs;
    this.flowId = `flow-${func}-${id}`;
    this.stepId = `step_${id}`;
    this.prefix = `e2e.${func}.${id}`;
    this.names = {
      input: `${this.prefix}.messages`,
      exchange: `${this.prefix}.exchange`,
      deadLetters: `${this.prefix}.dead-letters`,
      rejected: `${this.prefix}.rejected`,
    };
    for (const kind of OUTPUT_KINDS) this.names[kind] = `${this.prefix}.${kind}`;
    this.crypto = { password: randomBytes(16).toString('hex'), iv: randomBytes(8).toString('hex') };
    this.encryptor = new Encryptor(this.crypto.password, this.crypto.iv);
    this.outputs = [];
    this.settled = [];
    platform.setStep(this.flowId, this.stepId, { config: { ...cfg, _account: accountId }, snapshot });
    this.env = {
      ...baseEnv(),
      ...env,
      LOG_LEVEL: 'debug', // sailor logs each ack and reject at debug level: that is how a run is seen to end
      ELASTICIO_FLOW_ID: this.flowId,
      ELASTICIO_EXEC_ID: `exec-${id}`,
      ELASTICIO_STEP_ID: this.stepId,
      ELASTICIO_CONTAINER_ID: `container-${id}`,
      ELASTICIO_WORKSPACE_ID: 'workspace-e2e',
      ELASTICIO_USER_ID: 'user-e2e',
      ELASTICIO_COMP_ID: 'outlook-component',
      ELASTICIO_FUNCTION: func,
      ELASTICIO_API_URI: platform.url,
      ELASTICIO_API_USERNAME: platform.username,
      ELASTICIO_API_KEY: platform.apiKey,
      ELASTICIO_AMQP_URI: broker.url,
      ELASTICIO_LISTEN_MESSAGES_ON: this.names.input,
      ELASTICIO_PUBLISH_MESSAGES_TO: this.names.exchange,
      ELASTICIO_DATA_ROUTING_KEY: this.names.data,
      ELASTICIO_ERROR_ROUTING_KEY: this.names.error,
      ELASTICIO_SNAPSHOT_ROUTING_KEY: this.names.snapshot,
      ELASTICIO_REBOUND_ROUTING_KEY: this.names.rebound,
      ELASTICIO_MESSAGE_CRYPTO_IV: this.crypto.iv,
      ELASTICIO_MESSAGE_CRYPTO_PASSWORD: this.crypto.password,
    };
  }

  /** What the platform sets up before a container starts: queues, exchange, bindings. */
  async declare() {
    this.connection = await amqplib.connect(this.broker.url);
    this.channel = await this.connection.createChannel();
    const ch = this.channel;
    const { names } = this;
    await ch.assertExchange(names.exchange, 'direct', { durable: false, autoDelete: false });
    // Rejected input (sailor rejects without requeue after an error) is dead-lettered here, so a
    // reject can be told apart from an ack.
    await ch.assertExchange(names.deadLetters, 'fanout', { durable: false, autoDelete: false });
    await ch.assertQueue(names.rejected, { durable: false });
    await ch.bindQueue(names.rejected, names.deadLetters, '');
    await ch.assertQueue(names.input, { durable: false, deadLetterExchange: names.deadLetters });
    for (const kind of OUTPUT_KINDS) {
      await ch.assertQueue(names[kind], { durable: false });
      await ch.bindQueue(names[kind], names.exchange, names[kind]);
    }
    for (const kind of [...OUTPUT_KINDS, 'rejected']) {
      await ch.consume(names[kind], (msg) => { if (msg) this.outputs.push(this.decode(kind, msg)); }, { noAck: true });
    }
  }

  decode(kind, msg) {
    const headers = msg.properties.headers || {};
    const out = { kind, headers, parentMessageId: headers.parentMessageId };
    const text = msg.content.toString('utf8');
    if (kind === 'data') {
      out.message = this.encryptor.decryptMessageContent(msg.content, 'base64');
    } else if (kind === 'error') {
      const payload = JSON.parse(text);
      out.error = this.encryptor.decryptMessageContent(Buffer.from(payload.error), 'base64');
      out.errorInput = payload.errorInput ? this.encryptor.decryptMessageContent(Buffer.from(payload.errorInput), 'base64') : undefined;
    } else if (kind === 'snapshot') {
      out.snapshot = JSON.parse(text);
    } else {
      // rebound and rejected carry the original input message
      out.parentMessageId = headers.messageId;
      out.input = this.encryptor.decryptMessageContent(msg.content, 'base64');
    }
    return out;
  }

  spawn() {
    this.child = track(spawn(process.execPath, [SAILOR_RUN], { cwd: COMPONENT_ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] }));
    this.output = captureOutput(this.child);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => { this.exit = { code, signal }; resolve(this.exit); });
    });
    this.output.onLine((record) => {
      if (record && (record.msg === 'Message ack' || record.msg === 'Message reject')) {
        this.settled.push(record.msg === 'Message ack' ? 'ack' : 'reject');
      }
    });
  }

  /** Ready when sailor consumes the input queue (polled through the broker, no fixed sleep). */
  async waitUntilListening() {
    await waitUntil(async () => {
      if (this.exit) throw new Error(`sailor exited during start-up with ${describeExit(this.exit)}`);
      const { consumerCount } = await this.channel.checkQueue(this.names.input);
      return consumerCount > 0;
    }, { timeoutMs: this.startTimeoutMs, intervalMs: 100, what: `sailor (${this.func}) to consume ${this.names.input}` });
  }

  /**
   * Publishes one input message (pass the `messageId` of an earlier one to replay it, as the
   * platform does after a lost acknowledgement) and waits until sailor has acked or rejected it.
   * Returns everything published in reply to it:
   * {messageId, outcome: 'ack'|'reject', data, errors, errorInputs, snapshots, rebounds, rejected}.
   */
  async run({ body = {}, attachments = {}, messageId = randomUUID(), timeoutMs = 45000 } = {}) {
    if (this.exit) throw new Error(`sailor is not running (exited with ${describeExit(this.exit)})`);
    const before = this.settled.length;
    const firstOutput = this.outputs.length; // a replayed messageId must not pick up the earlier run's outputs
    const content = this.encryptor.encryptMessageContent({ id: messageId, body, headers: {}, attachments }, 'base64');
    this.channel.sendToQueue(this.names.input, content, {
      contentType: 'application/json',
      headers: { messageId, threadId: `thread-${messageId}`, stepId: 'step_previous', execId: this.env.ELASTICIO_EXEC_ID },
    });
    await waitUntil(() => {
      if (this.exit) throw new Error(`sailor exited with ${describeExit(this.exit)} while processing message ${messageId}`);
      return this.settled.length > before;
    }, { timeoutMs, intervalMs: 50, what: `sailor (${this.func}) to ack or reject message ${messageId}` });
    const mine = (kind) => this.outputs.slice(firstOutput).filter((o) => o.kind === kind && o.parentMessageId === messageId);
    if (this.settled[before] === 'reject') {
      // Sailor logs the reject just before sending it; the broker then dead-letters the input.
      await waitUntil(() => mine('rejected').length > 0, { timeoutMs: 10000, intervalMs: 20, what: `message ${messageId} to be dead-lettered after the reject` });
    }
    await this.drain();
    return {
      messageId,
      outcome: this.settled[before],
      data: mine('data').map((o) => o.message),
      errors: mine('error').map((o) => o.error),
      errorInputs: mine('error').map((o) => o.errorInput),
      snapshots: mine('snapshot').map((o) => o.snapshot),
      rebounds: mine('rebound').map((o) => o.input),
      rejected: mine('rejected').map((o) => o.input),
    };
  }

  /** Waits until every output queue has handed its messages to our consumers. */
  async drain() {
    await waitUntil(async () => {
      for (const kind of [...OUTPUT_KINDS, 'rejected']) {
        const { messageCount } = await this.channel.checkQueue(this.names[kind]);
        if (messageCount > 0) return false;
      }
      return true;
    }, { timeoutMs: 10000, intervalMs: 20, what: 'the output queues to drain' });
  }

  logLines() {
    return this.output ? this.output.lines.map((l) => l.line) : [];
  }

  logText() {
    return this.logLines().join('\n');
  }

  /** Graceful stop as the platform does it (SIGTERM); returns {code, signal, inputLeft}. */
  async stop({ timeoutMs = 20000 } = {}) {
    if (!this.exit) {
      this.child.kill('SIGTERM');
      const exit = await within(this.exited, timeoutMs);
      if (!exit) {
        this.child.kill('SIGKILL');
        await this.exited;
        this.exit.timedOut = true;
      }
    }
    await this.exited;
    let inputLeft;
    if (this.channel) {
      inputLeft = (await this.channel.checkQueue(this.names.input)).messageCount;
      await this.cleanUp();
    }
    return { ...this.exit, inputLeft };
  }

  /** Hard stop for failures in set-up; never throws. */
  async kill() {
    if (this.child && !this.exit) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    await this.cleanUp().catch(() => {});
  }

  async cleanUp() {
    if (!this.channel) return;
    const ch = this.channel;
    this.channel = undefined;
    for (const kind of [...OUTPUT_KINDS, 'rejected', 'input']) await ch.deleteQueue(this.names[kind]).catch(() => {});
    await ch.deleteExchange(this.names.exchange).catch(() => {});
    await ch.deleteExchange(this.names.deadLetters).catch(() => {});
    await this.connection.close().catch(() => {});
  }
}

/**
 * runService.js as the platform runs it for verifyCredentials, getMetaModel and selectModel:
 * no broker; the result is POSTed to ELASTICIO_POST_RESULT_URL (the fake platform here).
 * Returns {exit, result: {status, data}, lines}.
 */
async function runService(method, { platform, cfg, env = {}, triggerOrAction, modelMethod, timeoutMs = 45000 }) {
  const slot = platform.resultSlot();
  const childEnv = {
    ...baseEnv(),
    ...env,
    LOG_LEVEL: 'debug',
    ELASTICIO_POST_RESULT_URL: slot.url,
    ELASTICIO_CFG: JSON.stringify(cfg),
    ELASTICIO_API_URI: platform.url,
    ELASTICIO_API_USERNAME: platform.username,
    ELASTICIO_API_KEY: platform.apiKey,
  };
  if (triggerOrAction) childEnv.ELASTICIO_ACTION_OR_TRIGGER = triggerOrAction;
  if (modelMethod) childEnv.ELASTICIO_GET_MODEL_METHOD = modelMethod;
  const child = track(spawn(process.execPath, [SAILOR_SERVICE, method], { cwd: COMPONENT_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] }));
  const output = captureOutput(child);
  const exited = new Promise((resolve) => { child.once('exit', (code, signal) => resolve({ code, signal })); });
  const exit = await within(exited, timeoutMs);
  if (!exit) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`runService.js ${method} did not exit within ${timeoutMs} ms:\n${output.lines.map((l) => l.line).join('\n')}`);
  }
  return { exit, result: slot.read(), lines: output.lines.map((l) => l.line) };
}

module.exports = { SailorStep, runService, COMPONENT_ROOT };
