import type { Calendar } from '@microsoft/microsoft-graph-types';
import { isAbsent } from '../validation/fields';
import { idSegment, queryString } from './odata';
import type { GraphSession } from './session';

/** `/calendar` is the default calendar; a chosen one is addressed by id. */
export function calendarPath(root: string, calendarId: unknown): string {
  return isAbsent(calendarId) ? `${root}/calendar` : `${root}/calendars/${idSegment(calendarId, 'calendarId')}`;
}

/** Calendars of the mailbox for a dropdown, the default one first. */
export async function listCalendars(session: GraphSession): Promise<Record<string, string>> {
  const query = queryString({ select: ['id', 'name', 'isDefaultCalendar', 'canEdit'], top: 250 });
  const calendars = await session.all<Calendar>(`${session.root}/calendars${query}`);
  calendars.sort((a, b) => Number(Boolean(b.isDefaultCalendar)) - Number(Boolean(a.isDefaultCalendar)) || (a.name ?? '').localeCompare(b.name ?? ''));
  return Object.fromEntries(calendars.map((c) => [c.id!, c.isDefaultCalendar ? `${c.name} (default)` : c.name ?? c.id!]));
}
