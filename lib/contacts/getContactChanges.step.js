"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactChanges = void 0;
const contactSchemas_1 = require("../manifest/contactSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getContactChanges = {
    id: 'getContactChanges',
    group: 'contacts',
    kind: 'trigger',
    title: 'Contact Changes',
    description: 'Emits what happens to the contacts of a contact folder: contacts created, changed, and deleted or moved out.',
    help: {
        description: 'Follows one contact folder through Outlook\'s change tracking (Graph delta queries). Created: a contact was added to the folder. Updated: a contact in it was changed. Deleted: a contact was deleted or moved out (only its id). Each change is emitted once. Choose Poll for New and Updated Contacts to follow all folders at once when deletions do not matter.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        contactFolderId: (0, fields_1.contactFolderField)({ prompt: 'Contacts (default folder)', note: 'Empty: the default Contacts folder. Another: that folder only, not its sub-folders.', order: 30 }),
        changeTypes: (0, fields_1.changeTypesField)({
            created: 'Created: added to the folder',
            updated: 'Updated: changed',
            deleted: 'Deleted or moved out',
        }, 25, { all: true }),
        startTime: (0, fields_1.startTimeField)({ emits: 'contacts created or changed', whenEmpty: 'changes', order: 20 }),
    },
    out: (0, schemas_1.body)({
        changeType: (0, schemas_1.text)('Change', 'created (added to the folder), updated (changed) or deleted (deleted or moved out).'),
        id: (0, schemas_1.text)('Contact id', 'Outlook id of the contact.'),
        reason: (0, schemas_1.text)('Removal reason', 'Deletions only: the reason Graph gives, deleted or changed.'),
        contact: (0, schemas_1.object)('Contact', 'Created and updated only: the contact with the fields Poll for New and Updated Contacts emits.', contactSchemas_1.contactOutputProperties),
    }),
};
