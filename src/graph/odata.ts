/**
 * Safe pieces of Graph URLs. The SDK puts `.filter()` and path strings on the wire as given, so a
 * `+`, `&`, `#` or quote taken from user data would change the request. Everything that comes
 * from a user or from Graph data goes through these.
 */
import { InputError } from '../errors';
import { quote } from '../validation/echo';
import { CONTROL_CHARS } from '../validation/text';

/** An OData string literal, single quotes doubled; `queryString` percent-encodes it with the rest. */
export function stringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A DateTimeOffset literal at whole seconds, e.g. 2026-11-27T07:01:37Z (no characters needing encoding). */
export function dateTimeLiteral(epochMs: number): string {
  return instantLiteral(Math.floor(epochMs / 1000) * 1000);
}

/**
 * A DateTimeOffset literal to the millisecond. Graph returns times in whole seconds but compares
 * at full precision, so a crowded second can be sliced by the milliseconds it does not show.
 */
export function instantLiteral(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError('a DateTimeOffset literal needs a finite time');
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/**
 * A path segment taken from configuration or input (a folder, calendar or message id). Graph ids
 * are base64 with `-`, `_`, `=` and sometimes `+` or `/`; anything that could step out of the
 * segment (`..`, `?`, `#`, control characters) is refused rather than encoded into surprises.
 */
export function idSegment(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(field, 'is required: pick a value from the dropdown or map an Outlook id');
  }
  const id = value.trim();
  if (id.length > 512 || /^\.{1,2}$/.test(id) || /[\s?#%\\]/.test(id) || CONTROL_CHARS.test(id) || id.includes('..')) {
    throw new InputError(field, `${quote(id.length > 40 ? `${id.slice(0, 40)}…` : id)} is not an Outlook id or well-known folder name: pick a value from the dropdown or map an id Outlook returned`);
  }
  return encodeURIComponent(id);
}

export interface Query {
  select?: readonly string[];
  filter?: string;
  orderby?: string;
  top?: number;
}

/** The query string for a path: the one place values are percent-encoded. */
export function queryString(query: Query): string {
  const parts: string[] = [];
  if (query.select?.length) parts.push(`$select=${query.select.map(encodeURIComponent).join(',')}`);
  if (query.filter) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.orderby) parts.push(`$orderby=${encodeURIComponent(query.orderby)}`);
  if (query.top !== undefined) parts.push(`$top=${query.top}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
