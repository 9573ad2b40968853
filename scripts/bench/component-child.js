// The component under measurement, in a fresh process per scenario: it runs the steps' own
// `process` functions with a context whose emit only counts (what the sailor does, minus AMQP),
// and reports times and its own peak memory. The emulator lives in another process.
'use strict';

const path = require('path');
const { performance } = require('perf_hooks');
const { serve } = require('./rpc');
const { startSampler, resetKernelPeak } = require('./memory');

const sampler = startSampler();
const ROOT = path.join(__dirname, '..', '..');
const STEPS = {
  getNewMail: 'lib/mail/getNewMail.js',
  getNewAndUpdatedEvents: 'lib/calendar/getNewAndUpdatedEvents.js',
  getUpcomingEvents: 'lib/calendar/getUpcomingEvents.js',
  getMailFolderChanges: 'lib/mail/getMailFolderChanges.js',
  getEventChanges: 'lib/calendar/getEventChanges.js',
  getNewAndUpdatedContacts: 'lib/contacts/getNewAndUpdatedContacts.js',
  getContactChanges: 'lib/contacts/getContactChanges.js',
  sendMail: 'lib/mail/sendMail.js',
  replyToMail: 'lib/mail/replyToMail.js',
  forwardMail: 'lib/mail/forwardMail.js',
  createDraft: 'lib/mail/createDraft.js',
  sendDraft: 'lib/mail/sendDraft.js',
  copyMail: 'lib/mail/copyMail.js',
};
const { buildSendMailRequest } = require(path.join(ROOT, 'lib/graph/outgoingMail'));
const { parseMailInput } = require(path.join(ROOT, 'lib/validation/mailInput'));

const load = (step) => require(path.join(ROOT, STEPS[step]));

/** The sailor's `this`, minus AMQP: emit resolves at once and keeps nothing but counts. */
function countingContext() {
  const counts = { data: 0, snapshot: 0, updateKeys: 0, other: 0, warnings: 0, errors: 0 };
  let lastSnapshot;
  let largestSnapshotBytes = 0;
  const quiet = () => {};
  return {
    counts,
    get lastSnapshot() { return lastSnapshot; },
    get largestSnapshotBytes() { return largestSnapshotBytes; },
    emit(event, payload) {
      if (event === 'data') counts.data += 1;
      else if (event === 'snapshot') {
        counts.snapshot += 1;
        lastSnapshot = payload;
        const bytes = Buffer.byteLength(JSON.stringify(payload));
        if (bytes > largestSnapshotBytes) largestSnapshotBytes = bytes;
      } else if (event === 'updateKeys') counts.updateKeys += 1;
      else counts.other += 1;
      return Promise.resolve();
    },
    logger: {
      info: quiet,
      debug: quiet,
      warn: () => { counts.warnings += 1; },
      error: () => { counts.errors += 1; },
    },
  };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

serve({
  memory: () => sampler.read(),

  /** One poll of a trigger: the platform's message, the credential plus step fields, the snapshot. */
  async poll(step, cfg, snapshot = {}) {
    const mod = load(step);
    const context = countingContext();
    if (global.gc) global.gc();
    const liveHeapBefore = process.memoryUsage().heapUsed;
    sampler.reset();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await mod.process.call(context, { id: 'bench', body: {}, headers: {} }, cfg, snapshot);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const memory = sampler.read();
    // What the poll still holds once garbage is gone (the bench forks this child with --expose-gc).
    if (global.gc) global.gc();
    const liveHeapAfterGc = process.memoryUsage().heapUsed;
    return {
      emitted: context.counts.data,
      counts: context.counts,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      snapshot: context.lastSnapshot ?? snapshot,
      largestSnapshotBytes: context.largestSnapshotBytes,
      memory,
      liveHeapBefore,
      liveHeapAfterGc,
    };
  },

  /**
   * `count` sequential sends through the action, each paired with a bare fetch POST of the same
   * body and token to the same emulator; the pair's order alternates so drift cancels out.
   */
  async sendMail(cfg, { count, warmup, graphUrl }) {
    const action = load('sendMail');
    const input = (i) => ({ to: 'pat.external@fabrikam.example', subject: `Bench ${i}`, body: 'A small body from the benchmark.' });
    const bareUrl = `${graphUrl}/v1.0/me/sendMail`;
    const bareHeaders = {
      Authorization: `Bearer ${cfg.oauth.access_token}`,
      'Content-Type': 'application/json',
      Prefer: 'IdType="ImmutableId"',
    };
    const bare = async (i) => {
      const body = JSON.stringify(buildSendMailRequest(parseMailInput(input(i)), []));
      const t0 = performance.now();
      const response = await fetch(bareUrl, { method: 'POST', headers: bareHeaders, body });
      await response.arrayBuffer();
      const ms = performance.now() - t0;
      if (response.status !== 202) throw new Error(`bare sendMail answered ${response.status}`);
      return ms;
    };
    const context = countingContext();
    const component = async (i) => {
      const msg = { id: `bench-${i}`, body: input(i), headers: {} };
      const t0 = performance.now();
      // Like for like with the bare POST: one sendMail request, without the duplicate check (its cost is the guard scenario's).
      const out = await action.process.call(context, msg, { ...cfg, skipDuplicateCheck: true }, {});
      const ms = performance.now() - t0;
      if (!out || !out.body || !out.body.sentAt) throw new Error('sendMail returned no message');
      return ms;
    };
    const diffs = [];
    const componentMs = [];
    const bareMs = [];
    sampler.reset();
    for (let i = 0; i < warmup + count; i += 1) {
      let c;
      let b;
      if (i % 2 === 0) {
        b = await bare(i);
        c = await component(i);
      } else {
        c = await component(i);
        b = await bare(i);
      }
      if (i < warmup) continue;
      componentMs.push(c);
      bareMs.push(b);
      diffs.push(c - b);
    }
    const sorted = (a) => [...a].sort((x, y) => x - y);
    const d = sorted(diffs);
    const c = sorted(componentMs);
    const b = sorted(bareMs);
    return {
      count,
      warmup,
      overheadMedianMs: quantile(d, 0.5),
      overheadP95Ms: quantile(d, 0.95),
      componentMedianMs: quantile(c, 0.5),
      componentP95Ms: quantile(c, 0.95),
      bareMedianMs: quantile(b, 0.5),
      bareP95Ms: quantile(b, 0.95),
      counts: context.counts,
      memory: sampler.read(),
    };
  },

  /**
   * One run of a sending step on `body` (the platform's message `id`), with or without the
   * duplicate check; the bench counts the requests the emulator saw. Returns the step's output.
   */
  async runStep(step, cfg, { id, body, guard }) {
    const out = await load(step).process.call(countingContext(), { id, body, headers: {} }, guard ? cfg : { ...cfg, skipDuplicateCheck: true }, {});
    return out.body;
  },

  /** `count` concurrent GETs spread over `sessions` sessions of one credential (steps of one container). */
  async burst(cfg, { count, sessions, path: requestPath }) {
    const { createSession } = require(path.join(ROOT, 'lib/graph/session'));
    const context = countingContext();
    const list = Array.from({ length: sessions }, () => createSession(cfg, context));
    const t0 = performance.now();
    const results = await Promise.allSettled(Array.from({ length: count }, (_, i) => list[i % sessions].get(requestPath)));
    const failed = results.filter((r) => r.status === 'rejected');
    return {
      count,
      sessions,
      ms: performance.now() - t0,
      ok: results.length - failed.length,
      firstError: failed[0] ? String(failed[0].reason && failed[0].reason.message) : undefined,
      warnings: context.counts.warnings,
    };
  },

  /**
   * Before an attachment is measured: what every container that has talked to Graph for a while
   * has already done. Node's fetch parses answers with a WebAssembly build of llhttp, which V8
   * recompiles with TurboFan once it is hot, a one-time ~24 MB spike (V8 reports its compiler
   * zone); a 1 MB transfer ends before that, a 40 MB one does not, so without this the figures
   * would compare a compiler's warm-up instead of the transfer. Then the kernel's high-water mark
   * is restarted, so the peak is the transfer's own.
   */
  async warmUp(cfg) {
    const { createSession } = require(path.join(ROOT, 'lib/graph/session'));
    const session = createSession(cfg, countingContext());
    for (let i = 0; i < 300; i += 1) await session.get('/me/messages/warm-up/attachments');
    // The recompilation runs on a background thread.
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
    if (global.gc) global.gc();
    return { reset: resetKernelPeak(), memory: sampler.read() };
  },

  /**
   * One file of the incoming message onto a draft, read from the platform's storage. `via`
   * 'session': straight through an upload session, whatever the size (the path whose memory must
   * not grow with the file); 'routed': the way the send-like steps route it (1 MB goes inline).
   */
  async attachSend(cfg, { url, size, via }) {
    const { planAttachments, routeAttachments, downloadAttachments, inlineRoom } = require(path.join(ROOT, 'lib/platform/attachments'));
    const { measureAttachments, openAttachment } = require(path.join(ROOT, 'lib/platform/readAttachment'));
    const { addDraftAttachments } = require(path.join(ROOT, 'lib/platform/draftAttachments'));
    const { uploadLargeAttachment } = require(path.join(ROOT, 'lib/graph/uploadSession'));
    const { createSession } = require(path.join(ROOT, 'lib/graph/session'));
    const context = countingContext();
    if (global.gc) global.gc();
    sampler.reset();
    const t0 = performance.now();
    const session = createSession(cfg, context);
    const draft = parseMailInput({ to: 'pat.external@fabrikam.example', subject: 'Bench attachment', body: 'A file from the benchmark.' });
    const build = (files) => buildSendMailRequest(draft, files).message;
    const [file] = await measureAttachments(planAttachments({ [`file-${size}.bin`]: { url, size, 'content-type': 'application/octet-stream' } }));
    let route = 'session';
    if (via === 'session') {
      const { body } = await session.post('/me/messages', build([]));
      await uploadLargeAttachment(session, `/me/messages/${body.id}`, file, async () => (await openAttachment(file)).stream);
    } else {
      const routes = routeAttachments([file], build);
      route = routes.session.length ? 'session' : routes.post.length ? 'post' : 'inline';
      const inline = await downloadAttachments(routes.inline, inlineRoom(routes.inline, build));
      const { body } = await session.post('/me/messages', build(inline));
      await addDraftAttachments(session, `/me/messages/${body.id}`, routes);
    }
    return { route, ms: performance.now() - t0, memory: sampler.read() };
  },

  /** A mail's attachments streamed from Graph's $value into the platform's storage. */
  async attachStore(cfg, { messageId }) {
    const { storeMailAttachments } = require(path.join(ROOT, 'lib/platform/mailAttachments'));
    const { createSession } = require(path.join(ROOT, 'lib/graph/session'));
    const context = countingContext();
    if (global.gc) global.gc();
    sampler.reset();
    const t0 = performance.now();
    const result = await storeMailAttachments(createSession(cfg, context), `/me/messages/${messageId}`);
    return { stored: result.attachments.map((a) => ({ size: a.size, skipped: a.skipped })), ms: performance.now() - t0, memory: sampler.read() };
  },

  /** The same burst as plain fetches with no limiter: proves the emulator's meter sees more than 4. */
  async bareBurst(token, { count, graphUrl, path: requestPath }) {
    const headers = { Authorization: `Bearer ${token}` };
    const results = await Promise.all(Array.from({ length: count }, async () => {
      const response = await fetch(`${graphUrl}/v1.0${requestPath}`, { headers });
      await response.arrayBuffer();
      return response.status;
    }));
    return { count, statuses: [...new Set(results)] };
  },
});
