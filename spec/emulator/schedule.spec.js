'use strict';

// The emulator's scheduling routes: getSchedule's free/busy from the calendar (series expanded,
// exceptions and cancellations applied, showAs mapped), its limits at their boundaries and its
// per-person errors; findMeetingTimes' suggestions from the same data and the mailboxes' working
// hours; mailboxSettings; rights and faults for all of them, on /me and /users/{id}.
const { expect } = require('chai');
const { withEmulator, graphClient } = require('./helpers');

const PST = 'Pacific Standard Time';
const MONDAY = '2026-11-30';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** A wall time in Pacific time on `date` as dateTimeTimeZone. */
const pst = (date, time) => ({ dateTime: `${date}T${time}`, timeZone: PST });

describe('emulator: scheduling (getSchedule, findMeetingTimes, mailboxSettings)', () => {
  let emu;
  let graph;
  withEmulator({ clock: Date.UTC(2026, 10, 27, 7, 0, 0) }, (env) => ({ emu, graph } = env));

  /** A fresh user with an empty calendar, and a client signed in as them. */
  function user(name, extra = {}) {
    const created = emu.control.createUser({ userPrincipalName: `${name}@contoso.example`, displayName: name, ...extra });
    return { address: created.mail, id: created.id, graph: graphClient(emu, emu.control.issueTokens({ mailbox: created.mail }).access_token) };
  }

  function book(mailbox, subject, start, end, extra = {}) {
    return emu.control.addEvent({ mailbox, subject, start, end, createdAt: Date.UTC(2026, 10, 1), ...extra });
  }

  const schedule = (client, schedules, start, end, interval, headers = { Prefer: `outlook.timezone="${PST}"` }, path = '/me/calendar/getSchedule') => client(path, {
    method: 'POST', headers, body: { schedules, startTime: start, endTime: end, ...(interval !== undefined && { availabilityViewInterval: interval }) },
  });

  describe('getSchedule', () => {
    it('merges the calendar into slots (0 free, 1 tentative, 2 busy, 3 oof, 4 working elsewhere), the heaviest status winning, and lists the items in the Prefer zone', async () => {
      const sam = user('sam');
      book(sam.address, 'Tentative', pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'), { showAs: 'tentative' });
      book(sam.address, 'Busy over tentative', pst(MONDAY, '09:30:00'), pst(MONDAY, '10:30:00'), { showAs: 'busy' });
      book(sam.address, 'Away', pst(MONDAY, '11:00:00'), pst(MONDAY, '12:00:00'), { showAs: 'oof' });
      book(sam.address, 'Elsewhere', pst(MONDAY, '13:00:00'), pst(MONDAY, '14:00:00'), { showAs: 'workingElsewhere' });
      book(sam.address, 'Free', pst(MONDAY, '15:00:00'), pst(MONDAY, '16:00:00'), { showAs: 'free' });
      const res = await schedule(sam.graph, [sam.address], pst(MONDAY, '08:00:00'), pst(MONDAY, '17:00:00'), 60);
      expect(res.status).to.equal(200);
      expect(res.headers.get('preference-applied')).to.equal(`outlook.timezone="${PST}"`);
      const [info] = res.body.value;
      // 8 9 10 11 12 13 14 15 16
      expect(info.availabilityView).to.equal('022304000');
      expect(info.scheduleItems.map((i) => [i.subject, i.status, i.start.dateTime, i.end.dateTime, i.start.timeZone])).to.deep.equal([
        ['Tentative', 'tentative', `${MONDAY}T09:00:00.0000000`, `${MONDAY}T10:00:00.0000000`, PST],
        ['Busy over tentative', 'busy', `${MONDAY}T09:30:00.0000000`, `${MONDAY}T10:30:00.0000000`, PST],
        ['Away', 'oof', `${MONDAY}T11:00:00.0000000`, `${MONDAY}T12:00:00.0000000`, PST],
        ['Elsewhere', 'workingElsewhere', `${MONDAY}T13:00:00.0000000`, `${MONDAY}T14:00:00.0000000`, PST],
        ['Free', 'free', `${MONDAY}T15:00:00.0000000`, `${MONDAY}T16:00:00.0000000`, PST],
      ]);
      expect(info.workingHours).to.deep.equal({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: PST } });
      const utc = await schedule(sam.graph, [sam.address], pst(MONDAY, '08:00:00'), pst(MONDAY, '17:00:00'), 60, {});
      expect(utc.body.value[0].scheduleItems[0].start).to.deep.equal({ dateTime: `${MONDAY}T17:00:00.0000000`, timeZone: 'UTC' });
      expect(utc.body.value[0].availabilityView).to.equal(info.availabilityView);
    });

    it('expands recurring series, with a moved occurrence where it went and a deleted or cancelled one left out', async () => {
      const sam = user('sam');
      const series = book(sam.address, 'Stand-up', pst(MONDAY, '09:00:00'), pst(MONDAY, '09:30:00'), {
        recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: MONDAY, numberOfOccurrences: 5 } },
      });
      const instances = (await sam.graph(`/me/events/${series.id}/instances?startDateTime=${MONDAY}T00:00:00Z&endDateTime=2026-12-07T00:00:00Z&$select=id,start`)).body.value;
      expect(instances).to.have.length(5);
      emu.control.updateEvent(instances[1].id, { start: pst('2026-12-01', '11:00:00'), end: pst('2026-12-01', '11:30:00') });
      emu.control.deleteEvent(instances[2].id);
      emu.control.updateEvent(instances[3].id, { isCancelled: true });
      const res = await schedule(sam.graph, [sam.address], pst(MONDAY, '08:00:00'), pst('2026-12-04', '17:00:00'), 30);
      const starts = res.body.value[0].scheduleItems.map((i) => i.start.dateTime.slice(0, 16));
      expect(starts).to.deep.equal([`${MONDAY}T09:00`, '2026-12-01T11:00', '2026-12-04T09:00']);
      const view = res.body.value[0].availabilityView;
      // 30-minute slots from Monday 08:00: Monday 09:00 is slot 2.
      expect(view[2]).to.equal('2');
      expect(view.length).to.equal((4 * 24 + 9) * 2);
    });

    it("places all-day events on the days of the mailbox's own time zone (mailboxSettings)", async () => {
      const sam = user('sam');
      emu.control.setMailboxSettings({ mailbox: sam.address, timeZone: 'Europe/Berlin' });
      book(sam.address, 'Holiday', { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' }, { dateTime: '2026-12-02T00:00:00', timeZone: 'UTC' }, { isAllDay: true, showAs: 'oof' });
      const res = await schedule(sam.graph, [sam.address], { dateTime: '2026-11-30T22:00:00', timeZone: 'UTC' }, { dateTime: '2026-12-01T23:30:00', timeZone: 'UTC' }, 60, {});
      // Berlin midnight is 23:00 UTC: the day runs from the second slot to the one before last.
      expect(res.body.value[0].availabilityView).to.equal(`0${'3'.repeat(24)}0`);
      expect(res.body.value[0].scheduleItems[0].start).to.deep.equal({ dateTime: '2026-11-30T23:00:00.0000000', timeZone: 'UTC' });
    });

    it('answers an address that is no mailbox of the organisation inside the 200, per schedule, as Graph does', async () => {
      const sam = user('sam');
      const res = await schedule(sam.graph, ['nobody@contoso.example', sam.address, 'ann@fabrikam.example'], pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'));
      expect(res.status).to.equal(200);
      expect(res.body.value[0]).to.deep.equal({
        scheduleId: 'nobody@contoso.example',
        error: { message: 'Unable to resolve e-mail address nobody@contoso.example to an Active Directory object.', responseCode: '5009' },
      });
      expect(res.body.value[1]).to.include({ scheduleId: sam.address, availabilityView: '00' });
      expect(res.body.value[2].error.responseCode).to.equal('5009');
      // A mailbox of another tenant is as unknown to this one.
      const national = emu.tenants.find((t) => t.cloud === 'usgov').users[0];
      expect((await schedule(sam.graph, [national], pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'))).body.value[0].error.responseCode).to.equal('5009');
    });

    it('shows what an item is to its owner and to whoever may read the calendar; others see when only; private items hide their subject from all but the owner', async () => {
      const sam = user('sam');
      const kim = user('kim');
      book(kim.address, 'Budget', pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'), { location: { displayName: 'Room 1' } });
      book(kim.address, 'Doctor', pst(MONDAY, '11:00:00'), pst(MONDAY, '12:00:00'), { sensitivity: 'private' });
      const window = [pst(MONDAY, '08:00:00'), pst(MONDAY, '13:00:00')];
      const own = (await schedule(kim.graph, [kim.address], ...window)).body.value[0].scheduleItems;
      expect(own.map((i) => [i.subject, i.location, i.isPrivate])).to.deep.equal([['Budget', 'Room 1', false], ['Doctor', '', true]]);
      const stranger = (await schedule(sam.graph, [kim.address], ...window)).body.value[0].scheduleItems;
      expect(stranger.map((i) => Object.keys(i).sort())).to.deep.equal([['end', 'start', 'status'], ['end', 'start', 'status']]);
      emu.control.grantMailboxRights({ mailbox: kim.address, user: sam.address, rights: ['fullAccess'] });
      const reader = (await schedule(sam.graph, [kim.address], ...window)).body.value[0].scheduleItems;
      expect(reader.map((i) => [i.subject, i.isPrivate])).to.deep.equal([['Budget', false], [undefined, true]]);
    });

    it('refuses the documented limits at their boundaries: 62 days, 5 to 1440 minutes and no longer than the window, 100 schedules, an end after the start', async () => {
      const sam = user('sam');
      const start = { dateTime: '2026-12-01T00:00:00', timeZone: 'UTC' };
      const at = (ms) => ({ dateTime: new Date(Date.UTC(2026, 11, 1) + ms).toISOString().slice(0, 19), timeZone: 'UTC' });
      const ok = await schedule(sam.graph, [sam.address], start, at(62 * DAY), 1440);
      expect(ok.status).to.equal(200);
      expect(ok.body.value[0].availabilityView).to.have.length(62);
      const long = await schedule(sam.graph, [sam.address], start, at(62 * DAY + 60000), 1440);
      expect(long.status).to.equal(400);
      expect(long.body.error).to.include({ code: 'ErrorTimeIntervalTooBig', message: 'The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = 62 days; the actual limit = 63 days.' });
      expect((await schedule(sam.graph, [sam.address], start, at(HOUR), 5)).body.value[0].availabilityView).to.have.length(12);
      for (const interval of [4, 1441, 61, 0, 7.5]) {
        const res = await schedule(sam.graph, [sam.address], start, at(HOUR), interval);
        expect(res.body.error && res.body.error.code, `interval ${interval}`).to.equal('ErrorInvalidMergedFreeBusyInterval');
      }
      expect((await schedule(sam.graph, [sam.address], start, at(HOUR), 60)).status).to.equal(200);
      expect((await schedule(sam.graph, [sam.address], start, at(0))).body.error.code).to.equal('ErrorInvalidTimeInterval');
      const many = Array.from({ length: 100 }, (_, i) => `p${i}@contoso.example`);
      expect((await schedule(sam.graph, many, start, at(HOUR))).body.value).to.have.length(100);
      const tooMany = await schedule(sam.graph, [...many, sam.address], start, at(HOUR));
      expect(tooMany.body.error).to.include({ code: 'ErrorMailboxDataArrayTooBig', message: 'There are too many target users in the EmailAddress array. The allowed size = 100; the actual size = 101.' });
      expect((await schedule(sam.graph, [], start, at(HOUR))).status).to.equal(400);
      expect((await sam.graph('/me/calendar/getSchedule', { method: 'POST', body: { schedules: [sam.address], startTime: start, endTime: { dateTime: '2026-12-01T10:00:00', timeZone: 'Mars/Olympus' } } })).body.error.code).to.equal('TimeZoneNotSupportedException');
    });

    it('works on /users/{id}, app-only, and refuses what Graph refuses (scopes, rights), with faults injected like any route', async () => {
      const sam = user('sam');
      const kim = user('kim');
      const window = [pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00')];
      expect((await schedule(sam.graph, [kim.address], ...window, 60, {}, `/users/${kim.address}/calendar/getSchedule`)).body.error.code).to.equal('ErrorAccessDenied');
      emu.control.grantMailboxRights({ mailbox: kim.address, user: sam.address, rights: ['fullAccess'] });
      expect((await schedule(sam.graph, [kim.address], ...window, 60, {}, `/users/${kim.address}/calendar/getSchedule`)).status).to.equal(200);
      const app = graphClient(emu, emu.control.issueAppTokens().access_token);
      expect((await schedule(app, [kim.address], ...window, 60, {}, '/me/calendar/getSchedule')).status).to.equal(400);
      const appAnswer = await schedule(app, [kim.address, sam.address], ...window, 60, {}, `/users/${sam.address}/calendar/getSchedule`);
      expect(appAnswer.status).to.equal(200);
      emu.control.setUserConsent({ mailbox: sam.address, scopes: ['User.Read', 'Mail.Read'] });
      const narrowed = graphClient(emu, emu.control.issueTokens({ mailbox: sam.address, scope: 'User.Read Mail.Read' }).access_token);
      expect((await schedule(narrowed, [kim.address], ...window)).body.error.code).to.equal('ErrorAccessDenied');
      emu.control.setFaults([{ match: { method: 'POST', path: 'getSchedule$' }, kind: 'status', status: 429, times: 1 }]);
      const throttled = await schedule(sam.graph, [kim.address], ...window);
      expect(throttled.status).to.equal(429);
      expect(throttled.headers.get('retry-after')).to.equal('1');
      expect((await schedule(sam.graph, [kim.address], ...window)).status).to.equal(200);
    });
  });

  describe('findMeetingTimes', () => {
    const find = (client, body, path = '/me/findMeetingTimes') => client(path, { method: 'POST', headers: { Prefer: `outlook.timezone="${PST}"` }, body });
    const slot = (from, to) => ({ timeConstraint: { timeSlots: [{ start: from, end: to }] } });
    const required = (address) => ({ type: 'required', emailAddress: { address } });
    const times = (res) => res.body.meetingTimeSuggestions.map((s) => `${s.meetingTimeSlot.start.dateTime.slice(5, 16)} ${s.confidence}`);

    it('suggests free half-hour-aligned times within working hours, ranked by confidence then time, not overlapping, at most maxCandidates', async () => {
      const org = user('org');
      const ann = user('ann');
      book(org.address, 'Busy', pst(MONDAY, '08:00:00'), pst(MONDAY, '09:00:00'));
      book(ann.address, 'Tentative', pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'), { showAs: 'tentative' });
      const res = await find(org.graph, {
        attendees: [required(ann.address)], meetingDuration: 'PT1H', maxCandidates: 4, minimumAttendeePercentage: 40,
        ...slot(pst(MONDAY, '07:10:00'), pst(MONDAY, '19:00:00')),
      });
      expect(res.status).to.equal(200);
      expect(res.body.emptySuggestionsReason).to.equal('');
      expect(times(res)).to.deep.equal(['11-30T10:00 100', '11-30T11:00 100', '11-30T12:00 100', '11-30T13:00 100']);
      const first = res.body.meetingTimeSuggestions[0];
      expect(first).to.include({ order: 1, organizerAvailability: 'free' });
      expect(first.attendeeAvailability).to.deep.equal([{ attendee: { type: 'required', emailAddress: { address: ann.address } }, availability: 'free' }]);
      expect(first).to.not.have.property('suggestionReason');
      const all = await find(org.graph, {
        attendees: [required(ann.address)], meetingDuration: 'PT1H', maxCandidates: 20, minimumAttendeePercentage: 40, returnSuggestionReasons: true,
        ...slot(pst(MONDAY, '07:10:00'), pst(MONDAY, '19:00:00')),
      });
      // 16:00-17:00 ends with the working day; the tentative hour (49) ranks last.
      expect(times(all)).to.deep.equal(['11-30T10:00 100', '11-30T11:00 100', '11-30T12:00 100', '11-30T13:00 100', '11-30T14:00 100', '11-30T15:00 100', '11-30T16:00 100', '11-30T09:00 49']);
      expect(all.body.meetingTimeSuggestions[7].suggestionReason).to.be.a('string');
      expect(all.body.meetingTimeSuggestions[0].suggestionReason).to.equal('Suggested because it is one of the nearest times when all attendees are available.');
    });

    it("reproduces the concept page's first call: the attendee away two days and busy on the third gives AttendeesUnavailable", async () => {
      const org = user('org');
      const sam = user('samantha');
      book(sam.address, 'Away', { dateTime: '2026-12-01T00:00:00', timeZone: PST }, { dateTime: '2026-12-03T00:00:00', timeZone: PST }, { showAs: 'oof' });
      book(sam.address, 'Busy', pst('2026-12-03', '09:00:00'), pst('2026-12-03', '14:00:00'));
      book(org.address, 'Busy', pst('2026-12-03', '14:00:00'), pst('2026-12-03', '17:00:00'));
      const body = { attendees: [required(sam.address)], meetingDuration: 'PT2H', minimumAttendeePercentage: 100, returnSuggestionReasons: true };
      const first = await find(org.graph, { ...body, ...slot(pst('2026-12-01', '09:00:00'), pst('2026-12-03', '17:00:00')) });
      expect(first.body).to.deep.include({ emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });
      const second = await find(org.graph, { ...body, ...slot(pst('2026-12-04', '09:00:00'), pst('2026-12-04', '17:00:00')) });
      expect(times(second)[0]).to.equal('12-04T09:00 100');
    });

    it('work, personal and unrestricted activity domains; a weekend at work is OrganizerUnavailable; a busy organizer is too unless optional', async () => {
      const org = user('org');
      const saturday = slot(pst('2026-12-05', '09:00:00'), pst('2026-12-05', '12:00:00'));
      const weekend = await find(org.graph, { ...saturday, meetingDuration: 'PT1H' });
      expect(weekend.body).to.deep.include({ emptySuggestionsReason: 'OrganizerUnavailable', meetingTimeSuggestions: [] });
      expect(times(await find(org.graph, { ...saturday, meetingDuration: 'PT1H', timeConstraint: { ...saturday.timeConstraint, activityDomain: 'personal' } }))).to.have.length(3);
      const night = slot(pst(MONDAY, '20:00:00'), pst(MONDAY, '23:00:00'));
      expect((await find(org.graph, { ...night })).body.emptySuggestionsReason).to.equal('OrganizerUnavailable');
      expect(times(await find(org.graph, { timeConstraint: { ...night.timeConstraint, activityDomain: 'unrestricted' }, maxCandidates: 10 }))).to.deep.equal(['11-30T20:00 100', '11-30T20:30 100', '11-30T21:00 100', '11-30T21:30 100', '11-30T22:00 100', '11-30T22:30 100']);
      book(org.address, 'All morning', pst(MONDAY, '08:00:00'), pst(MONDAY, '12:00:00'));
      const morning = slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '11:00:00'));
      expect((await find(org.graph, { ...morning })).body.emptySuggestionsReason).to.equal('OrganizerUnavailable');
      const optional = await find(org.graph, { ...morning, isOrganizerOptional: 'true' });
      expect(optional.body.meetingTimeSuggestions[0]).to.include({ organizerAvailability: 'busy', confidence: 100 });
      expect((await find(org.graph, { ...slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '09:20:00')) })).body.emptySuggestionsReason).to.equal('Unknown');
    });

    it("an attendee's working hours bound the suggestions too; an unknown attendee counts 49 and makes the reason AttendeesUnavailableOrUnknown", async () => {
      const org = user('org');
      const eu = user('eu');
      emu.control.setMailboxSettings({ mailbox: eu.address, workingHours: { timeZone: 'W. Europe Standard Time', startTime: '09:00:00', endTime: '18:00:00' } });
      // Pacific 08:00-17:00 and Berlin 09:00-18:00 (00:00-09:00 Pacific) meet from 08:00 to 09:00.
      const both = await find(org.graph, { attendees: [required(eu.address)], ...slot(pst(MONDAY, '06:00:00'), pst(MONDAY, '17:00:00')), maxCandidates: 10 });
      expect(times(both)).to.deep.equal(['11-30T08:00 100', '11-30T08:30 100']);
      const ghost = required('ghost@fabrikam.example');
      const half = await find(org.graph, { attendees: [ghost], ...slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00')), minimumAttendeePercentage: 0 });
      expect(half.body.meetingTimeSuggestions[0]).to.include({ confidence: 49 });
      expect(half.body.meetingTimeSuggestions[0].attendeeAvailability[0].availability).to.equal('unknown');
      const strict = await find(org.graph, { attendees: [ghost], ...slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00')), minimumAttendeePercentage: 100 });
      expect(strict.body).to.deep.include({ emptySuggestionsReason: 'AttendeesUnavailableOrUnknown', meetingTimeSuggestions: [] });
      // Documented example: free 100, unknown 49, busy 0 average to 49.66...
      const dana = user('dana');
      const samantha = user('sam2');
      book(samantha.address, 'Busy', pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00'));
      const mixed = await find(org.graph, { attendees: [required(dana.address), ghost, required(samantha.address)], ...slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00')), minimumAttendeePercentage: 0 });
      expect(mixed.body.meetingTimeSuggestions[0].confidence).to.be.closeTo(49.67, 0.01);
    });

    it('is delegated only (app tokens are refused), needs the .Shared scopes and, on another mailbox, Full Access; bad parameters are 400', async () => {
      const org = user('org');
      const kim = user('kim');
      const app = graphClient(emu, emu.control.issueAppTokens().access_token);
      expect((await find(app, {}, `/users/${org.address}/findMeetingTimes`)).body.error.code).to.equal('ErrorAccessDenied');
      expect((await find(org.graph, {}, `/users/${kim.address}/findMeetingTimes`)).body.error.code).to.equal('ErrorAccessDenied');
      emu.control.grantMailboxRights({ mailbox: kim.address, user: org.address, rights: ['fullAccess'] });
      expect((await find(org.graph, slot(pst(MONDAY, '09:00:00'), pst(MONDAY, '10:00:00')), `/users/${kim.address}/findMeetingTimes`)).status).to.equal(200);
      emu.control.setUserConsent({ mailbox: org.address, scopes: ['User.Read', 'Calendars.ReadWrite'] });
      const unshared = graphClient(emu, emu.control.issueTokens({ mailbox: org.address, scope: 'User.Read Calendars.ReadWrite' }).access_token);
      expect((await find(unshared, {})).body.error.code).to.equal('ErrorAccessDenied');
      for (const bad of [{ meetingDuration: 'one hour' }, { maxCandidates: 0 }, { minimumAttendeePercentage: 101 }, { attendees: [{ emailAddress: { address: 'nope' } }] }, { timeConstraint: { activityDomain: 'leisure' } }]) {
        expect((await find(org.graph, bad)).status, JSON.stringify(bad)).to.equal(400);
      }
    });
  });

  describe('mailboxSettings', () => {
    it('reads the settings, working hours and zone; the control API changes them; another user\'s are refused to a delegated token, not to an app', async () => {
      const sam = user('sam');
      expect((await sam.graph('/me/mailboxSettings/timeZone')).body.value).to.equal('UTC');
      emu.control.setMailboxSettings({ mailbox: sam.address, timeZone: 'Europe/Berlin', workingHours: { daysOfWeek: ['Monday', 'Tuesday'], startTime: '07:30', timeZone: 'Europe/Berlin' } });
      const settings = (await sam.graph('/me/mailboxSettings')).body;
      expect(settings).to.include({ timeZone: 'Europe/Berlin' });
      expect(settings.workingHours).to.deep.equal({ daysOfWeek: ['monday', 'tuesday'], startTime: '07:30:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Europe/Berlin' } });
      expect((await sam.graph('/me/mailboxSettings/workingHours')).body).to.deep.include(settings.workingHours);
      expect((await graph(`/users/${sam.address}/mailboxSettings`)).body.error.code).to.equal('ErrorAccessDenied');
      const app = graphClient(emu, emu.control.issueAppTokens().access_token);
      expect((await app(`/users/${sam.address}/mailboxSettings`)).body.timeZone).to.equal('Europe/Berlin');
      expect(() => emu.control.setMailboxSettings({ mailbox: sam.address, workingHours: { startTime: '25:00' } })).to.throw(/startTime/);
    });
  });
});
