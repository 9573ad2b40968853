// The Graph emulator in a process of its own, so the component's memory is measured alone.
// Driven by scripts/bench.js over IPC; the HTTP side listens on 127.0.0.1 only.
'use strict';

const path = require('path');
const { serve } = require('./rpc');
const { startSampler } = require('./memory');

const sampler = startSampler();
const { startEmulator } = require(path.join(__dirname, '..', '..', 'lib', 'emulator'));

let emu;
/** How far the bench has moved the emulator's clock past the real one (advance). */
let offset = 0;

serve({
  async start(options) {
    emu = await startEmulator({ now: () => Date.now() + offset, ...options });
    return { url: emu.url, tenantId: emu.tenantId, mailboxes: emu.mailboxes };
  },
  addMails: (count, options) => emu.control.addMails(count, options),
  addEvents: (count, options) => emu.control.addEvents(count, options),
  addMail: (options) => emu.control.addMail(options),
  updateMail: (id, changes) => emu.control.updateMail(id, changes),
  /** Ids of the first `count` mails of a folder, as Graph lists them. */
  async folderMessageIds(folderId, count) {
    const token = emu.control.issueTokens().access_token;
    const response = await fetch(`${emu.url}/v1.0/me/mailFolders/${encodeURIComponent(folderId)}/messages?$top=${count}&$select=id`, { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).value.map((m) => m.id);
  },
  now: () => Date.now() + offset,
  advance: (ms) => { offset += ms; },
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
