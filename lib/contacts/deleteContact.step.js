"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deleteContact = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.deleteContact = {
    id: 'deleteContact',
    group: 'contacts',
    kind: 'action',
    title: 'Delete Contact',
    description: 'Deletes a contact by its id. A contact that is already gone counts as success.',
    help: {
        description: 'Deletes an Outlook contact by its id, in any folder of the mailbox. A contact that is already gone (deleted before, or a message replayed after the delete) is not an error: the output says alreadyDeleted true, so replays and retries are harmless.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        contactId: (0, schemas_1.text)('Contact id', "Outlook's id of the contact, as a contact step or the contacts trigger emitted it.", { required: true }),
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Contact id', 'The id given.'),
        alreadyDeleted: (0, schemas_1.flag)('Already deleted', 'true when the contact was not there any more (deleted before, by this message or by anyone); false when this run deleted it.'),
    }),
};
