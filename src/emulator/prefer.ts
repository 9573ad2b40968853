/**
 * The Prefer header. Each preference applies only to the request that carries it (Graph does not
 * remember it across nextLink requests), and the applied ones are echoed in Preference-Applied.
 */
import type { BodyType } from './model';
import { graphTimeZone } from './timezones';
import type { ResolvedZone } from './timezones';
import { MAX_TOP } from './odata';

export interface Preferences {
  maxPageSize?: number;
  /** outlook.timezone; absent, Graph answers in UTC (a created event: in the zones it was booked in). */
  timeZone?: ResolvedZone;
  bodyType?: BodyType;
  immutableIds: boolean;
  /** Value for the Preference-Applied header, empty when nothing applied. */
  applied: string[];
}

/** Splits `a=1, b="x, y"` on commas outside quotes. */
function splitPreferences(header: string): [string, string][] {
  const parts = header.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
  return parts.map((part) => {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
    return [name, value];
  });
}

export function parsePreferences(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { immutableIds: false, applied: [] };
  const raw = Array.isArray(header) ? header.join(',') : header ?? '';
  for (const [name, value] of splitPreferences(raw)) {
    if (name === 'odata.maxpagesize' && /^\d+$/.test(value) && Number(value) > 0) {
      prefs.maxPageSize = Math.min(Number(value), MAX_TOP);
      prefs.applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
    } else if (name === 'outlook.timezone') {
      const zone = graphTimeZone(value);
      if (zone) {
        prefs.timeZone = zone;
        prefs.applied.push(`outlook.timezone="${zone.graphName}"`);
      }
    } else if (name === 'outlook.body-content-type' && /^(text|html)$/i.test(value)) {
      prefs.bodyType = value.toLowerCase() as BodyType;
      prefs.applied.push(`outlook.body-content-type="${prefs.bodyType}"`);
    } else if (name === 'idtype' && value.toLowerCase() === 'immutableid') {
      prefs.immutableIds = true;
      prefs.applied.push('IdType="ImmutableId"');
    }
  }
  return prefs;
}
