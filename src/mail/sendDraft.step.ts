/** Send Draft as component.json shows it; the code is sendDraft.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { duplicateCheckField, mailboxField } from '../manifest/fields';
import { body, messageIdInput, sentMail } from '../manifest/schemas';

export const sendDraft: ActionDescriptor = {
  id: 'sendDraft',
  group: 'mail',
  kind: 'action',
  title: 'Send Draft',
  description: 'Sends a draft of the mailbox as it is, for example one Create Draft made; the same message delivered again is not sent twice.',
  help: {
    description: 'Sends the draft given by its id (Create Draft\'s output, or a draft a person wrote) from the Mailbox it is in, as the draft says: its From needs Send As or Send on Behalf as for Send Mail. The copy is kept in the mailbox\'s Sent Items. A message delivered again finds the mail it sent (alreadySent) instead of failing or sending twice.',
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'The mailbox the draft is in. Empty: the signed-in user.' }),
    skipDuplicateCheck: duplicateCheckField(9),
  },
  in: body({
    messageId: messageIdInput('Draft id', 'The draft to send, in the Mailbox (Create Draft emits it as id).'),
  }),
  out: body(sentMail('The mail')),
};
