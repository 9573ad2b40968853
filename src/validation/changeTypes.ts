/** The "which changes" field of the delta triggers: created, updated, deleted, as a list or comma-separated. */
import { InputError } from '../errors';
import { oneOf, stringList } from './fields';

export const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;
export type ChangeTypeOption = typeof CHANGE_TYPES[number];

/** The chosen kinds in a fixed order, each once; empty: `fallback`. */
export function parseChangeTypes(value: unknown, field: string, fallback: readonly ChangeTypeOption[] = ['created']): ChangeTypeOption[] {
  const given = stringList(value, field, { maxItems: 10, maxLength: 20 });
  if (!given.length) return [...fallback];
  const chosen = new Set(given.map((entry, index) => oneOf(entry, `${field}[${index}]`, CHANGE_TYPES)));
  if (!chosen.size) throw new InputError(field, `must name at least one of ${CHANGE_TYPES.join(', ')}`);
  return CHANGE_TYPES.filter((type) => chosen.has(type));
}
