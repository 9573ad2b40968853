/**
 * Never send twice, even when the platform delivers the same message again: the duplicate guard
 * of the send-like steps (Send Mail, Reply to Mail, Forward Mail, Send Draft) and of Create Draft.
 *
 * Every mail such a step makes goes through a draft that carries the step's key (sendKey.ts).
 * Before creating anything the guard looks for the key among all mail of the mailbox (one
 * request): a mail that was sent, or submitted and waiting in the Outbox, is not sent again (the
 * step reports it, alreadySent); a draft an interrupted run left in Drafts is completed and sent
 * instead of a new one (files already on it are not added again). After a lost answer to /send it
 * does not guess: it watches the draft by its immutable id, which stays the mail's id in the
 * Outbox and in Sent Items, waiting on the session's clock (session.wait) a bounded time, and
 * sends again only when the draft is still unsent in its folder; when the draft has left that
 * folder but the mail is nowhere to be seen it says so, precisely, and does not send again.
 *
 * The key is found only where the mailbox keeps the mail: not when nothing is kept (Save to Sent
 * Items false), nor once a rule or a person has deleted the sent copy for good, nor when Exchange
 * keeps the copy in another mailbox than the one the step names. The README says what follows.
 */
import { GraphRequestError } from '../graph/errors';
import { findByKey, getMessageRef, sendMessage, wellKnownFolderId } from '../graph/drafts';
import type { MessageRef } from '../graph/drafts';
import { answeredAt } from '../graph/httpDate';
import { sendKeyProperty } from '../graph/sendKey';
import type { ExtendedProperty } from '../graph/sendKey';
import type { GraphSession, StepConfig } from '../graph/session';
import { parseFlag } from '../validation/fields';

/** The configuration of a guarded step: its Skip the duplicate check field. */
export interface GuardedConfig extends StepConfig {
  skipDuplicateCheck?: unknown;
}

/** Whether the step's duplicate check is on (the default). */
export function duplicateCheckOn(cfg: GuardedConfig): boolean {
  return !parseFlag(cfg.skipDuplicateCheck, 'skipDuplicateCheck');
}

/** A draft the step works on: created now, reused, or given (Send Draft). */
export interface DraftRef {
  id: string;
  /** The folder the draft is in (Drafts, as Graph creates them): where an unsent draft stays. */
  parentFolderId?: string | null;
  webLink?: string | null;
}

export interface DraftJob {
  /** Creates the draft, tagged with `tags` (the key; empty when the guard is off). */
  create(tags: ExtendedProperty[]): Promise<DraftRef>;
  /** Adds what the create request did not carry; `reused`: the draft is an earlier run's, skip what it already has. */
  complete(draft: DraftRef, reused: boolean): Promise<void>;
}

export interface GuardSettings {
  /** The key of this step and message; undefined when the step's duplicate check is off. */
  key?: string;
  /** Waits between looks after a lost answer to /send (ms); their sum bounds the watch. */
  watchMs?: readonly number[];
}

/**
 * About a minute in all: Exchange moves a submitted mail on within seconds, and the step must end
 * well within the platform's limits. A still-unsent draft is sent again after the first three looks.
 */
export const DEFAULT_WATCH_MS: readonly number[] = [1000, 2000, 4000, 8000, 15000, 30000];
const UNSENT_LOOKS = 3;
/** /send attempts in one run when the draft stays unsent after a lost answer. */
const MAX_SEND_ATTEMPTS = 3;

export type Prepared =
  /** The key's mail was sent (or submitted) by an earlier run: nothing to do. */
  | { kind: 'sent'; found: MessageRef }
  | { kind: 'draft'; draft: DraftRef; reused: boolean };

/** Whether an error leaves open whether Graph did the work: no answer, or a 5xx. */
export function lostAnswer(err: unknown): err is GraphRequestError {
  return err instanceof GraphRequestError && (err.statusCode === undefined || err.statusCode >= 500);
}

interface Looked {
  /** Sent, or submitted and in the Outbox. */
  sent?: MessageRef;
  /** An unsent draft in Drafts, the oldest if several. */
  draft?: MessageRef;
}

/** What the key marks in the mailbox. */
async function lookUp(session: GraphSession, key: string): Promise<Looked> {
  const found = await findByKey(session, key);
  if (!found.length) return {};
  const sent = found.find((m) => m.isDraft === false);
  if (sent) return { sent };
  // Only drafts: in Drafts (an interrupted run's), in the Outbox (submitted: Exchange clears the
  // draft flag once transport has taken it), or set aside elsewhere by a person (not ours to send).
  const outbox = await wellKnownFolderId(session, 'outbox');
  const submitted = found.find((m) => m.parentFolderId === outbox);
  if (submitted) return { sent: submitted };
  const drafts = await wellKnownFolderId(session, 'drafts');
  const unsent = found.filter((m) => m.parentFolderId === drafts)
    .sort((a, b) => String(a.createdDateTime).localeCompare(String(b.createdDateTime)) || a.id.localeCompare(b.id));
  return unsent.length ? { draft: unsent[0] } : {};
}

/**
 * The draft to send (or, for Create Draft, the draft to return): an earlier run's, or a new one
 * with everything on it; or the mail an earlier run already sent.
 */
export async function prepareDraft(session: GraphSession, job: DraftJob, settings: GuardSettings): Promise<Prepared> {
  const { key } = settings;
  if (!key) {
    const draft = await job.create([]);
    await job.complete(draft, false);
    return { kind: 'draft', draft, reused: false };
  }
  const looked = await lookUp(session, key);
  if (looked.sent) return { kind: 'sent', found: looked.sent };
  if (looked.draft) {
    await job.complete(looked.draft, true);
    return { kind: 'draft', draft: looked.draft, reused: true };
  }
  const tags = [sendKeyProperty(key)];
  let draft: DraftRef;
  let reused = false;
  try {
    draft = await job.create(tags);
  } catch (err) {
    if (!lostAnswer(err)) throw err;
    // The draft may have been created: it carries the key, so look instead of creating a second.
    const again = await lookUp(session, key);
    if (again.sent) return { kind: 'sent', found: again.sent };
    reused = again.draft !== undefined;
    draft = again.draft ?? await job.create(tags);
  }
  await job.complete(draft, reused);
  return { kind: 'draft', draft, reused };
}

export interface SendOutcome {
  /** When Graph accepted it, by Graph's clock (its Date header); undefined when learnt by looking. */
  acceptedAt?: string;
}

type Watched = 'submitted' | 'unsent' | 'gone';

/**
 * Where the draft is now: still unsent in its folder, submitted (no longer a draft, or a draft
 * waiting in the Outbox), or gone (deleted, or moved elsewhere unsent by someone).
 */
async function watch(session: GraphSession, draft: DraftRef, waits: readonly number[]): Promise<Watched> {
  const folder = draft.parentFolderId ?? await wellKnownFolderId(session, 'drafts');
  let outbox: string | undefined;
  for (let look = 0; ; look += 1) {
    const now = await getMessageRef(session, draft.id);
    let state: Watched = 'gone';
    if (now && now.isDraft === false) return 'submitted';
    if (now && now.parentFolderId === folder) state = 'unsent';
    else if (now) {
      outbox ??= await wellKnownFolderId(session, 'outbox');
      if (now.parentFolderId === outbox) return 'submitted';
    }
    if ((state === 'unsent' && look + 1 >= UNSENT_LOOKS) || look >= waits.length) return state;
    await session.wait(waits[look]);
  }
}

const seconds = (waits: readonly number[]): number => Math.round(waits.reduce((a, b) => a + b, 0) / 1000);

/**
 * POST /send of the draft, never repeated blindly: after a lost answer the draft is watched, and
 * sent again only while it is still an unsent draft in its folder.
 */
export async function sendDraft(session: GraphSession, draft: DraftRef, settings: GuardSettings & { sendingFrom?: string; field?: string }): Promise<SendOutcome> {
  const waits = settings.watchMs ?? DEFAULT_WATCH_MS;
  for (let attempt = 1; ; attempt += 1) {
    let lost: GraphRequestError;
    try {
      const { headers } = await sendMessage(session, draft.id, settings.sendingFrom, settings.field);
      return { acceptedAt: answeredAt(headers) };
    } catch (err) {
      if (!lostAnswer(err)) throw err;
      lost = err;
    }
    const state = await watch(session, draft, waits);
    if (state === 'submitted') return {};
    if (state === 'unsent' && attempt < MAX_SEND_ATTEMPTS) continue;
    const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
    const what = state === 'unsent'
      ? `the draft is still unsent in its folder after ${attempt} attempts, so Outlook did not send it; retry the message later`
      : `the draft has left its folder, but no sent mail with its id appeared within ${seconds(waits)} s: Outlook probably sent it, or someone deleted the draft. It was not sent again. Look in Sent Items of ${where} (the sent mail keeps the draft's id ${draft.id}) before re-running this message`;
    throw new GraphRequestError(`${lost.message} After that lost answer the step looked again: ${what}.`, lost.statusCode, lost.code, lost.requestId);
  }
}
