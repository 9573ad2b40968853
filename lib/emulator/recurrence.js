"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAYS_OF_WEEK = void 0;
exports.readRecurrence = readRecurrence;
/**
 * patternedRecurrence as Graph stores and returns it: every pattern and range property present
 * (0, 'first', '0001-01-01' where unused), enum values in Graph's spelling (daysOfWeek lower-case),
 * and the range's zone defaulting to the zone of the event's start.
 */
const errors_1 = require("./errors");
const json_1 = require("./json");
exports.DAYS_OF_WEEK = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'];
const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'];
/** What Graph shows for an endDate a range does not use. */
const NO_DATE = '0001-01-01';
function required(value, name) {
    if (value === undefined || value === null)
        throw (0, errors_1.badRequest)(`The recurrence needs a '${name}'.`);
    return value;
}
function integer(value, name, min, max, fallback) {
    if (value === undefined || value === null)
        return fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
        throw (0, errors_1.badRequest)(`The value of '${name}' must be an integer from ${min} to ${max}.`);
    }
    return value;
}
function date(value, name) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw (0, errors_1.badRequest)(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Date' of '${name}'.`);
    }
    return value;
}
/** The recurrence of a series master (null for a single event). */
function readRecurrence(value, startZone) {
    if (value === undefined || value === null)
        return null;
    if (!(0, json_1.isObject)(value) || !(0, json_1.isObject)(value.pattern) || !(0, json_1.isObject)(value.range)) {
        throw (0, errors_1.badRequest)("The 'recurrence' property must be an object with a 'pattern' and a 'range'.");
    }
    const p = value.pattern;
    const r = value.range;
    if (p.daysOfWeek !== undefined && p.daysOfWeek !== null && !Array.isArray(p.daysOfWeek))
        throw (0, errors_1.badRequest)("'daysOfWeek' must be an array.");
    const rangeType = (0, json_1.enumValue)(required(r.type, 'range.type'), RANGE_TYPES, 'noEnd');
    const type = (0, json_1.enumValue)(required(p.type, 'pattern.type'), PATTERN_TYPES, 'daily');
    // recurrencepattern.md: what each type requires.
    if (['weekly', 'relativeMonthly', 'relativeYearly'].includes(type) && !p.daysOfWeek?.length)
        required(undefined, 'pattern.daysOfWeek');
    if (['absoluteMonthly', 'absoluteYearly'].includes(type) && !p.dayOfMonth)
        required(undefined, 'pattern.dayOfMonth');
    if (['absoluteYearly', 'relativeYearly'].includes(type) && !p.month)
        required(undefined, 'pattern.month');
    if (rangeType === 'numbered' && !r.numberOfOccurrences)
        required(undefined, 'range.numberOfOccurrences');
    return {
        pattern: {
            type,
            interval: integer(required(p.interval, 'pattern.interval'), 'interval', 1, 999, 1),
            month: integer(p.month, 'month', 0, 12, 0),
            dayOfMonth: integer(p.dayOfMonth, 'dayOfMonth', 0, 31, 0),
            daysOfWeek: (p.daysOfWeek ?? []).map((d) => (0, json_1.enumValue)(d, exports.DAYS_OF_WEEK, 'sunday')),
            firstDayOfWeek: (0, json_1.enumValue)(p.firstDayOfWeek, exports.DAYS_OF_WEEK, 'sunday'),
            index: (0, json_1.enumValue)(p.index, WEEK_INDEXES, 'first'),
        },
        range: {
            type: rangeType,
            startDate: date(r.startDate, 'startDate'),
            endDate: rangeType === 'endDate' ? date(r.endDate, 'endDate') : NO_DATE,
            recurrenceTimeZone: typeof r.recurrenceTimeZone === 'string' && r.recurrenceTimeZone ? r.recurrenceTimeZone : startZone,
            numberOfOccurrences: integer(r.numberOfOccurrences, 'numberOfOccurrences', 0, 999, 0),
        },
    };
}
