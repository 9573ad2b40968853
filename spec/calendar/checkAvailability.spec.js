'use strict';

// Check Availability: the getSchedule request on the wire (window in the zone given, slot length,
// addresses, Prefer), its limits at their boundaries (62 days, 5 and 1440 minutes, 100 addresses)
// against nock and the emulator, decoding of availabilityView into periods, busy items, working
// hours and the periods everyone is free, and per-person errors carried in the output.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { startLab } = require('./upcomingWorld');
const step = require('../../lib/calendar/checkAvailability');

const run = async (body, cfg = cfgWith()) => {
  const ctx = createContext();
  const result = await step.process.call(ctx, { id: 'm1', body }, cfg).then((r) => r, (e) => e);
  return { result, ctx };
};

/** Answers getSchedule with `value`, recording the request body and Prefer header. */
function answer(value, seen, path = '/v1.0/me/calendar/getSchedule') {
  return nock(GRAPH).post(path).reply(function reply(uri, body) {
    seen.push({ body, prefer: this.req.headers.prefer });
    return [200, { value }];
  });
}

const WINDOW = { start: '2026-12-01T09:00:00', end: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin' };

describe('Check Availability (checkAvailability)', () => {
  describe('on the wire', () => {
    it('asks getSchedule for the addresses, the window in the zone given and the slot length, with results in that zone; decodes the view', async () => {
      const seen = [];
      answer([{
        scheduleId: 'ann@contoso.com',
        availabilityView: '002214300',
        scheduleItems: [
          { status: 'busy', subject: 'Budget', location: 'Room 1', isPrivate: false, start: { dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T11:00:00.0000000', timeZone: 'Europe/Berlin' } },
          { status: 'Tentative', start: { dateTime: '2026-12-01T11:00:00.0000000', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T11:20:00.0000000', timeZone: 'Europe/Berlin' } },
          { status: 'free', start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T09:10:00.0000000', timeZone: 'Europe/Berlin' } },
        ],
        workingHours: { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'W. Europe Standard Time' } },
      }, {
        scheduleId: 'room.1@contoso.com', availabilityView: '000000000', scheduleItems: [],
      }], seen);
      const { result } = await run({ schedules: 'Ann <ann@contoso.com>; room.1@contoso.com, ANN@contoso.com', ...WINDOW, intervalMinutes: '20' });
      expect(result).to.not.be.an('error');
      expect(seen[0].body).to.deep.equal({
        schedules: ['ann@contoso.com', 'room.1@contoso.com'],
        startTime: { dateTime: '2026-12-01T09:00:00', timeZone: 'Europe/Berlin' },
        endTime: { dateTime: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin' },
        availabilityViewInterval: 20,
      });
      expect(seen[0].prefer).to.equal('IdType="ImmutableId", outlook.timezone="Europe/Berlin"');
      const out = result.body;
      const ann = out.schedules[0];
      expect(ann).to.include({ address: 'ann@contoso.com', error: null, availabilityView: '002214300', freeThroughout: false });
      expect(ann.periods.map((p) => `${p.start.dateTime.slice(11, 16)}-${p.end.dateTime.slice(11, 16)} ${p.status} ${p.slots}`)).to.deep.equal([
        '09:00-09:40 free 2', '09:40-10:20 busy 2', '10:20-10:40 tentative 1', '10:40-11:00 workingElsewhere 1', '11:00-11:20 oof 1', '11:20-12:00 free 2',
      ]);
      expect(ann.periods[0].start).to.deep.equal({ dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'Europe/Berlin' });
      expect(ann.busyItems.map((i) => `${i.status} ${i.subject || '-'}`)).to.deep.equal(['busy Budget', 'tentative -']);
      expect(ann.workingHours).to.deep.equal({ daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: 'W. Europe Standard Time' });
      expect(out.schedules[1]).to.include({ freeThroughout: true, workingHours: null });
      expect(out.commonFreePeriods.map((p) => `${p.start.dateTime.slice(11, 16)}-${p.end.dateTime.slice(11, 16)}`)).to.deep.equal(['09:00-09:40', '11:20-12:00']);
      expect(out).to.include({ timeZone: 'Europe/Berlin', intervalMinutes: 20 });
      expect(out.errors).to.deep.equal([]);
    });

    it('carries what Graph reports per person in that person\'s entry and in errors, with what to check, and logs it; the others are read', async () => {
      answer([
        { scheduleId: 'ghost@contoso.com', error: { message: 'Unable to resolve e-mail address ghost@contoso.com to an Active Directory object.', responseCode: '5009' } },
        { scheduleId: 'bob@contoso.com', availabilityView: '000', scheduleItems: [] },
        { scheduleId: 'eve@contoso.com', error: { message: 'No free/busy access.', responseCode: 'ErrorNoFreeBusyAccess' } },
      ], []);
      const { result, ctx } = await run({ schedules: ['ghost@contoso.com', 'bob@contoso.com', 'eve@contoso.com', 'nobody@contoso.com'], ...WINDOW, intervalMinutes: 60 });
      const out = result.body;
      expect(out.schedules.map((s) => [s.address, s.error && s.error.code])).to.deep.equal([
        ['ghost@contoso.com', '5009'], ['bob@contoso.com', null], ['eve@contoso.com', 'ErrorNoFreeBusyAccess'], ['nobody@contoso.com', 'missing'],
      ]);
      expect(out.errors[0].message).to.match(/ghost@contoso.com is no mailbox, room or group of the organisation: check the address/);
      expect(out.errors[1].message).to.match(/could not be read \(ErrorNoFreeBusyAccess\); check the address and that its calendar shares free\/busy/);
      expect(out.commonFreePeriods).to.have.length(1);
      expect(ctx.logs.find((l) => l.level === 'warn').message).to.equal('Free/busy of 3 of 4 address(es) could not be read (5009, ErrorNoFreeBusyAccess, missing); see errors in the output');
    });

    it('the limits at their boundaries: 62 days and slots of 5 and 1440 minutes and 100 addresses are sent; one more of each is refused before any request', async () => {
      const many = Array.from({ length: 100 }, (_, i) => `p${i}@contoso.com`);
      const cases = [
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-03-04T00:00:00Z', intervalMinutes: 1440 }, true],
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-03-04T00:01:00Z', intervalMinutes: 1440 }, 'end'],
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:05:00Z', intervalMinutes: 5 }, true],
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z', intervalMinutes: 4 }, 'intervalMinutes'],
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-01-03T00:00:00Z', intervalMinutes: 1441 }, 'intervalMinutes'],
        [{ schedules: 'a@contoso.com', start: '2026-01-01T00:00:00Z', end: '2026-01-01T00:04:59Z', intervalMinutes: 5 }, 'intervalMinutes'],
        [{ schedules: many, start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }, true],
        [{ schedules: [...many, 'one.more@contoso.com'], start: '2026-01-01T00:00:00Z', end: '2026-01-01T01:00:00Z' }, 'schedules'],
      ];
      for (const [body, outcome] of cases) {
        const seen = [];
        nock.cleanAll();
        answer([], seen);
        const { result } = await run(body);
        if (outcome === true) {
          expect(result, JSON.stringify(body).slice(0, 120)).to.not.be.an('error');
          expect(seen).to.have.length(1);
        } else {
          expect(result).to.include({ name: 'InputError', field: outcome });
          expect(seen, 'no request').to.have.length(0);
        }
      }
    });

    it('reaches another mailbox through the Mailbox field; a POST that only reads is retried after a lost answer', async () => {
      const seen = [];
      nock(GRAPH).post('/v1.0/users/info@contoso.com/calendar/getSchedule').reply(504, { error: { code: 'GatewayTimeout', message: 'timeout' } });
      answer([{ scheduleId: 'a@contoso.com', availabilityView: '0' }], seen, '/v1.0/users/info@contoso.com/calendar/getSchedule');
      const { result } = await run({ schedules: 'a@contoso.com', start: '2026-01-01T09:00:00Z', end: '2026-01-01T09:30:00Z' }, cfgWith({ mailbox: 'info@contoso.com' }));
      expect(result.body.schedules[0].freeThroughout).to.equal(true);
      expect(seen).to.have.length(1);
    });
  });

  describe('on the emulator', () => {
    let lab;
    let cfg;
    before(async () => {
      lab = await startLab({ start: Date.UTC(2026, 10, 27, 7, 0, 0) });
      const sam = lab.emu.control.createUser({ userPrincipalName: 'sam@contoso.example' }).mail;
      lab.emu.control.addEvent({ mailbox: sam, subject: 'Busy', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'Europe/Berlin' }, createdAt: lab.now() });
      lab.emu.control.addEvent({ mailbox: sam, subject: 'Away', start: { dateTime: '2026-12-01T11:30:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2026-12-01T12:00:00', timeZone: 'Europe/Berlin' }, showAs: 'oof', createdAt: lab.now() });
      cfg = { oauth: lab.emu.control.issueTokens({ mailbox: sam }), tenantId: 'common' };
    });
    after(() => lab.close());

    it('reads free/busy as Graph computes it, person errors included; the boundaries Graph accepts are the ones the step sends', async () => {
      const { result } = await run({ schedules: ['sam@contoso.example', 'nobody@contoso.example'], ...WINDOW, intervalMinutes: 30 }, cfg);
      expect(result).to.not.be.an('error');
      const [sam, nobody] = result.body.schedules;
      expect(sam.availabilityView).to.equal('002203');
      expect(sam.periods.map((p) => p.status)).to.deep.equal(['free', 'busy', 'free', 'oof']);
      expect(sam.busyItems.map((i) => `${i.subject} ${i.status} ${i.start.dateTime} ${i.start.timeZone}`)).to.deep.equal([
        'Busy busy 2026-12-01T10:00:00.0000000 Europe/Berlin', 'Away oof 2026-12-01T11:30:00.0000000 Europe/Berlin',
      ]);
      expect(nobody.error.code).to.equal('5009');
      for (const [body, view] of [
        [{ schedules: 'sam@contoso.example', start: '2026-12-01T00:00:00Z', end: '2027-02-01T00:00:00Z', intervalMinutes: 1440 }, 62],
        [{ schedules: 'sam@contoso.example', start: '2026-12-01T09:00:00Z', end: '2026-12-01T09:05:00Z', intervalMinutes: 5 }, 1],
      ]) {
        const { result: r } = await run(body, cfg);
        expect(r, JSON.stringify(body)).to.not.be.an('error');
        expect(r.body.schedules[0].availabilityView).to.have.length(view);
      }
    });

    it('works with an application credential on a mailbox it may reach', async () => {
      const { result } = await run({ schedules: 'sam@contoso.example', ...WINDOW }, { authType: 'application', tenantId: lab.emu.tenantId, mailbox: 'sam@contoso.example' });
      expect(result).to.not.be.an('error');
      expect(result.body.schedules[0].availabilityView).to.equal('002203');
    });
  });
});
