'use strict';

const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const trigger = require('../../lib/calendar/getNewAndUpdatedEvents');

const NOW = Date.parse('2026-11-27T08:00:00Z');
const serverDate = { Date: new Date(NOW).toUTCString() };

function event(id, changeKey, modified) {
  return { id, changeKey, subject: `Event ${id}`, lastModifiedDateTime: modified, start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'Europe/Berlin' } };
}

const emitted = (ctx) => ctx.emitted('data').map((m) => `${m.body.id}@${m.body.changeKey}`);
const lastSnapshot = (ctx) => ctx.emitted('snapshot').slice(-1)[0];

describe('Poll for New and Updated Events', () => {
  it('polls the default calendar by lastModifiedDateTime in the chosen time zone', async () => {
    let uri;
    const scope = nock(GRAPH).matchHeader('prefer', 'IdType="ImmutableId", outlook.timezone="Europe/Berlin"')
      .get('/v1.0/me/calendar/events').query(true).reply((u) => { uri = u; return [200, { value: [] }, serverDate]; });
    await trigger.process.call(createContext(), {}, cfgWith({ startTime: '2026-11-01T00:00:00+01:00', timeZone: 'europe/berlin' }), {});
    scope.done();
    const params = new URL(uri, GRAPH).searchParams;
    expect(params.get('$filter')).to.equal('lastModifiedDateTime ge 2026-10-31T23:00:00Z');
    expect(params.get('$orderby')).to.equal('lastModifiedDateTime asc');
    expect(params.get('$select').split(',')).to.deep.equal([...trigger.EVENT_FIELDS]);
  });

  it('accepts Windows zone names and addresses a chosen calendar by its encoded id', async () => {
    const scope = nock(GRAPH).matchHeader('prefer', /outlook.timezone="Pacific Standard Time"/)
      .get(`/v1.0/me/calendars/${encodeURIComponent('AAMk/cal+1=')}/events`).query(true).reply(200, { value: [] }, serverDate);
    await trigger.process.call(createContext(), {}, cfgWith({ calendarId: 'AAMk/cal+1=', timeZone: 'Pacific Standard Time' }), {});
    scope.done();
  });

  it('emits an event once per change, even two changes within the same second', async () => {
    const first = createContext();
    nock(GRAPH).get('/v1.0/me/calendar/events').query(true).reply(200, { value: [event('e1', 'ck1', '2026-11-27T07:59:30Z')] }, serverDate);
    await trigger.process.call(first, {}, cfgWith({ startTime: '2026-11-27T07:59:00Z' }), {});
    expect(emitted(first)).to.deep.equal(['e1@ck1']);

    const second = createContext();
    nock(GRAPH).get('/v1.0/me/calendar/events').query(true)
      .reply(200, { value: [event('e1', 'ck2', '2026-11-27T07:59:30Z'), event('e2', 'ck1', '2026-11-27T07:59:45Z')] }, serverDate);
    await trigger.process.call(second, {}, cfgWith({ startTime: '2026-11-27T07:59:00Z' }), lastSnapshot(first));
    expect(emitted(second)).to.deep.equal(['e1@ck2', 'e2@ck1']);

    const third = createContext();
    nock(GRAPH).get('/v1.0/me/calendar/events').query(true)
      .reply(200, { value: [event('e1', 'ck2', '2026-11-27T07:59:30Z'), event('e2', 'ck1', '2026-11-27T07:59:45Z')] }, serverDate);
    await trigger.process.call(third, {}, cfgWith({}), lastSnapshot(second));
    expect(emitted(third)).to.deep.equal([]);
  });

  it('refuses an unknown output time zone before any request', async () => {
    const err = await trigger.process.call(createContext(), {}, cfgWith({ timeZone: 'Mars/Olympus' }), {}).catch((e) => e);
    expect(err.message).to.match(/^timeZone: /);
  });

  it('lists calendars for the dropdown, the default first', async () => {
    nock(GRAPH).get('/v1.0/me/calendars').query(true).reply(200, { value: [
      { id: 'c2', name: 'Team', isDefaultCalendar: false },
      { id: 'c1', name: 'Calendar', isDefaultCalendar: true },
    ] });
    const calendars = await trigger.getCalendars.call(createContext(), cfgWith());
    expect(Object.entries(calendars)).to.deep.equal([['c1', 'Calendar (default)'], ['c2', 'Team']]);
  });
});
