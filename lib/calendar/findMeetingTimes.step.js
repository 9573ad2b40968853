"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findMeetingTimes = void 0;
const fields_1 = require("../manifest/fields");
const schemas_1 = require("../manifest/schemas");
const AS_TO = 'as Send Mail\'s To takes them: an address, "Name <address>", several separated by commas or semicolons, or a list';
const STATUSES = 'free, tentative, busy, oof (out of office), workingElsewhere or unknown';
exports.findMeetingTimes = {
    id: 'findMeetingTimes',
    group: 'calendar',
    kind: 'action',
    title: 'Find Meeting Times',
    description: 'Suggests times when the attendees can meet, ranked, with each attendee\'s availability; or says why there are none.',
    help: {
        description: 'Asks Microsoft Graph (findMeetingTimes) when the organizer (the mailbox) and the attendees can meet for the given duration within a window of at most 62 days, within working hours or not. Emits the suggestions ranked by confidence (the chance that everyone attends), each with every attendee\'s availability; with none, the reason and what to change. Needs a credential a user signed in with: Graph offers this to signed-in users only.',
    },
    fields: {
        mailbox: (0, fields_1.mailboxField)({ order: 10, note: 'The organizer: a shared or other mailbox (address, user principal name or user id) the signed-in user has Full Access to. Empty: the signed-in user.' }),
    },
    in: (0, schemas_1.body)({
        start: (0, schemas_1.text)('Start', 'Start of the window to search: ISO 8601 with an offset (2026-03-10T09:00:00+01:00), or a local time (2026-03-10T09:00:00) together with Time zone.', { required: true }),
        end: (0, schemas_1.text)('End', 'End of the window, in the same forms; after Start and at most 62 days later.', { required: true }),
        requiredAttendees: (0, schemas_1.text)('Required attendees', `People who must attend, ${AS_TO}. At most 100 attendees in all three fields. Empty: the organizer's own free time.`),
        optionalAttendees: (0, schemas_1.text)('Optional attendees', `People who may attend, ${AS_TO}.`),
        resourceAttendees: (0, schemas_1.text)('Rooms and resources', `Rooms or equipment the meeting needs, as mailbox addresses; ${AS_TO}.`),
        durationMinutes: (0, schemas_1.number)('Duration (minutes)', 'Length of the meeting, a whole number from 5 to 1440, no longer than the window. Empty: 30.'),
        timeZone: (0, schemas_1.text)('Time zone', 'IANA (Europe/Berlin) or Windows (W. Europe Standard Time) name: local Start and End are read in it, and the suggestions are given in it. Empty: UTC.'),
        activityDomain: (0, schemas_1.text)('Hours', "work (the default: within everyone's working hours, Monday to Friday), personal (working hours on every day of the week) or unrestricted (any time), in any letter case."),
        maxCandidates: (0, schemas_1.number)('Most suggestions', 'A whole number from 1 to 100. Empty: as Microsoft Graph decides (usually 5).'),
        minimumAttendeePercentage: (0, schemas_1.number)('Minimum confidence (%)', 'A whole number from 0 to 100: only times at least this likely to suit everyone are suggested. Empty: 50.'),
        isOrganizerOptional: (0, schemas_1.flag)('Organizer optional', 'true: times the organizer is busy may be suggested too.'),
    }),
    out: (0, schemas_1.body)({
        suggestions: (0, schemas_1.list)('Suggestions', 'Times to meet, best first: by confidence, then by time.', (0, schemas_1.object)('Suggestion', 'One time to meet.', {
            order: (0, schemas_1.number)('Rank', '1 for the best suggestion, then 2, 3, ...'),
            confidence: (0, schemas_1.number)('Confidence (%)', 'The chance that all attendees attend (0 to 100): the average over the attendees of 100 when free, 49 when unknown, 0 when busy.'),
            start: (0, schemas_1.dateTimeTimeZone)('Start', 'Start of the suggested meeting, in the step\'s time zone.'),
            end: (0, schemas_1.dateTimeTimeZone)('End', 'End of the suggested meeting.'),
            organizerAvailability: (0, schemas_1.text)('Organizer availability', `${STATUSES}.`),
            attendeeAvailability: (0, schemas_1.list)('Attendee availability', 'Each attendee\'s availability at this time.', (0, schemas_1.object)('Attendee', 'One attendee.', {
                address: (0, schemas_1.text)('Address', "The attendee's address."),
                name: (0, schemas_1.text)('Name', "The attendee's name; null when none was given."),
                type: (0, schemas_1.text)('Type', 'required, optional or resource; null when Graph does not say.'),
                availability: (0, schemas_1.text)('Availability', `${STATUSES}.`),
            })),
            locations: (0, schemas_1.strings)('Locations', 'Names of the places Graph suggests; empty when none.'),
            suggestionReason: (0, schemas_1.text)('Reason', 'Why Graph suggests this time; null when it gives no reason.'),
        })),
        count: (0, schemas_1.number)('Number of suggestions', '0 when Graph found no time; then Reason for none says why.'),
        emptySuggestionsReason: (0, schemas_1.text)('Reason for none', 'Empty when there are suggestions; otherwise attendeesUnavailable, attendeesUnavailableOrUnknown, locationsUnavailable, organizerUnavailable or unknown.'),
        emptySuggestionsExplanation: (0, schemas_1.text)('Why none, and what to change', 'Reason for none in words, with what to change in the request; empty when there are suggestions.'),
        timeZone: (0, schemas_1.text)('Time zone', 'The zone of the suggested times, as Graph names it.'),
        durationMinutes: (0, schemas_1.number)('Duration (minutes)', 'The length of the meeting asked for.'),
    }),
};
