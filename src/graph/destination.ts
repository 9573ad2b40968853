/**
 * The folder Move Mail and Copy Mail put a mail in: picked in the step's configuration
 * (`destinationFolderId`, the Folder dropdown) or mapped in the input, as an id or well-known name
 * (`destinationFolderId`) or as a path (`destinationFolderPath`, `Inbox/Projects/Alpha`). The input
 * wins over the configuration, and of the two inputs the id (exact) over the path. Resolved to the folder's own id, which is what a mail's
 * parentFolderId shows, so a replay can tell that a mail is already there.
 */
import { InputError } from '../errors';
import { isAbsent } from '../validation/fields';
import { parseFolderPath } from '../validation/mailInputs';
import { isNotFound } from './messages';
import { resolveFolderPath } from './folders';
import { idSegment, queryString } from './odata';
import type { GraphSession } from './session';

export type Destination =
  | { kind: 'id'; segment: string; field: string }
  | { kind: 'path'; names: string[]; field: string };

const NAMES = 'destinationFolderId (an id or a well-known name such as archive) or destinationFolderPath (e.g. Inbox/Projects/Alpha)';

/** Checked before any request. */
export function parseDestination(input: Record<string, unknown>, cfg: { destinationFolderId?: unknown }): Destination {
  // A path mapped beside an id is still checked: a bad one is an error, not silently ignored.
  const path = isAbsent(input.destinationFolderPath) ? undefined : parseFolderPath(input.destinationFolderPath, 'destinationFolderPath');
  if (!isAbsent(input.destinationFolderId)) return { kind: 'id', segment: idSegment(input.destinationFolderId, 'destinationFolderId'), field: 'destinationFolderId' };
  if (path) return { kind: 'path', names: path, field: 'destinationFolderPath' };
  if (isAbsent(cfg.destinationFolderId)) {
    throw new InputError('destinationFolderId', `is required: pick the destination folder in the step settings, or map ${NAMES}`);
  }
  return { kind: 'id', segment: idSegment(cfg.destinationFolderId, 'destinationFolderId'), field: 'destinationFolderId' };
}

/** The destination folder's id. */
export async function resolveDestination(session: GraphSession, destination: Destination): Promise<string> {
  if (destination.kind === 'path') return (await resolveFolderPath(session, destination.names, { create: false, field: destination.field })).id;
  try {
    return (await session.get<{ id: string }>(`${session.root}/mailFolders/${destination.segment}${queryString({ select: ['id'] })}`)).body.id;
  } catch (err) {
    if (isNotFound(err)) throw new InputError(destination.field, `names no folder of this mailbox (deleted, or a folder of another mailbox); pick it again, or map ${NAMES}`);
    throw err;
  }
}
