'use strict';

// "Prove it", part 2: every input and configuration field of every step, and the credential
// fields, fed the wrong things (the tables are in helpers/badInputs.js). Each bad input must end
// in ONE error that names the field and says what is accepted, before any request: every case runs
// twice, against a nock catch-all on Microsoft's hosts (any request at all is a failure) and against
// the offline emulator (its request statistics and sent mail must not move), with an
// unhandledRejection listener armed. Values that look wrong but are legitimate are in a second
// table that pins the exact encoded URL or body they produce.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, freshToken } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const { startEmulator } = require('../lib/emulator');
const { ACCEPTED, BAD_INPUTS, HINT, MISSING, VALID_BODY, VALID_CFG } = require('./helpers/badInputs');

const STEPS = {
  getNewMail: require('../lib/mail/getNewMail'),
  getNewAndUpdatedEvents: require('../lib/calendar/getNewAndUpdatedEvents'),
  getMailFolderChanges: require('../lib/mail/getMailFolderChanges'),
  getEventChanges: require('../lib/calendar/getEventChanges'),
  sendMail: require('../lib/mail/sendMail'),
  createEvent: require('../lib/calendar/createEvent'),
  getUpcomingEvents: require('../lib/calendar/getUpcomingEvents'),
  checkAvailability: require('../lib/calendar/checkAvailability'),
  findMeetingTimes: require('../lib/calendar/findMeetingTimes'),
  getNewAndUpdatedContacts: require('../lib/contacts/getNewAndUpdatedContacts'),
  createContact: require('../lib/contacts/createContact'),
  updateContact: require('../lib/contacts/updateContact'),
  upsertContact: require('../lib/contacts/upsertContact'),
  lookupContact: require('../lib/contacts/lookupContact'),
  deleteContact: require('../lib/contacts/deleteContact'),
  getContactChanges: require('../lib/contacts/getContactChanges'),
  updateEvent: require('../lib/calendar/updateEvent'),
  cancelEvent: require('../lib/calendar/cancelEvent'),
  respondToEvent: require('../lib/calendar/respondToEvent'),
  getEvent: require('../lib/calendar/getEvent'),
  lookupEvents: require('../lib/calendar/lookupEvents'),
};
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WRITE = /^(POST|PUT|PATCH|DELETE) /;
const TOKEN_ROUTE = /oauth2\/v2\.0\/token$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const MAX_MESSAGE = 600;
const ENDPOINT_VARS = ['OUTLOOK_GRAPH_BASE_URL', 'OUTLOOK_LOGIN_BASE_URL'];

/** The step's valid input with the case's one field broken. */
function build(c, credential) {
  const cfg = { ...credential, ...VALID_CFG[c.step], ...c.cfgBase };
  let body = { ...VALID_BODY[c.step], ...c.base };
  let attachments;
  const put = (target) => {
    if (c.value === MISSING) delete target[c.field];
    else target[c.field] = c.value;
  };
  if (c.where === 'cfg') put(cfg);
  else if (c.where === 'body') put(body);
  else if (c.where === 'message') body = c.value;
  else if (c.where === 'attachments') attachments = c.value;
  const msg = { id: 'bad-input-1', body, headers: {} };
  if (attachments !== undefined) msg.attachments = attachments;
  return { cfg, msg };
}

/** Every request to Graph or the token endpoint, on Microsoft's hosts; answered 500 so that nothing passes by accident. */
function microsoftCatchAll() {
  const requests = [];
  for (const origin of [GRAPH, LOGIN]) {
    const scope = nock(origin).persist();
    for (const method of METHODS) {
      scope.intercept(/.*/, method).query(true).reply((uri) => {
        requests.push(`${method} ${origin}${uri.split('?')[0]}`);
        return [500, { error: { code: 'UnexpectedRequest', message: 'a refused input must not reach Microsoft' } }];
      });
    }
  }
  return requests;
}

/** Lets pending promise callbacks and their unhandled-rejection reports run. */
async function settle() {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => { setImmediate(resolve); });
}

async function runStep(c, credential) {
  const { cfg, msg } = build(c, credential);
  const ctx = createContext();
  let error;
  let result;
  try {
    result = await STEPS[c.step].process.call(ctx, msg, cfg, {});
  } catch (err) {
    error = err;
  }
  await settle();
  return { error, result, ctx };
}

/** What is wrong with a refusal; [] when it is what the issue asks for. */
function refusalProblems(c, { error, result, ctx }) {
  if (!error) return [`not refused: the step resolved${result ? ' with a data message' : ''}`];
  const problems = [];
  if (!(error instanceof Error)) return [`rejected with a ${typeof error}, not an Error`];
  const message = String(error.message);
  if (error.name === 'InputError') {
    const own = error.field === c.field || error.field.startsWith(`${c.field}[`) || error.field.startsWith(`${c.field}.`);
    if (!own) problems.push(`names the field "${error.field}" instead of "${c.field}": ${message.slice(0, 160)}`);
  } else if (error.name === 'CredentialError') {
    const named = c.names instanceof RegExp ? c.names.test(message) : message.includes(c.names);
    if (!named) problems.push(`does not name ${c.names}: ${message.slice(0, 160)}`);
  } else {
    problems.push(`a ${error.name}, not an InputError or CredentialError: ${message.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  if (c.says && !c.says.test(message)) problems.push(`does not say ${c.says}: ${message.slice(0, 200)}`);
  if (!HINT.test(message)) problems.push(`says nothing about what is accepted or what to do: ${message.slice(0, 200)}`);
  if (CONTROL_CHARS.test(message)) problems.push(`echoes a raw control character: ${JSON.stringify(message.slice(0, 120))}`);
  if (message.length > MAX_MESSAGE) problems.push(`message is ${message.length} characters long`);
  if (ctx.events.length) problems.push(`emitted ${ctx.events.map((e) => e.event).join(', ')}`);
  return problems;
}

describe('bad input: every field of every step is refused with a clear error before any write', function () {
  const tally = { tried: 0, refused: 0, writes: 0 };
  const rejections = [];
  // Mocha re-emits a rejection it does not own, so the same reason can arrive twice.
  const onRejection = (reason) => { if (!rejections.includes(reason)) rejections.push(reason); };
  let emu;
  let emuCredential;

  before(async () => {
    process.on('unhandledRejection', onRejection);
    emu = await startEmulator({ seed: 7, mailCount: 20, clientId: process.env.MSAPP_CLIENT_ID, clientSecret: process.env.MSAPP_CLIENT_SECRET });
    emuCredential = { oauth: emu.control.issueTokens(), tenantId: 'common' };
  });

  after(async () => {
    process.removeListener('unhandledRejection', onRejection);
    if (emu) await emu.close();
    console.log(`      bad inputs tried ${tally.tried}, refused with a clear error ${tally.refused}, writes made ${tally.writes}`);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
    expect({ refused: tally.refused, writes: tally.writes }).to.deep.equal({ refused: tally.tried, writes: 0 });
  });

  /** Nock pass: production endpoints, a catch-all on Microsoft's hosts, storage served by nock. */
  async function againstNock(c) {
    nock.cleanAll();
    const requests = microsoftCatchAll();
    if (c.storage) c.storage(nock, []);
    const outcome = await runStep(c, { oauth: freshToken(), tenantId: 'common' });
    nock.cleanAll();
    return { ...outcome, requests, writes: requests.filter((r) => WRITE.test(r) && !TOKEN_ROUTE.test(r)).length };
  }

  /** Emulator pass: a real credential, so a missed check would really send or book; stats and sent() tell. */
  async function againstEmulator(c) {
    nock.cleanAll();
    const escaped = microsoftCatchAll();
    if (c.storage) c.storage(nock, []);
    const saved = ENDPOINT_VARS.map((name) => process.env[name]);
    ENDPOINT_VARS.forEach((name) => { process.env[name] = emu.url; });
    emu.control.resetStats();
    const sentBefore = emu.control.sent().length;
    try {
      const outcome = await runStep(c, emuCredential);
      const stats = emu.control.stats();
      const routes = Object.entries(stats.byRoute).map(([route, n]) => `${route} x${n}`);
      const writes = Object.entries(stats.byRoute).filter(([route]) => WRITE.test(route) && !TOKEN_ROUTE.test(route)).reduce((sum, [, n]) => sum + n, 0);
      const sent = emu.control.sent().length - sentBefore;
      return { ...outcome, requests: [...routes, ...escaped], writes: Math.max(writes, sent) + escaped.filter((r) => WRITE.test(r)).length };
    } finally {
      ENDPOINT_VARS.forEach((name, i) => {
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      });
      nock.cleanAll();
    }
  }

  describe('the watchers themselves (so that their silence means something)', () => {
    const valid = { step: 'sendMail', where: 'body', field: 'subject', value: 'A valid mail', names: 'subject' };

    it('the nock catch-all records a request that gets through, and counts a POST as a write', async () => {
      const outcome = await againstNock(valid);
      expect(outcome.requests).to.deep.equal([`POST ${GRAPH}/v1.0/me/sendMail`]);
      expect(outcome.writes).to.equal(1);
    });

    it('the emulator pass counts a mail that is really sent as a write', async () => {
      const outcome = await againstEmulator(valid);
      expect(outcome.error, outcome.error && outcome.error.message).to.equal(undefined);
      expect(outcome.requests).to.deep.equal(['POST /me/sendMail x1']);
      expect(outcome.writes).to.equal(1);
    });

    it('the unhandledRejection listener sees a stray rejection', async () => {
      const before = rejections.length;
      Promise.reject(new Error('a stray rejection, on purpose'));
      await settle();
      expect(rejections).to.have.length(before + 1);
      rejections.splice(before, 1);
    });
  });

  const byStep = {};
  for (const c of BAD_INPUTS) {
    const group = (byStep[c.step] ??= {});
    (group[c.field] ??= []).push(c);
  }

  for (const [step, fields] of Object.entries(byStep)) {
    describe(step, () => {
      for (const [field, cases] of Object.entries(fields)) {
        describe(field, () => {
          for (const c of cases) {
            it(c.label, async () => {
              const rejectionsBefore = rejections.length;
              const problems = [];
              let writes = 0;
              for (const [backend, run] of [['nock', againstNock], ['emulator', againstEmulator]]) {
                const outcome = await run(c);
                writes += outcome.writes;
                problems.push(...refusalProblems(c, outcome).map((p) => `${backend}: ${p}`));
                if (outcome.requests.length) problems.push(`${backend}: ${outcome.requests.length} request(s) before refusing: ${outcome.requests.slice(0, 3).join(', ')}`);
              }
              if (rejections.length > rejectionsBefore) problems.push(`unhandled rejection: ${String(rejections[rejections.length - 1])}`);
              tally.tried += 1;
              tally.writes += writes;
              if (problems.length === 0) tally.refused += 1;
              expect(problems, `${step}.${field} (${c.label})`).to.deep.equal([]);
            });
          }
        });
      }
    });
  }
});

describe('accepted and made safe: values that look wrong but are legitimate reach Graph exactly encoded', () => {
  const NOW = Date.parse('2026-11-27T08:00:00Z');

  /** Answers like Graph and records each request: method, path as sent, query, Prefer and JSON body. */
  function graphRecorder() {
    const seen = [];
    const scope = nock(GRAPH).persist();
    for (const method of METHODS) {
      scope.intercept(/.*/, method).query(true).reply(function reply(uri, body) {
        const url = new URL(uri, GRAPH);
        seen.push({ method, path: uri.split('?')[0], query: url.searchParams, prefer: this.req.headers.prefer, body });
        // A delta query's one page ends its round with a delta link.
        if (method === 'GET') return [200, { value: [], ...url.pathname.endsWith('/delta') && { '@odata.deltaLink': `${GRAPH}${url.pathname}?$deltatoken=t` } }, { Date: new Date(NOW).toUTCString() }];
        if (url.pathname.endsWith('/sendMail')) return [202, ''];
        return [201, { id: 'AAMkEvent=', ...body }];
      });
    }
    const tokens = [];
    nock(LOGIN).persist().post(/.*/).reply((uri) => {
      tokens.push(uri);
      return [200, { access_token: 'at-accepted-1', refresh_token: 'rt-accepted-1', expires_in: 3600, token_type: 'Bearer' }];
    });
    return { seen, tokens };
  }

  for (const c of ACCEPTED) {
    it(`${c.step}: ${c.label}`, async () => {
      const { seen, tokens } = graphRecorder();
      const storageHeaders = [];
      if (c.storage) c.storage(nock, storageHeaders);
      const token = c.expiredToken ? freshToken({ expires_at: new Date(Date.now() - 60000).toISOString() }) : freshToken();
      const cfg = { oauth: token, tenantId: 'common', ...VALID_CFG[c.step] };
      for (const [key, value] of Object.entries(c.cfg ?? {})) {
        if (value === MISSING) delete cfg[key];
        else cfg[key] = value;
      }
      const body = Object.fromEntries(Object.entries(c.body ?? VALID_BODY[c.step]).filter(([, value]) => value !== MISSING));
      const msg = { id: 'accepted-1', body, headers: {} };
      if (c.attachments) msg.attachments = c.attachments;
      const savedEnv = Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]]));
      Object.assign(process.env, c.env);
      try {
        await STEPS[c.step].process.call(createContext(), msg, cfg, {});
      } finally {
        for (const [k, v] of Object.entries(savedEnv)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      const { expect: want } = c;
      // Requests before the one pinned (Calendar Changes looks at the calendar first), by path.
      expect(seen.map((r) => r.path), 'requests to Graph').to.deep.equal([...want.requests ?? [], want.path]);
      const request = seen[seen.length - 1];
      expect(request.method).to.equal(want.method);
      expect(request.path).to.equal(want.path);
      if (want.filter) expect(request.query.get('$filter')).to.equal(want.filter);
      if (want.changeType) expect(request.query.get('changeType')).to.equal(want.changeType);
      for (const [key, value] of Object.entries(want.query ?? {})) expect(request.query.get(key), key).to.equal(value);
      if (want.prefer) expect(request.prefer).to.equal(want.prefer);
      if (want.tokenPath) expect(tokens).to.deep.equal([want.tokenPath]);
      const sent = request.body && request.body.message ? request.body.message : request.body;
      if (want.body) {
        if (request.body && request.body.message) expect(request.body).to.deep.equal(want.body);
        else for (const [key, value] of Object.entries(want.body)) expect(sent[key], key).to.deep.equal(value);
      }
      for (const [key, length] of Object.entries(want.count ?? {})) expect(sent[key], key).to.have.length(length);
      if (want.attachments) {
        expect(sent.attachments.map((a) => ({ name: a.name, bytes: Buffer.from(a.contentBytes, 'base64').length }))).to.deep.equal(want.attachments);
      }
      for (const headers of storageHeaders) expect(headers, 'headers the storage host received').to.not.have.property('authorization');
    });
  }
});
