/** Create Draft as component.json shows it; the code is createDraft.ts (parseMailInput reads `in`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { duplicateCheckField, mailboxField } from '../manifest/fields';
import { body, flag, newMailInput, sentFiles, strings, text } from '../manifest/schemas';

export const createDraft: ActionDescriptor = {
  id: 'createDraft',
  group: 'mail',
  kind: 'action',
  title: 'Create Draft',
  description: 'Saves a mail in Drafts of the chosen mailbox, with the incoming message\'s files of any size, for a person or Send Draft to send later; the same message delivered again does not make a second draft.',
  help: {
    description: 'Creates a draft in the Drafts folder of the Mailbox (empty: the signed-in user\'s) from the same input as Send Mail, with the incoming message\'s files (large ones uploaded in parts). It returns the draft\'s id, for Send Draft, and a link that opens it in Outlook on the web. A message delivered again returns the draft made the first time (alreadyCreated).',
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'The mailbox whose Drafts folder gets the draft. Empty: the signed-in user.' }),
    skipDuplicateCheck: duplicateCheckField(9),
  },
  in: body(newMailInput),
  out: body({
    id: text('Draft id', 'The draft\'s immutable id: map it into Send Draft. Once sent, the mail in Sent Items keeps it.'),
    webLink: text('Link to open the draft in Outlook on the web', 'URL that opens the draft in Outlook on the web.'),
    mailbox: text('Mailbox', 'The mailbox the draft is in; absent for the signed-in user.'),
    from: text('From', 'The address it is to be sent on behalf of or as; absent when From was empty.'),
    subject: text('Subject', 'The subject; empty when there is none.'),
    to: strings('To', 'The To addresses.'),
    cc: strings('Cc', 'The Cc addresses.'),
    bcc: strings('Bcc', 'The Bcc addresses.'),
    attachments: sentFiles('Attachments', 'The files attached to the draft; empty when there were none.'),
    alreadyCreated: flag('Already created', 'true when an earlier run of the same incoming message had made the draft (the platform delivered the message again): it is returned, not made again.'),
    isDraft: flag('Still a draft', 'false when the draft an earlier run made has been sent since.'),
  }),
};
