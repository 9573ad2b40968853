"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTACT_ROUTES = void 0;
const contact_input_1 = require("./contact-input");
const entity_contact_1 = require("./entity-contact");
const errors_1 = require("./errors");
const graph_request_1 = require("./graph-request");
const json_1 = require("./json");
function folderOf(req, where, folderId) {
    const store = req.mailbox.contacts;
    return where === 'default' ? store.root : (0, graph_request_1.lookup)(folderId, (id) => store.folder(id));
}
/** `contacts` or `contactFolders('id')/contacts`, as @odata.context names the entity set. */
function contactSet(where, folder) {
    return where === 'default' ? 'contacts' : `contactFolders('${encodeURIComponent(folder.id)}')/contacts`;
}
function contactIn(req, where, folderId, contactId) {
    const contact = (0, graph_request_1.lookup)(contactId, (id) => req.mailbox.contacts.contact(id));
    if (where === 'default')
        return { contact };
    const folder = folderOf(req, where, folderId);
    if (contact.parentFolderId !== folder.id)
        throw (0, errors_1.notFound)();
    return { contact, folder };
}
const listContacts = (where) => (req, { folderId }) => {
    const folder = folderOf(req, where, folderId);
    return (0, graph_request_1.listResponse)(req, entity_contact_1.CONTACT, req.mailbox.contacts.contactsIn(folder), contactSet(where, folder));
};
const getContact = (where) => (req, { folderId, contactId }) => {
    const { contact, folder } = contactIn(req, where, folderId, contactId);
    return (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT, contact, folder ? contactSet(where, folder) : 'contacts');
};
const createContact = (where) => (req, { folderId }) => {
    const folder = folderOf(req, where, folderId);
    const { fields, extended } = (0, contact_input_1.readContact)((0, graph_request_1.jsonBody)(req));
    const contact = req.mailbox.contacts.create(folder, fields, req.world.now(), extended);
    return (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT, contact, contactSet(where, folder), 201);
};
const updateContact = (where) => (req, { folderId, contactId }) => {
    const { contact, folder } = contactIn(req, where, folderId, contactId);
    const next = (0, contact_input_1.readContact)((0, graph_request_1.jsonBody)(req), { fields: contact, extended: contact.extendedProperties });
    req.mailbox.contacts.update(contact, req.world.now(), (c) => {
        Object.assign(c, next.fields);
        c.extendedProperties = next.extended;
    });
    return (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT, contact, folder ? contactSet(where, folder) : 'contacts');
};
const deleteContact = (where) => (req, { folderId, contactId }) => {
    const { contact } = contactIn(req, where, folderId, contactId);
    req.mailbox.contacts.delete(contact, req.world.now());
    return { status: 204 };
};
const listTopFolders = (req) => {
    const store = req.mailbox.contacts;
    return (0, graph_request_1.listItems)(req, entity_contact_1.CONTACT_FOLDER, store.childFolders(store.root), 'contactFolders');
};
const getFolder = (req, { folderId }) => (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT_FOLDER, folderOf(req, 'byId', folderId), 'contactFolders');
const listChildFolders = (req, { folderId }) => {
    const folder = folderOf(req, 'byId', folderId);
    return (0, graph_request_1.listItems)(req, entity_contact_1.CONTACT_FOLDER, req.mailbox.contacts.childFolders(folder), `contactFolders('${encodeURIComponent(folder.id)}')/childFolders`);
};
/** contactfolder-post-childfolders.md, user-post-contactfolders.md: `{displayName}`; a name a sibling has is refused. */
const createFolder = (where) => (req, { folderId }) => {
    const parent = folderOf(req, where, folderId);
    const displayName = (0, json_1.param)((0, graph_request_1.jsonBody)(req), 'displayName');
    if (typeof displayName !== 'string' || displayName.trim() === '')
        throw (0, errors_1.badRequest)("The 'displayName' property is required.");
    const store = req.mailbox.contacts;
    if (store.nameTaken(parent, displayName))
        throw new errors_1.GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const folder = store.createFolder(displayName, parent);
    return (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT_FOLDER, folder, where === 'default' ? 'contactFolders' : `contactFolders('${encodeURIComponent(parent.id)}')/childFolders`, 201);
};
const READ = 'Contacts.Read';
const WRITE = 'Contacts.ReadWrite';
exports.CONTACT_ROUTES = [
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
