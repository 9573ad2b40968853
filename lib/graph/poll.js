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
 * requests shifts the offsets and silently skips an item. A second holding more items than a page
 * is sliced by milliseconds instead; nextLink is followed only inside a single millisecond.
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
async function pollCollection(session, spec, input, handlers, logger) {
    const now = input.now ?? Date.now;
    const state = (0, cursor_1.restoreCursor)(input.snapshot, { startTime: input.startTime, now: now() });
    // Compared with what was handed in, so a first poll always saves where it started: without that,
    // a quiet first poll would leave no snapshot and the next would start from its own 'now'.
    let lastPersisted = JSON.stringify(input.snapshot ?? null);
    const persist = async (keepFrom) => {
        const { snapshot, shortened } = (0, cursor_1.snapshotOf)(state, keepFrom);
        if (shortened)
            logger.warn('More items arrived within the look-back than the snapshot can remember; the look-back for the oldest of them was shortened');
        const json = JSON.stringify(snapshot);
        if (json === lastPersisted)
            return;
        await handlers.persist(snapshot);
        lastPersisted = json;
    };
    // Where the next query starts (ms), and in a crowded second also where it stops.
    let range = { from: state.from * 1000 };
    let link;
    let pageSize = spec.pageSize;
    let serverStart;
    const result = { emitted: 0, pages: 0 };
    for (;;) {
        const bounds = [`${spec.timeField} ge ${(0, odata_1.instantLiteral)(range.from)}`];
        if (range.to !== undefined)
            bounds.push(`${spec.timeField} lt ${(0, odata_1.instantLiteral)(range.to)}`);
        const filter = [...bounds, spec.extraFilter].filter(Boolean).join(' and ');
        const path = link ?? `${spec.collectionPath}${(0, odata_1.queryString)({ select: spec.select, filter, orderby: `${spec.timeField} asc`, top: pageSize })}`;
        let page;
        try {
            page = await session.page(path, { prefer: spec.prefer });
        }
        catch (err) {
            if (!link && pageSize > MIN_PAGE_SIZE && err instanceof errors_1.GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
                pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
                logger.warn(`A page of items took too long; asking for ${pageSize} at a time`);
                continue;
            }
            throw err;
        }
        result.pages += 1;
        serverStart ??= page.serverTime ?? now();
        const settled = (0, cursor_1.settledSecond)(serverStart);
        let unsaved = 0;
        for (const item of page.items) {
            const second = (0, cursor_1.toSecond)(item[spec.timeField]);
            const key = spec.keyOf(item);
            if (!(0, cursor_1.isNew)(state, key, second))
                continue;
            await handlers.emit(item);
            (0, cursor_1.markEmitted)(state, key, second);
            // Results are ordered, so everything stamped before this item has been seen by now.
            (0, cursor_1.advance)(state, Math.min(second, settled));
            result.emitted += 1;
            unsaved += 1;
            if (unsaved === exports.PERSIST_EVERY) {
                await persist(second);
                unsaved = 0;
            }
        }
        const lastItem = page.items[page.items.length - 1];
        const last = lastItem ? (0, cursor_1.toSecond)(lastItem[spec.timeField]) : undefined;
        const more = page.nextLink !== undefined;
        const second = Math.floor(range.from / 1000);
        if (range.to === undefined) {
            if (!more) {
                // Everything stamped before Graph's clock minus the look-back has been seen by now.
                (0, cursor_1.advance)(state, settled);
                await persist(Math.floor(serverStart / 1000));
                return result;
            }
            if (last !== undefined && last > second) {
                range = { from: last * 1000 };
                (0, cursor_1.advance)(state, Math.min(last, settled));
            }
            else {
                // A whole page stamped with one second: slice that second by its hidden milliseconds,
                // which the filter compares although the results do not show them.
                range = { from: second * 1000, to: (second + 1) * 1000 };
            }
        }
        else if (more && !link && range.to - range.from > 1) {
            range = { from: range.from, to: range.from + Math.ceil((range.to - range.from) / 2) };
        }
        else if (more) {
            // More than a page within one millisecond: only Graph's own paging can go on.
            link = page.nextLink;
        }
        else {
            link = undefined;
            const end = (second + 1) * 1000;
            range = range.to >= end ? { from: end } : { from: range.to, to: end };
            if (range.to === undefined)
                (0, cursor_1.advance)(state, Math.min(second + 1, settled));
        }
        await persist(last ?? second);
    }
}
