/**
 * Every mail folder of a mailbox with its full path ("Inbox / Projects / Alpha"): Graph lists only
 * top-level folders under /mailFolders, so children are walked level by level, each level's
 * requests in parallel (the session caps them at Outlook's 4 per mailbox).
 */
import type { MailFolder } from '@microsoft/microsoft-graph-types';
import { idSegment, queryString } from './odata';
import type { GraphSession } from './session';

export interface FolderEntry {
  id: string;
  path: string;
}

const FOLDER_QUERY = queryString({ select: ['id', 'displayName', 'childFolderCount'], top: 250 });

export async function listMailFolders(session: GraphSession): Promise<FolderEntry[]> {
  const result: FolderEntry[] = [];
  let level = (await session.all<MailFolder>(`${session.root}/mailFolders${FOLDER_QUERY}`)).map((folder) => ({ folder, path: folder.displayName ?? '' }));
  while (level.length) {
    result.push(...level.map(({ folder, path }) => ({ id: folder.id!, path })));
    const parents = level.filter(({ folder }) => (folder.childFolderCount ?? 0) > 0);
    const children = await Promise.all(parents.map(async ({ folder, path }) => {
      const kids = await session.all<MailFolder>(`${session.root}/mailFolders/${idSegment(folder.id, 'folderId')}/childFolders${FOLDER_QUERY}`);
      return kids.map((kid) => ({ folder: kid, path: `${path} / ${kid.displayName ?? ''}` }));
    }));
    level = children.flat();
  }
  return result.sort((a, b) => a.path.localeCompare(b.path));
}
