"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDraft = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
exports.createDraft = {
    id: 'createDraft',
    group: 'mail',
    kind: 'action',
    title: 'Create Draft',
    description: 'Saves a mail in Drafts of the chosen mailbox, with the incoming message\'s files of any size, for a person or Send Draft to send later; the same message delivered again does not make a second draft.',
    help: {
        description: 'Creates a draft in the Drafts folder of the Mailbox (empty: the signed-in user\'s) from the same input as Send Mail, with the incoming message\'s files (large ones uploaded in parts). It returns the draft\'s id, for Send Draft, and a link that opens it in Outlook on the web. A message delivered again returns the draft made the first time (alreadyCreated).',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'The mailbox whose Drafts folder gets the draft. Empty: the signed-in user.' }),
        skipDuplicateCheck: (0, fields_1.duplicateCheckField)(9),
    },
    in: (0, schemas_1.body)(schemas_1.newMailInput),
    out: (0, schemas_1.body)({
        id: (0, schemas_1.text)('Draft id', 'The draft\'s immutable id: map it into Send Draft. Once sent, the mail in Sent Items keeps it.'),
        webLink: (0, schemas_1.text)('Link to open the draft in Outlook on the web', 'URL that opens the draft in Outlook on the web.'),
        mailbox: (0, schemas_1.text)('Mailbox', 'The mailbox the draft is in; absent for the signed-in user.'),
        from: (0, schemas_1.text)('From', 'The address it is to be sent on behalf of or as; absent when From was empty.'),
        subject: (0, schemas_1.text)('Subject', 'The subject; empty when there is none.'),
        to: (0, schemas_1.strings)('To', 'The To addresses.'),
        cc: (0, schemas_1.strings)('Cc', 'The Cc addresses.'),
        bcc: (0, schemas_1.strings)('Bcc', 'The Bcc addresses.'),
        attachments: (0, schemas_1.sentFiles)('Attachments', 'The files attached to the draft; empty when there were none.'),
        alreadyCreated: (0, schemas_1.flag)('Already created', 'true when an earlier run of the same incoming message had made the draft (the platform delivered the message again): it is returned, not made again.'),
        isDraft: (0, schemas_1.flag)('Still a draft', 'false when the draft an earlier run made has been sent since.'),
    }),
};
