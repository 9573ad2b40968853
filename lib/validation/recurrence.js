"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_OCCURRENCES = exports.DAYS = void 0;
exports.parseRecurrence = parseRecurrence;
const errors_1 = require("../errors");
const echo_1 = require("./echo");
const datetime_1 = require("./datetime");
const fields_1 = require("./fields");
const timezones_1 = require("./timezones");
exports.DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'];
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'];
/** Outlook keeps at most 999 occurrences of a numbered series. */
exports.MAX_OCCURRENCES = 999;
/** Outlook's intervals: every 1 to 999 days, 1 to 99 weeks, months or years. */
const MAX_INTERVAL = { day: 999, other: 99 };
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;
/** Stands in for an unknown start date while only the rule is checked. */
const SOME_DATE = '2001-01-01';
const FORMS = "give a rule such as 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10' or Graph's {pattern, range} object";
/** undefined when no recurrence is given (a single event). */
function parseRecurrence(value, ctx) {
    const field = ctx.field ?? 'recurrence';
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    let recurrence;
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '')
            return undefined;
        recurrence = text.startsWith('{') ? fromObject(parseJson(text, field), ctx, field) : fromRule(text, ctx, field);
    }
    else if (typeof value === 'object' && !Array.isArray(value)) {
        recurrence = fromObject(value, ctx, field);
    }
    else {
        throw new errors_1.InputError(field, `expected a recurrence rule as text or Graph's recurrence object, got ${(0, echo_1.describe)(value)}; ${FORMS}`);
    }
    checkSeries(recurrence, ctx, field);
    return recurrence;
}
function parseJson(text, field) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new errors_1.InputError(field, `starts like JSON but is not valid JSON; ${FORMS}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new errors_1.InputError(field, `must be a JSON object with pattern and range; ${FORMS}`);
    return parsed;
}
// ---- RFC 5545 rules ---------------------------------------------------------------------------------
const RULE_PARTS = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL', 'WKST'];
/** Parts Outlook has no way to store: named, so the designer knows why. */
const UNSUPPORTED_PARTS = {
    BYHOUR: 'hours', BYMINUTE: 'minutes', BYSECOND: 'seconds', BYWEEKNO: 'week numbers', BYYEARDAY: 'days of the year', RSCALE: 'other calendars', SKIP: 'skipping',
};
function fromRule(text, ctx, field) {
    const rule = text.replace(/^RRULE:/i, '');
    const parts = new Map();
    for (const piece of rule.split(';').map((p) => p.trim()).filter(Boolean)) {
        const match = /^([A-Za-z]+)=(.+)$/.exec(piece);
        if (!match)
            throw new errors_1.InputError(field, `${(0, echo_1.quote)(piece)} is not a NAME=VALUE part of a rule; ${FORMS}`);
        const name = match[1].toUpperCase();
        if (UNSUPPORTED_PARTS[name])
            throw new errors_1.InputError(field, `Outlook cannot repeat an event by ${UNSUPPORTED_PARTS[name]} (${name}); use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL and WKST`);
        if (!RULE_PARTS.includes(name))
            throw new errors_1.InputError(field, `${(0, echo_1.quote)(name)} is not a part of a recurrence rule Outlook can store; use FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL and WKST`);
        if (parts.has(name))
            throw new errors_1.InputError(field, `${name} is given twice; give each part once`);
        parts.set(name, match[2].trim());
    }
    const freq = parts.get('FREQ')?.toUpperCase();
    if (!freq)
        throw new errors_1.InputError(field, `a rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY), e.g. 'FREQ=WEEKLY;BYDAY=MO'`);
    if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) {
        throw new errors_1.InputError(field, `FREQ=${freq.slice(0, 20)}: Outlook repeats events daily, weekly, monthly or yearly; use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY`);
    }
    const startDay = new Date(`${ctx.startDate ?? SOME_DATE}T00:00:00Z`);
    const interval = parts.has('INTERVAL') ? ruleInteger(parts.get('INTERVAL'), 'INTERVAL', 1, freq === 'DAILY' ? MAX_INTERVAL.day : MAX_INTERVAL.other, field) : 1;
    // RFC 5545: a week starts on Monday unless WKST says otherwise.
    const firstDayOfWeek = parts.has('WKST') ? ruleDay(parts.get('WKST'), 'WKST', field) : 'monday';
    const byDay = parts.has('BYDAY') ? ruleDays(parts.get('BYDAY'), field) : undefined;
    const byMonthDay = parts.has('BYMONTHDAY') ? ruleInteger(parts.get('BYMONTHDAY'), 'BYMONTHDAY', -1, 31, field, 'a day of the month from 1 to 31, or -1 for the last day') : undefined;
    if (byMonthDay === 0)
        throw new errors_1.InputError(field, 'BYMONTHDAY=0 names no day: use a day of the month from 1 to 31, or -1 for the last day');
    const byMonth = parts.has('BYMONTH') ? ruleInteger(parts.get('BYMONTH'), 'BYMONTH', 1, 12, field, 'one month from 1 to 12') : undefined;
    const bySetPos = parts.has('BYSETPOS') ? ruleIndex(parts.get('BYSETPOS'), 'BYSETPOS', field) : undefined;
    let pattern;
    if (freq === 'DAILY' || freq === 'WEEKLY') {
        if (byMonthDay !== undefined || byMonth !== undefined || bySetPos !== undefined) {
            throw new errors_1.InputError(field, `FREQ=${freq} takes no BYMONTHDAY, BYMONTH or BYSETPOS; use FREQ=MONTHLY or FREQ=YEARLY for days of a month`);
        }
        if (byDay?.some((d) => d.index !== undefined))
            throw new errors_1.InputError(field, `BYDAY with a number (2TU, -1FR) needs FREQ=MONTHLY or FREQ=YEARLY; with FREQ=${freq} give days alone, e.g. BYDAY=MO,WE`);
        if (freq === 'DAILY' && byDay) {
            // "Every weekday" as calendars write it: Outlook stores it as a weekly series on those days.
            if (interval !== 1)
                throw new errors_1.InputError(field, 'FREQ=DAILY with BYDAY repeats on those days every week; Outlook cannot combine it with an INTERVAL: use FREQ=WEEKLY;INTERVAL=n;BYDAY=...');
            pattern = { type: 'weekly', interval: 1, daysOfWeek: byDay.map((d) => d.day), firstDayOfWeek };
        }
        else if (freq === 'DAILY') {
            pattern = { type: 'daily', interval };
        }
        else {
            // RFC 5545: without BYDAY a weekly rule repeats on the start's weekday.
            pattern = { type: 'weekly', interval, daysOfWeek: byDay ? byDay.map((d) => d.day) : [exports.DAYS[startDay.getUTCDay()]], firstDayOfWeek };
        }
    }
    else {
        const yearly = freq === 'YEARLY';
        if (!yearly && byMonth !== undefined)
            throw new errors_1.InputError(field, 'BYMONTH needs FREQ=YEARLY; a monthly rule repeats in every month');
        const month = yearly ? byMonth ?? startDay.getUTCMonth() + 1 : undefined;
        if (byDay && byMonthDay !== undefined)
            throw new errors_1.InputError(field, 'give BYDAY or BYMONTHDAY, not both: Outlook repeats on a day of the month or on a weekday of it');
        if (byDay) {
            const ordinals = new Set(byDay.map((d) => d.index));
            if (ordinals.size > 1 || (byDay[0].index !== undefined && bySetPos !== undefined)) {
                throw new errors_1.InputError(field, 'Outlook takes one position in the month for all BYDAY days: write BYDAY=2TU, or BYDAY=MO,TU;BYSETPOS=1');
            }
            const index = byDay[0].index ?? bySetPos;
            if (index === undefined)
                throw new errors_1.InputError(field, `BYDAY with FREQ=${freq} needs a position in the month: write BYDAY=2TU (second Tuesday), BYDAY=-1FR (last Friday) or add BYSETPOS=1`);
            pattern = { type: yearly ? 'relativeYearly' : 'relativeMonthly', interval, daysOfWeek: byDay.map((d) => d.day), index, ...(month !== undefined && { month }) };
        }
        else if (bySetPos !== undefined) {
            throw new errors_1.InputError(field, 'BYSETPOS needs BYDAY: e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 for the last weekday');
        }
        else if (byMonthDay === -1) {
            // Graph has no "last day of the month" as a date: the last of any weekday in it is that day.
            pattern = { type: yearly ? 'relativeYearly' : 'relativeMonthly', interval, daysOfWeek: [...exports.DAYS], index: 'last', ...(month !== undefined && { month }) };
        }
        else {
            pattern = { type: yearly ? 'absoluteYearly' : 'absoluteMonthly', interval, dayOfMonth: byMonthDay ?? startDay.getUTCDate(), ...(month !== undefined && { month }) };
        }
    }
    const count = parts.has('COUNT') ? ruleInteger(parts.get('COUNT'), 'COUNT', 1, exports.MAX_OCCURRENCES, field) : undefined;
    const until = parts.has('UNTIL') ? ruleUntil(parts.get('UNTIL'), ctx, field) : undefined;
    if (count !== undefined && until !== undefined)
        throw new errors_1.InputError(field, 'give COUNT or UNTIL, not both (RFC 5545): the series ends after a number of occurrences or on a date');
    const range = { type: count !== undefined ? 'numbered' : until !== undefined ? 'endDate' : 'noEnd', startDate: ctx.startDate ?? SOME_DATE, recurrenceTimeZone: ctx.zone.graphName };
    if (count !== undefined)
        range.numberOfOccurrences = count;
    if (until !== undefined)
        range.endDate = until;
    return { pattern, range };
}
function ruleInteger(text, name, min, max, field, what = `a whole number from ${min} to ${max}`) {
    if (!/^[+-]?\d{1,6}$/.test(text))
        throw new errors_1.InputError(field, `${name}=${(0, echo_1.quote)(text.slice(0, 20))}: use ${what}`);
    const value = Number(text);
    if (value < min || value > max)
        throw new errors_1.InputError(field, `${name}=${value}: use ${what}`);
    return value;
}
function ruleDay(text, name, field) {
    const at = RRULE_DAYS.indexOf(text.toUpperCase());
    if (at < 0)
        throw new errors_1.InputError(field, `${name}=${(0, echo_1.quote)(text.slice(0, 20))}: use a day as SU, MO, TU, WE, TH, FR or SA`);
    return exports.DAYS[at];
}
function ruleIndex(text, name, field) {
    const value = ruleInteger(text, name, -1, 4, field, '1, 2, 3, 4 (first to fourth) or -1 (last): Outlook counts no further');
    if (value === 0)
        throw new errors_1.InputError(field, `${name}=0: use 1, 2, 3, 4 (first to fourth) or -1 (last)`);
    return value === -1 ? 'last' : INDEXES[value - 1];
}
function ruleDays(text, field) {
    const days = text.split(',').map((p) => p.trim()).filter(Boolean).map((piece) => {
        const match = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(piece);
        if (!match)
            throw new errors_1.InputError(field, `BYDAY ${(0, echo_1.quote)(piece.slice(0, 20))}: use days as SU, MO, TU, WE, TH, FR, SA, with a position for monthly and yearly rules (2TU, -1FR)`);
        return { day: ruleDay(match[2], 'BYDAY', field), ...(match[1] !== undefined && { index: ruleIndex(match[1], 'BYDAY', field) }) };
    });
    if (days.length === 0)
        throw new errors_1.InputError(field, 'BYDAY is empty: name at least one day, e.g. BYDAY=MO');
    const seen = new Set();
    return days.filter((d) => !seen.has(d.day) && seen.add(d.day));
}
/** UNTIL as a date (20260630, 2026-06-30) or an instant (20260630T170000Z: its date in the event's zone). */
function ruleUntil(text, ctx, field) {
    const date = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
    const instant = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(text);
    const parts = date ?? instant;
    if (!parts)
        throw new errors_1.InputError(field, `UNTIL=${(0, echo_1.quote)(text.slice(0, 30))}: use a date such as 20260630 or 2026-06-30, or a UTC time such as 20260630T170000Z`);
    const iso = `${parts[1]}-${parts[2]}-${parts[3]}`;
    if (!isRealDate(iso))
        throw new errors_1.InputError(field, `UNTIL=${text}: ${iso} is not a date of the calendar; use an existing date such as 2026-06-30`);
    if (instant && instant[7]) {
        const ms = Date.parse(`${iso}T${instant[4]}:${instant[5]}:${instant[6]}Z`);
        if (Number.isNaN(ms))
            throw new errors_1.InputError(field, `UNTIL=${text}: use a time such as 20260630T170000Z`);
        return (0, datetime_1.epochToWallTime)(ms, ctx.zone.iana).slice(0, 10);
    }
    return iso;
}
// ---- Graph's object -----------------------------------------------------------------------------------
/** A property of a JSON object by name in any letter case (Graph reads "DateTime" and "dateTime" alike). */
function member(object, name) {
    const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : object[key];
}
function enumOf(value, path, allowed) {
    const match = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase()) : undefined;
    if (!match)
        throw new errors_1.InputError(path, `must be one of ${allowed.join(', ')}, got ${typeof value === 'string' ? (0, echo_1.quote)(value.slice(0, 40)) : (0, echo_1.describe)(value)}`);
    return match;
}
function integerOf(value, path, min, max) {
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
        throw new errors_1.InputError(path, `must be a whole number from ${min} to ${max}, got ${typeof value === 'string' ? (0, echo_1.quote)(value.slice(0, 20)) : (0, echo_1.describe)(value)}`);
    }
    return number;
}
function dateOf(value, path) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) || !isRealDate(value.trim())) {
        throw new errors_1.InputError(path, `must be a date such as 2026-06-30, got ${typeof value === 'string' ? (0, echo_1.quote)(value.slice(0, 30)) : (0, echo_1.describe)(value)}`);
    }
    return value.trim();
}
function objectOf(value, path, example) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new errors_1.InputError(path, `is required as an object, e.g. ${example}`);
    return value;
}
function fromObject(value, ctx, field) {
    const p = objectOf(member(value, 'pattern'), `${field}.pattern`, '{"type": "weekly", "interval": 1, "daysOfWeek": ["monday"]}');
    const r = objectOf(member(value, 'range'), `${field}.range`, '{"type": "noEnd"}');
    const at = (name) => `${field}.pattern.${name}`;
    const type = enumOf(member(p, 'type'), at('type'), PATTERN_TYPES);
    const givenInterval = member(p, 'interval');
    const interval = (0, fields_1.isAbsent)(givenInterval) ? 1 : integerOf(givenInterval, at('interval'), 1, type === 'daily' ? MAX_INTERVAL.day : MAX_INTERVAL.other);
    const pattern = { type, interval };
    const days = member(p, 'daysOfWeek');
    const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
    if (needsDays) {
        const list = typeof days === 'string' ? days.split(',').map((d) => d.trim()).filter(Boolean) : days;
        if (!Array.isArray(list) || list.length === 0) {
            throw new errors_1.InputError(at('daysOfWeek'), `a ${type} recurrence needs the days it falls on, e.g. ["monday", "wednesday"]`);
        }
        pattern.daysOfWeek = [...new Set(list.map((d, i) => enumOf(d, `${at('daysOfWeek')}[${i}]`, exports.DAYS)))];
    }
    const firstDay = member(p, 'firstDayOfWeek');
    pattern.firstDayOfWeek = (0, fields_1.isAbsent)(firstDay) ? 'sunday' : enumOf(firstDay, at('firstDayOfWeek'), exports.DAYS);
    if (type === 'relativeMonthly' || type === 'relativeYearly') {
        const index = member(p, 'index');
        pattern.index = (0, fields_1.isAbsent)(index) ? 'first' : enumOf(index, at('index'), INDEXES);
    }
    if (type === 'absoluteMonthly' || type === 'absoluteYearly') {
        const day = member(p, 'dayOfMonth');
        if ((0, fields_1.isAbsent)(day))
            throw new errors_1.InputError(at('dayOfMonth'), `a ${type} recurrence needs the day of the month, a whole number from 1 to 31`);
        pattern.dayOfMonth = integerOf(day, at('dayOfMonth'), 1, 31);
    }
    if (type === 'absoluteYearly' || type === 'relativeYearly') {
        const month = member(p, 'month');
        if ((0, fields_1.isAbsent)(month))
            throw new errors_1.InputError(at('month'), `a ${type} recurrence needs the month, a whole number from 1 to 12`);
        pattern.month = integerOf(month, at('month'), 1, 12);
    }
    const on = (name) => `${field}.range.${name}`;
    const rangeType = enumOf(member(r, 'type'), on('type'), RANGE_TYPES);
    const givenStart = member(r, 'startDate');
    const startDate = (0, fields_1.isAbsent)(givenStart) ? undefined : dateOf(givenStart, on('startDate'));
    if (startDate !== undefined && ctx.startDate !== undefined && startDate !== ctx.startDate) {
        throw new errors_1.InputError(on('startDate'), `is ${String(givenStart).trim()} but must be the event's start date, ${ctx.startDate} in its time zone (Graph requires it); leave it empty to have it filled in`);
    }
    const givenZone = member(r, 'recurrenceTimeZone');
    const zone = (0, fields_1.isAbsent)(givenZone) ? ctx.zone : (0, timezones_1.resolveTimeZone)(givenZone, on('recurrenceTimeZone'));
    const range = { type: rangeType, startDate: ctx.startDate ?? startDate ?? SOME_DATE, recurrenceTimeZone: zone.graphName };
    if (rangeType === 'endDate') {
        const end = member(r, 'endDate');
        if ((0, fields_1.isAbsent)(end))
            throw new errors_1.InputError(on('endDate'), 'a range of type endDate needs the last date, e.g. 2026-06-30');
        range.endDate = dateOf(end, on('endDate'));
    }
    if (rangeType === 'numbered') {
        const count = member(r, 'numberOfOccurrences');
        if ((0, fields_1.isAbsent)(count))
            throw new errors_1.InputError(on('numberOfOccurrences'), `a numbered range needs the number of occurrences, from 1 to ${exports.MAX_OCCURRENCES}`);
        range.numberOfOccurrences = integerOf(count, on('numberOfOccurrences'), 1, exports.MAX_OCCURRENCES);
    }
    return { pattern, range };
}
// ---- the series as a whole --------------------------------------------------------------------------
function isRealDate(iso) {
    const ms = Date.parse(`${iso}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}
/** The shortest time between two occurrences' starts, for the overlap rule (calendar months and years at their shortest). */
function shortestGapMs(pattern) {
    const interval = pattern.interval ?? 1;
    switch (pattern.type) {
        case 'daily': return interval * DAY_MS;
        case 'weekly': {
            const first = exports.DAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
            const offsets = (pattern.daysOfWeek ?? []).map((d) => (exports.DAYS.indexOf(d) - first + 7) % 7).sort((a, b) => a - b);
            const gaps = offsets.slice(1).map((o, i) => o - offsets[i]);
            gaps.push(7 * interval - offsets[offsets.length - 1] + offsets[0]);
            return Math.min(...gaps) * DAY_MS;
        }
        case 'absoluteMonthly':
        case 'relativeMonthly': return interval * 28 * DAY_MS;
        default: return interval * 365 * DAY_MS - DAY_MS;
    }
}
function checkSeries(recurrence, ctx, field) {
    const { pattern, range } = recurrence;
    if (pattern.dayOfMonth !== undefined && pattern.month !== undefined && pattern.dayOfMonth !== null && pattern.month !== null
        && pattern.dayOfMonth > DAYS_IN_MONTH[pattern.month - 1]) {
        throw new errors_1.InputError(field, `${MONTHS[pattern.month - 1]} never has a day ${pattern.dayOfMonth}, so this yearly series would never occur; use a day up to ${DAYS_IN_MONTH[pattern.month - 1]}`);
    }
    if (range.endDate && ctx.startDate !== undefined && range.endDate < ctx.startDate) {
        throw new errors_1.InputError(field, `the series ends on ${range.endDate}, before the event's start date ${ctx.startDate}; give an end date on or after the start`);
    }
    const gap = shortestGapMs(pattern);
    if (ctx.durationMs !== undefined && ctx.durationMs > gap) {
        const days = (ms) => (ms % DAY_MS === 0 ? `${ms / DAY_MS} day(s)` : `${Math.round(ms / 3_600_000)} hour(s)`);
        throw new errors_1.InputError(field, `each occurrence lasts ${days(ctx.durationMs)} but occurrences can be ${days(gap)} apart; Outlook refuses occurrences that overlap: shorten the event or repeat less often`);
    }
}
