"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lookupMails = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
const messages_1 = require("../graph/messages");
const mailInputs_1 = require("../validation/mailInputs");
exports.lookupMails = {
    id: 'lookupMails',
    group: 'mail',
    kind: 'action',
    title: 'Find Mail',
    description: 'Finds the mails of a folder or of the whole mailbox that match a search query (Outlook\'s search syntax) or filters, newest first, one message per mail or per page.',
    help: {
        description: `Finds mails by a search query in Outlook's syntax (KQL, e.g. from:ann subject:invoice), by filters (from, subject contains, received after/before, read, attachments, importance, categories), or both: Graph searches, the step applies the filters. At most maxResults (a search returns at most ${messages_1.SEARCH_RESULTS_LIMIT}), newest first, emitted as they are read, ${messages_1.MAIL_LIST_PAGE_SIZE} a page.`,
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 30 }),
        folderId: { ...(0, fields_1.folderField)('Empty: the whole mailbox, Deleted Items and Drafts included.', 20), prompt: 'All folders' },
        emitBehaviour: (0, fields_1.emitBehaviourField)('mail', 10),
    },
    in: (0, schemas_1.body)({
        searchQuery: (0, schemas_1.text)('Search query', 'Outlook\'s search syntax (KQL): words, "phrases", from:, to:, subject:, body:, attachment:, received>=2026-03-01, hasAttachments:true, OR, NOT. Empty: filters only.'),
        from: (0, schemas_1.text)('From', 'The sender\'s address (name@example.com), exactly.'),
        subjectContains: (0, schemas_1.text)('Subject contains', 'Text the subject contains, in any letter case.'),
        receivedAfter: (0, schemas_1.text)('Received after', 'ISO 8601 date-time with Z or an offset, or a date (midnight UTC): mails received then or later.'),
        receivedBefore: (0, schemas_1.text)('Received before', 'ISO 8601 date-time with Z or an offset, or a date (midnight UTC): mails received before then.'),
        isRead: (0, schemas_1.flag)('Read', 'true: read mails only; false: unread only. Empty: both.'),
        hasAttachments: (0, schemas_1.flag)('Has attachments', 'true: mails with file attachments only; false: without. Empty: both.'),
        importance: (0, schemas_1.text)('Importance', 'low, normal or high, in any letter case. Empty: any.'),
        categories: (0, schemas_1.text)('Categories', 'Category names, as a list or comma-separated: mails that have every one of them.'),
        maxResults: (0, schemas_1.number)('Most results', `How many mails at most, 1 to ${mailInputs_1.MAX_RESULTS}; with a search query at most ${messages_1.SEARCH_RESULTS_LIMIT}. Default ${mailInputs_1.DEFAULT_MAX_RESULTS}.`),
    }),
    out: (0, schemas_1.withPages)((0, schemas_1.body)(schemas_1.mailProperties), 'mails'),
};
