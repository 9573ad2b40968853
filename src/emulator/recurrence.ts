/**
 * patternedRecurrence as Graph stores and returns it: every pattern and range property present
 * (0, 'first', '0001-01-01' where unused), enum values in Graph's spelling (daysOfWeek lower-case),
 * and the range's zone defaulting to the zone of the event's start.
 */
import { badRequest } from './errors';
import { enumValue, isObject } from './json';
import type { Json } from './json';

export const DAYS_OF_WEEK = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayOfWeek = typeof DAYS_OF_WEEK[number];
const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'] as const;
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
/** What Graph shows for an endDate a range does not use. */
const NO_DATE = '0001-01-01';

export interface Recurrence {
  pattern: {
    type: typeof PATTERN_TYPES[number];
    interval: number;
    month: number;
    dayOfMonth: number;
    daysOfWeek: DayOfWeek[];
    firstDayOfWeek: DayOfWeek;
    index: typeof WEEK_INDEXES[number];
  };
  range: {
    type: typeof RANGE_TYPES[number];
    startDate: string;
    endDate: string;
    recurrenceTimeZone: string;
    numberOfOccurrences: number;
  };
}

function required(value: unknown, name: string): unknown {
  if (value === undefined || value === null) throw badRequest(`The recurrence needs a '${name}'.`);
  return value;
}

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw badRequest(`The value of '${name}' must be an integer from ${min} to ${max}.`);
  }
  return value as number;
}

function date(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Date' of '${name}'.`);
  }
  return value;
}

/** The recurrence of a series master (null for a single event). */
export function readRecurrence(value: unknown, startZone: string): Recurrence | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value) || !isObject(value.pattern) || !isObject(value.range)) {
    throw badRequest("The 'recurrence' property must be an object with a 'pattern' and a 'range'.");
  }
  const p: Json = value.pattern;
  const r: Json = value.range;
  if (p.daysOfWeek !== undefined && p.daysOfWeek !== null && !Array.isArray(p.daysOfWeek)) throw badRequest("'daysOfWeek' must be an array.");
  const rangeType = enumValue(required(r.type, 'range.type'), RANGE_TYPES, 'noEnd');
  const type = enumValue(required(p.type, 'pattern.type'), PATTERN_TYPES, 'daily');
  // recurrencepattern.md: what each type requires.
  if (['weekly', 'relativeMonthly', 'relativeYearly'].includes(type) && !(p.daysOfWeek as unknown[] | undefined)?.length) required(undefined, 'pattern.daysOfWeek');
  if (['absoluteMonthly', 'absoluteYearly'].includes(type) && !p.dayOfMonth) required(undefined, 'pattern.dayOfMonth');
  if (['absoluteYearly', 'relativeYearly'].includes(type) && !p.month) required(undefined, 'pattern.month');
  if (rangeType === 'numbered' && !r.numberOfOccurrences) required(undefined, 'range.numberOfOccurrences');
  return {
    pattern: {
      type,
      interval: integer(required(p.interval, 'pattern.interval'), 'interval', 1, 999, 1),
      month: integer(p.month, 'month', 0, 12, 0),
      dayOfMonth: integer(p.dayOfMonth, 'dayOfMonth', 0, 31, 0),
      daysOfWeek: ((p.daysOfWeek ?? []) as unknown[]).map((d) => enumValue(d, DAYS_OF_WEEK, 'sunday')),
      firstDayOfWeek: enumValue(p.firstDayOfWeek, DAYS_OF_WEEK, 'sunday'),
      index: enumValue(p.index, WEEK_INDEXES, 'first'),
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
