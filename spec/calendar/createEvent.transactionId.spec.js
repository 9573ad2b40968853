'use strict';

// Create Event against the emulator, which drops a create whose transactionId it has seen (as
// Outlook does): what gets booked when messages share an id, when a message is redelivered, when
// there is no message id, and when an answer is lost and the POST is retried within the run.
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { createContext } = require('../helpers/context');
const createEvent = require('../../lib/calendar/createEvent');

const ENDPOINT_VARS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];

describe('Create Event: transactionId against the emulator (nothing double-booked, nothing silently dropped)', () => {
  let emu;
  let cfg;
  let saved;

  before(async () => {
    emu = await startEmulator({ seed: 3, mailCount: 0, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
  });
  after(async () => { if (emu) await emu.close(); });

  beforeEach(() => {
    saved = ENDPOINT_VARS.map((name) => process.env[name]);
    ENDPOINT_VARS.forEach((name) => { process.env[name] = emu.url; });
    cfg = { oauth: emu.control.issueTokens(), tenantId: 'common' };
    emu.control.clearFaults();
  });
  afterEach(() => {
    ENDPOINT_VARS.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
  });

  let counter = 0;
  /** An event input with a subject no other test uses. */
  function eventInput(label) {
    counter += 1;
    return { subject: `${label} #${counter}`, start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' };
  }

  async function create(id, body) {
    const msg = id === undefined ? { body, headers: {} } : { id, body, headers: {} };
    const out = await createEvent.process.call(createContext(), msg, cfg);
    return out.body;
  }

  /** Events in the default calendar whose subject starts with `prefix`, read back from the emulator. */
  async function booked(prefix) {
    const res = await fetch(`${emu.url}/v1.0/me/calendar/events?$top=1000&$select=id,subject`, { headers: { Authorization: `Bearer ${cfg.oauth.access_token}` } });
    const { value } = await res.json();
    return value.filter((e) => e.subject.startsWith(prefix)).map((e) => e.subject).sort();
  }

  it('two messages that share an id but carry different events book both', async () => {
    const first = eventInput('Shared id A');
    const second = { ...eventInput('Shared id B'), start: '2026-03-11T09:00:00Z', end: '2026-03-11T10:00:00Z' };
    const a = await create('upstream-msg-1', first);
    const b = await create('upstream-msg-1', second);
    expect(b.id).to.not.equal(a.id);
    expect(await booked('Shared id A')).to.deep.equal([first.subject]);
    expect(await booked('Shared id B')).to.deep.equal([second.subject]);
  });

  it('a redelivered message (same id, same event) books once and answers with the event already booked', async () => {
    const input = eventInput('Redelivered');
    const a = await create('msg-redelivered', input);
    const b = await create('msg-redelivered', { ...input });
    expect(b.id).to.equal(a.id);
    expect(await booked('Redelivered')).to.deep.equal([input.subject]);
  });

  it('without a message id, two runs with the same event book twice rather than drop one', async () => {
    const input = eventInput('No id twice');
    const a = await create(undefined, input);
    const b = await create(undefined, { ...input });
    expect(b.id).to.not.equal(a.id);
    expect(await booked('No id twice')).to.deep.equal([input.subject, input.subject]);
  });

  for (const [label, fault] of [
    ['answered 504 after booking', { kind: 'status', status: 504 }],
    ['whose connection drops after booking', { kind: 'drop' }],
  ]) {
    it(`without a message id, a POST ${label} is retried within the run and books once`, async () => {
      emu.control.setFaults([{ match: { method: 'POST', path: 'events$' }, ...fault, applyThenFail: true, times: 1 }]);
      emu.control.resetStats();
      const input = eventInput(`Lost answer ${fault.kind}`);
      const out = await create(undefined, input);
      const posts = Object.entries(emu.control.stats().byRoute).filter(([route]) => /^POST .*\/events$/.test(route)).reduce((n, [, k]) => n + k, 0);
      expect(posts, 'the POST was retried').to.equal(2);
      expect(await booked(input.subject)).to.deep.equal([input.subject]);
      expect(out.subject).to.equal(input.subject);
    });
  }
});
