"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FreeBusyProfile = exports.FREE_BUSY_STATUSES = void 0;
exports.scheduleItems = scheduleItems;
exports.availabilityView = availabilityView;
exports.isBusy = isBusy;
/**
 * Free/busy as Exchange computes it from a mailbox's calendar, for getSchedule and
 * findMeetingTimes (calendar-getschedule.md, user-findmeetingtimes.md,
 * concepts/outlook-get-free-busy-schedule.md): what the default calendar holds in a window
 * (recurring series expanded by instances.ts, cancelled meetings left out, each item's status its
 * showAs), the merged view of it in slots, and the status of any stretch of time.
 *
 * - A slot or stretch shows the heaviest status of the items overlapping it: oof over busy over
 *   tentative over workingElsewhere over free. Graph documents the digits (0 free, 1 tentative,
 *   2 busy, 3 oof, 4 working elsewhere), not the precedence; this order is Outlook's scheduling
 *   assistant's, where working elsewhere is a kind of available.
 * - An item shown as `unknown` is listed with that status and counts as free in the view.
 * - All-day events float (midnight to midnight on their dates): they are placed on the dates of
 *   the mailbox's own time zone (mailbox-settings.ts), as the owner's Outlook shows them.
 */
const expand_1 = require("./expand");
const instances_1 = require("./instances");
const mailbox_settings_1 = require("./mailbox-settings");
const timezones_1 = require("./timezones");
exports.FREE_BUSY_STATUSES = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const WEIGHT = { free: 0, unknown: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };
const DIGIT = { free: '0', unknown: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4' };
const DAY = 86_400_000;
function statusOf(showAs) {
    return exports.FREE_BUSY_STATUSES.includes(showAs) ? showAs : 'unknown';
}
/**
 * The items of the mailbox's default calendar overlapping `window`, by start: single events,
 * occurrences and exceptions, without cancelled ones and without what list queries do not see yet
 * (created after `visibleUntil`).
 */
function scheduleItems(mailbox, window, visibleUntil) {
    const calendar = mailbox.calendar();
    if (!calendar)
        return [];
    const zone = (0, timezones_1.graphTimeZone)((0, mailbox_settings_1.settingsOf)(mailbox).timeZone) ?? timezones_1.UTC_ZONE;
    const byCreation = mailbox.calendarEvents(calendar).index('createdDateTime');
    const visible = byCreation.items.slice(0, byCreation.upperBound(visibleUntil));
    // Floating all-day dates lie within a day of the instants they stand for in any zone.
    const wide = { startMs: window.startMs - DAY, endMs: window.endMs + DAY };
    const items = [];
    for (const event of (0, instances_1.calendarView)(visible, wide)) {
        if (event.isCancelled)
            continue;
        const startMs = event.isAllDay ? (0, timezones_1.wallToUtc)(zone, event.startMs) : event.startMs;
        const endMs = event.isAllDay ? (0, timezones_1.wallToUtc)(zone, event.endMs) : event.endMs;
        if ((0, expand_1.overlaps)(startMs, endMs, window))
            items.push({ startMs, endMs, status: statusOf(event.showAs), event });
    }
    return items.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}
/**
 * Someone's free/busy as a step function: disjoint stretches, each with the heaviest status of
 * the items over it, so that the status of any candidate meeting time is a binary search away
 * (findMeetingTimes asks it for every half hour of a window, for every attendee).
 */
class FreeBusyProfile {
    starts = [];
    ends = [];
    statuses = [];
    constructor(items) {
        const edges = [...new Set(items.flatMap((i) => [i.startMs, i.endMs]))].sort((a, b) => a - b);
        for (let k = 0; k + 1 < edges.length; k += 1) {
            let status = 'free';
            for (const item of items) {
                if (item.startMs <= edges[k] && item.endMs >= edges[k + 1] && WEIGHT[item.status] > WEIGHT[status])
                    status = item.status;
            }
            if (status === 'free')
                continue;
            const last = this.statuses.length - 1;
            if (last >= 0 && this.statuses[last] === status && this.ends[last] === edges[k])
                this.ends[last] = edges[k + 1];
            else {
                this.starts.push(edges[k]);
                this.ends.push(edges[k + 1]);
                this.statuses.push(status);
            }
        }
    }
    /** The heaviest status over [startMs, endMs); free when nothing is booked there. */
    statusIn(startMs, endMs) {
        let lo = 0;
        let hi = this.ends.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.ends[mid] <= startMs)
                lo = mid + 1;
            else
                hi = mid;
        }
        let status = 'free';
        for (let k = lo; k < this.starts.length && this.starts[k] < endMs; k += 1) {
            if (WEIGHT[this.statuses[k]] > WEIGHT[status])
                status = this.statuses[k];
        }
        return status;
    }
}
exports.FreeBusyProfile = FreeBusyProfile;
/**
 * availabilityView: one digit per slot of `intervalMs` from the window's start, the last slot
 * possibly running past the window's end (a window of 9 h in slots of 60 min has 9 digits, of
 * 7 h 30 min has 8).
 */
function availabilityView(items, window, intervalMs) {
    const slots = Math.ceil((window.endMs - window.startMs) / intervalMs);
    const weights = new Array(slots).fill(0);
    const statuses = new Array(slots).fill('free');
    for (const item of items) {
        const first = Math.max(0, Math.floor((item.startMs - window.startMs) / intervalMs));
        const last = Math.min(slots - 1, Math.ceil((item.endMs - window.startMs) / intervalMs) - 1);
        for (let i = first; i <= last; i += 1) {
            if (WEIGHT[item.status] > weights[i]) {
                weights[i] = WEIGHT[item.status];
                statuses[i] = item.status;
            }
        }
    }
    return statuses.map((s) => DIGIT[s]).join('');
}
/** Whether a status keeps someone away: what findMeetingTimes will not book over. */
function isBusy(status) {
    return status === 'busy' || status === 'oof';
}
