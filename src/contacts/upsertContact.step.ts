/** Create or Update Contact as component.json shows it; the code is upsertContact.ts (parseUpsert reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { contactInputProperties, contactOutputProperties } from '../manifest/contactSchemas';
import { contactFolderField, mailboxField } from '../manifest/fields';
import { body, text } from '../manifest/schemas';

export const upsertContact: ActionDescriptor = {
  id: 'upsertContact',
  group: 'contacts',
  kind: 'action',
  title: 'Create or Update Contact',
  description: 'Updates the contact that has the email address given, or creates it. A replayed message never creates a second contact.',
  help: {
    description: 'Finds the contact of the chosen folder that has the email address given (in any letter case) and sets the properties given on it; if there is none, creates it. A replayed message, a retry after a lost answer, or two flows handling the same new address at once end with one contact: duplicates this step created are removed, contacts people made never are. A new contact takes a second or two longer while that is checked.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    contactFolderId: contactFolderField({ prompt: 'Contacts (default folder)', note: 'Where the contact is looked for and created (not in sub-folders). Empty: the default Contacts folder.', order: 10 }),
  },
  in: body({
    emailAddress: text('Email address (key)', 'The address the contact is found by, in any letter case; "Name <address>" is taken too. A new contact gets it as its first address, and it always stays among them.', { required: true }),
    ...contactInputProperties,
    emailAddresses: text('Email addresses', 'All addresses of the contact, at most 3 with the key (Outlook\'s limit): as for Create Contact. Given, they replace the list; the key is added first if missing. Empty: an existing contact keeps its addresses.'),
  }),
  out: body({
    ...contactOutputProperties,
    action: text('Action', 'created, updated, or unchanged (the contact already had every value given: nothing was sent).'),
  }),
};
