/**
 * Meeting time suggestions as findMeetingTimes makes them (user-findmeetingtimes.md,
 * concepts/findmeetingtimes-example.md), from the organizer's and attendees' free/busy
 * (schedule.ts) and working hours (mailbox-settings.ts). Pure: no mailbox, no clock.
 *
 * What Microsoft documents, and how the emulator fills what it leaves open:
 * - Candidates start on whole half hours (the published suggestions all do) and lie inside one of
 *   the requested time slots.
 * - `work` (the default, and `unknown`): inside the working hours of the organizer and of every
 *   attendee who is a person with a mailbox; `personal`: the same hours on every day of the week;
 *   `unrestricted`: any time.
 * - Confidence is the average of each attendee's chance of attending: free 100, unknown 49, busy 0
 *   (documented); tentative counts as 49, out of office as 0 and working elsewhere as 100 (not
 *   documented). Without attendees it is 100. Candidates below `minimumAttendeePercentage`
 *   (default 50) are left out.
 * - The organizer must not be busy or out of office unless `isOrganizerOptional`; a tentative
 *   organizer is suggested, as in the published example.
 * - Order: confidence, high to low; then the times the organizer is free before the others; then
 *   chronologically. Suggestions do not overlap each other; at most `maxCandidates` (default 5).
 * - emptySuggestionsReason, spelt as the live service spells it (PascalCase, the concept page's
 *   example; the reference page lists the values in camelCase): `Unknown` when no candidate fits
 *   the time slots at all, `OrganizerUnavailable` when none lies in the organizer's working hours
 *   or the organizer is busy at every one, `AttendeesUnavailable` when the attendees keep every
 *   candidate under the minimum confidence (or none lies in their working hours), and
 *   `AttendeesUnavailableOrUnknown` when an attendee whose availability is unknown is among them.
 *   `LocationsUnavailable` needs rooms' availability as a location constraint, which the emulator
 *   does not resolve.
 */
import type { Window } from './expand';
import { isBusy } from './schedule';
import type { FreeBusyProfile, FreeBusyStatus } from './schedule';

export const ACTIVITY_DOMAINS = ['work', 'personal', 'unrestricted', 'unknown'] as const;
export type ActivityDomain = typeof ACTIVITY_DOMAINS[number];

export interface Participant {
  /** Undefined for an address that is no mailbox of the organisation: availability unknown. */
  profile?: FreeBusyProfile;
  /** Working hours inside the request's window; undefined when they do not constrain (resources, unknown people). */
  working?: Window[];
}

export interface Attendee extends Participant {
  type: 'required' | 'optional' | 'resource';
}

export interface SuggestionRequest {
  organizer: Participant;
  attendees: Attendee[];
  slots: Window[];
  durationMs: number;
  maxCandidates: number;
  minimumAttendeePercentage: number;
  isOrganizerOptional: boolean;
}

export interface Suggestion {
  startMs: number;
  endMs: number;
  confidence: number;
  organizerAvailability: FreeBusyStatus;
  /** In the order of the request's attendees. */
  attendeeAvailability: FreeBusyStatus[];
}

export interface SuggestionResult {
  suggestions: Suggestion[];
  /** '' when there are suggestions. */
  emptySuggestionsReason: '' | 'Unknown' | 'OrganizerUnavailable' | 'AttendeesUnavailable' | 'AttendeesUnavailableOrUnknown';
}

const HALF_HOUR = 30 * 60_000;
const CHANCE: Record<FreeBusyStatus, number> = { free: 100, workingElsewhere: 100, tentative: 49, unknown: 49, busy: 0, oof: 0 };

const within = (startMs: number, endMs: number, intervals: Window[] | undefined): boolean =>
  intervals === undefined || intervals.some((w) => w.startMs <= startMs && endMs <= w.endMs);

const availability = (who: Participant, startMs: number, endMs: number): FreeBusyStatus =>
  (who.profile ? who.profile.statusIn(startMs, endMs) : 'unknown');

export function suggestMeetingTimes(req: SuggestionRequest): SuggestionResult {
  const empty = (reason: SuggestionResult['emptySuggestionsReason']): SuggestionResult => ({ suggestions: [], emptySuggestionsReason: reason });
  let candidates: number[] = [];
  for (const slot of req.slots) {
    for (let start = Math.ceil(slot.startMs / HALF_HOUR) * HALF_HOUR; start + req.durationMs <= slot.endMs; start += HALF_HOUR) candidates.push(start);
  }
  candidates = [...new Set(candidates)].sort((a, b) => a - b);
  if (!candidates.length) return empty('Unknown');
  candidates = candidates.filter((start) => within(start, start + req.durationMs, req.organizer.working));
  if (!candidates.length) return empty('OrganizerUnavailable');
  const people = req.attendees.filter((a) => a.type !== 'resource');
  candidates = candidates.filter((start) => people.every((a) => within(start, start + req.durationMs, a.working)));
  if (!candidates.length) return empty('AttendeesUnavailable');

  const scored: Suggestion[] = [];
  let organizerFreeSomewhere = false;
  for (const startMs of candidates) {
    const endMs = startMs + req.durationMs;
    const organizerAvailability = availability(req.organizer, startMs, endMs);
    if (!req.isOrganizerOptional && isBusy(organizerAvailability)) continue;
    organizerFreeSomewhere = true;
    const attendeeAvailability = req.attendees.map((a) => availability(a, startMs, endMs));
    const confidence = attendeeAvailability.length
      ? attendeeAvailability.reduce((sum, s) => sum + CHANCE[s], 0) / attendeeAvailability.length
      : 100;
    if (confidence >= req.minimumAttendeePercentage) scored.push({ startMs, endMs, confidence, organizerAvailability, attendeeAvailability });
  }
  if (!organizerFreeSomewhere) return empty('OrganizerUnavailable');
  if (!scored.length) return empty(req.attendees.some((a) => !a.profile) ? 'AttendeesUnavailableOrUnknown' : 'AttendeesUnavailable');

  const organizerRank = (s: Suggestion): number => (s.organizerAvailability === 'free' ? 0 : 1);
  scored.sort((a, b) => b.confidence - a.confidence || organizerRank(a) - organizerRank(b) || a.startMs - b.startMs);
  const picked: Suggestion[] = [];
  for (const s of scored) {
    if (picked.length >= req.maxCandidates) break;
    if (picked.every((p) => s.endMs <= p.startMs || s.startMs >= p.endMs)) picked.push(s);
  }
  return { suggestions: picked, emptySuggestionsReason: '' };
}
