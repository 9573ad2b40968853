'use strict';

// Respond to Invitation: the answer sent (comment, sendResponse, a proposed time with tentative and
// decline only; a lone proposed start keeps the meeting's length), an invitation already answered
// the same way left alone, refusals before the answer (own meeting, cancelled, proposals not
// allowed), and a lost answer looked at before it is sent again. On the wire and against the
// emulator, where Megan answers what Adele organised.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { failureOf } = require('../helpers/failure');
const { watchNetwork } = require('../helpers/network');
const { graphEvent, graphOccurrence } = require('../helpers/graphAnswers');
const respondToEvent = require('../../lib/calendar/respondToEvent');
const { emulated } = require('./emulated');

const INVITATION = graphEvent({ id: 'AAMkInvite1=', type: 'singleInstance', recurrence: null, isOrganizer: false, responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } });

async function run(body, cfg = cfgWith()) {
  const ctx = createContext();
  const out = await respondToEvent.process.call(ctx, { id: 'msg-respond', body, headers: {} }, cfg);
  return { out: out.body, ctx };
}

/** The invitation read (each read in turn from `reads`), and every answer recorded. */
function graphWith(reads = [INVITATION], answers = [[202]]) {
  const seen = [];
  const scope = nock(GRAPH);
  for (const event of reads) scope.get(/\/v1\.0\/me\/events\/[^/]+$/).query(true).reply(...(event ? [200, event] : [404, { error: { code: 'ErrorItemNotFound' } }]));
  for (const reply of answers) {
    scope.post(/\/(accept|tentativelyAccept|decline)$/).reply(function answer(uri, body) { seen.push({ uri, body }); return reply; });
  }
  return seen;
}

describe('Respond to Invitation: what reaches Graph', () => {
  let net;
  afterEach(() => { if (net) net.stop(); net = undefined; });

  it('accepts with a comment, telling the organizer by default', async () => {
    const seen = graphWith();
    const { out } = await run({ eventId: 'AAMkInvite1=', response: 'Accept', comment: 'See you' });
    expect(seen).to.deep.equal([{ uri: '/v1.0/me/events/AAMkInvite1%3D/accept', body: { comment: 'See you', sendResponse: true } }]);
    expect(out).to.deep.equal({ eventId: 'AAMkInvite1=', response: 'accept', sendResponse: true, alreadyAnswered: false });
  });

  it('declines without telling the organizer (sendResponse false)', async () => {
    const seen = graphWith();
    await run({ eventId: 'AAMkInvite1=', response: 'DECLINE', sendResponse: 'false' });
    expect(seen).to.deep.equal([{ uri: '/v1.0/me/events/AAMkInvite1%3D/decline', body: { sendResponse: false } }]);
  });

  it('proposes a time with tentativelyAccept; a lone start keeps the meeting\'s length (one hour), in the zone given', async () => {
    let seen = graphWith();
    let { out } = await run({ eventId: 'AAMkInvite1=', response: 'tentativelyAccept', proposedStart: '2026-03-11T10:00:00', proposedEnd: '2026-03-11T10:30:00', timeZone: 'Europe/Berlin' });
    const slot = { start: { dateTime: '2026-03-11T10:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-03-11T10:30:00', timeZone: 'Europe/Berlin' } };
    expect(seen[0].body).to.deep.equal({ sendResponse: true, proposedNewTime: slot });
    expect(out.proposedNewTime).to.deep.equal(slot);
    nock.cleanAll();
    seen = graphWith();
    ({ out } = await run({ eventId: 'AAMkInvite1=', response: 'decline', proposedStart: '2026-03-11T10:00:00', timeZone: 'Europe/Berlin' }));
    expect(seen[0].body.proposedNewTime).to.deep.equal({ start: slot.start, end: { dateTime: '2026-03-11T11:00:00', timeZone: 'Europe/Berlin' } });
    nock.cleanAll();
    seen = graphWith();
    await run({ eventId: 'AAMkInvite1=', response: 'decline', proposedEnd: '2026-03-11T18:00:00Z' });
    expect(seen[0].body.proposedNewTime).to.deep.equal({ start: { dateTime: '2026-03-11T17:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-11T18:00:00', timeZone: 'UTC' } });
  });

  it('a proposal with accept is not sent (Graph takes none with it) and the log says so', async () => {
    const seen = graphWith();
    const { out, ctx } = await run({ eventId: 'AAMkInvite1=', response: 'accept', proposedStart: '2026-03-11T10:00:00Z' });
    expect(seen[0].body).to.deep.equal({ sendResponse: true });
    expect(out).to.not.have.property('proposedNewTime');
    expect(ctx.logs.map((l) => l.message).join('\n')).to.match(/proposed time is not sent/);
  });

  it('an invitation already answered the same way: nothing sent, alreadyAnswered true; answered another way: sent', async () => {
    let seen = graphWith([{ ...INVITATION, responseStatus: { response: 'tentativelyAccepted', time: '2026-03-01T10:00:00Z' } }], []);
    expect((await run({ eventId: 'AAMkInvite1=', response: 'tentativelyAccept' })).out).to.include({ alreadyAnswered: true });
    expect(seen).to.deep.equal([]);
    nock.cleanAll();
    seen = graphWith([{ ...INVITATION, responseStatus: { response: 'tentativelyAccepted', time: '2026-03-01T10:00:00Z' } }]);
    expect((await run({ eventId: 'AAMkInvite1=', response: 'accept' })).out).to.include({ alreadyAnswered: false });
    expect(seen).to.have.length(1);
  });

  it('declining an invitation no longer in the calendar (a declined one leaves it) succeeds; accepting it is an error', async () => {
    graphWith([undefined], []);
    expect((await run({ eventId: 'AAMkInvite1=', response: 'decline' })).out).to.include({ alreadyAnswered: true });
    graphWith([undefined], []);
    const err = await failureOf(run({ eventId: 'AAMkInvite1=', response: 'accept' }));
    expect(err.statusCode).to.equal(404);
    expect(err.message).to.match(/no such invitation/);
  });

  it('refuses before answering: an event the mailbox organises, a meeting the organizer cancelled, a proposal the organizer does not allow', async () => {
    for (const [event, body, field, says] of [
      [graphEvent(), { response: 'accept' }, 'eventId', /organises this event/],
      [{ ...INVITATION, isCancelled: true }, { response: 'accept' }, 'response', /cancelled this meeting/],
      [{ ...INVITATION, allowNewTimeProposals: false }, { response: 'decline', proposedStart: '2026-03-11T10:00:00Z' }, 'proposedStart', /does not allow new time proposals/],
    ]) {
      nock.cleanAll();
      const seen = graphWith([event], []);
      const err = await failureOf(run({ eventId: 'AAMkInvite1=', ...body }));
      expect(err.field).to.equal(field);
      expect(err.message).to.match(says);
      expect(seen).to.deep.equal([]);
    }
  });

  it('after a lost answer, looks before answering again: arrived, not sent again; not arrived, sent once more', async () => {
    let seen = graphWith([INVITATION, { ...INVITATION, responseStatus: { response: 'accepted', time: '2026-03-01T10:00:00Z' } }], [[504, { error: { code: 'GatewayTimeout' } }]]);
    expect((await run({ eventId: 'AAMkInvite1=', response: 'accept' })).out).to.include({ alreadyAnswered: false });
    expect(seen).to.have.length(1);
    nock.cleanAll();
    seen = graphWith([INVITATION, INVITATION], [[504, { error: { code: 'GatewayTimeout' } }], [202]]);
    await run({ eventId: 'AAMkInvite1=', response: 'accept' });
    expect(seen).to.have.length(2);
    nock.cleanAll();
    seen = graphWith([INVITATION, INVITATION], [[503, { error: { code: 'ServiceUnavailable' } }], [503, { error: { code: 'ServiceUnavailable' } }]]);
    const err = await failureOf(run({ eventId: 'AAMkInvite1=', response: 'accept' }));
    expect(err.message).to.match(/may or may not have reached Outlook/);
    expect(seen, 'never a third time').to.have.length(2);
  });

  it('a 429 is waited out and the answer sent once (nothing was done)', async () => {
    const seen = graphWith([INVITATION], [[429, { error: { code: 'ApplicationThrottled' } }, { 'Retry-After': '0' }], [202]]);
    await run({ eventId: 'AAMkInvite1=', response: 'accept' });
    expect(seen).to.have.length(2);
  });

  it('one occurrence of a recurring invitation, by its date', async () => {
    const seen = [];
    nock(GRAPH)
      .get('/v1.0/me/events/AAMkSeries1%3D').query(true).reply(200, graphEvent({ isOrganizer: false }))
      .get(/\/instances$/).query(true).reply(200, { value: [graphOccurrence({ isOrganizer: false, responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } })] })
      .post(/\/accept$/).reply(function answer(uri) { seen.push(uri); return [202]; });
    const { out } = await run({ eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', response: 'accept', timeZone: 'Europe/Berlin' });
    expect(seen).to.deep.equal(['/v1.0/me/events/AAMkOccurrence17%3D/accept']);
    expect(out.occurrenceStart).to.equal('2026-03-17');
  });

  for (const [label, body, field] of [
    ['no response', { eventId: 'AAMkInvite1=' }, 'response'],
    ['an unknown response', { eventId: 'AAMkInvite1=', response: 'maybe' }, 'response'],
    ['a proposal without sendResponse', { eventId: 'AAMkInvite1=', response: 'decline', sendResponse: false, proposedStart: '2026-03-11T10:00:00Z' }, 'sendResponse'],
    ['a proposed end before the proposed start', { eventId: 'AAMkInvite1=', response: 'decline', proposedStart: '2026-03-11T10:00:00Z', proposedEnd: '2026-03-11T09:00:00Z' }, 'proposedEnd'],
    ['a local proposed start without time zone', { eventId: 'AAMkInvite1=', response: 'decline', proposedStart: '2026-03-11T10:00:00' }, 'proposedStart'],
    ['a comment over 10,000 characters', { eventId: 'AAMkInvite1=', response: 'accept', comment: 'c'.repeat(10_001) }, 'comment'],
    ['sendResponse in words', { eventId: 'AAMkInvite1=', response: 'accept', sendResponse: 'yes' }, 'sendResponse'],
  ]) {
    it(`refuses ${label} before any request -> ${field}`, async () => {
      net = watchNetwork();
      const err = await failureOf(run(body));
      expect(err.field).to.equal(field);
      expect(net.hits).to.deep.equal([]);
    });
  }
});

describe('Respond to Invitation on the emulator', () => {
  const env = emulated();
  const invite = async (extra = {}) => {
    const created = (await env.run('createEvent', { subject: `Review ${Math.random().toString(36).slice(2, 8)}`, start: '2026-03-17T09:00:00', end: '2026-03-17T10:00:00', timeZone: 'Europe/Berlin', requiredAttendees: env.emu.mailboxes.secondary, ...extra })).out;
    return { created, copy: await env.copyOf(created.iCalUId) };
  };

  it('Megan accepts: her copy says accepted, Adele sees it and gets "Accepted: ..."; a replay sends nothing more', async () => {
    const { created, copy } = await invite();
    const body = { eventId: copy.id, response: 'accept', comment: 'Count me in' };
    expect((await env.run('respondToEvent', body, env.megan, { id: 'accept-replay' })).out).to.include({ alreadyAnswered: false });
    expect((await env.run('respondToEvent', body, env.megan, { id: 'accept-replay' })).out).to.include({ alreadyAnswered: true });
    expect((await env.copyOf(created.iCalUId)).responseStatus.response).to.equal('accepted');
    const organizers = (await env.run('getEvent', { eventId: created.id })).out;
    expect(organizers.attendees[0].status.response).to.equal('accepted');
    expect((await env.inbox('adele')).filter((m) => m.subject === `Accepted: ${created.subject}`)).to.have.length(1);
  });

  it('Megan proposes another time with tentativelyAccept: Adele\'s event shows it on Megan\'s line, in Adele\'s zone', async () => {
    const { created, copy } = await invite({ allowNewTimeProposals: true });
    await env.run('respondToEvent', { eventId: copy.id, response: 'tentativelyAccept', proposedStart: '2026-03-18T14:00:00', timeZone: 'Europe/Berlin' }, env.megan);
    const organizers = (await env.run('getEvent', { eventId: created.id, timeZone: 'W. Europe Standard Time' })).out;
    expect(organizers.attendees[0].proposedNewTime).to.deep.equal({
      start: { dateTime: '2026-03-18T14:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-18T15:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
    expect((await env.inbox('adele')).map((m) => m.subject)).to.include(`New Time Proposed: ${created.subject}`);
  });

  it('refused when Adele\'s meeting allows no proposals, before anything is sent', async () => {
    const { created, copy } = await invite({ allowNewTimeProposals: false });
    const err = await failureOf(env.run('respondToEvent', { eventId: copy.id, response: 'decline', proposedStart: '2026-03-18T14:00:00Z' }, env.megan));
    expect(err.field).to.equal('proposedStart');
    expect((await env.copyOf(created.iCalUId)).responseStatus.response).to.equal('notResponded');
  });

  it('Megan declines: the invitation leaves her calendar; declining it again (a replay) is success', async () => {
    const { created, copy } = await invite();
    expect((await env.run('respondToEvent', { eventId: copy.id, response: 'decline' }, env.megan)).out).to.include({ alreadyAnswered: false });
    expect(await env.copyOf(created.iCalUId)).to.equal(undefined);
    expect((await env.run('respondToEvent', { eventId: copy.id, response: 'decline' }, env.megan)).out).to.include({ alreadyAnswered: true });
  });

  it('Megan accepts one occurrence of a recurring meeting by its local start after the DST change', async () => {
    const { copy } = await invite({ recurrence: 'FREQ=WEEKLY;COUNT=4' });
    await env.run('respondToEvent', { eventId: copy.id, occurrenceStart: '2026-03-31T09:00:00', timeZone: 'Europe/Berlin', response: 'accept' }, env.megan);
    const found = (await env.run('lookupEvents', { windowStart: '2026-03-16', windowEnd: '2026-04-10', timeZone: 'Europe/Berlin', subject: copy.subject }, env.megan)).data;
    expect(found.map((e) => `${e.start.dateTime.slice(0, 10)} ${e.responseStatus.response}`)).to.deep.equal([
      '2026-03-17 notResponded', '2026-03-24 notResponded', '2026-03-31 accepted', '2026-04-07 notResponded',
    ]);
  });

  it('answering her own meeting is refused with the reason', async () => {
    const { created } = await invite();
    expect((await failureOf(env.run('respondToEvent', { eventId: created.id, response: 'accept' }))).message).to.match(/organises this event/);
  });
});
