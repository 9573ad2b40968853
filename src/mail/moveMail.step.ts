/** Move Mail as component.json shows it; the code is moveMail.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { destinationFolderField, mailboxField } from '../manifest/fields';
import { body, destinationInputs, flag, messageIdInput, text } from '../manifest/schemas';

export const moveMail: ActionDescriptor = {
  id: 'moveMail',
  group: 'mail',
  kind: 'action',
  title: 'Move Mail',
  description: 'Moves a mail to another folder of the mailbox; the mail keeps its id. A mail already in that folder is left there.',
  help: {
    description: 'Moves the mail (messageId) into the destination folder: the one picked in the settings, or the one the input names by id or well-known name (destinationFolderId) or by path (destinationFolderPath, e.g. Inbox/Projects/Alpha). The mail keeps its immutable id. A replayed message finds the mail already there and reports alreadyThere: true without moving anything.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    destinationFolderId: destinationFolderField(10),
  },
  in: body({
    messageId: messageIdInput('Message id', 'The mail to move, in the Mailbox (immutable ids survive moves).'),
    ...destinationInputs,
  }),
  out: body({
    id: text('Message id', 'The mail\'s id, the same after the move (immutable).'),
    parentFolderId: text('Folder id', 'The id of the folder the mail is in now.'),
    alreadyThere: flag('Already there', 'true when the mail was in the destination folder already (a replayed message): nothing was moved.'),
  }),
};
