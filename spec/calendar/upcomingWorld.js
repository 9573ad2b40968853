'use strict';

// A calendar on the emulator for Events Starting Soon: Graph's clock is the emulator's (moved by
// hand), the container's clock (Date.now) is wherever the spec puts it, and a fresh user's empty
// calendar holds only what the spec books. `poll()` runs the trigger as sailor does, with the
// snapshot last persisted, and records everything it emitted.
const { startEmulator } = require('../../lib/emulator');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/calendar/getUpcomingEvents');

const MINUTE = 60_000;
const ENV = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL', 'MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET'];

/** `2026-11-30T09:00` or a date (UTC unless a zone is given) as a dateTimeTimeZone. */
const at = (wall, timeZone = 'UTC') => ({ dateTime: { 10: `${wall}T00:00:00`, 16: `${wall}:00` }[wall.length] || wall, timeZone });

/**
 * An emulator whose clock the spec moves, reachable through the component's endpoint variables,
 * with the container's clock `containerAhead` ms off Graph's. Several worlds may share one lab.
 */
async function startLab({ start = Date.UTC(2026, 10, 30, 8, 0, 0), containerAhead = 0, visibilityDelayMs = 0 } = {}) {
  let graphNow = start;
  const emu = await startEmulator({ seed: 11, mailCount: 0, now: () => graphNow, visibilityDelayMs });
  const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  Object.assign(process.env, { OUTLOOK_GRAPH_BASE_URL: emu.url, OUTLOOK_LOGIN_BASE_URL: emu.url, MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret' });
  resetTokenMemory();
  const realNow = Date.now;
  Date.now = () => graphNow + containerAhead;
  let users = 0;
  return {
    emu,
    now: () => graphNow,
    set: (ms) => { graphNow = ms; },
    nextUser: () => { users += 1; return `ops${users}@contoso.example`; },
    async close() {
      Date.now = realNow;
      for (const name of ENV) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      await emu.close();
    },
  };
}

/** A fresh user's empty calendar on `lab` (a lab of its own unless given), and the trigger polling it. */
async function upcomingWorld({ lab: shared, cfg = {}, ...labOptions } = {}) {
  const lab = shared || await startLab(labOptions);
  if (shared && labOptions.start !== undefined) lab.set(labOptions.start);
  const { emu } = lab;
  const owner = emu.control.createUser({ userPrincipalName: lab.nextUser(), displayName: 'Ops' }).mail;
  const w = {
    emu,
    owner,
    credential: { oauth: emu.control.issueTokens({ mailbox: owner }), tenantId: 'common' },
    cfg: { ...cfg },
    snapshot: {},
    /** Every data message body emitted so far, in order, with the poll it came from. */
    delivered: [],
    snapshots: [],
    polls: 0,
    lab,
    now: () => lab.now(),
    set: (ms) => lab.set(ms),
    advance: (ms) => lab.set(lab.now() + ms),
    minutes: (n) => lab.set(lab.now() + n * MINUTE),
    /** Books an event in the owner's calendar (created a day ago unless `createdAt` says otherwise). */
    book(subject, startWall, endWall, extra = {}) {
      const { timeZone = 'UTC', ...rest } = extra;
      return emu.control.addEvent({ mailbox: owner, subject, start: at(startWall, timeZone), end: at(endWall, timeZone), createdAt: lab.now() - 24 * 60 * MINUTE, ...rest });
    },
    /** One poll; `hooks.emit(event, payload, n)` may throw to crash it. Resolves with what it emitted. */
    async poll({ hooks = {}, cfg: extra = {} } = {}) {
      const ctx = createContext();
      const emit = ctx.emit.bind(ctx);
      let n = 0;
      ctx.emit = async (event, payload) => {
        n += 1;
        if (hooks.emit) await hooks.emit(event, payload, n);
        await emit(event, payload);
        if (event === 'snapshot') { w.snapshot = payload; w.snapshots.push(payload); }
        if (event === 'data') w.delivered.push({ poll: w.polls, ...payload.body });
      };
      w.polls += 1;
      let error;
      try {
        await trigger.process.call(ctx, { body: {} }, { ...w.credential, ...w.cfg, ...extra }, w.snapshot);
      } catch (err) {
        error = err;
      }
      return { error, data: ctx.emitted('data').map((m) => m.body), logs: ctx.logs, snapshots: ctx.emitted('snapshot') };
    },
    /** Subjects (with start) delivered, in order. */
    deliveredLabels: () => w.delivered.map((b) => `${b.subject} ${b.startsAt}`),
    /** Closes the lab too unless it was given. */
    async close() {
      if (!shared) await lab.close();
    },
  };
  return w;
}

module.exports = { startLab, upcomingWorld, at, MINUTE, trigger };
