/** Update Contact as component.json shows it; the code is updateContact.ts (parseUpdate reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { contactInputProperties, contactOutputProperties } from '../manifest/contactSchemas';
import { mailboxField } from '../manifest/fields';
import { body, flag, text } from '../manifest/schemas';

export const updateContact: ActionDescriptor = {
  id: 'updateContact',
  group: 'contacts',
  kind: 'action',
  title: 'Update Contact',
  description: 'Changes the given properties of a contact and leaves the others as they are; clears those named in Clear fields.',
  help: {
    description: 'Updates an Outlook contact by its id, in any folder of the mailbox: only the properties given change, the others stay as they are. An empty or unmapped field changes nothing; to empty a property, name it in Clear fields (e.g. mobilePhone, homeAddress). Email addresses and phones given replace the whole list. An update that changes nothing sends nothing, so a replayed message is harmless.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    contactId: text('Contact id', "Outlook's id of the contact, as a contact step or the contacts trigger emitted it.", { required: true }),
    ...contactInputProperties,
    clearFields: text('Clear fields', 'Properties to empty, by the names above: comma-separated or a list (e.g. mobilePhone, homeAddress). A property cannot be given and cleared at once.'),
  }),
  out: body({
    ...contactOutputProperties,
    changed: flag('Changed', 'false when the contact already had every value given: nothing was sent.'),
  }),
};
