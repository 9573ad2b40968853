"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getFolders = void 0;
exports.parseMailQuery = parseMailQuery;
exports.filterExpression = filterExpression;
exports.matchesFilters = matchesFilters;
exports.firstPage = firstPage;
exports.process = processAction;
const messages_1 = require("../graph/messages");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const errors_1 = require("../errors");
const batches_1 = require("../platform/batches");
const addresses_1 = require("../validation/addresses");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
const mailInputs_1 = require("../validation/mailInputs");
/** Where `receivedDateTime ge` starts when no received-after is given. */
const START_OF_TIME = Date.UTC(1900, 0, 1);
const optionalFlag = (value, field) => ((0, fields_1.isAbsent)(value) ? undefined : (0, fields_1.parseFlag)(value, field));
/** The query the input asks for, checked before any request. */
function parseMailQuery(input) {
    const [from] = (0, addresses_1.parseMailboxes)(input.from, 'from', { max: 1 });
    const filters = {
        from: from?.address,
        subjectContains: (0, fields_1.optionalText)(input.subjectContains, 'subjectContains', 255),
        receivedAfter: (0, fields_1.isAbsent)(input.receivedAfter) ? undefined : (0, datetime_1.parseInstant)(input.receivedAfter, 'receivedAfter'),
        receivedBefore: (0, fields_1.isAbsent)(input.receivedBefore) ? undefined : (0, datetime_1.parseInstant)(input.receivedBefore, 'receivedBefore'),
        isRead: optionalFlag(input.isRead, 'isRead'),
        hasAttachments: optionalFlag(input.hasAttachments, 'hasAttachments'),
        importance: (0, fields_1.oneOf)(input.importance, 'importance', ['low', 'normal', 'high']),
        categories: (0, mailInputs_1.parseCategories)(input.categories, 'categories'),
    };
    if (filters.receivedAfter !== undefined && filters.receivedBefore !== undefined && filters.receivedBefore <= filters.receivedAfter) {
        throw new errors_1.InputError('receivedBefore', 'must be later than receivedAfter: no mail can match both');
    }
    const search = (0, mailInputs_1.parseSearchQuery)(input.searchQuery, 'searchQuery');
    const maxResults = (0, fields_1.optionalInteger)(input.maxResults, 'maxResults', 1, mailInputs_1.MAX_RESULTS) ?? (search ? messages_1.SEARCH_RESULTS_LIMIT : mailInputs_1.DEFAULT_MAX_RESULTS);
    if (search && maxResults > messages_1.SEARCH_RESULTS_LIMIT) {
        throw new errors_1.InputError('maxResults', `is ${maxResults}, but a search query returns at most ${messages_1.SEARCH_RESULTS_LIMIT} mails (Microsoft Graph's limit): set it to ${messages_1.SEARCH_RESULTS_LIMIT} or less, or use the filters without a search query`);
    }
    return { search, filters, maxResults };
}
/** The `$filter` of a filter-only query; receivedDateTime first, as the `$orderby` on it requires. */
function filterExpression(f) {
    const parts = [`receivedDateTime ge ${(0, odata_1.instantLiteral)(f.receivedAfter ?? START_OF_TIME)}`];
    if (f.receivedBefore !== undefined)
        parts.push(`receivedDateTime lt ${(0, odata_1.instantLiteral)(f.receivedBefore)}`);
    if (f.from)
        parts.push(`from/emailAddress/address eq ${(0, odata_1.stringLiteral)(f.from)}`);
    if (f.subjectContains)
        parts.push(`contains(subject,${(0, odata_1.stringLiteral)(f.subjectContains)})`);
    if (f.isRead !== undefined)
        parts.push(`isRead eq ${f.isRead}`);
    if (f.hasAttachments !== undefined)
        parts.push(`hasAttachments eq ${f.hasAttachments}`);
    if (f.importance)
        parts.push(`importance eq ${(0, odata_1.stringLiteral)(f.importance)}`);
    for (const category of f.categories)
        parts.push(`categories/any(c:c eq ${(0, odata_1.stringLiteral)(category)})`);
    return parts.join(' and ');
}
/** The filters applied by the step to a search's results, as Exchange compares (text ignoring case). */
function matchesFilters(mail, f) {
    const lower = (text) => (text ?? '').toLowerCase();
    const received = Date.parse(mail.receivedDateTime ?? '');
    const have = new Set((mail.categories ?? []).map(lower));
    return (f.from === undefined || lower(mail.from?.emailAddress?.address) === lower(f.from))
        && (f.subjectContains === undefined || lower(mail.subject).includes(lower(f.subjectContains)))
        && (f.receivedAfter === undefined || received >= f.receivedAfter)
        && (f.receivedBefore === undefined || received < f.receivedBefore)
        && (f.isRead === undefined || mail.isRead === f.isRead)
        && (f.hasAttachments === undefined || mail.hasAttachments === f.hasAttachments)
        && (f.importance === undefined || mail.importance === f.importance)
        && f.categories.every((category) => have.has(lower(category)));
}
/** The first request: the folder's (or the mailbox's) messages, searched or filtered. */
function firstPage(root, folderId, query) {
    const collection = (0, fields_1.isAbsent)(folderId) ? `${root}/messages` : `${root}/mailFolders/${(0, odata_1.idSegment)(folderId, 'folderId')}/messages`;
    const top = Math.min(messages_1.MAIL_LIST_PAGE_SIZE, query.maxResults);
    if (query.search)
        return `${collection}${(0, odata_1.queryString)({ select: messages_1.MAIL_FIELDS, top })}&$search=${encodeURIComponent((0, mailInputs_1.searchParameter)(query.search))}`;
    return `${collection}${(0, odata_1.queryString)({ select: messages_1.MAIL_FIELDS, filter: filterExpression(query.filters), orderby: 'receivedDateTime desc', top })}`;
}
async function processAction(msg, cfg) {
    const query = parseMailQuery((0, fields_1.inputObject)(msg.body));
    const behaviour = (0, batches_1.parseEmitBehaviour)(cfg.emitBehaviour);
    if (!(0, fields_1.isAbsent)(cfg.folderId))
        (0, odata_1.idSegment)(cfg.folderId, 'folderId');
    const session = (0, session_1.createSession)(cfg, this);
    let found = 0;
    let page = 0;
    for await (const results of session.pages(firstPage(session.root, cfg.folderId, query))) {
        const mails = (query.search ? results.items.filter((mail) => matchesFilters(mail, query.filters)) : results.items).slice(0, query.maxResults - found);
        if (mails.length) {
            page += await (0, batches_1.emitItems)(this, behaviour, mails, page + 1);
            found += mails.length;
        }
        if (found >= query.maxResults)
            break;
    }
    this.logger.info(`Found ${found} mail(s)${found >= query.maxResults ? ` (maxResults ${query.maxResults} reached)` : ''}`);
}
// The Folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getFolders", { enumerable: true, get: function () { return dropdowns_1.getFolders; } });
