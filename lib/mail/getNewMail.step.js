"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNewMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getNewMail = {
    id: 'getNewMail',
    group: 'mail',
    kind: 'trigger',
    title: 'Poll for New Mail',
    description: 'Emits each mail once, oldest first: mail delivered to the chosen folder, or moved into it within about two minutes of arriving.',
    help: {
        description: 'Emits one message per mail of the chosen folder (sender, recipients, subject, body, flags), each once, oldest first. It goes by the time each mail was received, so it sees mail delivered to the folder and mail moved or sorted into it by a rule within about two minutes of arriving. Mail moved in later (by hand, by a client-side rule, by a later sweep) is not emitted; Mail Changes in Folder sees it. Set Start time to include mail received before the flow starts.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 40 }),
        folderId: (0, fields_1.folderField)('Empty: the Inbox. Emits mail delivered here, or moved or ruled in within about two minutes of arriving; mail moved in later is not emitted.', 30),
        startTime: (0, fields_1.startTimeField)({ emits: 'mail received', whenEmpty: 'mail arriving', order: 20 }),
        pollOnlyUnreadMail: {
            label: 'Only unread mail',
            viewClass: 'CheckBoxView',
            required: false,
            note: 'Skip mail that is already read when the poll sees it.',
            order: 10,
        },
    },
    out: (0, schemas_1.body)(schemas_1.messageProperties),
};
