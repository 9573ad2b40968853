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
    // The mail and event bugs below are looked for without the contacts, upcoming, event-steps, sends, mail toolbox and Calendar Changes parts, whose requests would shift their random draws.
    // Any change in what a trigger asks for moves the shared fault stream too, so a bug check's seed is one where its fault is drawn.
    const quick = { ticks: 20, floodShare: 0, crowdShare: 0, contacts: false, upcoming: false, eventSteps: false, sends: false, mailOps: false, calendarChanges: false };
    const upcomingOnly = { ticks: 30, floodShare: 0, crowdShare: 0, contacts: false, eventSteps: false, sends: false, mailOps: false, calendarChanges: false, clocks: { dateHeader: { kept: 1 } } };

    it('Events Starting Soon that forgets what it emitted: duplicates; that knows an occurrence by its id alone: meetings moved later are lost', async () => {
      const upcomingPoll = require('../lib/graph/upcomingPoll');
      const upcoming = require('../lib/graph/upcoming');
      const forgetful = await withPatch(upcomingPoll, 'pollUpcoming', (poll) => (session, spec, snapshot, ...rest) => poll(session, spec, {}, ...rest),
        () => runChaos({ seed: 1, scenarios: 2, config: upcomingOnly }));
      expect(forgetful.duplicated, summaryLine(forgetful)).to.be.above(0);
      const byId = await withPatch(upcoming, 'occurrenceKey', (key) => (id) => key(id, 0), () => runChaos({ seed: 1, scenarios: 3, config: upcomingOnly }));
      expect(byId.lost, summaryLine(byId)).to.be.above(0);
      expect(byId.meetingMoves).to.be.above(0);
    });

    it('an invitation answered again after a lost answer, without looking first: the organizer told twice', async () => {
      const totals = await withPatch(GraphSession.prototype, 'post', (post) => function patched(path, body, options = {}) {
        return /\/(accept|tentativelyAccept|decline|cancel)$/.test(path) ? post.call(this, path, body, { ...options, idempotent: true }) : post.call(this, path, body, options);
      }, () => runChaos({ seed: 7, scenarios: 3, config: { ...quick, ticks: 30, eventSteps: true } }));
      expect(totals.duplicated, summaryLine(totals)).to.be.above(0);
      expect(totals.details.join('\n')).to.match(/answer notices of/);
    });

    it('an upsert that looks the address up and creates when it sees nothing (no marker, no check after): duplicate contacts', async () => {
      const contactWrites = require('../lib/graph/contactWrites');
      const naive = () => async (op) => {
        const found = await op.candidates();
        if (found.contacts.length) return { contact: found.contacts[0], created: false, removed: 0 };
        const { body } = await op.session.post(op.collection, op.body, { idempotent: false });
        return { contact: body, created: true, removed: 0 };
      };
      const totals = await withPatch(contactWrites, 'createOnce', naive, () => runChaos({ seed: 2, scenarios: 4, config: { ...quick, contacts: true } }));
      expect(totals.duplicateContacts, summaryLine(totals)).to.be.above(0);
      expect(verdict(totals).join()).to.match(/duplicate contact/);
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
      // The emulator draws every request's fault from one seeded stream, so any change in what the
      // triggers ask for moves which write loses its answer: a seed where a copy's answer is lost.
      const totals = await withPatch(writes, 'confirmedWrite', blind, () => runChaos({ seed: 2, scenarios: 4, config: { ...quick, mailOps: true } }));
      expect(totals.duplicated, summaryLine(totals)).to.be.above(0);
      expect(totals.details.join('\n')).to.match(/copies in Junk Email/);
    });

    it('a trigger that forgets what it emitted: duplicates', async () => {
      const totals = await withPatch(cursor, 'isNew', () => (state, key, second) => second >= state.from, () => runChaos({ seed: 1, scenarios: 1, config: quick }));
      expect(totals.duplicated, summaryLine(totals)).to.be.above(0);
      expect(verdict(totals)).to.not.deep.equal([]);
    });

    it('a delta trigger that forgets what it emitted: duplicates', async () => {
      const totals = await withPatch(deltaState, 'remember', () => () => {}, () => runChaos({ seed: 1, scenarios: 8, config: quick }));
      expect(totals.duplicated, summaryLine(totals)).to.be.above(0);
    });

    it('Calendar Changes that forgets its snapshot: duplicates (and deletions lost); whose window never moves on: what comes into view is lost', async () => {
      const getEventChanges = require('../lib/calendar/getEventChanges');
      const forgetful = await withPatch(getEventChanges, 'process', (process) => function patched(msg, cfg) {
        return process.call(this, msg, cfg, {});
      }, () => runChaos({ seed: 1, scenarios: 2, config: { ...quick, calendarChanges: true } }));
      expect(forgetful.duplicated, summaryLine(forgetful)).to.be.above(0);
      expect(forgetful.details.join('\n')).to.match(/duplicated event change/);
      const stuck = await withPatch(deltaState, 'rollWindow', () => () => {}, () => runChaos({ seed: 1, scenarios: 3, config: { ...quick, calendarChanges: true } }));
      expect(stuck.delta.eventDeltaRolls, summaryLine(stuck)).to.be.above(0);
      expect(stuck.lost, summaryLine(stuck)).to.be.above(0);
      expect(stuck.details.join('\n')).to.match(/lost event version/);
    });

    it('a delta trigger that resynchronises from the moment Graph lost its state: losses (arrivals in the gap)', async () => {
      const totals = await withPatch(deltaState, 'resynchronise', (original) => (chain) => {
        const since = original(chain);
        if (since !== undefined) chain.since = Number.MAX_SAFE_INTEGER;
        return since;
      }, () => runChaos({ seed: 1, scenarios: 6, config: quick }));
      expect(totals.lost, summaryLine(totals)).to.be.above(0);
    });

    it('a cursor that moves past items not yet visible: losses', async () => {
      const totals = await withPatch(cursor, 'settledSecond', () => (ms) => Math.floor(ms / 1000), () => runChaos({ seed: 1, scenarios: 1, config: quick }));
      expect(totals.lost, summaryLine(totals)).to.be.above(0);
    });

    it('a send repeated after a 5xx or a lost answer, a booking without its transactionId: duplicates', async () => {
      const totals = await withPatch(GraphSession.prototype, 'post', (post) => function patched(path, body, options = {}) {
        return /sendMail$/.test(path)
          ? post.call(this, path, body, { ...options, idempotent: true })
          : post.call(this, path, { ...body, transactionId: undefined }, options);
      }, () => runChaos({ seed: 1, scenarios: 8, config: quick }));
      expect(totals.sendsDuplicated, summaryLine(totals)).to.be.above(0);
      expect(totals.doubleBooked, summaryLine(totals)).to.be.above(0);
    });

    it('a send guard that never finds its key (a redelivered message is sent again): duplicates', async () => {
      const drafts = require('../lib/graph/drafts');
      const totals = await withPatch(drafts, 'findByKey', () => async () => [], () => runChaos({ seed: 1, scenarios: 4, config: { ...quick, sends: true } }));
      expect(totals.sendsDuplicated, summaryLine(totals)).to.be.above(0);
      expect(verdict(totals).join()).to.match(/sent twice/);
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
