'use strict';

// Graph's failures for every new event step, on the wire: a refusal (403) is an error that says
// what is missing and nothing is written; an event gone (404) is an error for those that need it
// and success for those that remove it; throttling (429, Retry-After) is waited out; an outage
// (503 on every try) ends in an error that says to retry, after Outlook's documented number of
// tries; an expired token is refreshed once. Writes that are not idempotent are never repeated
// after a lost answer (Respond: covered in respondToEvent.spec.js).
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { answerEventSteps } = require('../helpers/graphAnswers');
const { setSessionDefaults } = require('../../lib/graph/session');

const STEPS = {
  updateEvent: { subject: 'Renamed' },
  cancelEvent: { comment: 'Sorry' },
  respondToEvent: { response: 'accept' },
  getEvent: {},
};
const REF = { eventId: 'AAMkSeries1=' };
const step = (name) => require(`../../lib/calendar/${name}`);

async function run(name, body, cfg = cfgWith()) {
  const ctx = createContext();
  const out = await step(name).process.call(ctx, { id: `msg-${name}`, body, headers: {} }, cfg);
  return { out: out && out.body, ctx };
}

describe('the event steps under Graph\'s failures', () => {
  let undo;
  before(() => { undo = setSessionDefaults({ sleep: async () => {} }); });
  after(() => undo());

  for (const [name, input] of Object.entries(STEPS)) {
    describe(name, () => {
      it('403 on reading the event: an error naming what is missing on that mailbox, nothing written', async () => {
        const writes = [];
        nock(GRAPH).get(/\/events\//).query(true).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } })
          .intercept(/.*/, 'PATCH').reply(() => { writes.push('PATCH'); return [500]; })
          .post(/.*/).reply(() => { writes.push('POST'); return [500]; });
        const err = await failureOf(run(name, { ...REF, ...input }, cfgWith({ mailbox: 'info@example.com' })));
        expect(err.statusCode).to.equal(403);
        expect(err.message).to.match(/Full Access on mailbox info@example.com/);
        expect(writes).to.deep.equal([]);
      });

      it('429 with Retry-After, then the answer: waited out and done', async () => {
        nock(GRAPH).get(/\/events\//).query(true).reply(429, { error: { code: 'ApplicationThrottled' } }, { 'Retry-After': '2' });
        answerEventSteps(nock, GRAPH, { isOrganizer: name !== 'respondToEvent' });
        const { out } = await run(name, { ...REF, ...input });
        expect(out).to.be.an('object');
      });

      it('503 on every try: an error that says to retry later, after six tries', async () => {
        let tries = 0;
        nock(GRAPH).get(/\/events\//).query(true).times(10).reply(() => { tries += 1; return [503, { error: { code: 'ServiceUnavailable' } }]; });
        const err = await failureOf(run(name, { ...REF, ...input }));
        expect(err.statusCode).to.equal(503);
        expect(err.message).to.match(/Retry later/);
        expect(tries).to.equal(6);
      });

      it('an expired access token is refreshed once and the new one persisted', async () => {
        nock(LOGIN).post('/common/oauth2/v2.0/token').reply(200, { access_token: 'at-new-0987654321', refresh_token: 'rt-new-0987654321', expires_in: 3600, token_type: 'Bearer' });
        nock(GRAPH).get(/\/events\//).query(true).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
        answerEventSteps(nock, GRAPH, { isOrganizer: name !== 'respondToEvent' });
        const { ctx } = await run(name, { ...REF, ...input });
        expect(ctx.emitted('updateKeys')).to.have.length(1);
      });
    });
  }

  it('404 on reading: Update, Respond (accept) and Get fail saying the event is gone; Cancel succeeds with alreadyDeleted; Respond decline with alreadyAnswered', async () => {
    const gone = () => nock(GRAPH).get(/\/events\//).query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    for (const name of ['updateEvent', 'respondToEvent', 'getEvent']) {
      gone();
      const err = await failureOf(run(name, { ...REF, ...STEPS[name] }));
      expect(err.statusCode, name).to.equal(404);
      expect(err.message, name).to.match(/Outlook has no such (event|invitation)/);
    }
    gone();
    expect((await run('cancelEvent', REF)).out).to.include({ alreadyDeleted: true });
    gone();
    expect((await run('respondToEvent', { ...REF, response: 'decline' })).out).to.include({ alreadyAnswered: true });
  });

  it('Find Events: a dropped connection on a page is read again (reading is safe to repeat); an outage fails after six tries', async () => {
    nock(GRAPH).get(/calendarView/).query(true).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    answerEventSteps(nock, GRAPH);
    const ctx = createContext();
    await step('lookupEvents').process.call(ctx, { body: { windowStart: '2026-03-01', windowEnd: '2026-04-01' } }, cfgWith());
    expect(ctx.emitted('data')).to.have.length(1);
    nock.cleanAll();
    nock(GRAPH).get(/calendarView/).query(true).times(10).reply(504, { error: { code: 'GatewayTimeout' } });
    const err = await failureOf(step('lookupEvents').process.call(createContext(), { body: { windowStart: '2026-03-01', windowEnd: '2026-04-01' } }, cfgWith()));
    expect(err.statusCode).to.equal(504);
  });
});
