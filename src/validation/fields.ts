/**
 * Checks for plain input fields. Each returns the clean value or throws an InputError that names
 * the field and what it accepts; none echoes more than a short excerpt of what it was given.
 */
import { InputError } from '../errors';
import { visible } from './echo';

function excerpt(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return visible(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Not given: undefined, null or ''. Other falsy values (0, false) are given, and wrong where text is expected. */
export function isAbsent(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** A checkbox value: the platform sends booleans, mappings may send "true"/"false". */
export function parseFlag(value: unknown, field: string, fallback = false): boolean {
  if (isAbsent(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw new InputError(field, `must be true or false, got ${excerpt(value)}`);
}

export function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw new InputError(field, `must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  if (value.length > maxLength) throw new InputError(field, `is ${value.length} characters long; at most ${maxLength} are accepted`);
  return value;
}

export function requiredText(value: unknown, field: string, maxLength: number): string {
  const text = optionalText(value, field, maxLength);
  if (text === undefined || text.trim() === '') throw new InputError(field, 'is required');
  return text;
}

/** One of a fixed set, matched case-insensitively and returned in its canonical spelling. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T;
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined;
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T | undefined {
  if (isAbsent(value)) return fallback;
  const match = typeof value === 'string' ? allowed.find((option) => option.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (!match) throw new InputError(field, `must be one of ${allowed.join(', ')}, got ${excerpt(value)}`);
  return match;
}

export function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (isAbsent(value)) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    throw new InputError(field, `must be a whole number from ${min} to ${max}, got ${excerpt(value)}`);
  }
  return number;
}

/** A list of short strings, given as an array or as comma-separated text. */
export function stringList(value: unknown, field: string, limits: { maxItems: number; maxLength: number }): string[] {
  if (isAbsent(value)) return [];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items)) throw new InputError(field, 'must be a list of text values or comma-separated text');
  const clean = items.map((item, index) => {
    if (typeof item !== 'string') throw new InputError(`${field}[${index}]`, 'must be text');
    return item.trim();
  }).filter(Boolean);
  if (clean.length > limits.maxItems) throw new InputError(field, `has ${clean.length} entries; at most ${limits.maxItems} are accepted`);
  clean.forEach((item, index) => {
    if (item.length > limits.maxLength) throw new InputError(`${field}[${index}]`, `is longer than ${limits.maxLength} characters`);
  });
  return clean;
}

/** The incoming message body must be an object of fields. */
export function inputObject(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('body', 'the incoming message must be an object of fields (map the step input), not a list or plain value');
  }
  return value as Record<string, unknown>;
}
