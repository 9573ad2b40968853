/** Update Event as component.json shows it; the code is updateEvent.ts (validation/event.ts reads the event fields). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { addedFiles, eventDetailOutput, eventInput, eventRefInput, zoneInput } from '../manifest/eventSchemas';
import { mailboxField } from '../manifest/fields';
import { body, text } from '../manifest/schemas';

export const updateEvent: ActionDescriptor = {
  id: 'updateEvent',
  group: 'calendar',
  kind: 'action',
  title: 'Update Event',
  description: 'Changes the given fields of an event, a whole recurring series or one occurrence of it. Empty fields stay as they are.',
  help: {
    description: 'Changes only the fields you give of the event the id names: subject, times, attendees (replaced, or added to those invited), places, recurrence and the rest of Create Event\'s fields, and adds the files of the incoming message. With Occurrence start, changes that one occurrence of the series (Outlook keeps it as an exception). Outlook sends attendees the update. Setting the same values again changes nothing, so a replayed message is harmless.',
  },
  fields: {
    mailbox: mailboxField({ order: 10 }),
  },
  in: body({
    ...eventRefInput,
    attendeesMode: text('Attendees mode', 'replace (the default): the attendees given become the attendees; add: they are added to those invited (one already invited takes the type given). In any letter case; empty attendee fields change nothing.'),
    ...eventInput({ create: false }),
    timeZone: zoneInput('local times (Start, End, Occurrence start) and for the times in the output; the event is moved to it when Start or End is given'),
  }),
  out: body({
    ...eventDetailOutput,
    attachments: addedFiles,
  }),
};
