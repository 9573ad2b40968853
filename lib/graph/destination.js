"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseDestination = parseDestination;
exports.resolveDestination = resolveDestination;
/**
 * The folder Move Mail and Copy Mail put a mail in: picked in the step's configuration
 * (`destinationFolderId`, the Folder dropdown) or mapped in the input, as an id or well-known name
 * (`destinationFolderId`) or as a path (`destinationFolderPath`, `Inbox/Projects/Alpha`). The input
 * wins over the configuration, and of the two inputs the id (exact) over the path. Resolved to the folder's own id, which is what a mail's
 * parentFolderId shows, so a replay can tell that a mail is already there.
 */
const errors_1 = require("../errors");
const fields_1 = require("../validation/fields");
const mailInputs_1 = require("../validation/mailInputs");
const messages_1 = require("./messages");
const folders_1 = require("./folders");
const odata_1 = require("./odata");
const NAMES = 'destinationFolderId (an id or a well-known name such as archive) or destinationFolderPath (e.g. Inbox/Projects/Alpha)';
/** Checked before any request. */
function parseDestination(input, cfg) {
    // A path mapped beside an id is still checked: a bad one is an error, not silently ignored.
    const path = (0, fields_1.isAbsent)(input.destinationFolderPath) ? undefined : (0, mailInputs_1.parseFolderPath)(input.destinationFolderPath, 'destinationFolderPath');
    if (!(0, fields_1.isAbsent)(input.destinationFolderId))
        return { kind: 'id', segment: (0, odata_1.idSegment)(input.destinationFolderId, 'destinationFolderId'), field: 'destinationFolderId' };
    if (path)
        return { kind: 'path', names: path, field: 'destinationFolderPath' };
    if ((0, fields_1.isAbsent)(cfg.destinationFolderId)) {
        throw new errors_1.InputError('destinationFolderId', `is required: pick the destination folder in the step settings, or map ${NAMES}`);
    }
    return { kind: 'id', segment: (0, odata_1.idSegment)(cfg.destinationFolderId, 'destinationFolderId'), field: 'destinationFolderId' };
}
/** The destination folder's id. */
async function resolveDestination(session, destination) {
    if (destination.kind === 'path')
        return (await (0, folders_1.resolveFolderPath)(session, destination.names, { create: false, field: destination.field })).id;
    try {
        return (await session.get(`${session.root}/mailFolders/${destination.segment}${(0, odata_1.queryString)({ select: ['id'] })}`)).body.id;
    }
    catch (err) {
        if ((0, messages_1.isNotFound)(err))
            throw new errors_1.InputError(destination.field, `names no folder of this mailbox (deleted, or a folder of another mailbox); pick it again, or map ${NAMES}`);
        throw err;
    }
}
