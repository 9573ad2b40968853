"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.copyMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.copyMail = {
    id: 'copyMail',
    group: 'mail',
    kind: 'action',
    title: 'Copy Mail',
    description: 'Copies a mail into a folder of the mailbox and returns the copy\'s id; a copy already in that folder is returned instead of making another.',
    help: {
        description: 'Copies the mail (messageId) into the destination folder: the one picked in the settings, or named in the input by id or well-known name (destinationFolderId) or by path (destinationFolderPath). The copy is a new mail with its own id, marked so that the same message delivered again finds it. If the folder already holds a copy (the one this message made, or any mail with the same Internet Message-ID), that one is returned with alreadyCopied: true and no second copy is made, unless the duplicate check is skipped.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        destinationFolderId: (0, fields_1.destinationFolderField)(10),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9, 'copied twice'),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Message id', 'The mail to copy, in the Mailbox (immutable ids survive moves).'),
        ...schemas_1.destinationInputs,
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Copy id', 'The id of the copy in the destination folder (immutable).'),
        sourceId: (0, schemas_1.text)('Original id', 'The id of the mail that was copied.'),
        parentFolderId: (0, schemas_1.text)('Folder id', 'The id of the folder the copy is in.'),
        alreadyCopied: (0, schemas_1.flag)('Already copied', 'true when the folder held a copy already (a replayed message, or one made before): no copy was made.'),
    }),
};
