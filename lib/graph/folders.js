"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listMailFolders = listMailFolders;
exports.wellKnownFolder = wellKnownFolder;
exports.resolveFolderPath = resolveFolderPath;
const errors_1 = require("../errors");
const echo_1 = require("../validation/echo");
const errors_2 = require("./errors");
const odata_1 = require("./odata");
const FOLDER_QUERY = (0, odata_1.queryString)({ select: ['id', 'displayName', 'childFolderCount'], top: 250 });
async function listMailFolders(session) {
    const result = [];
    let level = (await session.all(`${session.root}/mailFolders${FOLDER_QUERY}`)).map((folder) => ({ folder, path: folder.displayName ?? '' }));
    while (level.length) {
        result.push(...level.map(({ folder, path }) => ({ id: folder.id, path })));
        const parents = level.filter(({ folder }) => (folder.childFolderCount ?? 0) > 0);
        const children = await Promise.all(parents.map(async ({ folder, path }) => {
            const kids = await session.all(`${session.root}/mailFolders/${(0, odata_1.idSegment)(folder.id, 'folderId')}/childFolders${FOLDER_QUERY}`);
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
function wellKnownFolder(name) {
    const key = name.toLowerCase().replace(/\s+/g, '');
    return WELL_KNOWN_FOLDERS.includes(key) ? key : undefined;
}
const FOLDER_SELECT = ['id', 'displayName'];
/** Outlook compares folder names ignoring case: a folder "projects" blocks creating "Projects". */
const sameName = (a, b) => (a ?? '').toLowerCase() === b.toLowerCase();
/** The folder named `name` among those listed at `collection`, hidden ones too when `hidden`. */
async function childNamed(session, collection, name, hidden = false) {
    if (!hidden) {
        const { items } = await session.page(`${collection}${(0, odata_1.queryString)({ select: FOLDER_SELECT, filter: `displayName eq ${(0, odata_1.stringLiteral)(name)}`, top: 10 })}`);
        return items.find((folder) => sameName(folder.displayName, name));
    }
    // Without a filter: after Outlook said the name is taken, whatever it matches by.
    for await (const page of session.pages(`${collection}${(0, odata_1.queryString)({ select: FOLDER_SELECT, top: 250 })}&includeHiddenFolders=true`)) {
        const found = page.items.find((folder) => sameName(folder.displayName, name));
        if (found)
            return found;
    }
    return undefined;
}
/** A POST that creates a folder, whose answer may say it exists already or may be lost. */
async function createFolder(session, collection, name) {
    try {
        return (await session.post(collection, { displayName: name }, { idempotent: false })).body;
    }
    catch (err) {
        if (err instanceof errors_2.GraphRequestError) {
            if (err.statusCode === 409 && err.code === 'ErrorFolderExists')
                return 'exists';
            if (err.statusCode === undefined || err.statusCode >= 500)
                return 'unknown';
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
async function level(session, collection, name, at) {
    for (let attempt = 1;; attempt += 1) {
        const found = await childNamed(session, collection, name);
        if (found)
            return { folder: found, created: false };
        if (!at.create) {
            throw new errors_1.InputError(at.field, `there is no folder ${(0, echo_1.quote)(name)} ${at.path ? `in ${(0, echo_1.quote)(at.path)}` : 'at the top level'} of the mailbox; check the path (names as Outlook shows them), or create the folders first (Find or Create Folder with Create missing folders)`);
        }
        const outcome = await createFolder(session, collection, name);
        if (typeof outcome === 'object')
            return { folder: outcome, created: true };
        if (outcome === 'exists') {
            const taken = await childNamed(session, collection, name, true);
            if (taken)
                return { folder: taken, created: false };
            throw new errors_2.GraphRequestError(`Outlook says a folder ${(0, echo_1.quote)(name)} already exists ${at.path ? `in ${(0, echo_1.quote)(at.path)}` : 'at the top level'} but lists none of that name: pick the folder by its id instead.`, 409, 'ErrorFolderExists', undefined);
        }
        if (attempt >= CREATE_ATTEMPTS) {
            throw new errors_2.GraphRequestError(`Creating the folder ${(0, echo_1.quote)(name)} failed ${attempt} times without an answer from Outlook; retry the message (folders already created are found, not created again).`, undefined, 'network', undefined);
        }
    }
}
/**
 * The folder at `names` (see validation/mailInputs.ts parseFolderPath): the first level a
 * well-known folder or a top-level one, each next one a child folder, looked up by name and,
 * with `create`, created where missing.
 */
async function resolveFolderPath(session, names, options) {
    const [first, ...rest] = names;
    const known = wellKnownFolder(first);
    let current;
    let created = false;
    if (known) {
        current = (await session.get(`${session.root}/mailFolders/${known}${(0, odata_1.queryString)({ select: FOLDER_SELECT })}`)).body;
    }
    else {
        const top = await level(session, `${session.root}/mailFolders`, first, { path: '', ...options });
        ({ folder: current } = top);
        created = top.created;
    }
    const path = [current.displayName];
    for (const name of rest) {
        const next = await level(session, `${session.root}/mailFolders/${(0, odata_1.idSegment)(current.id, options.field)}/childFolders`, name, { path: path.join('/'), ...options });
        current = next.folder;
        created ||= next.created;
        path.push(current.displayName);
    }
    return { id: current.id, path: path.join('/'), created };
}
