"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getMailFolderChanges = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getMailFolderChanges = {
    id: 'getMailFolderChanges',
    group: 'mail',
    kind: 'trigger',
    title: 'Mail Changes in Folder',
    description: 'Emits what happens to the mail of a folder: mail arriving by delivery or by being moved in (whatever its age), and optionally mail read or changed, deleted or moved out.',
    help: {
        description: 'Follows one folder through Outlook\'s change tracking (Graph delta queries). Created: a mail arrived, delivered or moved in by hand or by a rule, however old it is; reading or flagging it does not count. Updated: a mail in the folder was read, flagged or changed. Deleted: a mail was deleted or moved out (only its id). Each change is emitted once. Choose Poll for New Mail when only newly delivered mail matters.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        folderId: (0, fields_1.folderField)('Empty: the Inbox. The folder whose mail is followed, moves in and out included.', 30),
        changeTypes: (0, fields_1.changeTypesField)({
            created: 'Created: delivered or moved in',
            updated: 'Updated: read, flagged, categorised or edited',
            deleted: 'Deleted or moved out',
        }, 25),
        startTime: (0, fields_1.startTimeField)({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
    },
    out: (0, schemas_1.body)({
        changeType: (0, schemas_1.text)('Change', 'created (delivered or moved into the folder), updated (read, flagged, categorised or edited) or deleted (deleted or moved out).'),
        id: (0, schemas_1.text)('Message id', 'Immutable Outlook id of the mail: the same in every folder.'),
        reason: (0, schemas_1.text)('Removal reason', 'Deletions only: the reason Graph gives, deleted or changed.'),
        message: (0, schemas_1.object)('Mail', 'Created and updated only: the mail with the fields Poll for New Mail emits.', schemas_1.mailProperties),
    }),
};
