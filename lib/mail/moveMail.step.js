"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.moveMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.moveMail = {
    id: 'moveMail',
    group: 'mail',
    kind: 'action',
    title: 'Move Mail',
    description: 'Moves a mail to another folder of the mailbox; the mail keeps its id. A mail already in that folder is left there.',
    help: {
        description: 'Moves the mail (messageId) into the destination folder: the one picked in the settings, or the one the input names by id or well-known name (destinationFolderId) or by path (destinationFolderPath, e.g. Inbox/Projects/Alpha). The mail keeps its immutable id. A replayed message finds the mail already there and reports alreadyThere: true without moving anything.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        destinationFolderId: (0, fields_1.destinationFolderField)(10),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Message id', 'The mail to move, in the Mailbox (immutable ids survive moves).'),
        ...schemas_1.destinationInputs,
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Message id', 'The mail\'s id, the same after the move (immutable).'),
        parentFolderId: (0, schemas_1.text)('Folder id', 'The id of the folder the mail is in now.'),
        alreadyThere: (0, schemas_1.flag)('Already there', 'true when the mail was in the destination folder already (a replayed message): nothing was moved.'),
    }),
};
