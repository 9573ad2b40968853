'use strict';

// Contact Changes in a chaos scenario that has the contacts part (contacts.js): the trigger follows
// the default Contacts folder while the contacts part creates, changes and deletes contacts there
// (and upserts land there), Graph loses the sync state now and then (410 with each of its codes),
// and the scenario's faults and crashes hit its polls too.
//
// Accounting, by contact id and change key (the version), from what Graph holds at the end and the
// emulator's own log of deletions:
// - lost: a contact of the folder whose last version dates from the trigger's start on and was
//   never emitted (created or updated); or a deletion, after a completed poll that had emitted a
//   version of the contact, with no `deleted`, unless Graph had lost the state then (the README
//   says those cannot be reported);
// - a version emitted twice is redelivered after a crash (bounded by PERSIST_EVERY) or duplicated,
//   a failure.
const { CODES, pollUntilQuiet } = require('./delta');
const { TriggerLedger } = require('./ledger');

class ContactDeltaTrigger {
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.plan.fork('contact delta');
    this.polls = [];
    this.resyncs = [];
    this.expiries = 0;
    /** Contact id -> when a version of it was emitted (virtual ms), each time. */
    this.emittedAt = new Map();
    this.step = {
      name: 'getContactChanges', module: require('../../lib/contacts/getContactChanges'), trigger: true, delta: true,
      fields: { ...(scenario.noStartTime ? {} : { startTime: scenario.startIso }), ...scenario.mailboxField() },
      ledger: new TriggerLedger('contact changes'),
      keyOf: (body) => {
        if (body.changeType === 'deleted') return `deleted ${body.id}`;
        const times = this.emittedAt.get(body.id) || [];
        times.push(this.s.clock.now());
        this.emittedAt.set(body.id, times);
        return `${body.id} ${body.contact.changeKey}`;
      },
      onLog: (level, line) => {
        if (level !== 'warn' || !/^Graph no longer has the change-tracking state of contacts/.test(line)) return;
        const last = this.polls[this.polls.length - 1];
        this.resyncs.push({ since: last ? last.start : this.s.start, until: undefined });
      },
    };
  }

  /** Only where the scenario has the contacts part: it makes the changes this trigger follows. */
  get active() {
    return Boolean(this.s.contacts);
  }

  async poll() {
    const start = this.s.clock.now();
    const result = await this.s.poll(this.step);
    if (result.kind === 'ok') {
      const end = this.s.clock.now();
      this.polls.push({ start, end });
      for (const r of this.resyncs) if (r.until === undefined) r.until = end;
    }
    return result;
  }

  async tick() {
    if (!this.active) return;
    if (!this.s.forced && this.prng.chance(0.03)) {
      this.expiries += 1;
      this.s.emu.control.expireDeltaTokens({ mailbox: this.s.emu.mailboxes.primary, code: this.prng.pick(CODES) });
    }
    if (this.prng.chance(0.5)) await this.poll();
  }

  async drain() {
    if (this.active) await pollUntilQuiet(this.s, this.step.name, () => this.poll());
  }

  account() {
    const none = { lost: 0, duplicated: 0, redelivered: 0, lostDetail: [], duplicateDetail: [], figures: {} };
    if (!this.active || !this.polls.length) return none;
    const { emu } = this.s;
    const { ledger } = this.step;
    // The default folder's id: the parent of a folder made under it once the run is over.
    const folderId = emu.control.addContactFolder({ displayName: `Accounting ${this.s.tag}` }).parentFolderId;
    const here = emu.control.contacts().filter((c) => c.parentFolderId === folderId);
    const since = Date.parse(this.s.sinceIso(this.step));
    const lostDetail = [];
    for (const c of here) {
      if (Date.parse(c.lastModifiedDateTime) >= since && ledger.deliveries.get(`${c.id} ${c.changeKey}`) === undefined) lostDetail.push(`contact version "${c.displayName}"`);
    }
    let unreportable = 0;
    const deletions = emu.control.contactChanges().changes.filter((c) => c.kind === 'deleted' && c.folderId === folderId);
    for (const d of deletions) {
      const emitted = (this.emittedAt.get(d.contactId) || []).filter((at) => at < d.at);
      const known = emitted.some((at) => this.polls.some((p) => p.end >= at && p.end < d.at));
      if (!known || ledger.deliveries.get(`deleted ${d.contactId}`) !== undefined) continue;
      if (this.resyncs.some((r) => r.since <= d.at && d.at <= (r.until ?? Infinity))) {
        unreportable += 1;
        continue;
      }
      lostDetail.push(`contact deletion ${d.contactId.slice(-12)}`);
    }
    const emitted = [...ledger.deliveries.values()].reduce((sum, n) => sum + n, 0);
    return {
      lost: lostDetail.length,
      duplicated: ledger.duplicates.length,
      redelivered: ledger.redelivered,
      lostDetail,
      duplicateDetail: ledger.duplicates.map((k) => `contact change ${k.slice(-24)}`),
      figures: {
        contactDeltaChanges: emitted, contactDeltaDeletions: deletions.length, contactDeltaResyncs: this.resyncs.length, contactDeltaUnreportable: unreportable, contactDeltaExpiries: this.expiries,
      },
    };
  }
}

/** Plugged into every scenario by scenario.js; it follows contacts only where the contacts part runs. */
function contactDeltaTrigger(scenario) {
  return new ContactDeltaTrigger(scenario);
}

module.exports = { contactDeltaTrigger };
