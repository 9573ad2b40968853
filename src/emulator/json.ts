/** Narrowing and checks for untyped JSON input. */
import { badRequest } from './errors';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Enum values match case-insensitively and come back in Graph's spelling; absent -> fallback.
 * Not the component's oneOf: Graph neither trims nor takes '' as absent, and answers with its own 400.
 */
export function enumValue<T extends string>(value: unknown, members: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  const found = members.find((m) => typeof value === 'string' && m.toLowerCase() === value.toLowerCase());
  if (!found) throw badRequest(`Requested value '${String(value)}' was not found.`);
  return found;
}

/** Action parameters and body properties match case-insensitively (`Message`, `SaveToSentItems`). */
export function param(json: Json, name: string): unknown {
  const key = Object.keys(json).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : json[key];
}
