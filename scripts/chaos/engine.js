'use strict';

// Runs chaos scenarios one after the other and adds up what they found. Everything random comes
// from `seed`, so the same seed and scenario count give the same totals.
const { PERSIST_EVERY } = require('../../lib/graph/poll');
const { createPrng, hash32 } = require('./prng');
const { Scenario } = require('./scenario');

const DEFAULTS = {
  /** Ticks of activity per scenario (each: arrivals, maybe polls, a send, a booking). */
  ticks: 40,
  /** The emulator's replication delay (ms), drawn per scenario from this range: lists show an item this long after its timestamp. */
  visibilityDelayMs: [500, 8000],
  /** The Graph client's deadline per request; slow faults answer just after it. */
  timeoutMs: 250,
  /** Per-scenario multiplier of the crash probabilities: some scenarios never crash. */
  crashiness: [0, 0.5, 1, 1, 2],
  /** Probability of a crash at each kind of await point. */
  crash: { data: 0.001, snapshot: 0.015, updateKeys: 0.05, beforeRequest: 0.005, afterRequest: 0.005, afterPost: 0.06 },
  /** Share of scenarios with one long pause during which more than a page of mail arrives. */
  floodShare: 0.3,
  /** Share of scenarios with one second holding more mail than a (halved) page, paged by nextLink. */
  crowdShare: 0.1,
  /** Per tick: arm a token-endpoint fault that rotates the refresh token and loses the answer. */
  lostRotationPerTick: 0.004,
  /**
   * Shares of scenarios whose triggers have no start time, whose Graph answers lose their Date
   * header (all or about half of them, as behind a proxy), whose Retry-After comes as a date.
   */
  clocks: { noStartTime: 0.3, dateHeader: { kept: 6, dropped: 2, 'sometimes dropped': 2 }, retryAfterDates: 0.3 },
  /**
   * How a scenario's steps reach the mailbox (weights): `/me` of a delegated credential; the same
   * user through the Mailbox field (`/users/{UPN in another letter case}`); an application
   * credential (client credentials, no refresh token, no updateKeys) with the Mailbox field.
   */
  access: { '/me': 4, '/users/{self}': 3, 'app-only': 3 },
  /** Contacts in every scenario (scripts/chaos/contacts.js): upserts with replays, contact changes, the contacts trigger. */
  contacts: true,
  /** The mail toolbox in every scenario (scripts/chaos/mailops.js): moves, copies, updates, deletes, folders, with replays. */
  mailOps: true,
  /** Events Starting Soon in every scenario (scripts/chaos/upcoming.js): meetings booked, moved, cancelled and deleted. */
  upcoming: true,
  /** Calendar Changes in every scenario (scripts/chaos/eventDelta.js): a calendar of its own, its window rolled past midnight in half of them. */
  calendarChanges: true,
  /** Share of scenarios whose Calendar Changes drain walks Graph's clock past midnight (the window rolls). */
  calendarRollShare: 0.5,
  /** Update, cancel, find and answer events in every scenario (scripts/chaos/events.js). */
  eventSteps: true,
  /** Sends in every scenario (scripts/chaos/sends.js): mails with files, replies, forwards, drafts, all redelivered. */
  sends: true,
  /** Put into every mail and event body: it must never reach a log line or an error message. */
  bodyMarker: 'CHAOS-BODY-MARKER-5d1f0c9e',
};

function emptyTotals() {
  return {
    scenarios: 0, mails: 0, events: 0, eventUpdates: 0, faults: 0, crashes: 0, lost: 0, duplicated: 0,
    contacts: 0, contactChanges: 0, upserts: 0, upsertReplays: 0, duplicateContacts: 0,
    upcoming: 0, meetingsBooked: 0, meetingMoves: 0, meetingCancellations: 0,
    eventUpdatesRun: 0, cancellations: 0, responses: 0, eventStepReplays: 0,
    mailOps: 0, mailOpReplays: 0,
    redelivered: 0, maxRedeliveredPerCrash: 0, maxUncoveredPerCrash: 0, boundExceeded: 0, sends: 0,
    sendsDuplicated: 0, replies: 0, forwards: 0, draftsSent: 0, sendRedeliveries: 0, eventsCreated: 0, doubleBooked: 0, credentialFailures: 0, polls: 0,
    failedRuns: 0, rotations: 0, replays: 0, multiPagePolls: 0, nextLinkPages: 0, shortenedLookbacks: 0, sleptMs: 0, maxSnapshotBytes: 0, leaks: 0, issues: [], details: [],
    /** Per entry of a fault plan: {label, fired, firings} over all scenarios. */
    planned: [],
    faultKinds: {}, crashSites: {}, clocks: {}, access: {},
    delta: {
      mails: 0, changes: 0, delivered: 0, movedIn: 0, movedOut: 0, movedBack: 0, deleted: 0, touched: 0, expiries: 0, resyncs: 0, afterResync: 0, resyncBound: 0, unreportable: 0,
    },
  };
}

function addUp(totals, r) {
  totals.scenarios += 1;
  for (const key of ['mails', 'events', 'eventUpdates', 'faults', 'lost', 'duplicated', 'redelivered', 'sends', 'sendsDuplicated', 'eventsCreated', 'doubleBooked',
    'contacts', 'contactChanges', 'upserts', 'upsertReplays', 'duplicateContacts', 'upcoming', 'meetingsBooked', 'meetingMoves', 'meetingCancellations',
    'eventUpdatesRun', 'cancellations', 'responses', 'eventStepReplays', 'replies', 'forwards', 'draftsSent', 'sendRedeliveries', 'mailOps', 'mailOpReplays']) {
    totals[key] += r[key];
  }
  for (const key of ['credentialFailures', 'polls', 'failedRuns', 'rotations', 'replays', 'multiPagePolls', 'nextLinkPages', 'shortenedLookbacks', 'sleptMs']) totals[key] += r.stats[key];
  totals.maxSnapshotBytes = Math.max(totals.maxSnapshotBytes, r.stats.maxSnapshotBytes);
  for (const [key, n] of Object.entries(r.delta || {})) totals.delta[key] = (totals.delta[key] || 0) + n;
  totals.crashes += r.crashes.length;
  const tally = (into, key, n = 1) => { into[key] = (into[key] || 0) + n; };
  for (const [kind, n] of Object.entries(r.stats.faultKinds)) tally(totals.faultKinds, kind, n);
  if (r.tokenFaults) tally(totals.faultKinds, 'token endpoint', r.tokenFaults);
  for (const crash of r.crashes) tally(totals.crashSites, `${crash.step} ${crash.where}`);
  for (const flavour of r.stats.clocks) tally(totals.clocks, flavour);
  tally(totals.access, r.stats.access);
  for (const crash of r.crashes) {
    totals.maxRedeliveredPerCrash = Math.max(totals.maxRedeliveredPerCrash, crash.redelivered);
    totals.maxUncoveredPerCrash = Math.max(totals.maxUncoveredPerCrash, crash.uncovered);
    if (crash.uncovered > PERSIST_EVERY) {
      totals.boundExceeded += 1;
      totals.details.push(`scenario ${r.index}: a crash ${crash.where} of ${crash.step} left ${crash.uncovered} delivered items without a snapshot (bound ${PERSIST_EVERY})`);
    }
  }
  if (r.lost) totals.details.push(`scenario ${r.index}: lost ${r.lostDetail.slice(0, 5).join(', ')}${r.lost > 5 ? ', ...' : ''}`);
  if (r.duplicated) totals.details.push(`scenario ${r.index}: duplicated ${r.duplicateDetail.slice(0, 5).join(', ')}${r.duplicated > 5 ? ', ...' : ''}`);
  if (r.sendsDuplicated) totals.details.push(`scenario ${r.index}: ${r.sendsDuplicated} mail(s) sent twice`);
  if (r.doubleBooked) totals.details.push(`scenario ${r.index}: ${r.doubleBooked} event(s) booked twice`);
  if (r.duplicateContacts) totals.details.push(`scenario ${r.index}: ${r.duplicateContacts} duplicate contact(s)`);
  totals.issues.push(...r.issues);
  (r.planned || []).forEach((p, i) => {
    const sum = totals.planned[i] || (totals.planned[i] = { label: p.label, fired: 0, firings: [] });
    sum.fired += p.fired;
    sum.firings.push(...p.firings.map((f) => ({ scenario: r.index, ...f })));
  });
}

/**
 * @param {object} options
 * @param {number} [options.seed=1]
 * @param {number} options.scenarios
 * @param {object} [options.config] overrides of DEFAULTS
 * @param {object[]} [options.faultPlan] faults forced at named moments of every scenario instead of
 *   random ones (scripts/chaos/plan.js); totals.planned says what each entry did
 * @param {(scenario: number, kind: string, source: string, text: string) => void} [options.collect]
 *   every log line, error (message and stack), emitted message and snapshot, as produced
 * @param {(result: object, totals: object) => void} [options.onScenario] after each scenario;
 *   result.needles lists the secrets of that scenario (tokens, codes, client secret)
 */
async function runChaos({ seed = 1, scenarios, config = {}, faultPlan, collect, onScenario } = {}) {
  const settings = { ...DEFAULTS, ...config, crash: { ...DEFAULTS.crash, ...config.crash }, clocks: { ...DEFAULTS.clocks, ...config.clocks } };
  const totals = emptyTotals();
  for (let index = 0; index < scenarios; index += 1) {
    const scenario = new Scenario({
      index,
      prng: createPrng(hash32('chaos', seed, index)),
      config: settings,
      faultPlan,
      collect: collect && ((kind, source, text) => collect(index, kind, source, text)),
    });
    const result = await scenario.run();
    addUp(totals, result);
    if (onScenario) await onScenario(result, totals);
  }
  return totals;
}

/** The breakdown behind the summary line, for people. */
function detailLines(t) {
  const list = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
  return [
    `faults: ${list(t.faultKinds)}`,
    `crashes: ${list(t.crashSites)}`,
    `clocks (scenarios): ${list(t.clocks)}`,
    `mailbox access (scenarios): ${list(t.access)}`,
    `retries asked to wait ${Math.round(t.sleptMs / 1000)} s in all (Retry-After and backoff; skipped by the harness, the virtual clock does not move)`,
    `mail changes (delta): ${t.delta.mails} mails in the followed folders (${t.delta.delivered} delivered, ${t.delta.movedIn} old ones moved in, ${t.delta.movedBack} moved back in, ${t.delta.movedOut} moved out, ${t.delta.deleted} deleted, ${t.delta.touched} read/flagged), ${t.delta.changes} changes emitted, sync states expired on demand ${t.delta.expiries} times`,
    `calendar changes (delta): ${t.delta.eventDeltaBooked || 0} events booked (${t.delta.eventDeltaSeries || 0} daily series), ${t.delta.eventDeltaMoved || 0} rescheduled, ${t.delta.eventDeltaRenamed || 0} renamed (${t.delta.eventDeltaExceptions || 0} of them occurrences made exceptions), ${t.delta.eventDeltaSeriesChanged || 0} series changed, ${t.delta.eventDeltaDeleted || 0} deleted, ${t.delta.eventDeltaCancelled || 0} cancelled, windows rolled ${t.delta.eventDeltaRolls || 0} times, sync states expired on demand ${t.delta.eventDeltaExpiries || 0} times`,
    `${t.polls} polls (${t.multiPagePolls} of several pages, ${t.nextLinkPages} pages by nextLink; ${t.failedRuns} runs failed on faults), ${t.rotations} token rotations, ${t.replays} createEvent replays, most uncovered by one crash ${t.maxUncoveredPerCrash}, largest snapshot ${t.maxSnapshotBytes} bytes, look-back shortened ${t.shortenedLookbacks} time(s)`,
  ];
}

/** Why the run fails; empty when it passes. */
function verdict(totals) {
  const problems = [];
  if (totals.lost) problems.push(`${totals.lost} item(s) lost`);
  if (totals.duplicated) problems.push(`${totals.duplicated} item(s) emitted twice without a crash to explain it`);
  if (totals.boundExceeded) problems.push(`${totals.boundExceeded} crash(es) left more than PERSIST_EVERY=${PERSIST_EVERY} items uncovered`);
  if (totals.sendsDuplicated) problems.push(`${totals.sendsDuplicated} mail(s) sent twice`);
  if (totals.doubleBooked) problems.push(`${totals.doubleBooked} event(s) double-booked`);
  if (totals.duplicateContacts) problems.push(`${totals.duplicateContacts} duplicate contact(s)`);
  if (totals.leaks) problems.push(`${totals.leaks} leak(s) of secrets or mail bodies`);
  if (totals.issues.length) problems.push(`${totals.issues.length} other problem(s)`);
  return problems;
}

function summaryLine(t) {
  return [
    `scenarios ${t.scenarios}`,
    `mails ${t.mails}`,
    `events ${t.events}`,
    `event changes ${t.eventUpdates}`,
    `faults ${t.faults}`,
    `crashes ${t.crashes}`,
    `lost ${t.lost}`,
    `duplicated ${t.duplicated}`,
    `redelivered after crash ${t.redelivered} (max ${t.maxRedeliveredPerCrash} per crash, bound ${PERSIST_EVERY})`,
    `sends ${t.sends} (replies ${t.replies}, forwards ${t.forwards}, drafts sent ${t.draftsSent}; redeliveries ${t.sendRedeliveries})`,
    `sends duplicated ${t.sendsDuplicated}`,
    `events created ${t.eventsCreated}`,
    `events double-booked ${t.doubleBooked}`,
    `mail changes ${t.delta.changes}`,
    `delta resyncs ${t.delta.resyncs}`,
    `contact changes (delta) ${t.delta.contactDeltaChanges || 0}`,
    `contact delta resyncs ${t.delta.contactDeltaResyncs || 0}`,
    `contact deletions unreportable after resync ${t.delta.contactDeltaUnreportable || 0}`,
    `calendar changes (delta) ${t.delta.eventDeltaChanges || 0}`,
    `calendar delta resyncs ${t.delta.eventDeltaResyncs || 0}`,
    `calendar windows rolled ${t.delta.eventDeltaRolls || 0}`,
    `calendar deletions unreportable after resync ${t.delta.eventDeltaUnreportable || 0}`,
    `repeated after resync ${t.delta.afterResync} (bound ${t.delta.resyncBound})`,
    `deletions unreportable after resync ${t.delta.unreportable}`,
    `event updates ${t.eventUpdatesRun}, cancellations ${t.cancellations}, responses ${t.responses} (replays ${t.eventStepReplays})`,
    `contacts ${t.contacts}`,
    `contact changes ${t.contactChanges}`,
    `upserts ${t.upserts} (replays ${t.upsertReplays})`,
    `duplicate contacts ${t.duplicateContacts}`,
    `mail moves, copies, updates, deletes and folders ${t.mailOps} (replays ${t.mailOpReplays})`,
    `meetings ${t.meetingsBooked} (moved ${t.meetingMoves}, cancelled ${t.meetingCancellations})`,
    `occurrences emitted starting soon ${t.upcoming}`,
    `credential failures (lost rotated token) ${t.credentialFailures}`,
    `other problems ${t.issues.length}`,
  ].join(', ');
}

module.exports = { runChaos, verdict, summaryLine, detailLines, DEFAULTS };
