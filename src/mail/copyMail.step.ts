/** Copy Mail as component.json shows it; the code is copyMail.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { destinationFolderField, duplicateCheckField, mailboxField } from '../manifest/fields';
import { body, destinationInputs, flag, messageIdInput, text } from '../manifest/schemas';

export const copyMail: ActionDescriptor = {
  id: 'copyMail',
  group: 'mail',
  kind: 'action',
  title: 'Copy Mail',
  description: 'Copies a mail into a folder of the mailbox and returns the copy\'s id; a copy already in that folder is returned instead of making another.',
  help: {
    description: 'Copies the mail (messageId) into the destination folder: the one picked in the settings, or named in the input by id or well-known name (destinationFolderId) or by path (destinationFolderPath). The copy is a new mail with its own id, marked so that the same message delivered again finds it. If the folder already holds a copy (the one this message made, or any mail with the same Internet Message-ID), that one is returned with alreadyCopied: true and no second copy is made, unless the duplicate check is skipped.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    destinationFolderId: destinationFolderField(10),
    skipDuplicateCheck: duplicateCheckField(9, 'copied twice'),
  },
  in: body({
    messageId: messageIdInput('Message id', 'The mail to copy, in the Mailbox (immutable ids survive moves).'),
    ...destinationInputs,
  }),
  out: body({
    id: text('Copy id', 'The id of the copy in the destination folder (immutable).'),
    sourceId: text('Original id', 'The id of the mail that was copied.'),
    parentFolderId: text('Folder id', 'The id of the folder the copy is in.'),
    alreadyCopied: flag('Already copied', 'true when the folder held a copy already (a replayed message, or one made before): no copy was made.'),
  }),
};
