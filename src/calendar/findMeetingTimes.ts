/**
 * Find Meeting Times: Graph's findMeetingTimes (user-findmeetingtimes.md) for the attendees of
 * the shared attendee fields, a duration and a window, within working hours or not: ranked
 * suggestions with their confidence and each attendee's availability, or, when there are none,
 * Graph's emptySuggestionsReason and what it means. Graph offers it to signed-in users only, so an
 * application credential is refused before any request. Read-only: a replayed message asks again.
 */
import type { Attendee, AttendeeAvailability, MeetingTimeSuggestion, MeetingTimeSuggestionsResult } from '@microsoft/microsoft-graph-types';
import { newMessageWithBody } from 'elasticio-node/lib/messages';
import { CredentialError, InputError } from '../errors';
import type { StepContext } from '../graph/logger';
import { createSession } from '../graph/session';
import type { StepConfig } from '../graph/session';
import { parseAttendees } from '../validation/attendees';
import { inputObject, oneOf, optionalInteger, parseFlag } from '../validation/fields';
import { parseTimeWindow } from '../validation/timeWindow';
import type { TimeWindow } from '../validation/timeWindow';

/** Public reports: findMeetingTimes answers OrganizerUnavailable past 100 attendees. */
export const MAX_ATTENDEES = 100;
/** Graph documents no window for findMeetingTimes; it reads the free/busy getSchedule limits to 62 days. */
export const MAX_WINDOW_DAYS = 62;
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 1440;
export const MAX_CANDIDATES = 100;
export const ACTIVITY_DOMAINS = ['work', 'personal', 'unrestricted'] as const;

export interface MeetingRequest extends TimeWindow {
  attendees: Attendee[];
  durationMinutes: number;
  activityDomain: typeof ACTIVITY_DOMAINS[number];
  maxCandidates?: number;
  minimumAttendeePercentage?: number;
  isOrganizerOptional: boolean;
}

export function parseMeetingInput(input: unknown): MeetingRequest {
  const body = inputObject(input);
  const attendees = parseAttendees(body, MAX_ATTENDEES);
  const window = parseTimeWindow(body, MAX_WINDOW_DAYS, 'Find Meeting Times (as Microsoft Graph\'s free/busy)');
  const durationMinutes = optionalInteger(body.durationMinutes, 'durationMinutes', MIN_DURATION_MINUTES, MAX_DURATION_MINUTES) ?? 30;
  if (durationMinutes * 60_000 > window.end.epochMs - window.start.epochMs) {
    throw new InputError('durationMinutes', `is ${durationMinutes} minutes, longer than the window from start to end: give a window that can hold the meeting`);
  }
  return {
    ...window,
    attendees,
    durationMinutes,
    activityDomain: oneOf(body.activityDomain, 'activityDomain', ACTIVITY_DOMAINS, 'work'),
    maxCandidates: optionalInteger(body.maxCandidates, 'maxCandidates', 1, MAX_CANDIDATES),
    minimumAttendeePercentage: optionalInteger(body.minimumAttendeePercentage, 'minimumAttendeePercentage', 0, 100),
    isOrganizerOptional: parseFlag(body.isOrganizerOptional, 'isOrganizerOptional'),
  };
}

/** ISO 8601 duration, as Edm.Duration: PT1H30M. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

export function meetingRequestBody(req: MeetingRequest): Record<string, unknown> {
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
export function explainEmptySuggestions(reason: string, req: MeetingRequest): { reason: string; explanation: string } {
  const normal = reason ? `${reason[0].toLowerCase()}${reason.slice(1)}` : '';
  const minimum = req.minimumAttendeePercentage ?? 50;
  const hours = req.activityDomain === 'unrestricted' ? '' : ' or outside working hours';
  const explanations: Record<string, string> = {
    '': '',
    attendeesUnavailable: `At every time the organizer could meet, fewer than ${minimum}% of the attendees are available${hours}: widen the window, lower the minimum attendee percentage, or make some attendees optional.`,
    attendeesUnavailableOrUnknown: `At every time the organizer could meet, fewer than ${minimum}% of the attendees are available${hours}, and the availability of some is unknown (an address outside the organisation, or a calendar that shares no free/busy): check the addresses, lower the minimum attendee percentage, or widen the window.`,
    locationsUnavailable: 'The rooms asked for are not free at any time that suits the attendees: widen the window or choose other rooms.',
    organizerUnavailable: `The organizer (the mailbox this step acts on) is busy${hours} at every time of the window: widen the window${req.activityDomain === 'work' ? ', choose activity domain personal or unrestricted to include other hours' : ''}, or set Organizer optional.`,
    unknown: `Microsoft Graph gave no reason: check that the window can hold a meeting of ${req.durationMinutes} minutes${hours ? ' within working hours' : ''}, and widen it.`,
  };
  return { reason: normal, explanation: explanations[normal] ?? `Microsoft Graph found no time (${reason}): widen the window or ask for fewer attendees.` };
}

const normalStatus = (status: string | null | undefined): string => {
  const lower = (status ?? 'unknown').toLowerCase();
  return lower === 'workingelsewhere' ? 'workingElsewhere' : lower;
};

function attendeeOutput(a: AttendeeAvailability): Record<string, unknown> {
  return {
    address: a.attendee?.emailAddress?.address ?? '',
    name: a.attendee?.emailAddress?.name ?? null,
    type: a.attendee?.type ?? null,
    availability: normalStatus(a.availability),
  };
}

export function meetingOutput(req: MeetingRequest, answer: MeetingTimeSuggestionsResult): Record<string, unknown> {
  const given = [...(answer.meetingTimeSuggestions ?? [])];
  const ranked = given.every((s) => typeof s.order === 'number')
    ? given.sort((a, b) => (a.order as number) - (b.order as number))
    : given;
  // A suggestion without a time slot would tell a flow nothing it can book.
  const suggestions = ranked.filter((s) => s.meetingTimeSlot?.start && s.meetingTimeSlot.end).map((s: MeetingTimeSuggestion, i) => ({
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

async function processAction(this: StepContext, msg: { body?: unknown }, cfg: StepConfig) {
  const req = parseMeetingInput(msg.body);
  const session = createSession(cfg, this);
  if (session.authType === 'application') {
    throw new CredentialError('Find Meeting Times needs a delegated credential (authType delegated): Microsoft Graph offers findMeetingTimes only to a signed-in user, not to an application. Use a credential a user signed in with, or Check Availability, which works with an application credential too.');
  }
  // A POST that only reads: repeating it after a lost answer is harmless.
  const { body } = await session.post<MeetingTimeSuggestionsResult>(`${session.root}/findMeetingTimes`, meetingRequestBody(req), {
    idempotent: true, prefer: [`outlook.timezone="${req.zone.graphName}"`],
  });
  const output = meetingOutput(req, body ?? {});
  this.logger.info(output.count ? `${output.count} meeting time(s) suggested` : `No meeting time suggested (${output.emptySuggestionsReason})`);
  return newMessageWithBody(output);
}

export { processAction as process };
