/** Calendar Changes as component.json shows it; the code is getEventChanges.ts. */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { calendarField, changeTypesField, daysField, mailboxField, startTimeField, timeZoneField } from '../manifest/fields';
import { eventOutput } from '../manifest/eventSchemas';
import { body, object, text } from '../manifest/schemas';

export const getEventChanges: TriggerDescriptor = {
  id: 'getEventChanges',
  group: 'calendar',
  kind: 'trigger',
  title: 'Calendar Changes',
  description: 'Emits what happens to the events of a calendar within a rolling window of days: events and occurrences created, changed, and deleted or cancelled.',
  help: {
    description: 'Follows a calendar through Outlook\'s change tracking (Graph delta queries on a calendar view) from Past days back to Future days ahead; the window moves on daily, and events coming into view at its far end are emitted as created. Recurring series are reported per occurrence. Deleted: an event or occurrence was deleted, moved out of the window, or cancelled by its organizer. Each change is emitted once. Choose Poll for New and Updated Events to follow series masters without a window.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    calendarId: calendarField(30),
    changeTypes: changeTypesField({
      created: 'Created: new, or coming into the window',
      updated: 'Updated: changed',
      deleted: 'Deleted, cancelled or moved out of the window',
    }, 25, { all: true }),
    pastDays: daysField({ label: 'Past days', placeholder: '30', note: 'How many days back the window reaches. Empty: 30.', order: 24 }),
    futureDays: daysField({ label: 'Future days', placeholder: '365', note: 'How many days ahead the window reaches. Empty: 365. With Past days and today, at most 1,825 days.', order: 23 }),
    startTime: startTimeField({ emits: 'events created or changed', whenEmpty: 'changes', order: 20 }),
    timeZone: timeZoneField(10),
  },
  out: body({
    changeType: text('Change', 'created (new, or come into the window as it moved on), updated (changed) or deleted (deleted, moved out of the window, or cancelled).'),
    id: text('Event id', 'Immutable Outlook id of the event, occurrence or exception.'),
    reason: text('Removal reason', 'Deletions only: deleted (Graph reported it removed: deleted, or moved out of the window) or cancelled (the organizer cancelled it; the event is attached).'),
    event: object('Event', 'Created, updated and cancelled only: the event with the fields Poll for New and Updated Events emits.', eventOutput),
  }),
};
