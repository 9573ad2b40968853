'use strict';

// The contacts part of a chaos scenario: contacts created, changed and deleted in every folder
// (new folders too, some contacts listed only seconds after their timestamp), Create or Update
// Contact on a small pool of addresses (so new and existing contacts mix) with replays of the same
// message after crashes, failures and even successes, and the contacts trigger polling all
// folders. The scenario's faults (lost answers on contact writes included), crashes, clocks and
// access modes apply. At the end: every contact version emitted (lost 0), none twice without a
// crash (duplicated 0), and one contact per upserted address (duplicate contacts 0).
const getNewAndUpdatedContacts = require('../../lib/contacts/getNewAndUpdatedContacts');
const upsertContact = require('../../lib/contacts/upsertContact');
const { LOOKBACK_SECONDS } = require('../../lib/graph/cursor');
const { TriggerLedger } = require('./ledger');

/** Addresses the upserts use: few, so a scenario both creates and updates. None of them the world's. */
const KEYS = 6;
const FIRST = ['Ann', 'Bob', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gus', 'Hana'];

class ContactsPart {
  /** @param {object} scenario the Scenario (scenario.js) this part runs in */
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.contactsPrng;
    this.tag = scenario.tag;
    this.upserts = [];
    this.replayQueue = [];
    this.made = [];
    this.counts = { contacts: 0, changes: 0, deletes: 0, folders: 0 };
    const start = scenario.noStartTime ? {} : { startTime: scenario.startIso };
    this.trigger = {
      name: 'getNewAndUpdatedContacts', module: getNewAndUpdatedContacts, trigger: true,
      fields: { ...start, ...scenario.mailboxField() }, ledger: new TriggerLedger('contacts'), keyOf: (b) => `${b.id} ${b.changeKey}`,
    };
    this.upsert = { name: 'upsertContact', module: upsertContact, fields: scenario.mailboxField() };
    this.folders = [undefined, 'Suppliers', 'Suppliers/Europe', 'Family'];
  }

  keyAddress(n) {
    return `customer${n}.${this.tag}@crm.example`;
  }

  // ---- the mailbox's contacts change ----

  activity(scale = 1) {
    const { emu, clock } = this.s;
    const p = this.prng;
    if (p.chance(0.35 * scale)) {
      for (let i = p.int(1, 3); i > 0; i -= 1) {
        this.counts.contacts += 1;
        const folder = p.pick(this.folders);
        const created = emu.control.addContact({
          folder, givenName: p.pick(FIRST), surname: `World ${this.counts.contacts}`,
          emailAddresses: [{ address: `world${this.counts.contacts}.${this.tag}@fabrikam.example` }],
          createdAt: clock.now() - p.int(0, 2 * this.s.visibilityDelayMs),
        });
        this.made.push(created.id);
      }
    }
    if (p.chance(0.3 * scale) && this.made.length) {
      emu.control.updateContact(p.pick(this.made), p.chance(0.5) ? { jobTitle: `Title ${p.int(1, 99)}` } : { categories: [`c${p.int(1, 9)}`] });
      this.counts.changes += 1;
    }
    if (p.chance(0.03 * scale) && this.made.length) {
      const at = p.int(0, this.made.length - 1);
      emu.control.deleteContact(this.made[at]);
      this.made.splice(at, 1);
      this.counts.deletes += 1;
    }
    if (p.chance(0.01 * scale)) {
      this.counts.folders += 1;
      const name = `Folder ${this.counts.folders}`;
      const parent = p.chance(0.5) ? 'Suppliers' : undefined;
      emu.control.addContactFolder({ displayName: name, parent });
      this.folders.push(parent ? `${parent}/${name}` : name);
    }
  }

  // ---- the steps ----

  async upsertOne(input) {
    const result = await this.s.runStep(this.upsert, { id: input.id, body: JSON.parse(JSON.stringify(input.body)), headers: {} });
    input.outcomes.push(result.kind);
    // The broker redelivers a message whose process died; a failed upsert is re-run until it
    // succeeds (a flow's retry, or its designer); now and then a message is delivered twice. All
    // with the same id. A run that failed half-way may leave a second contact: its re-run removes it.
    const replay = { crash: 1, failed: 1, credential: 1, ok: 0.15 }[result.kind] || 0;
    if (!this.s.draining && this.prng.chance(replay)) this.replayQueue.push(input);
  }

  newUpsert() {
    const n = this.upserts.length + 1;
    const key = this.prng.int(1, KEYS);
    const body = { emailAddress: this.keyAddress(key), givenName: this.prng.pick(FIRST), surname: `Customer ${key}` };
    if (this.prng.chance(0.5)) body.jobTitle = `Role ${this.prng.int(1, 5)}`;
    if (this.prng.chance(0.3)) body.personalNotes = `Notes ${n}. ${this.s.config.bodyMarker}`;
    const input = { id: `upsert-${this.tag}-${n}`, key, body, outcomes: [] };
    this.upserts.push(input);
    return input;
  }

  async tick() {
    const p = this.prng;
    this.activity(1);
    for (const what of p.chance(0.5) ? ['poll', 'upsert', 'replay'] : ['replay', 'upsert', 'poll']) {
      if (what === 'poll' && p.chance(0.45)) await this.s.poll(this.trigger);
      if (what === 'upsert' && p.chance(0.25)) await this.upsertOne(this.newUpsert());
      if (what === 'replay' && this.replayQueue.length && p.chance(0.5)) await this.upsertOne(this.replayQueue.shift());
    }
  }

  /** No faults any more: replays run (earlier creates visible first), then the trigger polls until quiet. */
  async drain() {
    const { clock } = this.s;
    while (this.replayQueue.length) {
      clock.advance(this.s.visibilityDelayMs + 2000);
      await this.upsertOne(this.replayQueue.shift());
    }
    clock.advance(this.s.visibilityDelayMs + (LOOKBACK_SECONDS + 5) * 1000);
    let quiet = 0;
    for (let i = 0; i < 8 && quiet < 2; i += 1) {
      const result = await this.s.poll(this.trigger);
      quiet = result.kind === 'ok' && result.run.emitted === 0 ? quiet + 1 : 0;
      clock.advance(30_000);
    }
    if (quiet < 2) this.s.issue('drain', 'getNewAndUpdatedContacts did not settle after the faults stopped');
  }

  /** What was emitted and upserted against what Graph holds (the control API: no replication delay). */
  account() {
    const { emu } = this.s;
    const all = emu.control.contacts();
    const since = Date.parse(this.s.sinceIso(this.trigger));
    const ledger = this.trigger.ledger;
    // Every contact's current version changed since the trigger's start (its first poll, without a start time).
    const lost = all.filter((c) => Date.parse(c.lastModifiedDateTime) >= since && ledger.timesDelivered(`${c.id} ${c.changeKey}`) === 0);
    const known = new Set([...all.map((c) => c.id), ...emu.control.contactChanges().changes.map((c) => c.contactId)]);
    for (const key of ledger.deliveries.keys()) if (!known.has(key.split(' ')[0])) this.s.issue('phantom', `contact ${key.slice(-12)} was emitted but never existed`);
    let duplicateContacts = 0;
    const duplicateContactDetail = [];
    for (let key = 1; key <= KEYS; key += 1) {
      const address = this.keyAddress(key);
      // The world never gives a contact these addresses: every holder is an upsert's.
      const holders = all.filter((c) => c.emailAddresses.some((e) => e.address.toLowerCase() === address));
      if (holders.length > 1) {
        duplicateContacts += holders.length - 1;
        duplicateContactDetail.push(`${address}: ${holders.length} contacts (upserts ${this.upserts.filter((u) => u.key === key).map((u) => u.id).join(', ')})`);
      }
      const reported = this.upserts.some((u) => u.key === key && u.outcomes.includes('ok'));
      if (reported && holders.length === 0) this.s.issue('upsert', `${address} reported upserted but no contact has it`);
    }
    return {
      contacts: all.length,
      contactChanges: this.counts.changes,
      upserts: this.upserts.length,
      upsertReplays: this.upserts.reduce((n, u) => n + Math.max(0, u.outcomes.length - 1), 0),
      duplicateContacts,
      duplicateContactDetail,
      lost: lost.length,
      duplicated: ledger.duplicates.length,
      redelivered: ledger.redelivered,
      lostDetail: lost.map((c) => `contact "${c.displayName}"`),
      duplicateDetail: ledger.duplicates.map((k) => `contact ${k.slice(-12)}`),
    };
  }
}

module.exports = { ContactsPart };
