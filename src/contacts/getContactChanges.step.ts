/** Contact Changes as component.json shows it; the code is getContactChanges.ts. */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { contactOutputProperties } from '../manifest/contactSchemas';
import { changeTypesField, contactFolderField, mailboxField, startTimeField } from '../manifest/fields';
import { body, object, text } from '../manifest/schemas';

export const getContactChanges: TriggerDescriptor = {
  id: 'getContactChanges',
  group: 'contacts',
  kind: 'trigger',
  title: 'Contact Changes',
  description: 'Emits what happens to the contacts of a contact folder: contacts created, changed, and deleted or moved out.',
  help: {
    description: 'Follows one contact folder through Outlook\'s change tracking (Graph delta queries). Created: a contact was added to the folder. Updated: a contact in it was changed. Deleted: a contact was deleted or moved out (only its id). Each change is emitted once. Choose Poll for New and Updated Contacts to follow all folders at once when deletions do not matter.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    contactFolderId: contactFolderField({ prompt: 'Contacts (default folder)', note: 'Empty: the default Contacts folder. Another: that folder only, not its sub-folders.', order: 30 }),
    changeTypes: changeTypesField({
      created: 'Created: added to the folder',
      updated: 'Updated: changed',
      deleted: 'Deleted or moved out',
    }, 25, { all: true }),
    startTime: startTimeField({ emits: 'contacts created or changed', whenEmpty: 'changes', order: 20 }),
  },
  out: body({
    changeType: text('Change', 'created (added to the folder), updated (changed) or deleted (deleted or moved out).'),
    id: text('Contact id', 'Outlook id of the contact.'),
    reason: text('Removal reason', 'Deletions only: the reason Graph gives, deleted or changed.'),
    contact: object('Contact', 'Created and updated only: the contact with the fields Poll for New and Updated Contacts emits.', contactOutputProperties),
  }),
};
