'use strict';

// The delta trigger in a chaos scenario: Mail Changes in Folder follows a folder of its own
// (`Clients`, created and deleted changes) while mail is delivered there, old mail is moved in,
// mail is read, flagged, moved out and back in and deleted, Graph loses the sync state now and
// then (410 with each of its codes), and the scenario's faults and crashes hit its polls too.
//
// Accounting, by subject (unique per mail) and the immutable id the trigger emits:
// - lost: a mail in the folder at the end whose last arrival the trigger owed (delivered and
//   received from its start on, or arrived after its first round was fixed) with no `created`;
//   a removal, after a completed poll that had emitted its arrival, with no `deleted`, unless Graph
//   had lost the state then (the README says those cannot be reported). A mail that came and went
//   between two rounds is reported neither way, by Graph itself.
// - each emission beyond a mail's arrivals (or removals) is redelivered after a crash (the
//   at-risk window of the mail triggers, bounded by PERSIST_EVERY), repeated after a resync (the
//   mail was read, flagged or categorised since the resync's boundary: the documented bound), or
//   duplicated, a failure.
const DAY = 24 * 3600 * 1000;
const FOLDER = 'Clients';
const SENDERS = ['lidia.holloway@contoso.example', 'orders@fabrikam.example', 'Patti O\'Brien <patti@tailspin.example>'];
const CODES = ['SyncStateNotFound', 'syncStateNotFound', 'resyncRequired'];

/** The drain of a delta trigger: polls until two in a row emit nothing (at most 8), 30 s apart. */
async function pollUntilQuiet(scenario, name, poll) {
  let quiet = 0;
  for (let i = 0; i < 8 && quiet < 2; i += 1) {
    const result = await poll();
    quiet = result.kind === 'ok' && result.run.emitted === 0 ? quiet + 1 : 0;
    scenario.clock.advance(30_000);
  }
  if (quiet < 2) scenario.issue('drain', `${name} did not settle after the faults stopped`);
}

class DeltaLedger {
  constructor() {
    /** key -> delivery records */
    this.deliveries = new Map();
    this.sinceSnapshot = [];
    this.atRisk = new Map();
  }

  deliver(key, run) {
    const record = { key, resync: run.deltaResync && run.deltaResync[key.split(' ')[0]] };
    const crash = this.atRisk.get(key);
    if (crash) {
      this.atRisk.delete(key);
      record.crash = crash;
    }
    const list = this.deliveries.get(key) || [];
    list.push(record);
    this.deliveries.set(key, list);
    this.sinceSnapshot.push(key);
  }

  snapshotPersisted() {
    this.sinceSnapshot = [];
  }

  crashed(crash) {
    crash.uncovered = this.sinceSnapshot.length;
    for (const key of this.sinceSnapshot) this.atRisk.set(key, crash);
    this.sinceSnapshot = [];
  }
}

class DeltaTrigger {
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.plan.fork('delta');
    this.mails = new Map();
    this.counts = { delivered: 0, movedIn: 0, movedOut: 0, movedBack: 0, deleted: 0, touched: 0, expiries: 0 };
    this.polls = [];
    /** Subject -> when the trigger emitted it as created (virtual ms), each time. */
    this.emittedCreated = new Map();
    this.resyncs = [];
    this.tracking = {};
    this.phase = {};
    this.ledger = new DeltaLedger();
    // The folder, and a first mail in it when the scenario starts.
    const first = this.deliver();
    this.folderId = first.folderId;
    this.step = {
      name: 'getMailFolderChanges', module: require('../../lib/mail/getMailFolderChanges'), trigger: true, delta: true,
      fields: { ...(scenario.noStartTime ? {} : { startTime: scenario.startIso }), ...scenario.mailboxField(), folderId: this.folderId, changeTypes: ['created', 'deleted'] },
      ledger: this.ledger,
      keyOf: (body) => {
        if (body.changeType === 'created') {
          const times = this.emittedCreated.get(body.message.subject) || [];
          times.push(this.s.clock.now());
          this.emittedCreated.set(body.message.subject, times);
        }
        return `${body.changeType} ${body.id}`;
      },
      onStart: (run, snapshot) => this.resyncing(run, snapshot),
      // The trigger says when Graph lost a chain's state, and since when it emits again.
      onLog: (level, line) => {
        const lost = /^Graph no longer has the change-tracking state of (\w+) mail(?:.*\bsince (\S+) is emitted)?/.exec(line);
        if (level !== 'warn' || !lost) return;
        const lastPoll = this.polls[this.polls.length - 1];
        const since = lost[2] ? Date.parse(lost[2]) : (lastPoll ? lastPoll.start : this.s.start);
        this.resyncs.push({ chain: lost[1], since, at: this.s.clock.now(), until: undefined });
      },
      onSnapshot: (snapshot, run) => {
        this.observe(snapshot, run);
        this.resyncing(run, snapshot);
      },
    };
    scenario.steps.mailChanges = this.step;
    // The folder's life goes on during polls too, wherever the scenario moves the world.
    const base = scenario.world.activity.bind(scenario.world);
    scenario.world.activity = (scale) => {
      base(scale);
      this.activity(scale);
    };
  }

  recent() {
    return this.s.clock.now() - this.prng.int(0, 2 * this.s.visibilityDelayMs);
  }

  record(subject) {
    let mail = this.mails.get(subject);
    if (!mail) {
      mail = { subject, restId: undefined, where: 'elsewhere', arrivals: [], removals: [], touches: [], everIn: false };
      this.mails.set(subject, mail);
    }
    return mail;
  }

  /** A new mail in the folder, stamped a little in the past (some listed only a while later) or at `receivedAt`. */
  deliver(receivedAt = this.recent()) {
    const n = (this.counts.delivered += 1) + this.counts.movedIn;
    const subject = `chaos ${this.s.tag} changes ${n}`;
    const added = this.s.emu.control.addMail({ folder: FOLDER, subject, from: this.prng.pick(SENDERS), body: `<p>Order ${n}. ${this.s.config.bodyMarker}</p>`, receivedAt });
    const mail = this.record(subject);
    Object.assign(mail, { restId: added.id, where: 'folder', everIn: true });
    mail.arrivals.push({ at: this.s.clock.now(), how: 'delivered', receivedAt });
    return { folderId: added.parentFolderId, subject };
  }

  /** Old mail (days to a year) filed into the folder from the Archive. */
  moveOldIn() {
    this.counts.movedIn += 1;
    const n = this.counts.delivered + this.counts.movedIn;
    const subject = `chaos ${this.s.tag} changes ${n} (filed)`;
    const receivedAt = this.s.clock.now() - this.prng.int(1, 365) * DAY;
    const old = this.s.emu.control.addMail({ folder: 'archive', subject, from: this.prng.pick(SENDERS), body: `<p>Old order ${n}. ${this.s.config.bodyMarker}</p>`, receivedAt });
    const moved = this.s.emu.control.updateMail(old.id, { moveTo: this.folderId });
    const mail = this.record(subject);
    Object.assign(mail, { restId: moved.id, where: 'folder', everIn: true });
    mail.arrivals.push({ at: this.s.clock.now(), how: 'moved in', receivedAt });
  }

  /**
   * For a fault plan's hook (plan.js): time passes until all mail so far is listed, and a new mail
   * arrives, stamped so that it is listed at once (the next round reports it whatever came before);
   * the part then leaves it alone (never read, moved or deleted). Returns its subject.
   */
  plannedMail() {
    this.s.clock.advance(this.s.visibilityDelayMs + 1000);
    const { subject } = this.deliver(this.s.clock.now() - this.s.visibilityDelayMs - 1000);
    this.mails.get(subject).held = true;
    return subject;
  }

  pick(where) {
    const candidates = [...this.mails.values()].filter((m) => m.where === where && !m.held && (where !== 'archive' || m.everIn));
    return candidates.length ? this.prng.pick(candidates) : undefined;
  }

  moveOut() {
    const mail = this.pick('folder');
    if (!mail) return;
    mail.restId = this.s.emu.control.updateMail(mail.restId, { moveTo: 'archive' }).id;
    mail.where = 'archive';
    mail.removals.push({ at: this.s.clock.now(), how: 'moved out' });
    this.counts.movedOut += 1;
  }

  moveBack() {
    const mail = this.pick('archive');
    if (!mail) return;
    mail.restId = this.s.emu.control.updateMail(mail.restId, { moveTo: this.folderId }).id;
    mail.where = 'folder';
    mail.arrivals.push({ at: this.s.clock.now(), how: 'moved back', receivedAt: undefined });
    this.counts.movedBack += 1;
  }

  remove() {
    const mail = this.pick('folder');
    if (!mail) return;
    this.s.emu.control.deleteMail(mail.restId);
    mail.where = 'deleted';
    mail.removals.push({ at: this.s.clock.now(), how: 'deleted' });
    this.counts.deleted += 1;
  }

  /** Read, flagged or categorised where it is: never an arrival. */
  touch() {
    const mail = this.pick('folder');
    if (!mail) return;
    const change = this.prng.pick([{ isRead: true }, { isRead: false }, { flag: 'flagged' }, { categories: ['Blue category'] }]);
    this.s.emu.control.updateMail(mail.restId, change);
    mail.touches.push(this.s.clock.now());
    this.counts.touched += 1;
  }

  activity(scale = 1) {
    const p = this.prng;
    if (p.chance(0.5 * scale)) for (let i = p.int(1, 4); i > 0; i -= 1) this.deliver();
    if (p.chance(0.25 * scale)) this.moveOldIn();
    if (p.chance(0.25 * scale)) this.touch();
    if (p.chance(0.15 * scale)) this.moveOut();
    if (p.chance(0.08 * scale)) this.moveBack();
    if (p.chance(0.1 * scale)) this.remove();
  }

  /** What the trigger's snapshots say: when each chain began tracking, and each resync. */
  observe(snapshot, run) {
    const now = this.s.clock.now();
    for (const [name, chain] of Object.entries(snapshot.chains || {})) {
      if (chain.phase === 'tracking' && this.tracking[name] === undefined) {
        // The first round was fixed no earlier than its run began, and no later than now.
        this.tracking[name] = { earliest: run ? run.startedAt : now, latest: now };
      }
      if (chain.phase === 'tracking') {
        for (const r of this.resyncs) if (r.chain === name && r.until === undefined) r.until = now;
      }
      this.phase[name] = chain.phase;
    }
    this.from = snapshot.chains && snapshot.chains.created && snapshot.chains.created.from ? Date.parse(snapshot.chains.created.from) : this.from;
  }

  /** Which chains of a run are resynchronising, and since when (its emissions are judged by it). */
  resyncing(run, snapshot) {
    run.deltaResync = {};
    for (const [name, chain] of Object.entries((snapshot && snapshot.chains) || {})) {
      if (chain.phase === 'resync') run.deltaResync[name] = Date.parse(chain.since);
    }
  }

  /** A poll of the trigger; a completed one notes which arrivals it (or a poll before it) emitted. */
  async poll() {
    const start = this.s.clock.now();
    const result = await this.s.poll(this.step);
    if (result.kind === 'ok') this.polls.push({ start, end: this.s.clock.now() });
    return result;
  }

  async tick() {
    // A fault plan (plan.js) loses sync states where it says, not at random.
    if (!this.s.forced && this.prng.chance(0.03)) {
      this.counts.expiries += 1;
      this.s.emu.control.expireDeltaTokens({ mailbox: this.s.emu.mailboxes.primary, code: this.prng.pick(CODES) });
    }
    if (this.prng.chance(0.7)) await this.poll();
  }

  async drain() {
    await pollUntilQuiet(this.s, this.step.name, () => this.poll());
  }

  /** Subject -> immutable id, as Graph lists the folders the mail ended in. */
  async identities() {
    const ids = new Map();
    for (const folder of [this.folderId, 'archive', 'deleteditems']) {
      const items = await this.s.world.graphAll(`/me/mailFolders/${encodeURIComponent(folder)}/messages?$select=id,subject&$top=1000`, 'IdType="ImmutableId"');
      for (const item of items) ids.set(item.id, item.subject);
    }
    return ids;
  }

  async account() {
    const subjectOf = await this.identities();
    const T0 = this.tracking.created;
    const S = this.from;
    const sinceStart = (a) => a.how === 'delivered' && S !== undefined && Math.floor(a.receivedAt / 1000) * 1000 >= S;
    // May be emitted: it arrived after the first round may have been fixed, or less than the
    // replication delay before (a round stops short of a mail not replicated yet, and of what
    // arrived after it, which the next round then reports as new).
    const owedArrival = (a) => sinceStart(a) || (T0 !== undefined && a.at >= T0.earliest - this.s.visibilityDelayMs - 1000);
    // Must be emitted: it arrived after the first round was surely fixed.
    const expectedArrival = (a) => sinceStart(a) || (T0 !== undefined && a.at >= T0.latest + 1000);
    const byKey = new Map();
    for (const [key, records] of this.ledger.deliveries) {
      const [type, id] = key.split(' ');
      const subject = subjectOf.get(id);
      if (!subject || !this.mails.has(subject)) {
        this.s.issue('phantom', `${this.step.name} emitted ${type} for ${id.slice(-12)}, a mail that never was in its folder`);
        continue;
      }
      byKey.set(`${type} ${subject}`, records);
    }
    let lost = 0;
    let duplicated = 0;
    let redelivered = 0;
    let afterResync = 0;
    let unreportable = 0;
    const lostDetail = [];
    const duplicateDetail = [];
    // What a resync may repeat (README): mail read, flagged or categorised since its boundary, which
    // Graph cannot tell from mail moved in then, when the snapshot no longer remembers emitting it.
    const changedSince = (mail, since) => mail.touches.some((t) => t >= since);
    for (const mail of this.mails.values()) {
      for (const type of ['created', 'deleted']) {
        const records = byKey.get(`${type} ${mail.subject}`) || [];
        const allowed = type === 'created' ? mail.arrivals.filter(owedArrival).length : mail.removals.length;
        let extra = Math.max(0, records.length - allowed);
        const crashed = Math.min(extra, records.filter((r) => r.crash).length);
        for (const r of records.filter((x) => x.crash).slice(0, crashed)) r.crash.redelivered += 1;
        redelivered += crashed;
        extra -= crashed;
        const resynced = Math.min(extra, records.filter((r) => r.resync !== undefined && changedSince(mail, r.resync)).length);
        afterResync += resynced;
        extra -= resynced;
        duplicated += extra;
        if (extra) duplicateDetail.push(`${type} "${mail.subject}"`);
      }
      // Owed: its last arrival, if it is still there.
      const last = mail.arrivals[mail.arrivals.length - 1];
      if (mail.where === 'folder' && last && expectedArrival(last) && !(byKey.get(`created ${mail.subject}`) || []).length) {
        lost += 1;
        lostDetail.push(`created "${mail.subject}"`);
      }
      for (const removal of mail.removals) {
        // Known to the trigger: a completed poll before the removal had emitted its last arrival.
        const arrival = mail.arrivals.filter((a) => a.at < removal.at).pop();
        const emitted = arrival && (this.emittedCreated.get(mail.subject) || []).find((at) => at >= arrival.at && at < removal.at);
        const known = emitted !== undefined && this.polls.some((p) => p.end >= emitted && p.end < removal.at);
        if (!known || (byKey.get(`deleted ${mail.subject}`) || []).length) continue;
        if (this.resyncs.some((r) => r.chain === 'deleted' && r.since <= removal.at && removal.at <= (r.until ?? Infinity))) {
          unreportable += 1;
          continue;
        }
        lost += 1;
        lostDetail.push(`deleted "${mail.subject}"`);
      }
    }
    const bound = this.resyncs.filter((r) => r.chain === 'created')
      .reduce((sum, r) => sum + [...this.mails.values()].filter((m) => changedSince(m, r.since)).length, 0);
    const emitted = [...this.ledger.deliveries.values()].reduce((sum, list) => sum + list.length, 0);
    return {
      lost, duplicated, redelivered, lostDetail, duplicateDetail,
      figures: {
        mails: this.mails.size, changes: emitted, ...this.counts, resyncs: this.resyncs.length, afterResync, resyncBound: bound, unreportable,
      },
    };
  }
}

/** Plugged into every scenario by scenario.js. */
function deltaTrigger(scenario) {
  return new DeltaTrigger(scenario);
}

module.exports = { deltaTrigger, pollUntilQuiet, CODES };
