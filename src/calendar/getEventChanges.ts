/**
 * Calendar Changes: what happens to the events of a calendar within a rolling window of days,
 * through Graph's calendar view delta query (event: delta): single events, occurrences and
 * exceptions of series (each occurrence on its own) created, updated, and deleted or cancelled. One
 * chain follows all three kinds; the window moves on once a day (deltaState.rollWindow), and what
 * comes into view at its far end is emitted as created. The shared machinery is graph/delta.ts,
 * graph/deltaState.ts and platform/deltaTrigger.ts.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { InputError } from '../errors';
import { GraphRequestError } from '../graph/errors';
import { calendarPath } from '../graph/calendars';
import { toSecond } from '../graph/cursor';
import type { DeltaChainSpec } from '../graph/delta';
import { itemFacts } from '../graph/deltaState';
import type { ChainState, ChangeType, ItemFacts, Window } from '../graph/deltaState';
import { EVENT_FIELDS, EVENT_PAGE_SIZE, eventPath, readEvent } from '../graph/events';
import type { StepContext } from '../graph/logger';
import { dateTimeLiteral, idSegment } from '../graph/odata';
import { parseHttpDate } from '../graph/httpDate';
import type { GraphSession, StepConfig } from '../graph/session';
import { runDeltaTrigger } from '../platform/deltaTrigger';
import type { DeltaTriggerSpec } from '../platform/deltaTrigger';
import { parseChangeTypes } from '../validation/changeTypes';
import { wallTimeToEpoch } from '../validation/datetime';
import { isAbsent, optionalInteger } from '../validation/fields';
import { resolveTimeZone, UTC_ZONE } from '../validation/timezones';

export interface GetEventChangesConfig extends StepConfig {
  calendarId?: string;
  changeTypes?: unknown;
  pastDays?: unknown;
  futureDays?: unknown;
  startTime?: string;
  timeZone?: string;
}

type DeltaEvent = Event & Record<string, unknown>;

const DAY = 86_400;
/** Looks at the calendar without a Date header tolerated before Graph's clock counts as unknown (a proxy that drops some). */
const CLOCK_TRIES = 3;
export const DEFAULT_PAST_DAYS = 30;
export const DEFAULT_FUTURE_DAYS = 365;
/** Graph's longest calendar view: about five years (1,825 days) from start to end. */
export const MAX_WINDOW_DAYS = 1825;

/** The window around the UTC day of `second`: `past` days back, through the end of the day `future` days ahead. */
export function windowAround(second: number, past: number, future: number): Window {
  const day = Math.floor(second / DAY) * DAY;
  return { start: day - past * DAY, end: day + (future + 1) * DAY };
}

/** The days the window covers, checked: past + today + future at most MAX_WINDOW_DAYS. */
export function windowDays(cfg: GetEventChangesConfig): { past: number; future: number } {
  const past = optionalInteger(cfg.pastDays, 'pastDays', 0, MAX_WINDOW_DAYS - 1) ?? DEFAULT_PAST_DAYS;
  const future = optionalInteger(cfg.futureDays, 'futureDays', 0, MAX_WINDOW_DAYS - 1) ?? DEFAULT_FUTURE_DAYS;
  if (past + future + 1 > MAX_WINDOW_DAYS) {
    throw new InputError('futureDays', `the window of ${past} days back, today and ${future} days ahead is ${past + future + 1} days; Outlook's calendar view spans at most ${MAX_WINDOW_DAYS} days, so shorten pastDays or futureDays`);
  }
  return { past, future };
}

/** The event as Poll for New and Updated Events emits it: the same fields, in the same order. */
function eventOf(item: DeltaEvent): Record<string, unknown> {
  return Object.fromEntries(EVENT_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}

/** When the event starts or ends, from its wall time in the zone Prefer asked for (undefined when unreadable). */
function instantOf(time: Event['start'], iana: string): number | undefined {
  const wall = time?.dateTime;
  if (typeof wall !== 'string') return undefined;
  try {
    return Math.floor(wallTimeToEpoch(wall.slice(0, 19), iana) / 1000);
  } catch {
    return toSecond(`${wall.slice(0, 19)}Z`);
  }
}

export function eventChangesSpec(cfg: GetEventChangesConfig, root: string): DeltaTriggerSpec<DeltaEvent> {
  const { past, future } = windowDays(cfg);
  const zone = isAbsent(cfg.timeZone) ? UTC_ZONE : resolveTimeZone(cfg.timeZone, 'timeZone');
  const emits = parseChangeTypes(cfg.changeTypes, 'changeTypes', ['created', 'updated', 'deleted']);
  // v1.0 documents the default calendar's view (/calendarView/delta); a chosen calendar's is served on its own path.
  const calendar = isAbsent(cfg.calendarId) ? `${root}` : `${root}/calendars/${idSegment(cfg.calendarId, 'calendarId')}`;
  const shown = isAbsent(cfg.calendarId) ? 'the default calendar' : `calendar ${decodeURIComponent(idSegment(cfg.calendarId, 'calendarId')).slice(0, 24)}`;
  /** Graph's clock (ms) from a look at the calendar; a proxy that drops the Date header now and then: looked again. */
  const graphClock = async (session: GraphSession): Promise<number | undefined> => {
    const path = `${calendarPath(root, cfg.calendarId)}?$select=id`;
    let clock: number | undefined;
    for (let i = 0; clock === undefined && i < CLOCK_TRIES; i += 1) clock = parseHttpDate((await session.get(path)).headers.get('date'));
    return clock;
  };
  const chain: DeltaChainSpec = {
    name: 'changes',
    kind: 'changes',
    initialPath: (state: ChainState) => {
      const window = state.window as Window;
      return `${calendar}/calendarView/delta?startDateTime=${dateTimeLiteral(window.start * 1000)}&endDateTime=${dateTimeLiteral(window.end * 1000)}`;
    },
    prefer: [`outlook.timezone="${zone.graphName}"`],
    pageSize: EVENT_PAGE_SIZE,
    label: `events of ${shown}`,
  };
  return {
    scope: `calendarView|${root.toLowerCase()}|${isAbsent(cfg.calendarId) ? '' : cfg.calendarId}|${past}|${future}`,
    chains: [chain],
    emits,
    facts: (item): ItemFacts => ({ ...itemFacts(item, 'createdDateTime'), startsAt: instantOf(item.start, zone.iana), endsAt: instantOf(item.end, zone.iana) }),
    // Graph lists an event out of the window (moved out, or created or changed out there) as removed,
    // as it does a deleted one: one look by id tells them apart, so no flow hears of a deletion that
    // was none.
    // On the calendar's own path: a calendar shared from another mailbox holds events /events does not.
    recheck: async (session, facts) => readEvent(session, eventPath(calendar, encodeURIComponent(facts.id)), EVENT_FIELDS, zone.graphName) as Promise<DeltaEvent | undefined>,
    // As a calendar view counts an event in: it overlaps the window (one of no length, at or after its start).
    inView: (facts, window) => facts.startsAt === undefined || facts.endsAt === undefined
      || (facts.startsAt < window.end && (facts.endsAt > window.start || (facts.startsAt === facts.endsAt && facts.startsAt >= window.start))),
    // An occurrence the organizer cancelled stays in an attendee's calendar, marked: it is gone all the same.
    retype: (type, item) => (type !== 'deleted' && item.isCancelled === true ? 'deleted' : type),
    output: (type: ChangeType, item, facts) => {
      // Listed as removed and, looked up, not there (or not to be looked at): deleted, whatever reason Graph gave.
      if (item['@removed'] !== undefined) return { changeType: type, id: facts.id, reason: 'deleted' };
      if (type === 'deleted') return { changeType: type, id: facts.id, reason: 'cancelled', event: eventOf(item) };
      return { changeType: type, id: facts.id, event: eventOf(item) };
    },
    // The first window is set by Graph's clock (the Date header of a look at the calendar, which also
    // checks it exists), never by this machine's, which may be days or months off: a window around it
    // would miss what Graph's today holds.
    prepare: async (session, state) => {
      const chains = Object.values(state.chains).filter((c) => c.window === undefined);
      if (!chains.length) return undefined;
      const clock = await graphClock(session);
      if (clock === undefined) {
        throw new GraphRequestError(
          `Outlook GET ${calendarPath(root, cfg.calendarId)} answered without a Date header ${CLOCK_TRIES} times: Calendar Changes sets its window by Microsoft Graph's clock only, never by the container's, and a proxy between the component and Graph removes that header. Let the Date header through; nothing was emitted, and the next poll starts the window.`,
          undefined, 'noServerTime', undefined,
        );
      }
      const now = Math.floor(clock / 1000);
      for (const c of chains) c.window = windowAround(now, past, future);
      return clock;
    },
    clock: graphClock,
    // Once Graph's clock is on a later UTC day than the window was set for, the window moves on to that day.
    nextWindow: (state, now) => {
      if (state.mark === undefined || state.window === undefined || state.phase !== 'tracking') return undefined;
      const due = windowAround(now, past, future);
      return due.start > state.window.start ? due : undefined;
    },
  };
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetEventChangesConfig, snapshot: unknown): Promise<void> {
  await runDeltaTrigger<DeltaEvent>(this, cfg, snapshot, (root) => eventChangesSpec(cfg, root));
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processTrigger as process };
