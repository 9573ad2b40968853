'use strict';

// Cancel or Delete Event: the organizer of a meeting with attendees cancels it (POST /cancel with
// the comment), anything else is deleted; an event already gone is success with alreadyDeleted;
// a lost answer of either is repeated and the repeat's 404 is success. On the wire and against the
// emulator (attendees' copies cancelled and mailed, occurrences, invitations received).
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { graphEvent, graphOccurrence } = require('../helpers/graphAnswers');
const cancelEvent = require('../../lib/calendar/cancelEvent');
const { emulated } = require('./emulated');

const GONE = [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }];

async function run(body, cfg = cfgWith()) {
  const ctx = createContext();
  const out = await cancelEvent.process.call(ctx, { id: 'msg-cancel', body, headers: {} }, cfg);
  return { out: out.body, ctx };
}

/** Records what reaches Graph after the event is read as `event`. */
function graphWith(event, replies = {}) {
  const seen = [];
  const scope = nock(GRAPH).get(/\/v1\.0\/me\/events\/[^/]+$/).query(true).reply(...(event ? [200, event] : GONE));
  for (const reply of replies.cancel || [[202]]) {
    scope.post(/\/cancel$/).reply(function cancel(uri, body) { seen.push({ method: 'POST', uri, body }); return reply; });
  }
  for (const reply of replies.delete || [[204]]) {
    scope.delete(/\/v1\.0\/me\/events\/[^/]+$/).reply(function remove(uri) { seen.push({ method: 'DELETE', uri }); return reply; });
  }
  return seen;
}

describe('Cancel or Delete Event: what reaches Graph', () => {
  it('as organizer of a meeting with attendees: POST /cancel with the comment, and says how many were told', async () => {
    const seen = graphWith(graphEvent());
    const { out } = await run({ eventId: 'AAMkSeries1=', comment: 'Cancelled for the holidays.' });
    expect(seen).to.deep.equal([{ method: 'POST', uri: '/v1.0/me/events/AAMkSeries1%3D/cancel', body: { comment: 'Cancelled for the holidays.' } }]);
    expect(out).to.deep.equal({ eventId: 'AAMkSeries1=', action: 'cancelled', alreadyDeleted: false, attendeesNotified: 1 });
  });

  it('without attendees, or as an invitee: DELETE, and the comment is not sent (the log says so)', async () => {
    for (const event of [graphEvent({ attendees: [] }), graphEvent({ isOrganizer: false })]) {
      nock.cleanAll();
      const seen = graphWith(event);
      const { out, ctx } = await run({ eventId: 'AAMkSeries1=', comment: 'Bye' });
      expect(seen).to.deep.equal([{ method: 'DELETE', uri: '/v1.0/me/events/AAMkSeries1%3D' }]);
      expect(out).to.include({ action: 'deleted', attendeesNotified: 0 });
      expect(ctx.logs.map((l) => l.message).join('\n')).to.match(/comment was not sent/);
    }
  });

  it('an event already gone: success with alreadyDeleted true, nothing sent', async () => {
    const seen = graphWith(undefined);
    const { out } = await run({ eventId: 'AAMkSeries1=' });
    expect(seen).to.deep.equal([]);
    expect(out).to.deep.equal({ eventId: 'AAMkSeries1=', action: 'none', alreadyDeleted: true, attendeesNotified: 0 });
  });

  it('a lost answer to the cancel is repeated; the repeat\'s 404 means the first one did it', async () => {
    const seen = graphWith(graphEvent(), { cancel: [[504, { error: { code: 'GatewayTimeout' } }], GONE] });
    const { out } = await run({ eventId: 'AAMkSeries1=' });
    expect(seen.map((s) => s.method)).to.deep.equal(['POST', 'POST']);
    expect(out).to.include({ action: 'cancelled', alreadyDeleted: false });
  });

  it('a dropped DELETE is repeated, its 404 is success; a 403 is an error that says what is missing', async () => {
    nock(GRAPH).get(/\/v1\.0\/me\/events\/[^/]+$/).query(true).reply(200, graphEvent({ attendees: [] }))
      .delete(/events/).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .delete(/events/).reply(...GONE);
    expect((await run({ eventId: 'AAMkSeries1=' })).out).to.include({ action: 'deleted' });
    nock(GRAPH).get(/\/v1\.0\/users\/[^/]+\/events\/[^/]+$/).query(true).reply(200, graphEvent({ attendees: [] }))
      .delete(/events/).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
    const err = await failureOf(run({ eventId: 'AAMkSeries1=' }, cfgWith({ mailbox: 'info@example.com' })));
    expect(err.statusCode).to.equal(403);
    expect(err.message).to.match(/Full Access on mailbox info@example.com/);
  });

  it('one occurrence: found through instances, cancelled by its own id; a day without one counts as gone', async () => {
    const seen = [];
    nock(GRAPH)
      .get('/v1.0/me/events/AAMkSeries1%3D').query(true).reply(200, graphEvent())
      .get(/\/instances$/).query(true).reply(200, { value: [graphOccurrence()] })
      .post(/\/cancel$/).reply(function cancel(uri) { seen.push(uri); return [202]; });
    const { out } = await run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T08:00:00Z' });
    expect(seen).to.deep.equal(['/v1.0/me/events/AAMkOccurrence17%3D/cancel']);
    expect(out).to.deep.equal({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17T08:00:00Z', action: 'cancelled', alreadyDeleted: false, attendeesNotified: 1 });
    nock(GRAPH)
      .get('/v1.0/me/events/AAMkSeries1%3D').query(true).reply(200, graphEvent())
      .get(/\/instances$/).query(true).times(2).reply(200, { value: [] });
    expect((await run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-18' })).out).to.include({ alreadyDeleted: true, action: 'none' });
  });

  it('refuses a comment over 10,000 characters and a bad occurrenceStart before any request', async () => {
    expect((await failureOf(run({ eventId: 'AAMkSeries1=', comment: 'c'.repeat(10_001) }))).field).to.equal('comment');
    expect((await failureOf(run({ eventId: 'AAMkSeries1=', occurrenceStart: 'next tuesday' }))).field).to.equal('occurrenceStart');
  });
});

describe('Cancel or Delete Event on the emulator', () => {
  const env = emulated();
  const meeting = async (extra = {}) => (await env.run('createEvent', { subject: 'Project sync', start: '2026-03-17T09:00:00', end: '2026-03-17T10:00:00', timeZone: 'Europe/Berlin', requiredAttendees: `Megan <${env.emu.mailboxes.secondary}>`, ...extra })).out;

  it('cancels a meeting: Megan\'s copy shows it cancelled and she gets the comment; run again (a replay), it is already deleted', async () => {
    const created = await meeting();
    const first = (await env.run('cancelEvent', { eventId: created.id, comment: 'Moved to next quarter' }, env.adele, { id: 'cancel-replay' })).out;
    expect(first).to.include({ action: 'cancelled', alreadyDeleted: false, attendeesNotified: 1 });
    expect(await env.copyOf(created.iCalUId)).to.include({ isCancelled: true, subject: 'Canceled: Project sync' });
    const mail = (await env.inbox('megan')).find((m) => m.subject === 'Canceled: Project sync');
    expect(mail.body.content).to.include('Moved to next quarter');
    const again = (await env.run('cancelEvent', { eventId: created.id, comment: 'Moved to next quarter' }, env.adele, { id: 'cancel-replay' })).out;
    expect(again).to.include({ action: 'none', alreadyDeleted: true });
    expect((await env.inbox('megan')).filter((m) => m.subject === 'Canceled: Project sync'), 'told once').to.have.length(1);
  });

  it('cancels one occurrence by its local date after the DST change; the series goes on', async () => {
    const series = await meeting({ subject: 'Daily stand-up', recurrence: 'FREQ=DAILY;COUNT=20' });
    const { out } = await env.run('cancelEvent', { eventId: series.id, occurrenceStart: '2026-03-30', timeZone: 'Europe/Berlin' });
    expect(out).to.include({ action: 'cancelled' });
    const listed = (await env.graph(`/me/events/${encodeURIComponent(series.id)}/instances?startDateTime=2026-03-29T00:00:00Z&endDateTime=2026-04-01T00:00:00Z&$select=start`, { headers: { Prefer: 'outlook.timezone="Europe/Berlin"' } })).body.value;
    expect(listed.map((o) => o.start.dateTime)).to.deep.equal(['2026-03-29T09:00:00.0000000', '2026-03-31T09:00:00.0000000']);
  });

  it('Megan removing her copy of the invitation deletes it from her calendar only', async () => {
    const created = await meeting();
    const copy = await env.copyOf(created.iCalUId);
    const { out } = await env.run('cancelEvent', { eventId: copy.id, comment: 'not for me' }, env.megan);
    expect(out).to.include({ action: 'deleted', attendeesNotified: 0 });
    expect(await env.copyOf(created.iCalUId)).to.equal(undefined);
    expect((await env.graph(`/me/events/${encodeURIComponent(created.id)}`)).status).to.equal(200);
  });

  it('a lost answer to the cancel (applyThenFail) still cancels once', async () => {
    const created = await meeting({ subject: 'Lost answer sync' });
    env.emu.control.setFaults([{ match: { method: 'POST', path: 'cancel$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    const { out } = await env.run('cancelEvent', { eventId: created.id });
    expect(out).to.include({ action: 'cancelled' });
    expect((await env.inbox('megan')).filter((m) => m.subject === 'Canceled: Lost answer sync'), 'cancelled once, the repeat found it gone').to.have.length(1);
    expect((await env.graph(`/me/events/${encodeURIComponent(created.id)}`)).status).to.equal(404);
  });
});
