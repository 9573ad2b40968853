/**
 * Reply to Mail: answers a mail of the mailbox (to its sender, or with Reply all to everyone on
 * it), the flow's text above the quoted original, optionally to further recipients, with the
 * incoming message's files. Sent as the mailbox the mail is in (the step's Mailbox): delegated, on
 * another mailbox, that needs Full Access plus Send As or Send on Behalf on it. Validated in full
 * before the first request; never sent twice (platform/sendGuard.ts, platform/responseDraft.ts).
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import type { StepContext } from '../graph/logger';
import { sendKeyFor } from '../graph/sendKey';
import { createSession } from '../graph/session';
import { filesKey, outgoingFiles } from '../platform/outgoingFiles';
import { respond, responseOutput } from '../platform/responseDraft';
import { duplicateCheckOn } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { inputObject, parseFlag } from '../validation/fields';
import { parseBody, parseBodyType, parseExtraRecipients, parseMessageId } from '../validation/mailInput';

/** The step's input, checked in full. */
export function parseReplyInput(input: unknown) {
  const body = inputObject(input);
  return {
    messageId: parseMessageId(body.messageId),
    replyAll: parseFlag(body.replyAll, 'replyAll'),
    body: { content: parseBody(body.body), contentType: parseBodyType(body.bodyContentType) },
    ...parseExtraRecipients(body),
  };
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: GuardedConfig) {
  const input = parseReplyInput(msg.body);
  const checked = duplicateCheckOn(cfg);
  const session = createSession(cfg, this);
  const files = await outgoingFiles(msg.attachments, input.body);
  const key = checked ? sendKeyFor({ action: 'replyToMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { ...input, files: filesKey(files) } }) : undefined;
  const result = await respond(session, { kind: input.replyAll ? 'createReplyAll' : 'createReply', ...input, files, key });
  this.logger.info(result.alreadySent
    ? 'This reply was sent by an earlier run of the step (the same message delivered again): not sent twice'
    : `Reply sent with ${files.length} attachment(s)${result.reusedDraft ? ', from the draft an interrupted run left' : ''}`);
  return newMessageWithBody({ ...responseOutput(session, input.messageId, files, result), replyAll: input.replyAll });
}

export { processAction as process };
