/**
 * An event's `location` and `locations`, as Graph keeps and returns them (user-post-events,
 * examples 1 and 2): a place named in `location` alone is also the one item of `locations`; posted
 * `locations[]` are kept, and `location` then names them all unless it is given too. A place gets
 * a uniqueId (its name, uniqueIdType 'private') when it is the event's location or has an address
 * or coordinates; a bare name in `locations[]` stays 'unknown'.
 */
import { badRequest } from './errors';
import { enumValue, isObject } from './json';
import type { Json } from './json';

const LOCATION_TYPES = [
  'default', 'conferenceRoom', 'homeAddress', 'businessAddress', 'geoCoordinates', 'streetAddress', 'hotel',
  'restaurant', 'localBusiness', 'postalAddress',
] as const;

export interface Place {
  displayName: string;
  locationType: typeof LOCATION_TYPES[number];
  uniqueId?: string;
  address?: Json;
  coordinates?: Json;
}

export interface EventPlaces {
  location: Place;
  locations: Place[];
}

/** What Graph returns for an event without a location. */
const NOWHERE: Place = { displayName: '', locationType: 'default', address: {}, coordinates: {} };

function readPlace(value: unknown, name: string, identified: boolean): Place {
  if (!isObject(value)) throw badRequest(`'${name}' must be an object.`);
  if (value.address !== undefined && !isObject(value.address)) throw badRequest(`'${name}.address' must be an object.`);
  if (value.coordinates !== undefined && !isObject(value.coordinates)) throw badRequest(`'${name}.coordinates' must be an object.`);
  const displayName = typeof value.displayName === 'string' ? value.displayName : '';
  const located = value.address !== undefined || value.coordinates !== undefined;
  const uniqueId = typeof value.uniqueId === 'string' && value.uniqueId ? value.uniqueId : (identified || located) && displayName ? displayName : undefined;
  return {
    displayName,
    locationType: enumValue(value.locationType, LOCATION_TYPES, 'default'),
    ...(uniqueId !== undefined && { uniqueId }),
    ...(value.address !== undefined && { address: { ...value.address } }),
    ...(value.coordinates !== undefined && { coordinates: { ...value.coordinates } }),
  };
}

export function readPlaces(json: Json): EventPlaces {
  if (json.locations !== undefined && json.locations !== null && !Array.isArray(json.locations)) {
    throw badRequest("The 'locations' property must be an array.");
  }
  const locations = ((json.locations ?? []) as unknown[]).map((p, i) => readPlace(p, `locations[${i}]`, false));
  const given = json.location === undefined || json.location === null ? undefined : readPlace(json.location, 'location', true);
  if (given?.displayName) return { location: given, locations: locations.length ? locations : [given] };
  if (!locations.length) return { location: NOWHERE, locations: [] };
  const displayName = locations.map((p) => p.displayName).join('; ');
  return { location: { displayName, locationType: 'default', uniqueId: displayName }, locations };
}

export function renderPlace(place: Place): Json {
  const { displayName, locationType, uniqueId, address, coordinates } = place;
  return {
    displayName,
    locationType,
    ...(uniqueId ? { uniqueId, uniqueIdType: 'private' } : { uniqueIdType: 'unknown' }),
    ...(address && { address: { ...address } }),
    ...(coordinates && { coordinates: { ...coordinates } }),
  };
}
