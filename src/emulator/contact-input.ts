/**
 * Reading a contact from a client's JSON (POST and PATCH of contacts, the control API) with
 * Exchange's checks: known properties only, the right JSON types, and Outlook's limits on the
 * multi-valued ones ("The multi value property EmailAddresses has 4 entries, that exceeds the max
 * allowed value of 3": microsoftgraph/microsoft-graph-docs issue #15276; the error code is not
 * published, ErrorInvalidArgument is the emulator's). Like Outlook, a display name and a file-as
 * name nobody gave are generated from the name parts, and regenerated when a PATCH changes the
 * name parts without giving them (contact.md: "later updates to other properties may cause an
 * automatically generated value to overwrite the displayName value you have specified").
 */
import { ADDRESS_PARTS, emptyContactFields, generatedDisplayName, generatedFileAs } from './contacts';
import type { ContactFields, PhysicalAddress } from './contacts';
import { CONTACT, extendedPropertyKey } from './entity-contact';
import { badRequest, GraphError } from './errors';
import { isObject } from './json';
import type { Json } from './json';
import { parseDateTimeOffset } from './timefmt';

/** Outlook's most entries of each multi-valued property (issue #15276 names the first two). */
const MAX_ENTRIES: Record<string, number> = { emailAddresses: 3, businessPhones: 2, homePhones: 2 };
const STRINGS = ['givenName', 'middleName', 'surname', 'displayName', 'nickName', 'initials', 'title', 'generation', 'fileAs',
  'yomiGivenName', 'yomiSurname', 'yomiCompanyName', 'mobilePhone', 'companyName', 'jobTitle', 'department', 'officeLocation',
  'profession', 'businessHomePage', 'assistantName', 'manager', 'spouseName', 'personalNotes'] as const;
const STRING_LISTS = ['imAddresses', 'businessPhones', 'homePhones', 'children', 'categories'] as const;
const ADDRESSES = ['homeAddress', 'businessAddress', 'otherAddress'] as const;
const READ_ONLY = ['id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'parentFolderId'];
const NAME_PARTS = ['givenName', 'middleName', 'surname'] as const;
const EXTENDED_ID = /^\S+\s+\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}\s+(Name|Id)\s+\S.*$/i;

const convert = (key: string, type: string): GraphError => badRequest(`Cannot convert the literal value of '${key}' to the expected type '${type}'.`);

function tooMany(key: string, count: number): GraphError {
  const name = key[0].toUpperCase() + key.slice(1);
  return new GraphError(400, 'ErrorInvalidArgument', `The multi value property ${name} has ${count} entries, that exceeds the max allowed value of ${MAX_ENTRIES[key]}`);
}

function stringList(key: string, value: unknown): string[] {
  if (value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw convert(key, 'Collection(Edm.String)');
  if (MAX_ENTRIES[key] !== undefined && value.length > MAX_ENTRIES[key]) throw tooMany(key, value.length);
  return [...value];
}

function physicalAddress(key: string, value: unknown): PhysicalAddress {
  if (value === null) return {};
  if (!isObject(value)) throw convert(key, 'microsoft.graph.physicalAddress');
  const out: PhysicalAddress = {};
  for (const [part, text] of Object.entries(value)) {
    if (part.startsWith('@odata.')) continue;
    const known = ADDRESS_PARTS.find((p) => p.toLowerCase() === part.toLowerCase());
    if (!known) throw badRequest(`The property '${part}' does not exist on type 'microsoft.graph.physicalAddress'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    if (text !== null && typeof text !== 'string') throw convert(`${key}/${part}`, 'Edm.String');
    if (typeof text === 'string' && text !== '') out[known] = text;
  }
  return out;
}

function emailAddresses(value: unknown): ContactFields['emailAddresses'] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw convert('emailAddresses', 'Collection(microsoft.graph.emailAddress)');
  if (value.length > MAX_ENTRIES.emailAddresses) throw tooMany('emailAddresses', value.length);
  return value.map((entry: unknown) => {
    if (!isObject(entry) || typeof entry.address !== 'string' || (entry.name !== undefined && entry.name !== null && typeof entry.name !== 'string')) {
      throw convert('emailAddresses', 'microsoft.graph.emailAddress');
    }
    // Outlook shows the address where no name was given (not checked against a published example).
    return { address: entry.address, name: typeof entry.name === 'string' && entry.name !== '' ? entry.name : entry.address };
  });
}

function birthday(value: unknown): number | null {
  if (value === null) return null;
  // contact-update.md's example PATCHes a date alone ("1974-07-22"): midnight UTC.
  const instant = typeof value === 'string' ? parseDateTimeOffset(value) : undefined;
  if (!instant) throw convert('birthday', 'Edm.DateTimeOffset');
  return instant.ms;
}

function extendedProperties(value: unknown, into: Map<string, string>): void {
  if (!Array.isArray(value)) throw convert('singleValueExtendedProperties', 'Collection(microsoft.graph.singleValueLegacyExtendedProperty)');
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.value !== 'string' || !EXTENDED_ID.test(entry.id)) {
      throw new GraphError(400, 'ErrorInvalidExtendedPropertyValue', 'The extended property id or value is not valid.');
    }
    // The same property written again (any letter case where Exchange ignores it) replaces the value.
    const key = extendedPropertyKey(entry.id);
    for (const existing of into.keys()) if (extendedPropertyKey(existing) === key) into.delete(existing);
    into.set(entry.id, entry.value);
  }
}

export interface ContactInput {
  fields: ContactFields;
  extended: Map<string, string>;
}

/**
 * The contact a POST creates (`existing` undefined) or a PATCH leaves (`existing` the stored one,
 * not modified here). Throws GraphError as Graph answers a bad body.
 */
export function readContact(json: Json, existing?: ContactInput): ContactInput {
  const fields: ContactFields = existing ? { ...existing.fields } : emptyContactFields();
  const extended = new Map(existing?.extended ?? []);
  const given = new Set<string>();
  for (const [rawKey, value] of Object.entries(json)) {
    if (rawKey.startsWith('@odata.')) continue;
    const key = [...STRINGS, ...STRING_LISTS, ...ADDRESSES, 'emailAddresses', 'birthday', 'singleValueExtendedProperties', ...READ_ONLY]
      .find((k) => k.toLowerCase() === rawKey.toLowerCase());
    if (!key || (!(key in CONTACT.properties) && key !== 'singleValueExtendedProperties')) {
      throw badRequest(`The property '${rawKey}' does not exist on type 'microsoft.graph.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
    given.add(key);
    if (READ_ONLY.includes(key)) throw badRequest(`The property '${key}' is read-only and cannot be set.`);
    if ((STRINGS as readonly string[]).includes(key)) {
      if (value !== null && typeof value !== 'string') throw convert(key, 'Edm.String');
      (fields as unknown as Record<string, string | null>)[key] = value === '' ? null : value as string | null;
    } else if ((STRING_LISTS as readonly string[]).includes(key)) {
      (fields as unknown as Record<string, string[]>)[key] = stringList(key, value);
    } else if ((ADDRESSES as readonly string[]).includes(key)) {
      fields[key as typeof ADDRESSES[number]] = physicalAddress(key, value);
    } else if (key === 'emailAddresses') {
      fields.emailAddresses = emailAddresses(value);
    } else if (key === 'birthday') {
      fields.birthday = birthday(value);
    } else {
      extendedProperties(value, extended);
    }
  }
  const namesChanged = !existing || NAME_PARTS.some((part) => given.has(part) && existing.fields[part] !== fields[part]);
  if (!given.has('displayName') && (namesChanged || !fields.displayName)) fields.displayName = generatedDisplayName(fields) || null;
  if (!given.has('fileAs') && (namesChanged || !fields.fileAs)) fields.fileAs = generatedFileAs(fields) || null;
  return { fields, extended };
}
