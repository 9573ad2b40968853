"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getCalendars = exports.MAX_WINDOW_DAYS = exports.DEFAULT_FUTURE_DAYS = exports.DEFAULT_PAST_DAYS = void 0;
exports.windowAround = windowAround;
exports.windowDays = windowDays;
exports.eventChangesSpec = eventChangesSpec;
exports.process = processTrigger;
const errors_1 = require("../errors");
const errors_2 = require("../graph/errors");
const calendars_1 = require("../graph/calendars");
const cursor_1 = require("../graph/cursor");
const deltaState_1 = require("../graph/deltaState");
const events_1 = require("../graph/events");
const odata_1 = require("../graph/odata");
const httpDate_1 = require("../graph/httpDate");
const deltaTrigger_1 = require("../platform/deltaTrigger");
const changeTypes_1 = require("../validation/changeTypes");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
const timezones_1 = require("../validation/timezones");
const DAY = 86_400;
/** Looks at the calendar without a Date header tolerated before Graph's clock counts as unknown (a proxy that drops some). */
const CLOCK_TRIES = 3;
exports.DEFAULT_PAST_DAYS = 30;
exports.DEFAULT_FUTURE_DAYS = 365;
/** Graph's longest calendar view: about five years (1,825 days) from start to end. */
exports.MAX_WINDOW_DAYS = 1825;
/** The window around the UTC day of `second`: `past` days back, through the end of the day `future` days ahead. */
function windowAround(second, past, future) {
    const day = Math.floor(second / DAY) * DAY;
    return { start: day - past * DAY, end: day + (future + 1) * DAY };
}
/** The days the window covers, checked: past + today + future at most MAX_WINDOW_DAYS. */
function windowDays(cfg) {
    const past = (0, fields_1.optionalInteger)(cfg.pastDays, 'pastDays', 0, exports.MAX_WINDOW_DAYS - 1) ?? exports.DEFAULT_PAST_DAYS;
    const future = (0, fields_1.optionalInteger)(cfg.futureDays, 'futureDays', 0, exports.MAX_WINDOW_DAYS - 1) ?? exports.DEFAULT_FUTURE_DAYS;
    if (past + future + 1 > exports.MAX_WINDOW_DAYS) {
        throw new errors_1.InputError('futureDays', `the window of ${past} days back, today and ${future} days ahead is ${past + future + 1} days; Outlook's calendar view spans at most ${exports.MAX_WINDOW_DAYS} days, so shorten pastDays or futureDays`);
    }
    return { past, future };
}
/** The event as Poll for New and Updated Events emits it: the same fields, in the same order. */
function eventOf(item) {
    return Object.fromEntries(events_1.EVENT_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]));
}
/** When the event starts or ends, from its wall time in the zone Prefer asked for (undefined when unreadable). */
function instantOf(time, iana) {
    const wall = time?.dateTime;
    if (typeof wall !== 'string')
        return undefined;
    try {
        return Math.floor((0, datetime_1.wallTimeToEpoch)(wall.slice(0, 19), iana) / 1000);
    }
    catch {
        return (0, cursor_1.toSecond)(`${wall.slice(0, 19)}Z`);
    }
}
function eventChangesSpec(cfg, root) {
    const { past, future } = windowDays(cfg);
    const zone = (0, fields_1.isAbsent)(cfg.timeZone) ? timezones_1.UTC_ZONE : (0, timezones_1.resolveTimeZone)(cfg.timeZone, 'timeZone');
    const emits = (0, changeTypes_1.parseChangeTypes)(cfg.changeTypes, 'changeTypes', ['created', 'updated', 'deleted']);
    // v1.0 documents the default calendar's view (/calendarView/delta); a chosen calendar's is served on its own path.
    const calendar = (0, fields_1.isAbsent)(cfg.calendarId) ? `${root}` : `${root}/calendars/${(0, odata_1.idSegment)(cfg.calendarId, 'calendarId')}`;
    const shown = (0, fields_1.isAbsent)(cfg.calendarId) ? 'the default calendar' : `calendar ${decodeURIComponent((0, odata_1.idSegment)(cfg.calendarId, 'calendarId')).slice(0, 24)}`;
    /** Graph's clock (ms) from a look at the calendar; a proxy that drops the Date header now and then: looked again. */
    const graphClock = async (session) => {
        const path = `${(0, calendars_1.calendarPath)(root, cfg.calendarId)}?$select=id`;
        let clock;
        for (let i = 0; clock === undefined && i < CLOCK_TRIES; i += 1)
            clock = (0, httpDate_1.parseHttpDate)((await session.get(path)).headers.get('date'));
        return clock;
    };
    const chain = {
        name: 'changes',
        kind: 'changes',
        initialPath: (state) => {
            const window = state.window;
            return `${calendar}/calendarView/delta?startDateTime=${(0, odata_1.dateTimeLiteral)(window.start * 1000)}&endDateTime=${(0, odata_1.dateTimeLiteral)(window.end * 1000)}`;
        },
        prefer: [`outlook.timezone="${zone.graphName}"`],
        pageSize: events_1.EVENT_PAGE_SIZE,
        label: `events of ${shown}`,
    };
    return {
        scope: `calendarView|${root.toLowerCase()}|${(0, fields_1.isAbsent)(cfg.calendarId) ? '' : cfg.calendarId}|${past}|${future}`,
        chains: [chain],
        emits,
        facts: (item) => ({ ...(0, deltaState_1.itemFacts)(item, 'createdDateTime'), startsAt: instantOf(item.start, zone.iana), endsAt: instantOf(item.end, zone.iana) }),
        // Graph lists an event out of the window (moved out, or created or changed out there) as removed,
        // as it does a deleted one: one look by id tells them apart, so no flow hears of a deletion that
        // was none.
        // On the calendar's own path: a calendar shared from another mailbox holds events /events does not.
        recheck: async (session, facts) => (0, events_1.readEvent)(session, (0, events_1.eventPath)(calendar, encodeURIComponent(facts.id)), events_1.EVENT_FIELDS, zone.graphName),
        // As a calendar view counts an event in: it overlaps the window (one of no length, at or after its start).
        inView: (facts, window) => facts.startsAt === undefined || facts.endsAt === undefined
            || (facts.startsAt < window.end && (facts.endsAt > window.start || (facts.startsAt === facts.endsAt && facts.startsAt >= window.start))),
        // An occurrence the organizer cancelled stays in an attendee's calendar, marked: it is gone all the same.
        retype: (type, item) => (type !== 'deleted' && item.isCancelled === true ? 'deleted' : type),
        output: (type, item, facts) => {
            // Listed as removed and, looked up, not there (or not to be looked at): deleted, whatever reason Graph gave.
            if (item['@removed'] !== undefined)
                return { changeType: type, id: facts.id, reason: 'deleted' };
            if (type === 'deleted')
                return { changeType: type, id: facts.id, reason: 'cancelled', event: eventOf(item) };
            return { changeType: type, id: facts.id, event: eventOf(item) };
        },
        // The first window is set by Graph's clock (the Date header of a look at the calendar, which also
        // checks it exists), never by this machine's, which may be days or months off: a window around it
        // would miss what Graph's today holds.
        prepare: async (session, state) => {
            const chains = Object.values(state.chains).filter((c) => c.window === undefined);
            if (!chains.length)
                return undefined;
            const clock = await graphClock(session);
            if (clock === undefined) {
                throw new errors_2.GraphRequestError(`Outlook GET ${(0, calendars_1.calendarPath)(root, cfg.calendarId)} answered without a Date header ${CLOCK_TRIES} times: Calendar Changes sets its window by Microsoft Graph's clock only, never by the container's, and a proxy between the component and Graph removes that header. Let the Date header through; nothing was emitted, and the next poll starts the window.`, undefined, 'noServerTime', undefined);
            }
            const now = Math.floor(clock / 1000);
            for (const c of chains)
                c.window = windowAround(now, past, future);
            return clock;
        },
        clock: graphClock,
        // Once Graph's clock is on a later UTC day than the window was set for, the window moves on to that day.
        nextWindow: (state, now) => {
            if (state.mark === undefined || state.window === undefined || state.phase !== 'tracking')
                return undefined;
            const due = windowAround(now, past, future);
            return due.start > state.window.start ? due : undefined;
        },
    };
}
async function processTrigger(_msg, cfg, snapshot) {
    await (0, deltaTrigger_1.runDeltaTrigger)(this, cfg, snapshot, (root) => eventChangesSpec(cfg, root));
}
// The Calendar field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getCalendars", { enumerable: true, get: function () { return dropdowns_1.getCalendars; } });
