'use strict';
const { expect } = require('chai');
const { resolveTimeZone, isKnownTimeZone, offsetMinutes } = require('../../lib/validation/timezones');
const { WINDOWS_ZONES } = require('../../lib/validation/windowsZones');
const { IANA_RENAMES } = require('../../lib/validation/ianaRenames');
const { expectInputError } = require('./helpers');

function intlZone(name) {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

describe('validation/timezones', () => {
  describe('the Windows table', () => {
    const names = Object.keys(WINDOWS_ZONES);

    it('has the CLDR territory-001 entries', () => {
      expect(names.length).to.equal(139);
      expect(WINDOWS_ZONES).to.include({
        'W. Europe Standard Time': 'Europe/Berlin',
        'Pacific Standard Time': 'America/Los_Angeles',
        'Eastern Standard Time': 'America/New_York',
        'GMT Standard Time': 'Europe/London',
        'India Standard Time': 'Asia/Calcutta',
        'Nepal Standard Time': 'Asia/Katmandu',
        'AUS Eastern Standard Time': 'Australia/Sydney',
        'Dateline Standard Time': 'Etc/GMT+12',
        'UTC+13': 'Etc/GMT-13',
        'Line Islands Standard Time': 'Pacific/Kiritimati',
      });
    });

    it('has no names that differ only in case or spacing', () => {
      const normalised = new Set(names.map((n) => n.toLowerCase().replace(/\s+/g, ' ')));
      expect(normalised.size).to.equal(names.length);
    });

    it('maps every name to a zone Intl accepts', () => {
      for (const [windows, iana] of Object.entries(WINDOWS_ZONES)) {
        expect(() => intlZone(iana), windows).not.to.throw();
      }
    });

    it('every Windows name resolves to itself and its zone', () => {
      for (const [windows, iana] of Object.entries(WINDOWS_ZONES)) {
        const expected = windows === 'UTC' ? { graphName: 'UTC', iana: 'UTC' } : { graphName: windows, iana };
        expect(resolveTimeZone(windows.toUpperCase(), 'tz'), windows).to.deep.equal(expected);
      }
    });
  });

  describe('the rename table', () => {
    it('lists current IANA names that Intl reports under the older key', () => {
      for (const [icu, current] of Object.entries(IANA_RENAMES)) expect(intlZone(current), current).to.equal(icu);
    });
  });

  describe('resolveTimeZone accepts', () => {
    const cases = [
      ['UTC', 'UTC', 'UTC'],
      ['utc', 'UTC', 'UTC'],
      ['  UTC  ', 'UTC', 'UTC'],
      ['GMT', 'UTC', 'UTC'],
      ['Etc/UTC', 'UTC', 'UTC'],
      ['Pacific Standard Time', 'Pacific Standard Time', 'America/Los_Angeles'],
      ['pacific standard time', 'Pacific Standard Time', 'America/Los_Angeles'],
      ['PACIFIC   STANDARD\tTIME', 'Pacific Standard Time', 'America/Los_Angeles'],
      ['w. europe standard time', 'W. Europe Standard Time', 'Europe/Berlin'],
      ['Pacific Standard Time (Mexico)', 'Pacific Standard Time (Mexico)', 'America/Tijuana'],
      ['india standard time', 'India Standard Time', 'Asia/Calcutta'],
      ['Russia Time Zone 3', 'Russia Time Zone 3', 'Europe/Samara'],
      ['utc-11', 'UTC-11', 'Etc/GMT+11'],
      ['UTC+12', 'UTC+12', 'Etc/GMT-12'],
      ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin'],
      ['europe/berlin', 'Europe/Berlin', 'Europe/Berlin'],
      ['EUROPE/BERLIN', 'Europe/Berlin', 'Europe/Berlin'],
      ['america/new_york', 'America/New_York', 'America/New_York'],
      ['america/port-au-prince', 'America/Port-au-Prince', 'America/Port-au-Prince'],
      ['antarctica/dumontdurville', 'Antarctica/DumontDUrville', 'Antarctica/DumontDUrville'],
      ['america/north_dakota/new_salem', 'America/North_Dakota/New_Salem', 'America/North_Dakota/New_Salem'],
      ['asia/kolkata', 'Asia/Kolkata', 'Asia/Calcutta'],
      ['Asia/Calcutta', 'Asia/Calcutta', 'Asia/Calcutta'],
      ['europe/kyiv', 'Europe/Kyiv', 'Europe/Kiev'],
      ['america/argentina/buenos_aires', 'America/Argentina/Buenos_Aires', 'America/Buenos_Aires'],
      ['Asia/Kathmandu', 'Asia/Kathmandu', 'Asia/Katmandu'],
      ['US/Eastern', 'America/New_York', 'America/New_York'],
      ['Canada/Eastern', 'America/Toronto', 'America/Toronto'],
      ['etc/gmt-14', 'Etc/GMT-14', 'Etc/GMT-14'],
      ['Etc/GMT+5', 'Etc/GMT+5', 'Etc/GMT+5'],
      // The POSIX-rule zones are the same cities on every Node version, whatever its ICU says.
      ['EST5EDT', 'America/New_York', 'America/New_York'],
      ['est5edt', 'America/New_York', 'America/New_York'],
      ['CST6CDT', 'America/Chicago', 'America/Chicago'],
      ['MST7MDT', 'America/Denver', 'America/Denver'],
      ['PST8PDT', 'America/Los_Angeles', 'America/Los_Angeles'],
    ];
    for (const [input, graphName, iana] of cases) {
      it(JSON.stringify(input), () => {
        expect(resolveTimeZone(input, 'timeZone')).to.deep.equal({ graphName, iana });
        expect(isKnownTimeZone(input)).to.equal(true);
      });
    }
  });

  describe('resolveTimeZone refuses', () => {
    const suggestion = ["'Europe/Berlin'", "'W. Europe Standard Time'", "'UTC'"];
    const cases = [
      ['an unknown area', 'Mars/Olympus_Mons', ['"Mars/Olympus_Mons" is not a known time zone', ...suggestion]],
      ['a misspelt IANA name', 'Europe/Berln', ['"Europe/Berln"', ...suggestion]],
      ['a partial Windows name', 'Pacific Time', ['"Pacific Time"', ...suggestion]],
      ['a Windows display name', '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', ['not a known time zone']],
      ['an abbreviation ICU would map elsewhere', 'BST', ['abbreviations such as PST or CEST are ambiguous']],
      ['PST', 'PST', ['ambiguous']],
      ['EST', 'est', ['ambiguous']],
      ['CET', 'CET', ['ambiguous']],
      ['an ICU-only SystemV zone', 'SystemV/AST4', ['not a known time zone']],
      ['an offset', '+01:00', ["'Etc/GMT-1'", 'sign is reversed']],
      ['a UTC offset', 'UTC+1', ['fixed offset']],
      ['a GMT offset', 'GMT-05:00', ['fixed offset']],
      ['a UTC offset that is not a Windows name', 'UTC+05', ['fixed offset']],
      ['a path', '../etc/passwd', ['not a known time zone']],
      ['a trailing slash', 'Europe/', ['not a known time zone']],
      ['an empty string', '', ['no time zone given', ...suggestion]],
      ['spaces', '   ', ['no time zone given']],
      ['a number', 1, ['got a number', ...suggestion]],
      ['null', null, ['got null']],
      ['an object', { timeZone: 'UTC' }, ['got an object']],
    ];
    for (const [title, input, fragments] of cases) {
      it(title, () => {
        expectInputError(() => resolveTimeZone(input, 'start.timeZone'), 'start.timeZone', fragments);
        if (typeof input === 'string') expect(isKnownTimeZone(input)).to.equal(false);
      });
    }

    it('a long value without echoing it whole', () => {
      const err = expectInputError(() => resolveTimeZone('Z'.repeat(1000), 'tz'), 'tz', ['…']);
      expect(err.message).not.to.include('Z'.repeat(101));
    });
  });

  describe('offsetMinutes', () => {
    const cases = [
      ['UTC', '2026-07-01T00:00:00Z', 0],
      ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
      ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
      ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
      ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
      ['Europe/Berlin', '2026-10-25T00:59:59Z', 120],
      ['Europe/Berlin', '2026-10-25T01:00:00Z', 60],
      ['America/New_York', '2026-01-15T12:00:00Z', -300],
      ['America/New_York', '2026-07-15T12:00:00Z', -240],
      ['America/St_Johns', '2026-01-15T12:00:00Z', -210],
      ['Asia/Katmandu', '2026-01-15T12:00:00Z', 345],
      ['Asia/Calcutta', '2026-01-15T12:00:00Z', 330],
      ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660],
      ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 630],
      ['Pacific/Chatham', '2026-01-15T12:00:00Z', 825],
      ['Pacific/Kiritimati', '2026-01-15T12:00:00Z', 840],
      ['Etc/GMT+12', '2026-01-15T12:00:00Z', -720],
      ['Etc/GMT+5', '2026-01-15T12:00:00Z', -300],
      ['Africa/Monrovia', '1950-01-01T00:00:00Z', -44.5],
    ];
    for (const [iana, instant, minutes] of cases) {
      it(`${iana} at ${instant} is ${minutes}`, () => expect(offsetMinutes(iana, Date.parse(instant))).to.equal(minutes));
    }

    it('throws on an instant that is not a number', () => {
      expect(() => offsetMinutes('UTC', NaN)).to.throw(RangeError);
    });
  });
});
