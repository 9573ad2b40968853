/**
 * Poll for New and Updated Contacts: each contact once per change, on the polling machinery of the
 * events trigger (graph/poll.ts): the cursor is lastModifiedDateTime, the key id plus changeKey.
 * One folder is one collection; all contacts (the default) are every folder Graph lists under the
 * default Contacts folder and that folder itself, each polled the same way, their cursors kept in
 * one snapshot (graph/cursorSet.ts). Folders are listed on every poll, so a new folder is watched
 * from then on.
 */
import { InputError } from '../errors';
import { itemKey } from '../graph/cursor';
import { collectionKey, MAX_COLLECTIONS } from '../graph/cursorSet';
import { CONTACT_FIELDS, contactsPath, DEFAULT_CONTACT_FOLDER, listContactFolders } from '../graph/contacts';
import type { ContactFolderConfig, ContactRecord } from '../graph/contacts';
import type { StepContext } from '../graph/logger';
import type { PollSpec } from '../graph/poll';
import type { GraphSession } from '../graph/session';
import { runPollingTrigger, runPollingTriggerOverCollections } from '../platform/pollingTrigger';
import type { PolledCollection } from '../platform/pollingTrigger';
import { isAbsent } from '../validation/fields';

export interface GetContactsConfig extends ContactFolderConfig {
  startTime?: string;
}

export const CONTACT_PAGE_SIZE = 1000;

export function contactPollSpec(root: string, folderId: unknown): PollSpec<ContactRecord> {
  return {
    collectionPath: contactsPath(root, folderId),
    timeField: 'lastModifiedDateTime',
    select: CONTACT_FIELDS,
    pageSize: CONTACT_PAGE_SIZE,
    keyOf: (contact) => itemKey(contact.id!, contact.changeKey ?? ''),
  };
}

/** Every contact folder as a collection: the default folder first, then those under it by path. */
export async function allFolders(session: GraphSession): Promise<PolledCollection<ContactRecord>[]> {
  const ids = [DEFAULT_CONTACT_FOLDER, ...(await listContactFolders(session)).map((f) => f.id)];
  if (ids.length > MAX_COLLECTIONS) {
    throw new InputError('contactFolderId', `the mailbox has ${ids.length} contact folders, more than the ${MAX_COLLECTIONS} one trigger can keep track of: pick one folder (a flow per folder)`);
  }
  return ids.map((id) => ({ key: collectionKey(id), spec: contactPollSpec(session.root, id) }));
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetContactsConfig, snapshot: unknown): Promise<void> {
  const noun = 'new or changed contact(s)';
  if (isAbsent(cfg.contactFolderId)) {
    await runPollingTriggerOverCollections<ContactRecord>(this, cfg, snapshot, allFolders, noun);
  } else {
    await runPollingTrigger<ContactRecord>(this, cfg, snapshot, (root) => contactPollSpec(root, cfg.contactFolderId), noun);
  }
}

// The Contact folder field's dropdown: sailor looks its model up on this module.
export { getContactFolders } from '../platform/dropdowns';
export { processTrigger as process };
