"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createContactControl = createContactControl;
const contact_input_1 = require("./contact-input");
const entity_contact_1 = require("./entity-contact");
const entity_1 = require("./entity");
const errors_1 = require("./errors");
const timezones_1 = require("./timezones");
const PLAIN = { timeZone: timezones_1.UTC_ZONE, immutableIds: true };
function createContactControl(world, mailboxOf, fail) {
    const folderOf = (mailbox, idOrPath) => {
        const store = mailbox.contacts;
        if (idOrPath === undefined)
            return store.root;
        const byId = store.folder(idOrPath);
        if (byId)
            return byId;
        let folder = store.root;
        for (const name of idOrPath.split('/')) {
            folder = folder && store.childFolders(folder).find((f) => f.displayName.toLowerCase() === name.toLowerCase());
        }
        if (!folder)
            throw fail(404, `no contact folder '${idOrPath}' in ${mailbox.address}`);
        return folder;
    };
    const find = (id) => {
        for (const mailbox of world.directory.mailboxes) {
            const contact = mailbox.contacts.contact(id);
            if (contact)
                return [mailbox, contact];
        }
        throw fail(404, `no contact with id '${id}'`);
    };
    /** Graph validation errors surface as 400s of the control API. */
    const graphChecked = (run) => {
        try {
            return run();
        }
        catch (err) {
            if (err instanceof errors_1.GraphError)
                throw fail(err.status, `${err.code}: ${err.message}`);
            throw err;
        }
    };
    return {
        addContact(options) {
            const { mailbox: name, folder: where, createdAt, ...body } = options;
            const mailbox = mailboxOf(name);
            const folder = folderOf(mailbox, where);
            if (createdAt !== undefined && (typeof createdAt !== 'number' || !Number.isFinite(createdAt)))
                throw fail(400, "'createdAt' must be epoch milliseconds");
            const { fields, extended } = graphChecked(() => (0, contact_input_1.readContact)(body));
            return (0, entity_1.render)(entity_contact_1.CONTACT, mailbox.contacts.create(folder, fields, Math.round(createdAt ?? world.now()), extended), PLAIN);
        },
        updateContact(id, changes) {
            const [mailbox, contact] = find(id);
            const next = graphChecked(() => (0, contact_input_1.readContact)(changes, { fields: contact, extended: contact.extendedProperties }));
            mailbox.contacts.update(contact, world.now(), (c) => {
                Object.assign(c, next.fields);
                c.extendedProperties = next.extended;
            });
            return (0, entity_1.render)(entity_contact_1.CONTACT, contact, PLAIN);
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
            if (typeof displayName !== 'string' || !displayName.trim())
                throw fail(400, "'displayName' is required");
            const under = folderOf(mailbox, parent);
            if (mailbox.contacts.nameTaken(under, displayName))
                throw fail(400, `'${displayName}' already exists in that folder`);
            return (0, entity_1.render)(entity_contact_1.CONTACT_FOLDER, mailbox.contacts.createFolder(displayName, under), PLAIN);
        },
        contacts({ mailbox: name, folder } = {}) {
            const mailbox = mailboxOf(name);
            const store = mailbox.contacts;
            const items = folder === undefined ? store.all() : [...store.contactsIn(folderOf(mailbox, folder)).index('createdDateTime').items];
            return items.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq).map((c) => (0, entity_1.render)(entity_contact_1.CONTACT, c, PLAIN));
        },
        contactChanges({ mailbox: name, since = 0 } = {}) {
            return mailboxOf(name).contacts.changesSince(since);
        },
    };
}
