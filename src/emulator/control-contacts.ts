/**
 * The control API's contact operations: add, change and delete contacts and folders with
 * timestamps from the emulator clock, and read them back as Graph renders them (the ground truth
 * of chaos runs and specs). Contacts are written through the same reader as Graph's POST and PATCH,
 * so the control API cannot store a contact Graph would have refused.
 */
import type { ContactChange, ContactFolder, StoredContact } from './contacts';
import { readContact } from './contact-input';
import { CONTACT, CONTACT_FOLDER } from './entity-contact';
import { render } from './entity';
import type { RenderContext } from './entity';
import { GraphError } from './errors';
import type { Json } from './json';
import type { Mailbox } from './mailbox';
import { UTC_ZONE } from './timezones';
import type { World } from './world';

/** A Graph contact body (as for POST /contacts) plus where it goes and when it was created. */
export interface AddContactOptions extends Json {
  mailbox?: string;
  /** Folder id, or display name path under the default Contacts folder ("Suppliers/Europe"); default the default folder. */
  folder?: string;
  /** createdDateTime in epoch ms; default now(). */
  createdAt?: number;
}

export interface ContactControl {
  addContact(options: AddContactOptions): Record<string, unknown>;
  /** Graph-shaped changes, as a PATCH; bumps lastModifiedDateTime to now() and the change key. */
  updateContact(id: string, changes: Json): Record<string, unknown>;
  deleteContact(id: string): { deleted: boolean };
  addContactFolder(options: { mailbox?: string; displayName: string; parent?: string }): Record<string, unknown>;
  /** Every contact of the mailbox (all folders), as Graph renders them, with no replication delay. */
  contacts(options?: { mailbox?: string; folder?: string }): Record<string, unknown>[];
  /** The mailbox's contact change log after `since` (0: all): what a delta query is built on. */
  contactChanges(options?: { mailbox?: string; since?: number }): { changes: ContactChange[]; latest: number };
}

const PLAIN: RenderContext = { timeZone: UTC_ZONE, immutableIds: true };

export function createContactControl(
  world: World,
  mailboxOf: (name?: string) => Mailbox,
  fail: (status: number, message: string) => Error,
): ContactControl {
  const folderOf = (mailbox: Mailbox, idOrPath?: string): ContactFolder => {
    const store = mailbox.contacts;
    if (idOrPath === undefined) return store.root;
    const byId = store.folder(idOrPath);
    if (byId) return byId;
    let folder: ContactFolder | undefined = store.root;
    for (const name of idOrPath.split('/')) {
      folder = folder && store.childFolders(folder).find((f) => f.displayName.toLowerCase() === name.toLowerCase());
    }
    if (!folder) throw fail(404, `no contact folder '${idOrPath}' in ${mailbox.address}`);
    return folder;
  };

  const find = (id: string): [Mailbox, StoredContact] => {
    for (const mailbox of world.directory.mailboxes) {
      const contact = mailbox.contacts.contact(id);
      if (contact) return [mailbox, contact];
    }
    throw fail(404, `no contact with id '${id}'`);
  };

  /** Graph validation errors surface as 400s of the control API. */
  const graphChecked = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof GraphError) throw fail(err.status, `${err.code}: ${err.message}`);
      throw err;
    }
  };

  return {
    addContact(options) {
      const { mailbox: name, folder: where, createdAt, ...body } = options;
      const mailbox = mailboxOf(name);
      const folder = folderOf(mailbox, where);
      if (createdAt !== undefined && (typeof createdAt !== 'number' || !Number.isFinite(createdAt))) throw fail(400, "'createdAt' must be epoch milliseconds");
      const { fields, extended } = graphChecked(() => readContact(body));
      return render(CONTACT, mailbox.contacts.create(folder, fields, Math.round(createdAt ?? world.now()), extended), PLAIN);
    },

    updateContact(id, changes) {
      const [mailbox, contact] = find(id);
      const next = graphChecked(() => readContact(changes, { fields: contact, extended: contact.extendedProperties }));
      mailbox.contacts.update(contact, world.now(), (c) => {
        Object.assign(c, next.fields);
        c.extendedProperties = next.extended;
      });
      return render(CONTACT, contact, PLAIN);
    },

    deleteContact(id) {
      for (const mailbox of world.directory.mailboxes) {
        const contact = mailbox.contacts.contact(id);
        if (contact) {
          mailbox.contacts.delete(contact, world.now());
          return { deleted: true };
        }
      }
      return { deleted: false };
    },

    addContactFolder({ mailbox: name, displayName, parent }) {
      const mailbox = mailboxOf(name);
      if (typeof displayName !== 'string' || !displayName.trim()) throw fail(400, "'displayName' is required");
      const under = folderOf(mailbox, parent);
      if (mailbox.contacts.nameTaken(under, displayName)) throw fail(400, `'${displayName}' already exists in that folder`);
      return render(CONTACT_FOLDER, mailbox.contacts.createFolder(displayName, under), PLAIN);
    },

    contacts({ mailbox: name, folder } = {}) {
      const mailbox = mailboxOf(name);
      const store = mailbox.contacts;
      const items = folder === undefined ? store.all() : [...store.contactsIn(folderOf(mailbox, folder)).index('createdDateTime').items];
      return items.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq).map((c) => render(CONTACT, c, PLAIN));
    },

    contactChanges({ mailbox: name, since = 0 } = {}) {
      return mailboxOf(name).contacts.changesSince(since);
    },
  };
}
