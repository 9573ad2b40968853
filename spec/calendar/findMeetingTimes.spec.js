'use strict';

// Find Meeting Times: the findMeetingTimes request on the wire (attendees of the shared fields,
// the window in the zone given, duration, hours, limits), ranked suggestions with each attendee's
// availability, emptySuggestionsReason in either letter case made readable, an application
// credential refused before any request, and the same on the emulator.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { startLab } = require('./upcomingWorld');
const step = require('../../lib/calendar/findMeetingTimes');

const run = async (body, cfg = cfgWith()) => step.process.call(createContext(), { id: 'm1', body }, cfg).then((r) => r, (e) => e);

function answer(result, seen, path = '/v1.0/me/findMeetingTimes') {
  return nock(GRAPH).post(path).reply(function reply(uri, body) {
    seen.push({ body, prefer: this.req.headers.prefer });
    return [200, result];
  });
}

const slot = (start, end, availability = 'free') => ({
  confidence: availability === 'free' ? 100 : 49,
  organizerAvailability: 'free',
  meetingTimeSlot: { start: { dateTime: start, timeZone: 'Pacific Standard Time' }, end: { dateTime: end, timeZone: 'Pacific Standard Time' } },
  attendeeAvailability: [{ attendee: { type: 'required', emailAddress: { address: 'ann@contoso.com' } }, availability }],
  locations: [{ displayName: 'Conf room Hood' }],
  suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
});

const WINDOW = { start: '2026-12-01T09:00:00', end: '2026-12-03T17:00:00', timeZone: 'Pacific Standard Time' };

describe('Find Meeting Times (findMeetingTimes)', () => {
  it('sends the attendees by type, the window in the zone given, the duration and the hours; gives the suggestions in rank order', async () => {
    const seen = [];
    answer({ emptySuggestionsReason: '', meetingTimeSuggestions: [{ ...slot('2026-12-01T14:00:00.0000000', '2026-12-01T15:30:00.0000000', 'tentative'), order: 2 }, { ...slot('2026-12-01T09:00:00.0000000', '2026-12-01T10:30:00.0000000'), order: 1 }] }, seen);
    const result = await run({
      requiredAttendees: 'Ann <ann@contoso.com>', optionalAttendees: ['bob@contoso.com'], resourceAttendees: 'room.1@contoso.com',
      durationMinutes: 90, activityDomain: 'Personal', maxCandidates: '10', minimumAttendeePercentage: 0, isOrganizerOptional: 'true', ...WINDOW,
    });
    expect(result).to.not.be.an('error');
    expect(seen[0].prefer).to.equal('IdType="ImmutableId", outlook.timezone="Pacific Standard Time"');
    expect(seen[0].body).to.deep.equal({
      attendees: [
        { type: 'required', emailAddress: { address: 'ann@contoso.com', name: 'Ann' } },
        { type: 'optional', emailAddress: { address: 'bob@contoso.com' } },
        { type: 'resource', emailAddress: { address: 'room.1@contoso.com' } },
      ],
      timeConstraint: { activityDomain: 'personal', timeSlots: [{ start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2026-12-03T17:00:00', timeZone: 'Pacific Standard Time' } }] },
      meetingDuration: 'PT1H30M',
      isOrganizerOptional: true,
      returnSuggestionReasons: true,
      maxCandidates: 10,
      minimumAttendeePercentage: 0,
    });
    const out = result.body;
    expect(out).to.include({ count: 2, emptySuggestionsReason: '', emptySuggestionsExplanation: '', timeZone: 'Pacific Standard Time', durationMinutes: 90 });
    expect(out.suggestions.map((s) => [s.order, s.confidence, s.start.dateTime])).to.deep.equal([[1, 100, '2026-12-01T09:00:00.0000000'], [2, 49, '2026-12-01T14:00:00.0000000']]);
    expect(out.suggestions[1].attendeeAvailability).to.deep.equal([{ address: 'ann@contoso.com', name: null, type: 'required', availability: 'tentative' }]);
    expect(out.suggestions[0]).to.include({ organizerAvailability: 'free' });
    expect(out.suggestions[0].locations).to.deep.equal(['Conf room Hood']);
  });

  it('leaves out what was not given (Graph applies its defaults); 30 minutes and work hours by default; minute durations and whole hours in ISO 8601', async () => {
    const seen = [];
    answer({ emptySuggestionsReason: '', meetingTimeSuggestions: [] }, seen);
    await run({ start: '2026-12-01T09:00:00Z', end: '2026-12-01T12:00:00Z' });
    expect(seen[0].body).to.deep.equal({
      attendees: [],
      timeConstraint: { activityDomain: 'work', timeSlots: [{ start: { dateTime: '2026-12-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T12:00:00', timeZone: 'UTC' } }] },
      meetingDuration: 'PT30M',
      isOrganizerOptional: false,
      returnSuggestionReasons: true,
    });
    expect([5, 45, 60, 120, 1440].map(step.isoDuration)).to.deep.equal(['PT5M', 'PT45M', 'PT1H', 'PT2H', 'PT24H']);
  });

  for (const [reason, says] of [
    ['AttendeesUnavailable', /fewer than 50% of the attendees are available or outside working hours: widen the window/],
    ['attendeesUnavailableOrUnknown', /availability of some is unknown/],
    ['OrganizerUnavailable', /organizer \(the mailbox this step acts on\) is busy or outside working hours .*personal or unrestricted/],
    ['LocationsUnavailable', /rooms asked for are not free/],
    ['Unknown', /gave no reason: check that the window can hold a meeting of 30 minutes/],
  ]) {
    it(`no suggestions with emptySuggestionsReason ${reason}: the reason in camelCase and what to change`, async () => {
      answer({ emptySuggestionsReason: reason, meetingTimeSuggestions: [] }, []);
      const result = await run({ requiredAttendees: 'ann@contoso.com', ...WINDOW });
      expect(result.body).to.include({ count: 0, emptySuggestionsReason: `${reason[0].toLowerCase()}${reason.slice(1)}` });
      expect(result.body.emptySuggestionsExplanation).to.match(says);
    });
  }

  it('refuses an application credential before any request: Graph offers findMeetingTimes to signed-in users only', async () => {
    const seen = [];
    answer({}, seen, /findMeetingTimes/);
    const err = await run({ requiredAttendees: 'ann@contoso.com', ...WINDOW }, { authType: 'application', tenantId: 'contoso.com', mailbox: 'info@contoso.com' });
    expect(err).to.include({ name: 'CredentialError' });
    expect(err.message).to.match(/needs a delegated credential .*Check Availability/);
    expect(seen).to.deep.equal([]);
  });

  it('the limits at their boundaries: 100 attendees, 62 days, 5 and 1440 minutes, a duration no longer than the window', async () => {
    const people = Array.from({ length: 100 }, (_, i) => `p${i}@contoso.com`);
    const cases = [
      [{ requiredAttendees: people.slice(0, 60), optionalAttendees: people.slice(60), start: '2026-01-01T00:00:00Z', end: '2026-03-04T00:00:00Z', durationMinutes: 1440 }, true],
      [{ requiredAttendees: people.slice(0, 60), optionalAttendees: [...people.slice(60), 'x@contoso.com'], start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' }, 'optionalAttendees'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-03-04T00:00:01Z' }, 'end'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:05:00Z', durationMinutes: 5 }, true],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:05:00Z', durationMinutes: 4 }, 'durationMinutes'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:05:00Z', durationMinutes: 6 }, 'durationMinutes'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-03T00:00:00Z', durationMinutes: 1441 }, 'durationMinutes'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-03T00:00:00Z', maxCandidates: 101 }, 'maxCandidates'],
      [{ start: '2026-01-01T00:00:00Z', end: '2026-01-03T00:00:00Z', minimumAttendeePercentage: 101 }, 'minimumAttendeePercentage'],
    ];
    for (const [body, outcome] of cases) {
      const seen = [];
      nock.cleanAll();
      answer({ meetingTimeSuggestions: [] }, seen);
      const result = await run(body);
      if (outcome === true) {
        expect(result, JSON.stringify(body).slice(0, 100)).to.not.be.an('error');
        expect(seen).to.have.length(1);
      } else {
        expect(result, JSON.stringify(body).slice(0, 100)).to.include({ name: 'InputError', field: outcome });
        expect(seen).to.have.length(0);
      }
    }
  });

  describe('on the emulator', () => {
    let lab;
    let cfg;
    let ann;
    before(async () => {
      lab = await startLab({ start: Date.UTC(2026, 10, 27, 7, 0, 0) });
      const org = lab.emu.control.createUser({ userPrincipalName: 'org@contoso.example' }).mail;
      ann = lab.emu.control.createUser({ userPrincipalName: 'ann@contoso.example' }).mail;
      lab.emu.control.addEvent({ mailbox: ann, subject: 'Busy', start: { dateTime: '2026-12-01T08:00:00', timeZone: 'Pacific Standard Time' }, end: { dateTime: '2026-12-01T12:00:00', timeZone: 'Pacific Standard Time' }, createdAt: lab.now() });
      cfg = { oauth: lab.emu.control.issueTokens({ mailbox: org }), tenantId: 'common' };
    });
    after(() => lab.close());

    it('suggests the first free times of both, within working hours, in the zone asked for', async () => {
      const result = await run({ requiredAttendees: ann, durationMinutes: 60, maxCandidates: 3, start: '2026-12-01T08:00:00', end: '2026-12-01T17:00:00', timeZone: 'America/Los_Angeles' }, cfg);
      expect(result).to.not.be.an('error');
      expect(result.body.suggestions.map((s) => `${s.start.dateTime.slice(11, 16)} ${s.confidence}`)).to.deep.equal(['12:00 100', '13:00 100', '14:00 100']);
      expect(result.body.suggestions[0].start.timeZone).to.equal('America/Los_Angeles');
      expect(result.body.suggestions[0].attendeeAvailability).to.deep.equal([{ address: ann, name: null, type: 'required', availability: 'free' }]);
    });

    it('says why there is none and what to change', async () => {
      const result = await run({ requiredAttendees: ann, durationMinutes: 240, minimumAttendeePercentage: 100, start: '2026-12-01T08:00:00', end: '2026-12-01T12:00:00', timeZone: 'Pacific Standard Time' }, cfg);
      expect(result.body).to.include({ count: 0, emptySuggestionsReason: 'attendeesUnavailable' });
      const weekend = await run({ durationMinutes: 60, start: '2026-12-05T09:00:00', end: '2026-12-05T12:00:00', timeZone: 'Pacific Standard Time' }, cfg);
      expect(weekend.body).to.include({ emptySuggestionsReason: 'organizerUnavailable' });
      const personal = await run({ durationMinutes: 60, activityDomain: 'personal', start: '2026-12-05T09:00:00', end: '2026-12-05T12:00:00', timeZone: 'Pacific Standard Time' }, cfg);
      expect(personal.body.count).to.equal(3);
    });

    it('an application credential is refused by the step before Graph would refuse it (the emulator answers 403)', async () => {
      const err = await run({ ...WINDOW }, { authType: 'application', tenantId: lab.emu.tenantId, mailbox: 'org@contoso.example' });
      expect(err.name).to.equal('CredentialError');
      expect(lab.emu.control.stats().byRoute['POST /users/{id}/findMeetingTimes']).to.equal(undefined);
    });
  });
});
