"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CATEGORY_LIMITS = exports.DEFAULT_MAX_RESULTS = exports.MAX_RESULTS = exports.MAX_SEARCH_QUERY = exports.MAX_INTERNET_MESSAGE_ID = exports.MAX_FOLDER_DEPTH = exports.MAX_FOLDER_NAME = void 0;
exports.parseFolderPath = parseFolderPath;
exports.parseInternetMessageId = parseInternetMessageId;
exports.parseSearchQuery = parseSearchQuery;
exports.searchParameter = searchParameter;
exports.parseDueDate = parseDueDate;
exports.parseCategories = parseCategories;
/**
 * Input checks of the steps that act on mail and folders: folder paths, Internet Message-IDs,
 * KQL search queries, follow-up due dates, categories. Pure: each returns the clean value or throws
 * an InputError naming the field and what it accepts.
 */
const errors_1 = require("../errors");
const datetime_1 = require("./datetime");
const echo_1 = require("./echo");
const fields_1 = require("./fields");
const text_1 = require("./text");
/** Exchange's longest folder name. */
exports.MAX_FOLDER_NAME = 255;
/** Levels of a folder path the steps walk (each costs a request or two). */
exports.MAX_FOLDER_DEPTH = 32;
/** What one Internet Message-ID may hold: RFC 5322's longest line. */
exports.MAX_INTERNET_MESSAGE_ID = 998;
/** A KQL query is sent in the URL; this keeps it far from Graph's URL limits. */
exports.MAX_SEARCH_QUERY = 1000;
/** Find Mail's maxResults: the most one message may ask for, and the default. */
exports.MAX_RESULTS = 100_000;
exports.DEFAULT_MAX_RESULTS = 1000;
/** Outlook's limits on the categories of one item, as Create Event applies them. */
exports.CATEGORY_LIMITS = { maxItems: 25, maxLength: 255 };
const PATH_EXAMPLE = "e.g. 'Inbox/Projects/Alpha': folder names separated by /, the first one a top-level folder or a well-known name (Inbox, Archive, Sent Items...)";
/** `Inbox/Projects/Alpha` as its folder names, each trimmed; the first names a top-level or well-known folder. */
function parseFolderPath(value, field) {
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `must be a folder path as text, ${PATH_EXAMPLE}`);
    if (text_1.CONTROL_CHARS.test(value))
        throw new errors_1.InputError(field, `must not hold control characters or line breaks; ${PATH_EXAMPLE}`);
    const names = value.trim().replace(/^\/+|\/+$/g, '').split('/').map((name) => name.trim());
    if (names.length === 1 && names[0] === '')
        throw new errors_1.InputError(field, `is empty: give a folder path, ${PATH_EXAMPLE}`);
    if (names.length > exports.MAX_FOLDER_DEPTH)
        throw new errors_1.InputError(field, `has ${names.length} levels; at most ${exports.MAX_FOLDER_DEPTH} are accepted`);
    names.forEach((name, index) => {
        if (name === '')
            throw new errors_1.InputError(field, `level ${index + 1} is empty (two / in a row): write the names separated by single slashes, ${PATH_EXAMPLE}`);
        if (name.length > exports.MAX_FOLDER_NAME)
            throw new errors_1.InputError(field, `level ${index + 1} is ${name.length} characters long; folder names take at most ${exports.MAX_FOLDER_NAME}`);
    });
    return names;
}
/**
 * An Internet Message-ID (the Message-ID header), with or without its angle brackets:
 * `<id@host>` as Outlook stores it.
 */
function parseInternetMessageId(value, field) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new errors_1.InputError(field, "must be the mail's Message-ID header as text, e.g. '<CAB1234@mail.example.com>'");
    }
    const bare = value.trim().replace(/^<(.*)>$/, '$1');
    if (bare.length + 2 > exports.MAX_INTERNET_MESSAGE_ID)
        throw new errors_1.InputError(field, `is ${bare.length + 2} characters long; at most ${exports.MAX_INTERNET_MESSAGE_ID} are accepted`);
    // RFC 5322 wants left@right, but Outlook keeps what senders wrote (Microsoft's own examples lack the @).
    if (!/^[^\s<>]+$/.test(bare) || text_1.CONTROL_CHARS.test(bare)) {
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(value.length > 60 ? `${value.slice(0, 60)}…` : value)} is not a Message-ID: expected one word without spaces, in angle brackets or not ('<left@right>'), as the mail's internetMessageId shows it`);
    }
    return `<${bare}>`;
}
/**
 * A KQL query for `$search`, as Outlook's search box takes it. It travels inside double quotes
 * (`$search="..."`), so a double quote or backslash in it is escaped; the quotes must pair up.
 */
function parseSearchQuery(value, field) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, "must be a search query as text, e.g. 'from:ann subject:invoice'");
    const query = value.trim();
    if (!query)
        throw new errors_1.InputError(field, "is only spaces: give a search query, e.g. 'from:ann subject:invoice', or leave it empty to use the filters");
    if (query.length > exports.MAX_SEARCH_QUERY)
        throw new errors_1.InputError(field, `is ${query.length} characters long; at most ${exports.MAX_SEARCH_QUERY} are accepted`);
    if (text_1.CONTROL_CHARS.test(query))
        throw new errors_1.InputError(field, 'must not hold control characters or line breaks: write the query on one line');
    if ((query.match(/"/g) ?? []).length % 2 !== 0)
        throw new errors_1.InputError(field, 'has a double quote without its closing one: write phrases between two double quotes, such as subject:"annual report"');
    return query;
}
/** The `$search` value for a query: in double quotes, `\` and `"` escaped. */
function searchParameter(query) {
    return `"${query.replace(/[\\"]/g, '\\$&')}"`;
}
/**
 * A follow-up due date: a date (`2026-03-10`, the whole day) or a date-time with Z or an offset,
 * as Graph's dateTimeTimeZone in UTC.
 */
function parseDueDate(value, field) {
    if ((0, fields_1.isAbsent)(value))
        return undefined;
    const dateOnly = typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);
    return (0, datetime_1.parseEventTime)(value, field, { allDay: dateOnly });
}
/** Category names, as a list or comma-separated text; Outlook compares them ignoring case. */
function parseCategories(value, field) {
    const names = (0, fields_1.stringList)(value, field, exports.CATEGORY_LIMITS);
    names.forEach((name, index) => {
        if (text_1.CONTROL_CHARS.test(name))
            throw new errors_1.InputError(`${field}[${index}]`, 'must not hold control characters; give the category name as Outlook shows it');
    });
    return names;
}
