/**
 * Create Draft: a mail in Drafts from Send Mail's input, with the incoming message's files of any
 * size (large ones through upload sessions), for a person or Send Draft to send later. With the
 * duplicate check on (the default) the draft carries the step's key, so the same message delivered
 * again returns the draft the first run made (alreadyCreated) instead of making another.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { createMessage } from '../graph/drafts';
import { messagePath } from '../graph/messages';
import type { StepContext } from '../graph/logger';
import { buildDraftRequest } from '../graph/outgoingMail';
import type { InlineFile } from '../graph/outgoingMail';
import { sendKeyFor, sendKeyProperty } from '../graph/sendKey';
import { createSession } from '../graph/session';
import { downloadAttachments, inlineRoom, routeAttachments } from '../platform/attachments';
import { addDraftAttachments } from '../platform/draftAttachments';
import { filesKey, filesOutput, outgoingFiles } from '../platform/outgoingFiles';
import { duplicateCheckOn, prepareDraft } from '../platform/sendGuard';
import type { GuardedConfig } from '../platform/sendGuard';
import { draftSummary, parseMailInput } from '../validation/mailInput';

async function processAction(this: StepContext, msg: { id?: unknown; body?: unknown; attachments?: unknown }, cfg: GuardedConfig) {
  const draft = parseMailInput(msg.body);
  const checked = duplicateCheckOn(cfg);
  const session = createSession(cfg, this);
  const files = await outgoingFiles(msg.attachments, { content: draft.body, contentType: draft.bodyContentType });
  const key = checked ? sendKeyFor({ action: 'createDraft', msgId: msg.id, mailbox: session.mailbox ?? '', content: { draft, files: filesKey(files) } }) : undefined;
  const build = (inline: InlineFile[]) => buildDraftRequest(draft, inline, key ? [sendKeyProperty(key)] : []);
  const routes = routeAttachments(files, build);
  // Before the first request: a file the storage refuses, or larger than it said, is an input error with no side effect.
  const inline = await downloadAttachments(routes.inline, inlineRoom(routes.inline, build));
  let created: Message | undefined;
  const prepared = await prepareDraft(session, {
    create: async (tags) => {
      created = await createMessage(session, buildDraftRequest(draft, inline, tags), draft.from?.address);
      return created as Message & { id: string };
    },
    complete: async (made, reused) => { await addDraftAttachments(session, messagePath(session, made.id, 'draft id'), routes, { skipPresent: reused }); },
  }, { key });
  const mail = prepared.kind === 'sent' ? prepared.found : prepared.draft;
  const again = prepared.kind === 'sent' || prepared.reused;
  this.logger.info(again ? 'The draft was made by an earlier run of the step (the same message delivered again): not made twice' : `Draft created with ${files.length} attachment(s)`);
  return newMessageWithBody({
    id: mail.id,
    webLink: mail.webLink ?? created?.webLink ?? '',
    ...draftSummary(session.mailbox, draft),
    attachments: filesOutput(files),
    alreadyCreated: again,
    isDraft: prepared.kind !== 'sent',
  });
}

export { processAction as process };
