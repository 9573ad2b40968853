'use strict';

// Each step once through the real sailor executor (elasticio-sailor-nodejs TaskExec), loaded from
// component.json the way sailor loads it, with nock standing in for Graph: what the platform would
// receive as data, snapshot, updateKeys, error and end events.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken } = require('./helpers/setup');
const { loadStep, runStep } = require('./helpers/sailor');

const SECRETS = [freshToken().access_token, freshToken().refresh_token, process.env.MSAPP_CLIENT_SECRET];

function mail(id, receivedDateTime, subject) {
  return {
    '@odata.etag': `W/"etag-${id}"`,
    id,
    subject,
    receivedDateTime,
    isRead: false,
    from: { emailAddress: { name: 'Ann', address: 'ann@example.com' } },
    toRecipients: [{ emailAddress: { address: 'me@example.com' } }],
    body: { contentType: 'text', content: `${subject} body` },
  };
}

function event(id, lastModifiedDateTime, subject) {
  return {
    id,
    changeKey: `ck-${id}`,
    subject,
    lastModifiedDateTime,
    start: { dateTime: '2026-02-01T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2026-02-01T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    isAllDay: false,
  };
}

/** A sailor data message: what the platform forwards to the next step. */
function expectDataMessage(message) {
  expect(message).to.include.keys('id', 'body', 'headers');
  expect(message.id).to.be.a('string').that.is.not.empty;
  expect(message.body).to.be.an('object');
}

function expectNoSecretsIn(result) {
  const visible = [
    ...result.logs.map((r) => JSON.stringify(r)),
    ...result.events.filter((e) => e.event !== 'updateKeys').map((e) => JSON.stringify(e.payload instanceof Error ? e.payload.message : e.payload)),
  ].join('\n');
  for (const secret of SECRETS) expect(visible).to.not.include(secret);
}

describe('steps through the real sailor executor', () => {
  it('getNewMail: one data message per mail, then a snapshot, then end', async () => {
    const step = loadStep('getNewMail');
    let query;
    nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query((q) => { query = q; return true; })
      .reply(200, { value: [mail('m1', '2026-01-02T08:00:00Z', 'First'), mail('m2', '2026-01-02T08:00:00Z', 'Second')] }, { Date: new Date().toUTCString() });
    const result = await runStep(step, { body: {} }, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
    expect(result.names).to.deep.equal(['data', 'data', 'snapshot', 'end']);
    const data = result.of('data');
    data.forEach(expectDataMessage);
    expect(data.map((d) => d.body.id)).to.deep.equal(['m1', 'm2']);
    expect(data[0].body).to.include({ subject: 'First', receivedDateTime: '2026-01-02T08:00:00Z' });
    expect(query.$filter).to.equal('receivedDateTime ge 2026-01-01T00:00:00Z');
    const [snapshot] = result.of('snapshot');
    expect(snapshot).to.include({ v: 1 });
    expect(Date.parse(snapshot.from)).to.be.above(Date.parse('2026-01-02T08:00:00Z'));
    expect(JSON.stringify(snapshot).length).to.be.below(5000);
    expectNoSecretsIn(result);
  });

  it('getNewMail: the next poll with that snapshot emits nothing again', async () => {
    const step = loadStep('getNewMail');
    const now = new Date().toUTCString();
    nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query(true).reply(200, { value: [mail('m1', '2026-01-02T08:00:00Z', 'First')] }, { Date: now });
    const first = await runStep(step, { body: {} }, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
    const [snapshot] = first.of('snapshot');
    let filter;
    nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query((q) => { filter = q.$filter; return true; })
      .reply(200, { value: [mail('m1', '2026-01-02T08:00:00Z', 'First')] }, { Date: now });
    const second = await runStep(step, { body: {} }, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), snapshot);
    expect(filter).to.equal(`receivedDateTime ge ${snapshot.from}`);
    expect(second.of('data')).to.deep.equal([]);
    expect(second.names[second.names.length - 1]).to.equal('end');
    expect(second.of('error')).to.deep.equal([]);
  });

  it('getNewAndUpdatedEvents: data per change in the chosen zone, a snapshot, then end', async () => {
    const step = loadStep('getNewAndUpdatedEvents');
    let prefer;
    nock(GRAPH).get('/v1.0/me/calendar/events').query(true)
      .reply(function answer() {
        prefer = this.req.headers.prefer;
        return [200, { value: [event('e1', '2026-01-03T10:00:00Z', 'Kick-off'), event('e2', '2026-01-03T11:00:00Z', 'Review')] }, { Date: new Date().toUTCString() }];
      });
    const result = await runStep(step, { body: {} }, cfgWith({ startTime: '2026-01-01T00:00:00Z', timeZone: 'Europe/Berlin' }), {});
    expect(result.names).to.deep.equal(['data', 'data', 'snapshot', 'end']);
    result.of('data').forEach(expectDataMessage);
    expect(result.of('data').map((d) => d.body.subject)).to.deep.equal(['Kick-off', 'Review']);
    expect(prefer).to.include('outlook.timezone="Europe/Berlin"').and.include('IdType="ImmutableId"');
    expect(result.of('snapshot')[0]).to.include({ v: 1 });
    expectNoSecretsIn(result);
  });

  it('sendMail: one data message with what was sent, then end', async () => {
    const step = loadStep('sendMail');
    // The duplicate check: no mail with this message's key yet, a draft made and sent.
    const send = nock(GRAPH)
      .get('/v1.0/me/messages').query(true).reply(200, { value: [] })
      .post('/v1.0/me/messages').reply(201, { id: 'AAMkDraft=', isDraft: true, parentFolderId: 'AAMkDrafts=' })
      .post('/v1.0/me/messages/AAMkDraft%3D/send').reply(202, '', { Date: 'Tue, 03 Mar 2026 09:00:00 GMT' });
    const result = await runStep(step, { id: 'in-1', body: { to: 'Ann <ann@example.com>', subject: 'Via sailor', body: 'Hi' }, headers: {} }, cfgWith());
    send.done();
    expect(result.names).to.deep.equal(['data', 'end']);
    const [data] = result.of('data');
    expectDataMessage(data);
    expect(data.body).to.include({ subject: 'Via sailor', savedToSentItems: true, id: 'AAMkDraft=', alreadySent: false, sentAt: '2026-03-03T09:00:00.000Z' });
    expect(data.body.to).to.deep.equal(['ann@example.com']);
    // The step logs through sailor's logger (captured here), so the secret scan below sees real lines.
    expect(result.logs.map((r) => r.msg)).to.include('Mail sent to 1 recipient(s) with 0 attachment(s)');
    expectNoSecretsIn(result);
  });

  it('sendMail after a 401: updateKeys with the whole new token before the data message', async () => {
    const step = loadStep('sendMail');
    const newToken = { access_token: 'at-sailor-new', refresh_token: 'rt-sailor-new', expires_in: 3600, token_type: 'Bearer' };
    nock(LOGIN).post('/common/oauth2/v2.0/token').reply(200, newToken);
    nock(GRAPH).post('/v1.0/me/sendMail').reply(401, { error: { code: 'InvalidAuthenticationToken' } });
    const send = nock(GRAPH).matchHeader('authorization', 'Bearer at-sailor-new').post('/v1.0/me/sendMail').reply(202);
    // Send Mail's one-request path (duplicate check skipped), so that the 401 is the send's.
    const result = await runStep(step, { id: 'in-2', body: { to: 'ann@example.com' }, headers: {} }, cfgWith({ skipDuplicateCheck: true }));
    send.done();
    expect(result.names).to.deep.equal(['updateKeys', 'data', 'end']);
    const [keys] = result.of('updateKeys');
    expect(Object.keys(keys)).to.deep.equal(['oauth']);
    expect(keys.oauth).to.include(newToken);
    expectNoSecretsIn(result);
  });

  it('sendMail with a bad input: an error event naming the field, then end, and no request', async () => {
    const step = loadStep('sendMail');
    let requests = 0;
    nock(GRAPH).persist().post(/.*/).reply(() => { requests += 1; return [202]; });
    const result = await runStep(step, { id: 'in-3', body: { to: 'not-an-address' }, headers: {} }, cfgWith());
    expect(result.names).to.deep.equal(['error', 'end']);
    const [error] = result.of('error');
    expect(error).to.be.an('error');
    expect(error.message).to.match(/^to\[0\]: /);
    expect(requests).to.equal(0);
  });

  it('createEvent: one data message with the created event, then end', async () => {
    const step = loadStep('createEvent');
    let sent;
    nock(GRAPH).post('/v1.0/me/calendar/events', (body) => { sent = body; return true; }).reply(201, {
      id: 'AAMkNew', webLink: 'https://outlook.office365.com/owa/?itemid=AAMkNew', subject: 'Sailor meeting',
      isOnlineMeeting: true, onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
    });
    const result = await runStep(step, {
      id: 'in-4',
      body: { subject: 'Sailor meeting', start: '2026-02-01T09:00:00', end: '2026-02-01T10:00:00', timeZone: 'Europe/Berlin', isOnlineMeeting: true },
      headers: {},
    }, cfgWith({ calendarId: '' }));
    expect(result.names).to.deep.equal(['data', 'end']);
    const [data] = result.of('data');
    expectDataMessage(data);
    expect(data.body).to.include({ id: 'AAMkNew', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', transactionId: sent.transactionId });
    expect(sent.start).to.deep.equal({ dateTime: '2026-02-01T09:00:00', timeZone: 'Europe/Berlin' });
    expectNoSecretsIn(result);
  });

  it('createEvent with end before start: an error event naming end, then end, and no request', async () => {
    const step = loadStep('createEvent');
    let requests = 0;
    nock(GRAPH).persist().post(/.*/).reply(() => { requests += 1; return [201, {}]; });
    const result = await runStep(step, { id: 'in-5', body: { subject: 'x', start: '2026-02-01T10:00:00Z', end: '2026-02-01T09:00:00Z' }, headers: {} }, cfgWith());
    expect(result.names).to.deep.equal(['error', 'end']);
    expect(result.of('error')[0].message).to.match(/^end: /);
    expect(requests).to.equal(0);
  });

  it('a Graph failure in a trigger: an error event with a clear message, then end, and no snapshot', async () => {
    const step = loadStep('getNewMail');
    nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query(true).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } });
    const result = await runStep(step, { body: {} }, cfgWith(), {});
    expect(result.names).to.deep.equal(['error', 'end']);
    expect(result.of('error')[0].message).to.include('HTTP 403').and.include('ErrorAccessDenied');
    expectNoSecretsIn(result);
  });
});
