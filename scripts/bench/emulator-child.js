// The Graph emulator in a process of its own, so the component's memory is measured alone.
// Driven by scripts/bench.js over IPC; the HTTP side listens on 127.0.0.1 only.
'use strict';

const path = require('path');
const { serve } = require('./rpc');
const { startSampler } = require('./memory');

const sampler = startSampler();
const { startEmulator } = require(path.join(__dirname, '..', '..', 'lib', 'emulator'));

let emu;

serve({
  async start(options) {
    emu = await startEmulator(options);
    return { url: emu.url, tenantId: emu.tenantId, mailboxes: emu.mailboxes };
  },
  addMails: (count, options) => emu.control.addMails(count, options),
  addMail: (options) => emu.control.addMail(options).id,
  addEvents: (count, options) => emu.control.addEvents(count, options),
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
