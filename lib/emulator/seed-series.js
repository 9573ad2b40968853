"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEEDED_SERIES = void 0;
exports.seedSeries = seedSeries;
/**
 * Recurring series seeded in the primary mailbox's default calendar so that calendarView,
 * instances and the steps built on them meet what recurrence does, whatever `now` is: weekly series
 * that never end (so they cross the next DST change) in both hemispheres, a monthly one on the 31st,
 * and a daily one with an exception (moved and renamed) and a deleted occurrence.
 *
 * They are added after everything else is seeded, with timestamps at least a day old, so the data
 * seeded before them, and what polls from a recent start time see, are as they were. Like the other
 * seeded meetings, their starts lie on whole half hours relative to `now` (spec/emulator/seed-dst.spec.js).
 */
const event_input_1 = require("./event-input");
const expand_1 = require("./expand");
const instances_1 = require("./instances");
const recurrence_1 = require("./recurrence");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
const DAY = 24 * 60 * MINUTE;
/** Subjects of the seeded series, for specs and demos that look for them. */
exports.SEEDED_SERIES = {
    weeklyEurope: 'Weekly planning (Berlin)',
    weeklyAustralia: 'Weekly planning (Sydney)',
    monthEnd: 'Month-end close',
    daily: 'Daily check-in',
    /** The subject of the daily series' exception: its 5th occurrence, two hours later. */
    dailyMoved: 'Daily check-in (moved)',
};
const date = (wallMs) => new Date(wallMs).toISOString().slice(0, 10);
/** A timed series booked in `zoneName` from `startMs` for `minutes`; its dates are the zone's. */
function timed(subject, zoneName, startMs, minutes, pattern, range) {
    const zone = (0, timezones_1.graphTimeZone)(zoneName);
    const wall = (0, timezones_1.utcToWall)(zone, startMs);
    const recurrence = {
        pattern: { daysOfWeek: [recurrence_1.DAYS_OF_WEEK[new Date(wall).getUTCDay()]], ...pattern },
        range: { startDate: date(wall), ...range },
    };
    const span = { start: { ms: startMs, zone: zone.graphName }, end: { ms: startMs + minutes * MINUTE, zone: zone.graphName } };
    return { input: { subject, body: { contentType: 'html', content: '<p>Standing agenda.</p>' }, showAs: 'busy', recurrence }, span };
}
function seedSeries(mailbox, now) {
    const calendar = mailbox.calendar();
    if (!calendar)
        return;
    const base = Math.floor(now / HALF_HOUR) * HALF_HOUR;
    const createdAt = base - 60 * DAY;
    const weekly = { type: 'weekly', interval: 1 };
    // The latest 31st on or before today (UTC): an all-day series, so its place need not be a whole number of half hours from now.
    let monthEnd = Math.floor(now / DAY) * DAY;
    while (new Date(monthEnd).getUTCDate() !== 31)
        monthEnd -= DAY;
    const series = [
        timed(exports.SEEDED_SERIES.weeklyEurope, 'W. Europe Standard Time', base - 5 * DAY - 6 * HALF_HOUR, 60, weekly, { type: 'noEnd' }),
        timed(exports.SEEDED_SERIES.weeklyAustralia, 'AUS Eastern Standard Time', base - 3 * DAY + 5 * HALF_HOUR, 30, weekly, { type: 'noEnd' }),
        timed(exports.SEEDED_SERIES.daily, 'Eastern Standard Time', base - 3 * DAY + 3 * HALF_HOUR, 30, { type: 'daily', interval: 1 }, { type: 'numbered', numberOfOccurrences: 14 }),
        {
            input: {
                subject: exports.SEEDED_SERIES.monthEnd, isAllDay: true, showAs: 'free',
                start: { dateTime: (0, timefmt_1.wallTicks)(monthEnd), timeZone: 'UTC' }, end: { dateTime: (0, timefmt_1.wallTicks)(monthEnd + DAY), timeZone: 'UTC' },
                recurrence: { pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { type: 'noEnd', startDate: date(monthEnd) } },
            },
            span: undefined,
        },
    ];
    const [, , daily] = mailbox.insertEvents(series.map(({ input, span }) => (0, event_input_1.readEvent)(input, mailbox, calendar.id, createdAt, span)));
    // The daily series' 6th occurrence deleted, then its 5th (a day or so from now) moved by two
    // hours and renamed: in this order the move never reaches the day of the next occurrence.
    const [fifth, sixth] = (0, expand_1.occurrences)((0, instances_1.seriesOf)(daily), { startMs: -Infinity, endMs: Infinity }, 6).slice(4);
    const changedAt = base - DAY;
    (0, instances_1.deleteEvent)(mailbox, (0, instances_1.findEvent)(mailbox, (0, expand_1.occurrenceId)(daily.id, sixth.startMs)), changedAt);
    // Written as a client would: wall times in the zone the series was booked in.
    const zone = (0, timezones_1.graphTimeZone)(daily.startTimeZone);
    const at = (ms) => ({ dateTime: (0, timefmt_1.wallTicks)((0, timezones_1.utcToWall)(zone, ms)), timeZone: zone.graphName });
    const moved = (0, instances_1.findEvent)(mailbox, (0, expand_1.occurrenceId)(daily.id, fifth.startMs));
    (0, instances_1.updateOccurrence)(mailbox, moved, { subject: exports.SEEDED_SERIES.dailyMoved, start: at(fifth.startMs + 4 * HALF_HOUR), end: at(fifth.endMs + 4 * HALF_HOUR) }, changedAt);
}
