"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listMailFolders = listMailFolders;
const odata_1 = require("./odata");
const FOLDER_QUERY = (0, odata_1.queryString)({ select: ['id', 'displayName', 'childFolderCount'], top: 250 });
async function listAll(session, path) {
    const folders = [];
    for await (const page of session.pages(`${path}${FOLDER_QUERY}`))
        folders.push(...page.items);
    return folders;
}
async function listMailFolders(session) {
    const result = [];
    let level = (await listAll(session, `${session.root}/mailFolders`)).map((folder) => ({ folder, path: folder.displayName ?? '' }));
    while (level.length) {
        result.push(...level.map(({ folder, path }) => ({ id: folder.id, path })));
        const parents = level.filter(({ folder }) => (folder.childFolderCount ?? 0) > 0);
        const children = await Promise.all(parents.map(async ({ folder, path }) => {
            const kids = await listAll(session, `${session.root}/mailFolders/${(0, odata_1.idSegment)(folder.id, 'folderId')}/childFolders`);
            return kids.map((kid) => ({ folder: kid, path: `${path} / ${kid.displayName ?? ''}` }));
        }));
        level = children.flat();
    }
    return result.sort((a, b) => a.path.localeCompare(b.path));
}
