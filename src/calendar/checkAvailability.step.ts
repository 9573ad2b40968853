/** Check Availability as component.json shows it; the code is checkAvailability.ts (parseAvailabilityInput reads `in`, availabilityOutput writes `out`). */
import type { ActionDescriptor } from '../manifest/descriptor';
import { mailboxField } from '../manifest/fields';
import { body, dateTimeTimeZone, flag, list, number, object, strings, text } from '../manifest/schemas';
import type { Schema } from '../manifest/schemas';

const STATUSES = 'free, tentative, busy, oof (out of office), workingElsewhere or unknown';
const ZONED = 'in the step\'s time zone';

const period = (what: string): Schema => object('Period', what, {
  start: dateTimeTimeZone('Start', `Start of the period, ${ZONED}.`),
  end: dateTimeTimeZone('End', `End of the period, ${ZONED}.`),
  status: text('Status', `${STATUSES}.`),
  slots: number('Slots', 'How many slots of the chosen length the period spans.'),
});

export const checkAvailability: ActionDescriptor = {
  id: 'checkAvailability',
  group: 'calendar',
  kind: 'action',
  title: 'Check Availability',
  description: 'Reads the free/busy of people and rooms over a time window: per slot, and their busy items.',
  help: {
    description: 'Reads the free/busy of up to 100 people and rooms (their addresses) over a window of at most 62 days, in slots of 5 to 1440 minutes (30 by default), through Microsoft Graph\'s getSchedule. Per address: periods of one status (free, tentative, busy, out of office, working elsewhere), the busy items, working hours, or why it could not be read; and the periods when everyone is free. Times are given in the time zone you choose.',
  },
  fields: {
    mailbox: mailboxField({ order: 10, note: 'Whose calendar asks: a shared or other mailbox (address, user principal name or user id). Empty: the signed-in user (required for an application credential).' }),
  },
  in: body({
    schedules: text('People and rooms', 'Addresses whose free/busy to read, as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list. At most 100.', { required: true }),
    start: text('Start', 'Start of the window: ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone.', { required: true }),
    end: text('End', 'End of the window, in the same forms; after Start and at most 62 days later (Microsoft Graph\'s limit).', { required: true }),
    timeZone: text('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name: local Start and End are read in it, and every time of the output is given in it. Empty: UTC.'),
    intervalMinutes: number('Slot length (minutes)', 'A whole number from 5 to 1440 (a day), no longer than the window. Empty: 30.'),
  }),
  out: body({
    start: dateTimeTimeZone('Start', `Start of the window, ${ZONED}.`),
    end: dateTimeTimeZone('End', `End of the window, ${ZONED}.`),
    timeZone: text('Time zone', 'The zone every time of the output is given in, as Graph names it.'),
    intervalMinutes: number('Slot length (minutes)', 'The length of each slot.'),
    schedules: list('Schedules', 'One entry per address asked for, in the order given.', object('Schedule', 'The free/busy of one person or room.', {
      address: text('Address', 'The address as asked for.'),
      error: object('Error', 'Why the free/busy of this address could not be read; null when it was.', {
        code: text('Code', "Graph's responseCode (5009: the address resolves to no mailbox of the organisation)."),
        message: text('Message', 'What went wrong and what to check.'),
      }),
      availabilityView: text('Availability view', "Graph's merged view, one digit per slot: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere; null when the free/busy could not be read."),
      freeThroughout: flag('Free throughout', 'Whether every slot of the window is free.'),
      periods: list('Periods', 'The window as consecutive periods of one status, slot by slot.', period('Consecutive slots with one status.')),
      busyItems: list('Busy items', 'The calendar items Graph reports in the window that are not free, in order.', object('Busy item', 'One calendar item.', {
        status: text('Status', `${STATUSES}.`),
        start: dateTimeTimeZone('Start', `Start of the item, ${ZONED}.`),
        end: dateTimeTimeZone('End', `End of the item, ${ZONED}.`),
        subject: text('Subject', 'Shown only when the calendar shares details with the signed-in user or the app; absent otherwise.'),
        location: text('Location', 'Shown only with the subject.'),
        isPrivate: flag('Private', 'Whether the item is private; absent when no details are shared.'),
      })),
      workingHours: object('Working hours', "The person's working hours from their mailbox settings; null when unknown.", {
        daysOfWeek: strings('Working days', 'monday to sunday.'),
        startTime: text('Start time', 'Time of day work starts (08:00:00.0000000), in the working hours\' zone; null when Graph does not say.'),
        endTime: text('End time', 'Time of day work ends; null when Graph does not say.'),
        timeZone: text('Time zone', 'The zone of the working hours, as the mailbox names it; null when Graph does not say (a custom zone without a name).'),
      }),
    })),
    commonFreePeriods: list('Free for everyone', 'Periods when everyone whose free/busy was read is free.', object('Free period', 'Consecutive slots free for everyone.', {
      start: dateTimeTimeZone('Start', `Start of the period, ${ZONED}.`),
      end: dateTimeTimeZone('End', `End of the period, ${ZONED}.`),
      slots: number('Slots', 'How many slots the period spans.'),
    })),
    errors: list('Errors', 'The addresses whose free/busy could not be read, with the reason; empty when all were read.', object('Error', 'One address that could not be read.', {
      address: text('Address', 'The address as asked for.'),
      code: text('Code', "Graph's responseCode."),
      message: text('Message', 'What went wrong and what to check.'),
    })),
  }),
};
