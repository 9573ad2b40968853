"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERSIST_EVERY = void 0;
exports.pollCollection = pollCollection;
/**
 * One poll of a time-stamped collection (mail by receivedDateTime, events by lastModifiedDateTime):
 * query, emit what is new, persist the cursor after every page (and every PERSIST_EVERY items), so a
 * poll that dies halfway resumes where it stopped instead of starting over.
 *
 * Pages are fetched by keyset (`ge <last second seen>`) rather than by following @odata.nextLink:
 * Graph's message paging is offset-based, and a mail read, moved or deleted between two page
 * requests shifts the offsets and silently skips an item. A second holding more items than a page,
 * or than the snapshot can remember (SLICE_ITEMS), is walked in slices of its hidden milliseconds
 * instead; nextLink is followed only inside a single millisecond.
 *
 * Every judgement of time comes from Graph: the Date header of its responses, or, where a proxy
 * dropped that header, the timestamps of the items it listed. The container's clock is not used.
 */
const cursor_1 = require("./cursor");
const errors_1 = require("./errors");
const odata_1 = require("./odata");
/**
 * Progress is saved every this many emitted items as well as after each page: a crash while a
 * page is being emitted repeats at most this many items. The sailor sends at most 20 snapshots
 * and 100 data messages a second, so this costs no throughput.
 */
exports.PERSIST_EVERY = 25;
/** Smallest page the poll falls back to when large pages time out. */
const MIN_PAGE_SIZE = 50;
/** Newest items a first poll without Graph's clock remembers as already there (see startCursor). */
const FIRST_POLL_ITEMS = 10;
async function pollCollection(session, spec, input, handlers, logger) {
    const result = { emitted: 0, pages: 0 };
    const secondOf = (item) => (0, cursor_1.toSecond)(item[spec.timeField]);
    // What a failed page does first (saveEmitted, set once the state it saves exists): a page asked
    // for before then has nothing emitted to save.
    let beforeFailing = async () => { };
    const getPage = async (pathOrQuery) => {
        const path = typeof pathOrQuery === 'string' ? pathOrQuery : `${spec.collectionPath}${(0, odata_1.queryString)(pathOrQuery)}`;
        let page;
        try {
            page = await session.page(path, { prefer: spec.prefer });
        }
        catch (err) {
            await beforeFailing();
            throw err;
        }
        result.pages += 1;
        return page;
    };
    // Compared with what was handed in, so a first poll always saves where it started: without that,
    // a quiet first poll would leave no snapshot and the next would start afresh.
    let lastPersisted = JSON.stringify(input.snapshot ?? null);
    let unsaved = 0;
    const persist = async (state, keepFrom) => {
        const { snapshot, shortened } = (0, cursor_1.snapshotOf)(state, keepFrom, input.budget);
        if (shortened)
            logger.warn('More items arrived within the look-back than the snapshot can remember; the look-back for the oldest of them was shortened');
        if (!snapshot) {
            // What is still being walked alone exceeds the budget (more than SLICE_ITEMS items within
            // one millisecond, say): save at the next chance instead; `unsaved` stays due for that.
            logger.warn('More items of one moment are pending than the snapshot can hold; progress is saved once they are emitted');
            return;
        }
        unsaved = 0;
        const json = JSON.stringify(snapshot);
        if (json === lastPersisted)
            return;
        await handlers.persist(snapshot);
        lastPersisted = json;
    };
    const restored = (0, cursor_1.restoreCursor)(input.snapshot, input.startTime);
    if (!restored) {
        // Neither snapshot nor start time: "from the first poll on", and only Graph knows when that is.
        const page = await getPage({ select: spec.select, orderby: `${spec.timeField} desc`, top: FIRST_POLL_ITEMS });
        await persist((0, cursor_1.startCursor)(page.serverTime, page.items.map((item) => ({ second: secondOf(item), key: spec.keyOf(item) }))), Infinity);
        return result;
    }
    const state = restored;
    // Graph's clock as this poll has seen it. `start` (at the first page) judges which seconds are
    // settled: a second passed later in the walk was passed no earlier than that. `latest` is the
    // most Graph has shown so far: the newest Date header, or the newest item it listed.
    let start;
    let latest = -Infinity;
    let observed = false;
    const observe = (page) => {
        const newest = page.items.length ? secondOf(page.items[page.items.length - 1]) * 1000 : undefined;
        if (!observed)
            start = page.serverTime ?? newest;
        observed = true;
        latest = Math.max(latest, page.serverTime ?? -Infinity, newest ?? -Infinity);
    };
    const settled = () => (start === undefined ? -Infinity : (0, cursor_1.settledSecond)(start));
    /** The second of the item emitted last: where progress saved after it keeps from. */
    let lastSecond = -Infinity;
    /** Marks an emitted item and saves progress every PERSIST_EVERY of them. */
    const emitted = async (item) => {
        const second = secondOf(item);
        lastSecond = second;
        (0, cursor_1.markEmitted)(state, spec.keyOf(item), second);
        // Results are ordered, so everything stamped before this item has been seen by now.
        (0, cursor_1.advance)(state, Math.min(second, settled()));
        result.emitted += 1;
        unsaved += 1;
        if (unsaved >= exports.PERSIST_EVERY)
            await persist(state, second);
    };
    /**
     * A poll that fails (an item's own work, storing its files, or a page, its retries spent) saves
     * what it emitted since its last save first, so the next poll does not emit it again; the
     * failure is what counts, not a failed save.
     */
    const saveEmitted = async () => {
        if (unsaved > 0)
            await persist(state, lastSecond).catch(() => undefined);
    };
    beforeFailing = saveEmitted;
    const emit = async (items) => {
        try {
            await emitEach(items);
        }
        catch (err) {
            await saveEmitted();
            throw err;
        }
    };
    const emitEach = async (items) => {
        if (handlers.emitBatch) {
            // Batches end where PERSIST_EVERY falls due, so each is saved as soon as it is out.
            let batch = [];
            const flush = async () => {
                await handlers.emitBatch(batch);
                const done = batch;
                batch = [];
                for (const item of done)
                    await emitted(item);
            };
            for (const item of items) {
                const key = spec.keyOf(item);
                if (!(0, cursor_1.isNew)(state, key, secondOf(item)) || batch.some((other) => spec.keyOf(other) === key))
                    continue;
                batch.push(item);
                if (batch.length >= Math.max(1, exports.PERSIST_EVERY - unsaved))
                    await flush();
            }
            if (batch.length)
                await flush();
            return;
        }
        for (const item of items) {
            if (!(0, cursor_1.isNew)(state, spec.keyOf(item), secondOf(item)))
                continue;
            await handlers.emit(item);
            await emitted(item);
        }
    };
    /** Whether Graph's clock is past `second`, so that nothing new can be stamped with it any more. */
    const hasLeft = async (second) => {
        const end = (second + 1) * 1000;
        if (latest < end) {
            // No sign yet: anything later, or the Date of the answer, shows where Graph's clock is.
            observe(await getPage({ select: [spec.timeField], filter: `${spec.timeField} ge ${(0, odata_1.instantLiteral)(end)}`, orderby: `${spec.timeField} asc`, top: 1 }));
        }
        return latest >= end;
    };
    // The range queried next: [pos, to), `to` open-ended unless it stops at a second walked in part
    // or, in a crowd, at the end of the slice.
    let pos = (0, cursor_1.walkFrom)(state, state.from * 1000);
    let to = (0, cursor_1.walkUntil)(state, pos);
    let crowd;
    let link;
    let pageSize = spec.pageSize;
    for (;;) {
        const top = crowd ? Math.min(pageSize, cursor_1.SLICE_ITEMS) : pageSize;
        const bounds = [`${spec.timeField} ge ${(0, odata_1.instantLiteral)(pos)}`];
        if (to !== undefined)
            bounds.push(`${spec.timeField} lt ${(0, odata_1.instantLiteral)(to)}`);
        const filter = [...bounds, spec.extraFilter].filter(Boolean).join(' and ');
        let page;
        try {
            page = await getPage(link ?? { select: spec.select, filter, orderby: `${spec.timeField} asc`, top });
        }
        catch (err) {
            if (!link && pageSize > MIN_PAGE_SIZE && err instanceof errors_1.GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
                pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
                logger.warn(`A page of items took too long; asking for ${pageSize} at a time`);
                continue;
            }
            throw err;
        }
        observe(page);
        const more = page.nextLink !== undefined;
        if (crowd) {
            const end = (crowd.second + 1) * 1000;
            if (more && !link && to - pos > 1) {
                // Too many for one slice: halve it. Its items come again in the smaller slice.
                to = pos + Math.ceil((to - pos) / 2);
                continue;
            }
            crowd.keys.push(...page.items.map(spec.keyOf));
            await emit(page.items);
            if (more) {
                // More than a slice within one millisecond: only Graph's own paging can go on.
                link = page.nextLink;
                await persist(state, crowd.second);
                continue;
            }
            link = undefined;
            if (!(await hasLeft(crowd.second))) {
                // Items may still arrive anywhere in that second, so its hashes stay; the next poll goes on.
                (0, cursor_1.advance)(state, Math.min(crowd.second, settled()));
                await persist(state, crowd.second);
                return result;
            }
            const sliceItems = crowd.keys.length;
            (0, cursor_1.markWalked)(state, crowd.second, to, crowd.keys);
            crowd.keys = [];
            if (to >= end) {
                pos = (0, cursor_1.walkFrom)(state, end);
                to = (0, cursor_1.walkUntil)(state, pos);
                (0, cursor_1.advance)(state, Math.min(crowd.second + 1, settled()));
                crowd = undefined;
            }
            else {
                // The next slice as wide as this one, twice as wide if this one was less than half full.
                const width = (to - pos) * (sliceItems < top / 2 ? 2 : 1);
                pos = to;
                to = Math.min(end, pos + width);
            }
            await persist(state, Math.floor(pos / 1000));
            continue;
        }
        link = undefined;
        if (more && !page.items.length) {
            // An empty page that says there is more: nothing to key on, so take Graph's word for it.
            link = page.nextLink;
            continue;
        }
        const busy = crowdedSecond(page.items.map(secondOf), more);
        if (busy !== undefined) {
            // Everything stamped before the crowded second is in this page; the rest comes again later.
            await emit(page.items.filter((item) => secondOf(item) < busy));
            crowd = { second: busy, keys: [] };
            pos = (0, cursor_1.walkFrom)(state, Math.max(pos, busy * 1000));
            to = (busy + 1) * 1000;
            await persist(state, busy);
            continue;
        }
        await emit(page.items);
        if (more) {
            // Not crowded, so the page ends in a later second than it began: the keyset moves on.
            const last = secondOf(page.items[page.items.length - 1]);
            pos = last * 1000;
            (0, cursor_1.advance)(state, Math.min(last, settled()));
            await persist(state, last);
            continue;
        }
        if (to === undefined) {
            // Everything stamped before Graph's clock minus the look-back has been seen by now. Items
            // stamped before the second Graph's clock has reached can only come late, so to keep within
            // the budget their look-back may be shortened; that second and later ones are kept whole.
            (0, cursor_1.advance)(state, settled());
            await persist(state, latest === -Infinity ? Infinity : Math.floor(latest / 1000));
            return result;
        }
        // Up to a second walked in part by an earlier poll: go on past that part.
        (0, cursor_1.advance)(state, Math.min(Math.floor(to / 1000), settled()));
        pos = (0, cursor_1.walkFrom)(state, to);
        to = (0, cursor_1.walkUntil)(state, pos);
        await persist(state, Math.floor(pos / 1000));
    }
}
/**
 * The first second of a page that holds more items than a slice may, or the one second of a full
 * page (whose keyset could not move on); undefined when the page can be walked as it is.
 */
function crowdedSecond(seconds, full) {
    if (full && seconds.length && seconds[0] === seconds[seconds.length - 1])
        return seconds[0];
    let run = 0;
    for (let i = 0; i < seconds.length; i += 1) {
        run = i > 0 && seconds[i] === seconds[i - 1] ? run + 1 : 1;
        if (run > cursor_1.SLICE_ITEMS)
            return seconds[i];
    }
    return undefined;
}
