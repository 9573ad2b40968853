/** Find Events as component.json shows it; the code is lookupEvents.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { eventDetailOutput, zoneInput } from '../manifest/eventSchemas';
import { calendarField, emitBehaviourField, mailboxField } from '../manifest/fields';
import { body, text, withPages } from '../manifest/schemas';

export const lookupEvents: ActionDescriptor = {
  id: 'lookupEvents',
  group: 'calendar',
  kind: 'action',
  title: 'Find Events',
  description: 'Lists the events of a calendar in a time window, recurring series expanded into their occurrences, optionally filtered.',
  help: {
    description: 'Lists what the chosen calendar shows between Window start and Window end: single events, and each occurrence of a recurring series, ordered by start, with times in the time zone you choose. Subject, organizer and categories narrow the list. Emits one message per event, or one per page of up to 100 events; nothing when none matches.',
  },
  fields: {
    mailbox: mailboxField({ order: 30 }),
    calendarId: calendarField(20),
    emitBehaviour: emitBehaviourField('event', 10),
  },
  in: body({
    windowStart: text('Window start', "From when: '2026-03-10T00:00:00+01:00', a local time with Time zone, or a date (its midnight in Time zone).", { required: true }),
    windowEnd: text('Window end', 'Until when, same forms, after Window start and at most 1825 days after it. Events overlapping the window are listed.', { required: true }),
    timeZone: zoneInput('local times of the window and for the times in the output'),
    subject: text('Subject contains', 'Only events whose subject contains this text, in any letter case.'),
    organizer: text('Organizer', "Only events organised by this address (any letter case); the mailbox's own address for the events it organised."),
    categories: text('Categories', 'Only events with at least one of these Outlook categories (comma-separated or a list, any letter case).'),
  }),
  out: withPages(body(eventDetailOutput), 'events'),
};
