"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listMailFolders = listMailFolders;
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
