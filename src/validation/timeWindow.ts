/**
 * A time window given as `start`, `end` and optionally `timeZone` (the scheduling steps): each end
 * an ISO 8601 date-time with an offset, or a local time in `timeZone`; checked in order and
 * against the longest span the step allows, before any request.
 */
import { InputError } from '../errors';
import { parseEventTime } from './datetime';
import type { EventTime } from './datetime';
import { isAbsent } from './fields';
import { resolveTimeZone, UTC_ZONE } from './timezones';
import type { ResolvedZone } from './timezones';

export interface TimeWindow {
  start: EventTime;
  end: EventTime;
  /** The zone local times were read in and results are given in: `timeZone`, else UTC. */
  zone: ResolvedZone;
}

const DAY_MS = 86_400_000;

/** `limit` names what imposes the longest span, for the message ("Microsoft Graph's free/busy"). */
export function parseTimeWindow(body: Record<string, unknown>, maxDays: number, limit: string): TimeWindow {
  const given = isAbsent(body.timeZone) ? undefined : resolveTimeZone(body.timeZone, 'timeZone');
  const start = parseEventTime(body.start, 'start', { timeZone: given });
  const end = parseEventTime(body.end, 'end', { timeZone: given });
  if (end.epochMs <= start.epochMs) throw new InputError('end', `must be after start (${start.dateTime} ${start.timeZone})`);
  const span = end.epochMs - start.epochMs;
  if (span > maxDays * DAY_MS) {
    const days = Math.round((span / DAY_MS) * 100) / 100;
    throw new InputError('end', `is ${days} days after start; ${limit} covers at most ${maxDays} days: shorten the window, or split it over several messages`);
  }
  return { start, end, zone: given ?? UTC_ZONE };
}
