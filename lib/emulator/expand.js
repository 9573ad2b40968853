"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.overlaps = overlaps;
exports.occurrences = occurrences;
exports.occurrenceAt = occurrenceAt;
exports.instances = instances;
exports.occurrenceId = occurrenceId;
exports.parseOccurrenceId = parseOccurrenceId;
const recurrence_1 = require("./recurrence");
const timezones_1 = require("./timezones");
const DAY = 86_400_000;
/** Periods searched for the first occurrence: it lies in startDate's period or the next one (days of the month are clamped). */
const FIRST_SEARCH = 2;
/**
 * Overlap as calendarView decides it: the item starts before the window ends and ends after it
 * starts; an item without length counts when it lies in [start, end).
 */
function overlaps(startMs, endMs, window) {
    return startMs < window.endMs && (endMs > window.startMs || (startMs === endMs && startMs >= window.startMs));
}
// ---- the series' own calendar: day numbers (days since 1970-01-01 on its wall clock) ----
const weekday = (day) => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function civil(day) {
    const date = new Date(day * DAY);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
function parseDate(text) {
    const [y, m, d] = text.split('-').map(Number);
    return dayOf(y, m, d);
}
/** The `index`-th of the month's days that fall on any of `weekdays`. */
function relativeDay(y, m, weekdays, index) {
    const matching = [];
    for (let d = 1, first = dayOf(y, m, 1), n = daysInMonth(y, m); d <= n; d += 1) {
        if (weekdays.has(weekday(first + d - 1)))
            matching.push(first + d - 1);
    }
    const at = index === 'last' ? matching.length - 1 : ['first', 'second', 'third', 'fourth'].indexOf(index);
    return matching[at] === undefined ? [] : [matching[at]];
}
function cadenceOf(pattern, startDay) {
    const start = civil(startDay);
    const weekdays = new Set(pattern.daysOfWeek.map((d) => recurrence_1.DAYS_OF_WEEK.indexOf(d)));
    const dayOfMonth = pattern.dayOfMonth || start.d;
    const month = pattern.month || start.m;
    const monthly = (unit) => ({ y: Math.floor(unit / 12), m: (((unit % 12) + 12) % 12) + 1 });
    const monthUnit = (day) => {
        const { y, m } = civil(day);
        return y * 12 + m - 1;
    };
    switch (pattern.type) {
        case 'daily':
            return { unitOf: (day) => day, daysIn: (unit) => [unit] };
        case 'weekly': {
            if (weekdays.size === 0)
                return undefined;
            // Day numbers of the weeks' first days are congruent to `shift` modulo 7.
            const shift = (((recurrence_1.DAYS_OF_WEEK.indexOf(pattern.firstDayOfWeek) - 4) % 7) + 7) % 7;
            return {
                unitOf: (day) => Math.floor((day - shift) / 7),
                daysIn: (unit) => [0, 1, 2, 3, 4, 5, 6].map((i) => shift + unit * 7 + i).filter((day) => weekdays.has(weekday(day))),
            };
        }
        case 'absoluteMonthly':
            return {
                unitOf: monthUnit,
                daysIn: (unit) => {
                    const { y, m } = monthly(unit);
                    return [dayOf(y, m, Math.min(dayOfMonth, daysInMonth(y, m)))];
                },
            };
        case 'relativeMonthly':
            if (weekdays.size === 0)
                return undefined;
            return {
                unitOf: monthUnit,
                daysIn: (unit) => {
                    const { y, m } = monthly(unit);
                    return relativeDay(y, m, weekdays, pattern.index);
                },
            };
        case 'absoluteYearly':
            return { unitOf: (day) => civil(day).y, daysIn: (y) => [dayOf(y, month, Math.min(dayOfMonth, daysInMonth(y, month)))] };
        case 'relativeYearly':
            if (weekdays.size === 0)
                return undefined;
            return { unitOf: (day) => civil(day).y, daysIn: (y) => relativeDay(y, month, weekdays, pattern.index) };
    }
}
function clockOf(series) {
    const zone = series.isAllDay ? undefined : (0, timezones_1.graphTimeZone)(series.timeZone) ?? timezones_1.UTC_ZONE;
    const toWall = (ms) => (zone ? (0, timezones_1.utcToWall)(zone, ms) : ms);
    const startWall = toWall(series.startMs);
    return {
        zone,
        timeOfDay: startWall - Math.floor(startWall / DAY) * DAY,
        wallLength: toWall(series.endMs) - startWall,
        toWall,
        fromWall: (wallMs) => (zone ? (0, timezones_1.wallToUtc)(zone, wallMs) : wallMs),
    };
}
/**
 * The pattern's occurrences in order, from the first one whose period could reach `fromMs`
 * (numbered ranges always count from the first occurrence), until the range ends or `untilMs`.
 */
function* walk(series, fromMs, untilMs) {
    const { pattern, range } = series.recurrence;
    const startDay = parseDate(range.startDate);
    const cadence = cadenceOf(pattern, startDay);
    if (!cadence)
        return;
    const endDay = range.type === 'endDate' ? parseDate(range.endDate) : Infinity;
    const limit = range.type === 'numbered' ? range.numberOfOccurrences : Infinity;
    if (limit <= 0)
        return;
    let anchor;
    for (let unit = cadence.unitOf(startDay); unit <= cadence.unitOf(startDay) + FIRST_SEARCH; unit += 1) {
        if (cadence.daysIn(unit).some((day) => day >= startDay)) {
            anchor = unit;
            break;
        }
    }
    if (anchor === undefined)
        return;
    const clock = clockOf(series);
    const interval = Math.max(1, pattern.interval);
    let k = 0;
    if (limit === Infinity && Number.isFinite(fromMs)) {
        // Skip whole periods that end before the window: the occurrence's wall date is at most a
        // day and its length away from the window's start in any zone.
        const slack = Math.ceil(Math.max(clock.wallLength, 0) / DAY) + 2;
        const firstUseful = cadence.unitOf(Math.floor(clock.toWall(fromMs) / DAY) - slack);
        k = Math.max(0, Math.floor((firstUseful - anchor) / interval) - 1);
    }
    let count = 0;
    for (;; k += 1) {
        for (const day of cadence.daysIn(anchor + k * interval)) {
            if (day < startDay)
                continue;
            if (day > endDay)
                return;
            count += 1;
            if (count > limit)
                return;
            const startWall = day * DAY + clock.timeOfDay;
            const startMs = clock.fromWall(startWall);
            if (startMs >= untilMs)
                return;
            // A start the clocks skip moves forward by the gap, possibly past the end: then it ends as it starts.
            yield { startMs, endMs: Math.max(startMs, clock.fromWall(startWall + clock.wallLength)) };
        }
    }
}
/** The pattern's occurrences overlapping `window`, in order; at most `limit` of them. */
function occurrences(series, window, limit = Infinity) {
    const found = [];
    if (limit <= 0)
        return found;
    for (const o of walk(series, window.startMs, window.endMs)) {
        if (!overlaps(o.startMs, o.endMs, window))
            continue;
        found.push(o);
        if (found.length >= limit)
            break;
    }
    return found;
}
/** The occurrence whose (original) start is exactly `startMs`, if the pattern has one there. */
function occurrenceAt(series, startMs) {
    for (const o of walk(series, startMs, startMs + 1))
        if (o.startMs === startMs)
            return o;
    return undefined;
}
/**
 * What the calendar shows of a series in `window`, ordered by start: its occurrences, less those
 * deleted, with each exception in place of its occurrence wherever the exception now lies (an
 * occurrence moved into the window from outside is in it; one moved out is not).
 */
function instances(series, changes, window) {
    const shown = [];
    for (const o of occurrences(series, window)) {
        if (!changes.cancelled.has(o.startMs) && !changes.exceptions.has(o.startMs))
            shown.push({ ...o, originalStartMs: o.startMs });
    }
    for (const [originalStartMs, exception] of changes.exceptions) {
        if (!changes.cancelled.has(originalStartMs) && overlaps(exception.startMs, exception.endMs, window)) {
            shown.push({ startMs: exception.startMs, endMs: exception.endMs, originalStartMs, exception });
        }
    }
    return shown.sort((a, b) => a.startMs - b.startMs || a.originalStartMs - b.originalStartMs);
}
// ---- ids ----
/**
 * Graph's occurrence ids are opaque and longer than the master's, which they extend. Ours: the
 * master's id (without its padding), a marker, then 16 bytes: the original start (8 bytes) and a
 * check over both (8 bytes), so an id decodes to its series without any state, and a made-up one
 * does not.
 */
const MARK = 'BEgAQ';
const TAIL = MARK.length + 22 + 1;
/** 8 bytes of check: two 32-bit FNV-1a hashes of the master id and start (cheap: one per occurrence listed). */
function check(masterId, originalStartMs) {
    const text = `${masterId}|${originalStartMs}`;
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let i = 0; i < text.length; i += 1) {
        a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
        b = Math.imul(b ^ text.charCodeAt(i), 0x01000193) ^ (a >>> 15);
    }
    const out = Buffer.alloc(8);
    out.writeUInt32BE(a >>> 0, 0);
    out.writeUInt32BE(b >>> 0, 4);
    return out;
}
function occurrenceId(masterId, originalStartMs) {
    const bytes = Buffer.alloc(16);
    bytes.writeBigInt64BE(BigInt(originalStartMs), 0);
    check(masterId, originalStartMs).copy(bytes, 8);
    return `${masterId.replace(/=+$/, '')}${MARK}${bytes.toString('base64url')}=`;
}
/** The master's id and the original start an occurrence id stands for; undefined for any other id. */
function parseOccurrenceId(id) {
    if (id.length <= TAIL || id.slice(-TAIL, -TAIL + MARK.length) !== MARK || !id.endsWith('='))
        return undefined;
    const bytes = Buffer.from(id.slice(-TAIL + MARK.length, -1), 'base64url');
    if (bytes.length !== 16)
        return undefined;
    const masterId = `${id.slice(0, -TAIL)}=`;
    const originalStartMs = Number(bytes.readBigInt64BE(0));
    return check(masterId, originalStartMs).equals(bytes.subarray(8)) ? { masterId, originalStartMs } : undefined;
}
