"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lookupFolder = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.lookupFolder = {
    id: 'lookupFolder',
    group: 'mail',
    kind: 'action',
    title: 'Find or Create Folder',
    description: 'Finds a mail folder by its path, such as Inbox/Projects/Alpha, and returns its id; optionally creates the levels that are missing.',
    help: {
        description: 'Finds the folder at path (names separated by /; the first level a top-level folder or a well-known one: Inbox, Archive, Sent Items, Deleted Items, Drafts, Junk Email) and returns its id, for Move Mail or Copy Mail. With Create missing folders, levels that do not exist are created; a folder that exists is returned, never created twice, even by two runs at once.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 20 }),
        createMissing: {
            label: 'Create missing folders',
            viewClass: 'CheckBoxView',
            required: false,
            note: 'Create the levels of the path that do not exist. Empty: a missing level is an error.',
            order: 10,
        },
    },
    in: (0, schemas_1.body)({
        path: (0, schemas_1.text)('Folder path', 'Folder names separated by /, e.g. Inbox/Projects/Alpha; the first level a top-level folder or a well-known name (Inbox, Archive, Sent Items...). Names as Outlook shows them, in any letter case; at most 32 levels.', { required: true }),
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Folder id', 'The id of the folder, for Move Mail, Copy Mail or Poll for New Mail.'),
        path: (0, schemas_1.text)('Path', 'The path as Outlook names the folders, separated by /.'),
        created: (0, schemas_1.flag)('Created', 'Whether this run created a level of the path.'),
    }),
};
