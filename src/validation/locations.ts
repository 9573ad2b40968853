/**
 * An event's places (Graph's `locations`): several rooms or addresses, given as text ("Room 1;
 * Room 2"), a list of names, or a list of objects a mapping builds, with a postal address either
 * nested (Graph's `address`) or flat (street, city, ...).
 */
import type { Location, LocationType, PhysicalAddress } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { checkEmailAddress } from './emailAddress';
import { describe } from './echo';
import { isAbsent } from './fields';

export const MAX_LOCATIONS = 20;
const MAX_TEXT = 255;
const LOCATION_TYPES: readonly LocationType[] = ['default', 'conferenceRoom', 'homeAddress', 'businessAddress', 'geoCoordinates', 'streetAddress', 'hotel', 'restaurant', 'localBusiness', 'postalAddress'];
const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;

const FORM = 'give names separated by ; or a list of {name, street, city, state, postalCode, countryOrRegion}';

/** Graph's locations, or undefined when none are given. */
export function parseLocations(value: unknown, field = 'locations'): Location[] | undefined {
  if (isAbsent(value)) return undefined;
  let entries: unknown[];
  if (typeof value === 'string') entries = value.split(/[;\n]/);
  else if (Array.isArray(value)) entries = value;
  else if (typeof value === 'object') entries = [value];
  else throw new InputError(field, `expected places as text or a list, got ${describe(value)}; ${FORM}`);
  const places = entries
    .map((entry, i) => ({ entry: typeof entry === 'string' ? entry.trim() : entry, place: Array.isArray(value) ? `${field}[${i}]` : field }))
    .filter(({ entry }) => !isAbsent(entry));
  if (places.length > MAX_LOCATIONS) throw new InputError(field, `has ${places.length} places; at most ${MAX_LOCATIONS} are accepted`);
  const locations = places.map(({ entry, place }) => parsePlace(entry, place));
  return locations.length ? locations : undefined;
}

function text(value: unknown, path: string): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(path, `must be text, got ${describe(value)}`);
  const clean = String(value).trim();
  if (clean.length > MAX_TEXT) throw new InputError(path, `is ${clean.length} characters long; at most ${MAX_TEXT} are accepted`);
  return clean || undefined;
}

function parsePlace(entry: unknown, path: string): Location {
  if (typeof entry === 'string') {
    const name = text(entry, path) as string;
    return { displayName: name };
  }
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new InputError(path, `expected a place as text or an object, got ${describe(entry)}; ${FORM}`);
  const given = entry as Record<string, unknown>;
  const name = text(given.displayName ?? given.name, `${path}.name`);
  if (!name) throw new InputError(`${path}.name`, 'is required: give the place a name (displayName), e.g. "Head office"');
  const location: Location = { displayName: name };
  const nested = given.address;
  if (!isAbsent(nested) && (typeof nested !== 'object' || Array.isArray(nested))) {
    throw new InputError(`${path}.address`, `must be an object with street, city, state, postalCode and countryOrRegion, got ${describe(nested)}`);
  }
  const source = (nested ?? given) as Record<string, unknown>;
  const address: PhysicalAddress = {};
  for (const part of ADDRESS_PARTS) {
    const value = text(source[part] ?? (part === 'countryOrRegion' ? source.country : undefined), `${path}.${nested ? 'address.' : ''}${part}`);
    if (value !== undefined) address[part] = value;
  }
  if (Object.keys(address).length) location.address = address;
  const type = given.locationType;
  if (!isAbsent(type)) {
    const match = typeof type === 'string' ? LOCATION_TYPES.find((t) => t.toLowerCase() === type.trim().toLowerCase()) : undefined;
    if (!match) throw new InputError(`${path}.locationType`, `must be one of ${LOCATION_TYPES.join(', ')}`);
    location.locationType = match;
  }
  const email = given.locationEmailAddress ?? given.email;
  if (!isAbsent(email)) {
    if (typeof email !== 'string') throw new InputError(`${path}.email`, `must be a room's email address as text, got ${describe(email)}`);
    const checked = checkEmailAddress(email.trim());
    if (checked.problem !== undefined) throw new InputError(`${path}.email`, `is not a valid email address: ${checked.problem}; give the room's mailbox address, e.g. room.1@example.com`);
    location.locationEmailAddress = checked.address;
  }
  return location;
}
