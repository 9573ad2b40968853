'use strict';

// More mails stamped with one whole second than fit in a page: the trigger slices that second by
// the milliseconds Graph compares but does not return, on the emulator, which pages by $skip
// (so following @odata.nextLink would skip a mail that leaves the folder between two pages).
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { resetTokenMemory } = require('../../lib/graph/tokens');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/triggers/getNewMail');

describe('Poll for New Mail: a crowded second, on the emulator', () => {
  const SECOND = Date.UTC(2026, 10, 27, 6, 0, 0);
  let emu;
  const saved = {};

  beforeEach(async () => {
    emu = await startEmulator({ seed: 7, mailCount: 0, now: () => SECOND + 600 * 1000 });
    for (const name of ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL', 'MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET']) saved[name] = process.env[name];
    Object.assign(process.env, { OUTLOOK_GRAPH_BASE_URL: emu.url, OUTLOOK_LOGIN_BASE_URL: emu.url, MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret' });
    resetTokenMemory();
  });

  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emu.close();
  });

  it('emits all 2,500 mails of one second once, without following offsets', async () => {
    const subjects = [];
    for (let i = 0; i < 2500; i += 1) {
      subjects.push(`crowd ${i}`);
      emu.control.addMail({ subject: `crowd ${i}`, from: 'crowd@contoso.example', receivedAt: SECOND + Math.floor(i * 0.4) });
    }
    emu.control.addMail({ subject: 'after', from: 'x@contoso.example', receivedAt: SECOND + 5000 });
    const ctx = createContext();
    const cfg = { oauth: emu.control.issueTokens(), tenantId: 'common', startTime: new Date(SECOND).toISOString() };
    await trigger.process.call(ctx, {}, cfg, {});
    const emitted = ctx.emitted('data').map((m) => m.body);
    expect(emitted).to.have.length(2501);
    expect(new Set(emitted.map((m) => m.id)).size).to.equal(2501);
    expect(emitted.slice(0, 2500).map((m) => m.subject).sort()).to.deep.equal([...subjects].sort());
    expect(emitted[2500].subject).to.equal('after');
    expect(Object.keys(emu.control.stats().byRoute).join()).not.to.match(/skip/);
  });
});
