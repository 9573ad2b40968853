/**
 * Mail folders: every folder of a mailbox with its full path (the Folder dropdowns), and one folder
 * by its path, found or created level by level (Find or Create Folder, Move and Copy Mail).
 *
 * Every mail folder of a mailbox with its full path ("Inbox / Projects / Alpha"): Graph lists only
 * top-level folders under /mailFolders, so children are walked level by level, each level's
 * requests in parallel (the session caps them at Outlook's 4 per mailbox).
 */
import type { MailFolder } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { quote } from '../validation/echo';
import { GraphRequestError } from './errors';
import { idSegment, queryString, stringLiteral } from './odata';
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

// ---- folders by path ----

/**
 * Names Graph takes in place of a folder id (mailfolder.md), reached here also by the display names
 * Outlook gives them in English ("Sent Items"): the first level of a path.
 */
const WELL_KNOWN_FOLDERS = ['inbox', 'sentitems', 'drafts', 'deleteditems', 'archive', 'junkemail', 'outbox', 'msgfolderroot'];

/** The well-known name `name` stands for (any case, spaces ignored), if any. */
export function wellKnownFolder(name: string): string | undefined {
  const key = name.toLowerCase().replace(/\s+/g, '');
  return WELL_KNOWN_FOLDERS.includes(key) ? key : undefined;
}

interface FolderRef {
  id: string;
  displayName: string;
}

export interface ResolvedFolder {
  id: string;
  /** The display names from the first level down, separated by `/`. */
  path: string;
  /** Whether this run created a level (false when it found them all). */
  created: boolean;
}

const FOLDER_SELECT = ['id', 'displayName'];
/** Outlook compares folder names ignoring case: a folder "projects" blocks creating "Projects". */
const sameName = (a: string | undefined, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();

/** The folder named `name` among those listed at `collection`, hidden ones too when `hidden`. */
async function childNamed(session: GraphSession, collection: string, name: string, hidden = false): Promise<FolderRef | undefined> {
  if (!hidden) {
    const { items } = await session.page<FolderRef>(`${collection}${queryString({ select: FOLDER_SELECT, filter: `displayName eq ${stringLiteral(name)}`, top: 10 })}`);
    return items.find((folder) => sameName(folder.displayName, name));
  }
  // Without a filter: after Outlook said the name is taken, whatever it matches by.
  for await (const page of session.pages<FolderRef>(`${collection}${queryString({ select: FOLDER_SELECT, top: 250 })}&includeHiddenFolders=true`)) {
    const found = page.items.find((folder) => sameName(folder.displayName, name));
    if (found) return found;
  }
  return undefined;
}

/** A POST that creates a folder, whose answer may say it exists already or may be lost. */
async function createFolder(session: GraphSession, collection: string, name: string): Promise<FolderRef | 'exists' | 'unknown'> {
  try {
    return (await session.post<FolderRef>(collection, { displayName: name }, { idempotent: false })).body;
  } catch (err) {
    if (err instanceof GraphRequestError) {
      if (err.statusCode === 409 && err.code === 'ErrorFolderExists') return 'exists';
      if (err.statusCode === undefined || err.statusCode >= 500) return 'unknown';
    }
    throw err;
  }
}

/** Tries before giving up on creating one level whose answers keep getting lost. */
const CREATE_ATTEMPTS = 3;

/**
 * The level `name` under `collection`, found or (with `create`) created. Creating what exists, or
 * what a concurrent run created a moment before, ends with the one folder (409 ErrorFolderExists is
 * answered by looking it up); a create whose answer is lost is looked up before it is repeated.
 */
async function level(session: GraphSession, collection: string, name: string, at: { path: string; create: boolean; field: string }): Promise<{ folder: FolderRef; created: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    const found = await childNamed(session, collection, name);
    if (found) return { folder: found, created: false };
    if (!at.create) {
      throw new InputError(at.field, `there is no folder ${quote(name)} ${at.path ? `in ${quote(at.path)}` : 'at the top level'} of the mailbox; check the path (names as Outlook shows them), or create the folders first (Find or Create Folder with Create missing folders)`);
    }
    const outcome = await createFolder(session, collection, name);
    if (typeof outcome === 'object') return { folder: outcome, created: true };
    if (outcome === 'exists') {
      const taken = await childNamed(session, collection, name, true);
      if (taken) return { folder: taken, created: false };
      throw new GraphRequestError(`Outlook says a folder ${quote(name)} already exists ${at.path ? `in ${quote(at.path)}` : 'at the top level'} but lists none of that name: pick the folder by its id instead.`, 409, 'ErrorFolderExists', undefined);
    }
    if (attempt >= CREATE_ATTEMPTS) {
      throw new GraphRequestError(`Creating the folder ${quote(name)} failed ${attempt} times without an answer from Outlook; retry the message (folders already created are found, not created again).`, undefined, 'network', undefined);
    }
  }
}

/**
 * The folder at `names` (see validation/mailInputs.ts parseFolderPath): the first level a
 * well-known folder or a top-level one, each next one a child folder, looked up by name and,
 * with `create`, created where missing.
 */
export async function resolveFolderPath(session: GraphSession, names: readonly string[], options: { create: boolean; field: string }): Promise<ResolvedFolder> {
  const [first, ...rest] = names;
  const known = wellKnownFolder(first);
  let current: FolderRef;
  let created = false;
  if (known) {
    current = (await session.get<FolderRef>(`${session.root}/mailFolders/${known}${queryString({ select: FOLDER_SELECT })}`)).body;
  } else {
    const top = await level(session, `${session.root}/mailFolders`, first, { path: '', ...options });
    ({ folder: current } = top);
    created = top.created;
  }
  const path = [current.displayName];
  for (const name of rest) {
    const next = await level(session, `${session.root}/mailFolders/${idSegment(current.id, options.field)}/childFolders`, name, { path: path.join('/'), ...options });
    current = next.folder;
    created ||= next.created;
    path.push(current.displayName);
  }
  return { id: current.id, path: path.join('/'), created };
}
