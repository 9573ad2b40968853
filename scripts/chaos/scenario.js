'use strict';

// One chaos scenario: a fresh emulator on a virtual clock, one "process" (container) hosting the
// four steps, polls and actions interleaved with arriving and changing mail and events, faults,
// token expiry and rotation, and crashes. At the end faults stop, the triggers drain, and what
// they emitted is compared with the mailbox and calendar as Graph lists them.
const { AsyncLocalStorage } = require('node:async_hooks');
const { startEmulator } = require('../../lib/emulator');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { LOOKBACK_SECONDS } = require('../../lib/graph/cursor');
const getNewMail = require('../../lib/mail/getNewMail');
const getNewAndUpdatedEvents = require('../../lib/calendar/getNewAndUpdatedEvents');
const sendMail = require('../../lib/mail/sendMail');
const createEvent = require('../../lib/calendar/createEvent');
const { installHooks, originalFetch } = require('./hooks');
const { FaultBook, FAULT_STATUSES } = require('./faults');
const { FaultPlan } = require('./plan');
const { TriggerLedger } = require('./ledger');
const { World } = require('./world');
// Further triggers in scenarios of their own making (each: tick, drain, account), plugged in here.
const EXTENSIONS = [require('./delta').deltaTrigger, require('./contactDelta').contactDeltaTrigger, require('./eventDelta').eventDeltaTrigger];
const { ContactsPart } = require('./contacts');
const { MailOpsPart } = require('./mailops');
const { UpcomingPart } = require('./upcoming');
const { EventsPart } = require('./events');
const { SendsPart } = require('./sends');

const DAY = 24 * 3600 * 1000;
/**
 * Virtual time of scenario 0; each scenario starts a day later, over a year from March 2026, so
 * runs cross every DST change of the zones the emulator seeds (spec/emulator/seed-dst.spec.js).
 */
const EPOCH = Date.UTC(2026, 2, 2, 8, 0, 0);
const DATES = 365;
/** A step that takes longer than this (wall clock) is a hang: a bug, reported as such. */
const STEP_WATCHDOG_MS = 30_000;
const REDIRECT_URI = 'https://chaos.elastic.example/callback/oauth2';
/** Which step run a Graph request belongs to, whatever else runs meanwhile. */
const runs = new AsyncLocalStorage();

/** Thrown into a step when the harness kills its process. */
class CrashError extends Error {
  constructor(where) {
    super(`chaos: the process died ${where}`);
    this.name = 'CrashError';
  }
}

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function shuffled(prng, items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = prng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Rejects after `ms` if `promise` has not settled; the timer never keeps the process alive. */
function watchdog(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`chaos: ${what} did not finish within ${ms} ms`);
      err.name = 'WatchdogError';
      reject(err);
    }, ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Scenario {
  /**
   * @param {object} o
   * @param {number} o.index
   * @param {object} o.prng this scenario's random stream
   * @param {object} o.config knobs (see engine.js DEFAULTS)
   * @param {(kind: string, source: string, text: string) => void} [o.collect] receives every log
   *   line, error, emitted message and snapshot, for the leak scan
   * @param {object[]} [o.faultPlan] faults forced at named moments instead of random ones (plan.js)
   */
  constructor({ index, prng, config, collect, faultPlan }) {
    this.index = index;
    this.config = config;
    this.collect = collect || (() => {});
    this.forced = faultPlan ? new FaultPlan(faultPlan) : undefined;
    this.plan = prng.fork('plan');
    this.crashPrng = prng.fork('crash');
    this.clockPrng = prng.fork('clock');
    // A stream of its own, so that adding it left every other draw of a seed as it was.
    this.accessPrng = prng.fork('access');
    this.contactsPrng = prng.fork('contacts');
    this.mailOpsPrng = prng.fork('mailops');
    this.upcomingPrng = prng.fork('upcoming');
    this.eventsPrng = prng.fork('event steps');
    this.sendsPrng = prng.fork('sends');
    this.tag = `s${index}`;
    this.needles = new Set();
    this.start = EPOCH + (index % DATES) * DAY;
    let now = this.start;
    this.clock = { now: () => now, advance: (ms) => { now += Math.max(0, Math.round(ms)); } };
    this.draining = false;
    this.pendingLostRotations = 0;
    this.crashes = [];
    this.issues = [];
    this.stats = {
      polls: 0, failedRuns: 0, graphFaults: 0, rotations: 0, credentialFailures: 0, containers: 0,
      replays: 0, maxSnapshotBytes: 0, sleptMs: 0, faultKinds: {}, multiPagePolls: 0, nextLinkPages: 0, shortenedLookbacks: 0,
      clocks: [], access: '/me',
    };
    /** Per trigger, when its first snapshot was persisted and when the run that did it began (virtual ms). */
    this.firstSnapshot = {};
    this.sends = [];
    this.creates = [];
    this.replayQueue = [];
  }

  issue(kind, detail) {
    this.issues.push({ kind, scenario: this.index, detail });
  }

  // ---- setup ----

  async open() {
    const plan = this.plan;
    this.clientSecret = `chaos~Secret.${this.index}.${plan.int(1e8, 9e8)}-${plan.int(1e8, 9e8)}`;
    this.needles.add(this.clientSecret);
    this.visibilityDelayMs = plan.int(...this.config.visibilityDelayMs);
    this.emu = await startEmulator({
      seed: plan.int(1, 2 ** 30),
      now: this.clock.now,
      mailCount: 20,
      clientId: 'chaos-client-id',
      clientSecret: this.clientSecret,
      visibilityDelayMs: this.visibilityDelayMs,
      accessTokenTtlSeconds: plan.pick([900, 1800, 3600]),
    });
    this.world = new World({
      emu: this.emu, clock: this.clock, prng: plan.fork('world'), tag: this.tag,
      bodyMarker: this.config.bodyMarker, visibilityDelayMs: this.visibilityDelayMs,
    });
    this.faults = new FaultBook({
      control: this.emu.control, prng: plan.fork('faults'), slowMs: this.config.timeoutMs + 60,
      onLostRotation: () => { this.pendingLostRotations += 1; },
      random: !this.forced,
    });
    this.faults.setPhase('calm');
    const crashiness = plan.pick(this.config.crashiness);
    // A plan forces its own crashes: none at random.
    this.crashP = Object.fromEntries(Object.entries(this.config.crash).map(([k, p]) => [k, this.forced ? 0 : p * crashiness]));
    const startTime = new Date(this.start).toISOString();
    this.startIso = startTime.replace('.000Z', 'Z');
    this.chooseClocks();
    this.stats.access = this.accessPrng.weighted(this.config.access);
    const start = { ...(this.noStartTime ? {} : { startTime }), ...this.mailboxField() };
    this.steps = {
      mail: { name: 'getNewMail', module: getNewMail, trigger: true, fields: start, ledger: new TriggerLedger('mail'), keyOf: (b) => b.id },
      events: {
        name: 'getNewAndUpdatedEvents', module: getNewAndUpdatedEvents, trigger: true,
        fields: { ...start, timeZone: plan.pick(['', 'Europe/Berlin', 'Pacific Standard Time']) },
        ledger: new TriggerLedger('events'), keyOf: (b) => `${b.id} ${b.changeKey}`,
      },
      // Send Mail's one-request path, never repeated after a lost answer (sends.js runs the duplicate check).
      send: { name: 'sendMail', module: sendMail, fields: { ...this.mailboxField(), skipDuplicateCheck: true } },
      create: { name: 'createEvent', module: createEvent, fields: this.mailboxField() },
    };
    this.extensions = EXTENSIONS.map((attach) => attach(this));
    // By name too, for a plan's hooks.
    [this.mailChanges, this.contactChanges, this.calendarChanges] = this.extensions;
    this.contacts = this.config.contacts ? new ContactsPart(this) : undefined;
    this.mailOps = this.config.mailOps ? new MailOpsPart(this) : undefined;
    if (this.mailOps) await this.mailOps.seed();
    this.upcoming = this.config.upcoming ? new UpcomingPart(this) : undefined;
    this.eventSteps = this.config.eventSteps ? new EventsPart(this) : undefined;
    this.sending = this.config.sends ? new SendsPart(this) : undefined;
    if (this.sending) await this.sending.open();
    this.persisted = { credential: await this.connect(), snapshots: {} };
    this.uninstall = installHooks({
      origin: this.emu.url,
      sessionOptions: () => ({
        endpoints: { graph: this.emu.url, login: this.emu.url },
        app: { clientId: 'chaos-client-id', clientSecret: this.clientSecret },
        timeoutMs: this.config.timeoutMs,
        sleep: (ms) => {
          this.stats.sleptMs += ms;
          return new Promise((resolve) => { setImmediate(resolve); });
        },
        // A step watching for what Graph does next (a sent mail reaching Sent Items, a new item
        // showing in a list) waits for Graph's clock to move: that time passes, unlike retries'.
        wait: (ms) => {
          const run = runs.getStore();
          if (run && !run.container.dead) this.clock.advance(ms);
          return new Promise((resolve) => { setImmediate(resolve); });
        },
      }),
      intercept: (url, init, realFetch) => this.intercept(url, init, realFetch),
    });
    this.startContainer();
  }

  /**
   * The component's clock is the container's real one, months away from the virtual clock Graph
   * runs on: any decision it took from its own clock would show up here as loss. Some scenarios
   * leave the triggers without a start time (the first cursor must come from Graph's clock), some
   * put a proxy in front of Graph that drops the Date header from every answer or from some, and
   * some get Retry-After as an HTTP date.
   */
  chooseClocks() {
    const c = this.clockPrng;
    this.noStartTime = c.chance(this.config.clocks.noStartTime);
    this.dateHeader = c.weighted(this.config.clocks.dateHeader);
    this.retryAfterDates = c.chance(this.config.clocks.retryAfterDates);
    if (this.noStartTime) this.stats.clocks.push('no start time');
    if (this.dateHeader !== 'kept') this.stats.clocks.push(`Date header ${this.dateHeader}`);
    if (this.retryAfterDates) this.stats.clocks.push('Retry-After as a date');
  }

  /** What a proxy in front of Graph does to an answer: drop Date, rewrite Retry-After as a date. */
  proxied(res) {
    const dropDate = this.dateHeader === 'dropped' || (this.dateHeader === 'sometimes dropped' && this.clockPrng.chance(0.5));
    const retryAfter = res.headers.get('retry-after');
    const datedRetry = this.retryAfterDates && /^\d+$/.test(retryAfter || '');
    if (!dropDate && !datedRetry) return res;
    const headers = new Headers(res.headers);
    // The emulator's Date is its clock floored to the second; a proxy's date counts from it.
    if (datedRetry) headers.set('retry-after', new Date(Math.floor(this.clock.now() / 1000) * 1000 + Number(retryAfter) * 1000).toUTCString());
    if (dropDate) headers.delete('date');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }

  /** The Mailbox field of every step: none for /me; the signed-in user's own mailbox otherwise, in odd letter case. */
  mailboxField() {
    if (this.stats.access === '/me') return {};
    const upn = this.emu.mailboxes.primary;
    return { mailbox: this.accessPrng.chance(0.5) ? upn.toUpperCase() : upn };
  }

  /** The credential fields of a run: the signed-in user's token, or the app's own identity. */
  credentialFields(container) {
    if (this.stats.access === 'app-only') return { authType: 'application', tenantId: this.emu.tenantId };
    return { oauth: clone(container.credential), tenantId: this.emu.tenantId };
  }

  /** From when a trigger must have emitted everything: its start time, else its first snapshot by Graph's clock. */
  sinceIso(step) {
    if (!this.noStartTime) return this.startIso;
    const first = this.firstSnapshot[step.name];
    return new Date(first ? first.at : this.clock.now()).toISOString();
  }

  async close() {
    if (this.sending) await this.sending.close();
    if (this.uninstall) this.uninstall();
    if (this.emu) await this.emu.close();
  }

  /** The user signs in (authorization code flow, as the platform does it): a new credential. */
  async connect() {
    const authorize = new URL(`${this.emu.url}/${this.emu.tenantId}/oauth2/v2.0/authorize`);
    authorize.search = new URLSearchParams({
      client_id: 'chaos-client-id', response_type: 'code', redirect_uri: REDIRECT_URI, state: 'chaos',
      scope: 'offline_access User.Read Mail.ReadWrite Mail.Send Calendars.ReadWrite',
    }).toString();
    const consent = await originalFetch(authorize, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')).searchParams.get('code');
    this.needles.add(code);
    const res = await originalFetch(`${this.emu.url}/${this.emu.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: 'chaos-client-id', client_secret: this.clientSecret,
      }).toString(),
    });
    const token = await res.json();
    if (res.status !== 200) throw new Error(`chaos: could not sign in to the emulator: ${res.status} ${token.error}`);
    this.addTokenNeedles(token);
    return token;
  }

  addTokenNeedles(token) {
    if (!token) return;
    for (const key of ['access_token', 'refresh_token', 'id_token']) if (typeof token[key] === 'string') this.needles.add(token[key]);
  }

  /** A new process: module memory gone, cfg = the credential as last persisted. */
  startContainer() {
    resetTokenMemory();
    this.stats.containers += 1;
    this.container = { id: this.stats.containers, dead: false, credential: clone(this.persisted.credential) };
  }

  // ---- the process boundary: emit, fetch ----

  kill(run, where) {
    run.container.dead = true;
    const crash = { scenario: this.index, step: run.step.name, where, uncovered: 0, redelivered: 0 };
    this.crashes.push(crash);
    if (run.step.ledger) run.step.ledger.crashed(crash);
  }

  contextFor(run) {
    const log = (level) => (message) => {
      const line = String(message);
      if (/look-back .* was shortened/.test(line)) this.stats.shortenedLookbacks += 1;
      if (run.step.onLog) run.step.onLog(level, line, run);
      this.collect('log', `${this.tag} ${run.step.name} ${level}`, line);
    };
    return {
      logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug'), trace: log('trace') },
      emit: (event, payload) => this.onEmit(run, event, payload),
    };
  }

  async onEmit(run, event, payload) {
    if (run.container.dead) throw new CrashError(`before emit(${event})`);
    if (event === 'updateKeys') this.addTokenNeedles(payload && payload.oauth);
    if (!this.draining && event === 'data' && run.step.trigger) {
      // The world goes on while a page is being emitted.
      this.clock.advance(this.crashPrng.int(0, 40));
      this.world.activity(0.01);
      if (this.crashPrng.chance(0.004)) this.emu.control.expireAccessTokens();
    }
    const planned = this.forced ? this.forced.onEmit(run, event, payload, this) : [];
    if (planned.some((entry) => entry.do === 'crash') || (!this.draining && this.crashPrng.chance(this.crashP[event] || 0))) {
      this.kill(run, `in emit(${event})`);
      if (event === 'updateKeys') this.pendingLostRotations += 1;
      throw new CrashError(`in emit(${event})`);
    }
    // Delivered.
    const json = JSON.stringify(payload);
    switch (event) {
      case 'data':
        this.collect('data', `${this.tag} ${run.step.name}`, json);
        if (run.step.trigger && !run.step.delta && this.noStartTime && this.dateHeader === 'kept') this.checkNotEarly(run, payload.body);
        if (run.step.trigger) {
          run.emitted += 1;
          run.step.ledger.deliver(run.step.keyOf(payload.body), run);
          if (run.step === this.steps.mail) this.world.noteEmittedMail(payload.body);
        }
        if (run.step.onData) run.step.onData(payload.body);
        break;
      case 'snapshot':
        this.collect('snapshot', `${this.tag} ${run.step.name}`, json);
        if (!this.firstSnapshot[run.step.name]) this.firstSnapshot[run.step.name] = { at: this.clock.now(), runStart: run.startedAt };
        this.persisted.snapshots[run.step.name] = clone(payload);
        this.stats.maxSnapshotBytes = Math.max(this.stats.maxSnapshotBytes, json.length);
        run.step.ledger.snapshotPersisted();
        if (run.step.onSnapshot) run.step.onSnapshot(payload, run);
        break;
      case 'updateKeys':
        this.persisted.credential = clone(payload.oauth);
        this.stats.rotations += 1;
        break;
      default:
        this.issue('unexpected', `${run.step.name} emitted '${event}'`);
    }
    for (const entry of planned) if (typeof entry.do === 'function') await entry.do(this, payload);
  }

  /** Without a start time, nothing stamped before the second of the first poll may be emitted. */
  checkNotEarly(run, body) {
    const stamp = Date.parse(body.receivedDateTime || body.lastModifiedDateTime);
    const first = this.firstSnapshot[run.step.name];
    const since = Math.floor((first ? first.runStart : run.startedAt) / 1000) * 1000;
    if (stamp < since) this.issue('early', `${run.step.name} emitted "${body.subject}", stamped ${new Date(stamp).toISOString()}, older than its first poll at ${new Date(since).toISOString()}`);
  }

  async intercept(url, init, realFetch) {
    const run = runs.getStore();
    if (!run || run.container.dead) throw new TypeError('fetch failed');
    const auth = new Headers(init.headers).get('authorization');
    if (auth) this.needles.add(auth.replace(/^Bearer\s+/i, ''));
    if (!this.draining) {
      // Time passes and mail keeps arriving between the requests of one poll.
      this.clock.advance(this.crashPrng.int(0, 300));
      if (this.crashPrng.chance(0.15)) this.world.activity(0.3);
      if (this.crashPrng.chance(this.crashP.beforeRequest)) {
        this.kill(run, 'before a Graph request left');
        throw new TypeError('fetch failed');
      }
    }
    const planned = this.forced && this.forced.onRequest(run, (init.method || 'GET').toUpperCase(), url.pathname);
    if (planned && planned.redeliver) run.redeliver = true;
    const crashAfter = (planned && planned.do === 'crash after') || (!this.draining && this.crashPrng.chance(init.method === 'POST' ? this.crashP.afterPost : this.crashP.afterRequest));
    let res;
    try {
      res = await realFetch(url, init);
    } catch (err) {
      // A dropped connection, or no answer within the client's deadline.
      this.countFault(init.signal && init.signal.aborted ? 'timeout' : 'drop');
      throw err;
    }
    if (crashAfter) {
      await res.arrayBuffer().catch(() => undefined);
      this.kill(run, 'after Graph processed a request, before the answer was read');
      throw new TypeError('fetch failed');
    }
    if (planned && planned.do === 'lose answer') {
      // Graph did the work; the connection drops before its answer arrives (a token endpoint's
      // answer lost this way may carry a rotated refresh token, which is then lost too).
      await res.arrayBuffer().catch(() => undefined);
      this.countFault('lost answer (planned)');
      if (/\/oauth2\/v2\.0\/token$/.test(url.pathname)) this.pendingLostRotations += 1;
      throw new TypeError('fetch failed');
    }
    if (res.status === 200 && init.method === 'GET' && /\/(messages|events)$/.test(url.pathname)) {
      run.pages += 1;
      if (url.searchParams.has('$skip')) this.stats.nextLinkPages += 1;
      if (run.pages === 2) this.stats.multiPagePolls += 1;
      // Some of the crowded second's mail is filed away while the poll pages through it.
      if (this.moveWhilePaging && run.pages >= 2 && this.crashPrng.chance(0.5)) this.world.moveMails(1, { from: 'inbox', among: this.moveWhilePaging });
    }
    if (res.status === 500) this.issue('emulator', `${init.method} ${url.pathname} answered 500 with no fault injected`);
    if (FAULT_STATUSES.has(res.status)) this.countFault(`${res.status}${res.status === 429 ? (res.headers.get('retry-after') === null ? ' without Retry-After' : ' with Retry-After') : ''}`);
    return this.proxied(res);
  }

  countFault(kind) {
    this.stats.graphFaults += 1;
    this.stats.faultKinds[kind] = (this.stats.faultKinds[kind] || 0) + 1;
  }

  // ---- running steps ----

  /** Runs one step like sailor would; returns {kind: ok|crash|credential|failed|unexpected, value?}. */
  async runStep(step, msg) {
    if (!this.forced) return this.runOnce(step, msg);
    for (const entry of this.forced.beforeRun(step, msg.id)) await this.applyPlanned(entry);
    const again = clone(msg);
    const result = await this.runOnce(step, msg);
    // A planned fault may have the message delivered again at once, as the broker does when its process died.
    return result.run.redeliver && result.kind !== 'ok' ? this.runStep(step, again) : result;
  }

  /** What a plan's entry does before a run: Graph loses the delta sync states, or its hook changes the world. */
  async applyPlanned(entry) {
    if (entry.do === 'lose sync states') this.emu.control.expireDeltaTokens({ mailbox: this.emu.mailboxes.primary });
    else await entry.do(this);
  }

  /** One delivery of `msg` to `step`, as runStep describes. */
  async runOnce(step, msg) {
    const container = this.container;
    const run = { step, container, message: msg.id, emitted: 0, pages: 0, startedAt: this.clock.now() };
    const cfg = { ...this.credentialFields(container), _account: 'chaos-account', ...step.fields };
    const snapshot = step.trigger ? clone(this.persisted.snapshots[step.name] || {}) : undefined;
    if (step.onStart) step.onStart(run, snapshot);
    let value;
    let error;
    try {
      const processing = runs.run(run, () => Promise.resolve().then(() => step.module.process.call(this.contextFor(run), msg, cfg, snapshot)));
      value = await watchdog(processing, STEP_WATCHDOG_MS, step.name);
    } catch (err) {
      error = err;
    }
    this.faults.sync();
    if (error && error.name === 'WatchdogError') {
      // A hang: keep whatever it still does away from the ledgers, and start a new process.
      container.dead = true;
      this.issue('hang', `${step.name}: ${error.message}`);
      this.startContainer();
      return { kind: 'unexpected', run };
    }
    if (error) this.collect('error', `${this.tag} ${step.name}`, `${error.message}\n${error.stack}`);
    if (step.trigger) this.stats.polls += 1;
    if (container.dead) {
      this.startContainer();
      return { kind: 'crash', run };
    }
    if (!error) {
      if (value) this.collect('data', `${this.tag} ${step.name}`, JSON.stringify(value));
      return { kind: 'ok', value, run };
    }
    if (error.name === 'CredentialError' && /invalid_grant/.test(error.message)) {
      this.stats.credentialFailures += 1;
      if (this.pendingLostRotations > 0) this.pendingLostRotations -= 1;
      else this.issue('credential', `${step.name}: invalid_grant with no rotated token lost: ${error.message}`);
      // The user reconnects the credential: a new consent, a new container.
      this.persisted.credential = await this.connect();
      this.pendingLostRotations = 0;
      this.startContainer();
      return { kind: 'credential', run };
    }
    const status = error.statusCode;
    const transient = (error.name === 'GraphRequestError' && (status === undefined || [429, 500, 502, 503, 504].includes(status)))
      || (error.name === 'CredentialError' && /temporarily unavailable|Could not reach/.test(error.message));
    if (transient) {
      this.stats.failedRuns += 1;
      return { kind: 'failed', run };
    }
    this.issue('unexpected', `${step.name}: ${error.name}: ${error.message}`);
    return { kind: 'unexpected', run };
  }

  poll(step) {
    return this.runStep(step, { id: `poll-${this.tag}-${this.stats.polls}`, body: {}, headers: {} });
  }

  async sendOne() {
    const n = this.sends.length + 1;
    const subject = `chaos ${this.tag} send ${n}`;
    const toSelf = this.plan.chance(0.3);
    const body = {
      to: toSelf ? this.emu.mailboxes.primary : `Partner ${n} <partner${n}@fabrikam.example>`,
      subject,
      body: `Report ${n}. ${this.config.bodyMarker}`,
      importance: this.plan.pick(['low', 'normal', 'high']),
    };
    const result = await this.runStep(this.steps.send, { id: `send-${this.tag}-${n}`, body, headers: {} });
    this.sends.push({ subject, kind: result.kind });
  }

  newCreateInput() {
    const n = this.creates.length + 1;
    const startMs = Math.floor(this.clock.now() / 3600000) * 3600000 + this.plan.int(1, 20) * DAY;
    const local = this.plan.chance(0.5);
    const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const body = {
      subject: `chaos ${this.tag} booking ${n}`,
      start: local ? iso(startMs).slice(0, 19) : iso(startMs),
      end: local ? iso(startMs + 3600000).slice(0, 19) : iso(startMs + 3600000),
      body: `Booked ${n}. ${this.config.bodyMarker}`,
      attendees: this.plan.chance(0.5) ? `Megan <${this.emu.mailboxes.secondary}>, guest${n}@fabrikam.example` : undefined,
    };
    if (local) body.timeZone = this.plan.pick(['Europe/Berlin', 'W. Europe Standard Time', 'UTC']);
    const input = { id: `create-${this.tag}-${n}`, subject: body.subject, body, outcomes: [] };
    this.creates.push(input);
    return input;
  }

  async createOne(input) {
    const result = await this.runStep(this.steps.create, { id: input.id, body: clone(input.body), headers: {} });
    input.outcomes.push(result.kind);
    // The platform redelivers a message whose process died; users re-run failed ones; brokers
    // occasionally deliver a message twice. All of them reuse the message id.
    const replay = { crash: 0.7, failed: 0.3, credential: 0.5, ok: 0.1 }[result.kind] || 0;
    if (!this.draining && this.plan.chance(replay)) this.replayQueue.push(input);
  }

  async replayOne() {
    const input = this.replayQueue.shift();
    this.stats.replays += 1;
    await this.createOne(input);
  }

  // ---- the scenario ----

  async tick() {
    const plan = this.plan;
    if (plan.chance(0.12)) this.faults.setPhase(plan.weighted({ calm: 5, stormy: 4, outage: 1 }));
    if (plan.chance(0.05)) this.faults.armToken(plan.pick(['503', '429', 'drop']));
    if (plan.chance(this.config.lostRotationPerTick)) this.faults.armToken('lost');
    if (plan.chance(0.04)) this.emu.control.expireAccessTokens();
    if (plan.chance(0.03)) this.startContainer();
    if (this.floodAt === this.ticks) await this.flood();
    if (this.crowdAt === this.ticks) await this.crowd();
    this.world.activity(1);
    for (const what of shuffled(plan, ['mail', 'events', 'send', 'create', 'replay'])) {
      if (what === 'mail' && plan.chance(0.75)) await this.poll(this.steps.mail);
      if (what === 'events' && plan.chance(0.55)) await this.poll(this.steps.events);
      if (what === 'send' && plan.chance(0.2)) await this.sendOne();
      if (what === 'create' && plan.chance(0.15)) await this.createOne(this.newCreateInput());
      if (what === 'replay' && this.replayQueue.length && plan.chance(0.5)) await this.replayOne();
    }
    for (const extension of this.extensions) await extension.tick();
    if (this.contacts) await this.contacts.tick();
    if (this.mailOps) await this.mailOps.tick();
    if (this.upcoming) await this.upcoming.tick();
    if (this.eventSteps) await this.eventSteps.tick();
    if (this.sending) await this.sending.tick();
    this.clock.advance(plan.chance(0.06) ? plan.int(180, 900) * 1000 : plan.int(1, 25) * 1000);
  }

  /**
   * Nobody polls for a while (a paused flow, or polls failing through an outage) while mail keeps
   * coming: the next poll finds more than a page of it and pages by its keyset, with faults,
   * crashes and arrivals between the pages.
   */
  async flood() {
    const plan = this.plan;
    const from = this.clock.now();
    // About 2 a second: a page and a half, yet within the look-back the snapshot can remember.
    this.clock.advance(plan.int(10, 14) * 60_000);
    this.world.addMails(plan.int(1100, 1500), { from });
    if (plan.chance(0.3)) this.world.addEvents(plan.int(1100, 1400), { from });
  }

  /**
   * More mail in one second than a page holds, found by a poll catching up after a pause, while
   * Graph times out on large pages (the poll halves its page size down to 50) and mail leaves the
   * Inbox between two pages: the one place the poll pages by offset (@odata.nextLink).
   */
  async crowd() {
    const plan = this.plan;
    const crowded = this.world.addMails(plan.int(110, 150), { sameSecond: true });
    this.clock.advance(plan.int(150, 240) * 1000);
    // 1000 -> 500 -> 250 -> 125 -> 62 -> 50: five halvings, each after six 504s.
    this.faults.arm({ match: { method: 'GET', path: '/messages$' }, kind: 'status', status: 504, retryAfterSeconds: null, times: 30 });
    this.moveWhilePaging = crowded;
    await this.poll(this.steps.mail);
    this.moveWhilePaging = undefined;
  }

  /** No more faults or crashes: replay what waits, let everything become visible, poll until quiet. */
  async drain() {
    this.draining = true;
    this.faults.disable();
    while (this.replayQueue.length) await this.replayOne();
    if (this.eventSteps) await this.eventSteps.drain();
    this.clock.advance(this.visibilityDelayMs + (LOOKBACK_SECONDS + 5) * 1000);
    for (const step of [this.steps.mail, this.steps.events]) {
      let quiet = 0;
      for (let i = 0; i < 8 && quiet < 2; i += 1) {
        const result = await this.poll(step);
        quiet = result.kind === 'ok' && result.run.emitted === 0 ? quiet + 1 : 0;
        this.clock.advance(30_000);
      }
      if (quiet < 2) this.issue('drain', `${step.name} did not settle after the faults stopped`);
    }
    // The contacts part's last upserts first: the contact delta trigger then drains what they changed.
    if (this.contacts) await this.contacts.drain();
    // The sends part's last deliveries before the delta triggers drain, which must see what they changed.
    if (this.sending) await this.sending.drain();
    if (this.mailOps) await this.mailOps.drain();
    if (this.upcoming) await this.upcoming.drain();
    for (const extension of this.extensions) await extension.drain();
  }

  /** Compares what was emitted, sent and created with what Graph holds. */
  async account() {
    const mail = this.steps.mail.ledger;
    const events = this.steps.events.ledger;
    // Without a start time a trigger owes only what arrived after its first poll; what arrived
    // since the scenario began may still have been emitted, so it is known, not phantom.
    const inboxAll = await this.world.inboxSince(this.startIso);
    const inbox = this.noStartTime ? await this.world.inboxSince(this.sinceIso(this.steps.mail)) : inboxAll;
    const expectedMail = new Set(inbox.filter((m) => !this.world.excused.has(m.subject)).map((m) => m.id));
    const knownMail = new Set([...inboxAll.map((m) => m.id), ...this.world.mails.map((m) => m.immutableId).filter(Boolean)]);
    for (const m of this.world.mails) if (m.folder !== 'inbox' && m.immutableId) expectedMail.add(m.immutableId);
    const lostMail = [...expectedMail].filter((id) => mail.timesDelivered(id) === 0);
    for (const id of mail.deliveries.keys()) if (!knownMail.has(id)) this.issue('phantom', `mail ${id.slice(-12)} was emitted but never arrived`);

    const calendarAll = await this.world.eventsSince(this.startIso);
    const calendar = this.noStartTime ? await this.world.eventsSince(this.sinceIso(this.steps.events)) : calendarAll;
    const finalVersions = calendar.map((e) => `${e.id} ${e.changeKey}`);
    const lostEvents = finalVersions.filter((key) => events.timesDelivered(key) === 0);
    // Without a start time and without Graph's Date header the trigger may emit what shares the second
    // of its first poll (the early check is off then): the world's events stamped up to 16 s before
    // the start (2 x the replication delay) are known too, not phantom.
    const early = this.noStartTime && this.dateHeader !== 'kept' ? await this.world.eventsSince(new Date(this.start - 20_000).toISOString().replace('.000Z', 'Z')) : [];
    const eventIds = new Set([...calendarAll, ...early].map((e) => e.id));
    for (const key of events.deliveries.keys()) if (!eventIds.has(key.split(' ')[0]) && !(this.eventSteps && this.eventSteps.removed(key.split(' ')[0]))) this.issue('phantom', `event ${key.slice(-12)} was emitted but is not in the calendar`);

    const subjects = new Map([...inboxAll, ...calendarAll].map((item) => [item.id, item.subject]));
    const sentBySubject = countBy(this.emu.control.sent().map((s) => s.subject));
    let sendsDuplicated = 0;
    const sentTwice = [];
    for (const send of this.sends) {
      const copies = sentBySubject.get(send.subject) || 0;
      if (copies > 1) {
        sendsDuplicated += copies - 1;
        sentTwice.push(`sendMail "${send.subject}" sent ${copies} times`);
      }
      if (send.kind === 'ok' && copies === 0) this.issue('send', `${send.subject} reported sent but Graph has no such mail`);
    }
    const bookedBySubject = countBy(calendarAll.map((e) => e.subject));
    let doubleBooked = 0;
    const bookedTwice = [];
    for (const input of this.creates) {
      const copies = bookedBySubject.get(input.subject) || 0;
      if (copies > 1) {
        doubleBooked += copies - 1;
        bookedTwice.push(`"${input.subject}" booked ${copies} times`);
      }
      if (input.outcomes.includes('ok') && copies === 0) this.issue('create', `${input.subject} reported created but is not in the calendar`);
    }
    const contacts = this.contacts ? this.contacts.account() : { contacts: 0, contactChanges: 0, upserts: 0, upsertReplays: 0, duplicateContacts: 0, duplicateContactDetail: [], lost: 0, duplicated: 0, redelivered: 0, lostDetail: [], duplicateDetail: [] };
    const ops = this.mailOps ? await this.mailOps.account() : { mailOps: 0, mailOpReplays: 0, lost: 0, duplicated: 0, lostDetail: [], duplicateDetail: [] };
    const upcoming = this.upcoming ? this.upcoming.account() : { upcoming: 0, meetingsBooked: 0, meetingMoves: 0, meetingCancellations: 0, lost: 0, duplicated: 0, redelivered: 0, lostDetail: [], duplicateDetail: [] };
    const extended = await Promise.all(this.extensions.map((extension) => extension.account()));
    const sum = (key) => extended.reduce((total, e) => total + e[key], 0);
    const steps = this.eventSteps ? await this.eventSteps.account() : { eventUpdatesRun: 0, cancellations: 0, responses: 0, eventStepReplays: 0, lost: 0, duplicated: 0, lostDetail: [], duplicateDetail: [] };
    const sending = this.sending ? this.sending.account() : { sends: 0, replies: 0, forwards: 0, draftsSent: 0, sendRedeliveries: 0, duplicated: 0, duplicateDetail: [], lost: 0, lostDetail: [] };
    return {
      delta: Object.assign({}, ...extended.map((e) => e.figures)),
      mailOps: ops.mailOps,
      mailOpReplays: ops.mailOpReplays,
      upcoming: upcoming.upcoming,
      meetingsBooked: upcoming.meetingsBooked,
      meetingMoves: upcoming.meetingMoves,
      meetingCancellations: upcoming.meetingCancellations,
      contacts: contacts.contacts,
      contactChanges: contacts.contactChanges,
      upserts: contacts.upserts,
      upsertReplays: contacts.upsertReplays,
      duplicateContacts: contacts.duplicateContacts,
      duplicateContactDetail: contacts.duplicateContactDetail,
      mails: knownMail.size,
      events: eventIds.size,
      eventUpdates: this.world.counts.eventUpdates,
      eventUpdatesRun: steps.eventUpdatesRun,
      cancellations: steps.cancellations,
      responses: steps.responses,
      eventStepReplays: steps.eventStepReplays,
      lost: lostMail.length + lostEvents.length + contacts.lost + upcoming.lost + steps.lost + sum('lost') + sending.lost + ops.lost,
      duplicated: mail.duplicates.length + events.duplicates.length + contacts.duplicated + upcoming.duplicated + steps.duplicated + sum('duplicated') + ops.duplicated,
      redelivered: mail.redelivered + events.redelivered + contacts.redelivered + upcoming.redelivered + sum('redelivered'),
      sends: this.sends.length + sending.sends,
      sendsDuplicated: sendsDuplicated + sending.duplicated,
      sendsDuplicateDetail: [...sentTwice, ...sending.duplicateDetail],
      replies: sending.replies,
      forwards: sending.forwards,
      draftsSent: sending.draftsSent,
      sendRedeliveries: sending.sendRedeliveries,
      eventsCreated: this.creates.length,
      doubleBooked,
      doubleBookedDetail: bookedTwice,
      lostDetail: [...lostMail.map((id) => `mail "${subjects.get(id) || id}"`), ...lostEvents.map((k) => `event "${subjects.get(k.split(' ')[0]) || k}"`), ...contacts.lostDetail, ...sending.lostDetail, ...upcoming.lostDetail, ...steps.lostDetail, ...ops.lostDetail, ...extended.flatMap((e) => e.lostDetail)],
      duplicateDetail: [...[...mail.duplicates, ...events.duplicates].map((k) => `"${subjects.get(k.split(' ')[0]) || k}"`), ...contacts.duplicateDetail, ...upcoming.duplicateDetail, ...steps.duplicateDetail, ...ops.duplicateDetail, ...extended.flatMap((e) => e.duplicateDetail)],
    };
  }

  async run() {
    try {
      await this.open();
      this.floodAt = this.plan.chance(this.config.floodShare) ? this.plan.int(5, this.config.ticks - 5) : -1;
      this.crowdAt = this.plan.chance(this.config.crowdShare) ? this.plan.int(5, this.config.ticks - 5) : -1;
      for (this.ticks = 0; this.ticks < this.config.ticks; this.ticks += 1) await this.tick();
      await this.drain();
      const counts = await this.account();
      return {
        index: this.index,
        ...counts,
        crashes: this.crashes,
        faults: this.stats.graphFaults + this.faults.tokenFaults,
        tokenFaults: this.faults.tokenFaults,
        stats: this.stats,
        issues: this.issues,
        needles: [...this.needles],
        planned: this.forced && this.forced.report(),
      };
    } finally {
      await this.close();
    }
  }
}

function countBy(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
  return counts;
}

module.exports = { Scenario, CrashError };
