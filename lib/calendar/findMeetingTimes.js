"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTIVITY_DOMAINS = exports.MAX_CANDIDATES = exports.MAX_DURATION_MINUTES = exports.MIN_DURATION_MINUTES = exports.MAX_WINDOW_DAYS = exports.MAX_ATTENDEES = void 0;
exports.parseMeetingInput = parseMeetingInput;
exports.isoDuration = isoDuration;
exports.meetingRequestBody = meetingRequestBody;
exports.explainEmptySuggestions = explainEmptySuggestions;
exports.meetingOutput = meetingOutput;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const session_1 = require("../graph/session");
const attendees_1 = require("../validation/attendees");
const fields_1 = require("../validation/fields");
const timeWindow_1 = require("../validation/timeWindow");
/** Public reports: findMeetingTimes answers OrganizerUnavailable past 100 attendees. */
exports.MAX_ATTENDEES = 100;
/** Graph documents no window for findMeetingTimes; it reads the free/busy getSchedule limits to 62 days. */
exports.MAX_WINDOW_DAYS = 62;
exports.MIN_DURATION_MINUTES = 5;
exports.MAX_DURATION_MINUTES = 1440;
exports.MAX_CANDIDATES = 100;
exports.ACTIVITY_DOMAINS = ['work', 'personal', 'unrestricted'];
function parseMeetingInput(input) {
    const body = (0, fields_1.inputObject)(input);
    const attendees = (0, attendees_1.parseAttendees)(body, exports.MAX_ATTENDEES);
    const window = (0, timeWindow_1.parseTimeWindow)(body, exports.MAX_WINDOW_DAYS, 'Find Meeting Times (as Microsoft Graph\'s free/busy)');
    const durationMinutes = (0, fields_1.optionalInteger)(body.durationMinutes, 'durationMinutes', exports.MIN_DURATION_MINUTES, exports.MAX_DURATION_MINUTES) ?? 30;
    if (durationMinutes * 60_000 > window.end.epochMs - window.start.epochMs) {
        throw new errors_1.InputError('durationMinutes', `is ${durationMinutes} minutes, longer than the window from start to end: give a window that can hold the meeting`);
    }
    return {
        ...window,
        attendees,
        durationMinutes,
        activityDomain: (0, fields_1.oneOf)(body.activityDomain, 'activityDomain', exports.ACTIVITY_DOMAINS, 'work'),
        maxCandidates: (0, fields_1.optionalInteger)(body.maxCandidates, 'maxCandidates', 1, exports.MAX_CANDIDATES),
        minimumAttendeePercentage: (0, fields_1.optionalInteger)(body.minimumAttendeePercentage, 'minimumAttendeePercentage', 0, 100),
        isOrganizerOptional: (0, fields_1.parseFlag)(body.isOrganizerOptional, 'isOrganizerOptional'),
    };
}
/** ISO 8601 duration, as Edm.Duration: PT1H30M. */
function isoDuration(minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}
function meetingRequestBody(req) {
    return {
        attendees: req.attendees.map((a) => ({ type: a.type, emailAddress: a.emailAddress })),
        timeConstraint: {
            activityDomain: req.activityDomain,
            timeSlots: [{ start: { dateTime: req.start.dateTime, timeZone: req.start.timeZone }, end: { dateTime: req.end.dateTime, timeZone: req.end.timeZone } }],
        },
        meetingDuration: isoDuration(req.durationMinutes),
        isOrganizerOptional: req.isOrganizerOptional,
        returnSuggestionReasons: true,
        ...(req.maxCandidates !== undefined && { maxCandidates: req.maxCandidates }),
        ...(req.minimumAttendeePercentage !== undefined && { minimumAttendeePercentage: req.minimumAttendeePercentage }),
    };
}
/** What each emptySuggestionsReason means for this request; Graph spells them in either case (AttendeesUnavailable, attendeesUnavailable). */
function explainEmptySuggestions(reason, req) {
    const normal = reason ? `${reason[0].toLowerCase()}${reason.slice(1)}` : '';
    const minimum = req.minimumAttendeePercentage ?? 50;
    const hours = req.activityDomain === 'unrestricted' ? '' : ' or outside working hours';
    const explanations = {
        '': '',
        attendeesUnavailable: `At every time the organizer could meet, fewer than ${minimum}% of the attendees are available${hours}: widen the window, lower the minimum attendee percentage, or make some attendees optional.`,
        attendeesUnavailableOrUnknown: `At every time the organizer could meet, fewer than ${minimum}% of the attendees are available${hours}, and the availability of some is unknown (an address outside the organisation, or a calendar that shares no free/busy): check the addresses, lower the minimum attendee percentage, or widen the window.`,
        locationsUnavailable: 'The rooms asked for are not free at any time that suits the attendees: widen the window or choose other rooms.',
        organizerUnavailable: `The organizer (the mailbox this step acts on) is busy${hours} at every time of the window: widen the window${req.activityDomain === 'work' ? ', choose activity domain personal or unrestricted to include other hours' : ''}, or set Organizer optional.`,
        unknown: `Microsoft Graph gave no reason: check that the window can hold a meeting of ${req.durationMinutes} minutes${hours ? ' within working hours' : ''}, and widen it.`,
    };
    return { reason: normal, explanation: explanations[normal] ?? `Microsoft Graph found no time (${reason}): widen the window or ask for fewer attendees.` };
}
const normalStatus = (status) => {
    const lower = (status ?? 'unknown').toLowerCase();
    return lower === 'workingelsewhere' ? 'workingElsewhere' : lower;
};
function attendeeOutput(a) {
    return {
        address: a.attendee?.emailAddress?.address ?? '',
        name: a.attendee?.emailAddress?.name ?? null,
        type: a.attendee?.type ?? null,
        availability: normalStatus(a.availability),
    };
}
function meetingOutput(req, answer) {
    const given = [...(answer.meetingTimeSuggestions ?? [])];
    const ranked = given.every((s) => typeof s.order === 'number')
        ? given.sort((a, b) => a.order - b.order)
        : given;
    // A suggestion without a time slot would tell a flow nothing it can book.
    const suggestions = ranked.filter((s) => s.meetingTimeSlot?.start && s.meetingTimeSlot.end).map((s, i) => ({
        order: i + 1,
        confidence: s.confidence ?? 0,
        start: s.meetingTimeSlot?.start,
        end: s.meetingTimeSlot?.end,
        organizerAvailability: normalStatus(s.organizerAvailability),
        attendeeAvailability: (s.attendeeAvailability ?? []).map(attendeeOutput),
        locations: (s.locations ?? []).map((l) => l.displayName ?? '').filter(Boolean),
        suggestionReason: s.suggestionReason ?? null,
    }));
    const empty = explainEmptySuggestions(suggestions.length ? '' : answer.emptySuggestionsReason ?? 'unknown', req);
    return {
        suggestions,
        count: suggestions.length,
        emptySuggestionsReason: empty.reason,
        emptySuggestionsExplanation: empty.explanation,
        timeZone: req.zone.graphName,
        durationMinutes: req.durationMinutes,
    };
}
async function processAction(msg, cfg) {
    const req = parseMeetingInput(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    if (session.authType === 'application') {
        throw new errors_1.CredentialError('Find Meeting Times needs a delegated credential (authType delegated): Microsoft Graph offers findMeetingTimes only to a signed-in user, not to an application. Use a credential a user signed in with, or Check Availability, which works with an application credential too.');
    }
    // A POST that only reads: repeating it after a lost answer is harmless.
    const { body } = await session.post(`${session.root}/findMeetingTimes`, meetingRequestBody(req), {
        idempotent: true, prefer: [`outlook.timezone="${req.zone.graphName}"`],
    });
    const output = meetingOutput(req, body ?? {});
    this.logger.info(output.count ? `${output.count} meeting time(s) suggested` : `No meeting time suggested (${output.emptySuggestionsReason})`);
    return (0, messages_1.newMessageWithBody)(output);
}
