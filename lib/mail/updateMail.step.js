"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.updateMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
const DUE = 'The due date of the follow-up (dateTimeTimeZone); absent when none was set.';
exports.updateMail = {
    id: 'updateMail',
    group: 'mail',
    kind: 'action',
    title: 'Update Mail',
    description: 'Marks a mail read or unread, flags it (with a due date) or completes it, sets its importance, and replaces, adds or removes categories; only the fields given change.',
    help: {
        description: 'Changes only the fields given of the mail (messageId): isRead, flagStatus (notFlagged, flagged, complete) with an optional flagDueDate, importance, categories. categoriesMode replace (the default) sets the categories; add and remove change just those named, reading the mail\'s current categories and writing them back only if nobody changed the mail meanwhile (else it reads again). A replayed message sets what is set already.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10 }),
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.messageIdInput)('Message id', 'The mail to update, in the Mailbox (immutable ids survive moves).'),
        isRead: (0, schemas_1.flag)('Read', 'true marks the mail read, false unread. Empty: unchanged.'),
        flagStatus: (0, schemas_1.text)('Flag', 'notFlagged, flagged or complete, in any letter case. Empty: unchanged (flagged when a due date is given).'),
        flagDueDate: (0, schemas_1.text)('Flag due date', 'When the follow-up is due: a date (2026-03-10) or a date-time with Z or an offset; its start is the same. Flags the mail unless flagStatus says otherwise; ignored with notFlagged.'),
        importance: { ...schemas_1.inputProperties.importance, description: 'low, normal or high, in any letter case. Empty: unchanged.' },
        categories: (0, schemas_1.text)('Categories', 'Category names, as a list or comma-separated; at most 25, each up to 255 characters. With replace, an empty list removes them all.'),
        categoriesMode: (0, schemas_1.text)('Categories mode', 'replace (the default): the mail gets exactly these categories; add: these are added to its own; remove: these are taken off. In any letter case. Without categories it changes nothing.'),
    }),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Message id', 'The id of the mail.'),
        isRead: (0, schemas_1.flag)('Read', 'Whether the mail is read now.'),
        importance: (0, schemas_1.text)('Importance', 'low, normal or high.'),
        flag: (0, schemas_1.object)('Flag', 'The follow-up flag now.', {
            flagStatus: (0, schemas_1.text)('Flag status', 'notFlagged, flagged or complete.'),
            startDateTime: (0, schemas_1.object)('Start', 'When the follow-up starts; absent when none was set.', {
                dateTime: (0, schemas_1.text)('Date and time', 'Wall-clock time in Time zone.'),
                timeZone: (0, schemas_1.text)('Time zone', 'The zone of Date and time.'),
            }),
            dueDateTime: (0, schemas_1.object)('Due', DUE, {
                dateTime: (0, schemas_1.text)('Date and time', 'Wall-clock time in Time zone.'),
                timeZone: (0, schemas_1.text)('Time zone', 'The zone of Date and time.'),
            }),
        }),
        categories: (0, schemas_1.strings)('Categories', 'The categories of the mail now.'),
        lastModifiedDateTime: (0, schemas_1.instant)('Last modified', 'When the mail last changed (ISO 8601, UTC).'),
    }),
};
