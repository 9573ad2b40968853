/** Find Mail as component.json shows it; the code is lookupMails.ts (MAIL_FIELDS of graph/messages.ts match `out`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { emitBehaviourField, folderField, mailboxField } from '../manifest/fields';
import { body, flag, mailProperties, number, text, withPages } from '../manifest/schemas';
import { MAIL_LIST_PAGE_SIZE as PAGE_SIZE, SEARCH_RESULTS_LIMIT } from '../graph/messages';
import { DEFAULT_MAX_RESULTS, MAX_RESULTS } from '../validation/mailInputs';

export const lookupMails: ActionDescriptor = {
  id: 'lookupMails',
  group: 'mail',
  kind: 'action',
  title: 'Find Mail',
  description: 'Finds the mails of a folder or of the whole mailbox that match a search query (Outlook\'s search syntax) or filters, newest first, one message per mail or per page.',
  help: {
    description: `Finds mails by a search query in Outlook's syntax (KQL, e.g. from:ann subject:invoice), by filters (from, subject contains, received after/before, read, attachments, importance, categories), or both: Graph searches, the step applies the filters. At most maxResults (a search returns at most ${SEARCH_RESULTS_LIMIT}), newest first, emitted as they are read, ${PAGE_SIZE} a page.`,
  },
  fields: {
    mailbox: mailboxField({ order: 30 }),
    folderId: { ...folderField('Empty: the whole mailbox, Deleted Items and Drafts included.', 20), prompt: 'All folders' },
    emitBehaviour: emitBehaviourField('mail', 10),
  },
  in: body({
    searchQuery: text('Search query', 'Outlook\'s search syntax (KQL): words, "phrases", from:, to:, subject:, body:, attachment:, received>=2026-03-01, hasAttachments:true, OR, NOT. Empty: filters only.'),
    from: text('From', 'The sender\'s address (name@example.com), exactly.'),
    subjectContains: text('Subject contains', 'Text the subject contains, in any letter case.'),
    receivedAfter: text('Received after', 'ISO 8601 date-time with Z or an offset, or a date (midnight UTC): mails received then or later.'),
    receivedBefore: text('Received before', 'ISO 8601 date-time with Z or an offset, or a date (midnight UTC): mails received before then.'),
    isRead: flag('Read', 'true: read mails only; false: unread only. Empty: both.'),
    hasAttachments: flag('Has attachments', 'true: mails with file attachments only; false: without. Empty: both.'),
    importance: text('Importance', 'low, normal or high, in any letter case. Empty: any.'),
    categories: text('Categories', 'Category names, as a list or comma-separated: mails that have every one of them.'),
    maxResults: number('Most results', `How many mails at most, 1 to ${MAX_RESULTS}; with a search query at most ${SEARCH_RESULTS_LIMIT}. Default ${DEFAULT_MAX_RESULTS}.`),
  }),
  out: withPages(body(mailProperties), 'mails'),
};
