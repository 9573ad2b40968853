/** Find Contact as component.json shows it; the code is lookupContact.ts (parseLookup reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { contactOutputProperties } from '../manifest/contactSchemas';
import { contactFolderField, mailboxField } from '../manifest/fields';
import { body, flag, number, text } from '../manifest/schemas';

export const lookupContact: ActionDescriptor = {
  id: 'lookupContact',
  group: 'contacts',
  kind: 'action',
  title: 'Find Contact',
  description: 'Finds a contact by email address or display name in a contact folder.',
  help: {
    description: 'Finds an Outlook contact in the chosen contact folder by one of its email addresses or by its display name, in any letter case. Nothing found: an empty result (found false) or an error, as chosen. Several found: the oldest one is emitted, and matchCount says how many matched. A contact created seconds ago may not be found yet.',
  },
  fields: {
    mailbox: mailboxField({ order: 30 }),
    contactFolderId: contactFolderField({ prompt: 'Contacts (default folder)', note: 'Where to look (not in its sub-folders). Empty: the default Contacts folder.', order: 20 }),
    notFound: {
      label: 'When nothing is found',
      viewClass: 'SelectView',
      required: false,
      model: { emptyResult: 'Emit an empty result (found: false)', error: 'Fail with an error' },
      prompt: 'Emit an empty result (found: false)',
      note: 'Empty: emit an empty result.',
      order: 10,
    },
  },
  in: body({
    emailAddress: text('Email address', 'One of the contact\'s email addresses, in any letter case; "Name <address>" is taken too. Either this or Display name is needed.'),
    name: text('Display name', 'The display name, whole, in any letter case. With Email address too, both must match.'),
  }),
  out: body({
    found: flag('Found', 'Whether a contact was found.'),
    matchCount: number('Matches', 'How many contacts matched; the oldest is emitted.'),
    ...contactOutputProperties,
  }),
};
