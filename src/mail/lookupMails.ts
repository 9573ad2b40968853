/**
 * Find Mail: the mails of a folder (or the whole mailbox) that match either a search query
 * (Outlook's KQL, `$search`) or filters (`$filter`), newest first, at most maxResults, emitted page
 * by page (one message each, or one per page), so memory does not grow with the results.
 *
 * Graph takes `$search` with neither `$filter` nor `$orderby`, returns at most 1,000 results for
 * it, ordered by the time sent. So with a search query the filters are applied by the step to each
 * page of results, and maxResults may not exceed 1,000. With filters only, the results are ordered
 * by receivedDateTime, which Graph requires to lead the filter (it always does: `ge` the start of
 * time when no received-after is given).
 */
import type { StepContext } from '../graph/logger';
import { MAIL_FIELDS, MAIL_LIST_PAGE_SIZE as PAGE_SIZE, SEARCH_RESULTS_LIMIT } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment, instantLiteral, queryString, stringLiteral } from '../graph/odata';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { InputError } from '../errors';
import { emitItems, parseEmitBehaviour } from '../platform/batches';
import { parseMailboxes } from '../validation/addresses';
import { parseInstant } from '../validation/datetime';
import { inputObject, isAbsent, oneOf, optionalInteger, optionalText, parseFlag } from '../validation/fields';
import { DEFAULT_MAX_RESULTS, MAX_RESULTS, parseCategories, parseSearchQuery, searchParameter } from '../validation/mailInputs';

export interface LookupMailsConfig extends StepConfig {
  folderId?: string;
  emitBehaviour?: string;
}

/** Where `receivedDateTime ge` starts when no received-after is given. */
const START_OF_TIME = Date.UTC(1900, 0, 1);

export interface MailFilters {
  from?: string;
  subjectContains?: string;
  receivedAfter?: number;
  receivedBefore?: number;
  isRead?: boolean;
  hasAttachments?: boolean;
  importance?: 'low' | 'normal' | 'high';
  categories: string[];
}

export interface MailQuery {
  search?: string;
  filters: MailFilters;
  maxResults: number;
}

const optionalFlag = (value: unknown, field: string): boolean | undefined => (isAbsent(value) ? undefined : parseFlag(value, field));

/** The query the input asks for, checked before any request. */
export function parseMailQuery(input: Record<string, unknown>): MailQuery {
  const [from] = parseMailboxes(input.from, 'from', { max: 1 });
  const filters: MailFilters = {
    from: from?.address,
    subjectContains: optionalText(input.subjectContains, 'subjectContains', 255),
    receivedAfter: isAbsent(input.receivedAfter) ? undefined : parseInstant(input.receivedAfter, 'receivedAfter'),
    receivedBefore: isAbsent(input.receivedBefore) ? undefined : parseInstant(input.receivedBefore, 'receivedBefore'),
    isRead: optionalFlag(input.isRead, 'isRead'),
    hasAttachments: optionalFlag(input.hasAttachments, 'hasAttachments'),
    importance: oneOf(input.importance, 'importance', ['low', 'normal', 'high'] as const),
    categories: parseCategories(input.categories, 'categories'),
  };
  if (filters.receivedAfter !== undefined && filters.receivedBefore !== undefined && filters.receivedBefore <= filters.receivedAfter) {
    throw new InputError('receivedBefore', 'must be later than receivedAfter: no mail can match both');
  }
  const search = parseSearchQuery(input.searchQuery, 'searchQuery');
  const maxResults = optionalInteger(input.maxResults, 'maxResults', 1, MAX_RESULTS) ?? (search ? SEARCH_RESULTS_LIMIT : DEFAULT_MAX_RESULTS);
  if (search && maxResults > SEARCH_RESULTS_LIMIT) {
    throw new InputError('maxResults', `is ${maxResults}, but a search query returns at most ${SEARCH_RESULTS_LIMIT} mails (Microsoft Graph's limit): set it to ${SEARCH_RESULTS_LIMIT} or less, or use the filters without a search query`);
  }
  return { search, filters, maxResults };
}

/** The `$filter` of a filter-only query; receivedDateTime first, as the `$orderby` on it requires. */
export function filterExpression(f: MailFilters): string {
  const parts = [`receivedDateTime ge ${instantLiteral(f.receivedAfter ?? START_OF_TIME)}`];
  if (f.receivedBefore !== undefined) parts.push(`receivedDateTime lt ${instantLiteral(f.receivedBefore)}`);
  if (f.from) parts.push(`from/emailAddress/address eq ${stringLiteral(f.from)}`);
  if (f.subjectContains) parts.push(`contains(subject,${stringLiteral(f.subjectContains)})`);
  if (f.isRead !== undefined) parts.push(`isRead eq ${f.isRead}`);
  if (f.hasAttachments !== undefined) parts.push(`hasAttachments eq ${f.hasAttachments}`);
  if (f.importance) parts.push(`importance eq ${stringLiteral(f.importance)}`);
  for (const category of f.categories) parts.push(`categories/any(c:c eq ${stringLiteral(category)})`);
  return parts.join(' and ');
}

/** The filters applied by the step to a search's results, as Exchange compares (text ignoring case). */
export function matchesFilters(mail: Mail, f: MailFilters): boolean {
  const lower = (text: string | null | undefined): string => (text ?? '').toLowerCase();
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
export function firstPage(root: string, folderId: unknown, query: MailQuery): string {
  const collection = isAbsent(folderId) ? `${root}/messages` : `${root}/mailFolders/${idSegment(folderId, 'folderId')}/messages`;
  const top = Math.min(PAGE_SIZE, query.maxResults);
  if (query.search) return `${collection}${queryString({ select: MAIL_FIELDS, top })}&$search=${encodeURIComponent(searchParameter(query.search))}`;
  return `${collection}${queryString({ select: MAIL_FIELDS, filter: filterExpression(query.filters), orderby: 'receivedDateTime desc', top })}`;
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: LookupMailsConfig) {
  const query = parseMailQuery(inputObject(msg.body));
  const behaviour = parseEmitBehaviour(cfg.emitBehaviour);
  if (!isAbsent(cfg.folderId)) idSegment(cfg.folderId, 'folderId');
  const session = createSession(cfg, this);
  let found = 0;
  let page = 0;
  for await (const results of session.pages<Mail>(firstPage(session.root, cfg.folderId, query))) {
    const mails = (query.search ? results.items.filter((mail) => matchesFilters(mail, query.filters)) : results.items).slice(0, query.maxResults - found);
    if (mails.length) {
      page += await emitItems(this, behaviour, mails, page + 1);
      found += mails.length;
    }
    if (found >= query.maxResults) break;
  }
  this.logger.info(`Found ${found} mail(s)${found >= query.maxResults ? ` (maxResults ${query.maxResults} reached)` : ''}`);
}

// The Folder field's dropdown: sailor looks its model up on this module.
export { getFolders } from '../platform/dropdowns';
export { processAction as process };
