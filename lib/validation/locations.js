"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_LOCATIONS = void 0;
exports.parseLocations = parseLocations;
const errors_1 = require("../errors");
const emailAddress_1 = require("./emailAddress");
const echo_1 = require("./echo");
const fields_1 = require("./fields");
exports.MAX_LOCATIONS = 20;
const MAX_TEXT = 255;
const LOCATION_TYPES = ['default', 'conferenceRoom', 'homeAddress', 'businessAddress', 'geoCoordinates', 'streetAddress', 'hotel', 'restaurant', 'localBusiness', 'postalAddress'];
const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'];
const FORM = 'give names separated by ; or a list of {name, street, city, state, postalCode, countryOrRegion}';
/** Graph's locations, or undefined when none are given. */
function parseLocations(value, field = 'locations') {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    let entries;
    if (typeof value === 'string')
        entries = value.split(/[;\n]/);
    else if (Array.isArray(value))
        entries = value;
    else if (typeof value === 'object')
        entries = [value];
    else
        throw new errors_1.InputError(field, `expected places as text or a list, got ${(0, echo_1.describe)(value)}; ${FORM}`);
    const places = entries
        .map((entry, i) => ({ entry: typeof entry === 'string' ? entry.trim() : entry, place: Array.isArray(value) ? `${field}[${i}]` : field }))
        .filter(({ entry }) => !(0, fields_1.isAbsent)(entry));
    if (places.length > exports.MAX_LOCATIONS)
        throw new errors_1.InputError(field, `has ${places.length} places; at most ${exports.MAX_LOCATIONS} are accepted`);
    const locations = places.map(({ entry, place }) => parsePlace(entry, place));
    return locations.length ? locations : undefined;
}
function text(value, path) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
        throw new errors_1.InputError(path, `must be text, got ${(0, echo_1.describe)(value)}`);
    const clean = String(value).trim();
    if (clean.length > MAX_TEXT)
        throw new errors_1.InputError(path, `is ${clean.length} characters long; at most ${MAX_TEXT} are accepted`);
    return clean || undefined;
}
function parsePlace(entry, path) {
    if (typeof entry === 'string') {
        const name = text(entry, path);
        return { displayName: name };
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
        throw new errors_1.InputError(path, `expected a place as text or an object, got ${(0, echo_1.describe)(entry)}; ${FORM}`);
    const given = entry;
    const name = text(given.displayName ?? given.name, `${path}.name`);
    if (!name)
        throw new errors_1.InputError(`${path}.name`, 'is required: give the place a name (displayName), e.g. "Head office"');
    const location = { displayName: name };
    const nested = given.address;
    if (!(0, fields_1.isAbsent)(nested) && (typeof nested !== 'object' || Array.isArray(nested))) {
        throw new errors_1.InputError(`${path}.address`, `must be an object with street, city, state, postalCode and countryOrRegion, got ${(0, echo_1.describe)(nested)}`);
    }
    const source = (nested ?? given);
    const address = {};
    for (const part of ADDRESS_PARTS) {
        const value = text(source[part] ?? (part === 'countryOrRegion' ? source.country : undefined), `${path}.${nested ? 'address.' : ''}${part}`);
        if (value !== undefined)
            address[part] = value;
    }
    if (Object.keys(address).length)
        location.address = address;
    const type = given.locationType;
    if (!(0, fields_1.isAbsent)(type)) {
        const match = typeof type === 'string' ? LOCATION_TYPES.find((t) => t.toLowerCase() === type.trim().toLowerCase()) : undefined;
        if (!match)
            throw new errors_1.InputError(`${path}.locationType`, `must be one of ${LOCATION_TYPES.join(', ')}`);
        location.locationType = match;
    }
    const email = given.locationEmailAddress ?? given.email;
    if (!(0, fields_1.isAbsent)(email)) {
        if (typeof email !== 'string')
            throw new errors_1.InputError(`${path}.email`, `must be a room's email address as text, got ${(0, echo_1.describe)(email)}`);
        const checked = (0, emailAddress_1.checkEmailAddress)(email.trim());
        if (checked.problem !== undefined)
            throw new errors_1.InputError(`${path}.email`, `is not a valid email address: ${checked.problem}; give the room's mailbox address, e.g. room.1@example.com`);
        location.locationEmailAddress = checked.address;
    }
    return location;
}
