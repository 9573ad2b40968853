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
import { Collection } from './collection';
import type { Sequenced, SortKey } from './collection';
import type { IdFactory } from './ids';
import type { EmailAddress } from './model';

// The component's own rule for the display name Outlook generates; the emulator plays it back.
export { generatedDisplayName } from '../graph/contacts';

/** microsoft.graph.physicalAddress; a part not set is absent, as Graph leaves it out. */
export interface PhysicalAddress {
  street?: string;
  city?: string;
  state?: string;
  countryOrRegion?: string;
  postalCode?: string;
}

export const ADDRESS_PARTS = ['street', 'city', 'state', 'countryOrRegion', 'postalCode'] as const;

/** The properties a client writes (POST, PATCH) and reads back. Strings are null when not set, as Graph returns them. */
export interface ContactFields {
  givenName: string | null;
  middleName: string | null;
  surname: string | null;
  displayName: string | null;
  nickName: string | null;
  initials: string | null;
  title: string | null;
  generation: string | null;
  fileAs: string | null;
  yomiGivenName: string | null;
  yomiSurname: string | null;
  yomiCompanyName: string | null;
  emailAddresses: EmailAddress[];
  imAddresses: string[];
  businessPhones: string[];
  homePhones: string[];
  mobilePhone: string | null;
  companyName: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  profession: string | null;
  businessHomePage: string | null;
  assistantName: string | null;
  manager: string | null;
  spouseName: string | null;
  personalNotes: string | null;
  children: string[];
  categories: string[];
  /** Epoch ms of the stored DateTimeOffset; null when not set. */
  birthday: number | null;
  homeAddress: PhysicalAddress;
  businessAddress: PhysicalAddress;
  otherAddress: PhysicalAddress;
}

export interface StoredContact extends ContactFields, Sequenced {
  id: string;
  changeKey: string;
  parentFolderId: string;
  createdAt: number;
  lastModifiedAt: number;
  /** singleValueExtendedProperties by their id, exactly as written (the Name part is case-sensitive). */
  extendedProperties: Map<string, string>;
}

export interface ContactFolder extends Sequenced {
  id: string;
  displayName: string;
  parentFolderId: string;
  /** Children in creation order. */
  childIds: string[];
}

/** One entry of the change log: what a delta query reports (a deletion as `@removed`). */
export interface ContactChange {
  /** Increases with every change of this store. */
  seq: number;
  kind: 'created' | 'updated' | 'deleted';
  contactId: string;
  folderId: string;
  at: number;
}

export const CONTACT_SORT_KEYS: Readonly<Record<string, (c: StoredContact) => SortKey>> = {
  createdDateTime: (c) => c.createdAt,
  lastModifiedDateTime: (c) => c.lastModifiedAt,
  displayName: (c) => (c.displayName ?? '').toLowerCase(),
  givenName: (c) => (c.givenName ?? '').toLowerCase(),
  surname: (c) => (c.surname ?? '').toLowerCase(),
  companyName: (c) => (c.companyName ?? '').toLowerCase(),
  fileAs: (c) => (c.fileAs ?? '').toLowerCase(),
};

/** Every writable property empty, as Exchange stores a contact nobody filled in. */
export function emptyContactFields(): ContactFields {
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
export function generatedFileAs(c: Pick<ContactFields, 'givenName' | 'surname' | 'displayName'>): string {
  if (c.surname && c.givenName) return `${c.surname}, ${c.givenName}`;
  return c.surname || c.givenName || c.displayName || '';
}

export class ContactStore {
  /** The default Contacts folder: `/contacts` and the parent of every folder under `/contactFolders`. */
  readonly root: ContactFolder;
  private seq = 0;
  private changeSeq = 0;
  private readonly folders = new Map<string, ContactFolder>();
  private readonly items = new Map<string, Collection<StoredContact>>();
  private readonly byId = new Map<string, StoredContact>();
  private readonly log: ContactChange[] = [];

  constructor(private readonly ids: IdFactory) {
    this.root = this.addFolder('Contacts', ids.next('folder'));
  }

  // ---- folders ----

  /** A folder by id; undefined when there is none. */
  folder(id: string): ContactFolder | undefined {
    return this.folders.get(id);
  }

  childFolders(folder: ContactFolder): ContactFolder[] {
    return folder.childIds.map((id) => this.folders.get(id) as ContactFolder);
  }

  /** Every folder under `folder`, depth first, the folder itself first. */
  subtree(folder: ContactFolder = this.root): ContactFolder[] {
    return [folder, ...this.childFolders(folder).flatMap((child) => this.subtree(child))];
  }

  /** Another folder of the same parent has this name (Exchange refuses it: ErrorFolderExists). */
  nameTaken(parent: ContactFolder, displayName: string): boolean {
    return this.childFolders(parent).some((f) => f.displayName.toLowerCase() === displayName.toLowerCase());
  }

  createFolder(displayName: string, parent: ContactFolder = this.root): ContactFolder {
    const folder = this.addFolder(displayName, parent.id);
    parent.childIds.push(folder.id);
    return folder;
  }

  private addFolder(displayName: string, parentFolderId: string): ContactFolder {
    this.seq += 1;
    const folder: ContactFolder = { seq: this.seq, id: this.ids.next('folder'), displayName, parentFolderId, childIds: [] };
    this.folders.set(folder.id, folder);
    this.items.set(folder.id, new Collection(CONTACT_SORT_KEYS));
    return folder;
  }

  // ---- contacts ----

  /** The contacts of one folder (not of its children), as Graph lists `/contactFolders/{id}/contacts`. */
  contactsIn(folder: ContactFolder): Collection<StoredContact> {
    return this.items.get(folder.id) as Collection<StoredContact>;
  }

  /** By id, in any folder: Graph finds `/contacts/{id}` anywhere in the mailbox. */
  contact(id: string): StoredContact | undefined {
    return this.byId.get(id);
  }

  /** Every contact of every folder, for the control API and the specs. */
  all(): StoredContact[] {
    return [...this.byId.values()];
  }

  create(folder: ContactFolder, fields: ContactFields, createdAt: number, extendedProperties = new Map<string, string>()): StoredContact {
    this.seq += 1;
    const contact: StoredContact = {
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
  update(contact: StoredContact, now: number, change: (c: StoredContact) => void): void {
    this.contactsIn(this.folders.get(contact.parentFolderId) as ContactFolder).update(contact, () => {
      change(contact);
      contact.lastModifiedAt = now;
      contact.changeKey = this.ids.changeKey();
    });
    this.note('updated', contact, now);
  }

  delete(contact: StoredContact, now: number): void {
    if (!this.byId.delete(contact.id)) return;
    this.contactsIn(this.folders.get(contact.parentFolderId) as ContactFolder).remove(contact);
    this.note('deleted', contact, now);
  }

  // ---- change log (for a delta query) ----

  /** Changes after `seq` (0: all), oldest first; `latest` is the seq to ask from next time. */
  changesSince(seq: number, folder?: ContactFolder): { changes: ContactChange[]; latest: number } {
    const changes = this.log.filter((c) => c.seq > seq && (!folder || c.folderId === folder.id));
    return { changes, latest: this.changeSeq };
  }

  private note(kind: ContactChange['kind'], contact: StoredContact, at: number): void {
    this.changeSeq += 1;
    this.log.push({ seq: this.changeSeq, kind, contactId: contact.id, folderId: contact.parentFolderId, at });
  }
}
