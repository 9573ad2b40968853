'use strict';

// The mail toolbox part of a chaos scenario: Find or Create Folder, Move, Copy, Update and Delete
// Mail on mails of their own (in Archive and folders under it, away from the Inbox the mail
// trigger watches), each message replayed after a crash or a failure, and now and then after a
// success, as the broker and a flow's retries do. The scenario's faults (lost answers on the
// writes included), crashes, replication delay and access modes apply. At the end, against what
// Graph holds: every mail where its last move put it, in Deleted Items when deleted (never purged
// by a replay) and with each category once (lost 0), one copy per copy message and one folder per
// path (duplicated 0).
const copyMail = require('../../lib/mail/copyMail');
const deleteMail = require('../../lib/mail/deleteMail');
const lookupFolder = require('../../lib/mail/lookupFolder');
const moveMail = require('../../lib/mail/moveMail');
const updateMail = require('../../lib/mail/updateMail');

const MAILS = 8;
// Ground truth is read over Graph itself, not through the component's hooks.
const originalFetch = globalThis.fetch;
const PATHS = ['Archive/Ops A', 'Archive/Ops B', 'Archive/Ops A/Deep'];

class MailOpsPart {
  /** @param {object} scenario the Scenario (scenario.js) this part runs in */
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.mailOpsPrng;
    const fields = scenario.mailboxField();
    this.steps = Object.fromEntries([['lookupFolder', lookupFolder, { createMissing: true }], ['moveMail', moveMail], ['copyMail', copyMail], ['updateMail', updateMail], ['deleteMail', deleteMail]]
      .map(([name, module, own = {}]) => [name, { name, module, fields: { ...fields, ...own } }]));
    this.mails = [];
    this.inputs = [];
    this.replayQueue = [];
    this.counts = { moves: 0, copies: 0, updates: 0, deletes: 0, folders: 0 };
  }

  /**
   * One Graph read as the ground truth, with immutable ids: the body, or null for a 404. Faults
   * may be armed while it runs, so a failed read is repeated (the emulator's clock stands still).
   */
  async truth(path) {
    const token = this.s.emu.control.issueTokens().access_token;
    for (let attempt = 1; ; attempt += 1) {
      let answer;
      try {
        const res = await originalFetch(`${this.s.emu.url}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}`, Prefer: 'IdType="ImmutableId"' } });
        answer = { status: res.status, body: await res.json() };
      } catch (err) {
        // A dropped connection (a fault): read again.
        answer = { status: 0, body: { error: { code: err.message } } };
      }
      if (answer.status === 200) return answer.body;
      if (answer.status === 404) return null;
      if (attempt >= 50) throw new Error(`ground truth: ${path} answered ${answer.status} ${answer.body.error && answer.body.error.code}`);
    }
  }

  /** Mails of the part's own in Archive, known by the immutable ids the steps use. */
  async seed() {
    for (let i = 1; i <= MAILS; i += 1) {
      const subject = `ops ${this.s.tag} ${i}`;
      const { id } = this.s.emu.control.addMail({ folder: 'archive', subject, from: 'Ops <ops@fabrikam.example>', body: `<p>${this.s.config.bodyMarker}</p>` });
      const { id: immutableId } = await this.truth(`/me/messages/${encodeURIComponent(id)}?$select=id`);
      this.mails.push({ id: immutableId, subject, folder: 'archive', deleted: false, categories: new Set(), pending: 0 });
    }
  }

  /** The folder ids of the part's paths, made when first used; undefined while none exists yet. */
  folderIdOf(path) {
    return this.folderIds && this.folderIds.get(path);
  }

  async run(input) {
    const result = await this.s.runStep(this.steps[input.step], { id: input.id, body: JSON.parse(JSON.stringify(input.body)), headers: {} });
    input.outcomes.push(result.kind);
    if (result.kind === 'ok') input.done(result.value.body);
    const replay = { crash: 1, failed: 1, credential: 1, ok: 0.15 }[result.kind] || 0;
    if (!this.s.draining && this.prng.chance(replay)) {
      this.replayQueue.push(input);
      return;
    }
    if (result.kind !== 'ok') {
      // Given up: what it did is unknown, so the mail's state is no longer predicted.
      if (input.mail) input.mail.unknown = true;
    }
    if (input.mail) input.mail.pending -= 1;
  }

  async newInput() {
    const p = this.prng;
    const n = this.inputs.length + 1;
    const id = `ops-${this.s.tag}-${n}`;
    this.folderIds = this.folderIds || new Map();
    const free = this.mails.filter((m) => !m.pending && !m.deleted && !m.unknown);
    const kind = free.length ? p.weighted({ folder: 1, move: 4, copy: 2, update: 3, delete: 1 }) : 'folder';
    let input;
    if (kind === 'folder') {
      const path = p.pick(PATHS);
      input = { step: 'lookupFolder', body: { path }, done: (out) => { this.folderIds.set(path, out.id); } };
      this.counts.folders += 1;
    } else {
      const mail = p.pick(free);
      const messageId = mail.id;
      if (kind === 'move') {
        const known = PATHS.filter((path) => this.folderIdOf(path));
        const path = known.length && p.chance(0.7) ? p.pick(known) : 'Archive';
        input = { step: 'moveMail', body: { messageId, destinationFolderPath: path }, done: (out) => { mail.folder = out.parentFolderId; } };
        this.counts.moves += 1;
      } else if (kind === 'copy') {
        // A copy is known by the mail's Message-ID in its folder: one copy per mail and folder, however many messages ask.
        input = { step: 'copyMail', body: { messageId, destinationFolderId: 'junkemail' }, done: () => { mail.copied = true; } };
        this.counts.copies += 1;
      } else if (kind === 'update') {
        const category = `c${p.int(1, 4)}`;
        input = { step: 'updateMail', body: { messageId, isRead: p.chance(0.5), categories: category, categoriesMode: 'add' }, done: () => { mail.categories.add(category); } };
        this.counts.updates += 1;
      } else {
        input = { step: 'deleteMail', body: { messageId }, done: () => { mail.deleted = true; } };
        this.counts.deletes += 1;
      }
      input.mail = mail;
      mail.pending += 1;
    }
    Object.assign(input, { id, outcomes: [] });
    this.inputs.push(input);
    return input;
  }

  async tick() {
    const p = this.prng;
    if (this.replayQueue.length && p.chance(0.5)) await this.run(this.replayQueue.shift());
    if (p.chance(0.3)) await this.run(await this.newInput());
  }

  /** No faults any more: every message waiting for its replay is run until it succeeds. */
  async drain() {
    while (this.replayQueue.length) {
      this.s.clock.advance(this.s.visibilityDelayMs + 2000);
      const input = this.replayQueue.shift();
      for (let i = 0; i < 5 && input.outcomes[input.outcomes.length - 1] !== 'ok'; i += 1) {
        input.outcomes.push('drain');
        await this.run(input);
      }
    }
  }

  /** What Graph holds against what the steps reported (lists read after the replication delay). */
  async account() {
    const { world } = this.s;
    this.s.clock.advance(this.s.visibilityDelayMs + 1000);
    const deletedItems = (await this.truth('/me/mailFolders/deleteditems?$select=id')).id;
    const junk = await world.graphAll('/me/mailFolders/junkemail/messages?$select=subject&$top=100');
    const copiesOf = (subject) => junk.filter((m) => m.subject === subject).length;
    const lost = [];
    let duplicated = 0;
    const duplicateDetail = [];
    for (const mail of this.mails) {
      const now = await this.truth(`/me/messages/${encodeURIComponent(mail.id)}?$select=parentFolderId,categories`);
      if (!now) { lost.push(`mail "${mail.subject}" is gone`); continue; }
      if (mail.deleted && now.parentFolderId !== deletedItems) lost.push(`mail "${mail.subject}" deleted but not in Deleted Items`);
      if (!mail.deleted && !mail.unknown && mail.folder !== 'archive' && now.parentFolderId !== mail.folder) lost.push(`mail "${mail.subject}" not where its last move put it`);
      for (const category of mail.categories) if (!now.categories.includes(category)) lost.push(`mail "${mail.subject}" lacks category ${category}`);
      if (new Set(now.categories).size !== now.categories.length) duplicateDetail.push(`mail "${mail.subject}" holds a category twice`);
      const copies = copiesOf(mail.subject);
      if (copies > 1) {
        duplicated += copies - 1;
        duplicateDetail.push(`mail "${mail.subject}": ${copies} copies in Junk Email`);
      }
      if (mail.copied && copies === 0) lost.push(`mail "${mail.subject}" reported copied but has no copy`);
    }
    for (const path of PATHS) {
      const names = path.split('/');
      const parent = names.slice(0, -1).join('/');
      const parentId = parent === 'Archive' ? 'archive' : this.folderIdOf(parent);
      if (!parentId) continue;
      const last = names[names.length - 1];
      const same = (await world.graphAll(`/me/mailFolders/${encodeURIComponent(parentId)}/childFolders?$select=displayName&$top=100`)).filter((f) => f.displayName === last);
      if (same.length > 1) {
        duplicated += same.length - 1;
        duplicateDetail.push(`folder ${path} made ${same.length} times`);
      }
    }
    return {
      mailOps: this.inputs.length,
      mailOpReplays: this.inputs.reduce((n, i) => n + Math.max(0, i.outcomes.filter((o) => o !== 'drain').length - 1), 0),
      lost: lost.length,
      duplicated: duplicated + duplicateDetail.filter((d) => d.includes('category twice')).length,
      lostDetail: lost,
      duplicateDetail,
    };
  }
}

module.exports = { MailOpsPart };
