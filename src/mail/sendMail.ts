/**
 * Send Mail. Everything is validated before the first request. With the duplicate check on (the
 * default) the mail goes out through a draft that carries the step's key, so that the same message
 * delivered again finds it instead of sending it twice (platform/sendGuard.ts); off, it is one
 * sendMail request when the files fit into it, never repeated after a lost answer.
 * Who it is from: the step's mailbox (`/users/{mailbox}`: sent as that mailbox, kept in its Sent
 * Items; delegated, that needs Full Access plus Send As or Send on Behalf on it) or the signed-in
 * user; `from` sends on behalf of (or as) another address from that mailbox (Send on Behalf or
 * Send As on the address). Graph "Send Outlook messages from another user".
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { createMessage } from '../graph/drafts';
import { messagePath } from '../graph/messages';
import type { MessageRef } from '../graph/drafts';
import { GraphRequestError } from '../graph/errors';
import { answeredAt } from '../graph/httpDate';
import type { StepContext } from '../graph/logger';
import { buildDraftRequest, buildSendMailRequest } from '../graph/outgoingMail';
import { sendKeyFor, sendKeyProperty } from '../graph/sendKey';
import { createSession } from '../graph/session';
import { downloadAttachments, inlineRoom, routeAttachments } from '../platform/attachments';
import { addDraftAttachments } from '../platform/draftAttachments';
import { filesKey, filesOutput, outgoingFiles } from '../platform/outgoingFiles';
import type { SizedOutgoing } from '../platform/outgoingFiles';
import { duplicateCheckOn, prepareDraft, sendDraft } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { InputError } from '../errors';
import { draftSummary, parseMailInput } from '../validation/mailInput';
import type { MailDraft } from '../validation/mailInput';

function output(session: { mailbox?: string }, draft: MailDraft, files: SizedOutgoing[], sent: { id?: string; sentAt: string; alreadySent: boolean }) {
  return newMessageWithBody({
    ...(sent.id && { id: sent.id }),
    sentAt: sent.sentAt,
    ...draftSummary(session.mailbox, draft),
    attachments: filesOutput(files),
    savedToSentItems: draft.saveToSentItems,
    alreadySent: sent.alreadySent,
  });
}

/** Without the guard, when every file fits: today's one sendMail request, never repeated after a lost answer. */
async function sendAtOnce(context: StepContext, session: ReturnType<typeof createSession>, draft: MailDraft, files: SizedOutgoing[]) {
  const build = (inline: Parameters<typeof buildSendMailRequest>[1]) => buildSendMailRequest(draft, inline);
  const inline = await downloadAttachments(files, inlineRoom(files, build));
  let acceptedAt: string | undefined;
  try {
    const { headers } = await session.post(`${session.root}/sendMail`, build(inline), { idempotent: false, sendingFrom: draft.from?.address });
    acceptedAt = answeredAt(headers);
  } catch (err) {
    // Without an answer nobody knows whether Outlook sent it; a blind retry could send it twice.
    if (err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500)) {
      throw new GraphRequestError(`${err.message} The mail may or may not have been sent, so it was not sent again: check Sent Items before re-running this message (with the duplicate check on, the step finds out itself).`, err.statusCode, err.code, err.requestId);
    }
    throw err;
  }
  context.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)`);
  // By Graph's clock where its answer tells (the container's may be off).
  return output(session, draft, files, { sentAt: acceptedAt ?? new Date().toISOString(), alreadySent: false });
}

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: GuardedConfig) {
  const draft = parseMailInput(msg.body);
  const checked = duplicateCheckOn(cfg);
  // Before any download: a credential or mailbox that cannot work is refused without side effects.
  const session = createSession(cfg, this);
  const files = await outgoingFiles(msg.attachments, { content: draft.body, contentType: draft.bodyContentType });
  // Without a copy in Sent Items there is nothing the guard could find later.
  const guarded = checked && draft.saveToSentItems;
  if (!guarded) {
    const direct = routeAttachments(files, (inline) => buildSendMailRequest(draft, inline));
    if (!direct.post.length && !direct.session.length) return sendAtOnce(this, session, draft, files);
    if (!draft.saveToSentItems) {
      throw new InputError('saveToSentItems', 'false needs every file to fit into one request (about 2.9 MB in total): Graph sends larger files only from a draft, which always keeps a copy in Sent Items. Set it to true, or send smaller files; nothing was sent');
    }
  }
  const key = guarded ? sendKeyFor({ action: 'sendMail', msgId: msg.id, mailbox: session.mailbox ?? '', content: { draft, files: filesKey(files) } }) : undefined;
  const build = (inline: Parameters<typeof buildSendMailRequest>[1]) => buildDraftRequest(draft, inline, key ? [sendKeyProperty(key)] : []);
  const routes = routeAttachments(files, build);
  // Before the first request: a file the storage refuses, or larger than it said, is an input error with no side effect.
  const inline = await downloadAttachments(routes.inline, inlineRoom(routes.inline, build));
  const prepared = await prepareDraft(session, {
    create: async (tags) => createMessage(session, buildDraftRequest(draft, inline, tags), draft.from?.address),
    complete: async (created, reused) => { await addDraftAttachments(session, messagePath(session, created.id), routes, { skipPresent: reused }); },
  }, { key });
  if (prepared.kind === 'sent') return alreadySent(this, session, draft, files, prepared.found);
  const sent = await sendDraft(session, prepared.draft, { key, sendingFrom: draft.from?.address });
  this.logger.info(`Mail sent to ${draft.to.length + draft.cc.length + draft.bcc.length} recipient(s) with ${files.length} attachment(s)${prepared.reused ? ', from the draft an interrupted run left' : ''}`);
  return output(session, draft, files, { id: prepared.draft.id, sentAt: sent.acceptedAt ?? new Date().toISOString(), alreadySent: false });
}

function alreadySent(context: StepContext, session: { mailbox?: string }, draft: MailDraft, files: SizedOutgoing[], found: MessageRef) {
  context.logger.info('This message was sent by an earlier run of the step (the same message delivered again): not sent twice');
  return output(session, draft, files, { id: found.id, sentAt: found.sentDateTime ?? found.createdDateTime ?? new Date().toISOString(), alreadySent: true });
}

export { processAction as process };
