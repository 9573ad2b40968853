"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createContact = void 0;
const contactSchemas_1 = require("../manifest/contactSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.createContact = {
    id: 'createContact',
    group: 'contacts',
    kind: 'action',
    title: 'Create Contact',
    description: 'Creates a contact in the chosen contact folder. A replayed message does not create a second contact.',
    help: {
        description: 'Creates an Outlook contact: names, up to 3 email addresses, phones, company, job title, department, postal addresses, birthday, categories and notes, in the default Contacts folder or the folder chosen. Every field is checked before anything is sent. The contact carries a marker derived from the incoming message, so a retried or redelivered message finds it instead of creating a second one.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        contactFolderId: (0, fields_1.contactFolderField)({ prompt: 'Contacts (default folder)', note: 'Where the contact is created. Empty: the default Contacts folder.', order: 10 }),
    },
    in: (0, schemas_1.body)(contactSchemas_1.contactInputProperties),
    out: (0, schemas_1.body)({
        ...contactSchemas_1.contactOutputProperties,
        alreadyCreated: (0, schemas_1.flag)('Already created', 'true when this message had created the contact before (a redelivery or a retry): it was found, not created again.'),
    }),
};
