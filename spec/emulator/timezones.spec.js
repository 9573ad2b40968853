'use strict';

// The emulator's zone readings (src/emulator/timezones.ts) are cached: offsets come from a table
// of each zone's changes, zones from a map of names. They must answer exactly what the component's
// Intl-based clock answers (src/validation/zoneClock.ts), to the second, at and around every
// offset change, in zones of both hemispheres and with odd offsets.
const { expect } = require('chai');
const { graphTimeZone, zoneOffset, utcToWall, wallToUtc } = require('../../lib/emulator/timezones');
const { offsetMs } = require('../../lib/validation/zoneClock');
const { resolveWall } = require('../../lib/validation/datetime');

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];

/** Instants where the offset changes in [from, to), found from Intl itself (daily, then bisected to the second). */
function changes(iana, from, to) {
  const found = [];
  for (let t = from; t < to; t += DAY) {
    if (offsetMs(iana, t) === offsetMs(iana, t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetMs(iana, mid) === offsetMs(iana, lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

describe('emulator: cached zone readings answer exactly as Intl does', () => {
  for (const iana of ZONES) {
    it(`${iana}: at, just before and around each offset change of 2025-2027, and through the year`, () => {
      const from = Date.UTC(2025, 0, 1);
      const to = Date.UTC(2028, 0, 1);
      const probes = [];
      for (const t of changes(iana, from, to)) {
        for (const d of [-1000, -1, 0, 1, 999, 1000, 30 * MINUTE, -30 * MINUTE]) probes.push(t + d);
      }
      for (let t = from; t < to; t += 7 * 3_600_000 + 13 * MINUTE + 7000) probes.push(t);
      if (iana !== 'UTC') expect(probes.length).to.be.above(1300);
      const wrong = probes.filter((t) => zoneOffset(iana, t) !== offsetMs(iana, t)).map((t) => new Date(t).toISOString());
      expect(wrong.slice(0, 5)).to.deep.equal([]);
    });
  }

  it('converts wall times as resolveWall does: the earlier instant of a repeated time, forward by the gap for a skipped one', () => {
    for (const iana of ZONES.slice(0, 4)) {
      const zone = graphTimeZone(iana);
      for (const t of changes(iana, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))) {
        for (let wall = utcToWall(zone, t) - 3 * 3_600_000; wall <= utcToWall(zone, t) + 3 * 3_600_000; wall += 15 * MINUTE) {
          const { instants, afterGap } = resolveWall(wall, iana);
          expect(wallToUtc(zone, wall), `${iana} ${new Date(wall).toISOString()}`).to.equal(instants[0] ?? afterGap);
        }
      }
    }
  });

  it('resolves a zone name once and gives the same answer after', () => {
    expect(graphTimeZone('Europe/Berlin')).to.equal(graphTimeZone('Europe/Berlin'));
    expect(graphTimeZone('W. Europe Standard Time')).to.deep.equal({ graphName: 'W. Europe Standard Time', iana: 'Europe/Berlin' });
    expect(graphTimeZone('Mars/Olympus_Mons')).to.equal(undefined);
  });
});
