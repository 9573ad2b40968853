/** Get Event as component.json shows it; the code is getEvent.ts. */
import type { ActionDescriptor } from '../manifest/descriptor';
import { eventDetailOutput, eventRefInput, zoneInput } from '../manifest/eventSchemas';
import { mailboxField } from '../manifest/fields';
import { body } from '../manifest/schemas';

export const getEvent: ActionDescriptor = {
  id: 'getEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Get Event',
  description: 'Reads one event, occurrence or exception by id, or one occurrence of a recurring series by its start.',
  help: {
    description: 'Reads one event of the mailbox by its id (from Create Event, Find Events or a trigger), with its times in the time zone you choose. With Occurrence start, reads that occurrence of the recurring series the id names. Fails with a clear error when the event no longer exists.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    ...eventRefInput,
    timeZone: zoneInput('a local Occurrence start and for the times in the output'),
  }),
  out: body(eventDetailOutput),
};
