/**
 * Poll for New and Updated Events: each event once per change. The cursor is lastModifiedDateTime
 * and the de-duplication key is id plus changeKey, so a second change within the same second is a
 * new item while a re-read of the same version is not.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { calendarPath } from '../graph/calendars';
import { itemKey } from '../graph/cursor';
import { EVENT_FIELDS, EVENT_PAGE_SIZE } from '../graph/events';
import type { StepContext } from '../graph/logger';
import type { PollSpec } from '../graph/poll';
import type { StepConfig } from '../graph/session';
import { runPollingTrigger } from '../platform/pollingTrigger';
import { isAbsent } from '../validation/fields';
import { resolveTimeZone } from '../validation/timezones';

export interface GetEventsConfig extends StepConfig {
  calendarId?: string;
  startTime?: string;
  timeZone?: string;
}

// Shared with Calendar Changes (graph/events.ts); re-exported for the specs that import them from here.
export { EVENT_FIELDS, EVENT_PAGE_SIZE };

export function eventPollSpec(cfg: GetEventsConfig, root: string): PollSpec<Event & Record<string, unknown>> {
  const zone = isAbsent(cfg.timeZone) ? 'UTC' : resolveTimeZone(cfg.timeZone, 'timeZone').graphName;
  return {
    collectionPath: `${calendarPath(root, cfg.calendarId)}/events`,
    timeField: 'lastModifiedDateTime',
    select: EVENT_FIELDS,
    prefer: [`outlook.timezone="${zone}"`],
    pageSize: EVENT_PAGE_SIZE,
    keyOf: (event) => itemKey(event.id!, event.changeKey ?? ''),
  };
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetEventsConfig, snapshot: unknown): Promise<void> {
  await runPollingTrigger<Event & Record<string, unknown>>(this, cfg, snapshot, (root) => eventPollSpec(cfg, root), 'new or changed event(s)');
}

// The Calendar field's dropdown: sailor looks its model up on this module.
export { getCalendars } from '../platform/dropdowns';
export { processTrigger as process };
