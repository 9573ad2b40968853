'use strict';

// PATCH and DELETE through the session (the contact steps write with them): the method and body on
// the wire, which of them the retry middleware repeats after a 503 or a dropped connection, and
// the session's wait, which harnesses replace with their own sleep.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { createSession } = require('../../lib/graph/session');

function sessionWith(options = {}) {
  const waits = [];
  const session = createSession(cfgWith(), createContext(), { sleep: async (ms) => { waits.push(ms); }, ...options });
  return { session, waits };
}

describe('Graph session: PATCH, DELETE and waits', () => {
  it('PATCH sends the JSON body and returns the answer', async () => {
    const { session } = sessionWith();
    let seen;
    nock(GRAPH).patch('/v1.0/me/contacts/AAMk1', (body) => { seen = body; return true; }).reply(200, { id: 'AAMk1', jobTitle: 'CEO' });
    const { status, body } = await session.patch('/me/contacts/AAMk1', { jobTitle: 'CEO' }, { idempotent: true });
    expect(status).to.equal(200);
    expect(seen).to.deep.equal({ jobTitle: 'CEO' });
    expect(body).to.deep.equal({ id: 'AAMk1', jobTitle: 'CEO' });
  });

  it('PATCH is repeated after a 503 only when the caller says it is idempotent', async () => {
    const once = sessionWith();
    const first = nock(GRAPH).patch('/v1.0/me/contacts/AAMk1').reply(503, { error: { code: 'ServiceUnavailable' } });
    const err = await once.session.patch('/me/contacts/AAMk1', { jobTitle: 'CEO' }).then(() => undefined, (e) => e);
    expect(err.statusCode).to.equal(503);
    first.done();
    const again = sessionWith();
    const scope = nock(GRAPH)
      .patch('/v1.0/me/contacts/AAMk1').reply(503, { error: { code: 'ServiceUnavailable' } })
      .patch('/v1.0/me/contacts/AAMk1').reply(200, { id: 'AAMk1' });
    expect((await again.session.patch('/me/contacts/AAMk1', { jobTitle: 'CEO' }, { idempotent: true })).status).to.equal(200);
    scope.done();
  });

  it('DELETE answers 204 without a body, and is repeated after a dropped connection', async () => {
    const { session } = sessionWith();
    const scope = nock(GRAPH)
      .delete('/v1.0/me/contacts/AAMk1').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .delete('/v1.0/me/contacts/AAMk1').reply(204);
    const result = await session.delete('/me/contacts/AAMk1');
    expect(result.status).to.equal(204);
    expect(result.body).to.equal(undefined);
    scope.done();
  });

  it('a DELETE refused with 404 is a GraphRequestError with its code', async () => {
    const { session } = sessionWith();
    nock(GRAPH).delete('/v1.0/me/contacts/AAMk1').reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    const err = await session.delete('/me/contacts/AAMk1').then(() => undefined, (e) => e);
    expect(err).to.include({ name: 'GraphRequestError', statusCode: 404, code: 'ErrorItemNotFound' });
    expect(err.message).to.match(/^Outlook DELETE \/me\/contacts\/AAMk1 failed: HTTP 404 ErrorItemNotFound/);
  });

  it('wait() uses the sleep the session was given', async () => {
    const { session, waits } = sessionWith();
    await session.wait(750);
    expect(waits).to.deep.equal([750]);
  });
});
