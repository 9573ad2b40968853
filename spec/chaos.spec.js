'use strict';

// "Prove it", part 1, inside `npm test`: the short fixed-seed version of `npm run chaos`
// (scripts/chaos.js), plus proof that the harness notices the bugs it is there to catch, and the
// one loss it found, reproduced on its own.
const { expect } = require('chai');
const { startEmulator } = require('../lib/emulator');
const cursor = require('../lib/graph/cursor');
const { GraphSession } = require('../lib/graph/session');
const getNewMail = require('../lib/mail/getNewMail');
const verifyCredentials = require('../verifyCredentials');
const { runChaos, verdict, summaryLine } = require('../scripts/chaos/engine');
const deltaState = require('../lib/graph/deltaState');
const { installHooks } = require('../scripts/chaos/hooks');

function report(totals) {
  return [summaryLine(totals), ...totals.details, ...totals.issues.map((i) => `scenario ${i.scenario} ${i.kind}: ${i.detail}`)].join('\n');
}

/** Runs `body` with `object[name]` replaced, then puts it back. */
async function withPatch(object, name, replacement, body) {
  const original = object[name];
  object[name] = replacement(original);
  try {
    return await body();
  } finally {
    object[name] = original;
  }
}

describe('chaos: polls, sends and bookings under faults, crashes and token rotation (scripts/chaos)', function () {
  this.timeout(120000);

  it('npm run chaos -- --scenarios 5 --seed 1: nothing lost, nothing duplicated, no mail sent twice, no event booked twice', async () => {
    const totals = await runChaos({ seed: 1, scenarios: 5 });
    expect(verdict(totals), report(totals)).to.deep.equal([]);
    expect(totals, report(totals)).to.include({
      lost: 0, duplicated: 0, sendsDuplicated: 0, doubleBooked: 0, boundExceeded: 0,
    });
    // ... and the run did what it claims: traffic, faults, crashes, redeliveries, rotations.
    expect(totals.mails).to.be.above(1000);
    expect(totals.events).to.be.above(50);
    expect(totals.faults).to.be.above(50);
    expect(totals.crashes).to.be.above(5);
    expect(totals.redelivered).to.be.above(0);
    expect(totals.sends).to.be.above(10);
    expect(totals.eventsCreated).to.be.above(5);
    expect(totals.rotations).to.be.above(5);
    // The delta trigger's folder: moves in and out, deletions, lost sync states, crashes in its polls.
    expect(totals.delta.changes).to.be.above(100);
    expect(totals.delta.movedIn + totals.delta.movedBack).to.be.above(10);
    expect(totals.delta.movedOut + totals.delta.deleted).to.be.above(10);
    expect(totals.delta.resyncs).to.be.above(0);
    expect(Object.keys(totals.crashSites).some((site) => site.startsWith('getMailFolderChanges'))).to.equal(true);
    // Contact Changes follows the contacts part's default folder through its changes and lost sync states.
    expect(totals.delta.contactDeltaChanges).to.be.above(10);
    expect(totals.delta.contactDeltaResyncs).to.be.above(0);
    // Calendar Changes follows a calendar of its own through bookings, moves, exceptions, series
    // changes, deletions and cancellations, lost sync states, crashes, and a window rolled past midnight.
    expect(totals.delta.eventDeltaChanges).to.be.above(50);
    expect(totals.delta.eventDeltaSeries + totals.delta.eventDeltaExceptions).to.be.above(5);
    expect(totals.delta.eventDeltaDeleted + totals.delta.eventDeltaCancelled).to.be.above(5);
    expect(totals.delta.eventDeltaResyncs).to.be.above(0);
    expect(totals.delta.eventDeltaRolls).to.be.above(0);
    expect(Object.keys(totals.crashSites).some((site) => site.startsWith('getEventChanges'))).to.equal(true);
    // The contacts part: upserts (replayed too) with no duplicate contact, and the contacts trigger.
    expect(totals.duplicateContacts, report(totals)).to.equal(0);
    expect(totals.upserts).to.be.above(10);
    expect(totals.upsertReplays).to.be.above(0);
    expect(totals.contacts).to.be.above(50);
    expect(totals.contactChanges).to.be.above(10);
    // The sends part: mails with files, replies, forwards and drafts, redelivered, none sent twice.
    expect(totals.replies).to.be.above(3);
    expect(totals.forwards).to.be.above(0);
    expect(totals.draftsSent).to.be.above(0);
    expect(totals.sendRedeliveries).to.be.above(5);
    // The mail toolbox part: moves, copies, updates, deletes and folders, replayed too, nothing lost or doubled.
    expect(totals.mailOps).to.be.above(30);
    expect(totals.mailOpReplays).to.be.above(5);
    // The upcoming-events part: meetings booked, moved and cancelled, each due occurrence emitted once per start.
    expect(totals.meetingsBooked).to.be.above(30);
    expect(totals.meetingMoves).to.be.above(5);
    expect(totals.meetingCancellations).to.be.above(2);
    expect(totals.upcoming).to.be.above(20);
    // The event steps: updates, cancellations and answers (replayed too), none lost or told twice.
    expect(totals.eventUpdatesRun).to.be.above(20);
    expect(totals.cancellations).to.be.above(5);
    expect(totals.responses).to.be.above(5);
    expect(totals.eventStepReplays).to.be.above(5);
  });

  it('through the Mailbox field and app-only too: nothing lost or duplicated; app tokens rotate nothing and are never persisted', async () => {
    const config = { ticks: 25 };
    const viaUsers = await runChaos({ seed: 3, scenarios: 2, config: { ...config, access: { '/users/{self}': 1 } } });
    expect(verdict(viaUsers), report(viaUsers)).to.deep.equal([]);
    expect(viaUsers.access).to.deep.equal({ '/users/{self}': 2 });
    expect(viaUsers.rotations, 'a delegated credential still rotates').to.be.above(0);
    const appOnly = await runChaos({ seed: 3, scenarios: 2, config: { ...config, access: { 'app-only': 1 } } });
    expect(verdict(appOnly), report(appOnly)).to.deep.equal([]);
    expect(appOnly.access).to.deep.equal({ 'app-only': 2 });
    expect(appOnly).to.include({ rotations: 0, credentialFailures: 0, lost: 0, duplicated: 0, sendsDuplicated: 0, doubleBooked: 0 });
    expect(appOnly.mails).to.be.above(500);
    expect(appOnly.crashes).to.be.above(0);
    expect(Object.keys(appOnly.crashSites).some((site) => /updateKeys/.test(site)), 'no updateKeys to crash in').to.equal(false);
  });

  it('is repeatable: the same seed gives the same summary', async () => {
    const config = { ticks: 20 };
    const first = await runChaos({ seed: 42, scenarios: 2, config });
    const second = await runChaos({ seed: 42, scenarios: 2, config });
    expect(summaryLine(second)).to.equal(summaryLine(first));
    const other = await runChaos({ seed: 43, scenarios: 2, config });
    expect(summaryLine(other)).to.not.equal(summaryLine(first));
  });

  describe('notices the bugs it is there to catch', () => {
    // Each check plants a bug, forces the fault that exposes it at a moment it names through a
    // fault plan (scripts/chaos/plan.js; the scenario then draws no fault or crash of its own), and
    // expects the very loss or duplicate that fault makes; the same plan on the code as it is must
    // come out clean. So no check hangs on where a seed's random faults fall, which moves whenever
    // a step asks Graph for something else. One scenario each, with only the parts a check needs.
    const quiet = {
      ticks: 15, floodShare: 0, crowdShare: 0, contacts: false, upcoming: false, eventSteps: false, sends: false, mailOps: false, calendarChanges: false,
      clocks: { noStartTime: 0, dateHeader: { kept: 1 }, retryAfterDates: 0 },
    };
    const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
    /** A mail into the Inbox stamped `ageMs` before Graph's clock: listed once the replication delay has passed since. */
    const mailOf = (s, subject, ageMs) => s.emu.control.addMail({ subject, from: 'Planned <planned@fabrikam.example>', receivedAt: s.clock.now() - ageMs });

    /**
     * Runs one scenario on `plan` twice: on the code as it is, which must report nothing, and with
     * `plant` (run => the run with the bug patched in, see withPatch); every entry of the plan must
     * fire in both. Returns the planted run's totals, with its scenario's result as `scenario`
     * (whose lostDetail and duplicateDetail are whole; totals.details shows five of each).
     */
    async function planted({ seed = 1, config, plan, plant }) {
      let scenario;
      const run = () => runChaos({ seed, scenarios: 1, config: { ...quiet, ...config }, faultPlan: plan(), onScenario: (result) => { scenario = result; } });
      const fired = (totals) => totals.planned.map((p) => `${p.label}: fired ${p.fired}`);
      const clean = await run();
      expect(fired(clean), 'the plan on the code as it is').to.deep.equal(clean.planned.map((p) => `${p.label}: fired 1`));
      expect(verdict(clean), report(clean)).to.deep.equal([]);
      expect(clean).to.include({ lost: 0, duplicated: 0, sendsDuplicated: 0, doubleBooked: 0, duplicateContacts: 0 });
      const buggy = await plant(run);
      expect(fired(buggy), 'the plan with the bug planted').to.deep.equal(buggy.planned.map((p) => `${p.label}: fired 1`));
      return { ...buggy, scenario };
    }

    it('Events Starting Soon that forgets what it emitted: occurrences emitted again by later polls; that knows an occurrence by its id alone: the meeting moved after it was emitted is lost', async () => {
      const upcomingPoll = require('../lib/graph/upcomingPoll');
      const upcoming = require('../lib/graph/upcoming');
      // The first meeting emitted before it starts moves a second later: owed again at its new start.
      let moved;
      const plan = () => [{
        emit: 'data', step: 'getUpcomingEvents', match: (payload, s) => s.upcoming.postponable(payload.body.id), do: (s, payload) => { moved = s.upcoming.postpone(payload.body.id); },
      }];
      const config = { upcoming: true, ticks: 20 };
      const forgetful = await planted({
        config, plan, plant: (run) => withPatch(upcomingPoll, 'pollUpcoming', (poll) => (session, spec, snapshot, ...rest) => poll(session, spec, {}, ...rest), run),
      });
      // Whichever occurrences two of its polls found due: how many depends on when it polls.
      expect(forgetful.scenario.duplicateDetail, summaryLine(forgetful)).to.not.be.empty;
      for (const detail of forgetful.scenario.duplicateDetail) expect(detail).to.match(/^occurrence \S+ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const byId = await planted({ config, plan, plant: (run) => withPatch(upcoming, 'occurrenceKey', (key) => (id) => key(id, 0), run) });
      expect(byId.scenario.lostDetail, summaryLine(byId)).to.include(`occurrence "${moved.subject}" at ${iso(moved.startMs)}`);
    });

    it('an invitation answered again after a lost answer, without looking first: the organizer told twice', async () => {
      const totals = await planted({
        config: { eventSteps: true, ticks: 30 },
        // An acceptance (a declined meeting leaves the calendar, so an answer repeated blindly finds nothing to answer).
        plan: () => [{ request: { method: 'POST', path: /\/(accept|tentativelyAccept)$/ }, do: 'lose answer' }],
        plant: (run) => withPatch(GraphSession.prototype, 'post', (post) => function patched(path, body, options = {}) {
          return /\/(accept|tentativelyAccept|decline)$/.test(path) ? post.call(this, path, body, { ...options, idempotent: true }) : post.call(this, path, body, options);
        }, run),
      });
      expect(totals.scenario.duplicateDetail, summaryLine(totals)).to.have.lengthOf(1);
      expect(totals.scenario.duplicateDetail[0]).to.match(/^2 answer notices of "chaos s0 invitation \d+"$/);
    });

    it('an upsert that looks the address up and creates when it sees nothing (no marker, no check after): a second contact when its message comes again before the first is listed', async () => {
      const contactWrites = require('../lib/graph/contactWrites');
      const naive = () => async (op) => {
        const found = await op.candidates();
        if (found.contacts.length) return { contact: found.contacts[0], created: false, removed: 0 };
        const { body } = await op.session.post(op.collection, op.body, { idempotent: false });
        return { contact: body, created: true, removed: 0 };
      };
      const totals = await planted({
        // Graph lists a new contact 5 to 8 s after it made it; the message comes again at once.
        config: { contacts: true, visibilityDelayMs: [5000, 8000] },
        plan: () => [{ request: { method: 'POST', path: /\/contacts$/, step: 'upsertContact' }, do: 'lose answer', redeliver: true }],
        plant: (run) => withPatch(contactWrites, 'createOnce', naive, run),
      });
      const [{ message }] = totals.planned[0].firings;
      const twice = totals.scenario.duplicateContactDetail.filter((d) => d.includes(`${message},`) || d.endsWith(`${message})`));
      expect(twice, summaryLine(totals)).to.have.lengthOf(1);
      expect(twice[0]).to.match(/^customer\d\.s0@crm\.example: 2 contacts \(upserts /);
    });

    it('a mail write repeated blindly after a lost answer (no look at the mailbox first): a second copy', async () => {
      const writes = require('../lib/graph/writes');
      const blind = () => async (write) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await write();
          } catch (err) {
            if (attempt >= writes.WRITE_ATTEMPTS) throw err;
          }
        }
      };
      const totals = await planted({
        // Seed 2: the mail toolbox's first message is a copy (drawn from the part's own stream, which
        // no request moves). Lists show new items at once, so only the planted blind write can copy twice.
        seed: 2,
        config: { mailOps: true, visibilityDelayMs: [0, 0] },
        plan: () => [{ request: { method: 'POST', path: /\/copy$/ }, do: 'lose answer' }],
        plant: (run) => withPatch(writes, 'confirmedWrite', blind, run),
      });
      expect(totals.scenario.duplicateDetail, summaryLine(totals)).to.have.lengthOf(1);
      expect(totals.scenario.duplicateDetail[0]).to.match(/^mail "ops s0 \d+": 2 copies in Junk Email$/);
    });

    it('a trigger that forgets what it emitted: the mail that arrived before its second poll emitted again', async () => {
      let subject;
      const totals = await planted({
        config: {},
        // Time passes and a mail arrives, listed at once: the second poll emits it, and the next one looks back past it.
        plan: () => [{
          run: 'getNewMail',
          nth: 2,
          do: (s) => {
            subject = `chaos ${s.tag} planned mail`;
            s.clock.advance(s.visibilityDelayMs + 1000);
            mailOf(s, subject, s.visibilityDelayMs + 1000);
          },
        }],
        plant: (run) => withPatch(cursor, 'isNew', () => (state, key, second) => second >= state.from, run),
      });
      expect(totals.scenario.duplicateDetail, summaryLine(totals)).to.include(`"${subject}"`);
    });

    it('a delta trigger that forgets what it emitted: the mail it emitted just before Graph lost its sync state emitted again', async () => {
      let subject;
      const totals = await planted({
        config: {},
        // The second poll emits a new mail; Graph loses the sync states before the third, which reads the folder afresh.
        plan: () => [
          { run: 'getMailFolderChanges', nth: 2, do: (s) => { subject = s.mailChanges.plannedMail(); } },
          { run: 'getMailFolderChanges', nth: 3, do: 'lose sync states' },
        ],
        plant: (run) => withPatch(deltaState, 'remember', () => () => {}, run),
      });
      expect(totals.scenario.duplicateDetail, summaryLine(totals)).to.include(`created "${subject}"`);
    });

    it('Calendar Changes that forgets its snapshot: duplicates; whose window never moves on: what comes into view is lost', async () => {
      const getEventChanges = require('../lib/calendar/getEventChanges');
      // Every scenario's drain walks Graph's clock past midnight: the window rolls.
      const config = { calendarChanges: true, calendarRollShare: 1 };
      const forgetful = await planted({
        config, plan: () => [],
        plant: (run) => withPatch(getEventChanges, 'process', (process) => function patched(msg, cfg) { return process.call(this, msg, cfg, {}); }, run),
      });
      expect(forgetful.scenario.duplicateDetail, summaryLine(forgetful)).to.not.be.empty;
      for (const detail of forgetful.scenario.duplicateDetail) expect(detail).to.match(/^event change /);
      const stuck = await planted({ config, plan: () => [], plant: (run) => withPatch(deltaState, 'rollWindow', () => () => {}, run) });
      expect(stuck.delta.eventDeltaRolls, summaryLine(stuck)).to.be.above(0);
      expect(stuck.scenario.lostDetail, summaryLine(stuck)).to.not.be.empty;
      for (const detail of stuck.scenario.lostDetail) expect(detail).to.match(/^event version /);
    });

    it('a delta trigger that resynchronises from the moment Graph lost its state: the mail that arrived in the gap is lost', async () => {
      let gap;
      let lostAt;
      const totals = await planted({
        config: {},
        // After the second poll a mail arrives; then Graph loses the sync states, before the third.
        plan: () => [
          { run: 'getMailFolderChanges', nth: 3, do: (s) => { gap = s.mailChanges.plannedMail(); lostAt = Math.floor(s.clock.now() / 1000); } },
          { run: 'getMailFolderChanges', nth: 3, do: 'lose sync states' },
        ],
        plant: (run) => withPatch(deltaState, 'resynchronise', (original) => (chain) => {
          const since = original(chain);
          if (since !== undefined) chain.since = lostAt;
          return since;
        }, run),
      });
      expect(totals.scenario.lostDetail, summaryLine(totals)).to.include(`created "${gap}"`);
    });

    it('a cursor that moves past items not yet visible: the mail listed only after the poll that passed its second is lost', async () => {
      let subject;
      const totals = await planted({
        // Stamped a second ago, listed only 3 to 7 s later: after the second poll.
        config: { visibilityDelayMs: [4000, 8000] },
        plan: () => [{
          run: 'getNewMail', nth: 2, do: (s) => { subject = `chaos ${s.tag} late mail`; mailOf(s, subject, 1000); },
        }],
        plant: (run) => withPatch(cursor, 'settledSecond', () => (ms) => Math.floor(ms / 1000), run),
      });
      expect(totals.scenario.lostDetail, summaryLine(totals)).to.include(`mail "${subject}"`);
    });

    it('a send repeated after a lost answer, a booking without its transactionId: the mail sent twice, the event booked twice', async () => {
      const totals = await planted({
        config: { ticks: 25 },
        plan: () => [
          { request: { method: 'POST', path: /\/sendMail$/, step: 'sendMail' }, do: 'lose answer' },
          { request: { method: 'POST', path: /\/events$/, step: 'createEvent' }, do: 'lose answer' },
        ],
        plant: (run) => withPatch(GraphSession.prototype, 'post', (post) => function patched(path, body, options = {}) {
          return /sendMail$/.test(path)
            ? post.call(this, path, body, { ...options, idempotent: true })
            : post.call(this, path, { ...body, transactionId: undefined }, options);
        }, run),
      });
      const [send, booking] = totals.planned.map((p) => p.firings[0].message.replace(/^\w+-s0-/, ''));
      expect(totals.scenario.sendsDuplicateDetail).to.deep.equal([`sendMail "chaos s0 send ${send}" sent 2 times`]);
      // Bookings delivered again after a success are booked again as well: without the transactionId, nothing stops them.
      expect(totals.scenario.doubleBookedDetail.filter((d) => d.startsWith(`"chaos s0 booking ${booking}" booked `))).to.have.lengthOf(1);
    });

    it('a send guard that never finds its key: the message delivered again after its process died sends its mail twice', async () => {
      const drafts = require('../lib/graph/drafts');
      const totals = await planted({
        config: { sends: true },
        // The request that submits a mail of Send Mail, Reply to Mail or Forward Mail (Send Draft is
        // left out: a draft once sent is no draft, and its message coming again is refused, guard or not).
        plan: () => [{ request: { method: 'POST', path: /\/(sendMail|send)$/, message: /^(sendMail|replyToMail|forwardMail)-/ }, do: 'crash after' }],
        plant: (run) => withPatch(drafts, 'findByKey', () => async () => [], run),
      });
      // The guard's look-up is what keeps the other messages delivered again after a success from sending twice too.
      const [, step, n] = /^(\w+)-s0-(\d+)$/.exec(totals.planned[0].firings[0].message);
      const subject = { sendMail: `chaos s0 mail ${n}`, replyToMail: `RE: chaos s0 question ${n}`, forwardMail: `FW: chaos s0 question ${n}` }[step];
      expect(totals.scenario.sendsDuplicateDetail, summaryLine(totals)).to.include(`${step} "${subject}" sent 2 times`);
    });

    it('a crash a plan forces inside emit(data) is one crash, where it says, and like any crash it leaves nothing lost or duplicated', async () => {
      const totals = await runChaos({ seed: 1, scenarios: 1, config: quiet, faultPlan: [{ emit: 'data', step: 'getNewMail', nth: 3, do: 'crash' }] });
      expect(verdict(totals), report(totals)).to.deep.equal([]);
      expect(totals.planned.map((p) => p.fired)).to.deep.equal([1]);
      expect(totals.crashSites).to.deep.equal({ 'getNewMail in emit(data)': 1 });
    });
  });

  // Found by the chaos run (crowded scenarios). The poll pages by keyset except inside one second
  // holding more items than a page, where it follows @odata.nextLink, i.e. $skip offsets. A mail
  // leaving the folder between two of those pages shifts the offsets and the next page starts one
  // item too late; when that second is older than the look-back the poll then moves its cursor
  // past it, and the skipped mail is never emitted. Page size 1000 makes it rare; after timeouts
  // the poll halves its page down to 50, which makes it likely in a catch-up after an outage.
  // See the report for the root cause and a proposed patch to src/graph/poll.ts.
  it('a mail leaving the Inbox between two pages of one crowded second is not lost', async () => {
    let now = Date.UTC(2026, 2, 2, 9, 0, 0);
    const emu = await startEmulator({ now: () => now, mailCount: 0, clientId: 'c', clientSecret: 's' });
    let uninstall;
    try {
      const second = now - 10 * 60 * 1000; // a catch-up: older than the two-minute look-back
      const ids = [];
      for (let i = 0; i < 120; i += 1) ids.push(emu.control.addMail({ subject: `m${i}`, from: 'a@fabrikam.example', receivedAt: second + i * 5 }).id);
      let pages = 0;
      let movedAtPage;
      const emitted = [];
      uninstall = installHooks({
        origin: emu.url,
        sessionOptions: () => ({ endpoints: { graph: emu.url, login: emu.url }, app: { clientId: 'c', clientSecret: 's' }, sleep: async () => {} }),
        intercept: async (url, init, realFetch) => {
          const res = await realFetch(url, init);
          // Between two pages of the crowded second, as soon as m3 has been emitted.
          if (res.status === 200 && /messages$/.test(url.pathname) && (pages += 1) && movedAtPage === undefined && emitted.includes('m3')) {
            emu.control.updateMail(ids[3], { moveTo: 'archive' });
            movedAtPage = pages;
          }
          return res;
        },
      });
      // Graph times out on big pages: the poll halves 1000 -> 500 -> 250 -> 125 -> 62 -> 50.
      emu.control.setFaults([{ match: { method: 'GET', path: '/messages$' }, kind: 'status', status: 504, retryAfterSeconds: null, times: 30 }]);
      let snapshot = {};
      const context = {
        logger: { info() {}, warn() {}, error() {}, debug() {} },
        emit: async (event, payload) => {
          if (event === 'data') emitted.push(payload.body.subject);
          if (event === 'snapshot') snapshot = payload;
        },
      };
      const cfg = { oauth: emu.control.issueTokens(), startTime: new Date(second - 5000).toISOString() };
      await getNewMail.process.call(context, { body: {} }, cfg, snapshot);
      expect(pages, 'pages read after m3 left').to.be.above(movedAtPage + 1);
      now += 60 * 1000;
      await getNewMail.process.call(context, { body: {} }, cfg, snapshot);
      const missing = Array.from({ length: 120 }, (_, i) => `m${i}`).filter((s) => !emitted.includes(s));
      expect(missing, 'mails never emitted').to.deep.equal([]);
      expect(emitted.length, 'each mail once').to.equal(120);
    } finally {
      if (uninstall) uninstall();
      await emu.close();
    }
  });

  // Found by the chaos run's crashes inside emit('updateKeys'). TokenSource.refreshNow stores the
  // new token inside the try block that retries the refresh, so when storing fails (here: the
  // platform API answering 503 to verifyCredentials' accounts.update) it redeems the refresh token
  // it has just spent, which strict rotation answers invalid_grant, and tells the user that the
  // sign-in expired or was revoked. Patch to src/graph/tokens.ts in the report.
  it('a refreshed token that cannot be stored is reported as such, without redeeming the spent refresh token again', async () => {
    const emu = await startEmulator({ mailCount: 0, clientId: 'c', clientSecret: 's' });
    const uninstall = installHooks({
      origin: emu.url,
      sessionOptions: () => ({ endpoints: { graph: emu.url, login: emu.url }, app: { clientId: 'c', clientSecret: 's' }, sleep: async () => {} }),
      intercept: (url, init, realFetch) => realFetch(url, init),
    });
    try {
      const token = emu.control.issueTokens();
      emu.control.expireAccessTokens();
      const scope = {
        logger: { info() {}, warn() {}, error() {}, debug() {} },
        getApiClient: () => ({ accounts: { update: async () => { throw new Error('PUT /v1/accounts/a1 answered 503'); } } }),
      };
      const err = await verifyCredentials.call(scope, { oauth: token, _account: 'a1' }).then(() => undefined, (e) => e);
      expect(err, 'verifyCredentials failed').to.be.an('error');
      expect(err.message).to.not.match(/invalid_grant|expired or was revoked/);
      expect(emu.control.stats().byRoute['POST /{tenant}/oauth2/v2.0/token'], 'token requests').to.equal(1);
    } finally {
      uninstall();
      await emu.close();
    }
  });
});
