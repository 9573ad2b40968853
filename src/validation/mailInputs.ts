/**
 * Input checks of the steps that act on mail and folders: folder paths, Internet Message-IDs,
 * KQL search queries, follow-up due dates, categories. Pure: each returns the clean value or throws
 * an InputError naming the field and what it accepts.
 */
import { InputError } from '../errors';
import { parseEventTime } from './datetime';
import type { EventTime } from './datetime';
import { quote } from './echo';
import { isAbsent, stringList } from './fields';
import { CONTROL_CHARS } from './text';

/** Exchange's longest folder name. */
export const MAX_FOLDER_NAME = 255;
/** Levels of a folder path the steps walk (each costs a request or two). */
export const MAX_FOLDER_DEPTH = 32;
/** What one Internet Message-ID may hold: RFC 5322's longest line. */
export const MAX_INTERNET_MESSAGE_ID = 998;
/** A KQL query is sent in the URL; this keeps it far from Graph's URL limits. */
export const MAX_SEARCH_QUERY = 1000;
/** Find Mail's maxResults: the most one message may ask for, and the default. */
export const MAX_RESULTS = 100_000;
export const DEFAULT_MAX_RESULTS = 1000;
/** Outlook's limits on the categories of one item, as Create Event applies them. */
export const CATEGORY_LIMITS = { maxItems: 25, maxLength: 255 };

const PATH_EXAMPLE = "e.g. 'Inbox/Projects/Alpha': folder names separated by /, the first one a top-level folder or a well-known name (Inbox, Archive, Sent Items...)";

/** `Inbox/Projects/Alpha` as its folder names, each trimmed; the first names a top-level or well-known folder. */
export function parseFolderPath(value: unknown, field: string): string[] {
  if (typeof value !== 'string') throw new InputError(field, `must be a folder path as text, ${PATH_EXAMPLE}`);
  if (CONTROL_CHARS.test(value)) throw new InputError(field, `must not hold control characters or line breaks; ${PATH_EXAMPLE}`);
  const names = value.trim().replace(/^\/+|\/+$/g, '').split('/').map((name) => name.trim());
  if (names.length === 1 && names[0] === '') throw new InputError(field, `is empty: give a folder path, ${PATH_EXAMPLE}`);
  if (names.length > MAX_FOLDER_DEPTH) throw new InputError(field, `has ${names.length} levels; at most ${MAX_FOLDER_DEPTH} are accepted`);
  names.forEach((name, index) => {
    if (name === '') throw new InputError(field, `level ${index + 1} is empty (two / in a row): write the names separated by single slashes, ${PATH_EXAMPLE}`);
    if (name.length > MAX_FOLDER_NAME) throw new InputError(field, `level ${index + 1} is ${name.length} characters long; folder names take at most ${MAX_FOLDER_NAME}`);
  });
  return names;
}

/**
 * An Internet Message-ID (the Message-ID header), with or without its angle brackets:
 * `<id@host>` as Outlook stores it.
 */
export function parseInternetMessageId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(field, "must be the mail's Message-ID header as text, e.g. '<CAB1234@mail.example.com>'");
  }
  const bare = value.trim().replace(/^<(.*)>$/, '$1');
  if (bare.length + 2 > MAX_INTERNET_MESSAGE_ID) throw new InputError(field, `is ${bare.length + 2} characters long; at most ${MAX_INTERNET_MESSAGE_ID} are accepted`);
  // RFC 5322 wants left@right, but Outlook keeps what senders wrote (Microsoft's own examples lack the @).
  if (!/^[^\s<>]+$/.test(bare) || CONTROL_CHARS.test(bare)) {
    throw new InputError(field, `${quote(value.length > 60 ? `${value.slice(0, 60)}…` : value)} is not a Message-ID: expected one word without spaces, in angle brackets or not ('<left@right>'), as the mail's internetMessageId shows it`);
  }
  return `<${bare}>`;
}

/**
 * A KQL query for `$search`, as Outlook's search box takes it. It travels inside double quotes
 * (`$search="..."`), so a double quote or backslash in it is escaped; the quotes must pair up.
 */
export function parseSearchQuery(value: unknown, field: string): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw new InputError(field, "must be a search query as text, e.g. 'from:ann subject:invoice'");
  const query = value.trim();
  if (!query) throw new InputError(field, "is only spaces: give a search query, e.g. 'from:ann subject:invoice', or leave it empty to use the filters");
  if (query.length > MAX_SEARCH_QUERY) throw new InputError(field, `is ${query.length} characters long; at most ${MAX_SEARCH_QUERY} are accepted`);
  if (CONTROL_CHARS.test(query)) throw new InputError(field, 'must not hold control characters or line breaks: write the query on one line');
  if ((query.match(/"/g) ?? []).length % 2 !== 0) throw new InputError(field, 'has a double quote without its closing one: write phrases between two double quotes, such as subject:"annual report"');
  return query;
}

/** The `$search` value for a query: in double quotes, `\` and `"` escaped. */
export function searchParameter(query: string): string {
  return `"${query.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * A follow-up due date: a date (`2026-03-10`, the whole day) or a date-time with Z or an offset,
 * as Graph's dateTimeTimeZone in UTC.
 */
export function parseDueDate(value: unknown, field: string): EventTime | undefined {
  if (isAbsent(value)) return undefined;
  const dateOnly = typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);
  return parseEventTime(value, field, { allDay: dateOnly });
}

/** Category names, as a list or comma-separated text; Outlook compares them ignoring case. */
export function parseCategories(value: unknown, field: string): string[] {
  const names = stringList(value, field, CATEGORY_LIMITS);
  names.forEach((name, index) => {
    if (CONTROL_CHARS.test(name)) throw new InputError(`${field}[${index}]`, 'must not hold control characters; give the category name as Outlook shows it');
  });
  return names;
}
