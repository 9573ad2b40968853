/** Forward Mail as component.json shows it; the code is forwardMail.ts (parseForwardInput reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { duplicateCheckField, mailboxField } from '../manifest/fields';
import { body, messageIdInput, responseInput, sentFiles, sentMail, text } from '../manifest/schemas';

export const forwardMail: ActionDescriptor = {
  id: 'forwardMail',
  group: 'mail',
  kind: 'action',
  title: 'Forward Mail',
  description: 'Forwards a mail of the mailbox with its attachments to To, Cc and Bcc, your text above it, plus the incoming message\'s files; the same message delivered again is not forwarded twice.',
  help: {
    description: 'Forwards the mail given by its id, with its own attachments, from the Mailbox the mail is in (a shared mailbox needs Full Access plus Send As or Send on Behalf) to To (required), Cc and Bcc, your text above the forwarded original, and the incoming message\'s files attached too. A message delivered again finds the forward it sent (alreadySent) instead of sending it twice.',
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'The mailbox the mail is in; the forward is sent as it and kept in its Sent Items. Empty: the signed-in user.' }),
    skipDuplicateCheck: duplicateCheckField(9),
  },
  in: body({
    messageId: messageIdInput('Mail id', 'The mail to forward, in the Mailbox.'),
    to: text('To', 'Who gets the forward: an address, "Name <address>", several separated by commas or semicolons, or a list. Graph needs at least one; at most 500 in To, Cc and Bcc together.', { required: true }),
    cc: text('Cc', 'Addresses as for To.'),
    bcc: text('Bcc', 'Addresses as for To; the other recipients do not see them.'),
    ...responseInput,
  }),
  out: body({
    ...sentMail('The forward'),
    messageId: text('Forwarded mail id', 'The id of the mail forwarded, as given.'),
    conversationId: text('Conversation id', 'The conversation the forward belongs to.'),
    attachments: sentFiles('Attachments', 'The files of the incoming message sent with the forward (the forwarded mail\'s own attachments go along and are not listed); empty when there were none.'),
  }),
};
