/**
 * Poll for New and Updated Events: each event once per change. The cursor is lastModifiedDateTime
 * and the de-duplication key is id plus changeKey, so a second change within the same second is a
 * new item while a re-read of the same version is not.
 */
import type { Event } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { listCalendars } from '../graph/calendars';
import { itemKey } from '../graph/cursor';
import type { StepContext } from '../graph/logger';
import { idSegment } from '../graph/odata';
import { pollCollection } from '../graph/poll';
import { createSession } from '../graph/session';
import type { CredentialConfig } from '../graph/session';
import { parseInstant } from '../validation/datetime';
import { resolveTimeZone } from '../validation/timezones';

export interface GetEventsConfig extends CredentialConfig {
  calendarId?: string;
  startTime?: string;
  timeZone?: string;
}

export const EVENT_FIELDS = [
  'id', 'changeKey', 'iCalUId', 'type', 'seriesMasterId', 'subject', 'bodyPreview', 'body',
  'start', 'end', 'isAllDay', 'location', 'attendees', 'organizer', 'isOnlineMeeting',
  'onlineMeetingProvider', 'onlineMeeting', 'showAs', 'sensitivity', 'importance', 'recurrence',
  'isCancelled', 'categories', 'reminderMinutesBeforeStart', 'webLink', 'createdDateTime',
  'lastModifiedDateTime',
] as const;

export const EVENT_PAGE_SIZE = 1000;

/** `/calendar` is the default calendar; a chosen one is addressed by id. */
export function calendarPath(root: string, calendarId: unknown): string {
  return calendarId ? `${root}/calendars/${idSegment(calendarId, 'calendarId')}` : `${root}/calendar`;
}

export function eventPollSpec(cfg: GetEventsConfig, root: string) {
  const zone = cfg.timeZone ? resolveTimeZone(cfg.timeZone, 'timeZone').graphName : 'UTC';
  return {
    collectionPath: `${calendarPath(root, cfg.calendarId)}/events`,
    timeField: 'lastModifiedDateTime' as const,
    select: EVENT_FIELDS,
    prefer: [`outlook.timezone="${zone}"`],
    pageSize: EVENT_PAGE_SIZE,
    keyOf: (event: Event) => itemKey(event.id!, event.changeKey ?? ''),
  };
}

async function processTrigger(this: StepContext, _msg: unknown, cfg: GetEventsConfig, snapshot: unknown): Promise<void> {
  const startTime = cfg.startTime ? parseInstant(cfg.startTime, 'startTime') : undefined;
  const session = createSession(cfg, this);
  const spec = eventPollSpec(cfg, session.root);
  const { emitted, pages } = await pollCollection<Event & Record<string, unknown>>(session, spec, { snapshot, startTime }, {
    emit: async (event) => { await this.emit('data', newMessageWithBody(event)); },
    persist: async (next) => { await this.emit('snapshot', next); },
  }, this.logger);
  this.logger.info(`Poll finished: ${emitted} new or changed event(s) in ${pages} page(s)`);
}

/** Dropdown: the mailbox's calendars, the default one first. */
export async function getCalendars(this: StepContext, cfg: CredentialConfig): Promise<Record<string, string>> {
  return listCalendars(createSession(cfg, this));
}

export { processTrigger as process };
