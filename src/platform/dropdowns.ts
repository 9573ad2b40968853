/**
 * The dropdown models (a field's `"model": "name"`). Sailor calls `module[name](cfg)` on the step's
 * own module, so every step module re-exports the ones its fields name; the code lives here once.
 */
import { listCalendars } from '../graph/calendars';
import { DEFAULT_CONTACT_FOLDER, listContactFolders } from '../graph/contacts';
import { listMailFolders } from '../graph/folders';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';

/** Every mail folder, nested ones by path. */
export async function getFolders(this: StepContext, cfg: StepConfig): Promise<Record<string, string>> {
  const folders = await listMailFolders(createSession(cfg, this));
  return Object.fromEntries(folders.map((folder) => [folder.id, folder.path]));
}

/** The default Contacts folder first, then every folder under it by path ("Contacts / Suppliers / Europe"). */
export async function getContactFolders(this: StepContext, cfg: StepConfig): Promise<Record<string, string>> {
  const folders = await listContactFolders(createSession(cfg, this));
  return { [DEFAULT_CONTACT_FOLDER]: 'Contacts (default folder)', ...Object.fromEntries(folders.map((folder) => [folder.id, folder.path])) };
}

/** The mailbox's calendars, the default one first. */
export async function getCalendars(this: StepContext, cfg: StepConfig): Promise<Record<string, string>> {
  return listCalendars(createSession(cfg, this));
}
