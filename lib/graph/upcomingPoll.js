"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UPCOMING_PAGE_SIZE = void 0;
exports.midnightsIn = midnightsIn;
exports.pollUpcoming = pollUpcoming;
const datetime_1 = require("../validation/datetime");
const errors_1 = require("./errors");
const odata_1 = require("./odata");
const poll_1 = require("./poll");
const upcoming_1 = require("./upcoming");
const zonedTime_1 = require("./zonedTime");
/** Occurrences per page: a busy calendar's quarter of an hour fits in one. */
exports.UPCOMING_PAGE_SIZE = 500;
/** Answers without a Date header a poll tolerates before it gives up (a proxy that drops some). */
const CLOCK_TRIES = 3;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Around midday UTC every zone's copy of a date overlaps, however Exchange stored an all-day event's instants. */
const ALL_DAY_PROBE = { fromMs: 9 * 3600_000, toMs: 15 * 3600_000 };
/** The instant a date (days since 1970-01-01) begins in `zone`; a midnight the clocks skip (zones that switch at 00:00) is the first moment of that day. */
function midnight(day, zone) {
    const wall = (0, datetime_1.resolveWall)(day * DAY, zone.iana);
    return wall.instants[0] ?? wall.afterGap;
}
/** The dates (YYYY-MM-DD) whose midnight in `zone` falls in [from, until), with that midnight. */
function midnightsIn(zone, from, until) {
    const found = [];
    for (let day = Math.floor(from / DAY) - 1; day * DAY <= until + DAY; day += 1) {
        const at = midnight(day, zone);
        if (at >= from && at < until)
            found.push({ date: new Date(day * DAY).toISOString().slice(0, 10), day, at });
    }
    return found;
}
async function pollUpcoming(session, spec, snapshot, handlers, logger) {
    const state = (0, upcoming_1.restoreState)(snapshot);
    let requests = 0;
    let clock;
    const get = async (path) => {
        const page = await session.page(path, { prefer: ['outlook.timezone="UTC"'] });
        requests += 1;
        if (clock === undefined && page.serverTime !== undefined)
            clock = page.serverTime;
        return page;
    };
    const select = `$select=${spec.select.map(encodeURIComponent).join(',')}`;
    const viewPath = (from, until) => `${spec.calendarPath}/calendarView?startDateTime=${(0, odata_1.instantLiteral)(from)}&endDateTime=${(0, odata_1.instantLiteral)(until)}&${select}&$orderby=start/dateTime&$top=${exports.UPCOMING_PAGE_SIZE}`;
    /** Pages of calendarView over [from, until), by keyset on the start. */
    async function* pagesOf(from, until) {
        let low = from;
        let link;
        for (;;) {
            const page = await get(link ?? viewPath(low, until));
            yield page.items;
            if (!page.nextLink)
                return;
            const lastStart = page.items.length ? (0, zonedTime_1.utcInstant)(page.items[page.items.length - 1].start) : NaN;
            if (link === undefined && lastStart > low)
                low = lastStart;
            else
                link = page.nextLink;
        }
    }
    const learnClock = async () => {
        for (let i = 0; clock === undefined && i < CLOCK_TRIES; i += 1)
            await get(`${spec.calendarPath}?$select=id`);
        if (clock === undefined) {
            throw new errors_1.GraphRequestError(`Outlook GET ${spec.calendarPath} answered without a Date header ${CLOCK_TRIES} times: Events Starting Soon tells the time by Microsoft Graph's clock only, never by the container's, and a proxy between the component and Graph removes that header. Let the Date header through; nothing was emitted, and the next poll catches up (late occurrences within the grace period).`, undefined, 'noServerTime', undefined);
        }
        return clock;
    };
    // The first request: the calendar itself on a first poll, else the window the last interval suggests.
    let guess;
    let firstPages;
    let firstItems = [];
    if (state.at !== undefined && state.since !== undefined) {
        // Twice the last interval, and at least two minutes: polls come at irregular intervals.
        const ahead = Math.max(2 * state.gapMs, 2 * MINUTE);
        guess = { from: state.since, until: Math.max(state.until ?? state.at, state.at + spec.leadMs + ahead) };
        firstPages = pagesOf(guess.from, guess.until);
        firstItems = (await firstPages.next()).value ?? [];
    }
    const graphNow = await learnClock();
    const pollAt = Math.max(graphNow, state.at ?? -Infinity);
    const from = state.since === undefined ? pollAt : Math.max(state.since, pollAt - spec.graceMs);
    // A start exactly `lead` away is due; Graph's clock has whole seconds.
    const until = Math.max(pollAt + spec.leadMs + 1000, state.until ?? -Infinity);
    if (state.until !== undefined && pollAt - spec.graceMs > state.until) {
        logger.warn(`No poll covered the starts from ${(0, odata_1.instantLiteral)(state.until)} to ${(0, odata_1.instantLiteral)(pollAt - spec.graceMs)} (by Graph's clock): occurrences that started then, more than ${Math.round(spec.graceMs / MINUTE)} minutes before this poll, are skipped`);
    }
    const listed = new Set();
    const emitted = [];
    const remember = [];
    let count = 0;
    let unsaved = 0;
    let lastSaved = JSON.stringify(snapshot ?? null);
    let warnedBudget = false;
    const saveProgress = async () => {
        if (!unsaved)
            return;
        const progress = (0, upcoming_1.progressSnapshot)(state, pollAt, emitted);
        if (!progress) {
            if (!warnedBudget)
                logger.warn('More occurrences are due at once than a snapshot can remember; progress is saved once this poll ends');
            warnedBudget = true;
            return;
        }
        unsaved = 0;
        const json = JSON.stringify(progress);
        if (json === lastSaved)
            return;
        await handlers.persist(progress);
        lastSaved = json;
    };
    const consider = async (event, startMs, endMs) => {
        if (event.isCancelled || !event.id || !(startMs >= from && startMs < until))
            return;
        const key = (0, upcoming_1.occurrenceKey)(event.id, startMs);
        if (listed.has(key))
            return;
        listed.add(key);
        const lastModifiedMs = Date.parse(event.lastModifiedDateTime ?? '');
        if (startMs >= pollAt - upcoming_1.LOOKBACK_MS)
            remember.push({ key, startMs, lastModifiedMs: Number.isNaN(lastModifiedMs) ? Infinity : lastModifiedMs });
        if (state.seen.has(key) || (0, upcoming_1.surelyListedBefore)(state, startMs, Number.isNaN(lastModifiedMs) ? Infinity : lastModifiedMs))
            return;
        await handlers.emit({ event, startMs, endMs, pollAt });
        emitted.push(key);
        count += 1;
        unsaved += 1;
        if (unsaved >= poll_1.PERSIST_EVERY)
            await saveProgress();
    };
    const timed = async (items) => {
        for (const event of items)
            if (!event.isAllDay)
                await consider(event, (0, zonedTime_1.utcInstant)(event.start), (0, zonedTime_1.utcInstant)(event.end));
        await saveProgress();
    };
    await timed(firstItems);
    if (firstPages)
        for await (const items of firstPages)
            await timed(items);
    const missing = guess
        ? [{ from, until: Math.min(until, guess.from) }, { from: Math.max(from, guess.until), until }]
        : [{ from, until }];
    for (const range of missing.filter((r) => r.until > r.from)) {
        for await (const items of pagesOf(range.from, range.until))
            await timed(items);
    }
    for (const { date, day, at } of midnightsIn(spec.zone, from, until)) {
        for await (const items of pagesOf(day * DAY + ALL_DAY_PROBE.fromMs, day * DAY + ALL_DAY_PROBE.toMs)) {
            for (const event of items) {
                if (!event.isAllDay || event.start?.dateTime?.slice(0, 10) !== date)
                    continue;
                const endDay = Math.floor(Date.parse(`${event.end?.dateTime?.slice(0, 10)}T00:00:00Z`) / DAY);
                await consider(event, at, midnight(endDay > day ? endDay : day + 1, spec.zone));
            }
            await saveProgress();
        }
    }
    const packed = (0, upcoming_1.packState)(pollAt, from, until, state.at === undefined ? 0 : pollAt - state.at, remember);
    if (packed.dropped) {
        logger.warn(`${remember.length} occurrences start within reach of the next poll, more than a snapshot remembers; ${packed.dropped} are remembered by their last change instead${packed.droppedRecent ? `, and ${packed.droppedRecent} changed within the last two minutes may be emitted again if they change before they start` : ''}`);
    }
    await handlers.persist(packed.snapshot);
    return { emitted: count, requests, pollAt, window: { from, until } };
}
