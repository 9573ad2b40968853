"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getMail = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.getMail = {
    id: 'getMail',
    group: 'mail',
    kind: 'action',
    title: 'Get Mail',
    description: 'Reads one mail by its id or its Internet Message-ID, optionally with its files stored in the platform and the whole mail exported as an .eml file.',
    help: {
        description: 'Reads the mail named by messageId (as the component emits it) or by internetMessageId (its Message-ID header), with the fields Poll for New Mail emits. Store attachments puts its files into the platform\'s storage and attaches them to the message; Export MIME stores the whole mail as an .eml file and attaches it too. Files over the size limit are listed with the reason.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 30 }),
        storeAttachments: (0, fields_1.storeAttachmentsField)(20),
        exportMime: {
            label: 'Export MIME (.eml)',
            viewClass: 'CheckBoxView',
            required: false,
            note: 'Store the whole mail as MIME (an .eml file, attachments included) and attach it to the message.',
            order: 10,
        },
    },
    in: (0, schemas_1.body)({
        messageId: (0, schemas_1.text)('Message id', 'The id of the mail, as the component emits it (immutable ids survive moves). Wins over internetMessageId. One of the two is required.'),
        internetMessageId: (0, schemas_1.text)('Internet message id', 'The mail\'s Message-ID header, e.g. <CAB123@mail.example.com> (brackets optional). Used when messageId is empty; if several mails share it, the one received last. One of the two is required.'),
    }),
    out: (0, schemas_1.body)({
        ...schemas_1.mailProperties,
        attachments: schemas_1.storedAttachments,
        mime: (0, schemas_1.object)('MIME export', 'Export MIME only: the .eml file; absent otherwise.', {
            name: (0, schemas_1.text)('Name', 'File name (the subject and .eml), the key of the file in the message\'s attachments.'),
            contentType: (0, schemas_1.text)('Content type', 'message/rfc822.'),
            size: (0, schemas_1.number)('Size in bytes', 'Bytes stored; absent when not stored.'),
            url: (0, schemas_1.text)('URL', "Where the platform's storage keeps it; absent when not stored."),
            skipped: (0, schemas_1.text)('Why not stored', 'Absent when stored; else the reason (over the size limit).'),
        }),
    }),
};
