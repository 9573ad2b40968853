/**
 * Find or Create Folder: a mail folder by its path (`Inbox/Projects/Alpha`), each level found by
 * name and, with Create missing folders, created where missing. Safe to repeat and to run in
 * parallel: what exists is found, not created again, and two runs creating the same folder at once
 * end with the one folder (graph/folders.ts resolveFolderPath).
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { resolveFolderPath } from '../graph/folders';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { inputObject, parseFlag } from '../validation/fields';
import { parseFolderPath } from '../validation/mailInputs';

export interface LookupFolderConfig extends StepConfig {
  createMissing?: boolean | string;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: LookupFolderConfig) {
  const names = parseFolderPath(inputObject(msg.body).path, 'path');
  const create = parseFlag(cfg.createMissing, 'createMissing');
  const session = createSession(cfg, this);
  const folder = await resolveFolderPath(session, names, { create, field: 'path' });
  this.logger.info(folder.created ? 'Folder created' : 'Folder found');
  return newMessageWithBody({ id: folder.id, path: folder.path, created: folder.created });
}

export { processAction as process };
