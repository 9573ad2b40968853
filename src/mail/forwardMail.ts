/**
 * Forward Mail: forwards a mail of the mailbox, with its attachments, to To, Cc and Bcc, the flow's
 * text (Graph's "comment") above the forwarded original, and the incoming message's files. Sent as
 * the mailbox the mail is in (the step's Mailbox). Validated in full before the first request;
 * never sent twice (platform/sendGuard.ts, platform/responseDraft.ts).
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import type { StepContext } from '../graph/logger';
import { sendKeyFor } from '../graph/sendKey';
import { createSession } from '../graph/session';
import { filesKey, outgoingFiles } from '../platform/outgoingFiles';
import { respond, responseOutput } from '../platform/responseDraft';
import { duplicateCheckOn } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { inputObject } from '../validation/fields';
import { parseBody, parseBodyType, parseExtraRecipients, parseMessageId } from '../validation/mailInput';

/** The step's input, checked in full; Graph refuses a forward without a To recipient. */
export function parseForwardInput(input: unknown) {
  const body = inputObject(input);
  return {
    messageId: parseMessageId(body.messageId),
    body: { content: parseBody(body.body), contentType: parseBodyType(body.bodyContentType) },
    ...parseExtraRecipients(body, { toRequired: true }),
  };
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: GuardedConfig) {
  const input = parseForwardInput(msg.body);
  const checked = duplicateCheckOn(cfg);
  const session = createSession(cfg, this);
  const files = await outgoingFiles(msg.attachments, input.body);
  const key = checked ? sendKeyFor({ action: 'forwardMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { ...input, files: filesKey(files) } }) : undefined;
  const result = await respond(session, { kind: 'createForward', ...input, files, key });
  this.logger.info(result.alreadySent
    ? 'This forward was sent by an earlier run of the step (the same message delivered again): not sent twice'
    : `Mail forwarded with ${files.length} attachment(s) of the incoming message${result.reusedDraft ? ', from the draft an interrupted run left' : ''}`);
  return newMessageWithBody({ ...responseOutput(session, input.messageId, files, result) });
}

export { processAction as process };
