'use strict';

// Fault phases as emulator fault rules. Graph faults are probabilistic rules (the emulator's
// seeded RNG decides, so a run repeats with its seed); token-endpoint faults are armed one at a
// time (`times: 1`, tagged) so the harness knows when one fired, in particular the one that
// loses a rotated refresh token.
const TOKEN_PATH = '/oauth2/v2\\.0/token$';
const ANY_GET = { method: 'GET', path: '^/(me|users)/' };
const POSTS = [
  { method: 'POST', path: '^/me/sendMail$' }, { method: 'POST', path: '/events$' },
  // Contact writes: the upsert's creates, changes and duplicate removals.
  { method: 'POST', path: '/contacts$' }, { method: 'PATCH', path: '/contacts/' }, { method: 'DELETE', path: '/contacts/' },
  // Event writes of Update, Cancel or Delete Event and Respond to Invitation.
  { method: 'PATCH', path: '/events/' }, { method: 'DELETE', path: '/events/' }, { method: 'POST', path: '/events/[^/]+/(cancel|accept|tentativelyAccept|decline)$' },
  // The sending steps' drafts (sends.js): created, answered, changed, given files, sent.
  { method: 'POST', path: '/messages$' }, { method: 'POST', path: '/(createReply|createReplyAll|createForward|send)$' },
  { method: 'PATCH', path: '/messages/' }, { method: 'POST', path: '/attachments(/createUploadSession)?$' },
  // The mail toolbox's writes (scripts/chaos/mailops.js): moves, copies, folders, updates (PATCH above), deletes.
  { method: 'POST', path: '/messages/[^/]+/(move|copy)$' }, { method: 'POST', path: '/childFolders$' }, { method: 'DELETE', path: '/messages/' },
];

/** The statuses the rules inject (never 500: a 500 is the emulator failing, see scenario.js). */
const FAULT_STATUSES = new Set([429, 503, 504]);

function getRules(phase, prng, slowMs) {
  const scale = { calm: 0.15, stormy: 1, outage: 1 }[phase];
  if (phase === 'outage') {
    return [
      { match: ANY_GET, kind: 'status', status: 503, retryAfterSeconds: prng.pick([null, 1, 2]), probability: 0.55 },
      { match: ANY_GET, kind: 'status', status: 429, retryAfterSeconds: prng.pick([null, 3]), probability: 0.3 },
      { match: ANY_GET, kind: 'drop', probability: 0.2 },
      { match: ANY_GET, kind: 'delay', delayMs: slowMs, probability: 0.02 },
    ];
  }
  return [
    { match: ANY_GET, kind: 'status', status: 429, retryAfterSeconds: prng.int(0, 5), probability: 0.04 * scale },
    { match: ANY_GET, kind: 'status', status: 429, retryAfterSeconds: null, probability: 0.03 * scale },
    { match: ANY_GET, kind: 'status', status: 503, retryAfterSeconds: prng.pick([null, 1]), probability: 0.04 * scale },
    { match: ANY_GET, kind: 'status', status: 504, retryAfterSeconds: null, probability: 0.03 * scale },
    { match: ANY_GET, kind: 'drop', probability: 0.03 * scale },
    { match: ANY_GET, kind: 'delay', delayMs: slowMs, probability: 0.006 * scale },
  ];
}

/**
 * Sends and creates: throttled (refused before any work), failed, or processed with the answer
 * lost (applyThenFail). No 'delay' here: a POST Graph finishes after the client gave up would
 * land at a wall-clock-dependent moment of the virtual clock and make runs unrepeatable; the
 * lost answer it models is covered by applyThenFail.
 */
function postRules(phase) {
  const p = { calm: 0.02, stormy: 0.06, outage: 0.25 }[phase];
  return POSTS.flatMap((match) => [
    { match, kind: 'status', status: 429, retryAfterSeconds: 1, probability: p },
    { match, kind: 'status', status: 503, probability: p },
    { match, kind: 'status', status: 503, applyThenFail: true, probability: p },
    { match, kind: 'status', status: 504, applyThenFail: true, probability: p },
    { match, kind: 'drop', applyThenFail: true, probability: p },
    { match, kind: 'drop', probability: p / 2 },
  ]);
}

const TOKEN_FAULTS = {
  503: { kind: 'status', status: 503, retryAfterSeconds: null },
  429: { kind: 'status', status: 429, retryAfterSeconds: 1 },
  drop: { kind: 'drop' },
  /** Azure AD rotates the refresh token, and the answer carrying the new one is lost. */
  lost: { kind: 'drop', applyThenFail: true, lost: true },
};

class FaultBook {
  /** `random: false` (a scenario run on a fault plan, plan.js): no phase rules and no token faults, only what is armed otherwise. */
  constructor({ control, prng, slowMs, onLostRotation, random = true }) {
    Object.assign(this, { control, prng, slowMs, onLostRotation, random });
    this.phase = 'calm';
    this.armed = [];
    this.tags = 0;
    this.tokenFaults = 0;
    this.graphRules = [];
    this.enabled = true;
  }

  setPhase(phase) {
    this.phase = phase;
    this.graphRules = this.random ? [...getRules(phase, this.prng, this.slowMs), ...postRules(phase)] : [];
    this.apply();
  }

  armToken(kind) {
    if (!this.random) return;
    this.arm({ ...TOKEN_FAULTS[kind], match: { method: 'POST', path: TOKEN_PATH }, times: 1, token: true });
  }

  /** A rule for the next `rule.times` matching requests, tried before the phase's rules. */
  arm(rule) {
    this.sync();
    this.tags += 1;
    this.armed.push({ ...rule, tag: `armed-${this.tags}` });
    this.control.setFaults(this.enabled ? [...this.armed, ...this.graphRules] : []);
  }

  /** Notes which armed token faults fired since the last call. */
  sync() {
    if (!this.armed.length) return;
    const still = new Set(this.control.faults().map((r) => r.tag).filter(Boolean));
    for (const rule of this.armed.filter((r) => !still.has(r.tag))) {
      if (rule.token) this.tokenFaults += 1;
      if (rule.lost) this.onLostRotation();
    }
    this.armed = this.armed.filter((r) => still.has(r.tag));
  }

  apply() {
    this.sync();
    this.control.setFaults(this.enabled ? [...this.armed, ...this.graphRules] : []);
  }

  /** No faults from now on (the drain at the end of a scenario). */
  disable() {
    this.sync();
    this.enabled = false;
    this.armed = [];
    this.control.clearFaults();
  }
}

module.exports = { FaultBook, FAULT_STATUSES };
