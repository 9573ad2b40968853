'use strict';

// The chaos run's accounting of Calendar Changes (scripts/chaos/eventDelta.js), driven step by step
// on a scenario without faults or crashes, its calendar's life scripted instead of drawn: what the
// ledger counts as lost must be what the trigger owes, no more and no less.
const { expect } = require('chai');
const { DEFAULTS } = require('../scripts/chaos/engine');
const { createPrng, hash32 } = require('../scripts/chaos/prng');
const { Scenario } = require('../scripts/chaos/scenario');
const { eventDeltaTrigger } = require('../scripts/chaos/eventDelta');

const HOUR = 3600000;
const DAY = 24 * HOUR;

/** A prng whose draws are given in call order: [kind, value], pick by index. */
function scripted(draws) {
  const next = (kind) => {
    const draw = draws.shift();
    if (!draw || draw[0] !== kind) throw new Error(`scripted prng: ${kind} drawn, next scripted ${JSON.stringify(draw)}`);
    return draw[1];
  };
  return { chance: () => next('chance'), pick: (items) => items[next('pick')], int: () => next('int'), fork: () => scripted(draws) };
}

describe('chaos: the Calendar Changes ledger (scripts/chaos/eventDelta.js)', function () {
  this.timeout(60000);
  let scenario;
  let draws;
  let part;

  beforeEach(async () => {
    const config = {
      ...DEFAULTS, crashiness: [0], clocks: { noStartTime: 0, dateHeader: { kept: 1 }, retryAfterDates: 0 },
      contacts: false, mailOps: false, upcoming: false, eventSteps: false, sends: false, calendarChanges: false,
    };
    scenario = new Scenario({ index: 0, prng: createPrng(hash32('chaos', 1, 0)), config });
    await scenario.open();
    scenario.faults.disable();
    scenario.draining = true;
    scenario.config = { ...config, calendarChanges: true };
    // A window of today and tomorrow (UTC), no roll at the end of its own, event times in UTC.
    draws = [['pick', 0], ['pick', 0], ['chance', false], ['pick', 0]];
    const { plan } = scenario;
    scenario.plan = { fork: () => scripted(draws) };
    part = eventDeltaTrigger(scenario);
    scenario.plan = plan;
  });
  afterEach(async () => {
    await scenario.close();
  });

  async function poll() {
    const result = await part.poll();
    expect(result.kind).to.equal('ok');
  }
  const lost = () => part.account().lostDetail;

  it('owes an occurrence as it looks at the end when it took on that look from the start on, or came into view by a roll; not one a change of its series merely stamped anew', async () => {
    const day = Math.floor(scenario.clock.now() / DAY) * DAY;
    // A daily series of three at 20:00, created 5 s before the trigger's start time: its starting
    // state (the third occurrence lies beyond the window, which ends after tomorrow).
    draws.push(['chance', true], ['pick', 0], ['int', 5000], ['int', 3]);
    part.book(day + 20 * HOUR);
    await poll();
    expect(lost()).to.deep.equal([]);

    // Tomorrow's occurrence renamed: an exception, and the whole series stamped anew (its
    // lastModifiedDateTime and change key), today's occurrence looking as it did before the start.
    scenario.clock.advance(60000);
    draws.push(['pick', 0], ['pick', 1], ['chance', false]);
    part.change();
    const today = part.control().calendarView({ calendar: part.calendarId, startMs: day, endMs: day + DAY })[0];
    expect(today).to.include({ type: 'occurrence', subject: 'chaos s0 calendar change 1' });
    expect(Date.parse(today.lastModifiedDateTime)).to.be.at.least(Date.parse(scenario.startIso));
    // Owed before the next poll: the exception only.
    const tomorrow = new Date(day + DAY + 20 * HOUR).toISOString().slice(0, 16);
    expect(lost()).to.deep.equal([`event version "chaos s0 calendar change 1 (1)" (exception) ${tomorrow}`]);
    await poll();
    expect(lost()).to.deep.equal([]);

    // The next day the window moves on: the third occurrence, there before the start, comes into view.
    scenario.clock.advance(DAY);
    const third = new Date(day + 2 * DAY + 20 * HOUR).toISOString().slice(0, 16);
    expect(lost()).to.deep.equal([`event version "chaos s0 calendar change 1" (occurrence) ${third}`]);
    await poll();
    expect(lost()).to.deep.equal([]);
    expect(draws).to.deep.equal([]);
  });
});
