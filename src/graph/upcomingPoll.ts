/**
 * One poll of Events Starting Soon: what a calendar shows (calendarView: recurring series expanded,
 * exceptions where they moved to, deleted occurrences gone) starting between the previous poll and
 * `lead` from now, each occurrence emitted once per start time (upcoming.ts keeps what was emitted).
 *
 * Time is Graph's: the Date header of its answers. The container's clock is never read. The first
 * request's window is a guess from the previous poll (its time plus twice the interval before it);
 * once Graph's clock is known, what the guess missed is listed too, and what it listed beyond the
 * window is left for later. A first poll asks for the calendar first, to learn the time.
 *
 * Pages are walked by start time (keyset: each page asks again from the last start it saw), not by
 * @odata.nextLink, whose offsets shift when an occurrence is moved or cancelled between two pages;
 * only a page whose items all share one start is paged by nextLink.
 *
 * All-day events float (they have dates, not instants): one counts as starting at midnight of its
 * date in the trigger's time zone, and is looked for when that midnight falls in the window.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { resolveWall } from '../validation/datetime';
import type { ResolvedZone } from '../validation/timezones';
import { GraphRequestError } from './errors';
import type { Logger } from './logger';
import { instantLiteral } from './odata';
import { PERSIST_EVERY } from './poll';
import type { GraphSession, Page } from './session';
import { LOOKBACK_MS, occurrenceKey, packState, progressSnapshot, restoreState, surelyListedBefore } from './upcoming';
import type { Remembered, UpcomingSnapshot } from './upcoming';
import { utcInstant } from './zonedTime';

export interface UpcomingSpec {
  /** `{root}/calendar` or `{root}/calendars/{id}`. */
  calendarPath: string;
  leadMs: number;
  graceMs: number;
  /** Where all-day events begin: midnight of their date in this zone. */
  zone: ResolvedZone;
  select: readonly string[];
}

export interface DueOccurrence {
  event: Event;
  startMs: number;
  endMs: number;
  /** Graph's time of the poll. */
  pollAt: number;
}

export interface UpcomingHandlers {
  emit(due: DueOccurrence): Promise<void>;
  persist(snapshot: UpcomingSnapshot): Promise<void>;
}

export interface UpcomingResult {
  emitted: number;
  requests: number;
  pollAt: number;
  window: { from: number; until: number };
}

/** Occurrences per page: a busy calendar's quarter of an hour fits in one. */
export const UPCOMING_PAGE_SIZE = 500;
/** Answers without a Date header a poll tolerates before it gives up (a proxy that drops some). */
const CLOCK_TRIES = 3;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Around midday UTC every zone's copy of a date overlaps, however Exchange stored an all-day event's instants. */
const ALL_DAY_PROBE = { fromMs: 9 * 3600_000, toMs: 15 * 3600_000 };

/** The instant a date (days since 1970-01-01) begins in `zone`; a midnight the clocks skip (zones that switch at 00:00) is the first moment of that day. */
function midnight(day: number, zone: ResolvedZone): number {
  const wall = resolveWall(day * DAY, zone.iana);
  return wall.instants[0] ?? wall.afterGap;
}

/** The dates (YYYY-MM-DD) whose midnight in `zone` falls in [from, until), with that midnight. */
export function midnightsIn(zone: ResolvedZone, from: number, until: number): { date: string; day: number; at: number }[] {
  const found: { date: string; day: number; at: number }[] = [];
  for (let day = Math.floor(from / DAY) - 1; day * DAY <= until + DAY; day += 1) {
    const at = midnight(day, zone);
    if (at >= from && at < until) found.push({ date: new Date(day * DAY).toISOString().slice(0, 10), day, at });
  }
  return found;
}

export async function pollUpcoming(session: GraphSession, spec: UpcomingSpec, snapshot: unknown, handlers: UpcomingHandlers, logger: Logger): Promise<UpcomingResult> {
  const state = restoreState(snapshot);
  let requests = 0;
  let clock: number | undefined;
  const get = async (path: string): Promise<Page<Event>> => {
    const page = await session.page<Event>(path, { prefer: ['outlook.timezone="UTC"'] });
    requests += 1;
    if (clock === undefined && page.serverTime !== undefined) clock = page.serverTime;
    return page;
  };
  const select = `$select=${spec.select.map(encodeURIComponent).join(',')}`;
  const viewPath = (from: number, until: number): string => `${spec.calendarPath}/calendarView?startDateTime=${instantLiteral(from)}&endDateTime=${instantLiteral(until)}&${select}&$orderby=start/dateTime&$top=${UPCOMING_PAGE_SIZE}`;

  /** Pages of calendarView over [from, until), by keyset on the start. */
  async function* pagesOf(from: number, until: number): AsyncGenerator<Event[]> {
    let low = from;
    let link: string | undefined;
    for (;;) {
      const page = await get(link ?? viewPath(low, until));
      yield page.items;
      if (!page.nextLink) return;
      const lastStart = page.items.length ? utcInstant(page.items[page.items.length - 1].start) : NaN;
      if (link === undefined && lastStart > low) low = lastStart;
      else link = page.nextLink;
    }
  }

  const learnClock = async (): Promise<number> => {
    for (let i = 0; clock === undefined && i < CLOCK_TRIES; i += 1) await get(`${spec.calendarPath}?$select=id`);
    if (clock === undefined) {
      throw new GraphRequestError(
        `Outlook GET ${spec.calendarPath} answered without a Date header ${CLOCK_TRIES} times: Events Starting Soon tells the time by Microsoft Graph's clock only, never by the container's, and a proxy between the component and Graph removes that header. Let the Date header through; nothing was emitted, and the next poll catches up (late occurrences within the grace period).`,
        undefined, 'noServerTime', undefined,
      );
    }
    return clock;
  };

  // The first request: the calendar itself on a first poll, else the window the last interval suggests.
  let guess: { from: number; until: number } | undefined;
  let firstPages: AsyncGenerator<Event[]> | undefined;
  let firstItems: Event[] = [];
  if (state.at !== undefined && state.since !== undefined) {
    // Twice the last interval, and at least two minutes: polls come at irregular intervals.
    const ahead = Math.max(2 * state.gapMs, 2 * MINUTE);
    guess = { from: state.since, until: Math.max(state.until ?? state.at, state.at + spec.leadMs + ahead) };
    firstPages = pagesOf(guess.from, guess.until);
    firstItems = (await firstPages.next()).value ?? [];
  }
  const graphNow = await learnClock();
  const pollAt = Math.max(graphNow, state.at ?? -Infinity);
  const from = state.since === undefined ? pollAt : Math.max(state.since, pollAt - spec.graceMs);
  // A start exactly `lead` away is due; Graph's clock has whole seconds.
  const until = Math.max(pollAt + spec.leadMs + 1000, state.until ?? -Infinity);
  if (state.until !== undefined && pollAt - spec.graceMs > state.until) {
    logger.warn(`No poll covered the starts from ${instantLiteral(state.until)} to ${instantLiteral(pollAt - spec.graceMs)} (by Graph's clock): occurrences that started then, more than ${Math.round(spec.graceMs / MINUTE)} minutes before this poll, are skipped`);
  }

  const listed = new Set<string>();
  const emitted: string[] = [];
  const remember: Remembered[] = [];
  let count = 0;
  let unsaved = 0;
  let lastSaved = JSON.stringify(snapshot ?? null);
  let warnedBudget = false;
  const saveProgress = async (): Promise<void> => {
    if (!unsaved) return;
    const progress = progressSnapshot(state, pollAt, emitted);
    if (!progress) {
      if (!warnedBudget) logger.warn('More occurrences are due at once than a snapshot can remember; progress is saved once this poll ends');
      warnedBudget = true;
      return;
    }
    unsaved = 0;
    const json = JSON.stringify(progress);
    if (json === lastSaved) return;
    await handlers.persist(progress);
    lastSaved = json;
  };

  const consider = async (event: Event, startMs: number, endMs: number): Promise<void> => {
    if (event.isCancelled || !event.id || !(startMs >= from && startMs < until)) return;
    const key = occurrenceKey(event.id, startMs);
    if (listed.has(key)) return;
    listed.add(key);
    const lastModifiedMs = Date.parse(event.lastModifiedDateTime ?? '');
    if (startMs >= pollAt - LOOKBACK_MS) remember.push({ key, startMs, lastModifiedMs: Number.isNaN(lastModifiedMs) ? Infinity : lastModifiedMs });
    if (state.seen.has(key) || surelyListedBefore(state, startMs, Number.isNaN(lastModifiedMs) ? Infinity : lastModifiedMs)) return;
    await handlers.emit({ event, startMs, endMs, pollAt });
    emitted.push(key);
    count += 1;
    unsaved += 1;
    if (unsaved >= PERSIST_EVERY) await saveProgress();
  };
  const timed = async (items: readonly Event[]): Promise<void> => {
    for (const event of items) if (!event.isAllDay) await consider(event, utcInstant(event.start), utcInstant(event.end));
    await saveProgress();
  };

  await timed(firstItems);
  if (firstPages) for await (const items of firstPages) await timed(items);
  const missing = guess
    ? [{ from, until: Math.min(until, guess.from) }, { from: Math.max(from, guess.until), until }]
    : [{ from, until }];
  for (const range of missing.filter((r) => r.until > r.from)) {
    for await (const items of pagesOf(range.from, range.until)) await timed(items);
  }
  for (const { date, day, at } of midnightsIn(spec.zone, from, until)) {
    for await (const items of pagesOf(day * DAY + ALL_DAY_PROBE.fromMs, day * DAY + ALL_DAY_PROBE.toMs)) {
      for (const event of items) {
        if (!event.isAllDay || event.start?.dateTime?.slice(0, 10) !== date) continue;
        const endDay = Math.floor(Date.parse(`${event.end?.dateTime?.slice(0, 10)}T00:00:00Z`) / DAY);
        await consider(event, at, midnight(endDay > day ? endDay : day + 1, spec.zone));
      }
      await saveProgress();
    }
  }

  const packed = packState(pollAt, from, until, state.at === undefined ? 0 : pollAt - state.at, remember);
  if (packed.dropped) {
    logger.warn(`${remember.length} occurrences start within reach of the next poll, more than a snapshot remembers; ${packed.dropped} are remembered by their last change instead${packed.droppedRecent ? `, and ${packed.droppedRecent} changed within the last two minutes may be emitted again if they change before they start` : ''}`);
  }
  await handlers.persist(packed.snapshot);
  return { emitted: count, requests, pollAt, window: { from, until } };
}
