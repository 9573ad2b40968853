"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTACT_INPUT_FIELDS = exports.MAX_PHONES = exports.MAX_EMAIL_ADDRESSES = void 0;
exports.parseBirthday = parseBirthday;
exports.parseContactFields = parseContactFields;
exports.parseClearFields = parseClearFields;
const errors_1 = require("../errors");
const addresses_1 = require("./addresses");
const echo_1 = require("./echo");
const fields_1 = require("./fields");
const isoDateTime_1 = require("./isoDateTime");
const text_1 = require("./text");
/** Outlook's limits on the multi-valued properties (Graph answers 400 above them). */
exports.MAX_EMAIL_ADDRESSES = 3;
exports.MAX_PHONES = 2;
const MAX_LINE = 255;
const MAX_STREET = 1024;
const MAX_NOTES = 1024 * 1024;
const MAX_CATEGORIES = 25;
const NAME_FIELDS = ['givenName', 'middleName', 'surname', 'displayName', 'nickName'];
const TEXT_FIELDS = [...NAME_FIELDS, 'mobilePhone', 'companyName', 'jobTitle', 'department'];
const ADDRESS_FIELDS = ['businessAddress', 'homeAddress', 'otherAddress'];
const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'];
const LIST_FIELDS = ['emailAddresses', 'businessPhones', 'homePhones', 'categories'];
/** Every contact property a step takes, in the order the input schemas show them. */
exports.CONTACT_INPUT_FIELDS = [
    ...NAME_FIELDS, 'emailAddresses', 'businessPhones', 'homePhones', 'mobilePhone', 'companyName', 'jobTitle', 'department',
    ...ADDRESS_FIELDS, 'birthday', 'categories', 'personalNotes',
];
/** One line of text: no line breaks or other control characters. */
function line(value, field, max) {
    const text = (0, fields_1.optionalText)(value, field, max);
    if (text === undefined)
        return undefined;
    if (text_1.CONTROL_CHARS.test(text))
        throw new errors_1.InputError(field, 'must be one line of text, without line breaks, tabs or other control characters');
    return text.trim() === '' ? undefined : text.trim();
}
/** Phone numbers: a list, or text with several separated by semicolons. */
function phones(value, field) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    const items = typeof value === 'string' ? value.split(';') : value;
    if (!Array.isArray(items))
        throw new errors_1.InputError(field, `must be a phone number, several separated by semicolons, or a list of them; got ${(0, echo_1.describe)(value)}`);
    const numbers = items.map((item, i) => {
        if (typeof item !== 'string')
            throw new errors_1.InputError(`${field}[${i}]`, `must be text, got ${(0, echo_1.describe)(item)}`);
        return line(item, `${field}[${i}]`, MAX_LINE);
    }).filter((n) => n !== undefined);
    if (numbers.length > exports.MAX_PHONES)
        throw new errors_1.InputError(field, `has ${numbers.length} numbers; Outlook keeps at most ${exports.MAX_PHONES}, so give at most ${exports.MAX_PHONES}`);
    return numbers.length ? numbers : undefined;
}
function emailAddresses(value) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    const seen = new Set();
    const unique = (0, addresses_1.parseMailboxes)(value, 'emailAddresses', { max: 100 }).filter((m) => {
        const key = m.address.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    if (unique.length > exports.MAX_EMAIL_ADDRESSES) {
        throw new errors_1.InputError('emailAddresses', `has ${unique.length} addresses; an Outlook contact holds at most ${exports.MAX_EMAIL_ADDRESSES}, so give at most ${exports.MAX_EMAIL_ADDRESSES}`);
    }
    return unique.length ? unique.map(({ address, name }) => (name === undefined ? { address } : { address, name })) : undefined;
}
function physicalAddress(value, field) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.InputError(field, `must be an object with street, city, state, postalCode and countryOrRegion (each optional), got ${(0, echo_1.describe)(value)}`);
    }
    const address = {};
    for (const [key, part] of Object.entries(value)) {
        const known = ADDRESS_PARTS.find((p) => p === key);
        if (!known)
            throw new errors_1.InputError(`${field}.${key}`, `is not a part of an address; use street, city, state, postalCode or countryOrRegion`);
        // A street may run over two lines; the other parts are one line each.
        const text = known === 'street' ? (0, fields_1.optionalText)(part, `${field}.street`, MAX_STREET)?.trim() : line(part, `${field}.${known}`, MAX_LINE);
        if (text)
            address[known] = text;
    }
    return Object.keys(address).length ? address : undefined;
}
/**
 * The date of a birthday, given as a date (1974-07-22) or a date-time whose date as written counts.
 * Sent at 11:59 UTC, as Outlook itself stores birthdays: the same day in every zone from UTC-11 to
 * UTC+12, so clients in other zones do not show the day before or after (MS-ASCNTC, Birthday).
 */
function parseBirthday(value, field = 'birthday') {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `must be a date such as 1974-07-22, got ${(0, echo_1.describe)(value)}`);
    const iso = (0, isoDateTime_1.lexIso)(value.trim());
    if (typeof iso === 'string')
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(value)} is not a date (${iso}); write it as YYYY-MM-DD, e.g. 1974-07-22`);
    const { year, month, day } = iso.wall;
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return `${date}T11:59:00Z`;
}
/** The contact properties given in `body`, in Graph's shape; those not given are left out. */
function parseContactFields(body) {
    const contact = {};
    for (const field of TEXT_FIELDS) {
        const text = line(body[field], field, MAX_LINE);
        if (text !== undefined)
            contact[field] = text;
    }
    const addresses = emailAddresses(body.emailAddresses);
    if (addresses)
        contact.emailAddresses = addresses;
    for (const field of ['businessPhones', 'homePhones']) {
        const numbers = phones(body[field], field);
        if (numbers)
            contact[field] = numbers;
    }
    for (const field of ADDRESS_FIELDS) {
        const address = physicalAddress(body[field], field);
        if (address)
            contact[field] = address;
    }
    const birthday = parseBirthday(body.birthday);
    if (birthday)
        contact.birthday = birthday;
    if (!(0, fields_1.isAbsent)(body.categories)) {
        const categories = (0, fields_1.stringList)(body.categories, 'categories', { maxItems: MAX_CATEGORIES, maxLength: MAX_LINE });
        if (categories.length)
            contact.categories = categories;
    }
    const notes = (0, fields_1.optionalText)(body.personalNotes, 'personalNotes', MAX_NOTES);
    if (notes !== undefined && notes.trim() !== '')
        contact.personalNotes = notes;
    return contact;
}
/** What Graph takes to empty a property: [] for a list, null for the rest. */
function cleared(field) {
    return LIST_FIELDS.includes(field) ? [] : null;
}
/**
 * The properties `clearFields` names (a list or comma-separated text), emptied in Graph's way. A
 * property cannot be both given and cleared: nobody could tell which was meant.
 */
function parseClearFields(value, given) {
    const names = (0, fields_1.stringList)(value, 'clearFields', { maxItems: exports.CONTACT_INPUT_FIELDS.length, maxLength: 64 });
    const out = {};
    for (const [i, name] of names.entries()) {
        const field = exports.CONTACT_INPUT_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
        if (!field)
            throw new errors_1.InputError(`clearFields[${i}]`, `${(0, echo_1.quote)(name)} is not a contact property; use names of the input such as mobilePhone, homeAddress or categories`);
        if (field in given)
            throw new errors_1.InputError('clearFields', `names ${field}, which is also given a value; either set it or clear it`);
        out[field] = cleared(field);
    }
    return out;
}
