'use strict';

// Calendar Changes in every chaos scenario: the trigger follows a calendar of its own (`Chaos
// Changes`, made for it, so the other parts' calendars are left alone) through a window of a few
// days back and ahead, while single events and daily series are booked there (some beyond the
// window's far end, to come into view later), rescheduled and renamed, occurrences changed into
// exceptions, whole series changed, occurrences and events deleted or cancelled (an attendee's
// copy), Graph loses the sync state now and then (410 with each of its codes), and the scenario's
// faults and crashes hit its polls too. Half the scenarios end by walking Graph's clock past the
// next UTC midnight, with crashes still on: the window rolls (the new one read afresh, the old one
// followed a last round), with changes on both sides of the roll.
//
// Accounting, by occurrence id and change key (its version), against the calendar as Graph holds
// it at the end (the control API, no faults) and what this part did:
// - lost: an occurrence in the final window, not cancelled, never emitted as it looks at the end,
//   when it took on that look from the trigger's start on (a change of one occurrence stamps its
//   whole series anew, the others looking as before: nothing of theirs is owed then) or came into
//   view by a window roll; or an occurrence deleted or cancelled after a completed poll
//   had emitted a version of it, with no `deleted`, unless Graph had lost the state then (the
//   README says those cannot be reported);
// - a version (or a deletion) emitted twice is redelivered after a crash (bounded by
//   PERSIST_EVERY), or duplicated, a failure: after a lost state the README promises only versions
//   not emitted before, so a resync may repeat nothing the snapshot's hashes remember.
const { CODES, pollUntilQuiet } = require('./delta');
const { TriggerLedger } = require('./ledger');
const { wallTimeToEpoch } = require('../../lib/validation/datetime');
const { resolveTimeZone } = require('../../lib/validation/timezones');

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const CALENDAR = 'Chaos Changes';

class EventDeltaTrigger {
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.plan.fork('event delta');
    this.pastDays = this.prng.pick([0, 1, 2]);
    this.futureDays = this.prng.pick([1, 3, 7]);
    this.rolls = this.prng.chance(scenario.config.calendarRollShare);
    this.active = scenario.config.calendarChanges !== false;
    this.calendarId = this.active ? scenario.emu.control.addCalendar({ name: CALENDAR }).id : undefined;
    this.polls = [];
    this.resyncs = [];
    /** Occurrence id -> how the versions emitted of it looked (see looks). */
    this.looksEmitted = new Map();
    /** What this part made: {id (event or series master), series, subject}. */
    this.events = [];
    /** Occurrence id -> when it was deleted or cancelled (virtual ms). */
    this.goneAt = new Map();
    /** Occurrence id -> when a version of it was emitted (virtual ms), each time. */
    this.emittedAt = new Map();
    /** Occurrence id -> how it looks as this part last changed it, and the lastModifiedDateTime (ms) of the change that made it look so. */
    this.lookSince = new Map();
    /** The end of the trigger's first window (ms): what starts from then on came into view by a roll. */
    this.firstWindowEnd = undefined;
    this.counts = {
      booked: 0, series: 0, moved: 0, renamed: 0, exceptions: 0, seriesChanged: 0, deleted: 0, cancelled: 0, expiries: 0, rolled: 0,
    };
    this.step = {
      name: 'getEventChanges', module: require('../../lib/calendar/getEventChanges'), trigger: true, delta: true,
      fields: {
        ...(scenario.noStartTime ? {} : { startTime: scenario.startIso }), ...scenario.mailboxField(), calendarId: this.calendarId,
        pastDays: this.pastDays, futureDays: this.futureDays, timeZone: this.prng.pick(['', 'Europe/Berlin', 'Pacific Standard Time']),
      },
      ledger: new TriggerLedger('event changes'),
      keyOf: (body) => {
        if (body.changeType === 'deleted') {
          // Graph lists an event out of the window as removed too: that is no deletion.
          if (!this.goneAt.has(body.id)) this.s.issue('phantom', `Calendar Changes emitted the deletion of ${body.id.slice(-12)}, which is still in the calendar`);
          return `deleted ${body.id}`;
        }
        const times = this.emittedAt.get(body.id) || [];
        times.push(this.s.clock.now());
        this.emittedAt.set(body.id, times);
        const looks = this.looksEmitted.get(body.id) || new Set();
        looks.add(this.looks(body.event, this.zone));
        this.looksEmitted.set(body.id, looks);
        return `${body.id} ${body.event.changeKey}`;
      },
      onSnapshot: (snapshot) => {
        const end = snapshot.chains && snapshot.chains.changes && snapshot.chains.changes.windowEnd;
        if (this.firstWindowEnd === undefined && end) this.firstWindowEnd = Date.parse(end);
      },
      onLog: (level, line) => {
        if (level !== 'warn' || !/^Graph no longer has the change-tracking state of events/.test(line)) return;
        const last = this.polls[this.polls.length - 1];
        this.resyncs.push({ since: last ? last.start : this.s.start, until: undefined });
      },
    };
    this.zone = this.step.fields.timeZone ? resolveTimeZone(this.step.fields.timeZone, 'timeZone').iana : 'UTC';
  }

  /**
   * How an occurrence looks, whatever its change key: a change of a series stamps a new change key
   * on every occurrence, yet Graph lists again only those that look different (the README: "each
   * is emitted when it looks different"), so the version owed is the one that looks as at the end.
   */
  looks(event, iana) {
    const startMs = wallTimeToEpoch(event.start.dateTime.slice(0, 19), iana);
    return JSON.stringify([event.type, event.subject, event.bodyPreview, startMs]);
  }

  control() {
    return this.s.emu.control;
  }

  /** A whole hour from `fromDays` to `toDays` days away from Graph's clock. */
  someHour(fromDays, toDays) {
    const now = this.s.clock.now();
    return Math.floor((now + this.prng.int(Math.round(fromDays * 24), Math.round(toDays * 24)) * HOUR) / HOUR) * HOUR;
  }

  /** Occurrences (or the single event) of one of this part's events, as the calendar holds them now. */
  instancesOf(event) {
    // Wide enough for the moves this part makes (a few hours each).
    const view = this.control().calendarView({ calendar: this.calendarId, startMs: event.startMs - 5 * DAY, endMs: event.startMs + 10 * DAY });
    return view.filter((e) => (event.series ? e.seriesMasterId === event.id : e.id === event.id));
  }

  /** After a change of `event`: when each of its instances took on the look it has now (unchanged looks keep theirs). */
  noteLooks(event) {
    for (const e of this.instancesOf(event)) {
      const look = this.looks(e, 'UTC');
      const known = this.lookSince.get(e.id);
      if (!known || known.look !== look) this.lookSince.set(e.id, { look, at: Date.parse(e.lastModifiedDateTime) });
    }
  }

  // ---- the calendar's life ----

  book(at) {
    const p = this.prng;
    const series = p.chance(0.3);
    // From the window's first day to two days past its end (those come into view as it rolls).
    const startMs = at ?? this.someHour(-this.pastDays, this.futureDays + 2);
    const span = p.pick([30, 60, 90]) * 60_000;
    this.counts.booked += 1;
    if (series) this.counts.series += 1;
    const subject = `chaos ${this.s.tag} calendar change ${this.counts.booked}`;
    const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    const created = this.control().addEvent({
      calendar: this.calendarId, subject, start: wall(startMs), end: wall(startMs + span),
      createdAt: this.s.clock.now() - p.int(0, this.s.visibilityDelayMs),
      ...(series ? { recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: p.int(2, 5), startDate: new Date(startMs).toISOString().slice(0, 10) } } } : {}),
    });
    this.events.push({ id: created.id, series, subject, startMs, span });
    this.noteLooks(this.events[this.events.length - 1]);
  }

  live() {
    return this.events.filter((e) => !e.gone);
  }

  /** A single event rescheduled (within a day) or renamed; an occurrence so changed becomes an exception. */
  change() {
    const event = this.live().length ? this.prng.pick(this.live()) : undefined;
    if (!event) return;
    const targets = this.instancesOf(event).filter((e) => !this.goneAt.has(e.id));
    if (!targets.length) return;
    const target = this.prng.pick(targets);
    if (this.prng.chance(0.5)) {
      const startMs = Date.parse(`${target.start.dateTime.slice(0, 19)}Z`) + this.prng.pick([-2, -1, 1, 3]) * HOUR;
      const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
      try {
        this.control().updateEvent(target.id, { start: wall(startMs), end: wall(startMs + event.span) });
      } catch (err) {
        // Graph refuses an occurrence moved onto or past its neighbour: nothing changed.
        if (/ErrorOccurrenceCrossingBoundary/.test(err.message)) return;
        throw err;
      }
      this.counts.moved += 1;
    } else {
      this.control().updateEvent(target.id, { subject: `${event.subject} (${this.counts.renamed + 1})` });
      this.counts.renamed += 1;
    }
    if (event.series) this.counts.exceptions += 1;
    this.noteLooks(event);
  }

  /** The series master changed: every occurrence shows a new version. */
  changeSeries() {
    const series = this.live().filter((e) => e.series);
    if (!series.length) return;
    const event = this.prng.pick(series);
    this.control().updateEvent(event.id, { body: { contentType: 'text', content: `Agenda ${this.s.clock.now()}. ${this.s.config.bodyMarker}` } });
    this.counts.seriesChanged += 1;
    this.noteLooks(event);
  }

  /** An occurrence or a single event deleted, or cancelled (it stays, marked); now and then a whole series. */
  remove() {
    const event = this.live().length ? this.prng.pick(this.live()) : undefined;
    if (!event) return;
    const now = this.s.clock.now();
    const instances = this.instancesOf(event).filter((e) => !this.goneAt.has(e.id));
    if (event.series && this.prng.chance(0.25)) {
      this.control().deleteEvent(event.id);
      event.gone = now;
      for (const e of instances) this.goneAt.set(e.id, now);
      this.counts.deleted += 1;
      return;
    }
    if (!instances.length) return;
    const target = this.prng.pick(instances);
    if (this.prng.chance(0.5)) {
      this.control().updateEvent(target.id, { isCancelled: true });
      this.counts.cancelled += 1;
    } else {
      this.control().deleteEvent(target.id);
      this.counts.deleted += 1;
    }
    this.goneAt.set(target.id, now);
    if (!event.series) event.gone = now;
  }

  activity() {
    const p = this.prng;
    if (p.chance(0.35)) this.book();
    if (p.chance(0.2)) this.change();
    if (p.chance(0.06)) this.changeSeries();
    if (p.chance(0.1)) this.remove();
  }

  // ---- the trigger ----

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

  expire() {
    this.counts.expiries += 1;
    this.control().expireDeltaTokens({ mailbox: this.s.emu.mailboxes.primary, code: this.prng.pick(CODES) });
  }

  async tick() {
    if (!this.active) return;
    this.activity();
    if (!this.s.forced && this.prng.chance(0.03)) this.expire();
    if (this.prng.chance(0.5)) await this.poll();
  }

  /**
   * Settles, then (in half the scenarios) walks Graph's clock past the next UTC midnight with
   * crashes back on: changes before the roll, on the day after, a lost state at the roll now and
   * then, and polls until quiet again.
   */
  async drain() {
    if (!this.active || this.s.dateHeader === 'dropped') return;
    await pollUntilQuiet(this.s, this.step.name, () => this.poll());
    if (!this.rolls) return;
    const now = this.s.clock.now();
    const midnight = Math.ceil((now + 1) / DAY) * DAY;
    this.s.clock.advance(midnight - now - this.prng.int(1, 30) * 60_000);
    this.activity();
    // Booked on the day the roll brings into view, unseen until then: owed as created once it rolls.
    for (let i = this.prng.int(1, 3); i > 0; i -= 1) this.book(midnight + this.futureDays * DAY + this.prng.int(0, 23) * HOUR);
    // Crashes back on for the roll; nobody else's world moves (their triggers have drained), and no
    // rotated refresh token is lost (nothing would reconnect the credential before the accounting).
    const { world } = this.s;
    const kept = { activity: world.activity, crashP: this.s.crashP };
    world.activity = () => {};
    this.s.crashP = { ...kept.crashP, updateKeys: 0 };
    this.s.draining = false;
    try {
      await this.poll();
      this.s.clock.advance(this.prng.int(31, 120) * 60_000);
      this.counts.rolled += 1;
      this.activity();
      if (!this.s.forced && this.prng.chance(0.3)) this.expire();
      for (let i = this.prng.int(1, 4); i > 0; i -= 1) {
        await this.poll();
        this.activity();
        this.s.clock.advance(this.prng.int(1, 25) * 1000);
      }
    } finally {
      this.s.draining = true;
      world.activity = kept.activity;
      this.s.crashP = kept.crashP;
    }
    await pollUntilQuiet(this.s, this.step.name, () => this.poll());
  }

  account() {
    const none = { lost: 0, duplicated: 0, redelivered: 0, lostDetail: [], duplicateDetail: [], figures: {} };
    if (!this.active) return none;
    if (this.s.dateHeader === 'dropped') {
      // Without Graph's clock the trigger cannot set its window and refuses to guess: it emits nothing, and says so.
      if (this.step.ledger.deliveries.size || this.polls.length) this.s.issue('event delta', `Calendar Changes completed ${this.polls.length} poll(s) with no Date header to set its window by`);
      return none;
    }
    if (!this.polls.length) {
      this.s.issue('event delta', 'Calendar Changes never completed a poll');
      return none;
    }
    const { ledger } = this.step;
    const since = Date.parse(this.s.sinceIso(this.step));
    // The window the last poll followed: whole UTC days around Graph's clock.
    const day = Math.floor(this.s.clock.now() / DAY) * DAY;
    const view = this.control().calendarView({ calendar: this.calendarId, startMs: day - this.pastDays * DAY, endMs: day + (this.futureDays + 1) * DAY });
    const lostDetail = [];
    for (const e of view) {
      if (e.isCancelled) continue;
      const look = this.looks(e, 'UTC');
      const known = this.lookSince.get(e.id);
      const lookedSo = known && known.look === look ? known.at : Date.parse(e.lastModifiedDateTime);
      const cameIntoView = this.firstWindowEnd !== undefined && Date.parse(`${e.start.dateTime.slice(0, 19)}Z`) >= this.firstWindowEnd;
      if (lookedSo < since && !cameIntoView) continue;
      if (!(this.looksEmitted.get(e.id) || new Set()).has(look)) lostDetail.push(`event version "${e.subject}" (${e.type}) ${e.start.dateTime.slice(0, 16)}`);
    }
    let unreportable = 0;
    for (const [id, at] of this.goneAt) {
      const emitted = (this.emittedAt.get(id) || []).filter((t) => t < at);
      const known = emitted.some((t) => this.polls.some((p) => p.end >= t && p.end < at));
      if (!known || ledger.timesDelivered(`deleted ${id}`) > 0) continue;
      if (this.resyncs.some((r) => r.since <= at && at <= (r.until ?? Infinity))) {
        unreportable += 1;
        continue;
      }
      lostDetail.push(`event deletion ${id.slice(-12)}`);
    }
    const emitted = [...ledger.deliveries.values()].reduce((sum, n) => sum + n, 0);
    const c = this.counts;
    return {
      lost: lostDetail.length,
      duplicated: ledger.duplicates.length,
      redelivered: ledger.redelivered,
      lostDetail,
      duplicateDetail: ledger.duplicates.map((k) => `event change ${k.slice(-32)}`),
      figures: {
        eventDeltaChanges: emitted, eventDeltaBooked: c.booked, eventDeltaSeries: c.series, eventDeltaMoved: c.moved, eventDeltaRenamed: c.renamed,
        eventDeltaExceptions: c.exceptions, eventDeltaSeriesChanged: c.seriesChanged, eventDeltaDeleted: c.deleted, eventDeltaCancelled: c.cancelled,
        eventDeltaRolls: c.rolled, eventDeltaResyncs: this.resyncs.length, eventDeltaUnreportable: unreportable, eventDeltaExpiries: c.expiries,
      },
    };
  }
}

/** Plugged into every scenario by scenario.js; it runs where the calendarChanges knob is on (engine.js). */
function eventDeltaTrigger(scenario) {
  return new EventDeltaTrigger(scenario);
}

module.exports = { eventDeltaTrigger };
