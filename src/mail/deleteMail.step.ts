/** Delete Mail as component.json shows it; the code is deleteMail.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField } from '../manifest/fields';
import { body, flag, messageIdInput, text } from '../manifest/schemas';

export const deleteMail: ActionDescriptor = {
  id: 'deleteMail',
  group: 'mail',
  kind: 'action',
  title: 'Delete Mail',
  description: 'Deletes a mail: to Deleted Items, or for good. A mail that is already gone counts as deleted, so a replayed message is harmless.',
  help: {
    description: 'Deletes the mail (messageId): to Deleted Items, or with permanent set for good (global cloud only). A mail already in Deleted Items is left there unless permanent is set. Outlook answers a deleted mail and a wrong id alike, so a mail that is not found counts as deleted (alreadyDeleted: true) unless Fail when not found is set.',
  },
  fields: {
    mailbox: mailboxField({ order: 20 }),
    errorIfNotFound: {
      label: 'Fail when not found',
      viewClass: 'CheckBoxView',
      required: false,
      note: 'Outlook cannot tell a deleted mail from a wrong id. Empty: a mail not found counts as deleted; checked: it is an error.',
      order: 10,
    },
  },
  in: body({
    messageId: messageIdInput('Message id', 'The mail to delete, in the Mailbox (immutable ids survive moves).'),
    permanent: flag('Delete permanently', 'false (the default): the mail goes to Deleted Items. true: it is deleted for good, beyond Deleted Items (Microsoft\'s global cloud only).'),
  }),
  out: body({
    id: text('Message id', 'The id of the mail; after a delete to Deleted Items it names the mail there.'),
    permanent: flag('Deleted permanently', 'Whether it was deleted for good rather than moved to Deleted Items.'),
    alreadyDeleted: flag('Already deleted', 'true when the mail was gone (or, without permanent, in Deleted Items) already: nothing was done.'),
  }),
};
