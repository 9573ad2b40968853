'use strict';

// The event-steps part of a chaos scenario: Update Event, Cancel or Delete Event, Find Events and
// Respond to Invitation run on the scenario's mailbox while the rest of the scenario goes on, with
// its faults (lost answers on PATCH, DELETE, cancel and the answers included), crashes, clocks and
// access modes. Meetings the mailbox organises (some with Megan, the emulator's second mailbox,
// invited) are updated (a new place, a guest added) and cancelled; meetings Megan organises with
// the mailbox invited are found with Find Events and answered. A message is redelivered after a
// crash and re-run after a failure until it succeeds, and now and then delivered twice, always
// with its id. The events trigger watches all of it (its lost/duplicated accounting covers the
// versions these steps make). At the end, against what Graph holds:
//   lost        an update whose place or guest is not on the event; a cancelled event still there;
//               an answer Megan's meeting does not show
//   duplicated  a guest listed twice; Megan told twice of one cancellation or one answer
const cancelEvent = require('../../lib/calendar/cancelEvent');
const lookupEvents = require('../../lib/calendar/lookupEvents');
const respondToEvent = require('../../lib/calendar/respondToEvent');
const updateEvent = require('../../lib/calendar/updateEvent');
const { originalFetch } = require('./hooks');

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const RESPONSES = { accept: 'accepted', tentativelyAccept: 'tentativelyAccepted', decline: 'declined' };
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

class EventsPart {
  /** @param {object} scenario the Scenario (scenario.js) this part runs in */
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.eventsPrng;
    this.tag = scenario.tag;
    const mailbox = scenario.mailboxField();
    this.steps = {
      update: { name: 'updateEvent', module: updateEvent, fields: mailbox },
      cancel: { name: 'cancelEvent', module: cancelEvent, fields: mailbox },
      respond: { name: 'respondToEvent', module: respondToEvent, fields: mailbox },
      find: { name: 'lookupEvents', module: lookupEvents, fields: mailbox, onData: (body) => this.found.push(body) },
    };
    /** Meetings the mailbox organises: { id, subject, withMegan, cancelled, guests: Set, place }. */
    this.meetings = [];
    /** Meetings Megan organises with the mailbox invited: { subject, startMs, copyId?, response? }. */
    this.invitations = [];
    this.messages = [];
    this.replayQueue = [];
    this.found = [];
    this.counts = { updates: 0, cancels: 0, responses: 0, finds: 0, replays: 0, alreadyDeleted: 0, alreadyAnswered: 0 };
  }

  // ---- the world: meetings on both sides ----

  addMeeting() {
    const { emu, clock } = this.s;
    const n = this.meetings.length + 1;
    const withMegan = this.prng.chance(0.6);
    const subject = `chaos ${this.tag} meeting ${n}`;
    const startMs = Math.floor(clock.now() / HOUR) * HOUR + this.prng.int(1, 20) * DAY;
    const created = emu.control.addEvent({
      subject, start: { dateTime: iso(startMs).slice(0, 19), timeZone: 'UTC' }, end: { dateTime: iso(startMs + HOUR).slice(0, 19), timeZone: 'UTC' },
      body: { contentType: 'text', content: `Meeting ${n}. ${this.s.config.bodyMarker}` },
      attendees: withMegan ? [{ emailAddress: { address: emu.mailboxes.secondary }, type: 'required' }] : [],
      createdAt: clock.now(),
    });
    this.meetings.push({ id: created.id, subject, withMegan, cancelled: false, guests: new Set(), place: undefined });
  }

  /** Megan books a meeting with the mailbox invited, over Graph (the invitation is Graph's own doing), faults held back. */
  async invite() {
    const { emu, clock } = this.s;
    const n = this.invitations.length + 1;
    const subject = `chaos ${this.tag} invitation ${n}`;
    const startMs = Math.floor(clock.now() / HOUR) * HOUR + this.prng.int(1, 20) * DAY + this.prng.int(0, 8) * HOUR;
    const at = (ms) => ({ dateTime: iso(ms).slice(0, 19), timeZone: 'UTC' });
    const body = { subject, start: at(startMs), end: at(startMs + HOUR), attendees: [{ emailAddress: { address: emu.mailboxes.primary }, type: 'required' }] };
    const res = await this.asMegan('POST', '/me/events', body);
    if (res.status !== 201) throw new Error(`chaos: Megan's invitation answered ${res.status}`);
    this.invitations.push({ subject, startMs });
  }

  /** A request as Megan, outside any step, with the scenario's faults held back for it. */
  async asMegan(method, path, body) {
    const { emu, faults } = this.s;
    faults.sync();
    emu.control.setFaults(faults.armed.filter((rule) => rule.token));
    try {
      const token = emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token;
      const res = await originalFetch(`${emu.url}/v1.0${path}`, {
        method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
      });
      return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
    } finally {
      faults.apply();
    }
  }

  // ---- the steps ----

  async run(message) {
    const step = this.steps[message.kind];
    this.found = [];
    const result = await this.s.runStep(step, { id: message.id, body: JSON.parse(JSON.stringify(message.body)), headers: {} });
    message.outcomes.push(result.kind);
    if (result.kind === 'ok') message.done(result.value && result.value.body, this.found);
    // As the broker and flows do: redelivered after a crash, re-run after a failure, now and then twice.
    const replay = { crash: 1, failed: 1, credential: 1, ok: 0.15 }[result.kind] || 0;
    if (!this.s.draining && message.replayable && this.prng.chance(replay)) this.replayQueue.push(message);
    return result;
  }

  message(kind, body, done, replayable = true) {
    const message = { id: `${kind}-${this.tag}-${this.messages.length + 1}`, kind, body, outcomes: [], done, replayable };
    this.messages.push(message);
    return message;
  }

  async updateOne() {
    const meeting = this.pickLive();
    if (!meeting) return;
    this.counts.updates += 1;
    const k = this.counts.updates;
    const body = { eventId: meeting.id, location: `Room ${k}`, attendeesMode: 'add', optionalAttendees: `guest${k}.${this.tag}@fabrikam.example` };
    await this.run(this.message('update', body, () => {
      meeting.place = body.location;
      meeting.guests.add(body.optionalAttendees);
    }));
  }

  async cancelOne() {
    // Not a meeting with an update still to be redelivered: that update would rightly fail on a cancelled meeting.
    const waiting = new Set(this.replayQueue.filter((m) => m.kind === 'update').map((m) => m.body.eventId));
    const meeting = this.pickLive((m) => !waiting.has(m.id));
    if (!meeting) return;
    this.counts.cancels += 1;
    meeting.cancelled = true;
    await this.run(this.message('cancel', { eventId: meeting.id, comment: `Called off. ${this.s.config.bodyMarker}` }, (out) => {
      meeting.cancelReported = true;
      if (out.alreadyDeleted) this.counts.alreadyDeleted += 1;
    }));
  }

  /** Find Events over the invitation's day finds the mailbox's copy of it (once listed); then it is answered. */
  async answerOne() {
    const invitation = this.invitations.find((i) => !i.response && i.startMs > this.s.clock.now());
    if (!invitation) return;
    if (!invitation.copyId) {
      const day = iso(Math.floor(invitation.startMs / DAY) * DAY).slice(0, 10);
      const find = this.message('find', { windowStart: day, windowEnd: iso(Math.floor(invitation.startMs / DAY) * DAY + DAY).slice(0, 10), subject: invitation.subject }, (out, found) => {
        const [copy] = found.filter((e) => e.subject === invitation.subject);
        if (copy) invitation.copyId = copy.id;
      }, false);
      this.counts.finds += 1;
      await this.run(find);
      return;
    }
    this.counts.responses += 1;
    invitation.response = this.prng.pick(Object.keys(RESPONSES));
    await this.run(this.message('respond', { eventId: invitation.copyId, response: invitation.response, comment: 'Noted.' }, (out) => {
      invitation.answerReported = true;
      if (out.alreadyAnswered) this.counts.alreadyAnswered += 1;
    }));
  }

  pickLive(also = () => true) {
    const live = this.meetings.filter((m) => !m.cancelled && also(m));
    return live.length ? this.prng.pick(live) : undefined;
  }

  async tick() {
    const p = this.prng;
    if (p.chance(0.3)) this.addMeeting();
    if (p.chance(0.25)) await this.invite();
    for (const what of p.chance(0.5) ? ['update', 'cancel', 'answer', 'replay'] : ['replay', 'answer', 'cancel', 'update']) {
      if (what === 'update' && p.chance(0.3)) await this.updateOne();
      if (what === 'cancel' && p.chance(0.1)) await this.cancelOne();
      if (what === 'answer' && p.chance(0.35)) await this.answerOne();
      if (what === 'replay' && this.replayQueue.length && p.chance(0.5)) {
        this.counts.replays += 1;
        await this.run(this.replayQueue.shift());
      }
    }
  }

  /** No faults any more: every waiting message runs until it succeeds; one that cannot is a problem. */
  async drain() {
    while (this.replayQueue.length) {
      const message = this.replayQueue.shift();
      this.counts.replays += 1;
      const result = await this.run(message);
      if (result.kind === 'ok') continue;
      if (message.outcomes.length < 20) this.replayQueue.push(message);
      else this.s.issue('event steps', `${message.kind} message ${message.id} did not succeed after the faults stopped: ${message.outcomes.join(', ')}`);
    }
  }

  /** Events this part removed from the mailbox's calendar (cancelled, declined): gone from Graph, not lost. */
  removed(id) {
    return this.meetings.some((m) => m.cancelled && m.id === id) || this.invitations.some((i) => i.response === 'decline' && i.copyId === id);
  }

  /** Every item of a collection, as Megan, paged (after the drain: no faults). */
  async allAsMegan(path) {
    const items = [];
    for (let next = path; next;) {
      const res = await this.asMegan('GET', next);
      if (res.status !== 200) throw new Error(`chaos: ground truth ${path} answered ${res.status}`);
      items.push(...res.body.value);
      next = res.body['@odata.nextLink'] && res.body['@odata.nextLink'].slice(`${this.s.emu.url}/v1.0`.length);
    }
    return items;
  }

  /** What the messages reported against what Graph holds (the mailbox's meetings, Megan's meetings and inbox). */
  async account() {
    const lost = [];
    const duplicated = [];
    const ours = new Map((await this.s.world.graphAll('/me/calendar/events?$select=id,subject,location,attendees&$top=1000')).map((e) => [e.id, e]));
    for (const meeting of this.meetings) {
      const event = ours.get(meeting.id);
      if (meeting.cancelReported && event) lost.push(`cancellation of "${meeting.subject}"`);
      if (meeting.cancelled || !event) continue;
      const addresses = event.attendees.map((a) => a.emailAddress.address.toLowerCase());
      for (const guest of meeting.guests) if (!addresses.includes(guest)) lost.push(`guest ${guest} of "${meeting.subject}"`);
      if (new Set(addresses).size !== addresses.length) duplicated.push(`an attendee of "${meeting.subject}"`);
      // Every update that did not end in success was run again until it did: the last success's place stands.
      if (meeting.place && event.location.displayName !== meeting.place) lost.push(`place "${meeting.place}" of "${meeting.subject}" (Graph shows "${event.location.displayName}")`);
    }
    const told = new Map();
    for (const { subject } of await this.allAsMegan('/me/mailFolders/inbox/messages?$select=subject&$top=1000')) told.set(subject, (told.get(subject) || 0) + 1);
    for (const meeting of this.meetings.filter((m) => m.cancelled && m.withMegan)) {
      if ((told.get(`Canceled: ${meeting.subject}`) || 0) > 1) duplicated.push(`cancellation notice of "${meeting.subject}"`);
    }
    const theirs = await this.allAsMegan('/me/calendar/events?$select=subject,attendees&$top=1000');
    for (const invitation of this.invitations.filter((i) => i.answerReported)) {
      const meeting = theirs.find((e) => e.subject === invitation.subject);
      const mine = meeting && meeting.attendees.find((a) => a.emailAddress.address.toLowerCase() === this.s.emu.mailboxes.primary.toLowerCase());
      if (!mine || mine.status.response !== RESPONSES[invitation.response]) lost.push(`${invitation.response} of "${invitation.subject}"`);
      const notices = [...told].filter(([subject]) => subject.endsWith(`: ${invitation.subject}`)).reduce((n, [, c]) => n + c, 0);
      if (notices > 1) duplicated.push(`${notices} answer notices of "${invitation.subject}"`);
    }
    return {
      eventUpdatesRun: this.counts.updates,
      cancellations: this.counts.cancels,
      responses: this.counts.responses,
      eventStepReplays: this.counts.replays,
      lost: lost.length,
      duplicated: duplicated.length,
      lostDetail: lost,
      duplicateDetail: duplicated,
    };
  }
}

module.exports = { EventsPart };
