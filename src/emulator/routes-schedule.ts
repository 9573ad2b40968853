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
import { delegatedAllows } from './access';
import { GraphError, badRequest } from './errors';
import { readTime } from './event-input';
import type { Window } from './expand';
import { jsonBody } from './graph-request';
import type { GraphHandler, GraphRequest, GraphRoute } from './graph-request';
import { graphJson } from './http';
import { enumValue, isObject, param } from './json';
import type { Json } from './json';
import type { Mailbox } from './mailbox';
import { renderWorkingHours, settingsOf, workingIntervals } from './mailbox-settings';
import { isValidAddress } from './recipients';
import { availabilityView, FreeBusyProfile, scheduleItems } from './schedule';
import type { BusyItem } from './schedule';
import { ACTIVITY_DOMAINS, suggestMeetingTimes } from './suggestions';
import type { Attendee } from './suggestions';
import { wallTicks } from './timefmt';
import { utcToWall } from './timezones';
import { visibleUntil } from './world';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** getSchedule's limits (see the sources above). */
export const MAX_SCHEDULE_DAYS = 62;
export const MAX_SCHEDULES = 100;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 1440;

const metadata = (req: GraphRequest, fragment: string): string => `${req.world.baseUrl}/v1.0/$metadata#${fragment}`;

function dateTimeTimeZone(req: GraphRequest, ms: number): Json {
  const zone = req.render.timeZone;
  return { dateTime: wallTicks(utcToWall(zone, ms)), timeZone: zone.graphName };
}

/** A mailbox of the caller's organisation by any of its addresses; other tenants' and unknown ones are not. */
function resolve(req: GraphRequest, address: string): Mailbox | undefined {
  const found = req.world.directory.mailbox(address);
  return found && found.enabled && found.tenant === req.mailbox.tenant ? found : undefined;
}

/** Action parameters arrive as JSON values or, as in Microsoft's own examples, as strings ("100", "false"). */
function numberParam(json: Json, name: string): number | undefined {
  const value = param(json, name);
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Double'.`);
  return n;
}

function booleanParam(json: Json, name: string): boolean {
  const value = param(json, name);
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean'.`);
}

// ---- getSchedule ----

/**
 * Whether the caller sees what an item is (subject, location) or only when it is: the owner does,
 * and so does whoever may read that calendar (Full Access with a .Shared scope; an app within its
 * mailbox scope); others see free/busy only, as Megan's items in the published example. Private
 * and confidential items show their subject to the owner alone (outlook-get-free-busy-schedule.md).
 */
function detailsFor(req: GraphRequest, target: Mailbox): 'owner' | 'reader' | 'none' {
  const { caller } = req;
  if (caller.kind === 'app') {
    const scope = caller.servicePrincipal?.mailboxScope;
    return !scope || scope.has(target.user.id) ? 'reader' : 'none';
  }
  if (caller.user === target) return 'owner';
  return target.hasRight(caller.user.user.id, 'fullAccess') && delegatedAllows(caller.scopes, 'Calendars.Read', false) ? 'reader' : 'none';
}

function renderItem(req: GraphRequest, item: BusyItem, details: 'owner' | 'reader' | 'none'): Json {
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

function scheduleOf(req: GraphRequest, scheduleId: string, window: Window, intervalMs: number): Json {
  const target = resolve(req, scheduleId);
  if (!target) {
    return { scheduleId, error: { message: `Unable to resolve e-mail address ${scheduleId} to an Active Directory object.`, responseCode: '5009' } };
  }
  const items = scheduleItems(target, window, visibleUntil(req.world));
  const details = detailsFor(req, target);
  return {
    scheduleId,
    availabilityView: availabilityView(items, window, intervalMs),
    scheduleItems: items.map((item) => renderItem(req, item, details)),
    workingHours: renderWorkingHours(settingsOf(target).workingHours),
  };
}

const getSchedule: GraphHandler = (req) => {
  const json = jsonBody(req);
  const schedules = param(json, 'schedules');
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string' && s !== '')) {
    throw new GraphError(400, 'ErrorInvalidParameter', "The parameter 'Schedules' must be a non-empty collection of SMTP addresses.");
  }
  if (schedules.length > MAX_SCHEDULES) {
    throw new GraphError(400, 'ErrorMailboxDataArrayTooBig', `There are too many target users in the EmailAddress array. The allowed size = ${MAX_SCHEDULES}; the actual size = ${schedules.length}.`);
  }
  const window = { startMs: readTime(param(json, 'startTime'), 'startTime', false).ms, endMs: readTime(param(json, 'endTime'), 'endTime', false).ms };
  if (window.endMs <= window.startMs) {
    throw new GraphError(400, 'ErrorInvalidTimeInterval', 'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.');
  }
  if (window.endMs - window.startMs > MAX_SCHEDULE_DAYS * DAY) {
    throw new GraphError(400, 'ErrorTimeIntervalTooBig',
      `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_SCHEDULE_DAYS} days; the actual limit = ${Math.ceil((window.endMs - window.startMs) / DAY)} days.`);
  }
  const interval = numberParam(json, 'availabilityViewInterval') ?? 30;
  if (!Number.isInteger(interval) || interval < MIN_INTERVAL_MINUTES || interval > MAX_INTERVAL_MINUTES || interval * MINUTE > window.endMs - window.startMs) {
    throw new GraphError(400, 'ErrorInvalidMergedFreeBusyInterval',
      `The specified merged free/busy interval is not valid. Specify an interval that is less than the free/busy time window and  between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES} minutes.`);
  }
  return graphJson(200, {
    '@odata.context': metadata(req, 'Collection(microsoft.graph.scheduleInformation)'),
    value: schedules.map((id: string) => scheduleOf(req, id, window, interval * MINUTE)),
  });
};

// ---- findMeetingTimes ----

/** An ISO 8601 duration as Edm.Duration takes it (PT1H, PT2H30M, P1DT2H); whole seconds. */
function durationMs(value: unknown): number {
  if (value === undefined || value === null) return 30 * MINUTE;
  const m = typeof value === 'string' ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value) : null;
  const ms = m && (((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  if (!ms) throw badRequest(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Duration'.`);
  return ms;
}

interface RequestedAttendee {
  type: Attendee['type'];
  emailAddress: { address: string; name?: string };
  mailbox: Mailbox | undefined;
}

function readAttendees(req: GraphRequest, value: unknown): RequestedAttendee[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("The 'attendees' parameter must be a collection.");
  return value.map((a: unknown) => {
    const email = isObject(a) && isObject(a.emailAddress) ? a.emailAddress : undefined;
    if (!email || !isValidAddress(email.address)) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    return {
      type: enumValue((a as Json).type, ['required', 'optional', 'resource'] as const, 'required'),
      emailAddress: { address: email.address, ...(typeof email.name === 'string' && { name: email.name }) },
      mailbox: resolve(req, email.address),
    };
  });
}

function readSlots(req: GraphRequest, constraint: Json | undefined): Window[] {
  const slots = constraint && param(constraint, 'timeSlots');
  if (slots === undefined || slots === null) {
    // Not documented: the emulator looks at the next two days from the next half hour.
    const from = Math.ceil(req.world.now() / (30 * MINUTE)) * 30 * MINUTE;
    return [{ startMs: from, endMs: from + 2 * DAY }];
  }
  if (!Array.isArray(slots)) throw badRequest("The 'timeSlots' property must be a collection.");
  return slots.map((slot: unknown) => {
    const s = isObject(slot) ? slot : {};
    return { startMs: readTime(param(s, 'start'), 'start', false).ms, endMs: readTime(param(s, 'end'), 'end', false).ms };
  });
}

const findMeetingTimes: GraphHandler = (req) => {
  const json = jsonBody(req);
  const constraint = param(json, 'timeConstraint');
  if (constraint !== undefined && constraint !== null && !isObject(constraint)) throw badRequest("The 'timeConstraint' parameter must be an object.");
  const domain = enumValue(constraint ? param(constraint, 'activityDomain') : undefined, ACTIVITY_DOMAINS, 'work');
  const slots = readSlots(req, constraint ?? undefined);
  const attendees = readAttendees(req, param(json, 'attendees'));
  const maxCandidates = numberParam(json, 'maxCandidates') ?? 5;
  const minimum = numberParam(json, 'minimumAttendeePercentage') ?? 50;
  if (!Number.isInteger(maxCandidates) || maxCandidates < 1) throw badRequest(`The value '${maxCandidates}' of parameter 'maxCandidates' is invalid.`);
  if (minimum < 0 || minimum > 100) throw badRequest(`The value '${minimum}' of parameter 'minimumAttendeePercentage' is invalid.`);
  const duration = durationMs(param(json, 'meetingDuration'));
  const returnReasons = booleanParam(json, 'returnSuggestionReasons');

  const span = { startMs: Math.min(...slots.map((s) => s.startMs)), endMs: Math.max(...slots.map((s) => s.endMs)) };
  const until = visibleUntil(req.world);
  const participant = (mailbox: Mailbox): { profile: FreeBusyProfile; working?: Window[] } => ({
    profile: new FreeBusyProfile(scheduleItems(mailbox, span, until)),
    working: domain === 'unrestricted' ? undefined : workingIntervals(settingsOf(mailbox).workingHours, span, domain === 'personal'),
  });
  const { suggestions, emptySuggestionsReason } = suggestMeetingTimes({
    organizer: participant(req.mailbox),
    attendees: attendees.map((a) => ({ type: a.type, ...(a.mailbox && participant(a.mailbox)) })),
    slots: slots.filter((s) => s.endMs > s.startMs),
    durationMs: duration,
    maxCandidates,
    minimumAttendeePercentage: minimum,
    isOrganizerOptional: booleanParam(json, 'isOrganizerOptional'),
  });
  const locationConstraint = param(json, 'locationConstraint');
  const wanted = isObject(locationConstraint) && Array.isArray(param(locationConstraint, 'locations')) ? param(locationConstraint, 'locations') as unknown[] : [];
  const locations = wanted.filter(isObject).map((l) => ({ displayName: typeof l.displayName === 'string' ? l.displayName : '' }));
  return graphJson(200, {
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

function renderSettings(mailbox: Mailbox): Json {
  const settings = settingsOf(mailbox);
  return {
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      scheduledStartDateTime: { dateTime: wallTicks(0), timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: wallTicks(0), timeZone: 'UTC' },
      internalReplyMessage: '',
      externalReplyMessage: '',
    },
    timeZone: settings.timeZone,
    language: { locale: 'en-US', displayName: 'English (United States)' },
    workingHours: renderWorkingHours(settings.workingHours),
    dateFormat: 'M/d/yyyy',
    timeFormat: 'h:mm tt',
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateAndInformationToPrincipal',
  };
}

const usersPath = (req: GraphRequest): string => `users('${req.mailbox.user.id}')/mailboxSettings`;

const getMailboxSettings: GraphHandler = (req) => graphJson(200, { '@odata.context': metadata(req, usersPath(req)), ...renderSettings(req.mailbox) });

const getWorkingHours: GraphHandler = (req) => graphJson(200, {
  '@odata.context': metadata(req, `${usersPath(req)}/workingHours`),
  ...renderWorkingHours(settingsOf(req.mailbox).workingHours),
});

const getTimeZone: GraphHandler = (req) => graphJson(200, { '@odata.context': metadata(req, `${usersPath(req)}/timeZone`), value: settingsOf(req.mailbox).timeZone });

export const SCHEDULE_ROUTES: readonly GraphRoute[] = [
  { method: 'POST', pattern: '/calendar/getSchedule', handler: getSchedule, permission: 'Calendars.Read' },
  { method: 'POST', pattern: '/findMeetingTimes', handler: findMeetingTimes, permission: 'Calendars.Read.Shared' },
  { method: 'GET', pattern: '/mailboxSettings', handler: getMailboxSettings, permission: 'MailboxSettings.Read' },
  { method: 'GET', pattern: '/mailboxSettings/workingHours', handler: getWorkingHours, permission: 'MailboxSettings.Read' },
  { method: 'GET', pattern: '/mailboxSettings/timeZone', handler: getTimeZone, permission: 'MailboxSettings.Read' },
];
