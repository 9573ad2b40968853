/** Create Contact as component.json shows it; the code is createContact.ts (buildContact reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { contactInputProperties, contactOutputProperties } from '../manifest/contactSchemas';
import { contactFolderField, mailboxField } from '../manifest/fields';
import { body, flag } from '../manifest/schemas';

export const createContact: ActionDescriptor = {
  id: 'createContact',
  group: 'contacts',
  kind: 'action',
  title: 'Create Contact',
  description: 'Creates a contact in the chosen contact folder. A replayed message does not create a second contact.',
  help: {
    description: 'Creates an Outlook contact: names, up to 3 email addresses, phones, company, job title, department, postal addresses, birthday, categories and notes, in the default Contacts folder or the folder chosen. Every field is checked before anything is sent. The contact carries a marker derived from the incoming message, so a retried or redelivered message finds it instead of creating a second one.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    contactFolderId: contactFolderField({ prompt: 'Contacts (default folder)', note: 'Where the contact is created. Empty: the default Contacts folder.', order: 10 }),
  },
  in: body(contactInputProperties),
  out: body({
    ...contactOutputProperties,
    alreadyCreated: flag('Already created', 'true when this message had created the contact before (a redelivery or a retry): it was found, not created again.'),
  }),
};
