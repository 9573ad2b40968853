/**
 * Contacts in Graph: where a folder's contacts are, the contact folders of a mailbox (Graph lists
 * the folders under the default Contacts folder at `/contactFolders` and their children one level
 * at a time, with no child count, so every folder is asked for its children), the properties the
 * contact steps read, and finding contacts by address, display name or a marker this component
 * wrote (a single-value extended property).
 */
import { createHash } from 'node:crypto';
import type { Contact, ContactFolder } from '@microsoft/microsoft-graph-types';
import { isAbsent } from '../validation/fields';
import { idSegment, queryString, stringLiteral } from './odata';
import type { GraphSession, StepConfig } from './session';

/** What the steps with a Contact folder field have in cfg. */
export interface ContactFolderConfig extends StepConfig {
  contactFolderId?: unknown;
}

/** The value of a contact folder field that names the default Contacts folder itself. */
export const DEFAULT_CONTACT_FOLDER = 'contacts';

/** What every contact step reads and emits, in the order the output schemas show it. */
export const CONTACT_FIELDS = [
  'id', 'changeKey', 'parentFolderId', 'displayName', 'givenName', 'middleName', 'surname', 'nickName',
  'emailAddresses', 'businessPhones', 'homePhones', 'mobilePhone', 'companyName', 'jobTitle', 'department',
  'businessAddress', 'homeAddress', 'otherAddress', 'birthday', 'categories', 'personalNotes',
  'createdDateTime', 'lastModifiedDateTime',
] as const;

export type ContactRecord = Contact & Record<string, unknown>;

/** Whether a folder field names the default Contacts folder (empty, or `contacts` in any case). */
export function isDefaultContactFolder(folderId: unknown): boolean {
  return isAbsent(folderId) || (typeof folderId === 'string' && folderId.trim().toLowerCase() === DEFAULT_CONTACT_FOLDER);
}

/** The contacts of a folder: `/contacts` for the default one, `/contactFolders/{id}/contacts` otherwise. */
export function contactsPath(root: string, folderId: unknown, field = 'contactFolderId'): string {
  return isDefaultContactFolder(folderId) ? `${root}/contacts` : `${root}/contactFolders/${idSegment(folderId, field)}/contacts`;
}

/** One contact, in whichever folder it is (Graph looks `/contacts/{id}` up in the whole mailbox). */
export function contactPath(root: string, contactId: unknown, field = 'contactId'): string {
  return `${root}/contacts/${idSegment(contactId, field)}`;
}

export interface ContactFolderEntry {
  id: string;
  /** "Contacts / Suppliers / Europe" */
  path: string;
}

const FOLDER_QUERY = queryString({ select: ['id', 'displayName'], top: 250 });

/** Every folder under the default Contacts folder, nested ones by path, sorted by path. */
export async function listContactFolders(session: GraphSession, rootName = 'Contacts'): Promise<ContactFolderEntry[]> {
  const result: ContactFolderEntry[] = [];
  let level = (await session.all<ContactFolder>(`${session.root}/contactFolders${FOLDER_QUERY}`))
    .map((folder) => ({ id: folder.id!, path: `${rootName} / ${folder.displayName ?? ''}` }));
  while (level.length) {
    result.push(...level);
    const children = await Promise.all(level.map(async ({ id, path }) => {
      const kids = await session.all<ContactFolder>(`${session.root}/contactFolders/${idSegment(id, 'contactFolderId')}/childFolders${FOLDER_QUERY}`);
      return kids.map((kid) => ({ id: kid.id!, path: `${path} / ${kid.displayName ?? ''}` }));
    }));
    level = children.flat();
  }
  return result.sort((a, b) => a.path.localeCompare(b.path));
}

/** A page of matches and Graph's clock when it answered (the Date header), for a step that waits on replication. */
export interface Matches {
  contacts: ContactRecord[];
  serverTime: number | undefined;
}

/** Oldest first, at whole seconds as Graph shows them; ties by id, which every run sees alike. */
export function byCreation(a: ContactRecord, b: ContactRecord): number {
  const [ta, tb] = [Date.parse(a.createdDateTime ?? ''), Date.parse(b.createdDateTime ?? '')];
  return (ta - tb) || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0);
}

async function findAll(session: GraphSession, collection: string, filter: string, select: readonly string[]): Promise<Matches> {
  const contacts: ContactRecord[] = [];
  let serverTime: number | undefined;
  for await (const page of session.pages<ContactRecord>(`${collection}${queryString({ select, filter, top: 100 })}`)) {
    contacts.push(...page.items);
    serverTime ??= page.serverTime;
  }
  return { contacts: contacts.sort(byCreation), serverTime };
}

/**
 * The contacts of a folder with `address` among their email addresses. Graph takes only `any` with
 * `eq` on the address (user-list-contacts.md) and compares in any letter case; the answer is
 * checked again here, so that only exact matches (letter case aside) count.
 */
export async function findByAddress(session: GraphSession, collection: string, address: string, select: readonly string[] = CONTACT_FIELDS): Promise<Matches> {
  const found = await findAll(session, collection, `emailAddresses/any(a:a/address eq ${stringLiteral(address)})`, select);
  const wanted = address.toLowerCase();
  found.contacts = found.contacts.filter((c) => (c.emailAddresses ?? []).some((e) => (e.address ?? '').toLowerCase() === wanted));
  return found;
}

/** The contacts of a folder whose display name is `name` (letter case aside). */
export async function findByDisplayName(session: GraphSession, collection: string, name: string): Promise<Matches> {
  const found = await findAll(session, collection, `displayName eq ${stringLiteral(name)}`, CONTACT_FIELDS);
  found.contacts = found.contacts.filter((c) => (c.displayName ?? '').toLowerCase() === name.toLowerCase());
  return found;
}

/**
 * The marker the component writes on the contacts it creates, so that a later run can tell them
 * from contacts people made: a named single-value extended property (extended-properties-overview.md)
 * in the component's own namespace. Its value says which create it was.
 */
export const MARKER_PROPERTY = 'String {6b0f2a5e-8c3d-4e71-9a64-2f1d7c5b8e90} Name elasticioCreateKey';

export function markerOf(value: string): { id: string; value: string } {
  return { id: MARKER_PROPERTY, value };
}

/** A marker value: `kind:` and a hash of the parts (JSON of them, so no two inputs run together). */
export function markerValue(kind: 'create' | 'upsert', ...parts: unknown[]): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

/** Ids of the contacts of a folder that carry the marker `value` (singlevaluelegacyextendedproperty-get.md). */
export async function findByMarker(session: GraphSession, collection: string, value: string, select: readonly string[] = CONTACT_FIELDS): Promise<Matches> {
  return findAll(session, collection, `singleValueExtendedProperties/any(ep: ep/id eq ${stringLiteral(MARKER_PROPERTY)} and ep/value eq ${stringLiteral(value)})`, select);
}

/** The properties the contact steps emit, from what Graph returned: CONTACT_FIELDS, nothing else. */
export function contactOutput(contact: ContactRecord): Record<string, unknown> {
  return Object.fromEntries(CONTACT_FIELDS.map((field) => [field, contact[field] ?? defaultOf(field)]));
}

/** Graph leaves nothing out of a full contact; a narrower answer (a PATCH's) still emits every property. */
function defaultOf(field: typeof CONTACT_FIELDS[number]): unknown {
  if (['emailAddresses', 'businessPhones', 'homePhones', 'categories'].includes(field)) return [];
  if (field.endsWith('Address')) return {};
  return null;
}

/**
 * The display name Outlook gives a contact that has none: its name parts in order, else its first
 * address, else its company. A display name of another form was set on purpose.
 */
export function generatedDisplayName(c: Pick<Contact, 'givenName' | 'middleName' | 'surname' | 'emailAddresses' | 'companyName'>): string {
  const parts = [c.givenName, c.middleName, c.surname].filter((p): p is string => Boolean(p && p.trim()));
  if (parts.length) return parts.join(' ');
  return c.emailAddresses?.[0]?.address ?? c.companyName ?? '';
}
