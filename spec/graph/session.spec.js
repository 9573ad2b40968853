'use strict';

const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');

function sessionWith(ctx, options = {}) {
  const waits = [];
  const session = createSession(cfgWith(), ctx, { sleep: async (ms) => { waits.push(ms); }, ...options });
  return { session, waits };
}

describe('Graph session', () => {
  it('retries a 429 after exactly the Retry-After, for any method', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx);
    const scope = nock(GRAPH)
      .post('/v1.0/me/sendMail').reply(429, { error: { code: 'ApplicationThrottled' } }, { 'Retry-After': '3' })
      .post('/v1.0/me/sendMail').reply(202);
    const result = await session.post('/me/sendMail', { message: {} }, { idempotent: false });
    expect(result.status).to.equal(202);
    expect(waits).to.deep.equal([3000]);
    scope.done();
  });

  it('sends PATCH with its body and extra headers (If-Match), and DELETE; a DELETE marked not idempotent is not repeated after a 503', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx);
    let seen;
    const scope = nock(GRAPH)
      .patch('/v1.0/me/messages/m1', { isRead: true }).reply(function reply() {
        seen = this.req.headers;
        return [200, { id: 'm1', isRead: true }];
      })
      .delete('/v1.0/me/messages/m1').reply(503, {})
      .delete('/v1.0/me/messages/m1').reply(204)
      .delete('/v1.0/me/messages/m2').reply(503, {});
    const patched = await session.patch('/me/messages/m1', { isRead: true }, { headers: { 'If-Match': 'W/"CQAAABYAAAA1"' } });
    expect(patched.body).to.deep.equal({ id: 'm1', isRead: true });
    expect(seen['if-match']).to.equal('W/"CQAAABYAAAA1"');
    expect(seen.prefer).to.equal('IdType="ImmutableId"');
    expect((await session.delete('/me/messages/m1')).status).to.equal(204);
    expect(waits).to.have.length(1);
    const failed = await session.delete('/me/messages/m2', { idempotent: false }).then(() => undefined, (err) => err);
    expect(failed.statusCode).to.equal(503);
    expect(waits).to.have.length(1);
    scope.done();
  });

  it('measures a Retry-After date against the response\'s own Date header, not the local clock', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx);
    // Graph's clock is an hour behind the container's: measured locally the date is long past.
    const graphNow = Date.now() - 3600 * 1000;
    const at = (ms) => new Date(graphNow + ms).toUTCString();
    const scope = nock(GRAPH)
      .get('/v1.0/me').reply(429, { error: { code: 'ApplicationThrottled' } }, { Date: at(0), 'Retry-After': at(7000) })
      .get('/v1.0/me').reply(503, {}, { Date: at(0), 'Retry-After': at(-5000) })
      .get('/v1.0/me').reply(200, { id: 'u1' });
    await session.get('/me');
    expect(waits).to.deep.equal([7000, 0]);
    scope.done();
  });

  it('takes a Retry-After that is neither digits nor an HTTP date as absent: the normal backoff, never "now"', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx);
    const scope = nock(GRAPH)
      .get('/v1.0/me').reply(429, {}, { 'Retry-After': '-1' })
      .get('/v1.0/me').reply(429, {}, { 'Retry-After': '+5' })
      .get('/v1.0/me').reply(200, { id: 'u1' });
    await session.get('/me');
    expect(waits).to.have.length(2);
    expect(waits[0]).to.be.within(500, 1000);
    expect(waits[1]).to.be.within(1000, 2000);
    scope.done();
  });

  it('reports Graph\'s clock from the Date header of a page, and none when the header is absent or not an HTTP date', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    nock(GRAPH)
      .get('/v1.0/me/messages').reply(200, { value: [] }, { Date: 'Fri, 27 Nov 2026 07:00:37 GMT' })
      .get('/v1.0/me/messages').reply(200, { value: [] })
      .get('/v1.0/me/messages').reply(200, { value: [] }, { Date: '1' });
    expect((await session.page('/me/messages')).serverTime).to.equal(Date.parse('2026-11-27T07:00:37Z'));
    expect((await session.page('/me/messages')).serverTime).to.equal(undefined);
    expect((await session.page('/me/messages')).serverTime).to.equal(undefined);
  });

  it('retries 503, 504 and a reset connection on a GET', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx);
    const scope = nock(GRAPH)
      .get('/v1.0/me').reply(503)
      .get('/v1.0/me').reply(504)
      .get('/v1.0/me').replyWithError({ code: 'ECONNRESET' })
      .get('/v1.0/me').reply(200, { id: 'u1' });
    const { body } = await session.get('/me');
    expect(body).to.deep.equal({ id: 'u1' });
    expect(waits).to.have.length(3);
    scope.done();
  });

  [503, 504].forEach((status) => {
    it(`never repeats a non-idempotent POST answered ${status}`, async () => {
      const ctx = createContext();
      const { session } = sessionWith(ctx);
      let posts = 0;
      nock(GRAPH).post('/v1.0/me/sendMail').times(5).reply(() => { posts += 1; return [status, { error: { code: 'ServiceUnavailable' } }]; });
      const err = await session.post('/me/sendMail', {}, { idempotent: false }).catch((e) => e);
      expect(posts).to.equal(1);
      expect(err.statusCode).to.equal(status);
    });
  });

  it('repeats a POST marked idempotent', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    const scope = nock(GRAPH).post('/v1.0/me/calendar/events').reply(504).post('/v1.0/me/calendar/events').reply(201, { id: 'e1' });
    const { body } = await session.post('/me/calendar/events', {}, { idempotent: true });
    expect(body.id).to.equal('e1');
    scope.done();
  });

  it('gives up on a request that outlives its deadline, and retries it when idempotent', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx, { timeoutMs: 100 });
    const scope = nock(GRAPH).get('/v1.0/me').delay(400).reply(200, { id: 'slow' }).get('/v1.0/me').reply(200, { id: 'fast' });
    const { body } = await session.get('/me');
    expect(body.id).to.equal('fast');
    scope.done();
  });

  it('stops after the attempt limit with a message that names the status and what to do', async () => {
    const ctx = createContext();
    const { session, waits } = sessionWith(ctx, { retry: { maxAttempts: 3 } });
    nock(GRAPH).get('/v1.0/me/mailFolders').times(3).reply(429, { error: { code: 'ApplicationThrottled', message: 'MailboxConcurrency limit' } }, { 'request-id': 'rid-1' });
    const err = await session.get('/me/mailFolders').catch((e) => e);
    expect(waits).to.have.length(2);
    expect(err.message).to.match(/HTTP 429 ApplicationThrottled/).and.match(/throttling/).and.match(/rid-1/);
  });

  it('sends the same Prefer headers with every page and follows @odata.nextLink', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    const prefer = 'IdType="ImmutableId", outlook.timezone="UTC"';
    const scope = nock(GRAPH, { reqheaders: { prefer } })
      .get('/v1.0/me/events').query({ $top: '2' }).reply(200, { value: [{ id: 1 }, { id: 2 }], '@odata.nextLink': `${GRAPH}/v1.0/me/events?$top=2&$skip=2` })
      .get('/v1.0/me/events').query({ $top: '2', $skip: '2' }).reply(200, { value: [{ id: 3 }] });
    const seen = [];
    for await (const page of session.pages('/me/events?$top=2', { prefer: ['outlook.timezone="UTC"'] })) seen.push(...page.items.map((i) => i.id));
    expect(seen).to.deep.equal([1, 2, 3]);
    scope.done();
  });

  it('refuses to follow a paging link to another host (it would carry our token there)', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    nock(GRAPH).get('/v1.0/me/messages').reply(200, { value: [], '@odata.nextLink': 'https://evil.example/v1.0/me/messages?$skip=10' });
    const pages = session.pages('/me/messages');
    await pages.next();
    const err = await pages.next().catch((e) => e);
    expect(err.message).to.match(/refusing to follow/);
  });

  it('puts the bearer token on Graph requests', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    const scope = nock(GRAPH, { reqheaders: { authorization: 'Bearer at-current-0123456789' } }).get('/v1.0/me').reply(200, {});
    await session.get('/me');
    scope.done();
  });

  it('keeps at most 4 requests in flight per mailbox', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    let inFlight = 0;
    let maxInFlight = 0;
    nock(GRAPH).get(/\/v1.0\/me\/messages\/\d+/).times(12).reply(function reply() {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise((resolve) => setTimeout(() => { inFlight -= 1; resolve([200, { ok: true }]); }, 30));
    });
    await Promise.all(Array.from({ length: 12 }, (_, i) => session.get(`/me/messages/${i}`)));
    expect(maxInFlight).to.equal(4);
  });

  it('turns Graph errors into actionable messages with the request-id and without the token', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    nock(GRAPH).get('/v1.0/me/mailFolders/nope/messages').query(true)
      .reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }, { 'request-id': 'req-404' });
    const err = await session.get('/me/mailFolders/nope/messages?$filter=subject%20eq%20%27secret%27').catch((e) => e);
    expect(err.message).to.include('GET /me/mailFolders/nope/messages failed: HTTP 404 ErrorItemNotFound');
    expect(err.message).to.include('Pick it again').and.include('req-404');
    expect(err.message).not.to.include('secret');
    expect(err.message).not.to.include('at-current');
  });

  it('drops Graph\'s own message when it quotes request values', async () => {
    const ctx = createContext();
    const { session } = sessionWith(ctx);
    nock(GRAPH).get('/v1.0/me/messages').query(true)
      .reply(400, { error: { code: 'BadRequest', message: "Invalid filter clause near 'confidential words'" } });
    const err = await session.get('/me/messages?$filter=x').catch((e) => e);
    expect(err.message).to.include('HTTP 400 BadRequest');
    expect(err.message).not.to.include('confidential');
  });
});
