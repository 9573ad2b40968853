#!/usr/bin/env node
// npm run bench: the component's costs against the offline Graph emulator, as ratios within one run.
//
//   node scripts/bench.js [--quick] [--out FILE] [--only mail,events,upcoming,changes,itemChanges,send,guard,burst,load,attach] [--reps N]
//                         [--component-node-options OPTS]
//
// --quick: 10,000 / 1,000 mails, 2,000 events, 2,000 mail changes, 100 sends (CI). --reps: fresh runs per poll size
// (default 3; memory and speed are their median). --component-node-options: NODE_OPTIONS for the
// component's processes only (e.g. "--max-semi-space-size=2"); a NODE_OPTIONS of the bench's own
// environment reaches every child, the emulator's too.
//
// Every scenario runs in two fresh child processes: the emulator (scripts/bench/emulator-child.js,
// or for attachments the specs' fake Maester and Graph stand-in in scripts/bench/attach-child.js)
// and the component (scripts/bench/component-child.js), so the component's peak memory is its own
// and no scenario inherits another's heap. HTTP goes to 127.0.0.1 only. Prints a table, writes JSON
// (default bench-results/bench.json) and exits 1 if a figure misses its aim.
'use strict';

const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const { spawn } = require('./bench/rpc');
const { reportUsageError, UsageError } = require('../lib/cli/usage');
const { changesScenario, changesFigures } = require('./bench/changes');
const { itemChangesScenario, itemChangesFigures } = require('./bench/itemChanges');

const ROOT = path.join(__dirname, '..');
const EMULATOR_CHILD = path.join(__dirname, 'bench', 'emulator-child.js');
const ATTACH_CHILD = path.join(__dirname, 'bench', 'attach-child.js');
const COMPONENT_CHILD = path.join(__dirname, 'bench', 'component-child.js');
const CLIENT = { id: 'emulator-client-id', secret: 'emulator-client-secret' };
/**
 * The emulator answers a fifth concurrent request of a mailbox with 429, so its in-flight meter
 * could never read above 4. The bench raises its gate far above that: the meter then shows what
 * the component really sends, and the component's own limit is what keeps it at 4.
 */
const EMULATOR_GATE = 1000;
const MB = 1024 * 1024;

const FULL = {
  mailLarge: 100000, mailSmall: 10000, events: 20000, reps: 3, sends: 1000, sendWarmup: 50, burst: 50, loads: 5, series: 1000, upcomingHours: 4,
  changesBase: 10000, changes: 10000, changesMoved: 200,
};
const QUICK = {
  mailLarge: 10000, mailSmall: 1000, events: 2000, reps: 3, sends: 100, sendWarmup: 10, burst: 50, loads: 5, series: 1000, upcomingHours: 2,
  changesBase: 2000, changes: 2000, changesMoved: 50,
};
const SCENARIOS = ['mail', 'events', 'upcoming', 'changes', 'itemChanges', 'send', 'guard', 'burst', 'load', 'attach'];
/** Attachment sizes whose peak memory must stay within ATTACH_RSS_SPREAD_MB of each other. */
const ATTACH_SIZES = [1 * MB, 40 * MB, 140 * MB];
const ATTACH_RSS_SPREAD_MB = 30;
/** NODE_OPTIONS of the component's child processes (set from --component-node-options). */
let componentNodeOptions = process.env.NODE_OPTIONS || '';

const USAGE = 'Usage: node scripts/bench.js [--quick] [--out FILE] [--only mail,events,upcoming,changes,itemChanges,send,guard,burst,load,attach] [--reps N] [--component-node-options OPTS]';

/** What each option that takes a value wants, for the message when it is missing or bad. */
const NEEDS = { '--out': 'a file name', '--only': 'scenario names', '--reps': 'a whole number of 1 or more', '--component-node-options': 'Node options' };


function parseArgs(rawArgv) {
  // --name=value is the same as --name value
  const argv = rawArgv.flatMap((arg) => (/^--[a-z-]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const options = { quick: false, out: path.join(ROOT, 'bench-results', 'bench.json'), only: SCENARIOS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--out' && argv[i + 1]) {
      options.out = path.resolve(argv[i + 1]);
      i += 1;
    } else if (arg === '--component-node-options' && argv[i + 1] !== undefined) {
      options.componentNodeOptions = argv[i + 1];
      i += 1;
    } else if (arg === '--reps' && /^[1-9]\d*$/.test(argv[i + 1] || '')) {
      options.reps = Number(argv[i + 1]);
      i += 1;
    } else if (arg === '--only' && argv[i + 1]) {
      options.only = argv[i + 1].split(',');
      const unknown = options.only.filter((s) => !SCENARIOS.includes(s));
      if (unknown.length) throw new UsageError(`--only: unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else {
      throw new UsageError(Object.hasOwn(NEEDS, arg) ? `${arg} needs ${NEEDS[arg]}` : `unknown option ${arg}`);
    }
  }
  return options;
}

const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A fresh emulator process and a fresh component process pointed at it; both closed afterwards. */
async function withProcesses(name, emulatorOptions, run) {
  const emulator = spawn(EMULATOR_CHILD);
  let component;
  try {
    await emulator.ready;
    const info = await emulator.call('start', { seed: 1, maxConcurrentPerMailbox: EMULATOR_GATE, ...emulatorOptions });
    component = spawn(COMPONENT_CHILD, {
      // Only to read the heap a poll leaves behind, after it ends; it changes no GC heuristic.
      execArgv: ['--expose-gc'],
      env: {
        ...process.env,
        NODE_OPTIONS: componentNodeOptions,
        OUTLOOK_GRAPH_BASE_URL: info.url,
        OUTLOOK_LOGIN_BASE_URL: info.url,
        MSAPP_CLIENT_ID: CLIENT.id,
        MSAPP_CLIENT_SECRET: CLIENT.secret,
      },
    });
    await component.ready;
    const started = Date.now();
    const result = await run({ emulator, component, info });
    log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    if (component) await component.close();
    await emulator.close();
  }
}

/** Graph's own count of what a poll should emit, asked by the bench (not the component) before measuring. */
async function countItems(info, token, collectionPath, timeField, fromIso) {
  const filter = encodeURIComponent(`${timeField} ge ${fromIso}`);
  const response = await fetch(`${info.url}/v1.0${collectionPath}?$filter=${filter}&$count=true&$top=1&$select=id`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = await response.json();
  if (typeof body['@odata.count'] !== 'number') throw new Error(`could not count ${collectionPath}: ${JSON.stringify(body).slice(0, 200)}`);
  return body['@odata.count'];
}

/**
 * A trigger's first poll over `count` new items (startTime before them), then an idle poll from
 * the snapshot the first one left; both processes fresh.
 */
async function pollOnce(kind, count, rep) {
  const step = kind === 'mail' ? 'getNewMail' : 'getNewAndUpdatedEvents';
  return withProcesses(`${kind} ${count} #${rep}`, {}, async ({ emulator, component, info }) => {
    const bulk = kind === 'mail'
      ? await emulator.call('addMails', count, { folder: 'Reports', stepMs: 250 })
      : await emulator.call('addEvents', count, { stepMs: 250 });
    const oauth = await emulator.call('issueTokens');
    const startTime = new Date(bulk.first - 60000).toISOString().replace(/\.\d+Z$/, 'Z');
    const cfg = { oauth, tenantId: 'common', startTime };
    if (kind === 'mail') cfg.folderId = bulk.containerId;
    const expected = kind === 'mail'
      ? await countItems(info, oauth.access_token, `/me/mailFolders/${bulk.containerId}/messages`, 'receivedDateTime', startTime)
      : await countItems(info, oauth.access_token, '/me/calendar/events', 'lastModifiedDateTime', startTime);
    const emulatorSeeded = await emulator.call('memory');

    await emulator.call('resetStats');
    const first = await component.call('poll', step, cfg, {});
    const firstStats = await emulator.call('stats');

    await emulator.call('resetStats');
    const idle = await component.call('poll', step, cfg, first.snapshot);
    const idleStats = await emulator.call('stats');
    const emulatorMemory = await emulator.call('memory');
    return {
      expected,
      first: { ...first, snapshot: undefined, requests: firstStats.requests, byRoute: firstStats.byRoute, maxInFlightPerMailbox: firstStats.maxInFlightPerMailbox, throttled: firstStats.throttled },
      idle: { emitted: idle.emitted, ms: idle.ms, requests: idleStats.requests, byRoute: idleStats.byRoute, maxInFlightPerMailbox: idleStats.maxInFlightPerMailbox, throttled: idleStats.throttled },
      snapshotBytes: Buffer.byteLength(JSON.stringify(first.snapshot)),
      emulatorMemory: { afterSeeding: emulatorSeeded, end: emulatorMemory },
    };
  });
}

/**
 * `reps` runs, each in fresh processes. Peak RSS of one run swings by about +-10% with the
 * garbage collector's timing, so memory and speed are the median of the runs; counts must
 * hold in every run (the worst is reported).
 */
async function pollScenario(kind, count, reps) {
  const runs = [];
  for (let rep = 1; rep <= reps; rep += 1) runs.push(await pollOnce(kind, count, rep));
  const pick = (f) => runs.map(f);
  return {
    kind,
    count,
    reps,
    expected: Math.max(...pick((r) => r.expected)),
    emitted: Math.min(...pick((r) => r.first.emitted)),
    requests: Math.max(...pick((r) => r.first.requests)),
    perSecond: median(pick((r) => r.first.emitted / (r.first.ms / 1000))),
    cpuMsPer1000: median(pick((r) => (r.first.cpuMs / r.first.emitted) * 1000)),
    peakRss: median(pick((r) => r.first.memory.maxRss)),
    peakRssRuns: pick((r) => r.first.memory.maxRss),
    liveHeapBefore: median(pick((r) => r.first.liveHeapBefore)),
    liveHeapAfter: median(pick((r) => r.first.liveHeapAfterGc)),
    emulatorPeakRss: Math.max(...pick((r) => r.emulatorMemory.end.maxRss)),
    largestSnapshotBytes: Math.max(...pick((r) => r.first.largestSnapshotBytes)),
    idleRequests: Math.max(...pick((r) => r.idle.requests)),
    idleEmitted: Math.max(...pick((r) => r.idle.emitted)),
    maxInFlightPerMailbox: Math.max(...pick((r) => Math.max(r.first.maxInFlightPerMailbox, r.idle.maxInFlightPerMailbox))),
    throttled: Math.max(...pick((r) => r.first.throttled + r.idle.throttled)),
    runs,
  };
}

async function sendScenario(sizes) {
  return withProcesses(`sendMail ${sizes.sends}`, {}, async ({ emulator, component, info }) => {
    const oauth = await emulator.call('issueTokens');
    await emulator.call('resetStats');
    const result = await component.call('sendMail', { oauth, tenantId: 'common' }, { count: sizes.sends, warmup: sizes.sendWarmup, graphUrl: info.url });
    const stats = await emulator.call('stats');
    return { ...result, requests: stats.requests, maxInFlightPerMailbox: stats.maxInFlightPerMailbox, throttled: stats.throttled, emulatorMemory: await emulator.call('memory') };
  });
}

/**
 * The duplicate check's price: each sending step's (and Copy Mail's) requests to Graph for one mail
 * with the check and without it (the emulator's own count), and what the same message delivered
 * again costs.
 */
async function guardScenario() {
  return withProcesses('send guard', {}, async ({ emulator, component }) => {
    const cfg = { oauth: await emulator.call('issueTokens'), tenantId: 'common' };
    const count = async (step, body, guard, id) => {
      await emulator.call('resetStats');
      const out = await component.call('runStep', step, cfg, { id, body, guard });
      return { requests: (await emulator.call('stats')).requests, out };
    };
    const mail = { to: 'pat.external@fabrikam.example', subject: 'Bench guard', body: 'A small body from the benchmark.' };
    const original = async () => (await emulator.call('addMail', { subject: 'Bench question', from: 'pat.external@fabrikam.example' })).id;
    const steps = {};
    for (const [step, body] of [
      ['sendMail', async () => mail],
      ['replyToMail', async () => ({ messageId: await original(), body: 'Thanks.' })],
      ['forwardMail', async () => ({ messageId: await original(), to: 'colleague@contoso.example', body: 'FYI.' })],
      ['createDraft', async () => mail],
      ['sendDraft', async (guard) => ({ messageId: (await count('createDraft', mail, false, `bench-draft-${guard}`)).out.id })],
      ['copyMail', async () => ({ messageId: await original(), destinationFolderId: 'archive' })],
    ]) {
      const input = await body(true);
      const on = await count(step, input, true, `bench-${step}-on`);
      const off = await count(step, await body(false), false, `bench-${step}-off`);
      const again = await count(step, input, true, `bench-${step}-on`);
      steps[step] = { guarded: on.requests, unguarded: off.requests, extra: on.requests - off.requests, redelivered: again.requests, alreadyDone: Boolean(again.out.alreadySent || again.out.alreadyCreated || again.out.alreadyCopied) };
    }
    return steps;
  });
}

/**
 * Concurrent GETs through one session, then through five sessions of the same credential (five
 * steps of one container), each answer held 20 ms by the emulator so requests pile up; then the
 * same burst as bare fetches, to show the meter does read above 4 when nothing limits.
 */
async function burstScenario(sizes) {
  const requestPath = '/me/messages?$top=1&$select=id';
  return withProcesses(`burst ${sizes.burst}`, {}, async ({ emulator, component, info }) => {
    const oauth = await emulator.call('issueTokens');
    const cfg = { oauth, tenantId: 'common' };
    await emulator.call('setFaults', [{ match: { method: 'GET', path: '^/me/messages$' }, kind: 'delay', delayMs: 20 }]);
    const runs = {};
    for (const sessions of [1, 5]) {
      await emulator.call('resetStats');
      const result = await component.call('burst', cfg, { count: sizes.burst, sessions, path: requestPath });
      const stats = await emulator.call('stats');
      runs[`sessions${sessions}`] = { ...result, requests: stats.requests, maxInFlightPerMailbox: stats.maxInFlightPerMailbox, throttled: stats.throttled };
    }
    await emulator.call('resetStats');
    const bare = await component.call('bareBurst', oauth.access_token, { count: sizes.burst, graphUrl: info.url, path: requestPath });
    const bareStats = await emulator.call('stats');
    runs.bare = { ...bare, requests: bareStats.requests, maxInFlightPerMailbox: bareStats.maxInFlightPerMailbox };
    return runs;
  });
}

/**
 * One attachment moved by a fresh component process, with the storage and Graph stand-ins in a
 * fresh process of their own: 'send' reads the file from the storage onto a draft (through an
 * upload session, or routed as the steps do), 'store' streams a mail's attachment from Graph's
 * $value into the storage. The component gets the platform's storage variables and the raised
 * per-file limit, as an installation that takes 140 MB files would set them.
 */
async function attachOnce(kind, size, via, rep) {
  const standIns = spawn(ATTACH_CHILD);
  let component;
  try {
    await standIns.ready;
    const info = await standIns.call('start');
    component = spawn(COMPONENT_CHILD, {
      execArgv: ['--expose-gc'],
      env: {
        ...process.env,
        ...info.storageEnv,
        NODE_OPTIONS: componentNodeOptions,
        OUTLOOK_GRAPH_BASE_URL: info.graphUrl,
        OUTLOOK_LOGIN_BASE_URL: info.graphUrl,
        OUTLOOK_ATTACHMENT_MAX_BYTES: '150000000',
        MSAPP_CLIENT_ID: CLIENT.id,
        MSAPP_CLIENT_SECRET: CLIENT.secret,
      },
    });
    await component.ready;
    // A token that stays valid for the run: the stand-in has no token endpoint.
    const cfg = { oauth: { access_token: 'bench-token', refresh_token: 'bench-refresh', token_type: 'Bearer', expires_at: new Date(Date.now() + 3600e3).toISOString() }, tenantId: 'common' };
    const seed = 60 + rep;
    const started = Date.now();
    const warm = await component.call('warmUp', cfg);
    let result;
    if (kind === 'send') {
      const url = await standIns.call('seedFile', size, seed);
      result = await component.call('attachSend', cfg, { url, size, via });
    } else {
      await standIns.call('addAttachment', 'bench-mail', size, seed);
      result = await component.call('attachStore', cfg, { messageId: 'bench-mail' });
    }
    const check = await standIns.call('check', kind, size, seed);
    log(`  attach ${kind}${via ? ` (${via})` : ''} ${Math.round(size / MB)} MB #${rep}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ...result, check, warm };
  } finally {
    if (component) await component.close();
    await standIns.close();
  }
}

/** Every size each way, `reps` times in fresh processes; peak RSS is the median of the runs. */
async function attachScenario(sizes) {
  const cases = [
    ...ATTACH_SIZES.map((size) => ({ kind: 'send', via: 'session', size })),
    { kind: 'send', via: 'routed', size: ATTACH_SIZES[0] },
    ...ATTACH_SIZES.map((size) => ({ kind: 'store', size })),
  ];
  const results = [];
  for (const c of cases) {
    const runs = [];
    for (let rep = 1; rep <= sizes.reps; rep += 1) runs.push(await attachOnce(c.kind, c.size, c.via, rep));
    results.push({
      ...c,
      // The transfer's own peak (the kernel's, restarted after the warm-up); the process's whole-life peak beside it.
      peakRss: median(runs.map((r) => (r.warm.reset ? r.memory.hwm : r.memory.maxRss))),
      peakRssRuns: runs.map((r) => (r.warm.reset ? r.memory.hwm : r.memory.maxRss)),
      lifetimePeakRss: median(runs.map((r) => r.memory.maxRss)),
      warmRss: median(runs.map((r) => r.warm.memory.rss)),
      ms: median(runs.map((r) => r.ms)),
      route: runs[0].route,
      intact: runs.every((r) => r.check.intact),
      puts: runs[0].check.puts,
      largestPut: runs[0].check.largestPut,
      authorizationOnPuts: runs.some((r) => r.check.authorizationOnPuts),
    });
  }
  return results;
}

/**
 * Events Starting Soon on a busy calendar: `sizes.series` recurring series (60% at 09:00, everyone's
 * stand-up, the rest every 5 minutes from 08:00 on; daily and weekdays), polled once a minute of
 * Graph's clock (the emulator's, moved by the bench) for `sizes.upcomingHours` hours from 07:30
 * with the default 15 minutes before start, each poll from the snapshot the last one left. Two
 * stand-ups are moved to 10:30 after they were emitted. What was emitted is counted against the
 * occurrences the calendar shows starting in the polled span.
 */
async function upcomingScenario(sizes) {
  const MINUTE = 60000;
  const t0 = Date.UTC(2026, 11, 1, 7, 30);
  return withProcesses(`upcoming ${sizes.series} series`, { clockAt: t0, mailCount: 0 }, async ({ emulator, component }) => {
    const owner = await emulator.call('createUser', { userPrincipalName: 'busy@contoso.example', displayName: 'Busy' });
    const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    const range = { type: 'noEnd', startDate: '2026-11-02' };
    const daily = { pattern: { type: 'daily', interval: 1 }, range };
    const weekdays = { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }, range };
    const list = [];
    for (let i = 0; i < sizes.series; i += 1) {
      const start = i < sizes.series * 0.6 ? Date.UTC(2026, 10, 2, 9, 0) : Date.UTC(2026, 10, 2, 8, 0) + (i % 120) * 5 * MINUTE;
      list.push({ mailbox: owner, subject: `Series ${i}`, start: wall(start), end: wall(start + 30 * MINUTE), recurrence: i % 2 ? daily : weekdays, createdAt: t0 - 30 * 24 * 60 * MINUTE });
    }
    await emulator.call('addEventList', list);
    const cfg = { oauth: await emulator.call('issueTokens', { mailbox: owner }), tenantId: 'common', timeZone: 'Europe/Berlin' };
    const end = t0 + sizes.upcomingHours * 60 * MINUTE;
    const polls = [];
    let snapshot = {};
    let moved = 0;
    for (let t = t0; t <= end; t += MINUTE) {
      await emulator.call('setClock', t);
      if (!moved && t >= Date.UTC(2026, 11, 1, 8, 50)) {
        const standups = await emulator.call('calendarView', { mailbox: owner, startMs: Date.UTC(2026, 11, 1, 9, 0), endMs: Date.UTC(2026, 11, 1, 9, 1) });
        for (const o of standups.slice(0, 2)) await emulator.call('updateEvent', o.id, { start: wall(Date.UTC(2026, 11, 1, 10, 30)), end: wall(Date.UTC(2026, 11, 1, 11, 0)) });
        moved = 2;
      }
      await emulator.call('resetStats');
      const poll = await component.call('poll', 'getUpcomingEvents', cfg, snapshot);
      const stats = await emulator.call('stats');
      snapshot = poll.snapshot;
      polls.push({ at: t, emitted: poll.emitted, requests: stats.requests, largestSnapshotBytes: poll.largestSnapshotBytes, ms: poll.ms, maxRss: poll.memory.maxRss, warnings: poll.counts.warnings });
    }
    // Due by the last poll: starts from the first poll on, up to 15 minutes past the last.
    const view = await emulator.call('calendarView', { mailbox: owner, startMs: t0, endMs: end + 15 * MINUTE + 1 });
    const starts = (e) => Date.parse(`${e.start.dateTime.slice(0, 19)}Z`);
    const expected = view.filter((e) => !e.isCancelled && starts(e) >= t0 && starts(e) <= end + 15 * MINUTE).length + moved;
    const pick = (f) => polls.map(f);
    return {
      series: sizes.series,
      moved,
      polls: polls.length,
      expected,
      emitted: pick((p) => p.emitted).reduce((a, b) => a + b, 0),
      requestsMax: Math.max(...pick((p) => p.requests).slice(1)),
      requestsFirst: polls[0].requests,
      requestsMean: pick((p) => p.requests).reduce((a, b) => a + b, 0) / polls.length,
      largestSnapshotBytes: Math.max(...pick((p) => p.largestSnapshotBytes)),
      busiestPoll: Math.max(...pick((p) => p.emitted)),
      pollMsMedian: median(pick((p) => p.ms)),
      peakRss: Math.max(...pick((p) => p.maxRss)),
      warnings: pick((p) => p.warnings).reduce((a, b) => a + b, 0),
    };
  });
}

/** Each step's module required in a fresh `node`, timed inside the child around the require. */
function loadScenario(sizes) {
  const component = JSON.parse(fs.readFileSync(path.join(ROOT, 'component.json'), 'utf8'));
  const modules = [
    ...Object.entries(component.triggers || {}).map(([id, def]) => ({ id, file: def.main })),
    ...Object.entries(component.actions || {}).map(([id, def]) => ({ id, file: def.main })),
    { id: 'verifyCredentials', file: './verifyCredentials.js' },
  ];
  const code = 'const p=process.argv[1];const t=process.hrtime.bigint();require(p);'
    + 'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))';
  const started = Date.now();
  const results = modules.map(({ id, file }) => {
    const abs = path.resolve(ROOT, file);
    const runs = Array.from({ length: sizes.loads }, () => Number(execFileSync(process.execPath, ['-e', code, abs], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: componentNodeOptions },
    })));
    return { id, file, runsMs: runs.map((ms) => round(ms, 1)), medianMs: median(runs) };
  });
  log(`  module loads: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results;
}

function figuresOf(results, sizes) {
  const figures = [];
  const add = (id, label, value, unit, aim) => {
    let pass = null;
    if (aim) pass = value !== null && value !== undefined && !Number.isNaN(value) && aim.test(value);
    figures.push({ id, label, value, unit, aim: aim ? aim.text : '', pass });
  };
  const max = (limit) => ({ text: `<= ${limit}`, test: (v) => v <= limit });
  const below = (limit) => ({ text: `< ${limit}`, test: (v) => v < limit });
  const exactly = (want) => ({ text: `= ${want}`, test: (v) => v === want });
  const above = (limit, note) => ({ text: `> ${limit}${note ? ` (${note})` : ''}`, test: (v) => v > limit });

  /**
   * One page of up to 1,000 per request is the floor, and the aim is 5% above it. The poll pages
   * by time (`ge` the last second seen), so each page re-reads the few items of the second it
   * ended in; with fewer than 20 pages that costs one request more than 5%, so there the aim is
   * the floor plus one request.
   */
  const requestsAim = (n) => {
    const floorPlusOne = ((Math.ceil(n / 1000) + 1) / n) * 1000;
    if (floorPlusOne <= 1.05) return max(1.05);
    const limit = round(floorPlusOne, 3);
    return { text: `<= ${limit} (floor + 1 request)`, test: (v) => v <= limit };
  };
  const poll = (key, noun) => {
    const r = results[key];
    if (!r) return;
    const tag = `${noun} ${r.count.toLocaleString('en-US')}`;
    const of = r.reps > 1 ? ` (median of ${r.reps})` : '';
    add(`${key}.emitted`, `${tag}: emitted (Graph counts ${r.expected})`, r.emitted, '', exactly(r.expected));
    add(`${key}.requestsPer1000`, `${tag}: Graph requests per 1,000 emitted`, round((r.requests / r.emitted) * 1000, 3), '', requestsAim(r.count));
    add(`${key}.perSecond`, `${tag}: ${noun === 'mail' ? 'mails' : 'events'} emitted per second${of}`, Math.round(r.perSecond), '/s');
    add(`${key}.cpuMsPer1000`, `${tag}: component CPU per 1,000 emitted${of}`, round(r.cpuMsPer1000, 1), 'ms');
    add(`${key}.peakRss`, `${tag}: component peak RSS${of}`, round(r.peakRss / MB, 1), 'MB', below(200));
    add(`${key}.liveHeap`, `${tag}: component heap after the poll, forced GC (before: ${round(r.liveHeapBefore / MB, 1)} MB)`, round(r.liveHeapAfter / MB, 1), 'MB');
    add(`${key}.emulatorRss`, `${tag}: emulator peak RSS (its own process)`, round(r.emulatorPeakRss / MB, 1), 'MB');
    add(`${key}.snapshotBytes`, `${tag}: largest snapshot`, r.largestSnapshotBytes, 'B', max(5120));
    add(`${key}.idleRequests`, `${tag}: idle poll, requests`, r.idleRequests, '', exactly(1));
    add(`${key}.idleEmitted`, `${tag}: idle poll, emitted`, r.idleEmitted, '', exactly(0));
  };
  poll('mailSmall', 'mail');
  poll('mailLarge', 'mail');
  if (results.mailSmall && results.mailLarge) {
    const ratio = results.mailLarge.peakRss / results.mailSmall.peakRss;
    add('mail.rssRatio', `mail: peak RSS at ${sizes.mailLarge.toLocaleString('en-US')} / at ${sizes.mailSmall.toLocaleString('en-US')}`, round(ratio, 3), '', max(1.1));
  }
  poll('events', 'events');
  const changesInFlight = changesFigures(results.changes, { add, exactly, max, requestsAim, round });
  const itemChangesInFlight = itemChangesFigures(results.itemChanges, { add, exactly, max, round });

  const u = results.upcoming;
  if (u) {
    const tag = `upcoming, ${u.series.toLocaleString('en-US')} recurring series, ${u.polls} polls a minute apart`;
    add('upcoming.emitted', `${tag}: occurrences emitted (due: ${u.expected}, ${u.moved} of them moved stand-ups again)`, u.emitted, '', exactly(u.expected));
    add('upcoming.requestsMax', `${tag}: Graph requests per poll, most (the first poll: ${u.requestsFirst})`, u.requestsMax, '', max(4));
    add('upcoming.requestsMean', `${tag}: Graph requests per poll, mean`, round(u.requestsMean, 3), '');
    add('upcoming.snapshotBytes', `${tag}: largest snapshot`, u.largestSnapshotBytes, 'B', max(5120));
    add('upcoming.busiestPoll', `${tag}: most occurrences emitted by one poll`, u.busiestPoll, '');
    add('upcoming.pollMs', `${tag}: poll time, median`, round(u.pollMsMedian, 1), 'ms');
    add('upcoming.peakRss', `${tag}: component peak RSS`, round(u.peakRss / MB, 1), 'MB', below(200));
  }

  const s = results.send;
  if (s) {
    add('send.overheadMedian', `sendMail x${s.count}: component minus bare, median`, round(s.overheadMedianMs, 3), 'ms', below(2));
    add('send.overheadP95', `sendMail x${s.count}: component minus bare, p95`, round(s.overheadP95Ms, 3), 'ms');
    add('send.componentMedian', `sendMail x${s.count}: component call, median`, round(s.componentMedianMs, 3), 'ms');
    add('send.bareMedian', `sendMail x${s.count}: bare fetch POST, median`, round(s.bareMedianMs, 3), 'ms');
  }

  for (const [step, g] of Object.entries(results.guard || {})) {
    // Copy Mail looks twice: for its own mark, and for a copy anyone made (by Message-ID).
    add(`guard.${step}.extraRequests`, `${step}: extra Graph requests per mail for the duplicate check (${g.guarded} with it, ${g.unguarded} without)`, g.extra, '', max(step === 'copyMail' ? 3 : 2));
    add(`guard.${step}.redelivered`, `${step}: requests when the same message is delivered again (found, not repeated: ${g.alreadyDone ? 'yes' : 'no'})`, g.redelivered, '', { text: 'found', test: () => g.alreadyDone });
  }

  const b = results.burst;
  if (b) {
    add('burst.oneSession', `burst of ${b.sessions1.count} GETs, one session: max in flight`, b.sessions1.maxInFlightPerMailbox, '', max(4));
    add('burst.fiveSessions', `burst of ${b.sessions5.count} GETs, five sessions of one credential: max in flight`, b.sessions5.maxInFlightPerMailbox, '', max(4));
    add('burst.ok', `burst: requests answered 2xx (of ${b.sessions1.count + b.sessions5.count})`, b.sessions1.ok + b.sessions5.ok, '', exactly(b.sessions1.count + b.sessions5.count));
    add('burst.meter', `meter check: bare burst of ${b.bare.count} fetches, max in flight`, b.bare.maxInFlightPerMailbox, '', above(4, 'meter sees it'));
  }
  const inFlight = [];
  for (const key of ['mailSmall', 'mailLarge', 'events']) {
    if (results[key]) inFlight.push(results[key].maxInFlightPerMailbox);
  }
  if (changesInFlight !== undefined) inFlight.push(changesInFlight);
  if (itemChangesInFlight !== undefined) inFlight.push(itemChangesInFlight);
  if (s) inFlight.push(s.maxInFlightPerMailbox);
  if (b) inFlight.push(b.sessions1.maxInFlightPerMailbox, b.sessions5.maxInFlightPerMailbox);
  if (inFlight.length) add('maxInFlight', 'max requests in flight per mailbox, all component scenarios', Math.max(...inFlight), '', max(4));

  const attach = results.attach || [];
  for (const a of attach) {
    const what = a.kind === 'send'
      ? `attachment ${Math.round(a.size / MB)} MB from storage onto a draft${a.via === 'routed' ? `, routed (${a.route})` : ', upload session'}`
      : `attachment ${Math.round(a.size / MB)} MB from Graph into storage`;
    add(`attach.${a.kind}${a.via === 'routed' ? 'Routed' : ''}.${Math.round(a.size / MB)}MB.peakRss`, `${what}: component peak RSS after warm-up (RSS then ${round(a.warmRss / MB, 1)} MB; whole-life peak ${round(a.lifetimePeakRss / MB, 1)} MB), median of ${a.peakRssRuns.length}`, round(a.peakRss / MB, 1), 'MB');
    add(`attach.${a.kind}${a.via === 'routed' ? 'Routed' : ''}.${Math.round(a.size / MB)}MB.intact`, `${what}: arrived byte for byte in every run`, a.intact ? 'yes' : 'no', '', { text: '= yes', test: (v) => v === 'yes' });
    if (a.kind === 'send' && a.via === 'session') {
      add(`attach.send.${Math.round(a.size / MB)}MB.puts`, `${what}: PUTs (largest ${a.largestPut.toLocaleString('en-US')} bytes, Authorization on none: ${a.authorizationOnPuts ? 'no' : 'yes'})`, a.puts, '', { text: `= ${Math.ceil(a.size / 3932160)}, none authorised`, test: (v) => v === Math.ceil(a.size / 3932160) && !a.authorizationOnPuts && a.largestPut < 4000000 });
    }
  }
  for (const kind of ['send', 'store']) {
    const peaks = attach.filter((a) => a.kind === kind && a.via !== 'routed').map((a) => a.peakRss / MB);
    if (peaks.length === ATTACH_SIZES.length) {
      add(`attach.${kind}.rssSpread`, `attachments ${kind === 'send' ? 'sent' : 'stored'} at 1, 40 and 140 MB: largest minus smallest peak RSS`, round(Math.max(...peaks) - Math.min(...peaks), 1), 'MB', max(ATTACH_RSS_SPREAD_MB));
    }
  }

  for (const m of results.load || []) {
    add(`load.${m.id}`, `cold require of ${m.file} (median of ${m.runsMs.length})`, round(m.medianMs, 1), 'ms', below(200));
  }
  return figures;
}

/** The commit lib/ was built from, if this is a git checkout (read-only; lib/ may hold uncommitted work). */
function headCommit() {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function printTable(figures) {
  const rows = figures.map((f) => [
    f.label,
    `${typeof f.value === 'number' ? f.value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(f.value)}${f.unit ? ` ${f.unit}` : ''}`,
    f.aim || '-',
    f.pass === null ? 'info' : f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'aim', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  log('');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = { ...(options.quick ? QUICK : FULL), ...(options.reps ? { reps: options.reps } : {}) };
  if (options.componentNodeOptions !== undefined) componentNodeOptions = `${process.env.NODE_OPTIONS || ''} ${options.componentNodeOptions}`.trim();
  const started = Date.now();
  log(`Outlook component bench (${options.quick ? 'quick' : 'full'}) on ${os.cpus().length} CPU(s), Node ${process.version}`
    + `${componentNodeOptions ? `; component NODE_OPTIONS="${componentNodeOptions}"` : ''}`);
  const results = {};
  const want = (name) => options.only.includes(name);
  if (want('mail')) {
    results.mailSmall = await pollScenario('mail', sizes.mailSmall, sizes.reps);
    results.mailLarge = await pollScenario('mail', sizes.mailLarge, sizes.reps);
  }
  if (want('events')) results.events = await pollScenario('events', sizes.events, sizes.reps);
  if (want('upcoming')) results.upcoming = await upcomingScenario(sizes);
  if (want('changes')) results.changes = await changesScenario({ withProcesses, sizes });
  if (want('itemChanges')) results.itemChanges = await itemChangesScenario({ withProcesses, sizes });
  if (want('send')) results.send = await sendScenario(sizes);
  if (want('guard')) results.guard = await guardScenario();
  if (want('burst')) results.burst = await burstScenario(sizes);
  if (want('load')) results.load = loadScenario(sizes);
  if (want('attach')) results.attach = await attachScenario(sizes);

  const figures = figuresOf(results, sizes);
  const durationMs = Date.now() - started;
  printTable(figures);
  const failed = figures.filter((f) => f.pass === false);
  log('');
  log(`${failed.length ? `${failed.length} figure(s) missed their aim` : 'every figure met its aim'}; ${(durationMs / 1000).toFixed(1)} s in all`);

  const report = {
    mode: options.quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationMs,
    commit: headCommit(),
    nodeOptions: process.env.NODE_OPTIONS || '',
    componentNodeOptions,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0] && os.cpus()[0].model, totalMemMB: Math.round(os.totalmem() / MB), node: process.version, platform: `${os.platform()} ${os.release()}` },
    sizes,
    emulatorGate: EMULATOR_GATE,
    figures,
    results,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  log(`written ${path.relative(process.cwd(), options.out) || options.out}`);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((err) => {
  if (reportUsageError(err, USAGE)) return;
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 2;
});
