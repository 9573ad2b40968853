"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkAvailability = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
const STATUSES = 'free, tentative, busy, oof (out of office), workingElsewhere or unknown';
const ZONED = 'in the step\'s time zone';
const period = (what) => (0, schemas_1.object)('Period', what, {
    start: (0, schemas_1.dateTimeTimeZone)('Start', `Start of the period, ${ZONED}.`),
    end: (0, schemas_1.dateTimeTimeZone)('End', `End of the period, ${ZONED}.`),
    status: (0, schemas_1.text)('Status', `${STATUSES}.`),
    slots: (0, schemas_1.number)('Slots', 'How many slots of the chosen length the period spans.'),
});
exports.checkAvailability = {
    id: 'checkAvailability',
    group: 'calendar',
    kind: 'action',
    title: 'Check Availability',
    description: 'Reads the free/busy of people and rooms over a time window: per slot, and their busy items.',
    help: {
        description: 'Reads the free/busy of up to 100 people and rooms (their addresses) over a window of at most 62 days, in slots of 5 to 1440 minutes (30 by default), through Microsoft Graph\'s getSchedule. Per address: periods of one status (free, tentative, busy, out of office, working elsewhere), the busy items, working hours, or why it could not be read; and the periods when everyone is free. Times are given in the time zone you choose.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'Whose calendar asks: a shared or other mailbox (address, user principal name or user id). Empty: the signed-in user (required for an application credential).' }),
    },
    in: (0, schemas_1.body)({
        schedules: (0, schemas_1.text)('People and rooms', 'Addresses whose free/busy to read, as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list. At most 100.', { required: true }),
        start: (0, schemas_1.text)('Start', 'Start of the window: ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone.', { required: true }),
        end: (0, schemas_1.text)('End', 'End of the window, in the same forms; after Start and at most 62 days later (Microsoft Graph\'s limit).', { required: true }),
        timeZone: (0, schemas_1.text)('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name: local Start and End are read in it, and every time of the output is given in it. Empty: UTC.'),
        intervalMinutes: (0, schemas_1.number)('Slot length (minutes)', 'A whole number from 5 to 1440 (a day), no longer than the window. Empty: 30.'),
    }),
    out: (0, schemas_1.body)({
        start: (0, schemas_1.dateTimeTimeZone)('Start', `Start of the window, ${ZONED}.`),
        end: (0, schemas_1.dateTimeTimeZone)('End', `End of the window, ${ZONED}.`),
        timeZone: (0, schemas_1.text)('Time zone', 'The zone every time of the output is given in, as Graph names it.'),
        intervalMinutes: (0, schemas_1.number)('Slot length (minutes)', 'The length of each slot.'),
        schedules: (0, schemas_1.list)('Schedules', 'One entry per address asked for, in the order given.', (0, schemas_1.object)('Schedule', 'The free/busy of one person or room.', {
            address: (0, schemas_1.text)('Address', 'The address as asked for.'),
            error: (0, schemas_1.object)('Error', 'Why the free/busy of this address could not be read; null when it was.', {
                code: (0, schemas_1.text)('Code', "Graph's responseCode (5009: the address resolves to no mailbox of the organisation)."),
                message: (0, schemas_1.text)('Message', 'What went wrong and what to check.'),
            }),
            availabilityView: (0, schemas_1.text)('Availability view', "Graph's merged view, one digit per slot: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere; null when the free/busy could not be read."),
            freeThroughout: (0, schemas_1.flag)('Free throughout', 'Whether every slot of the window is free.'),
            periods: (0, schemas_1.list)('Periods', 'The window as consecutive periods of one status, slot by slot.', period('Consecutive slots with one status.')),
            busyItems: (0, schemas_1.list)('Busy items', 'The calendar items Graph reports in the window that are not free, in order.', (0, schemas_1.object)('Busy item', 'One calendar item.', {
                status: (0, schemas_1.text)('Status', `${STATUSES}.`),
                start: (0, schemas_1.dateTimeTimeZone)('Start', `Start of the item, ${ZONED}.`),
                end: (0, schemas_1.dateTimeTimeZone)('End', `End of the item, ${ZONED}.`),
                subject: (0, schemas_1.text)('Subject', 'Shown only when the calendar shares details with the signed-in user or the app; absent otherwise.'),
                location: (0, schemas_1.text)('Location', 'Shown only with the subject.'),
                isPrivate: (0, schemas_1.flag)('Private', 'Whether the item is private; absent when no details are shared.'),
            })),
            workingHours: (0, schemas_1.object)('Working hours', "The person's working hours from their mailbox settings; null when unknown.", {
                daysOfWeek: (0, schemas_1.strings)('Working days', 'monday to sunday.'),
                startTime: (0, schemas_1.text)('Start time', 'Time of day work starts (08:00:00.0000000), in the working hours\' zone; null when Graph does not say.'),
                endTime: (0, schemas_1.text)('End time', 'Time of day work ends; null when Graph does not say.'),
                timeZone: (0, schemas_1.text)('Time zone', 'The zone of the working hours, as the mailbox names it; null when Graph does not say (a custom zone without a name).'),
            }),
        })),
        commonFreePeriods: (0, schemas_1.list)('Free for everyone', 'Periods when everyone whose free/busy was read is free.', (0, schemas_1.object)('Free period', 'Consecutive slots free for everyone.', {
            start: (0, schemas_1.dateTimeTimeZone)('Start', `Start of the period, ${ZONED}.`),
            end: (0, schemas_1.dateTimeTimeZone)('End', `End of the period, ${ZONED}.`),
            slots: (0, schemas_1.number)('Slots', 'How many slots the period spans.'),
        })),
        errors: (0, schemas_1.list)('Errors', 'The addresses whose free/busy could not be read, with the reason; empty when all were read.', (0, schemas_1.object)('Error', 'One address that could not be read.', {
            address: (0, schemas_1.text)('Address', 'The address as asked for.'),
            code: (0, schemas_1.text)('Code', "Graph's responseCode."),
            message: (0, schemas_1.text)('Message', 'What went wrong and what to check.'),
        })),
    }),
};
