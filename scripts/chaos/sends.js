'use strict';

// The sending part of a chaos scenario: Send Mail with files (small ones inside the request, now
// and then one over it, added to the draft by an upload session), Reply to Mail and Forward Mail
// on mails that arrive, and Create Draft followed by Send Draft. Every message is delivered again
// after a crash or a failure until it succeeds, and now and then after a success too (the
// platform's redelivery), all with the same message id, under the scenario's faults (lost answers
// on every write), crashes, clocks and access modes. Sending is asynchronous in the emulator (the
// mail waits in the Outbox, then is in Sent Items). At the end: no mail submitted twice (sends
// duplicated 0), and every message that reported success was submitted (lost 0).
const { Readable } = require('stream');
const sendMail = require('../../lib/mail/sendMail');
const replyToMail = require('../../lib/mail/replyToMail');
const forwardMail = require('../../lib/mail/forwardMail');
const createDraft = require('../../lib/mail/createDraft');
const sendDraft = require('../../lib/mail/sendDraft');
const { fakeMaester } = require('../../spec/helpers/fakeMaester');

/** What the emulator takes to move a submitted mail from the Outbox to Sent Items. */
const SEND_DELAY_MS = 2000;
/** A file over what one Graph request holds: added to the draft by an upload session. */
const LARGE_BYTES = 3 * 1024 * 1024 + 512 * 1024;
/** Deliveries of one message before the drain gives up on it (it is then reported). */
const MAX_DELIVERIES = 25;

class SendsPart {
  /** @param {object} scenario the Scenario (scenario.js) this part runs in */
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.sendsPrng;
    this.tag = scenario.tag;
    this.inputs = [];
    this.replayQueue = [];
    const fields = scenario.mailboxField();
    const step = (name, module) => ({ name, module, fields });
    this.steps = {
      sendMail: step('sendMail', sendMail),
      replyToMail: step('replyToMail', replyToMail),
      forwardMail: step('forwardMail', forwardMail),
      createDraft: step('createDraft', createDraft),
      sendDraft: step('sendDraft', sendDraft),
    };
  }

  /** The platform's storage for the files, and the emulator's asynchronous sending. */
  async open() {
    this.s.emu.control.setSendDelay(SEND_DELAY_MS);
    this.maester = await fakeMaester();
    this.savedEnv = Object.fromEntries(Object.keys(this.maester.env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, this.maester.env);
  }

  async close() {
    if (!this.maester) return;
    for (const [k, v] of Object.entries(this.savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await this.maester.close();
    this.maester = undefined;
  }

  async file(name, size) {
    const url = await this.maester.seed(Readable.from([Buffer.alloc(size, name.length)]));
    return { [name]: { url, size, 'content-type': 'application/octet-stream' } };
  }

  // ---- the messages ----

  /** A new message for `step`; `subject` is the one its mail is sent with (how it is counted). */
  add(step, subject, body, attachments) {
    const input = { id: `${step}-${this.tag}-${this.inputs.length + 1}`, step, subject, body, attachments, outcomes: [] };
    this.inputs.push(input);
    return input;
  }

  async newInput() {
    const p = this.prng;
    const n = this.inputs.length + 1;
    const kind = p.weighted({ sendMail: 4, replyToMail: 3, forwardMail: 2, createDraft: 2 });
    const marker = `${this.s.config.bodyMarker} ${n}`;
    const partner = `Partner ${n} <partner${n}.${this.tag}@fabrikam.example>`;
    let attachments;
    if (kind !== 'createDraft' && p.chance(0.5)) attachments = await this.file(`note-${n}.txt`, p.int(0, 40_000));
    if (kind === 'sendMail' && p.chance(0.12)) attachments = { ...attachments, ...await this.file(`scan-${n}.bin`, LARGE_BYTES) };
    if (kind === 'sendMail') {
      const subject = `chaos ${this.tag} mail ${n}`;
      return this.add(kind, subject, { to: partner, subject, body: `Report. ${marker}` }, attachments);
    }
    if (kind === 'createDraft') {
      const subject = `chaos ${this.tag} draft ${n}`;
      return this.add(kind, undefined, { to: partner, subject, body: `Draft. ${marker}` });
    }
    // A mail of the partner arrives; the flow answers or forwards it.
    const original = `chaos ${this.tag} question ${n}`;
    const messageId = this.s.emu.control.addMail({ subject: original, from: partner, body: `<p>Question ${n}. ${this.s.config.bodyMarker}</p>` }).id;
    if (kind === 'replyToMail') return this.add(kind, `RE: ${original}`, { messageId, replyAll: p.chance(0.3), body: `Answer. ${marker}` }, attachments);
    return this.add(kind, `FW: ${original}`, { messageId, to: `colleague${n}.${this.tag}@contoso.example`, body: `FYI. ${marker}` }, attachments);
  }

  async deliver(input) {
    const msg = { id: input.id, body: JSON.parse(JSON.stringify(input.body)), headers: {} };
    if (input.attachments) msg.attachments = input.attachments;
    const result = await this.s.runStep(this.steps[input.step], msg);
    input.outcomes.push(result.kind);
    // A made draft is sent by the next step of the flow, once (a redelivered Create Draft returns the same draft).
    if (input.step === 'createDraft' && result.kind === 'ok' && !input.next) {
      const { id, subject } = result.value.body;
      input.next = this.add('sendDraft', subject, { messageId: id });
      this.replayQueue.push(input.next);
    }
    const again = { crash: 1, failed: 1, credential: 1, ok: 0.2 }[result.kind] || 0;
    if (!this.s.draining && this.prng.chance(again)) this.replayQueue.push(input);
    return result;
  }

  async tick() {
    const p = this.prng;
    if (p.chance(0.35)) await this.deliver(await this.newInput());
    if (this.replayQueue.length && p.chance(0.5)) await this.deliver(this.replayQueue.shift());
  }

  /** No faults any more: every message not yet through is delivered again until it is. */
  async drain() {
    const pending = () => this.inputs.filter((i) => !i.outcomes.includes('ok') && i.outcomes.length < MAX_DELIVERIES && !i.outcomes.includes('unexpected'));
    this.replayQueue = [];
    for (let todo = pending(); todo.length; todo = pending()) {
      this.s.clock.advance(SEND_DELAY_MS + this.s.visibilityDelayMs + 1000);
      for (const input of todo) await this.deliver(input);
    }
    this.s.clock.advance(10 * SEND_DELAY_MS);
    for (const input of this.inputs.filter((i) => !i.outcomes.includes('ok'))) this.s.issue('send', `${input.step} ${input.id} never succeeded: ${input.outcomes.join(', ')}`);
  }

  /** What Graph submitted against what the messages asked for. */
  account() {
    const sent = new Map();
    for (const record of this.s.emu.control.sent()) sent.set(record.subject, (sent.get(record.subject) || 0) + 1);
    let duplicated = 0;
    const duplicateDetail = [];
    const lost = [];
    const mails = this.inputs.filter((i) => i.subject !== undefined);
    for (const input of mails) {
      const copies = sent.get(input.subject) || 0;
      if (copies > 1) {
        duplicated += copies - 1;
        duplicateDetail.push(`${input.step} "${input.subject}" sent ${copies} times`);
      }
      if (input.outcomes.includes('ok') && copies === 0) lost.push(input);
    }
    const count = (step) => mails.filter((i) => i.step === step).length;
    return {
      sends: mails.length,
      replies: count('replyToMail'),
      forwards: count('forwardMail'),
      draftsSent: count('sendDraft'),
      sendRedeliveries: this.inputs.reduce((n, i) => n + Math.max(0, i.outcomes.length - 1), 0),
      duplicated,
      duplicateDetail,
      lost: lost.length,
      lostDetail: lost.map((i) => `${i.step} "${i.subject}"`),
    };
  }
}

module.exports = { SendsPart, SEND_DELAY_MS };
