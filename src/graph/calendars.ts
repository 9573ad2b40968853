import type { Calendar } from '@microsoft/microsoft-graph-types';
import { queryString } from './odata';
import type { GraphSession } from './session';

/** Calendars of the mailbox for a dropdown, the default one first. */
export async function listCalendars(session: GraphSession): Promise<Record<string, string>> {
  const query = queryString({ select: ['id', 'name', 'isDefaultCalendar', 'canEdit'], top: 250 });
  const calendars = await session.all<Calendar>(`${session.root}/calendars${query}`);
  calendars.sort((a, b) => Number(Boolean(b.isDefaultCalendar)) - Number(Boolean(a.isDefaultCalendar)) || (a.name ?? '').localeCompare(b.name ?? ''));
  return Object.fromEntries(calendars.map((c) => [c.id!, c.isDefaultCalendar ? `${c.name} (default)` : c.name ?? c.id!]));
}
