// The Graph emulator in a process of its own, so the component's memory is measured alone.
// Driven by scripts/bench.js over IPC; the HTTP side listens on 127.0.0.1 only.
'use strict';

const path = require('path');
const { serve } = require('./rpc');
const { startSampler } = require('./memory');

const sampler = startSampler();
const { startEmulator } = require(path.join(__dirname, '..', '..', 'lib', 'emulator'));

let emu;
/** Graph's clock when a scenario sets one (`clockAt`), moved by setClock; else the real one. */
let clockNow;

serve({
  async start({ clockAt, ...options }) {
    if (clockAt !== undefined) clockNow = clockAt;
    emu = await startEmulator({ ...options, ...(clockAt === undefined ? {} : { now: () => clockNow }) });
    return { url: emu.url, tenantId: emu.tenantId, mailboxes: emu.mailboxes };
  },
  addMails: (count, options) => emu.control.addMails(count, options),
  addEvents: (count, options) => emu.control.addEvents(count, options),
  /** Events of Graph's shape (recurrence included), one addEvent each; returns how many. */
  addEventList: (list) => list.map((options) => emu.control.addEvent(options)).length,
  createUser: (options) => emu.control.createUser(options).mail,
  calendarView: (options) => emu.control.calendarView(options).map((e) => ({ id: e.id, start: e.start, isCancelled: e.isCancelled })),
  updateEvent: (id, changes) => emu.control.updateEvent(id, changes).id,
  setClock: (ms) => { clockNow = ms; },
  issueTokens: (options) => emu.control.issueTokens(options),
  stats: () => emu.control.stats(),
  resetStats: () => emu.control.resetStats(),
  setFaults: (rules) => emu.control.setFaults(rules),
  clearFaults: () => emu.control.clearFaults(),
  memory: () => sampler.read(),
  async close() {
    if (emu) await emu.close();
    emu = undefined;
  },
});
