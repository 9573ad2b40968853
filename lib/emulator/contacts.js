"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ContactStore = exports.CONTACT_SORT_KEYS = exports.ADDRESS_PARTS = exports.generatedDisplayName = void 0;
exports.emptyContactFields = emptyContactFields;
exports.generatedFileAs = generatedFileAs;
/**
 * One mailbox's contacts and contact folders, kept apart from the rest of the mailbox so that
 * everything contact-specific (the folder tree, the per-folder collections, the change log) has one
 * owner with a small API: the Graph routes, the control API and the seed go through it, and a
 * delta query can be built on `changesSince` without touching the routes.
 *
 * Like Exchange: the default Contacts folder is the parent of every folder Graph lists under
 * `/contactFolders`; each write gets a new change key and lastModifiedDateTime; a contact keeps its
 * id for life (the component always asks for immutable ids); a deleted contact is gone from lists
 * at once, and leaves a tombstone in the change log.
 */
const collection_1 = require("./collection");
// The component's own rule for the display name Outlook generates; the emulator plays it back.
var contacts_1 = require("../graph/contacts");
Object.defineProperty(exports, "generatedDisplayName", { enumerable: true, get: function () { return contacts_1.generatedDisplayName; } });
exports.ADDRESS_PARTS = ['street', 'city', 'state', 'countryOrRegion', 'postalCode'];
exports.CONTACT_SORT_KEYS = {
    createdDateTime: (c) => c.createdAt,
    lastModifiedDateTime: (c) => c.lastModifiedAt,
    displayName: (c) => (c.displayName ?? '').toLowerCase(),
    givenName: (c) => (c.givenName ?? '').toLowerCase(),
    surname: (c) => (c.surname ?? '').toLowerCase(),
    companyName: (c) => (c.companyName ?? '').toLowerCase(),
    fileAs: (c) => (c.fileAs ?? '').toLowerCase(),
};
/** Every writable property empty, as Exchange stores a contact nobody filled in. */
function emptyContactFields() {
    return {
        givenName: null, middleName: null, surname: null, displayName: null, nickName: null, initials: null, title: null,
        generation: null, fileAs: null, yomiGivenName: null, yomiSurname: null, yomiCompanyName: null,
        emailAddresses: [], imAddresses: [], businessPhones: [], homePhones: [], mobilePhone: null,
        companyName: null, jobTitle: null, department: null, officeLocation: null, profession: null, businessHomePage: null,
        assistantName: null, manager: null, spouseName: null, personalNotes: null, children: [], categories: [],
        birthday: null, homeAddress: {}, businessAddress: {}, otherAddress: {},
    };
}
/** "Surname, Given" as Outlook files a contact; the display name when there are no name parts. */
function generatedFileAs(c) {
    if (c.surname && c.givenName)
        return `${c.surname}, ${c.givenName}`;
    return c.surname || c.givenName || c.displayName || '';
}
class ContactStore {
    ids;
    /** The default Contacts folder: `/contacts` and the parent of every folder under `/contactFolders`. */
    root;
    seq = 0;
    changeSeq = 0;
    folders = new Map();
    items = new Map();
    byId = new Map();
    log = [];
    constructor(ids) {
        this.ids = ids;
        this.root = this.addFolder('Contacts', ids.next('folder'));
    }
    // ---- folders ----
    /** A folder by id; undefined when there is none. */
    folder(id) {
        return this.folders.get(id);
    }
    childFolders(folder) {
        return folder.childIds.map((id) => this.folders.get(id));
    }
    /** Every folder under `folder`, depth first, the folder itself first. */
    subtree(folder = this.root) {
        return [folder, ...this.childFolders(folder).flatMap((child) => this.subtree(child))];
    }
    /** Another folder of the same parent has this name (Exchange refuses it: ErrorFolderExists). */
    nameTaken(parent, displayName) {
        return this.childFolders(parent).some((f) => f.displayName.toLowerCase() === displayName.toLowerCase());
    }
    createFolder(displayName, parent = this.root) {
        const folder = this.addFolder(displayName, parent.id);
        parent.childIds.push(folder.id);
        return folder;
    }
    addFolder(displayName, parentFolderId) {
        this.seq += 1;
        const folder = { seq: this.seq, id: this.ids.next('folder'), displayName, parentFolderId, childIds: [] };
        this.folders.set(folder.id, folder);
        this.items.set(folder.id, new collection_1.Collection(exports.CONTACT_SORT_KEYS));
        return folder;
    }
    // ---- contacts ----
    /** The contacts of one folder (not of its children), as Graph lists `/contactFolders/{id}/contacts`. */
    contactsIn(folder) {
        return this.items.get(folder.id);
    }
    /** By id, in any folder: Graph finds `/contacts/{id}` anywhere in the mailbox. */
    contact(id) {
        return this.byId.get(id);
    }
    /** Every contact of every folder, for the control API and the specs. */
    all() {
        return [...this.byId.values()];
    }
    create(folder, fields, createdAt, extendedProperties = new Map()) {
        this.seq += 1;
        const contact = {
            ...fields,
            seq: this.seq,
            id: this.ids.next('contact'),
            changeKey: this.ids.changeKey(),
            parentFolderId: folder.id,
            createdAt,
            lastModifiedAt: createdAt,
            extendedProperties,
        };
        this.byId.set(contact.id, contact);
        this.contactsIn(folder).add(contact);
        this.note('created', contact, createdAt);
        return contact;
    }
    /** Applies a change and bumps lastModifiedDateTime and the change key, as any Exchange write does. */
    update(contact, now, change) {
        this.contactsIn(this.folders.get(contact.parentFolderId)).update(contact, () => {
            change(contact);
            contact.lastModifiedAt = now;
            contact.changeKey = this.ids.changeKey();
        });
        this.note('updated', contact, now);
    }
    delete(contact, now) {
        if (!this.byId.delete(contact.id))
            return;
        this.contactsIn(this.folders.get(contact.parentFolderId)).remove(contact);
        this.note('deleted', contact, now);
    }
    // ---- change log (for a delta query) ----
    /** Changes after `seq` (0: all), oldest first; `latest` is the seq to ask from next time. */
    changesSince(seq, folder) {
        const changes = this.log.filter((c) => c.seq > seq && (!folder || c.folderId === folder.id));
        return { changes, latest: this.changeSeq };
    }
    note(kind, contact, at) {
        this.changeSeq += 1;
        this.log.push({ seq: this.changeSeq, kind, contactId: contact.id, folderId: contact.parentFolderId, at });
    }
}
exports.ContactStore = ContactStore;
