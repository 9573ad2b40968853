'use strict';

// Meetings between the emulator's mailboxes, as Exchange keeps them and Graph's pages describe
// them: the invitee's copy (same iCalUId, isOrganizer false, notResponded), accept /
// tentativelyAccept / decline on it (202, the organizer's copy recording the answer and a
// proposal, a response mail with sendResponse), the documented 400s, cancel (organizer only,
// comment mailed, copies cancelled), DELETE by the organizer as a cancellation, and the copies
// following the organizer's changes. On /me and /users/{id}, with rights and faults.
const { expect } = require('chai');
const { withEmulator } = require('./helpers');

const MEETING = (attendees, extra = {}) => ({
  subject: 'Design review',
  start: { dateTime: '2026-03-10T09:00:00', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2026-03-10T10:00:00', timeZone: 'Pacific Standard Time' },
  attendees: attendees.map((address) => ({ emailAddress: { address }, type: 'required' })),
  ...extra,
});

describe('emulator: meetings, answers and cancellations', () => {
  let emu;
  let graph;
  let clock;
  let megan;
  withEmulator({ clock: Date.UTC(2026, 2, 1, 8, 0, 0), mailCount: 0 }, (env) => {
    ({ emu, graph, clock } = env);
    megan = emu.control.issueTokens({ mailbox: emu.mailboxes.secondary }).access_token;
  });

  const asMegan = (path, options = {}) => graph(path, { ...options, token: megan });
  const copy = async (iCalUId, token = megan) => (await graph('/me/events?$top=100', { token })).body.value.find((e) => e.iCalUId === iCalUId);
  const inbox = async (token) => (await graph('/me/mailFolders/inbox/messages?$select=subject,body,from', { token })).body.value;
  const organize = async (extra) => (await graph('/me/events', { method: 'POST', body: MEETING([emu.mailboxes.secondary, 'guest@fabrikam.example'], extra) })).body;

  it('an invited mailbox of the emulator gets its copy: same iCalUId, organizer the inviter, not organizer, notResponded; outside addresses get nothing', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    expect(mine).to.not.equal(undefined);
    expect(mine.id).to.not.equal(meeting.id);
    expect(mine).to.deep.include({ subject: 'Design review', isOrganizer: false, responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' } });
    expect(mine.organizer.emailAddress.address).to.equal(emu.mailboxes.primary);
    expect(mine.start).to.deep.equal((await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).body.start);
    expect(meeting.responseStatus).to.deep.equal({ response: 'organizer', time: '0001-01-01T00:00:00Z' });
  });

  it('accept (202, no body): the copy is accepted, the organizer sees the answer and gets "Accepted: ..." with the comment', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    clock.advance(60_000);
    const res = await asMegan(`/me/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: { comment: 'See you there', sendResponse: true } });
    expect(res.status).to.equal(202);
    expect(res.body).to.equal(undefined);
    expect((await copy(meeting.iCalUId)).responseStatus.response).to.equal('accepted');
    const organizers = (await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).body;
    expect(organizers.attendees[0].status).to.deep.equal({ response: 'accepted', time: '2026-03-01T08:01:00Z' });
    const [reply] = await inbox();
    expect(reply.subject).to.equal('Accepted: Design review');
    expect(reply.from.emailAddress.address).to.equal(emu.mailboxes.secondary);
  });

  it('sendResponse false changes only the invitee\'s calendar: no mail, the organizer\'s copy untouched', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    expect((await asMegan(`/users/${emu.mailboxes.secondary}/events/${encodeURIComponent(mine.id)}/tentativelyAccept`, { method: 'POST', body: { sendResponse: false } })).status).to.equal(202);
    expect((await copy(meeting.iCalUId)).responseStatus.response).to.equal('tentativelyAccepted');
    expect((await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).body.attendees[0].status.response).to.equal('none');
    expect(await inbox()).to.deep.equal([]);
  });

  it('tentativelyAccept with proposedNewTime (names in any case, as the published example writes them): the organizer\'s attendee carries it, the mail says New Time Proposed', async () => {
    const meeting = await organize({ allowNewTimeProposals: true });
    const mine = await copy(meeting.iCalUId);
    const res = await asMegan(`/me/events/${encodeURIComponent(mine.id)}/tentativelyAccept`, {
      method: 'POST',
      body: { comment: 'Can you make the next day instead?', sendResponse: 'true', proposedNewTime: { Start: { DateTime: '2026-03-11T12:00:00', TimeZone: 'Pacific Standard Time' }, End: { DateTime: '2026-03-11T14:00:00', TimeZone: 'Pacific Standard Time' } } },
    });
    expect(res.status).to.equal(202);
    const organizers = await graph(`/me/events/${encodeURIComponent(meeting.id)}?$select=attendees`, { headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } });
    expect(organizers.body.attendees[0].proposedNewTime).to.deep.equal({
      start: { dateTime: '2026-03-11T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-11T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
    });
    expect(organizers.body.attendees[1]).to.not.have.property('proposedNewTime');
    expect((await inbox())[0].subject).to.equal('New Time Proposed: Design review');
  });

  it('refuses as Graph documents: a proposal the event does not allow, a proposal without sendResponse, a proposal with accept, an answer from the organizer', async () => {
    const meeting = await organize({ allowNewTimeProposals: false });
    const mine = await copy(meeting.iCalUId);
    const at = `/me/events/${encodeURIComponent(mine.id)}`;
    const proposal = { start: { dateTime: '2026-03-11T12:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-11T13:00:00', timeZone: 'UTC' } };
    expect((await asMegan(`${at}/decline`, { method: 'POST', body: { proposedNewTime: proposal } })).status).to.equal(400);
    const allowed = await copy((await organize({ allowNewTimeProposals: true })).iCalUId);
    expect((await asMegan(`/me/events/${encodeURIComponent(allowed.id)}/decline`, { method: 'POST', body: { sendResponse: false, proposedNewTime: proposal } })).status).to.equal(400);
    expect((await asMegan(`/me/events/${encodeURIComponent(allowed.id)}/accept`, { method: 'POST', body: { proposedNewTime: proposal } })).status).to.equal(400);
    const own = await graph(`/me/events/${encodeURIComponent(meeting.id)}/accept`, { method: 'POST', body: {} });
    expect(own.status).to.equal(400);
    expect(own.body.error.code).to.equal('ErrorInvalidRequest');
    expect((await copy(meeting.iCalUId)).responseStatus.response, 'nothing changed').to.equal('notResponded');
  });

  it('decline removes the copy from the invitee\'s calendar (Exchange moves it to Deleted Items) and tells the organizer', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    expect((await asMegan(`/me/events/${encodeURIComponent(mine.id)}/decline`, { method: 'POST', body: { comment: 'Away' } })).status).to.equal(202);
    expect(await copy(meeting.iCalUId)).to.equal(undefined);
    expect((await asMegan(`/me/events/${encodeURIComponent(mine.id)}`)).status).to.equal(404);
    expect((await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).body.attendees[0].status.response).to.equal('declined');
    expect((await inbox())[0].subject).to.equal('Declined: Design review');
  });

  it('an answer to one occurrence makes it an exception of the invitee\'s copy, recorded on the organizer\'s occurrence', async () => {
    const series = await organize({ recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 5 } } });
    const mine = await copy(series.iCalUId);
    const window = 'startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-20T00:00:00Z';
    const [, second] = (await asMegan(`/me/events/${encodeURIComponent(mine.id)}/instances?${window}`)).body.value;
    expect((await asMegan(`/me/events/${encodeURIComponent(second.id)}/accept`, { method: 'POST', body: {} })).status).to.equal(202);
    const after = (await asMegan(`/me/events/${encodeURIComponent(mine.id)}/instances?${window}`)).body.value;
    expect(after.map((o) => `${o.type} ${o.responseStatus.response}`)).to.deep.equal([
      'occurrence notResponded', 'exception accepted', 'occurrence notResponded', 'occurrence notResponded', 'occurrence notResponded',
    ]);
    const organizers = (await graph(`/me/events/${encodeURIComponent(series.id)}/instances?${window}`)).body.value;
    expect(organizers.map((o) => o.attendees[0].status.response)).to.deep.equal(['none', 'accepted', 'none', 'none', 'none']);
  });

  it('cancel: organizer only ("You need to be an organizer to cancel a meeting"), 202, the copies cancelled, the attendees mailed with the comment, the organizer\'s event gone', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    const refused = await asMegan(`/me/events/${encodeURIComponent(mine.id)}/cancel`, { method: 'POST', body: { Comment: 'no' } });
    expect(refused.status).to.equal(400);
    expect(refused.body.error.message).to.equal("Your request can't be completed. You need to be an organizer to cancel a meeting.");
    const res = await graph(`/me/calendar/events/${encodeURIComponent(meeting.id)}/cancel`, { method: 'POST', body: { Comment: 'Cancelling for this week due to all hands' } });
    expect(res.status).to.equal(202);
    expect((await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).status).to.equal(404);
    expect(await copy(meeting.iCalUId)).to.deep.include({ subject: 'Canceled: Design review', isCancelled: true });
    const mail = (await inbox(megan)).find((m) => m.subject.startsWith('Canceled'));
    expect(mail.subject).to.equal('Canceled: Design review');
    expect(mail.body.content).to.include('Cancelling for this week due to all hands');
    expect((await graph(`/me/events/${encodeURIComponent(meeting.id)}/cancel`, { method: 'POST', body: {} })).status, 'a second cancel').to.equal(404);
  });

  it('cancel of one occurrence: gone from the organizer\'s series, cancelled in the copies; DELETE of the series by the organizer cancels it for them', async () => {
    const series = await organize({ recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-10', numberOfOccurrences: 3 } } });
    const window = 'startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-20T00:00:00Z';
    const [first] = (await graph(`/me/events/${encodeURIComponent(series.id)}/instances?${window}`)).body.value;
    expect((await graph(`/me/events/${encodeURIComponent(first.id)}/cancel`, { method: 'POST', body: {} })).status).to.equal(202);
    expect((await graph(`/me/events/${encodeURIComponent(series.id)}/instances?${window}`)).body.value).to.have.length(2);
    const mine = await copy(series.iCalUId);
    const theirs = (await asMegan(`/me/events/${encodeURIComponent(mine.id)}/instances?${window}`)).body.value;
    expect(theirs.map((o) => o.isCancelled)).to.deep.equal([true, false, false]);
    expect((await graph(`/me/events/${encodeURIComponent(series.id)}`, { method: 'DELETE' })).status).to.equal(204);
    expect(await copy(series.iCalUId)).to.deep.include({ isCancelled: true });
    expect((await inbox(megan)).map((m) => m.subject).filter((s) => s.startsWith('Canceled'))).to.deep.equal(['Canceled: Design review', 'Canceled: Design review']);
  });

  it('the copies follow the organizer\'s changes; a moved meeting asks for answers again; an attendee taken off finds the copy cancelled, one added is invited', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    await asMegan(`/me/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: {} });
    await graph(`/me/events/${encodeURIComponent(meeting.id)}`, { method: 'PATCH', body: { subject: 'Design review (room 2)' } });
    expect(await copy(meeting.iCalUId)).to.deep.include({ subject: 'Design review (room 2)', responseStatus: (await copy(meeting.iCalUId)).responseStatus });
    expect((await copy(meeting.iCalUId)).responseStatus.response, 'a new subject keeps the answer').to.equal('accepted');
    await graph(`/me/events/${encodeURIComponent(meeting.id)}`, { method: 'PATCH', body: { start: { dateTime: '2026-03-10T11:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2026-03-10T12:00:00', timeZone: 'Pacific Standard Time' } } });
    const moved = await copy(meeting.iCalUId);
    expect(moved.responseStatus.response).to.equal('notResponded');
    // 11:00 in Pacific Daylight Time (from 8 March 2026): 18:00 UTC.
    expect(moved.start.dateTime).to.equal('2026-03-10T18:00:00.0000000');
    expect((await graph(`/me/events/${encodeURIComponent(meeting.id)}`)).body.attendees[0].status.response).to.equal('notResponded');
    await graph(`/me/events/${encodeURIComponent(meeting.id)}`, { method: 'PATCH', body: { attendees: [{ emailAddress: { address: 'guest@fabrikam.example' }, type: 'required' }] } });
    expect(await copy(meeting.iCalUId)).to.deep.include({ isCancelled: true });
    const info = emu.tenants[0].sharedMailboxes[0];
    await graph(`/me/events/${encodeURIComponent(meeting.id)}`, { method: 'PATCH', body: { attendees: [{ emailAddress: { address: info }, type: 'optional' }] } });
    const shared = (await graph(`/users/${info}/events?$top=100`)).body.value.find((e) => e.iCalUId === meeting.iCalUId);
    expect(shared).to.deep.include({ isOrganizer: false });
  });

  it('answers on another mailbox need its rights: Adele (Full Access on Megan\'s) answers for her; an app answers on any mailbox of its tenant', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    expect((await graph(`/users/${emu.mailboxes.secondary}/events/${encodeURIComponent(mine.id)}/tentativelyAccept`, { method: 'POST', body: {} })).status).to.equal(202);
    const app = emu.control.issueAppTokens().access_token;
    expect((await graph(`/users/${emu.mailboxes.secondary}/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: {}, token: app })).status).to.equal(202);
    expect((await copy(meeting.iCalUId)).responseStatus.response).to.equal('accepted');
    expect((await graph(`/me/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: {}, token: app })).status, '/me with an app token').to.equal(400);
  });

  it('faults apply: a lost answer (applyThenFail) still records the answer once; a 429 records nothing', async () => {
    const meeting = await organize();
    const mine = await copy(meeting.iCalUId);
    emu.control.setFaults([{ match: { method: 'POST', path: 'accept$' }, kind: 'status', status: 429, times: 1 }]);
    expect((await asMegan(`/me/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: {} })).status).to.equal(429);
    expect((await copy(meeting.iCalUId)).responseStatus.response).to.equal('notResponded');
    emu.control.setFaults([{ match: { method: 'POST', path: 'accept$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    expect((await asMegan(`/me/events/${encodeURIComponent(mine.id)}/accept`, { method: 'POST', body: {} })).status).to.equal(504);
    expect((await copy(meeting.iCalUId)).responseStatus.response).to.equal('accepted');
    expect((await inbox()).filter((m) => m.subject.startsWith('Accepted'))).to.have.length(1);
  });
});
