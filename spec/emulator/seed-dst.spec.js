'use strict';

// The emulator seeds its calendars around `now`, in zones of both hemispheres. Every spec, the
// chaos run and `npm start` start one, some on the real clock, so seeding must work whatever the
// date. Seeding (no server) takes about a millisecond, so seeding at all 35,040 half hours of
// 2026-2027 takes about a minute: `npm test` seeds at every half hour at which a seeded meeting
// spans a DST change of its zone (those are the times that broke), and SEED_DST_SWEEP=full seeds
// at every half hour of the two years.
const { expect } = require('chai');
const { seedDirectory, SEED_EVENT_MINUTES, SEED_TIME_ZONES } = require('../../lib/emulator/seed');
const { graphTimeZone } = require('../../lib/emulator/timezones');
const { offsetMs } = require('../../lib/validation/zoneClock');

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
const DAY = 48 * HALF_HOUR;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const SEED = 1;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago'];

/** The instants in [from, to) at which the zone's offset changes: sampled daily, then bisected to the minute. */
function transitions(iana, from, to) {
  const found = [];
  for (let day = from; day < to; day += DAY) {
    let lo = day;
    let hi = day + DAY;
    if (offsetMs(iana, lo) === offsetMs(iana, hi)) continue;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetMs(iana, mid) === offsetMs(iana, lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

const zoneOf = new Map(SEED_TIME_ZONES.map((name) => [graphTimeZone(name).graphName, graphTimeZone(name).iana]));

/** Every seeded event, with where it lies relative to `now` (all-day events sit on the day's midnight). */
function seededEvents(now) {
  return seedDirectory(SEED, now, 0).mailboxes.flatMap((mailbox) => mailbox.allEvents.index('createdDateTime').items)
    .map((e) => ({ e, offset: e.startMs - now, key: `${e.subject} ${e.startTimeZone} ${e.isAllDay ? 'all day' : e.startMs - now}` }));
}

describe('emulator: seeding works at any time of year, DST changes in both hemispheres included', function () {
  this.timeout(300000);

  it('seeds meetings in zones of both hemispheres, in Windows and IANA spellings', () => {
    const ianas = new Set(zoneOf.values());
    for (const iana of ZONES) expect([...ianas], iana).to.include(iana);
    expect(SEED_TIME_ZONES).to.include.members(['W. Europe Standard Time', 'Europe/Berlin']);
  });

  it('at every half hour of 2026-2027 at which a seeded meeting spans a DST change of its zone, every seeded event lasts its full length in absolute time', () => {
    const changes = new Map([...new Set(zoneOf.values())].map((iana) => [iana, transitions(iana, FROM - 40 * DAY, TO + 40 * DAY)]));
    // Where the seed puts each event relative to `now` (it does not depend on the clock, checked below).
    const probe = seededEvents(FROM);
    const nows = new Set();
    if (process.env.SEED_DST_SWEEP === 'full') {
      for (let now = FROM; now < TO; now += HALF_HOUR) nows.add(now);
    } else {
      for (const { e, offset } of probe) {
        if (e.isAllDay) continue;
        for (const t of changes.get(zoneOf.get(e.startTimeZone))) {
          // Every half hour at which this event starts at, inside or ends at the change.
          for (let start = t - (e.endMs - e.startMs); start <= t; start += HALF_HOUR) {
            const now = Math.floor((start - offset) / HALF_HOUR) * HALF_HOUR;
            for (const n of [now, now + HALF_HOUR]) if (n >= FROM && n < TO) nows.add(n);
          }
        }
      }
    }
    const lengths = SEED_EVENT_MINUTES.map((m) => m * MINUTE);
    const spanned = new Map();
    const wrong = [];
    const moved = [];
    for (const now of [...nows].sort((a, b) => a - b)) {
      let events;
      try {
        events = seededEvents(now);
      } catch (err) {
        wrong.push(`${new Date(now).toISOString()}: ${err.message}`);
        continue;
      }
      for (const { e } of events) {
        const length = e.endMs - e.startMs;
        if (!(e.isAllDay ? [DAY] : lengths).includes(length)) {
          wrong.push(`${new Date(now).toISOString()}: ${e.subject} from ${new Date(e.startMs).toISOString()} in ${e.startTimeZone} lasts ${length / MINUTE} minutes`);
        }
        const iana = zoneOf.get(e.startTimeZone);
        if (!e.isAllDay && changes.get(iana).some((t) => t > e.startMs && t < e.endMs)) spanned.set(iana, (spanned.get(iana) ?? 0) + 1);
      }
      if (events.map((x) => x.key).join('|') !== probe.map((x) => x.key).join('|')) moved.push(new Date(now).toISOString());
    }
    expect(wrong.slice(0, 20), `${wrong.length} wrong`).to.deep.equal([]);
    // The times above were chosen from where the seed put its events at FROM.
    expect(moved.slice(0, 5), 'the seed placed its events differently (then sweep every half hour)').to.deep.equal([]);
    for (const iana of ZONES) expect(spanned.get(iana) ?? 0, `seeded meetings spanning a DST change in ${iana}`).to.be.above(0);
  });
});
