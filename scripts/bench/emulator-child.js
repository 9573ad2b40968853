// The Graph emulator in a process of its own, so the component's memory is measured alone.
// Driven by scripts/bench.js over IPC; the HTTP side listens on 127.0.0.1 only.
'use strict';

const path = require('path');
const { serve } = require('./rpc');
const { startSampler } = require('./memory');

const sampler = startSampler();
const { startEmulator } = require(path.join(__dirname, '..', '..', 'lib', 'emulator'));

let emu;
/**
 * Graph's clock: the real one moved on by `advance` (the change scenarios), or a fixed time a
 * scenario sets (`clockAt`, then setClock; Events Starting Soon).
 */
let offset = 0;
let clockNow;
const graphNow = () => (clockNow === undefined ? Date.now() + offset : clockNow);
const DAY = 24 * 3600 * 1000;

serve({
  async start({ clockAt, ...options }) {
    if (clockAt !== undefined) clockNow = clockAt;
    emu = await startEmulator({ now: graphNow, ...options });
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
  addMail: (options) => emu.control.addMail(options),
  /** `count` events (starting as they are created, an hour long) or contacts of the default folder, created `stepMs` apart from `startAt`. */
  addItems(kind, count, { startAt, stepMs }) {
    const ids = [];
    for (let i = 0; i < count; i += 1) {
      const at = startAt + i * stepMs;
      const wall = (ms) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });
      const item = kind === 'events'
        ? emu.control.addEvent({ subject: `Bench ${i}`, start: wall(at + DAY), end: wall(at + DAY + 3600000), createdAt: at })
        : emu.control.addContact({ displayName: `Bench ${i}`, givenName: 'Bench', createdAt: at });
      ids.push(item.id);
    }
    return { ids };
  },
  /** Updates or deletes events or contacts, as Outlook would. */
  async changeItems(kind, ids, what) {
    const token = emu.control.issueTokens().access_token;
    for (const id of ids) {
      if (kind === 'contacts') {
        if (what === 'delete') emu.control.deleteContact(id);
        else emu.control.updateContact(id, { jobTitle: 'Changed by the bench' });
      } else if (what === 'delete') {
        const response = await fetch(`${emu.url}/v1.0/me/events/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
        if (response.status !== 204) throw new Error(`deleting an event answered ${response.status}`);
      } else {
        emu.control.updateEvent(id, { subject: 'Changed by the bench' });
      }
    }
  },
  updateMail: (id, changes) => emu.control.updateMail(id, changes),
  /** Ids of the first `count` mails of a folder, as Graph lists them. */
  async folderMessageIds(folderId, count) {
    const token = emu.control.issueTokens().access_token;
    const response = await fetch(`${emu.url}/v1.0/me/mailFolders/${encodeURIComponent(folderId)}/messages?$top=${count}&$select=id`, { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).value.map((m) => m.id);
  },
  now: graphNow,
  advance: (ms) => { if (clockNow === undefined) offset += ms; else clockNow += ms; },
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
