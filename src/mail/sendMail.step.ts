/** Send Mail as component.json shows it; the code is sendMail.ts (parseMailInput reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField } from '../manifest/fields';
import { body, flag, inputProperties, instant, list, number, strings, text } from '../manifest/schemas';

/** The rule parseMailInput enforces on To, Cc and Bcc together. */
const ONE_RECIPIENT = 'At least one of To, Cc and Bcc must hold a recipient; at most 500 in all.';

export const sendMail: ActionDescriptor = {
  id: 'sendMail',
  group: 'mail',
  kind: 'action',
  title: 'Send Mail',
  description: "Sends a mail from the chosen mailbox (empty: the signed-in user's), with the incoming message's attachments inline (just under 3,000,000 bytes in total: Graph takes 4 MB per request and files grow by a third as base64).",
  help: {
    description: "Sends one mail from the Mailbox (empty: the signed-in user's; a shared mailbox needs Full Access plus Send As or Send on Behalf) to To, Cc and Bcc, as text or HTML, with the incoming message's files; From sends on behalf of another address. Everything is checked before sending. A send whose answer is lost is not repeated (it could deliver twice): the error says to check Sent Items.",
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'Sends as this mailbox and keeps the copy in its Sent Items. Empty: the signed-in user.' }),
  },
  in: body({
    from: text('From', 'Send on behalf of (or as) this address, e.g. sales@contoso.com: the sender (the Mailbox, or the signed-in user) needs Send on Behalf or Send As on it. Empty: from the mailbox itself.'),
    to: text('To', `An address (name@example.com), "Display Name <name@example.com>", several of them separated by commas or semicolons, or a list of addresses or of {address, name} objects. ${ONE_RECIPIENT}`),
    cc: text('Cc', `Addresses as for To. ${ONE_RECIPIENT}`),
    bcc: text('Bcc', `Addresses as for To; the other recipients do not see them. ${ONE_RECIPIENT}`),
    subject: text('Subject', 'Up to 255 characters. Empty: a mail without subject.'),
    body: text('Body', 'The content of the mail, as text or HTML (see Body type).'),
    bodyContentType: inputProperties.bodyContentType,
    importance: inputProperties.importance,
    replyTo: text('Reply to', 'Addresses replies should go to instead of the sender, as for To; at most 10.'),
    saveToSentItems: flag('Save to Sent Items', 'true (the default) keeps a copy in Sent Items; false keeps none.'),
  }),
  out: body({
    sentAt: instant('Sent at', 'When Outlook accepted the mail for delivery (ISO 8601, UTC).'),
    mailbox: text('Mailbox', 'The mailbox it was sent from and saved in; absent for the signed-in user.'),
    from: text('From', 'The address it was sent on behalf of or as; absent when From was empty.'),
    subject: text('Subject', 'The subject sent; empty when there was none.'),
    to: strings('To', 'The To addresses the mail was sent to.'),
    cc: strings('Cc', 'The Cc addresses the mail was sent to.'),
    bcc: strings('Bcc', 'The Bcc addresses the mail was sent to.'),
    attachments: list('Attachments', 'The files sent with the mail; empty when there were none.', {
      type: 'object',
      properties: {
        name: text('Name', 'File name as the recipients see it.'),
        size: number('Size in bytes', 'Size of the file before encoding.'),
      },
    }),
    savedToSentItems: flag('Saved to Sent Items', 'Whether a copy was kept in Sent Items.'),
  }),
};
