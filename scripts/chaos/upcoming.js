'use strict';

// The upcoming-events part of a chaos scenario: meetings booked a few minutes to an hour ahead in
// the watched calendar (the mailbox's second one, Team Events, chosen in the Calendar field, so the
// events trigger on the default calendar is left alone; some as daily series), moved later or earlier, cancelled (an attendee's
// copy) and deleted, while Events Starting Soon polls. The scenario's faults, crashes, Date-header
// proxies and access modes apply. After the drain, which walks Graph's clock past every meeting,
// each occurrence that was still on the calendar must have been emitted at its final start
// (lost 0), none twice at one start without a crash to explain it (duplicated 0), and none after
// it was cancelled or deleted.
const getUpcomingEvents = require('../../lib/calendar/getUpcomingEvents');
const { TriggerLedger } = require('./ledger');

const MINUTE = 60_000;
/** The trigger's lateness allowance: above any pause of a scenario, so a late poll still owes everything. */
const GRACE_MINUTES = 1440;
/** Margin around the first poll and the last, where "owed" depends on which second a poll saw. */
const EDGE_MS = 2 * MINUTE;

class UpcomingPart {
  /** @param {object} scenario the Scenario (scenario.js) this part runs in */
  constructor(scenario) {
    this.s = scenario;
    this.prng = scenario.upcomingPrng;
    this.leadMinutes = this.prng.pick([5, 15, 30]);
    this.trigger = {
      name: 'getUpcomingEvents', module: getUpcomingEvents, trigger: true,
      fields: { minutesBefore: this.leadMinutes, graceMinutes: GRACE_MINUTES, timeZone: this.prng.pick(['', 'Europe/Berlin', 'Pacific Standard Time']), ...scenario.mailboxField() },
      ledger: new TriggerLedger('upcoming'), keyOf: (b) => `${b.id} ${b.startsAt}`,
    };
    /** Meetings this part booked: {id, subject, series, starts: Set of ms it was placed at, gone?: ms}. */
    this.meetings = [];
    /** Occurrence id -> when it was cancelled or deleted (virtual ms); with its delivery times, for the check. */
    this.goneAt = new Map();
    this.deliveredAt = new Map();
    this.lastPollAt = undefined;
    this.counts = { booked: 0, series: 0, moves: 0, cancellations: 0 };
    // Every delivery, with when it happened: a cancelled occurrence must not be emitted after.
    const { ledger } = this.trigger;
    const deliver = ledger.deliver.bind(ledger);
    ledger.deliver = (key) => {
      const id = key.slice(0, key.lastIndexOf(' '));
      if (!this.deliveredAt.has(id)) this.deliveredAt.set(id, []);
      this.deliveredAt.get(id).push(this.s.clock.now());
      deliver(key);
    };
  }

  mailbox() {
    return this.s.emu.mailboxes.primary;
  }

  /** The calendar watched: the mailbox's calendar that is not the default one. */
  async calendar() {
    // Asked over Graph, where the scenario's faults apply too: asked again until it answers.
    for (let tries = 1; !this.calendarId; tries += 1) {
      try {
        const calendars = await this.s.world.graphAll('/me/calendars?$select=id,isDefaultCalendar', 'IdType="ImmutableId"');
        this.calendarId = calendars.find((c) => !c.isDefaultCalendar).id;
        this.trigger.fields.calendarId = this.calendarId;
      } catch (err) {
        if (tries >= 100) throw err;
      }
    }
    return this.calendarId;
  }

  /** A whole minute `min` to `max` minutes ahead of Graph's clock. */
  ahead(min, max) {
    return Math.ceil(this.s.clock.now() / MINUTE) * MINUTE + this.prng.int(min, max) * MINUTE;
  }

  // ---- the calendar changes ----

  book() {
    const p = this.prng;
    const startMs = this.ahead(2, 60);
    const span = p.pick([15, 30, 60]) * MINUTE;
    const series = p.chance(0.2);
    this.counts.booked += 1;
    if (series) this.counts.series += 1;
    const subject = `chaos ${this.s.tag} meeting ${this.counts.booked}`;
    const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    const created = this.s.emu.control.addEvent({
      mailbox: this.mailbox(), calendar: this.calendarId, subject, start: wall(startMs), end: wall(startMs + span),
      createdAt: this.s.clock.now() - p.int(0, this.s.visibilityDelayMs),
      ...(series ? { recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 3, startDate: new Date(startMs).toISOString().slice(0, 10) } } } : {}),
    });
    // A series: its first occurrence is what moves and is cancelled (an exception of the series).
    const id = series ? this.occurrenceId(created.id, startMs) : created.id;
    if (id) this.meetings.push({ id, subject, span, startMs, starts: new Set([startMs]) });
  }

  occurrenceId(masterId, startMs) {
    const [occurrence] = this.s.emu.control.calendarView({ mailbox: this.mailbox(), calendar: this.calendarId, startMs, endMs: startMs + 1 })
      .filter((e) => e.seriesMasterId === masterId);
    return occurrence && occurrence.id;
  }

  /** A meeting not started yet goes to a start it never had, later or earlier but still ahead. */
  move() {
    const now = this.s.clock.now();
    const open = this.meetings.filter((m) => !m.gone && !m.held && m.startMs > now + MINUTE);
    // Half the moves come after the meeting was due (emitted, most likely): the move that must re-emit it.
    const due = open.filter((m) => m.startMs <= now + this.leadMinutes * MINUTE);
    const among = due.length && this.prng.chance(0.5) ? due : open;
    if (!among.length) return;
    const m = this.prng.pick(among);
    this.moveTo(m, this.prng.chance(0.7) ? m.startMs + this.prng.int(5, 40) * MINUTE : this.ahead(1, Math.max(1, Math.floor((m.startMs - now) / MINUTE) - 1)));
  }

  /** Moves meeting `m` to `startMs`, or the first minute after it that it never started at. */
  moveTo(m, startMs) {
    while (m.starts.has(startMs)) startMs += MINUTE;
    const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
    this.s.emu.control.updateEvent(m.id, { start: wall(startMs), end: wall(startMs + m.span) });
    m.startMs = startMs;
    m.starts.add(startMs);
    this.counts.moves += 1;
  }

  /** Whether occurrence `id` (as the trigger emits it) is one of this part's meetings, on the calendar and not started yet. */
  postponable(id) {
    return this.meetings.some((m) => m.id === id && !m.gone && m.startMs > this.s.clock.now());
  }

  /**
   * For a fault plan's hook (plan.js), as the trigger emits a postponable occurrence `id`: it moves
   * one second later, a start it never had and still due at the trigger's next poll (a tick
   * later), and is neither moved nor cancelled again. Returns its subject and new start.
   */
  postpone(id) {
    const m = this.meetings.find((x) => x.id === id && !x.gone);
    m.held = true;
    this.moveTo(m, m.startMs + 1000);
    return { subject: m.subject, startMs: m.startMs };
  }

  /** The organizer cancelled it (this copy shows isCancelled) or it was deleted; started or not. */
  cancel() {
    const live = this.meetings.filter((m) => !m.gone && !m.held);
    if (!live.length) return;
    const m = this.prng.pick(live);
    if (this.prng.chance(0.5)) this.s.emu.control.updateEvent(m.id, { isCancelled: true });
    else this.s.emu.control.deleteEvent(m.id);
    m.gone = this.s.clock.now();
    this.goneAt.set(m.id, m.gone);
    this.counts.cancellations += 1;
  }

  async tick() {
    const p = this.prng;
    await this.calendar();
    if (p.chance(0.3)) this.book();
    if (p.chance(0.12)) this.move();
    if (p.chance(0.05)) this.cancel();
    if (p.chance(0.6)) await this.poll();
  }

  async poll() {
    const result = await this.s.poll(this.trigger);
    if (result.kind === 'ok') this.lastPollAt = result.run.startedAt;
    return result;
  }

  /** No faults any more: Graph's clock walks past every meeting booked, a poll every few minutes. */
  async drain() {
    const { clock } = this.s;
    const last = Math.max(clock.now(), ...this.meetings.map((m) => m.startMs)) + EDGE_MS + MINUTE;
    while (clock.now() < last) {
      await this.poll();
      clock.advance(this.prng.int(1, Math.max(1, this.leadMinutes)) * MINUTE);
    }
    // A proxy that drops the Date header from every answer fails every poll (and says so).
    if (this.s.dateHeader === 'dropped') return;
    let quiet = 0;
    for (let i = 0; i < 8 && quiet < 2; i += 1) {
      const result = await this.poll();
      quiet = result.kind === 'ok' && result.run.emitted === 0 ? quiet + 1 : 0;
    }
    if (quiet < 2) this.s.issue('drain', 'getUpcomingEvents did not settle after the faults stopped');
  }

  /** What was emitted against the calendar as Graph holds it (the control API: no faults). */
  account() {
    const { ledger } = this.trigger;
    const first = this.s.firstSnapshot[this.trigger.name];
    let lost = [];
    if (this.s.dateHeader === 'dropped') {
      // Without Graph's clock the trigger refuses to guess: it emits nothing, and says so.
      if (ledger.deliveries.size) this.s.issue('upcoming', `emitted ${ledger.deliveries.size} occurrence(s) with no Date header to tell the time`);
    } else if (!first || this.lastPollAt === undefined) {
      this.s.issue('upcoming', 'Events Starting Soon never completed a poll');
    } else {
      const from = first.runStart + EDGE_MS;
      const until = this.lastPollAt - EDGE_MS;
      const view = this.s.emu.control.calendarView({ mailbox: this.mailbox(), calendar: this.calendarId, startMs: from, endMs: until });
      lost = view.filter((e) => !e.isCancelled && !e.isAllDay && Date.parse(`${e.start.dateTime.slice(0, 19)}Z`) >= from)
        .map((e) => ({ e, key: `${e.id} ${new Date(Date.parse(`${e.start.dateTime.slice(0, 19)}Z`)).toISOString().replace('.000Z', 'Z')}` }))
        .filter(({ key }) => ledger.timesDelivered(key) === 0);
    }
    for (const [id, gone] of this.goneAt) {
      const late = (this.deliveredAt.get(id) || []).filter((at) => at >= gone);
      if (late.length) this.s.issue('upcoming', `occurrence ${id.slice(-12)} was emitted ${late.length} time(s) after it was cancelled or deleted`);
    }
    return {
      upcoming: ledger.deliveries.size,
      meetingsBooked: this.counts.booked,
      meetingMoves: this.counts.moves,
      meetingCancellations: this.counts.cancellations,
      lost: lost.length,
      duplicated: ledger.duplicates.length,
      redelivered: ledger.redelivered,
      lostDetail: lost.map(({ e, key }) => `occurrence "${e.subject}" at ${key.split(' ')[1]}`),
      duplicateDetail: ledger.duplicates.map((k) => `occurrence ${k.slice(-32)}`),
    };
  }
}

module.exports = { UpcomingPart };
