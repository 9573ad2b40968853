/**
 * Contact Changes: what happens to the contacts of one contact folder, through Graph's delta query
 * for contacts (contact: delta, served on `/contactFolders/{id}/contacts/delta`; the default folder
 * by its well-known name `contacts`). One chain follows all three kinds, told apart by when each
 * contact was created (as for calendar views); removals come under `@removed`. The shared machinery
 * is graph/delta.ts, graph/deltaState.ts and platform/deltaTrigger.ts.
 */
import { CONTACT_FIELDS, DEFAULT_CONTACT_FOLDER, isDefaultContactFolder } from '../graph/contacts';
import type { ContactFolderConfig, ContactRecord } from '../graph/contacts';
import type { DeltaChainSpec } from '../graph/delta';
import { itemFacts } from '../graph/deltaState';
import type { ChangeType } from '../graph/deltaState';
import type { StepContext } from '../graph/logger';
import { idSegment, queryString } from '../graph/odata';
import { runDeltaTrigger } from '../platform/deltaTrigger';
import type { DeltaTriggerSpec } from '../platform/deltaTrigger';
import { parseChangeTypes } from '../validation/changeTypes';

export interface GetContactChangesConfig extends ContactFolderConfig {
  changeTypes?: unknown;
  startTime?: string;
}

/** Contacts per page: Graph's largest, so a first read of a folder of 1,000 contacts is one request. */
export const CONTACT_DELTA_PAGE_SIZE = 1000;

/** The contact as Poll for New and Updated Contacts emits it: the same fields, in the same order. */
function contactOf(item: ContactRecord): Record<string, unknown> {
  return Object.fromEntries(CONTACT_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}

export function contactChangesSpec(cfg: GetContactChangesConfig, root: string): DeltaTriggerSpec<ContactRecord> {
  const folder = isDefaultContactFolder(cfg.contactFolderId) ? DEFAULT_CONTACT_FOLDER : idSegment(cfg.contactFolderId, 'contactFolderId');
  const emits = parseChangeTypes(cfg.changeTypes, 'changeTypes', ['created', 'updated', 'deleted']);
  const shown = folder === DEFAULT_CONTACT_FOLDER ? 'the default Contacts folder' : `contact folder ${decodeURIComponent(folder).slice(0, 24)}`;
  const chain: DeltaChainSpec = {
    name: 'changes',
    kind: 'changes',
    initialPath: `${root}/contactFolders/${folder}/contacts/delta${queryString({ select: CONTACT_FIELDS })}`,
    pageSize: CONTACT_DELTA_PAGE_SIZE,
    label: `contacts of ${shown}`,
  };
  return {
    scope: `contacts|${root.toLowerCase()}|${folder}`,
    chains: [chain],
    emits,
    facts: (item) => itemFacts(item, 'createdDateTime'),
    output: (type: ChangeType, item, facts) => (type === 'deleted'
      ? { changeType: type, id: facts.id, reason: (item['@removed'] as { reason?: string } | undefined)?.reason ?? 'deleted' }
      : { changeType: type, id: facts.id, contact: contactOf(item) }),
  };
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetContactChangesConfig, snapshot: unknown): Promise<void> {
  await runDeltaTrigger<ContactRecord>(this, cfg, snapshot, (root) => contactChangesSpec(cfg, root));
}

// The Contact folder field's dropdown: sailor looks its model up on this module.
export { getContactFolders } from '../platform/dropdowns';
export { processTrigger as process };
