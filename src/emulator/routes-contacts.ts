/**
 * Contacts and contact folders (api-reference/v1.0/api/user-list-contacts.md, user-post-contacts.md,
 * contact-get/update/delete.md, user-list-contactfolders.md, contactfolder-*.md):
 * `/contacts` is the default Contacts folder, `/contactFolders` lists the folders under it, and a
 * contact is found by id in any folder under `/contacts/{id}`, or only in its own folder under
 * `/contactFolders/{id}/contacts/{id}`.
 */
import type { ContactFolder, StoredContact } from './contacts';
import { readContact } from './contact-input';
import { CONTACT, CONTACT_FOLDER } from './entity-contact';
import { badRequest, GraphError, notFound } from './errors';
import { itemResponse, jsonBody, listItems, listResponse, lookup } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import type { HttpResult } from './http';
import { param } from './json';

/** Which folder a route addresses: the default Contacts folder (`/contacts`) or one by id. */
type Where = 'default' | 'byId';

function folderOf(req: GraphRequest, where: Where, folderId: string | undefined): ContactFolder {
  const store = req.mailbox.contacts;
  return where === 'default' ? store.root : lookup(folderId as string, (id) => store.folder(id));
}

/** `contacts` or `contactFolders('id')/contacts`, as @odata.context names the entity set. */
function contactSet(where: Where, folder: ContactFolder): string {
  return where === 'default' ? 'contacts' : `contactFolders('${encodeURIComponent(folder.id)}')/contacts`;
}

function contactIn(req: GraphRequest, where: Where, folderId: string | undefined, contactId: string): { contact: StoredContact; folder?: ContactFolder } {
  const contact = lookup(contactId, (id) => req.mailbox.contacts.contact(id));
  if (where === 'default') return { contact };
  const folder = folderOf(req, where, folderId);
  if (contact.parentFolderId !== folder.id) throw notFound();
  return { contact, folder };
}

const listContacts = (where: Where): GraphHandler => (req, { folderId }) => {
  const folder = folderOf(req, where, folderId);
  return listResponse(req, CONTACT, req.mailbox.contacts.contactsIn(folder), contactSet(where, folder));
};

const getContact = (where: Where): GraphHandler => (req, { folderId, contactId }) => {
  const { contact, folder } = contactIn(req, where, folderId, contactId);
  return itemResponse(req, CONTACT, contact, folder ? contactSet(where, folder) : 'contacts');
};

const createContact = (where: Where): GraphHandler => (req, { folderId }) => {
  const folder = folderOf(req, where, folderId);
  const { fields, extended } = readContact(jsonBody(req));
  const contact = req.mailbox.contacts.create(folder, fields, req.world.now(), extended);
  return itemResponse(req, CONTACT, contact, contactSet(where, folder), 201);
};

const updateContact = (where: Where): GraphHandler => (req, { folderId, contactId }) => {
  const { contact, folder } = contactIn(req, where, folderId, contactId);
  const next = readContact(jsonBody(req), { fields: contact, extended: contact.extendedProperties });
  req.mailbox.contacts.update(contact, req.world.now(), (c) => {
    Object.assign(c, next.fields);
    c.extendedProperties = next.extended;
  });
  return itemResponse(req, CONTACT, contact, folder ? contactSet(where, folder) : 'contacts');
};

const deleteContact = (where: Where): GraphHandler => (req, { folderId, contactId }): HttpResult => {
  const { contact } = contactIn(req, where, folderId, contactId);
  req.mailbox.contacts.delete(contact, req.world.now());
  return { status: 204 };
};

const listTopFolders: GraphHandler = (req) => {
  const store = req.mailbox.contacts;
  return listItems(req, CONTACT_FOLDER, store.childFolders(store.root), 'contactFolders');
};

const getFolder: GraphHandler = (req, { folderId }) => itemResponse(req, CONTACT_FOLDER, folderOf(req, 'byId', folderId), 'contactFolders');

const listChildFolders: GraphHandler = (req, { folderId }) => {
  const folder = folderOf(req, 'byId', folderId);
  return listItems(req, CONTACT_FOLDER, req.mailbox.contacts.childFolders(folder), `contactFolders('${encodeURIComponent(folder.id)}')/childFolders`);
};

/** contactfolder-post-childfolders.md, user-post-contactfolders.md: `{displayName}`; a name a sibling has is refused. */
const createFolder = (where: Where): GraphHandler => (req, { folderId }) => {
  const parent = folderOf(req, where, folderId);
  const displayName = param(jsonBody(req), 'displayName');
  if (typeof displayName !== 'string' || displayName.trim() === '') throw badRequest("The 'displayName' property is required.");
  const store = req.mailbox.contacts;
  if (store.nameTaken(parent, displayName)) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
  const folder = store.createFolder(displayName, parent);
  return itemResponse(req, CONTACT_FOLDER, folder, where === 'default' ? 'contactFolders' : `contactFolders('${encodeURIComponent(parent.id)}')/childFolders`, 201);
};

const READ = 'Contacts.Read' as const;
const WRITE = 'Contacts.ReadWrite' as const;

export const CONTACT_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '/contacts', handler: listContacts('default'), permission: READ },
  { method: 'POST', pattern: '/contacts', handler: createContact('default'), permission: WRITE },
  { method: 'GET', pattern: '/contacts/{contactId}', handler: getContact('default'), permission: READ },
  { method: 'PATCH', pattern: '/contacts/{contactId}', handler: updateContact('default'), permission: WRITE },
  { method: 'DELETE', pattern: '/contacts/{contactId}', handler: deleteContact('default'), permission: WRITE },
  { method: 'GET', pattern: '/contactFolders', handler: listTopFolders, permission: READ },
  { method: 'POST', pattern: '/contactFolders', handler: createFolder('default'), permission: WRITE },
  { method: 'GET', pattern: '/contactFolders/{folderId}', handler: getFolder, permission: READ },
  { method: 'GET', pattern: '/contactFolders/{folderId}/childFolders', handler: listChildFolders, permission: READ },
  { method: 'POST', pattern: '/contactFolders/{folderId}/childFolders', handler: createFolder('byId'), permission: WRITE },
  { method: 'GET', pattern: '/contactFolders/{folderId}/contacts', handler: listContacts('byId'), permission: READ },
  { method: 'POST', pattern: '/contactFolders/{folderId}/contacts', handler: createContact('byId'), permission: WRITE },
  { method: 'GET', pattern: '/contactFolders/{folderId}/contacts/{contactId}', handler: getContact('byId'), permission: READ },
  { method: 'PATCH', pattern: '/contactFolders/{folderId}/contacts/{contactId}', handler: updateContact('byId'), permission: WRITE },
  { method: 'DELETE', pattern: '/contactFolders/{folderId}/contacts/{contactId}', handler: deleteContact('byId'), permission: WRITE },
];
