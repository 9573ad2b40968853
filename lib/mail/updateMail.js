"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CATEGORY_ATTEMPTS = void 0;
exports.parseUpdate = parseUpdate;
exports.applyCategories = applyCategories;
exports.process = processAction;
/**
 * Update Mail: read state, follow-up flag (with a due date), importance and categories of a mail;
 * only what is given changes. Replacing the categories is one PATCH. Adding or removing some reads
 * the categories with the mail's version (@odata.etag) and writes the result back with If-Match:
 * when the mail changed in between (another flow, a user in Outlook), Outlook refuses it with
 * 412 and the step reads again, so no concurrent change is lost. Every request is idempotent: a
 * replayed message sets what is set already.
 */
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const errors_2 = require("../graph/errors");
const messages_2 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const fields_1 = require("../validation/fields");
const mailInputs_1 = require("../validation/mailInputs");
const FLAG_STATUSES = ['notFlagged', 'flagged', 'complete'];
const MODES = ['replace', 'add', 'remove'];
/** Reads and conditional writes of the categories before giving up on a mail that keeps changing. */
exports.CATEGORY_ATTEMPTS = 5;
const OUT_FIELDS = ['id', 'isRead', 'importance', 'flag', 'categories', 'lastModifiedDateTime'];
/** The update the input asks for; refused when it asks for nothing, or for a due date without a flag. */
function parseUpdate(input) {
    const patch = {};
    if (!(0, fields_1.isAbsent)(input.isRead))
        patch.isRead = (0, fields_1.parseFlag)(input.isRead, 'isRead');
    const importance = (0, fields_1.oneOf)(input.importance, 'importance', ['low', 'normal', 'high']);
    if (importance)
        patch.importance = importance;
    const status = (0, fields_1.oneOf)(input.flagStatus, 'flagStatus', FLAG_STATUSES);
    const due = (0, mailInputs_1.parseDueDate)(input.flagDueDate, 'flagDueDate');
    if (status || due) {
        // A cleared flag has no dates (Outlook drops them); a completed one keeps them. Graph refuses a
        // due date without a start date: the follow-up starts on its due date.
        const when = due && status !== 'notFlagged' && { dateTime: due.dateTime, timeZone: due.timeZone };
        patch.flag = { flagStatus: status ?? 'flagged', ...(when && { startDateTime: when, dueDateTime: when }) };
    }
    const mode = (0, fields_1.oneOf)(input.categoriesMode, 'categoriesMode', MODES, 'replace');
    let categories;
    // categoriesMode without categories changes nothing: it only says how to apply them.
    if (!(0, fields_1.isAbsent)(input.categories)) {
        const names = dedupe((0, mailInputs_1.parseCategories)(input.categories, 'categories'));
        if (mode !== 'replace' && !names.length)
            throw new errors_1.InputError('categories', `is empty: give the categories to ${mode}, as a list or comma-separated`);
        if (mode === 'replace')
            patch.categories = names;
        else
            categories = { mode, names };
    }
    if (!Object.keys(patch).length && !categories) {
        throw new errors_1.InputError('isRead', 'nothing to change: give at least one of isRead, flagStatus, flagDueDate, importance, categories');
    }
    return { patch, categories };
}
/** Outlook treats category names without regard to case: one of each. */
function dedupe(names) {
    const seen = new Set();
    return names.filter((name) => {
        const key = name.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The categories after adding or removing `names`, keeping the mail's own spelling and order. */
function applyCategories(current, change) {
    const wanted = new Set(change.names.map((name) => name.toLowerCase()));
    if (change.mode === 'remove')
        return current.filter((name) => !wanted.has(name.toLowerCase()));
    const have = new Set(current.map((name) => name.toLowerCase()));
    return [...current, ...change.names.filter((name) => !have.has(name.toLowerCase()))];
}
const isConflict = (err) => err instanceof errors_2.GraphRequestError && err.statusCode === 412;
/** Adds or removes categories against the mail's current version, again after each conflict. */
async function updateCategories(session, path, update) {
    const change = update.categories;
    for (let attempt = 1;; attempt += 1) {
        const mail = await (0, messages_2.readMessage)(session, path, OUT_FIELDS);
        if (!mail)
            throw (0, messages_2.mailNotFound)('messageId');
        const categories = applyCategories(mail.categories ?? [], change);
        const unchanged = categories.length === (mail.categories ?? []).length && categories.every((name, i) => name === mail.categories[i]);
        if (unchanged && !Object.keys(update.patch).length)
            return mail;
        try {
            return (await session.patch(path, { ...update.patch, categories }, { idempotent: true, headers: { 'If-Match': String(mail['@odata.etag']) } })).body;
        }
        catch (err) {
            if (!isConflict(err) || attempt >= exports.CATEGORY_ATTEMPTS)
                throw err;
        }
    }
}
async function processAction(msg, cfg) {
    const input = (0, fields_1.inputObject)(msg.body);
    (0, odata_1.idSegment)(input.messageId, 'messageId');
    const update = parseUpdate(input);
    const session = (0, session_1.createSession)(cfg, this);
    const path = (0, messages_2.messagePath)(session, input.messageId);
    let mail;
    try {
        mail = update.categories
            ? await updateCategories(session, path, update)
            : (await session.patch(path, update.patch, { idempotent: true })).body;
    }
    catch (err) {
        if ((0, messages_2.isNotFound)(err))
            throw (0, messages_2.mailNotFound)('messageId');
        throw err;
    }
    this.logger.info(`Mail updated: ${[...Object.keys(update.patch), ...(update.categories ? [`categories (${update.categories.mode})`] : [])].join(', ')}`);
    return (0, messages_1.newMessageWithBody)(Object.fromEntries(OUT_FIELDS.map((field) => [field, mail[field] ?? null])));
}
