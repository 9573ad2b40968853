/**
 * Check Availability: the free/busy of people and rooms over a window, from Graph's getSchedule
 * (calendar-getschedule.md). Graph's merged view (`availabilityView`, one digit per slot) is decoded
 * into periods of one status, the busy items are listed per person, and what Graph reports per
 * person (an address it cannot resolve, a calendar it may not read) is carried in that person's
 * entry instead of failing the whole step. Read-only: a replayed message asks again.
 */
import type { ScheduleInformation, ScheduleItem, WorkingHours } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { InputError } from '../errors';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { inZone } from '../graph/zonedTime';
import type { DateTimeTimeZone } from '../graph/zonedTime';
import { parseMailboxes } from '../validation/addresses';
import { inputObject, optionalInteger } from '../validation/fields';
import { parseTimeWindow } from '../validation/timeWindow';
import type { TimeWindow } from '../validation/timeWindow';

/** getSchedule's limits: 62 days (ErrorTimeIntervalTooBig), slots of 5 to 1440 minutes, 100 addresses (ErrorMailboxDataArrayTooBig). */
export const MAX_WINDOW_DAYS = 62;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 1440;
export const DEFAULT_INTERVAL_MINUTES = 30;
export const MAX_SCHEDULES = 100;

/** availabilityView's digits (scheduleinformation.md); anything else Graph may add reads as unknown. */
export const VIEW_STATUSES = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as const;
export type SlotStatus = typeof VIEW_STATUSES[number] | 'unknown';

export interface AvailabilityRequest extends TimeWindow {
  schedules: string[];
  intervalMinutes: number;
}

export function parseAvailabilityInput(input: unknown): AvailabilityRequest {
  const body = inputObject(input);
  const addresses = parseMailboxes(body.schedules, 'schedules', { required: true, max: MAX_SCHEDULES }).map((m) => m.address);
  const schedules = addresses.filter((a, i) => addresses.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i);
  const window = parseTimeWindow(body, MAX_WINDOW_DAYS, "Microsoft Graph's free/busy (getSchedule)");
  const intervalMinutes = optionalInteger(body.intervalMinutes, 'intervalMinutes', MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES) ?? DEFAULT_INTERVAL_MINUTES;
  if (intervalMinutes * 60_000 > window.end.epochMs - window.start.epochMs) {
    throw new InputError('intervalMinutes', `is ${intervalMinutes} minutes, longer than the window from start to end: use a slot length no longer than the window`);
  }
  return { ...window, schedules, intervalMinutes };
}

/** The getSchedule request: the window in the zone it was given in, Graph's own validation then agrees with ours. */
export function scheduleRequestBody(req: AvailabilityRequest): Record<string, unknown> {
  return {
    schedules: req.schedules,
    startTime: { dateTime: req.start.dateTime, timeZone: req.start.timeZone },
    endTime: { dateTime: req.end.dateTime, timeZone: req.end.timeZone },
    availabilityViewInterval: req.intervalMinutes,
  };
}

export function decodeView(view: string): SlotStatus[] {
  return [...view].map((digit) => VIEW_STATUSES[Number(digit)] ?? 'unknown');
}

export interface Period {
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  status: SlotStatus;
  slots: number;
}

/**
 * Runs of slots with one status, as periods in the request's zone. Slot i covers interval minutes
 * from start + i intervals; the last one may run past the window's end, where its period is cut.
 */
export function periodsOf(statuses: readonly SlotStatus[], req: AvailabilityRequest): Period[] {
  const intervalMs = req.intervalMinutes * 60_000;
  const at = (slot: number): number => Math.min(req.start.epochMs + slot * intervalMs, req.end.epochMs);
  const periods: Period[] = [];
  for (let i = 0; i < statuses.length;) {
    let j = i + 1;
    while (j < statuses.length && statuses[j] === statuses[i]) j += 1;
    periods.push({ start: inZone(at(i), req.zone), end: inZone(at(j), req.zone), status: statuses[i], slots: j - i });
    i = j;
  }
  return periods;
}

/** What Graph's per-person responseCode means, in words that say what to check. */
export function explainScheduleError(address: string, error: { responseCode?: string | null; message?: string | null }): { code: string; message: string } {
  const code = error.responseCode ?? 'unknown';
  const graphSays = error.message ? ` (Microsoft Graph: ${error.message.slice(0, 200)})` : '';
  if (code === '5009') {
    return { code, message: `${address} is no mailbox, room or group of the organisation: check the address; a guest, an external address or a contact has no free/busy here${graphSays}` };
  }
  return { code, message: `The free/busy of ${address} could not be read (${code}); check the address and that its calendar shares free/busy with the signed-in user or the app${graphSays}` };
}

const normalStatus = (status: string | null | undefined): string => {
  const lower = (status ?? 'unknown').toLowerCase();
  return lower === 'workingelsewhere' ? 'workingElsewhere' : lower;
};

function busyItem(item: ScheduleItem): Record<string, unknown> {
  return {
    status: normalStatus(item.status),
    start: item.start,
    end: item.end,
    ...(item.subject !== undefined && { subject: item.subject }),
    ...(item.location !== undefined && { location: item.location }),
    ...(item.isPrivate !== undefined && { isPrivate: item.isPrivate }),
  };
}

function workingHours(hours: WorkingHours | null | undefined): Record<string, unknown> | null {
  if (!hours) return null;
  return { daysOfWeek: hours.daysOfWeek ?? [], startTime: hours.startTime ?? null, endTime: hours.endTime ?? null, timeZone: hours.timeZone?.name ?? null };
}

/** The step's output: per person, then the periods everyone whose free/busy was read is free. */
export function availabilityOutput(req: AvailabilityRequest, answer: ScheduleInformation[]): Record<string, unknown> {
  const byAddress = new Map(answer.map((info) => [(info.scheduleId ?? '').toLowerCase(), info]));
  const read: SlotStatus[][] = [];
  const errors: { address: string; code: string; message: string }[] = [];
  const schedules = req.schedules.map((address) => {
    const info = byAddress.get(address.toLowerCase());
    if (!info || info.error || typeof info.availabilityView !== 'string') {
      const error = explainScheduleError(address, info?.error ?? { responseCode: 'missing', message: 'no answer for this address' });
      errors.push({ address, ...error });
      return { address, error, availabilityView: null, freeThroughout: false, periods: [], busyItems: [], workingHours: null };
    }
    const statuses = decodeView(info.availabilityView);
    read.push(statuses);
    return {
      address,
      error: null,
      availabilityView: info.availabilityView,
      freeThroughout: statuses.every((s) => s === 'free'),
      periods: periodsOf(statuses, req),
      busyItems: (info.scheduleItems ?? []).filter((item) => normalStatus(item.status) !== 'free').map(busyItem),
      workingHours: workingHours(info.workingHours),
    };
  });
  const slots = Math.max(0, ...read.map((s) => s.length));
  const everyone = Array.from({ length: slots }, (_, i): SlotStatus => (read.length && read.every((s) => s[i] === 'free') ? 'free' : 'busy'));
  return {
    start: inZone(req.start.epochMs, req.zone),
    end: inZone(req.end.epochMs, req.zone),
    timeZone: req.zone.graphName,
    intervalMinutes: req.intervalMinutes,
    schedules,
    commonFreePeriods: periodsOf(everyone, req).filter((p) => p.status === 'free').map(({ start, end, slots: n }) => ({ start, end, slots: n })),
    errors,
  };
}

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const req = parseAvailabilityInput(msg.body);
  const session = createSession(cfg, this);
  // A POST that only reads: repeating it after a lost answer is harmless.
  const { body } = await session.post<{ value?: ScheduleInformation[] }>(`${session.root}/calendar/getSchedule`, scheduleRequestBody(req), {
    idempotent: true, prefer: [`outlook.timezone="${req.zone.graphName}"`],
  });
  const output = availabilityOutput(req, body?.value ?? []);
  const errors = output.errors as { code: string }[];
  if (errors.length) this.logger.warn(`Free/busy of ${errors.length} of ${req.schedules.length} address(es) could not be read (${[...new Set(errors.map((e) => e.code))].join(', ')}); see errors in the output`);
  this.logger.info(`Free/busy read for ${req.schedules.length - errors.length} of ${req.schedules.length} address(es)`);
  return newMessageWithBody(output);
}

export { processAction as process };
