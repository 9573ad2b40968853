"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTIVITY_DOMAINS = void 0;
exports.suggestMeetingTimes = suggestMeetingTimes;
const schedule_1 = require("./schedule");
exports.ACTIVITY_DOMAINS = ['work', 'personal', 'unrestricted', 'unknown'];
const HALF_HOUR = 30 * 60_000;
const CHANCE = { free: 100, workingElsewhere: 100, tentative: 49, unknown: 49, busy: 0, oof: 0 };
const within = (startMs, endMs, intervals) => intervals === undefined || intervals.some((w) => w.startMs <= startMs && endMs <= w.endMs);
const availability = (who, startMs, endMs) => (who.profile ? who.profile.statusIn(startMs, endMs) : 'unknown');
function suggestMeetingTimes(req) {
    const empty = (reason) => ({ suggestions: [], emptySuggestionsReason: reason });
    let candidates = [];
    for (const slot of req.slots) {
        for (let start = Math.ceil(slot.startMs / HALF_HOUR) * HALF_HOUR; start + req.durationMs <= slot.endMs; start += HALF_HOUR)
            candidates.push(start);
    }
    candidates = [...new Set(candidates)].sort((a, b) => a - b);
    if (!candidates.length)
        return empty('Unknown');
    candidates = candidates.filter((start) => within(start, start + req.durationMs, req.organizer.working));
    if (!candidates.length)
        return empty('OrganizerUnavailable');
    const people = req.attendees.filter((a) => a.type !== 'resource');
    candidates = candidates.filter((start) => people.every((a) => within(start, start + req.durationMs, a.working)));
    if (!candidates.length)
        return empty('AttendeesUnavailable');
    const scored = [];
    let organizerFreeSomewhere = false;
    for (const startMs of candidates) {
        const endMs = startMs + req.durationMs;
        const organizerAvailability = availability(req.organizer, startMs, endMs);
        if (!req.isOrganizerOptional && (0, schedule_1.isBusy)(organizerAvailability))
            continue;
        organizerFreeSomewhere = true;
        const attendeeAvailability = req.attendees.map((a) => availability(a, startMs, endMs));
        const confidence = attendeeAvailability.length
            ? attendeeAvailability.reduce((sum, s) => sum + CHANCE[s], 0) / attendeeAvailability.length
            : 100;
        if (confidence >= req.minimumAttendeePercentage)
            scored.push({ startMs, endMs, confidence, organizerAvailability, attendeeAvailability });
    }
    if (!organizerFreeSomewhere)
        return empty('OrganizerUnavailable');
    if (!scored.length)
        return empty(req.attendees.some((a) => !a.profile) ? 'AttendeesUnavailableOrUnknown' : 'AttendeesUnavailable');
    const organizerRank = (s) => (s.organizerAvailability === 'free' ? 0 : 1);
    scored.sort((a, b) => b.confidence - a.confidence || organizerRank(a) - organizerRank(b) || a.startMs - b.startMs);
    const picked = [];
    for (const s of scored) {
        if (picked.length >= req.maxCandidates)
            break;
        if (picked.every((p) => s.endMs <= p.startMs || s.startMs >= p.endMs))
            picked.push(s);
    }
    return { suggestions: picked, emptySuggestionsReason: '' };
}
