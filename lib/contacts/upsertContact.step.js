"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upsertContact = void 0;
const contactSchemas_1 = require("../manifest/contactSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.upsertContact = {
    id: 'upsertContact',
    group: 'contacts',
    kind: 'action',
    title: 'Create or Update Contact',
    description: 'Updates the contact that has the email address given, or creates it. A replayed message never creates a second contact.',
    help: {
        description: 'Finds the contact of the chosen folder that has the email address given (in any letter case) and sets the properties given on it; if there is none, creates it. A replayed message, a retry after a lost answer, or two flows handling the same new address at once end with one contact: duplicates this step created are removed, contacts people made never are. A new contact takes a second or two longer while that is checked.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        contactFolderId: (0, fields_1.contactFolderField)({ prompt: 'Contacts (default folder)', note: 'Where the contact is looked for and created (not in sub-folders). Empty: the default Contacts folder.', order: 10 }),
    },
    in: (0, schemas_1.body)({
        emailAddress: (0, schemas_1.text)('Email address (key)', 'The address the contact is found by, in any letter case; "Name <address>" is taken too. A new contact gets it as its first address, and it always stays among them.', { required: true }),
        ...contactSchemas_1.contactInputProperties,
        emailAddresses: (0, schemas_1.text)('Email addresses', 'All addresses of the contact, at most 3 with the key (Outlook\'s limit): as for Create Contact. Given, they replace the list; the key is added first if missing. Empty: an existing contact keeps its addresses.'),
    }),
    out: (0, schemas_1.body)({
        ...contactSchemas_1.contactOutputProperties,
        action: (0, schemas_1.text)('Action', 'created, updated, or unchanged (the contact already had every value given: nothing was sent).'),
    }),
};
