/**
 * Update Mail: read state, follow-up flag (with a due date), importance and categories of a mail;
 * only what is given changes. Replacing the categories is one PATCH. Adding or removing some reads
 * the categories with the mail's version (@odata.etag) and writes the result back with If-Match:
 * when the mail changed in between (another flow, a user in Outlook), Outlook refuses it with
 * 412 and the step reads again, so no concurrent change is lost. Every request is idempotent: a
 * replayed message sets what is set already.
 */
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import { GraphRequestError } from '../graph/errors';
import type { StepContext } from '../graph/logger';
import { isNotFound, mailNotFound, messagePath, readMessage } from '../graph/messages';
import type { Mail } from '../graph/messages';
import { idSegment } from '../graph/odata';
import { createSession } from '../graph/session';
import type { GraphSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { inputObject, isAbsent, oneOf, parseFlag } from '../validation/fields';
import { parseCategories, parseDueDate } from '../validation/mailInputs';

const FLAG_STATUSES = ['notFlagged', 'flagged', 'complete'] as const;
const MODES = ['replace', 'add', 'remove'] as const;
/** Reads and conditional writes of the categories before giving up on a mail that keeps changing. */
export const CATEGORY_ATTEMPTS = 5;
const OUT_FIELDS = ['id', 'isRead', 'importance', 'flag', 'categories', 'lastModifiedDateTime'] as const;

export interface MailUpdate {
  /** The PATCH body of everything but added or removed categories. */
  patch: Record<string, unknown>;
  categories?: { mode: typeof MODES[number]; names: string[] };
}

/** The update the input asks for; refused when it asks for nothing, or for a due date without a flag. */
export function parseUpdate(input: Record<string, unknown>): MailUpdate {
  const patch: Record<string, unknown> = {};
  if (!isAbsent(input.isRead)) patch.isRead = parseFlag(input.isRead, 'isRead');
  const importance = oneOf(input.importance, 'importance', ['low', 'normal', 'high'] as const);
  if (importance) patch.importance = importance;
  const status = oneOf(input.flagStatus, 'flagStatus', FLAG_STATUSES);
  const due = parseDueDate(input.flagDueDate, 'flagDueDate');
  if (status || due) {
    // A cleared flag has no dates (Outlook drops them); a completed one keeps them. Graph refuses a
    // due date without a start date: the follow-up starts on its due date.
    const when = due && status !== 'notFlagged' && { dateTime: due.dateTime, timeZone: due.timeZone };
    patch.flag = { flagStatus: status ?? 'flagged', ...(when && { startDateTime: when, dueDateTime: when }) };
  }
  const mode = oneOf(input.categoriesMode, 'categoriesMode', MODES, 'replace');
  let categories: MailUpdate['categories'];
  // categoriesMode without categories changes nothing: it only says how to apply them.
  if (!isAbsent(input.categories)) {
    const names = dedupe(parseCategories(input.categories, 'categories'));
    if (mode !== 'replace' && !names.length) throw new InputError('categories', `is empty: give the categories to ${mode}, as a list or comma-separated`);
    if (mode === 'replace') patch.categories = names;
    else categories = { mode, names };
  }
  if (!Object.keys(patch).length && !categories) {
    throw new InputError('isRead', 'nothing to change: give at least one of isRead, flagStatus, flagDueDate, importance, categories');
  }
  return { patch, categories };
}

/** Outlook treats category names without regard to case: one of each. */
function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The categories after adding or removing `names`, keeping the mail's own spelling and order. */
export function applyCategories(current: readonly string[], change: NonNullable<MailUpdate['categories']>): string[] {
  const wanted = new Set(change.names.map((name) => name.toLowerCase()));
  if (change.mode === 'remove') return current.filter((name) => !wanted.has(name.toLowerCase()));
  const have = new Set(current.map((name) => name.toLowerCase()));
  return [...current, ...change.names.filter((name) => !have.has(name.toLowerCase()))];
}

const isConflict = (err: unknown): boolean => err instanceof GraphRequestError && err.statusCode === 412;

/** Adds or removes categories against the mail's current version, again after each conflict. */
async function updateCategories(session: GraphSession, path: string, update: MailUpdate): Promise<Mail> {
  const change = update.categories!;
  for (let attempt = 1; ; attempt += 1) {
    const mail = await readMessage<Mail>(session, path, OUT_FIELDS);
    if (!mail) throw mailNotFound('messageId');
    const categories = applyCategories(mail.categories ?? [], change);
    const unchanged = categories.length === (mail.categories ?? []).length && categories.every((name, i) => name === mail.categories![i]);
    if (unchanged && !Object.keys(update.patch).length) return mail;
    try {
      return (await session.patch<Mail>(path, { ...update.patch, categories }, { idempotent: true, headers: { 'If-Match': String(mail['@odata.etag']) } })).body;
    } catch (err) {
      if (!isConflict(err) || attempt >= CATEGORY_ATTEMPTS) throw err;
    }
  }
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const input = inputObject(msg.body);
  idSegment(input.messageId, 'messageId');
  const update = parseUpdate(input);
  const session = createSession(cfg, this);
  const path = messagePath(session, input.messageId);
  let mail: Mail;
  try {
    mail = update.categories
      ? await updateCategories(session, path, update)
      : (await session.patch<Mail>(path, update.patch, { idempotent: true })).body;
  } catch (err) {
    if (isNotFound(err)) throw mailNotFound('messageId');
    throw err;
  }
  this.logger.info(`Mail updated: ${[...Object.keys(update.patch), ...(update.categories ? [`categories (${update.categories.mode})`] : [])].join(', ')}`);
  return newMessageWithBody(Object.fromEntries(OUT_FIELDS.map((field) => [field, mail[field] ?? null])));
}

export { processAction as process };
