/** Poll for New and Updated Events as component.json shows it; the code is getNewAndUpdatedEvents.ts (graph/events.ts EVENT_FIELDS match `out`). */
import type { TriggerDescriptor } from '../manifest/descriptor';
import { calendarField, mailboxField, startTimeField, timeZoneField } from '../manifest/fields';
import { eventOutput } from '../manifest/eventSchemas';
import { body } from '../manifest/schemas';

export const getNewAndUpdatedEvents: TriggerDescriptor = {
  id: 'getNewAndUpdatedEvents',
  group: 'calendar',
  kind: 'trigger',
  title: 'Poll for New and Updated Events',
  description: 'Emits each event of the chosen calendar once per change: when it is created and each time it is changed.',
  help: {
    description: 'Emits an event of the chosen calendar when it is created and again each time it changes, once per change, oldest change first. Start and end are given in the time zone you choose (UTC by default). Deleted events are not reported, and a recurring series is reported through its series master rather than per occurrence. Set Start time to include changes made before the flow starts.',
  },
  fields: {
    mailbox: mailboxField({ order: 40 }),
    calendarId: calendarField(30),
    startTime: startTimeField({ emits: 'events created or changed', whenEmpty: 'changes', order: 20 }),
    timeZone: timeZoneField(10),
  },
  out: body(eventOutput),
};
