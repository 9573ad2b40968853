"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.updateContact = void 0;
const contactSchemas_1 = require("../manifest/contactSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.updateContact = {
    id: 'updateContact',
    group: 'contacts',
    kind: 'action',
    title: 'Update Contact',
    description: 'Changes the given properties of a contact and leaves the others as they are; clears those named in Clear fields.',
    help: {
        description: 'Updates an Outlook contact by its id, in any folder of the mailbox: only the properties given change, the others stay as they are. An empty or unmapped field changes nothing; to empty a property, name it in Clear fields (e.g. mobilePhone, homeAddress). Email addresses and phones given replace the whole list. An update that changes nothing sends nothing, so a replayed message is harmless.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        contactId: (0, schemas_1.text)('Contact id', "Outlook's id of the contact, as a contact step or the contacts trigger emitted it.", { required: true }),
        ...contactSchemas_1.contactInputProperties,
        clearFields: (0, schemas_1.text)('Clear fields', 'Properties to empty, by the names above: comma-separated or a list (e.g. mobilePhone, homeAddress). A property cannot be given and cleared at once.'),
    }),
    out: (0, schemas_1.body)({
        ...contactSchemas_1.contactOutputProperties,
        changed: (0, schemas_1.flag)('Changed', 'false when the contact already had every value given: nothing was sent.'),
    }),
};
