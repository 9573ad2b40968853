/**
 * Send Draft: sends a draft of the mailbox as it is (Create Draft's, or one a person wrote), from
 * whom the draft says: its From needs Send As or Send on Behalf as for Send Mail. With the
 * duplicate check on (the default) the draft is tagged with the step's key before it is sent, so
 * the same message delivered again finds the sent mail and reports it (alreadySent) instead of
 * failing on a draft that is gone or sending a second time.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { getMessageRef, updateMessage } from '../graph/drafts';
import { recipientAddresses } from '../graph/messages';
import type { MessageRef } from '../graph/drafts';
import type { StepContext } from '../graph/logger';
import { sendKeyFor } from '../graph/sendKey';
import { createSession } from '../graph/session';
import { duplicateCheckOn, prepareDraft, sendDraft } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { InputError } from '../errors';
import { inputObject } from '../validation/fields';
import { parseMessageId } from '../validation/mailInput';


async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown }, cfg: GuardedConfig) {
  const messageId = parseMessageId(inputObject(msg.body).messageId);
  const checked = duplicateCheckOn(cfg);
  const session = createSession(cfg, this);
  const key = checked ? sendKeyFor({ action: 'sendDraft', msgId: msg.id, mailbox: session.mailbox ?? '', content: { messageId } }) : undefined;
  const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
  let draft: MessageRef | undefined;
  const prepared = await prepareDraft(session, {
    // The draft exists: "creating" it is checking it and tagging it with the key.
    create: async (tags) => {
      draft = await getMessageRef(session, messageId);
      if (!draft) throw new InputError('messageId', `no such draft in ${where}: it was sent or deleted already, or the id is another mailbox's; map the id Create Draft emitted`);
      if (draft.isDraft === false) throw new InputError('messageId', `is not a draft but a mail sent or received at ${draft.sentDateTime ?? 'an unknown time'}; only drafts can be sent, so nothing was sent`);
      if (tags.length) await updateMessage(session, messageId, { singleValueExtendedProperties: tags });
      return draft;
    },
    complete: async () => {},
  }, { key });
  if (prepared.kind === 'sent') {
    this.logger.info('This draft was sent by an earlier run of the step (the same message delivered again): not sent twice');
    return newMessageWithBody(output(session.mailbox, prepared.found, prepared.found.sentDateTime ?? prepared.found.createdDateTime ?? new Date().toISOString(), true));
  }
  const sent = await sendDraft(session, prepared.draft, { key });
  this.logger.info('Draft sent');
  return newMessageWithBody(output(session.mailbox, draft ?? prepared.draft as MessageRef, sent.acceptedAt ?? new Date().toISOString(), false));
}

function output(mailbox: string | undefined, mail: MessageRef, sentAt: string, alreadySent: boolean) {
  return {
    id: mail.id,
    sentAt,
    ...(mailbox && { mailbox }),
    subject: mail.subject ?? '',
    to: recipientAddresses(mail.toRecipients),
    cc: recipientAddresses(mail.ccRecipients),
    bcc: recipientAddresses(mail.bccRecipients),
    alreadySent,
  };
}

export { processAction as process };
