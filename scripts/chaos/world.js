'use strict';

// The mailbox's life during a scenario: mail and events arriving (many within one second, some
// visible to list queries only a few seconds after their timestamp), mail read, flagged and
// moved, events changed. Everything goes through the emulator's in-process control API with
// timestamps from the virtual clock. Also the ground truth at the end, read over Graph.
const { originalFetch } = require('./hooks');

const SENDERS = ['alex.wilber@contoso.example', 'billing@fabrikam.example', 'news@northwind.example', 'Patti O\'Brien <patti@tailspin.example>'];
const LOCATIONS = ['Room 1', 'Room 2', 'Cafeteria', 'Building 4', 'Online'];

class World {
  /**
   * @param {object} o
   * @param {object} o.emu the emulator
   * @param {object} o.clock virtual clock
   * @param {object} o.prng the world's random stream
   * @param {string} o.tag unique per scenario, in every subject
   * @param {string} o.bodyMarker put into every mail and event body
   * @param {number} o.visibilityDelayMs the emulator's replication delay
   */
  constructor(o) {
    Object.assign(this, o);
    this.mails = [];
    this.mailBySubject = new Map();
    this.events = [];
    this.counts = { mails: 0, events: 0, eventUpdates: 0, mailTouches: 0, moves: 0 };
    /** Subjects of mail that left the Inbox before it was emitted: emitting it is optional. */
    this.excused = new Set();
  }

  /** A timestamp a little in the past: some items are listed at once, some only a while later. */
  recent() {
    return this.clock.now() - this.prng.int(0, 2 * this.visibilityDelayMs);
  }

  /**
   * @param {number} count
   * @param {object} [how]
   * @param {boolean} [how.sameSecond] all within one whole second
   * @param {number} [how.from] spread evenly from this time to now (mail that arrived while
   *   nobody polled, or while polls failed)
   */
  addMails(count, { sameSecond = false, from } = {}) {
    const made = [];
    // A whole second that has already passed, so that its mails spread over its 1000 ms.
    const second = Math.floor((this.recent() - 1000) / 1000) * 1000;
    const now = this.clock.now();
    for (let i = 0; i < count; i += 1) {
      const n = this.counts.mails += 1;
      const subject = `chaos ${this.tag} mail ${n}`;
      let receivedAt = this.recent();
      if (sameSecond) receivedAt = second + this.prng.int(0, 999);
      else if (from !== undefined) receivedAt = Math.round(from + ((now - from) * (i + this.prng.next())) / count);
      const added = this.emu.control.addMail({
        subject,
        from: this.prng.pick(SENDERS),
        body: `<p>Hello, this is mail ${n}. ${this.bodyMarker}</p>`,
        receivedAt,
        isRead: this.prng.chance(0.1),
      });
      const mail = { subject, id: added.id, immutableId: undefined, folder: 'inbox' };
      this.mails.push(mail);
      this.mailBySubject.set(subject, mail);
      made.push(mail);
    }
    return made;
  }

  addEvents(count, { from } = {}) {
    const now = this.clock.now();
    for (let i = 0; i < count; i += 1) {
      const n = this.counts.events += 1;
      const created = this.emu.control.addEvent({
        subject: `chaos ${this.tag} event ${n}`,
        body: { contentType: 'text', content: `Agenda ${n}. ${this.bodyMarker}` },
        createdAt: from === undefined ? this.recent() : Math.round(from + ((now - from) * (i + this.prng.next())) / count),
      });
      this.events.push({ id: created.id });
    }
  }

  /** A new change key and lastModifiedDateTime = now, visible at once. */
  updateEvents(count) {
    for (let i = 0; i < count && this.events.length; i += 1) {
      const event = this.prng.pick(this.events);
      this.emu.control.updateEvent(event.id, this.prng.chance(0.5)
        ? { location: { displayName: this.prng.pick(LOCATIONS) } }
        : { showAs: this.prng.pick(['busy', 'tentative', 'free']), categories: [`c${this.prng.int(1, 9)}`] });
      this.counts.eventUpdates += 1;
    }
  }

  /** Read, flag or categorise mail, emitted or not: it must not be emitted again. */
  touchMails(count) {
    for (let i = 0; i < count && this.mails.length; i += 1) {
      const mail = this.prng.pick(this.mails);
      const change = this.prng.pick([{ isRead: true }, { isRead: false }, { flag: 'flagged' }, { flag: 'complete' }, { categories: ['Red category'] }]);
      this.emu.control.updateMail(mail.immutableId ?? mail.id, change);
      this.counts.mailTouches += 1;
    }
  }

  /**
   * Moves mail out of the Inbox (emitted or not: a mail leaving between two page requests must
   * not make the trigger skip another), or back into it (same immutable id, old receivedDateTime:
   * not new mail, and if it was emitted it must not be emitted again).
   */
  moveMails(count, { from, among = this.mails } = {}) {
    const candidates = from ? among.filter((m) => m.folder === from) : among;
    for (let i = 0; i < count && candidates.length; i += 1) {
      const mail = this.prng.pick(candidates);
      const to = mail.folder === 'inbox' ? 'archive' : 'inbox';
      if (!mail.immutableId) this.excused.add(mail.subject);
      const moved = this.emu.control.updateMail(mail.immutableId || mail.id, { moveTo: to });
      mail.id = moved.id;
      mail.folder = to;
      this.counts.moves += 1;
    }
  }

  /** The trigger emitted this mail: from now on it may be moved (addressed by its immutable id). */
  noteEmittedMail(body) {
    const mail = this.mailBySubject.get(body.subject);
    if (mail && !mail.immutableId) mail.immutableId = body.id;
  }

  /**
   * Random activity, sized by `scale` (1 between polls, smaller during one). Between polls a tick
   * brings about 5 mails; a tick lasts 1 to 25 s, so the Inbox gets far fewer than the ~440 mails
   * per two minutes the mail trigger's snapshot can remember (README, Known limitations).
   */
  activity(scale = 1) {
    const p = this.prng;
    if (p.chance(0.6 * scale)) this.addMails(p.int(1, 8));
    if (p.chance(0.12 * scale)) this.addMails(p.int(5, 40), { sameSecond: true });
    if (p.chance(0.35 * scale)) this.addEvents(p.int(1, 2));
    if (p.chance(0.3 * scale)) this.updateEvents(p.int(1, 2));
    if (p.chance(0.25 * scale)) this.touchMails(p.int(1, 4));
    if (p.chance(0.1 * scale)) this.moveMails(p.int(1, 3));
  }

  // ---- ground truth, read over Graph (not through the component) ----

  async graphAll(path, prefer) {
    const token = this.emu.control.issueTokens().access_token;
    const items = [];
    let next = `${this.emu.url}/v1.0${path}`;
    for (let pages = 0; next; pages += 1) {
      if (pages > 1000) throw new Error(`ground truth: too many pages for ${path}`);
      const res = await originalFetch(next, { headers: { Authorization: `Bearer ${token}`, Prefer: prefer } });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`ground truth: ${path} answered ${res.status} ${body.error && body.error.code}`);
      items.push(...body.value);
      next = body['@odata.nextLink'];
    }
    return items;
  }

  /** Every mail in the Inbox received from `sinceIso` on, with immutable ids (as the trigger sees them). */
  inboxSince(sinceIso) {
    const q = `$select=id,subject,receivedDateTime&$filter=${encodeURIComponent(`receivedDateTime ge ${sinceIso}`)}&$orderby=receivedDateTime%20asc&$top=1000`;
    return this.graphAll(`/me/mailFolders/inbox/messages?${q}`, 'IdType="ImmutableId"');
  }

  /** Every event of the default calendar changed from `sinceIso` on: its current version. */
  eventsSince(sinceIso) {
    const q = `$select=id,changeKey,subject,transactionId,lastModifiedDateTime&$filter=${encodeURIComponent(`lastModifiedDateTime ge ${sinceIso}`)}&$orderby=lastModifiedDateTime%20asc&$top=1000`;
    return this.graphAll(`/me/calendar/events?${q}`, 'outlook.timezone="UTC"');
  }
}

module.exports = { World };
