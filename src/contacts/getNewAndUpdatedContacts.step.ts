/** Poll for New and Updated Contacts as component.json shows it; the code is getNewAndUpdatedContacts.ts (CONTACT_FIELDS match `out`). */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { contactOutputProperties } from '../manifest/contactSchemas';
import { contactFolderField, mailboxField, startTimeField } from '../manifest/fields';
import { body } from '../manifest/schemas';

export const getNewAndUpdatedContacts: TriggerDescriptor = {
  id: 'getNewAndUpdatedContacts',
  group: 'contacts',
  kind: 'trigger',
  title: 'Poll for New and Updated Contacts',
  description: 'Emits each contact once per change: when it is created and each time it is changed, in all contact folders or the one chosen.',
  help: {
    description: 'Emits a contact when it is created and again each time it changes, once per change, oldest change first within each folder. Empty Contact folder: every contact of the mailbox (the default Contacts folder and every folder under it, new folders included); or one folder. Deleted contacts are not reported. Set Start time to include changes made before the flow starts.',
  },
  fields: {
    mailbox: mailboxField({ order: 30 }),
    contactFolderId: contactFolderField({ prompt: 'All contacts (every folder)', note: 'Empty: all contacts, every folder. Contacts (default folder) or another: that folder only, not its sub-folders.', order: 20 }),
    startTime: startTimeField({ emits: 'contacts created or changed', whenEmpty: 'changes', order: 10 }),
  },
  out: body(contactOutputProperties),
};
