'use strict';

// "Prove it", part 3: no access token, refresh token, authorization code, client secret or
// Authorization header in anything the component produces (log lines, error messages and stacks,
// emitted messages, snapshots), and no mail or event body in a log line or an error message.
// Scanned: a chaos run (scripts/chaos, in process: faults, crashes, token expiry and rotation,
// lost rotations) and each step run through the real sailor executor on the emulator, happy and
// failing. The needles are the values the emulator actually issued and the configured secrets,
// plus token shapes no known value covers (spec/helpers/leaks.js).
const { expect } = require('chai');
const { startEmulator } = require('../lib/emulator');
const { runChaos, DEFAULTS: CHAOS } = require('../scripts/chaos/engine');
const { installHooks } = require('../scripts/chaos/hooks');
const { findLeaks, describeLeaks, needlesFor, LeakCollector, FRAGMENT } = require('./helpers/leaks');
const { loadStep, runStep } = require('./helpers/sailor');
const verifyCredentials = require('../verifyCredentials');
const { resetTokenMemory } = require('../lib/graph/tokens');

const ENV_VARS = ['MSAPP_CLIENT_ID', 'MSAPP_CLIENT_SECRET', 'OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];

describe('no secrets and no mail bodies in logs, errors, messages or snapshots', function () {
  this.timeout(120000);

  describe('findLeaks (spec/helpers/leaks.js)', () => {
    const token = `EwB${'a1B2c3D4e5'.repeat(12)}`;
    const secret = 'short~secret.value';

    it('finds a whole secret, any 24-character piece of a token, and bearer headers, and masks them', () => {
      const hits = findLeaks([
        'nothing here',
        `refreshing with ${token.slice(30, 30 + FRAGMENT + 3)}...`,
        `client secret is ${secret}`,
        'GET /me with Bearer abcdefghijklmnop',
        'sent {"Authorization": "x"}',
      ], needlesFor({ secrets: { 'an access token': [token], 'the client secret': [secret] } }));
      expect(hits.map((h) => h.labels)).to.deep.equal([['an access token'], ['the client secret'], ['a Bearer credential'], ['an Authorization header']]);
      for (const hit of hits) {
        expect(hit.excerpt).to.not.include(token.slice(30, 30 + FRAGMENT));
        expect(hit.excerpt).to.not.include(secret);
      }
      expect(describeLeaks(hits)).to.include('text 2: an access token');
    });

    it('looks for private values (mail bodies) only in log lines and errors, not in emitted data', () => {
      const needles = needlesFor({ private: { 'a mail body': ['BODY-MARKER-123'] } });
      const hits = findLeaks([
        { kind: 'data', source: 'data', text: '{"body":"... BODY-MARKER-123 ..."}' },
        { kind: 'log', source: 'log', text: 'parsed BODY-MARKER-123' },
        { kind: 'error', source: 'error', text: 'bad input: BODY-MARKER-123' },
      ], needles);
      expect(hits.map((h) => h.source)).to.deep.equal(['log', 'error']);
    });

    it("takes the e2e suite's shapes: {source, lines} and a Map of value -> label", () => {
      const hits = findLeaks([{ source: 'sailor stdout', lines: ['ok', `token ${token}`] }], new Map([[token, 'an access token']]));
      expect(hits).to.have.length(1);
      expect(hits[0].source).to.equal('sailor stdout, line 2');
    });
  });

  describe('a chaos run (scripts/chaos in process, 3 scenarios)', () => {
    const texts = [];
    const secrets = new Set();
    let totals;

    before(async () => {
      totals = await runChaos({
        seed: 5,
        scenarios: 3,
        collect: (scenario, kind, source, text) => { texts.push({ kind, source, text }); },
        onScenario: (result) => { for (const value of result.needles) secrets.add(value); },
      });
    });

    it('scanned what a run produces: log lines, errors with stacks, data, snapshots; and the secrets it met', () => {
      const count = (kind) => texts.filter((t) => t.kind === kind).length;
      expect(count('log'), 'log lines').to.be.above(100);
      expect(count('error'), 'errors').to.be.above(0);
      expect(count('data'), 'emitted messages').to.be.above(500);
      expect(count('snapshot'), 'snapshots').to.be.above(20);
      expect(texts.some((t) => t.kind === 'log' && /Access token refreshed/.test(t.text)), 'a token refresh was logged').to.equal(true);
      expect(texts.some((t) => t.kind === 'error' && /\n\s+at /.test(t.text)), 'errors come with stacks').to.equal(true);
      expect(totals.crashes + totals.faults, 'faults and crashes happened').to.be.above(10);
      // Issued access and refresh tokens, codes, bearer values seen on the wire, the client secret.
      expect(secrets.size).to.be.above(10);
      // The scan is not blind: a planted piece of one of them is found.
      const planted = [...secrets].find((s) => s.length > 100);
      expect(findLeaks([`x ${planted.slice(40, 40 + FRAGMENT)} y`], [...secrets])).to.have.length(1);
    });

    it('no token, authorization code, client secret or Authorization header in any of it', () => {
      const hits = findLeaks(texts, needlesFor({ secrets: { 'a token, code or client secret': secrets } }));
      expect(hits, describeLeaks(hits)).to.deep.equal([]);
    });

    it('no mail or event body in any log line or error message', () => {
      expect(texts.some((t) => t.kind === 'data' && t.text.includes(CHAOS.bodyMarker)), 'bodies carry the marker').to.equal(true);
      const hits = findLeaks(texts, needlesFor({ private: { 'a mail or event body': [CHAOS.bodyMarker] }, generic: false }));
      expect(hits, describeLeaks(hits)).to.deep.equal([]);
    });
  });

  describe('each step through the real sailor executor, on the emulator, happy and failing', () => {
    const BODY_MARKER = 'NOSECRETS-BODY-MARKER-7c2e41d9';
    const WRONG_SECRET = 'Wrong~Secret.value-0123456789';
    const collector = new LeakCollector();
    const secrets = new Set([WRONG_SECRET]);
    const savedEnv = {};
    let emu;
    let uninstall;
    let credential;
    const outcomes = [];

    const sign = (token) => {
      for (const key of ['access_token', 'refresh_token']) if (token && token[key]) secrets.add(token[key]);
      return token;
    };

    /** The user consents (authorization code flow); the code is a secret too. */
    async function connect() {
      const url = new URL(`${emu.url}/common/oauth2/v2.0/authorize`);
      url.search = new URLSearchParams({ client_id: process.env.MSAPP_CLIENT_ID, response_type: 'code', redirect_uri: 'https://app.example/callback/oauth2', scope: 'offline_access Mail.ReadWrite' }).toString();
      const consent = await fetch(url, { redirect: 'manual' });
      const code = new URL(consent.headers.get('location')).searchParams.get('code');
      secrets.add(code);
      const res = await fetch(`${emu.url}/common/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/callback/oauth2', client_id: process.env.MSAPP_CLIENT_ID, client_secret: process.env.MSAPP_CLIENT_SECRET }).toString(),
      });
      return sign(await res.json());
    }

    /** One message through sailor's TaskExec; the credential moves on when the step persisted a new one. */
    async function run(label, name, body, fields = {}, snapshot = {}) {
      const result = await runStep(loadStep(name), { id: `msg-${label}`, body, headers: {} }, { oauth: credential, tenantId: 'common', ...fields }, snapshot);
      collector.sailorRun(label, result);
      for (const keys of result.of('updateKeys')) credential = sign(keys.oauth);
      outcomes.push(`${label}: ${result.names.filter((n) => n !== 'end').join(',') || 'end'}`);
      return result;
    }

    before(async () => {
      for (const name of ENV_VARS) savedEnv[name] = process.env[name];
      secrets.add(process.env.MSAPP_CLIENT_SECRET);
      emu = await startEmulator({ mailCount: 10, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
      process.env.OUTLOOK_GRAPH_BASE_URL = emu.url;
      process.env.OUTLOOK_LOGIN_BASE_URL = emu.url;
      // Retry-After and backoff waits are skipped; the wire is watched for bearer values.
      uninstall = installHooks({
        origin: emu.url,
        sessionOptions: () => ({ sleep: () => new Promise((resolve) => { setImmediate(resolve); }), timeoutMs: 2000 }),
        intercept: (url, init, realFetch) => {
          const auth = new Headers(init.headers).get('authorization');
          if (auth) secrets.add(auth.replace(/^Bearer\s+/i, ''));
          return realFetch(url, init);
        },
      });
      for (let i = 0; i < 5; i += 1) {
        emu.control.addMail({ subject: `Quarterly numbers ${i}`, from: 'Ann <ann@fabrikam.example>', body: `<p>Confidential: ${BODY_MARKER} ${i}</p>` });
      }
      emu.control.addEvent({ subject: 'Board meeting', body: { contentType: 'text', content: `Agenda: ${BODY_MARKER}` } });
      credential = await connect();
    });

    after(async () => {
      if (uninstall) uninstall();
      if (emu) await emu.close();
      for (const name of ENV_VARS) {
        if (savedEnv[name] === undefined) delete process.env[name];
        else process.env[name] = savedEnv[name];
      }
    });

    const since = () => new Date(Date.now() - 3600 * 1000).toISOString();

    it('the triggers: a poll, a poll after the access token expired (refresh, updateKeys), polls under 429/503/drops', async () => {
      const first = await run('mail', 'getNewMail', {}, { startTime: since() });
      expect(first.of('data')).to.have.length.of.at.least(5);
      emu.control.expireAccessTokens();
      const before = credential.refresh_token;
      const second = await run('mail after expiry', 'getNewMail', {}, { startTime: since() });
      expect(second.of('updateKeys')).to.have.length(1);
      expect(credential.refresh_token).to.not.equal(before);
      emu.control.setFaults([
        { match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 },
        { match: { method: 'GET' }, kind: 'status', status: 503, times: 1 },
        { match: { method: 'GET' }, kind: 'drop', times: 1 },
      ]);
      expect((await run('events under faults', 'getNewAndUpdatedEvents', {}, { startTime: since(), timeZone: 'Europe/Berlin' })).of('data')).to.have.length.of.at.least(1);
      emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 503, times: 10 }]);
      expect((await run('events in an outage', 'getNewAndUpdatedEvents', {}, { startTime: since() })).of('error')).to.have.length(1);
      emu.control.clearFaults();
    });

    it('the delta triggers: a first poll with bodies, a lost sync state, polls under faults and in an outage', async () => {
      const fields = { startTime: since(), changeTypes: ['created', 'updated', 'deleted'] };
      const first = await run('mail changes', 'getMailFolderChanges', {}, fields);
      expect(first.of('data')).to.have.length.of.at.least(5);
      const snapshot = first.of('snapshot').slice(-1)[0];
      emu.control.expireDeltaTokens({ code: 'syncStateNotFound' });
      emu.control.setFaults([
        { match: { path: '/delta$' }, kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 },
        { match: { path: '/delta$' }, kind: 'drop', times: 1 },
      ]);
      expect((await run('mail changes after a lost state', 'getMailFolderChanges', {}, fields, snapshot)).of('error')).to.have.length(0);
      emu.control.setFaults([{ match: { path: '/delta$' }, kind: 'status', status: 503, times: 10 }]);
      expect((await run('mail changes in an outage', 'getMailFolderChanges', {}, fields, snapshot)).of('error')).to.have.length(1);
      emu.control.clearFaults();
      // Calendar Changes: a first poll emitting the events changed since the start, a lost state, faults.
      const calendar = { startTime: since(), pastDays: 30, futureDays: 60, timeZone: 'Europe/Berlin' };
      emu.control.addEvent({ subject: 'Changes', body: { contentType: 'text', content: `Agenda ${BODY_MARKER}` } });
      const events = await run('calendar changes', 'getEventChanges', {}, calendar);
      expect(events.of('data')).to.have.length.of.at.least(1);
      emu.control.expireDeltaTokens({ code: 'resyncRequired' });
      emu.control.setFaults([{ match: { path: '/delta$' }, kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 }]);
      expect((await run('calendar changes after a lost state', 'getEventChanges', {}, calendar, events.of('snapshot').slice(-1)[0])).of('error')).to.have.length(0);
      emu.control.clearFaults();
      // Contact Changes: a contact with notes, a lost state, faults, an outage.
      emu.control.addContact({ displayName: 'Changes', personalNotes: `Notes ${BODY_MARKER}` });
      const contacts = await run('contact changes', 'getContactChanges', {}, { startTime: since() });
      expect(contacts.of('data')).to.have.length.of.at.least(1);
      emu.control.expireDeltaTokens({ code: 'syncStateNotFound' });
      emu.control.setFaults([{ match: { path: '/delta$' }, kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 }]);
      expect((await run('contact changes after a lost state', 'getContactChanges', {}, {}, contacts.of('snapshot').slice(-1)[0])).of('error')).to.have.length(0);
      emu.control.setFaults([{ match: { path: '/delta$' }, kind: 'status', status: 503, times: 10 }]);
      expect((await run('contact changes in an outage', 'getContactChanges', {}, {}, contacts.of('snapshot').slice(-1)[0])).of('error')).to.have.length(1);
      emu.control.clearFaults();
    });

    it('the actions: sent, sent with the answer lost, refused input; booked, retried, refused input', async () => {
      const mail = { to: emu.mailboxes.secondary, subject: 'Numbers', body: `Here they are: ${BODY_MARKER}` };
      expect((await run('send', 'sendMail', mail)).of('data')).to.have.length(1);
      emu.control.setFaults([{ match: { method: 'POST', path: 'sendMail' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
      expect((await run('send, answer lost', 'sendMail', mail)).of('error')).to.have.length(1);
      expect((await run('send, bad address', 'sendMail', { ...mail, to: 'not an address' })).of('error')).to.have.length(1);
      const event = { subject: 'Review', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z', body: `Notes: ${BODY_MARKER}`, attendees: 'ann@fabrikam.example' };
      emu.control.setFaults([{ match: { method: 'POST', path: 'events$' }, kind: 'drop', applyThenFail: true, times: 1 }]);
      expect((await run('book, retried', 'createEvent', event)).of('data')).to.have.length(1);
      expect((await run('book, end before start', 'createEvent', { ...event, end: '2026-12-01T08:00:00Z' })).of('error')).to.have.length(1);
      emu.control.clearFaults();
    });

    it('the scheduling steps: Events Starting Soon (and under faults), Check Availability with an unknown person, Find Meeting Times, refused input', async () => {
      const iso = (ms) => new Date(ms).toISOString().slice(0, 19);
      const soon = Date.now() + 10 * 60000;
      emu.control.addEvent({ subject: 'Starting soon', start: { dateTime: iso(soon), timeZone: 'UTC' }, end: { dateTime: iso(soon + 1800000), timeZone: 'UTC' }, body: { contentType: 'text', content: `Agenda: ${BODY_MARKER}` } });
      const first = await run('upcoming', 'getUpcomingEvents', {}, { timeZone: 'Europe/Berlin' });
      expect(first.of('data').length).to.be.at.least(1);
      emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 1, times: 2 }, { match: { method: 'GET' }, kind: 'drop', times: 1 }]);
      expect((await run('upcoming under faults', 'getUpcomingEvents', {}, {}, first.of('snapshot').pop())).of('error')).to.deep.equal([]);
      emu.control.clearFaults();
      const window = { start: iso(Date.now() + 86400000), end: iso(Date.now() + 2 * 86400000), timeZone: 'UTC' };
      expect((await run('availability', 'checkAvailability', { schedules: [emu.mailboxes.secondary, 'nobody@contoso.example'], ...window })).of('data')).to.have.length(1);
      expect((await run('availability, 63 days', 'checkAvailability', { schedules: emu.mailboxes.secondary, ...window, end: iso(Date.now() + 64 * 86400000) })).of('error')).to.have.length(1);
      expect((await run('meeting', 'findMeetingTimes', { requiredAttendees: emu.mailboxes.secondary, ...window, activityDomain: 'unrestricted' })).of('data')).to.have.length(1);
      expect((await run('meeting, bad duration', 'findMeetingTimes', { ...window, durationMinutes: 'an hour' })).of('error')).to.have.length(1);
    });

    it('dropdowns and verifyCredentials, with a working and a revoked credential', async () => {
      const source = (label) => collector.context(label, (event, payload) => { if (event === 'updateKeys') credential = sign(payload.oauth); });
      const mailStep = loadStep('getNewMail');
      const eventStep = loadStep('getNewAndUpdatedEvents');
      expect(await mailStep.getFolders.call(source('getFolders'), { oauth: credential })).to.be.an('object');
      expect(await eventStep.getCalendars.call(source('getCalendars'), { oauth: credential })).to.be.an('object');
      expect(await verifyCredentials.call(source('verifyCredentials'), { oauth: credential })).to.deep.equal({ verified: true });
      emu.control.revokeAll();
      emu.control.expireAccessTokens();
      await verifyCredentials.call(source('verifyCredentials revoked'), { oauth: credential }).then(
        () => expect.fail('a revoked credential was verified'),
        (err) => collector.error('verifyCredentials revoked', err),
      );
      expect((await run('mail, revoked', 'getNewMail', {}, { startTime: since() })).of('error')).to.have.length(1);
    });

    it('a wrong client secret (AADSTS7000215)', async () => {
      credential = await connect();
      emu.control.expireAccessTokens();
      process.env.MSAPP_CLIENT_SECRET = WRONG_SECRET;
      try {
        const result = await run('mail, wrong secret', 'getNewMail', {}, { startTime: since() });
        expect(result.of('error')[0].message).to.match(/7000215/);
      } finally {
        process.env.MSAPP_CLIENT_SECRET = savedEnv.MSAPP_CLIENT_SECRET;
      }
    });

    it('none of it holds a token, code, secret or Authorization header, and no log or error holds a body', () => {
      expect(outcomes.length, outcomes.join('\n')).to.be.above(10);
      const data = collector.texts.filter((t) => t.kind === 'data');
      expect(data.some((t) => t.text.includes(BODY_MARKER)), 'bodies were emitted, with the marker').to.equal(true);
      expect(collector.texts.filter((t) => t.kind === 'error').length).to.be.above(5);
      const hits = findLeaks(collector.texts, needlesFor({
        secrets: { 'a token, code or client secret': secrets },
        private: { 'a mail or event body': [BODY_MARKER] },
      }));
      expect(hits, describeLeaks(hits)).to.deep.equal([]);
    });
  });

  describe('an application credential with its own app, and a shared mailbox, through the real sailor executor on the emulator', () => {
    const APP_ID = '5d1c9a7e-3f2b-4c8d-9e0a-1b2c3d4e5f60';
    const OWN_SECRET = 'Own~App.Secret-9c41e2d07b5a86f3';
    const ROTATED_AWAY = 'Old~App.Secret-0000000000000000';
    const collector = new LeakCollector();
    const secrets = new Set([OWN_SECRET, ROTATED_AWAY]);
    const savedEnv = {};
    const outcomes = [];
    let emu;
    let uninstall;

    before(async () => {
      for (const name of ENV_VARS) savedEnv[name] = process.env[name];
      secrets.add(process.env.MSAPP_CLIENT_SECRET);
      emu = await startEmulator({ mailCount: 8, clientId: APP_ID, clientSecret: OWN_SECRET });
      process.env.OUTLOOK_GRAPH_BASE_URL = emu.url;
      process.env.OUTLOOK_LOGIN_BASE_URL = emu.url;
      uninstall = installHooks({
        origin: emu.url,
        sessionOptions: () => ({ sleep: () => new Promise((resolve) => { setImmediate(resolve); }), timeoutMs: 2000 }),
        intercept: (url, init, realFetch) => {
          const auth = new Headers(init.headers).get('authorization');
          if (auth) secrets.add(auth.replace(/^Bearer\s+/i, ''));
          return realFetch(url, init);
        },
      });
    });

    after(async () => {
      if (uninstall) uninstall();
      if (emu) await emu.close();
      for (const name of ENV_VARS) {
        if (savedEnv[name] === undefined) delete process.env[name];
        else process.env[name] = savedEnv[name];
      }
    });

    const app = (fields = {}) => ({ authType: 'application', tenantId: emu.tenantId, clientId: APP_ID, clientSecret: OWN_SECRET, mailbox: emu.mailboxes.primary, ...fields });
    // The seeded mail spans the last 30 days.
    const since = () => new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();

    async function run(label, name, body, cfg) {
      const result = await runStep(loadStep(name), { id: `msg-${label}`, body, headers: {} }, cfg, {});
      collector.sailorRun(label, result);
      outcomes.push(`${label}: ${result.names.filter((n) => n !== 'end').join(',') || 'end'}`);
      return result;
    }

    it('app-only: each step and dropdown, verifyCredentials, a refused input, a rotated-away secret', async () => {
      expect((await run('app mail', 'getNewMail', {}, app({ startTime: since() }))).of('data').length).to.be.above(0);
      expect((await run('app events', 'getNewAndUpdatedEvents', {}, app({ startTime: since() }))).of('error')).to.deep.equal([]);
      expect((await run('app send', 'sendMail', { to: emu.mailboxes.secondary, subject: 'App-only', body: 'x' }, app())).of('data')).to.have.length(1);
      expect((await run('app book', 'createEvent', { subject: 'App-only', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' }, app())).of('data')).to.have.length(1);
      expect((await run('app upcoming', 'getUpcomingEvents', {}, app())).of('error')).to.deep.equal([]);
      const window = { start: new Date(Date.now() + 86400000).toISOString(), end: new Date(Date.now() + 2 * 86400000).toISOString() };
      expect((await run('app availability', 'checkAvailability', { schedules: emu.mailboxes.secondary, ...window }, app())).of('data')).to.have.length(1);
      expect((await run('app meeting (delegated only)', 'findMeetingTimes', { ...window }, app())).of('error')).to.have.length(1);
      expect((await run('app, no mailbox', 'getNewMail', {}, app({ mailbox: '' }))).of('error')).to.have.length(1);
      expect((await run('app, bad mailbox', 'sendMail', { to: 'a@example.com' }, app({ mailbox: 'Info <info@contoso.example>' }))).of('error')).to.have.length(1);
      const folders = await loadStep('getNewMail').getFolders.call(collector.context('app getFolders'), app());
      expect(Object.keys(folders).length).to.be.above(0);
      expect(await verifyCredentials.call(collector.context('app verifyCredentials'), app({ mailbox: undefined }))).to.deep.equal({ verified: true });
      resetTokenMemory();
      const wrong = await run('app, old secret', 'getNewMail', {}, app({ clientSecret: ROTATED_AWAY, startTime: since() }));
      expect(wrong.of('error')[0].message).to.match(/AADSTS7000215/).and.match(/clientSecret/);
      await verifyCredentials.call(collector.context('app verify, old secret'), app({ clientSecret: ROTATED_AWAY })).then(
        () => expect.fail('an old secret was verified'),
        (err) => collector.error('app verify, old secret', err),
      );
    });

    it('delegated, on another mailbox of the tenant', async () => {
      const oauth = emu.control.issueTokens();
      for (const key of ['access_token', 'refresh_token']) secrets.add(oauth[key]);
      const cfg = { oauth, tenantId: 'common', mailbox: emu.mailboxes.secondary };
      expect((await run('shared mail', 'getNewMail', {}, { ...cfg, startTime: since() })).of('error')).to.deep.equal([]);
      expect((await run('shared send', 'sendMail', { to: emu.mailboxes.primary, subject: 'From the shared mailbox' }, cfg)).of('data')).to.have.length(1);
    });

    it('none of it holds a token, the own client secret or the env secret', () => {
      expect(outcomes.length, outcomes.join('\n')).to.be.at.least(8);
      expect(collector.texts.filter((t) => t.kind === 'error').length).to.be.at.least(3);
      const hits = findLeaks(collector.texts, needlesFor({ secrets: { 'a token or client secret': secrets } }));
      expect(hits, describeLeaks(hits)).to.deep.equal([]);
    });
  });
});

/**
 * The steps run through the real sailor executor on an emulator (started with `options`), their
 * output collected for the scan: `run(label, step, body, fields, snapshot, mailbox)` runs one as
 * the primary mailbox's user, or as `mailbox`'s, and keeps each user's rotated tokens.
 */
function sailorOnEmulator(options) {
  const env = { collector: new LeakCollector(), secrets: new Set(), outcomes: [] };
  const savedEnv = {};
  const credentials = new Map();
  let uninstall;

  before(async () => {
    for (const name of ENV_VARS) savedEnv[name] = process.env[name];
    env.secrets.add(process.env.MSAPP_CLIENT_SECRET);
    env.emu = await startEmulator({ ...options, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    process.env.OUTLOOK_GRAPH_BASE_URL = env.emu.url;
    process.env.OUTLOOK_LOGIN_BASE_URL = env.emu.url;
    uninstall = installHooks({
      origin: env.emu.url,
      sessionOptions: () => ({ timeoutMs: 2000 }),
      intercept: (url, init, realFetch) => {
        const auth = new Headers(init.headers).get('authorization');
        if (auth) env.secrets.add(auth.replace(/^Bearer\s+/i, ''));
        return realFetch(url, init);
      },
    });
  });

  after(async () => {
    if (uninstall) uninstall();
    if (env.emu) await env.emu.close();
    for (const name of ENV_VARS) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  function credentialOf(mailbox = env.emu.mailboxes.primary) {
    if (!credentials.has(mailbox)) {
      const issued = env.emu.control.issueTokens({ mailbox });
      for (const key of ['access_token', 'refresh_token']) env.secrets.add(issued[key]);
      credentials.set(mailbox, issued);
    }
    return credentials.get(mailbox);
  }

  // A replay soon after a create may wait until what a failed run made meanwhile would show (20 s by Graph's clock).
  env.run = async (label, name, body, fields = {}, snapshot = {}, mailbox = undefined) => {
    const who = mailbox ?? env.emu.mailboxes.primary;
    const result = await runStep(loadStep(name), { id: `msg-${label}`, body, headers: {} }, { oauth: credentialOf(who), tenantId: 'common', ...fields }, snapshot, { timeoutMs: 40000 });
    env.collector.sailorRun(label, result);
    for (const keys of result.of('updateKeys')) {
      credentials.set(who, keys.oauth);
      for (const key of ['access_token', 'refresh_token']) env.secrets.add(keys.oauth[key]);
    }
    env.outcomes.push(`${label}: ${result.names.filter((n) => n !== 'end').join(',') || 'end'}`);
    return result;
  };
  return env;
}

describe('no secrets and no contact notes in logs or errors: the contact steps through the real sailor executor, on the emulator', function () {
  this.timeout(120000);
  const NOTES_MARKER = 'NOSECRETS-NOTES-MARKER-4b9a61e2';
  const env = sailorOnEmulator({ mailCount: 4, visibilityDelayMs: 300 });
  const run = (...args) => env.run(...args);

  it('creates, replays, updates, upserts under lost answers, finds, deletes, polls, and refuses bad input', async () => {
    const ann = { givenName: 'Ann', surname: 'Lee', emailAddresses: 'ann@fabrikam.example', personalNotes: `Private: ${NOTES_MARKER}` };
    const created = (await run('create', 'createContact', ann)).of('data')[0].body;
    expect((await run('create', 'createContact', ann)).of('data')[0].body.alreadyCreated).to.equal(true);
    expect((await run('create, four addresses', 'createContact', { ...ann, emailAddresses: 'a@x.example, b@x.example, c@x.example, d@x.example' })).of('error')).to.have.length(1);
    expect((await run('update', 'updateContact', { contactId: created.id, personalNotes: `Changed: ${NOTES_MARKER}` })).of('data')[0].body.changed).to.equal(true);
    expect((await run('update, unknown id', 'updateContact', { contactId: `${created.id.slice(0, -8)}AAAAAAA=`, jobTitle: 'x' })).of('error')).to.have.length(1);
    env.emu.control.setFaults([{ match: { method: 'POST', path: '/contacts$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const bob = { emailAddress: 'bob@fabrikam.example', personalNotes: `Bob: ${NOTES_MARKER}` };
    expect((await run('upsert, answer lost', 'upsertContact', bob)).of('error')).to.have.length(1);
    env.emu.control.clearFaults();
    expect((await run('upsert, answer lost', 'upsertContact', bob)).of('data')).to.have.length(1);
    expect(env.emu.control.contacts().filter((c) => c.emailAddresses.some((e) => e.address === 'bob@fabrikam.example'))).to.have.length(1);
    env.emu.control.expireAccessTokens();
    expect((await run('find after expiry', 'lookupContact', { emailAddress: 'ANN@fabrikam.example' })).of('updateKeys')).to.have.length(1);
    expect((await run('find nothing', 'lookupContact', { name: 'Nobody' }, { notFound: 'error' })).of('error')).to.have.length(1);
    env.emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 }, { match: { method: 'GET' }, kind: 'status', status: 503, times: 1 }]);
    const polled = await run('poll all folders under faults', 'getNewAndUpdatedContacts', {}, { startTime: new Date(Date.now() - 3600 * 1000).toISOString() });
    expect(polled.of('data').length).to.be.at.least(2);
    env.emu.control.clearFaults();
    expect((await run('delete', 'deleteContact', { contactId: created.id })).of('data')[0].body.alreadyDeleted).to.equal(false);
    expect((await run('delete again', 'deleteContact', { contactId: created.id })).of('data')[0].body.alreadyDeleted).to.equal(true);
  });

  it('none of it holds a token or secret, and no log or error holds a contact\'s notes', () => {
    expect(env.outcomes.length, env.outcomes.join('\n')).to.equal(12);
    expect(env.collector.texts.some((t) => t.kind === 'data' && t.text.includes(NOTES_MARKER)), 'notes were emitted, with the marker').to.equal(true);
    expect(env.collector.texts.filter((t) => t.kind === 'error').length).to.be.at.least(4);
    const hits = findLeaks(env.collector.texts, needlesFor({
      secrets: { 'a token or client secret': env.secrets },
      private: { "a contact's notes": [NOTES_MARKER] },
    }));
    expect(hits, describeLeaks(hits)).to.deep.equal([]);
  });
});

describe('no secrets and no event bodies or comments in logs or errors: the event steps through the real sailor executor, on the emulator', function () {
  this.timeout(120000);
  const MARKER = 'NOSECRETS-EVENT-MARKER-7c2d90f4';
  const env = sailorOnEmulator({ mailCount: 0 });
  const run = (...args) => env.run(...args);
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('books a series with a body, updates it under a lost answer, is answered, found, read, cancelled twice, and refuses bad input', async () => {
    const { primary, secondary } = env.emu.mailboxes;
    const booked = (await run('create a series', 'createEvent', {
      subject: 'Weekly sync', body: `Agenda: ${MARKER}`, start: `${day(2)}T09:00:00`, end: `${day(2)}T10:00:00`, timeZone: 'Europe/Berlin',
      recurrence: 'FREQ=WEEKLY;COUNT=4', requiredAttendees: secondary,
    })).of('data')[0].body;
    expect((await run('create, bad recurrence', 'createEvent', { subject: 'x', start: `${day(2)}T09:00:00Z`, end: `${day(2)}T10:00:00Z`, recurrence: 'FREQ=HOURLY' })).of('error')).to.have.length(1);
    env.emu.control.setFaults([{ match: { method: 'PATCH' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    expect((await run('update, answer lost', 'updateEvent', { eventId: booked.id, body: `Changed: ${MARKER}`, attendeesMode: 'add', optionalAttendees: 'ann@fabrikam.example' })).of('data')).to.have.length(1);
    env.emu.control.clearFaults();
    expect((await run('update, unknown id', 'updateEvent', { eventId: `${booked.id.slice(0, -8)}AAAAAAA=`, subject: 'x' })).of('error')).to.have.length(1);
    const invitation = (await run('find the invitation', 'lookupEvents', { windowStart: day(1), windowEnd: day(40), organizer: primary }, {}, {}, secondary)).of('data');
    expect(invitation).to.have.length(4);
    const answer = { eventId: invitation[0].body.id, response: 'tentativelyAccept', comment: `Maybe: ${MARKER}`, proposedStart: `${day(3)}T09:00:00Z` };
    expect((await run('respond', 'respondToEvent', answer, {}, {}, secondary)).of('data')[0].body.alreadyAnswered).to.equal(false);
    env.emu.control.expireAccessTokens();
    const again = await run('respond again, token expired', 'respondToEvent', answer, {}, {}, secondary);
    expect(again.of('updateKeys')).to.have.length(1);
    expect(again.of('data')[0].body.alreadyAnswered).to.equal(true);
    env.emu.control.setFaults([{ match: { method: 'GET' }, kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 }, { match: { method: 'GET' }, kind: 'status', status: 503, times: 1 }]);
    expect((await run('find under faults', 'lookupEvents', { windowStart: day(1), windowEnd: day(40) }, { emitBehaviour: 'emitPage' })).of('data')).to.have.length(1);
    env.emu.control.clearFaults();
    expect((await run('get', 'getEvent', { eventId: booked.id })).of('data')[0].body.body.content).to.include(MARKER);
    expect((await run('cancel', 'cancelEvent', { eventId: booked.id, comment: `Off: ${MARKER}` })).of('data')[0].body.alreadyDeleted).to.equal(false);
    expect((await run('cancel again', 'cancelEvent', { eventId: booked.id, comment: `Off: ${MARKER}` })).of('data')[0].body.alreadyDeleted).to.equal(true);
    expect((await run('get, gone', 'getEvent', { eventId: booked.id })).of('error')).to.have.length(1);
  });

  it('none of it holds a token or secret, and no log or error holds an event body or a comment', () => {
    expect(env.outcomes.length, env.outcomes.join('\n')).to.equal(12);
    expect(env.collector.texts.some((t) => t.kind === 'data' && t.text.includes(MARKER)), 'bodies were emitted, with the marker').to.equal(true);
    expect(env.collector.texts.filter((t) => t.kind === 'error').length).to.be.at.least(3);
    const hits = findLeaks(env.collector.texts, needlesFor({
      secrets: { 'a token or client secret': env.secrets },
      private: { 'an event body or comment': [MARKER] },
    }));
    expect(hits, describeLeaks(hits)).to.deep.equal([]);
  });
});
