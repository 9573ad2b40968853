"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCHEDULE_ROUTES = exports.MAX_INTERVAL_MINUTES = exports.MIN_INTERVAL_MINUTES = exports.MAX_SCHEDULES = exports.MAX_SCHEDULE_DAYS = void 0;
/**
 * Scheduling: free/busy (`POST /calendar/getSchedule`, calendar-getschedule.md), meeting time
 * suggestions (`POST /findMeetingTimes`, user-findmeetingtimes.md) and the mailbox settings they
 * read (`GET /mailboxSettings`, user-get-mailboxsettings.md). Free/busy comes from schedule.ts,
 * suggestions from suggestions.ts, working hours and zones from mailbox-settings.ts.
 *
 * Errors of getSchedule as public reports quote them: ErrorInvalidMergedFreeBusyInterval
 * (microsoft-graph-docs issue #6450), ErrorTimeIntervalTooBig (pull request #19703: "The allowed
 * limit = 62 days; the actual limit = 63 days."), ErrorInvalidTimeInterval (msgraph-sdk-dotnet
 * issue #2349), ErrorMailboxDataArrayTooBig (issue #7046: 100 addresses). An address that is no
 * mailbox of the organisation is answered inside the 200, per schedule, as issue #11225 shows it:
 * `{scheduleId, error: {message: "Unable to resolve e-mail address ... to an Active Directory
 * object.", responseCode: "5009"}}`.
 */
const access_1 = require("./access");
const errors_1 = require("./errors");
const event_input_1 = require("./event-input");
const graph_request_1 = require("./graph-request");
const http_1 = require("./http");
const json_1 = require("./json");
const mailbox_settings_1 = require("./mailbox-settings");
const recipients_1 = require("./recipients");
const schedule_1 = require("./schedule");
const suggestions_1 = require("./suggestions");
const timefmt_1 = require("./timefmt");
const timezones_1 = require("./timezones");
const world_1 = require("./world");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** getSchedule's limits (see the sources above). */
exports.MAX_SCHEDULE_DAYS = 62;
exports.MAX_SCHEDULES = 100;
exports.MIN_INTERVAL_MINUTES = 5;
exports.MAX_INTERVAL_MINUTES = 1440;
const metadata = (req, fragment) => `${req.world.baseUrl}/v1.0/$metadata#${fragment}`;
function dateTimeTimeZone(req, ms) {
    const zone = req.render.timeZone;
    return { dateTime: (0, timefmt_1.wallTicks)((0, timezones_1.utcToWall)(zone, ms)), timeZone: zone.graphName };
}
/** A mailbox of the caller's organisation by any of its addresses; other tenants' and unknown ones are not. */
function resolve(req, address) {
    const found = req.world.directory.mailbox(address);
    return found && found.enabled && found.tenant === req.mailbox.tenant ? found : undefined;
}
/** Action parameters arrive as JSON values or, as in Microsoft's own examples, as strings ("100", "false"). */
function numberParam(json, name) {
    const value = (0, json_1.param)(json, name);
    if (value === undefined || value === null)
        return undefined;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n))
        throw (0, errors_1.badRequest)(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Double'.`);
    return n;
}
function booleanParam(json, name) {
    const value = (0, json_1.param)(json, name);
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value))
        return value.toLowerCase() === 'true';
    throw (0, errors_1.badRequest)(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean'.`);
}
// ---- getSchedule ----
/**
 * Whether the caller sees what an item is (subject, location) or only when it is: the owner does,
 * and so does whoever may read that calendar (Full Access with a .Shared scope; an app within its
 * mailbox scope); others see free/busy only, as Megan's items in the published example. Private
 * and confidential items show their subject to the owner alone (outlook-get-free-busy-schedule.md).
 */
function detailsFor(req, target) {
    const { caller } = req;
    if (caller.kind === 'app') {
        const scope = caller.servicePrincipal?.mailboxScope;
        return !scope || scope.has(target.user.id) ? 'reader' : 'none';
    }
    if (caller.user === target)
        return 'owner';
    return target.hasRight(caller.user.user.id, 'fullAccess') && (0, access_1.delegatedAllows)(caller.scopes, 'Calendars.Read', false) ? 'reader' : 'none';
}
function renderItem(req, item, details) {
    const { event } = item;
    const isPrivate = event.sensitivity === 'private' || event.sensitivity === 'confidential';
    const shown = details === 'owner' || (details === 'reader' && !isPrivate);
    return {
        ...(details !== 'none' && { isPrivate }),
        status: item.status,
        ...(shown && { subject: event.subject, location: event.location.displayName }),
        start: dateTimeTimeZone(req, item.startMs),
        end: dateTimeTimeZone(req, item.endMs),
    };
}
function scheduleOf(req, scheduleId, window, intervalMs) {
    const target = resolve(req, scheduleId);
    if (!target) {
        return { scheduleId, error: { message: `Unable to resolve e-mail address ${scheduleId} to an Active Directory object.`, responseCode: '5009' } };
    }
    const items = (0, schedule_1.scheduleItems)(target, window, (0, world_1.visibleUntil)(req.world));
    const details = detailsFor(req, target);
    return {
        scheduleId,
        availabilityView: (0, schedule_1.availabilityView)(items, window, intervalMs),
        scheduleItems: items.map((item) => renderItem(req, item, details)),
        workingHours: (0, mailbox_settings_1.renderWorkingHours)((0, mailbox_settings_1.settingsOf)(target).workingHours),
    };
}
const getSchedule = (req) => {
    const json = (0, graph_request_1.jsonBody)(req);
    const schedules = (0, json_1.param)(json, 'schedules');
    if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string' && s !== '')) {
        throw new errors_1.GraphError(400, 'ErrorInvalidParameter', "The parameter 'Schedules' must be a non-empty collection of SMTP addresses.");
    }
    if (schedules.length > exports.MAX_SCHEDULES) {
        throw new errors_1.GraphError(400, 'ErrorMailboxDataArrayTooBig', `There are too many target users in the EmailAddress array. The allowed size = ${exports.MAX_SCHEDULES}; the actual size = ${schedules.length}.`);
    }
    const window = { startMs: (0, event_input_1.readTime)((0, json_1.param)(json, 'startTime'), 'startTime', false).ms, endMs: (0, event_input_1.readTime)((0, json_1.param)(json, 'endTime'), 'endTime', false).ms };
    if (window.endMs <= window.startMs) {
        throw new errors_1.GraphError(400, 'ErrorInvalidTimeInterval', 'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.');
    }
    if (window.endMs - window.startMs > exports.MAX_SCHEDULE_DAYS * DAY) {
        throw new errors_1.GraphError(400, 'ErrorTimeIntervalTooBig', `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${exports.MAX_SCHEDULE_DAYS} days; the actual limit = ${Math.ceil((window.endMs - window.startMs) / DAY)} days.`);
    }
    const interval = numberParam(json, 'availabilityViewInterval') ?? 30;
    if (!Number.isInteger(interval) || interval < exports.MIN_INTERVAL_MINUTES || interval > exports.MAX_INTERVAL_MINUTES || interval * MINUTE > window.endMs - window.startMs) {
        throw new errors_1.GraphError(400, 'ErrorInvalidMergedFreeBusyInterval', `The specified merged free/busy interval is not valid. Specify an interval that is less than the free/busy time window and  between ${exports.MIN_INTERVAL_MINUTES} and ${exports.MAX_INTERVAL_MINUTES} minutes.`);
    }
    return (0, http_1.graphJson)(200, {
        '@odata.context': metadata(req, 'Collection(microsoft.graph.scheduleInformation)'),
        value: schedules.map((id) => scheduleOf(req, id, window, interval * MINUTE)),
    });
};
// ---- findMeetingTimes ----
/** An ISO 8601 duration as Edm.Duration takes it (PT1H, PT2H30M, P1DT2H); whole seconds. */
function durationMs(value) {
    if (value === undefined || value === null)
        return 30 * MINUTE;
    const m = typeof value === 'string' ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value) : null;
    const ms = m && (((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
    if (!ms)
        throw (0, errors_1.badRequest)(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Duration'.`);
    return ms;
}
function readAttendees(req, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw (0, errors_1.badRequest)("The 'attendees' parameter must be a collection.");
    return value.map((a) => {
        const email = (0, json_1.isObject)(a) && (0, json_1.isObject)(a.emailAddress) ? a.emailAddress : undefined;
        if (!email || !(0, recipients_1.isValidAddress)(email.address))
            throw new errors_1.GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
        return {
            type: (0, json_1.enumValue)(a.type, ['required', 'optional', 'resource'], 'required'),
            emailAddress: { address: email.address, ...(typeof email.name === 'string' && { name: email.name }) },
            mailbox: resolve(req, email.address),
        };
    });
}
function readSlots(req, constraint) {
    const slots = constraint && (0, json_1.param)(constraint, 'timeSlots');
    if (slots === undefined || slots === null) {
        // Not documented: the emulator looks at the next two days from the next half hour.
        const from = Math.ceil(req.world.now() / (30 * MINUTE)) * 30 * MINUTE;
        return [{ startMs: from, endMs: from + 2 * DAY }];
    }
    if (!Array.isArray(slots))
        throw (0, errors_1.badRequest)("The 'timeSlots' property must be a collection.");
    return slots.map((slot) => {
        const s = (0, json_1.isObject)(slot) ? slot : {};
        return { startMs: (0, event_input_1.readTime)((0, json_1.param)(s, 'start'), 'start', false).ms, endMs: (0, event_input_1.readTime)((0, json_1.param)(s, 'end'), 'end', false).ms };
    });
}
const findMeetingTimes = (req) => {
    const json = (0, graph_request_1.jsonBody)(req);
    const constraint = (0, json_1.param)(json, 'timeConstraint');
    if (constraint !== undefined && constraint !== null && !(0, json_1.isObject)(constraint))
        throw (0, errors_1.badRequest)("The 'timeConstraint' parameter must be an object.");
    const domain = (0, json_1.enumValue)(constraint ? (0, json_1.param)(constraint, 'activityDomain') : undefined, suggestions_1.ACTIVITY_DOMAINS, 'work');
    const slots = readSlots(req, constraint ?? undefined);
    const attendees = readAttendees(req, (0, json_1.param)(json, 'attendees'));
    const maxCandidates = numberParam(json, 'maxCandidates') ?? 5;
    const minimum = numberParam(json, 'minimumAttendeePercentage') ?? 50;
    if (!Number.isInteger(maxCandidates) || maxCandidates < 1)
        throw (0, errors_1.badRequest)(`The value '${maxCandidates}' of parameter 'maxCandidates' is invalid.`);
    if (minimum < 0 || minimum > 100)
        throw (0, errors_1.badRequest)(`The value '${minimum}' of parameter 'minimumAttendeePercentage' is invalid.`);
    const duration = durationMs((0, json_1.param)(json, 'meetingDuration'));
    const returnReasons = booleanParam(json, 'returnSuggestionReasons');
    const span = { startMs: Math.min(...slots.map((s) => s.startMs)), endMs: Math.max(...slots.map((s) => s.endMs)) };
    const until = (0, world_1.visibleUntil)(req.world);
    const participant = (mailbox) => ({
        profile: new schedule_1.FreeBusyProfile((0, schedule_1.scheduleItems)(mailbox, span, until)),
        working: domain === 'unrestricted' ? undefined : (0, mailbox_settings_1.workingIntervals)((0, mailbox_settings_1.settingsOf)(mailbox).workingHours, span, domain === 'personal'),
    });
    const { suggestions, emptySuggestionsReason } = (0, suggestions_1.suggestMeetingTimes)({
        organizer: participant(req.mailbox),
        attendees: attendees.map((a) => ({ type: a.type, ...(a.mailbox && participant(a.mailbox)) })),
        slots: slots.filter((s) => s.endMs > s.startMs),
        durationMs: duration,
        maxCandidates,
        minimumAttendeePercentage: minimum,
        isOrganizerOptional: booleanParam(json, 'isOrganizerOptional'),
    });
    const locationConstraint = (0, json_1.param)(json, 'locationConstraint');
    const wanted = (0, json_1.isObject)(locationConstraint) && Array.isArray((0, json_1.param)(locationConstraint, 'locations')) ? (0, json_1.param)(locationConstraint, 'locations') : [];
    const locations = wanted.filter(json_1.isObject).map((l) => ({ displayName: typeof l.displayName === 'string' ? l.displayName : '' }));
    return (0, http_1.graphJson)(200, {
        '@odata.context': metadata(req, 'microsoft.graph.meetingTimeSuggestionsResult'),
        emptySuggestionsReason,
        meetingTimeSuggestions: suggestions.map((s, i) => ({
            confidence: s.confidence,
            order: i + 1,
            organizerAvailability: s.organizerAvailability,
            // The published reason; Microsoft publishes none for suggestions some attendees cannot make.
            ...(returnReasons && {
                suggestionReason: s.confidence === 100
                    ? 'Suggested because it is one of the nearest times when all attendees are available.'
                    : 'Suggested because it is one of the nearest times when most attendees are available.',
            }),
            attendeeAvailability: attendees.map((a, k) => ({ attendee: { type: a.type, emailAddress: a.emailAddress }, availability: s.attendeeAvailability[k] })),
            locations: locations.map((l) => ({ ...l })),
            meetingTimeSlot: { start: dateTimeTimeZone(req, s.startMs), end: dateTimeTimeZone(req, s.endMs) },
        })),
    });
};
// ---- mailboxSettings ----
function renderSettings(mailbox) {
    const settings = (0, mailbox_settings_1.settingsOf)(mailbox);
    return {
        automaticRepliesSetting: {
            status: 'disabled',
            externalAudience: 'all',
            scheduledStartDateTime: { dateTime: (0, timefmt_1.wallTicks)(0), timeZone: 'UTC' },
            scheduledEndDateTime: { dateTime: (0, timefmt_1.wallTicks)(0), timeZone: 'UTC' },
            internalReplyMessage: '',
            externalReplyMessage: '',
        },
        timeZone: settings.timeZone,
        language: { locale: 'en-US', displayName: 'English (United States)' },
        workingHours: (0, mailbox_settings_1.renderWorkingHours)(settings.workingHours),
        dateFormat: 'M/d/yyyy',
        timeFormat: 'h:mm tt',
        delegateMeetingMessageDeliveryOptions: 'sendToDelegateAndInformationToPrincipal',
    };
}
const usersPath = (req) => `users('${req.mailbox.user.id}')/mailboxSettings`;
const getMailboxSettings = (req) => (0, http_1.graphJson)(200, { '@odata.context': metadata(req, usersPath(req)), ...renderSettings(req.mailbox) });
const getWorkingHours = (req) => (0, http_1.graphJson)(200, {
    '@odata.context': metadata(req, `${usersPath(req)}/workingHours`),
    ...(0, mailbox_settings_1.renderWorkingHours)((0, mailbox_settings_1.settingsOf)(req.mailbox).workingHours),
});
const getTimeZone = (req) => (0, http_1.graphJson)(200, { '@odata.context': metadata(req, `${usersPath(req)}/timeZone`), value: (0, mailbox_settings_1.settingsOf)(req.mailbox).timeZone });
exports.SCHEDULE_ROUTES = [
    { method: 'POST', pattern: '/calendar/getSchedule', handler: getSchedule, permission: 'Calendars.Read' },
    { method: 'POST', pattern: '/findMeetingTimes', handler: findMeetingTimes, permission: 'Calendars.Read.Shared' },
    { method: 'GET', pattern: '/mailboxSettings', handler: getMailboxSettings, permission: 'MailboxSettings.Read' },
    { method: 'GET', pattern: '/mailboxSettings/workingHours', handler: getWorkingHours, permission: 'MailboxSettings.Read' },
    { method: 'GET', pattern: '/mailboxSettings/timeZone', handler: getTimeZone, permission: 'MailboxSettings.Read' },
];
