/**
 * Poll for New Mail: every mail that arrives in the chosen folder, emitted once.
 * The cursor is receivedDateTime, which never changes: reading, flagging or moving an old mail
 * (which moves lastModifiedDateTime) cannot bring it back. With Store attachments each mail's
 * files go to the platform's storage before its message is emitted; with emitPage mails go out in
 * batches, each before the snapshot that covers it.
 */
import { itemKey } from '../graph/cursor';
import type { StepContext } from '../graph/logger';
import { MAIL_FIELDS, MAIL_PAGE_SIZE } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment } from '../graph/odata';
import type { PollSpec } from '../graph/poll';
import type { StepConfig } from '../graph/session';
import { parseEmitBehaviour } from '../platform/batches';
import { mailMessage } from '../platform/mailOutput';
import { runPollingTrigger } from '../platform/pollingTrigger';
import { isAbsent, parseFlag } from '../validation/fields';

export interface GetNewMailConfig extends StepConfig {
  folderId?: string;
  startTime?: string;
  pollOnlyUnreadMail?: boolean | string;
  storeAttachments?: boolean | string;
  emitBehaviour?: string;
}

// Shared with the other mail trigger; re-exported because specs and the benchmark read them here.
export { MAIL_FIELDS, MAIL_PAGE_SIZE };

export function mailPollSpec(cfg: GetNewMailConfig, root: string): PollSpec<Mail> {
  const folder = idSegment(isAbsent(cfg.folderId) ? 'inbox' : cfg.folderId, 'folderId');
  return {
    collectionPath: `${root}/mailFolders/${folder}/messages`,
    timeField: 'receivedDateTime',
    extraFilter: parseFlag(cfg.pollOnlyUnreadMail, 'pollOnlyUnreadMail') ? 'isRead eq false' : undefined,
    select: MAIL_FIELDS,
    pageSize: MAIL_PAGE_SIZE,
    keyOf: (mail) => itemKey(mail.id!),
  };
}

async function processTrigger(this: StepContext, msg: { id?: string } | undefined, cfg: GetNewMailConfig, snapshot: unknown): Promise<void> {
  const storeAttachments = parseFlag(cfg.storeAttachments, 'storeAttachments');
  const behaviour = parseEmitBehaviour(cfg.emitBehaviour);
  await runPollingTrigger<Mail>(this, cfg, snapshot, (root) => mailPollSpec(cfg, root), 'new mail(s)', (session) => ({
    behaviour,
    prepare: (mail) => mailMessage(session, mail, { storeAttachments, msgId: msg?.id }),
  }));
}

// The Folder field's dropdown: sailor looks its model up on this module.
export { getFolders } from '../platform/dropdowns';
export { processTrigger as process };
