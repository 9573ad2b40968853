/**
 * Mail Changes in Folder: what happens to the mail of one folder, through Graph's delta query
 * (message: delta), one chain per kind of change asked for, so that Outlook itself says what was
 * created (delivered or moved in, whatever its age), updated (read, flagged, categorised) or
 * deleted (deleted or moved out). The shared machinery is graph/delta.ts, graph/deltaState.ts and
 * platform/deltaTrigger.ts.
 */
import type { Message } from '@microsoft/microsoft-graph-types';
import type { DeltaChainSpec } from '../graph/delta';
import { itemFacts } from '../graph/deltaState';
import type { ChangeType } from '../graph/deltaState';
import type { StepContext } from '../graph/logger';
import { MAIL_FIELDS, MAIL_PAGE_SIZE } from '../graph/messages';
import { idSegment, queryString } from '../graph/odata';
import type { StepConfig } from '../graph/session';
import { runDeltaTrigger } from '../platform/deltaTrigger';
import type { DeltaTriggerSpec } from '../platform/deltaTrigger';
import { parseChangeTypes } from '../validation/changeTypes';
import { isAbsent } from '../validation/fields';

export interface GetMailFolderChangesConfig extends StepConfig {
  folderId?: string;
  changeTypes?: unknown;
  startTime?: string;
}

type DeltaMessage = Message & Record<string, unknown>;

/** Each change Graph reports: the mail's fields, and the time it changed for the rules of a resync. */
const CHANGE_SELECT = [...MAIL_FIELDS, 'lastModifiedDateTime'];

/** The message as the time-cursor trigger emits it: the same fields, in the same order. */
function messageOf(item: DeltaMessage): Record<string, unknown> {
  return Object.fromEntries(MAIL_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}

export function mailChangesSpec(cfg: GetMailFolderChangesConfig, root: string): DeltaTriggerSpec<DeltaMessage> {
  const folder = idSegment(isAbsent(cfg.folderId) ? 'inbox' : cfg.folderId, 'folderId');
  const types = parseChangeTypes(cfg.changeTypes, 'changeTypes');
  const path = `${root}/mailFolders/${folder}/messages/delta`;
  const shown = decodeURIComponent(folder).slice(0, 24);
  // Removals first. A mail moved out and back in between two polls shows in both chains, its
  // removal in this one and its return in the created chain, each round fixed at its own first
  // page; emitted the other way round, the folder's last word on a mail in it was "deleted", which
  // also made the trigger forget the arrival, so a later resync emitted it again.
  const ordered = [...types.filter((type) => type === 'deleted'), ...types.filter((type) => type !== 'deleted')];
  const chains: DeltaChainSpec[] = ordered.map((type) => ({
    name: type,
    kind: type,
    // A removal carries only its id; the other kinds need the mail itself.
    initialPath: `${path}?changeType=${type}&${queryString({ select: type === 'deleted' ? ['id'] : CHANGE_SELECT }).slice(1)}`,
    pageSize: MAIL_PAGE_SIZE,
    label: `${type} mail in folder ${shown}`,
  }));
  return {
    scope: `mail|${root.toLowerCase()}|${folder}`,
    chains,
    facts: (item) => itemFacts(item, 'receivedDateTime'),
    output: (type: ChangeType, item, facts) => (type === 'deleted'
      ? { changeType: type, id: facts.id, reason: (item['@removed'] as { reason?: string } | undefined)?.reason ?? 'deleted' }
      : { changeType: type, id: facts.id, message: messageOf(item) }),
  };
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetMailFolderChangesConfig, snapshot: unknown): Promise<void> {
  await runDeltaTrigger<DeltaMessage>(this, cfg, snapshot, (root) => mailChangesSpec(cfg, root));
}

// The Folder field's dropdown: sailor looks its model up on this module.
export { getFolders } from '../platform/dropdowns';
export { processTrigger as process };
