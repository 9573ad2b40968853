/** Delete Contact as component.json shows it; the code is deleteContact.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField } from '../manifest/fields';
import { body, flag, text } from '../manifest/schemas';

export const deleteContact: ActionDescriptor = {
  id: 'deleteContact',
  group: 'contacts',
  kind: 'action',
  title: 'Delete Contact',
  description: 'Deletes a contact by its id. A contact that is already gone counts as success.',
  help: {
    description: 'Deletes an Outlook contact by its id, in any folder of the mailbox. A contact that is already gone (deleted before, or a message replayed after the delete) is not an error: the output says alreadyDeleted true, so replays and retries are harmless.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    contactId: text('Contact id', "Outlook's id of the contact, as a contact step or the contacts trigger emitted it.", { required: true }),
  }),
  out: body({
    id: text('Contact id', 'The id given.'),
    alreadyDeleted: flag('Already deleted', 'true when the contact was not there any more (deleted before, by this message or by anyone); false when this run deleted it.'),
  }),
};
