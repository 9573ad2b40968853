"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNewAndUpdatedContacts = void 0;
const contactSchemas_1 = require("../manifest/contactSchemas");
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getNewAndUpdatedContacts = {
    id: 'getNewAndUpdatedContacts',
    group: 'contacts',
    kind: 'trigger',
    title: 'Poll for New and Updated Contacts',
    description: 'Emits each contact once per change: when it is created and each time it is changed, in all contact folders or the one chosen.',
    help: {
        description: 'Emits a contact when it is created and again each time it changes, once per change, oldest change first within each folder. Empty Contact folder: every contact of the mailbox (the default Contacts folder and every folder under it, new folders included); or one folder. Deleted contacts are not reported. Set Start time to include changes made before the flow starts.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 30 }),
        contactFolderId: (0, fields_1.contactFolderField)({ prompt: 'All contacts (every folder)', note: 'Empty: all contacts, every folder. Contacts (default folder) or another: that folder only, not its sub-folders.', order: 20 }),
        startTime: (0, fields_1.startTimeField)({ emits: 'contacts created or changed', whenEmpty: 'changes', order: 10 }),
    },
    out: (0, schemas_1.body)(contactSchemas_1.contactOutputProperties),
};
