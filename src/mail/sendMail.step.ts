/** Send Mail as component.json shows it; the code is sendMail.ts (parseMailInput reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { duplicateCheckField, mailboxField } from '../manifest/fields';
import { body, flag, newMailInput, sentFiles, sentMail, text } from '../manifest/schemas';

export const sendMail: ActionDescriptor = {
  id: 'sendMail',
  group: 'mail',
  kind: 'action',
  title: 'Send Mail',
  description: "Sends a mail from the chosen mailbox (empty: the signed-in user's), with the incoming message's files of any size up to the attachment limit; the same message delivered again is not sent twice.",
  help: {
    description: "Sends one mail from the Mailbox (empty: the signed-in user's; a shared mailbox needs Full Access plus Send As or Send on Behalf) to To, Cc and Bcc, as text or HTML, with the incoming message's files; From sends on behalf of another address. Everything is checked before sending. A message delivered again finds the mail it sent (alreadySent) instead of sending it twice, unless the duplicate check is skipped.",
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'Sends as this mailbox and keeps the copy in its Sent Items. Empty: the signed-in user.' }),
    skipDuplicateCheck: duplicateCheckField(9),
  },
  in: body({
    ...newMailInput,
    saveToSentItems: flag('Save to Sent Items', 'true (the default) keeps a copy in Sent Items; false keeps none, which also leaves the duplicate check nothing to find, and needs all files to fit into one request (about 2.9 MB).'),
  }),
  out: body({
    ...sentMail('The mail'),
    id: { ...sentMail('The mail').id, description: "The sent mail's immutable id, which its copy in Sent Items keeps; absent when it was sent in one request (duplicate check skipped, or Save to Sent Items false)." },
    from: text('From', 'The address it was sent on behalf of or as; absent when From was empty.'),
    attachments: sentFiles('Attachments', 'The files sent with the mail; empty when there were none.'),
    savedToSentItems: flag('Saved to Sent Items', 'Whether a copy was kept in Sent Items.'),
  }),
};
