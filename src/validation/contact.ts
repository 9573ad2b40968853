/**
 * A contact's properties as flow designers give them, checked and turned into Graph's contact
 * shape: names, up to Outlook's 3 email addresses, phones (Outlook keeps 2 business and 2 home
 * numbers), company, job title, department, postal addresses, a birthday, categories and notes.
 * Only the properties given come out, so that the same reader serves a create (everything given)
 * and an update (only what changes). Absent, null and '' are "not given".
 */
import type { Contact, EmailAddress, PhysicalAddress } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { parseMailboxes } from './addresses';
import { describe, quote } from './echo';
import { isAbsent, optionalText, stringList } from './fields';
import { lexIso } from './isoDateTime';
import { CONTROL_CHARS } from './text';

/** Outlook's limits on the multi-valued properties (Graph answers 400 above them). */
export const MAX_EMAIL_ADDRESSES = 3;
export const MAX_PHONES = 2;
const MAX_LINE = 255;
const MAX_STREET = 1024;
const MAX_NOTES = 1024 * 1024;
const MAX_CATEGORIES = 25;

const NAME_FIELDS = ['givenName', 'middleName', 'surname', 'displayName', 'nickName'] as const;
const TEXT_FIELDS = [...NAME_FIELDS, 'mobilePhone', 'companyName', 'jobTitle', 'department'] as const;
const ADDRESS_FIELDS = ['businessAddress', 'homeAddress', 'otherAddress'] as const;
const ADDRESS_PARTS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;
const LIST_FIELDS = ['emailAddresses', 'businessPhones', 'homePhones', 'categories'] as const;

/** Every contact property a step takes, in the order the input schemas show them. */
export const CONTACT_INPUT_FIELDS = [
  ...NAME_FIELDS, 'emailAddresses', 'businessPhones', 'homePhones', 'mobilePhone', 'companyName', 'jobTitle', 'department',
  ...ADDRESS_FIELDS, 'birthday', 'categories', 'personalNotes',
] as const;
export type ContactInputField = typeof CONTACT_INPUT_FIELDS[number];

/** One line of text: no line breaks or other control characters. */
function line(value: unknown, field: string, max: number): string | undefined {
  const text = optionalText(value, field, max);
  if (text === undefined) return undefined;
  if (CONTROL_CHARS.test(text)) throw new InputError(field, 'must be one line of text, without line breaks, tabs or other control characters');
  return text.trim() === '' ? undefined : text.trim();
}

/** Phone numbers: a list, or text with several separated by semicolons. */
function phones(value: unknown, field: string): string[] | undefined {
  if (isAbsent(value)) return undefined;
  const items = typeof value === 'string' ? value.split(';') : value;
  if (!Array.isArray(items)) throw new InputError(field, `must be a phone number, several separated by semicolons, or a list of them; got ${describe(value)}`);
  const numbers = items.map((item, i) => {
    if (typeof item !== 'string') throw new InputError(`${field}[${i}]`, `must be text, got ${describe(item)}`);
    return line(item, `${field}[${i}]`, MAX_LINE);
  }).filter((n): n is string => n !== undefined);
  if (numbers.length > MAX_PHONES) throw new InputError(field, `has ${numbers.length} numbers; Outlook keeps at most ${MAX_PHONES}, so give at most ${MAX_PHONES}`);
  return numbers.length ? numbers : undefined;
}

function emailAddresses(value: unknown): EmailAddress[] | undefined {
  if (isAbsent(value)) return undefined;
  const seen = new Set<string>();
  const unique = parseMailboxes(value, 'emailAddresses', { max: 100 }).filter((m) => {
    const key = m.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > MAX_EMAIL_ADDRESSES) {
    throw new InputError('emailAddresses', `has ${unique.length} addresses; an Outlook contact holds at most ${MAX_EMAIL_ADDRESSES}, so give at most ${MAX_EMAIL_ADDRESSES}`);
  }
  return unique.length ? unique.map(({ address, name }) => (name === undefined ? { address } : { address, name })) : undefined;
}

function physicalAddress(value: unknown, field: string): PhysicalAddress | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(field, `must be an object with street, city, state, postalCode and countryOrRegion (each optional), got ${describe(value)}`);
  }
  const address: PhysicalAddress = {};
  for (const [key, part] of Object.entries(value as Record<string, unknown>)) {
    const known = ADDRESS_PARTS.find((p) => p === key);
    if (!known) throw new InputError(`${field}.${key}`, `is not a part of an address; use street, city, state, postalCode or countryOrRegion`);
    // A street may run over two lines; the other parts are one line each.
    const text = known === 'street' ? optionalText(part, `${field}.street`, MAX_STREET)?.trim() : line(part, `${field}.${known}`, MAX_LINE);
    if (text) address[known] = text;
  }
  return Object.keys(address).length ? address : undefined;
}

/**
 * The date of a birthday, given as a date (1974-07-22) or a date-time whose date as written counts.
 * Sent at 11:59 UTC, as Outlook itself stores birthdays: the same day in every zone from UTC-11 to
 * UTC+12, so clients in other zones do not show the day before or after (MS-ASCNTC, Birthday).
 */
export function parseBirthday(value: unknown, field = 'birthday'): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw new InputError(field, `must be a date such as 1974-07-22, got ${describe(value)}`);
  const iso = lexIso(value.trim());
  if (typeof iso === 'string') throw new InputError(field, `${quote(value)} is not a date (${iso}); write it as YYYY-MM-DD, e.g. 1974-07-22`);
  const { year, month, day } = iso.wall;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return `${date}T11:59:00Z`;
}

/** The contact properties given in `body`, in Graph's shape; those not given are left out. */
export function parseContactFields(body: Record<string, unknown>): Contact {
  const contact: Contact = {};
  for (const field of TEXT_FIELDS) {
    const text = line(body[field], field, MAX_LINE);
    if (text !== undefined) contact[field] = text;
  }
  const addresses = emailAddresses(body.emailAddresses);
  if (addresses) contact.emailAddresses = addresses;
  for (const field of ['businessPhones', 'homePhones'] as const) {
    const numbers = phones(body[field], field);
    if (numbers) contact[field] = numbers;
  }
  for (const field of ADDRESS_FIELDS) {
    const address = physicalAddress(body[field], field);
    if (address) contact[field] = address;
  }
  const birthday = parseBirthday(body.birthday);
  if (birthday) contact.birthday = birthday;
  if (!isAbsent(body.categories)) {
    const categories = stringList(body.categories, 'categories', { maxItems: MAX_CATEGORIES, maxLength: MAX_LINE });
    if (categories.length) contact.categories = categories;
  }
  const notes = optionalText(body.personalNotes, 'personalNotes', MAX_NOTES);
  if (notes !== undefined && notes.trim() !== '') contact.personalNotes = notes;
  return contact;
}

/** What Graph takes to empty a property: [] for a list, null for the rest. */
function cleared(field: ContactInputField): null | [] {
  return (LIST_FIELDS as readonly string[]).includes(field) ? [] : null;
}

/**
 * The properties `clearFields` names (a list or comma-separated text), emptied in Graph's way. A
 * property cannot be both given and cleared: nobody could tell which was meant.
 */
export function parseClearFields(value: unknown, given: Contact): Record<string, null | []> {
  const names = stringList(value, 'clearFields', { maxItems: CONTACT_INPUT_FIELDS.length, maxLength: 64 });
  const out: Record<string, null | []> = {};
  for (const [i, name] of names.entries()) {
    const field = CONTACT_INPUT_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
    if (!field) throw new InputError(`clearFields[${i}]`, `${quote(name)} is not a contact property; use names of the input such as mobilePhone, homeAddress or categories`);
    if (field in given) throw new InputError('clearFields', `names ${field}, which is also given a value; either set it or clear it`);
    out[field] = cleared(field);
  }
  return out;
}
