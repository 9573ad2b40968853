'use strict';

// Create Event, driven through its real module against nock: the event body Graph gets (times,
// zones, all-day, attendees, Teams, reminder, categories, showAs, sensitivity), which calendar it
// goes to, the transactionId that makes a retried or replayed create harmless, the output, and
// input validation before any request.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, freshToken } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { watchNetwork } = require('../helpers/network');
const { createdEvent: created } = require('../helpers/graphAnswers');
const createEvent = require('../../lib/calendar/createEvent');

const DEFAULT_CAL = '/v1.0/me/calendar/events';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `options.id` undefined means a message without id (a manual run); absent means 'msg-1'. */
function run(ctx, body, options = {}) {
  const id = 'id' in options ? options.id : 'msg-1';
  const msg = id === undefined ? { body, headers: {} } : { id, body, headers: {} };
  return createEvent.process.call(ctx, msg, options.cfg || cfgWith());
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the step to fail, but it succeeded');
}

/** Intercepts event creation at `path`, recording each request body; replies in order. */
function capturePosts(path, replies) {
  const posts = [];
  const scope = nock(GRAPH);
  replies.forEach((reply) => {
    scope.post(path).reply(function answer(uri, body) {
      posts.push({ uri, body, headers: this.req.headers });
      return reply;
    });
  });
  return { posts, scope };
}

/** The event Graph received for `input`, sent to the default calendar. */
async function sentEvent(input, options) {
  const ctx = createContext();
  const { posts, scope } = capturePosts(DEFAULT_CAL, [[201, created()]]);
  await run(ctx, input, options);
  scope.done();
  return posts[0].body;
}

const base = { subject: 'Planning', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' };

describe('Create Event action', () => {
  let net;
  afterEach(() => { if (net) net.stop(); net = undefined; });

  describe('the event sent to Graph', () => {
    it('sends the full event for a minimal input, with defaults and a transactionId', async () => {
      const body = await sentEvent(base);
      const { transactionId, ...rest } = body;
      expect(transactionId).to.match(GUID);
      expect(rest).to.deep.equal({
        subject: 'Planning',
        body: { contentType: 'text', content: '' },
        start: { dateTime: '2026-03-10T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-10T10:00:00', timeZone: 'UTC' },
        isAllDay: false,
        attendees: [],
        importance: 'normal',
        showAs: 'busy',
        sensitivity: 'normal',
        categories: [],
      });
    });

    it('turns a time with an offset into UTC wall time when no zone is set', async () => {
      const body = await sentEvent({ ...base, start: '2026-03-10T09:00:00+01:00', end: '2026-03-10T10:30:00+01:00' });
      expect(body.start).to.deep.equal({ dateTime: '2026-03-10T08:00:00', timeZone: 'UTC' });
      expect(body.end).to.deep.equal({ dateTime: '2026-03-10T09:30:00', timeZone: 'UTC' });
    });

    it('turns a time with an offset into the wall time of the chosen IANA zone, daylight saving included', async () => {
      const body = await sentEvent({ ...base, start: '2026-07-01T09:00:00Z', end: '2026-07-01T10:00:00Z', timeZone: 'america/new_york' });
      expect(body.start).to.deep.equal({ dateTime: '2026-07-01T05:00:00', timeZone: 'America/New_York' });
      expect(body.end).to.deep.equal({ dateTime: '2026-07-01T06:00:00', timeZone: 'America/New_York' });
    });

    it('turns a time with an offset into the wall time of a Windows zone, and spells it canonically', async () => {
      const body = await sentEvent({ ...base, start: '2026-07-01T09:00:00Z', end: '2026-07-01T10:00:00Z', timeZone: 'w. europe standard time' });
      expect(body.start).to.deep.equal({ dateTime: '2026-07-01T11:00:00', timeZone: 'W. Europe Standard Time' });
      expect(body.end).to.deep.equal({ dateTime: '2026-07-01T12:00:00', timeZone: 'W. Europe Standard Time' });
    });

    it('sends a POSIX-rule zone as the city the tz database makes it, on every Node version', async () => {
      const body = await sentEvent({ ...base, start: '2026-07-01T09:00:00Z', end: '2026-07-01T10:00:00Z', timeZone: 'EST5EDT' });
      expect(body.start).to.deep.equal({ dateTime: '2026-07-01T05:00:00', timeZone: 'America/New_York' });
      expect(body.end).to.deep.equal({ dateTime: '2026-07-01T06:00:00', timeZone: 'America/New_York' });
    });

    it('keeps a local time as given, with the IANA zone', async () => {
      const body = await sentEvent({ ...base, start: '2026-03-10T09:00', end: '2026-03-10T09:45:00', timeZone: 'Europe/Berlin' });
      expect(body.start).to.deep.equal({ dateTime: '2026-03-10T09:00:00', timeZone: 'Europe/Berlin' });
      expect(body.end).to.deep.equal({ dateTime: '2026-03-10T09:45:00', timeZone: 'Europe/Berlin' });
    });

    it('keeps a local time as given, with the Windows zone', async () => {
      const body = await sentEvent({ ...base, start: '2026-03-10T09:00:00', end: '2026-03-10T10:00:00', timeZone: 'Pacific Standard Time' });
      expect(body.start).to.deep.equal({ dateTime: '2026-03-10T09:00:00', timeZone: 'Pacific Standard Time' });
      expect(body.end).to.deep.equal({ dateTime: '2026-03-10T10:00:00', timeZone: 'Pacific Standard Time' });
    });

    it('sends an all-day event as midnight to midnight, in UTC or in the chosen zone', async () => {
      const utc = await sentEvent({ ...base, start: '2026-03-10', end: '2026-03-12', isAllDay: true });
      expect(utc).to.include({ isAllDay: true });
      expect(utc.start).to.deep.equal({ dateTime: '2026-03-10T00:00:00', timeZone: 'UTC' });
      expect(utc.end).to.deep.equal({ dateTime: '2026-03-12T00:00:00', timeZone: 'UTC' });
      const berlin = await sentEvent({ ...base, start: '2026-03-10', end: '2026-03-11', isAllDay: 'true', timeZone: 'Europe/Berlin' });
      expect(berlin.isAllDay).to.equal(true);
      expect(berlin.start).to.deep.equal({ dateTime: '2026-03-10T00:00:00', timeZone: 'Europe/Berlin' });
      expect(berlin.end).to.deep.equal({ dateTime: '2026-03-11T00:00:00', timeZone: 'Europe/Berlin' });
    });

    it('takes attendees as text: every one required, names kept', async () => {
      const body = await sentEvent({ ...base, attendees: 'Ann Example <ann@example.com>, bob@example.com; "Doe, John" <john@example.org>' });
      expect(body.attendees).to.deep.equal([
        { emailAddress: { address: 'ann@example.com', name: 'Ann Example' }, type: 'required' },
        { emailAddress: { address: 'bob@example.com' }, type: 'required' },
        { emailAddress: { address: 'john@example.org', name: 'Doe, John' }, type: 'required' },
      ]);
    });

    it('takes attendees as a list of strings and objects, with their types in any case', async () => {
      const body = await sentEvent({
        ...base,
        attendees: [
          { address: 'ann@example.com', name: 'Ann', type: 'Optional' },
          { email: 'room.1@example.com', type: 'resource' },
          { address: 'carl@example.com' },
          'Dora <dora@example.com>',
        ],
      });
      expect(body.attendees).to.deep.equal([
        { emailAddress: { address: 'ann@example.com', name: 'Ann' }, type: 'optional' },
        { emailAddress: { address: 'room.1@example.com' }, type: 'resource' },
        { emailAddress: { address: 'carl@example.com' }, type: 'required' },
        { emailAddress: { address: 'dora@example.com', name: 'Dora' }, type: 'required' },
      ]);
    });

    it('takes requiredAttendees, optionalAttendees and resourceAttendees as plain text, each with its type', async () => {
      const body = await sentEvent({
        ...base,
        requiredAttendees: 'Ann Example <ann@example.com>; "Doe, John" <john@example.org>',
        optionalAttendees: 'bob@example.com, Carl <carl@example.com>',
        resourceAttendees: 'Room 4.12 <room.412@example.com>',
      });
      expect(body.attendees).to.deep.equal([
        { emailAddress: { address: 'ann@example.com', name: 'Ann Example' }, type: 'required' },
        { emailAddress: { address: 'john@example.org', name: 'Doe, John' }, type: 'required' },
        { emailAddress: { address: 'bob@example.com' }, type: 'optional' },
        { emailAddress: { address: 'carl@example.com', name: 'Carl' }, type: 'optional' },
        { emailAddress: { address: 'room.412@example.com', name: 'Room 4.12' }, type: 'resource' },
      ]);
    });

    it('takes the typed fields as lists too (a mapping from another step), and adds attendees after them', async () => {
      const body = await sentEvent({
        ...base,
        optionalAttendees: ['bob@example.com', { emailAddress: { address: 'dora@example.com', name: 'Dora' } }],
        attendees: [{ address: 'ann@example.com', type: 'Required' }, { address: 'hall@example.com', type: 'RESOURCE' }],
      });
      expect(body.attendees).to.deep.equal([
        { emailAddress: { address: 'bob@example.com' }, type: 'optional' },
        { emailAddress: { address: 'dora@example.com', name: 'Dora' }, type: 'optional' },
        { emailAddress: { address: 'ann@example.com' }, type: 'required' },
        { emailAddress: { address: 'hall@example.com' }, type: 'resource' },
      ]);
    });

    it('invites an address given twice with the same type once, whatever its letter case, with the first name given', async () => {
      const body = await sentEvent({
        ...base,
        requiredAttendees: 'Ann <ann@example.com>, ann@example.com',
        attendees: 'Ann Other <ANN@example.com>',
        optionalAttendees: 'bob@example.com',
      });
      expect(body.attendees).to.deep.equal([
        { emailAddress: { address: 'ann@example.com', name: 'Ann' }, type: 'required' },
        { emailAddress: { address: 'bob@example.com' }, type: 'optional' },
      ]);
    });

    it('accepts 500 attendees across the four fields', async () => {
      const many = (n, prefix) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
      const body = await sentEvent({ ...base, requiredAttendees: many(200, 'r').join('; '), optionalAttendees: many(200, 'o'), resourceAttendees: many(50, 'room'), attendees: many(50, 'a') });
      expect(body.attendees).to.have.length(500);
    });

    it('takes the enum values of Microsoft\'s own examples (HTML, Normal, Required) in any letter case and sends Graph\'s spelling', async () => {
      const body = await sentEvent({ ...base, body: '<p>x</p>', bodyContentType: 'HTML', importance: 'Normal', showAs: 'Busy', sensitivity: 'NORMAL', attendees: [{ address: 'ann@example.com', type: 'Required' }] });
      expect(body).to.deep.include({ body: { contentType: 'html', content: '<p>x</p>' }, importance: 'normal', showAs: 'busy', sensitivity: 'normal' });
      expect(body.attendees[0].type).to.equal('required');
    });

    it('asks for a Teams meeting when isOnlineMeeting is set, and sends neither key otherwise', async () => {
      const teams = await sentEvent({ ...base, isOnlineMeeting: true });
      expect(teams).to.include({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
      const plain = await sentEvent({ ...base, isOnlineMeeting: false });
      expect(plain).to.not.have.any.keys('isOnlineMeeting', 'onlineMeetingProvider');
    });

    it('sends the reminder, location, categories, body, importance, showAs and sensitivity in Graph spelling', async () => {
      const body = await sentEvent({
        ...base,
        body: '<p>Agenda</p>',
        bodyContentType: 'HTML',
        location: 'Room 4.12',
        reminderMinutesBeforeStart: '15',
        categories: 'Red category, Project X ,',
        importance: 'HIGH',
        showAs: 'workingelsewhere',
        sensitivity: 'Private',
      });
      expect(body).to.deep.include({
        body: { contentType: 'html', content: '<p>Agenda</p>' },
        location: { displayName: 'Room 4.12' },
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        categories: ['Red category', 'Project X'],
        importance: 'high',
        showAs: 'workingElsewhere',
        sensitivity: 'private',
      });
    });

    it('accepts a reminder of 0 minutes and of four weeks', async () => {
      expect((await sentEvent({ ...base, reminderMinutesBeforeStart: 0 })).reminderMinutesBeforeStart).to.equal(0);
      expect((await sentEvent({ ...base, reminderMinutesBeforeStart: 40320 })).reminderMinutesBeforeStart).to.equal(40320);
    });

    ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'].forEach((showAs) => {
      it(`accepts showAs ${showAs}`, async () => {
        expect((await sentEvent({ ...base, showAs })).showAs).to.equal(showAs);
      });
    });

    ['normal', 'personal', 'private', 'confidential'].forEach((sensitivity) => {
      it(`accepts sensitivity ${sensitivity}`, async () => {
        expect((await sentEvent({ ...base, sensitivity })).sensitivity).to.equal(sensitivity);
      });
    });
  });

  describe('which calendar', () => {
    ['', undefined, null].forEach((calendarId) => {
      it(`posts to /me/calendar/events when calendarId is ${JSON.stringify(calendarId)}`, async () => {
        const ctx = createContext();
        const { posts, scope } = capturePosts(DEFAULT_CAL, [[201, created()]]);
        await run(ctx, base, { cfg: cfgWith({ calendarId }) });
        scope.done();
        expect(posts).to.have.length(1);
      });
    });

    it('posts to /me/calendars/{id}/events with the id percent-encoded into one path segment', async () => {
      const ctx = createContext();
      const id = 'AAMkADY3+Yjk/ZmQ=';
      const { posts, scope } = capturePosts(`/v1.0/me/calendars/${encodeURIComponent(id)}/events`, [[201, created()]]);
      await run(ctx, base, { cfg: cfgWith({ calendarId: id }) });
      scope.done();
      expect(posts[0].uri).to.equal('/v1.0/me/calendars/AAMkADY3%2BYjk%2FZmQ%3D/events');
    });

    it('refuses a calendarId that would leave its path segment, without any request', async () => {
      const ctx = createContext();
      net = watchNetwork();
      const err = await failureOf(run(ctx, base, { cfg: cfgWith({ calendarId: '../mailFolders/inbox' }) }));
      expect(err.message).to.match(/^calendarId: /);
      expect(net.hits).to.deep.equal([]);
    });
  });

  describe('transactionId: a replay does not book twice', () => {
    async function transactionIdOf(msgId, input = base, cfg = cfgWith()) {
      const ctx = createContext();
      const path = cfg.calendarId ? `/v1.0/me/calendars/${encodeURIComponent(cfg.calendarId)}/events` : DEFAULT_CAL;
      const { posts } = capturePosts(path, [[201, created()]]);
      await run(ctx, input, { id: msgId, cfg });
      return posts[0].body.transactionId;
    }

    it('is the same for the same message carrying the same event (a redelivery)', async () => {
      const first = await transactionIdOf('5f1c-aaaa');
      const again = await transactionIdOf('5f1c-aaaa', { ...base });
      expect(first).to.match(GUID);
      expect(again).to.equal(first);
    });

    it('differs for the same message id carrying another event (a step that re-emits its message once per item)', async () => {
      const first = await transactionIdOf('5f1c-aaaa');
      const second = await transactionIdOf('5f1c-aaaa', { ...base, subject: 'Renamed' });
      const moved = await transactionIdOf('5f1c-aaaa', { ...base, start: '2026-03-11T09:00:00Z', end: '2026-03-11T10:00:00Z' });
      expect(new Set([first, second, moved]).size).to.equal(3);
    });

    it('differs for different message ids with the same content', async () => {
      const a = await transactionIdOf('msg-a');
      const b = await transactionIdOf('msg-b');
      expect(a).to.not.equal(b);
    });

    it('differs for the same message sent to another calendar', async () => {
      const a = await transactionIdOf('msg-a');
      const b = await transactionIdOf('msg-a', base, cfgWith({ calendarId: 'AAMkCal2' }));
      expect(a).to.not.equal(b);
    });

    it('without a message id, differs between runs even for the same event: nothing tells a redelivery from a second booking', async () => {
      const a = await transactionIdOf(undefined);
      const b = await transactionIdOf(undefined);
      expect(a).to.match(GUID);
      expect(b).to.not.equal(a);
    });

    it('without a message id, stays the same for the retries of one run (a 504, then success)', async () => {
      const ctx = createContext();
      const { posts, scope } = capturePosts(DEFAULT_CAL, [
        [504, { error: { code: 'GatewayTimeout', message: 'The gateway did not receive a response' } }],
        [201, created()],
      ]);
      await run(ctx, base, { id: undefined });
      scope.done();
      expect(posts).to.have.length(2);
      expect(posts[0].body.transactionId).to.match(GUID);
      expect(posts[1].body.transactionId).to.equal(posts[0].body.transactionId);
    });

    it('retries a 504 (safe thanks to the transactionId) and both POSTs carry the same transactionId', async () => {
      const ctx = createContext();
      const { posts, scope } = capturePosts(DEFAULT_CAL, [
        [504, { error: { code: 'GatewayTimeout', message: 'The gateway did not receive a response' } }],
        [201, created()],
      ]);
      const out = await run(ctx, base);
      scope.done();
      expect(posts).to.have.length(2);
      expect(posts[0].body.transactionId).to.match(GUID);
      expect(posts[1].body).to.deep.equal(posts[0].body);
      expect(out.body.id).to.equal(created().id);
    });

    it('retries a dropped connection and a 503 with Retry-After, each time with the same transactionId', async () => {
      const ctx = createContext();
      const posts = [];
      const record = (reply) => function answer(uri, body) { posts.push(body); return reply; };
      // The drop comes first: its backoff (no Retry-After) is the shortest one, at most 1 s.
      const scope = nock(GRAPH)
        .post(DEFAULT_CAL).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
        .post(DEFAULT_CAL).reply(record([503, { error: { code: 'ServiceUnavailable' } }, { 'Retry-After': '0' }]))
        .post(DEFAULT_CAL).reply(record([201, created()]));
      const out = await run(ctx, base);
      scope.done();
      expect(posts).to.have.length(2);
      expect(posts[1].transactionId).to.equal(posts[0].transactionId);
      expect(out.body.transactionId).to.equal(posts[0].transactionId);
    });

    it('does not retry a 400', async () => {
      const ctx = createContext();
      let calls = 0;
      nock(GRAPH).post(DEFAULT_CAL).times(3).reply(() => { calls += 1; return [400, { error: { code: 'ErrorInvalidRequest', message: 'Your request is invalid.' } }]; });
      const err = await failureOf(run(ctx, base));
      expect(calls).to.equal(1);
      expect(err.statusCode).to.equal(400);
    });
  });

  describe('the output message', () => {
    it('has the id, webLink, Teams joinUrl and what Graph made of the event', async () => {
      const ctx = createContext();
      const graphEvent = created({
        isOnlineMeeting: true,
        onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0' },
        attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'Ann', address: 'ann@example.com' } }],
        transactionId: 'from-graph-0000',
      });
      const { scope } = capturePosts(DEFAULT_CAL, [[201, graphEvent]]);
      const out = await run(ctx, { ...base, isOnlineMeeting: true, attendees: 'Ann <ann@example.com>' });
      scope.done();
      expect(out).to.include.keys('id', 'body', 'headers');
      expect(out.body).to.deep.equal({
        id: graphEvent.id,
        iCalUId: graphEvent.iCalUId,
        webLink: graphEvent.webLink,
        subject: graphEvent.subject,
        start: graphEvent.start,
        end: graphEvent.end,
        isAllDay: false,
        isOnlineMeeting: true,
        joinUrl: graphEvent.onlineMeeting.joinUrl,
        attendees: graphEvent.attendees,
        attachments: [],
        transactionId: 'from-graph-0000',
      });
      expect(ctx.logs.map((l) => l.message)).to.include('Event created');
    });

    it('falls back to the transactionId it sent when Graph does not echo it', async () => {
      const ctx = createContext();
      const { posts } = capturePosts(DEFAULT_CAL, [[201, created()]]);
      const out = await run(ctx, base);
      expect(out.body.transactionId).to.equal(posts[0].body.transactionId);
    });

    it('refreshes an expired token once and emits updateKeys, leaking no token into logs or output', async () => {
      const ctx = createContext();
      const newToken = { access_token: 'at-event-refresh-111', refresh_token: 'rt-event-refresh-111', expires_in: 3600, token_type: 'Bearer' };
      nock(LOGIN).post('/common/oauth2/v2.0/token').reply(200, newToken);
      nock(GRAPH).post(DEFAULT_CAL).reply(401, { error: { code: 'InvalidAuthenticationToken' } });
      const { posts } = capturePosts(DEFAULT_CAL, [[201, created()]]);
      const out = await run(ctx, base);
      expect(posts).to.have.length(1);
      expect(posts[0].headers.authorization).to.equal(`Bearer ${newToken.access_token}`);
      expect(ctx.emitted('updateKeys')).to.have.length(1);
      expect(ctx.emitted('updateKeys')[0].oauth).to.include(newToken);
      const visible = [...ctx.logs.map((l) => l.message), JSON.stringify(out)].join('\n');
      for (const secret of [newToken.access_token, newToken.refresh_token, freshToken().access_token, freshToken().refresh_token, process.env.MSAPP_CLIENT_SECRET]) {
        expect(visible).to.not.include(secret);
      }
    });
  });

  describe('bad input: an error naming the field, and no request', () => {
    const cases = [
      ['end before start', { ...base, end: '2026-03-10T08:00:00Z' }, 'end'],
      ['end equal to start', { ...base, end: base.start }, 'end'],
      ['an unknown time zone', { ...base, timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['an abbreviation as time zone', { ...base, timeZone: 'CEST' }, 'timeZone'],
      ['a number as time zone', { ...base, timeZone: 5 }, 'timeZone'],
      ['start that is not a date', { ...base, start: 'tomorrow at nine' }, 'start'],
      ['start on a day that does not exist', { ...base, start: '2026-02-30T09:00:00Z' }, 'start'],
      ['start with an hour 25', { ...base, start: '2026-03-10T25:00:00Z' }, 'start'],
      ['start in day/month/year form', { ...base, start: '10/03/2026 09:00' }, 'start'],
      ['start as an epoch number', { ...base, start: 1773133200000 }, 'start'],
      ['a malformed end', { ...base, end: '2026-03-10T10:00:00+25:00' }, 'end'],
      ['local start time without a time zone', { ...base, start: '2026-03-10T09:00:00' }, 'start'],
      ['local end time without a time zone', { ...base, end: '2026-03-10T10:00:00' }, 'end'],
      ['a local time the clocks skip', { ...base, start: '2026-03-29T02:30:00', end: '2026-03-29T04:00:00', timeZone: 'Europe/Berlin' }, 'start'],
      ['a date alone for an event that is not all-day', { ...base, start: '2026-03-10' }, 'start'],
      ['an all-day event that does not start at midnight', { ...base, isAllDay: true, start: '2026-03-10T09:00:00Z', end: '2026-03-11' }, 'start'],
      ['a bad attendee type', { ...base, attendees: [{ address: 'ann@example.com', type: 'boss' }] }, 'attendees[0].type'],
      ['a malformed attendee address', { ...base, attendees: 'ann@example.com, bob(at)example.com' }, 'attendees[1]'],
      ['an attendee object without address', { ...base, attendees: [{ address: 'a@example.com' }, { name: 'Nobody' }] }, 'attendees[1]'],
      ['a malformed address in an attendee object', { ...base, attendees: [{ address: 'ann@example' }] }, 'attendees[0]'],
      ['a malformed text attendee in a mixed list', { ...base, attendees: [{ address: 'a@example.com' }, 'not an address'] }, 'attendees[1]'],
      ['an attendee that is a number', { ...base, attendees: [{ address: 'a@example.com' }, 7] }, 'attendees[1]'],
      ['a malformed address in optionalAttendees', { ...base, optionalAttendees: 'bob@example.com; carl(at)example.com' }, 'optionalAttendees[1]'],
      ['a number as requiredAttendees', { ...base, requiredAttendees: 7 }, 'requiredAttendees'],
      ['an object without address in resourceAttendees', { ...base, resourceAttendees: [{ name: 'Room 1' }] }, 'resourceAttendees[0]'],
      ['one address as a required and as an optional attendee', { ...base, requiredAttendees: 'ann@example.com', optionalAttendees: 'Ann <ANN@example.com>' }, 'optionalAttendees'],
      ['an address in requiredAttendees that attendees lists as a resource', { ...base, requiredAttendees: 'room@example.com', attendees: [{ address: 'room@example.com', type: 'resource' }] }, 'attendees[0]'],
      ['one address twice in attendees with two types', { ...base, attendees: [{ address: 'ann@example.com' }, { address: 'ann@example.com', type: 'optional' }] }, 'attendees[1]'],
      ['501 attendees across the fields', { ...base, requiredAttendees: Array.from({ length: 300 }, (_, i) => `r${i}@example.com`), optionalAttendees: Array.from({ length: 201 }, (_, i) => `o${i}@example.com`) }, 'optionalAttendees'],
      ['501 attendees when attendees is added to the typed fields', { ...base, resourceAttendees: Array.from({ length: 500 }, (_, i) => `room${i}@example.com`), attendees: 'ann@example.com' }, 'attendees'],
      ['a negative reminder', { ...base, reminderMinutesBeforeStart: -5 }, 'reminderMinutesBeforeStart'],
      ['a reminder over four weeks', { ...base, reminderMinutesBeforeStart: 40321 }, 'reminderMinutesBeforeStart'],
      ['a fractional reminder', { ...base, reminderMinutesBeforeStart: 2.5 }, 'reminderMinutesBeforeStart'],
      ['a reminder in words', { ...base, reminderMinutesBeforeStart: 'ten' }, 'reminderMinutesBeforeStart'],
      ['a missing subject', { start: base.start, end: base.end }, 'subject'],
      ['a blank subject', { ...base, subject: '   ' }, 'subject'],
      ['a subject over 255 characters', { ...base, subject: 's'.repeat(256) }, 'subject'],
      ['a missing start', { subject: 'x', end: base.end }, 'start'],
      ['an unknown showAs', { ...base, showAs: 'away' }, 'showAs'],
      ['an unknown sensitivity', { ...base, sensitivity: 'secret' }, 'sensitivity'],
      ['an unknown importance', { ...base, importance: 'urgent' }, 'importance'],
      ['an isAllDay that is not a flag', { ...base, isAllDay: 'yes' }, 'isAllDay'],
      ['an isOnlineMeeting that is not a flag', { ...base, isOnlineMeeting: 1 }, 'isOnlineMeeting'],
      ['a category that is not text', { ...base, categories: ['ok', 3] }, 'categories[1]'],
      ['a location that is not text', { ...base, location: { displayName: 'Room' } }, 'location'],
      ['a message body that is a list', [base], 'body'],
      ['a message body that is text', 'Planning at nine', 'body'],
    ];
    it('names both places when one address is given with two types', async () => {
      net = watchNetwork();
      const across = await failureOf(run(createContext(), { ...base, requiredAttendees: 'ann@example.com', optionalAttendees: 'Ann <ANN@example.com>' }));
      expect(across.message).to.equal('optionalAttendees: "ANN@example.com" is already a required attendee in requiredAttendees; give each attendee in one field only, with one type');
      const within = await failureOf(run(createContext(), { ...base, attendees: ['bob@example.com', { address: 'bob@example.com', type: 'resource' }] }));
      expect(within.message).to.match(/^attendees\[1\]: .* a required attendee in attendees\[0\];/);
      expect(net.hits).to.deep.equal([]);
    });

    cases.forEach(([label, input, field]) => {
      it(`${label} -> "${field}: ..."`, async () => {
        const ctx = createContext();
        net = watchNetwork();
        const err = await failureOf(run(ctx, input));
        expect(err.name, err.message).to.equal('InputError');
        expect(err.field).to.equal(field);
        expect(err.message.startsWith(`${field}: `), err.message).to.equal(true);
        expect(net.hits).to.deep.equal([]);
        expect(net.unmatched).to.deep.equal([]);
        expect(ctx.events).to.deep.equal([]);
      });
    });

    it('an all-day event ending on the day it starts: says end is the day after the last day', () => {
      const oneDay = { ...base, isAllDay: true, start: '2026-12-31', end: '2026-12-31', timeZone: 'Europe/Berlin' };
      expect(() => createEvent.buildEvent(oneDay)).to.throw('end: must be after start; for an all-day event, end is the day after the last day (start 2026-12-31, end 2027-01-01 for one day)');
      expect(() => createEvent.buildEvent({ ...oneDay, end: '2026-12-30' })).to.throw(/^end: must be after start$/);
      expect(() => createEvent.buildEvent({ ...base, end: base.start })).to.throw(/^end: must be after start$/);
    });
  });
});
