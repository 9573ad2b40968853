"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.syncStateLost = syncStateLost;
exports.followChain = followChain;
const deltaState_1 = require("./deltaState");
const errors_1 = require("./errors");
const odata_1 = require("./odata");
const poll_1 = require("./poll");
/** Smallest page a chain falls back to when large pages time out. */
const MIN_PAGE_SIZE = 50;
/** A chain whose state is lost again right after starting over gives up for this poll. */
const MAX_RESYNCS = 2;
/** Graph lost the sync state behind a link: 410 Gone, or one of the codes it uses for it. */
function syncStateLost(err) {
    if (!(err instanceof errors_1.GraphRequestError))
        return false;
    const code = err.code?.toLowerCase();
    return err.statusCode === 410 || (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500
        && (code === 'syncstatenotfound' || code === 'resyncrequired' || code === 'syncstateinvalid'));
}
/** The delta function is not served there (Graph's NotImplemented, as for properties delta cannot track). */
function deltaUnavailable(err) {
    return err instanceof errors_1.GraphRequestError && (err.statusCode === 501 || /^(notimplemented|notsupported)$/i.test(err.code ?? ''));
}
async function followChain(session, spec, chain, handlers, logger) {
    const result = { pages: 0, emitted: 0, resynced: 0 };
    let pageSize = spec.pageSize;
    let unsaved = 0;
    for (;;) {
        const firstOfRound = (0, deltaState_1.roundStarting)(chain);
        let page;
        try {
            const initial = typeof spec.initialPath === 'string' ? spec.initialPath : spec.initialPath(chain);
            page = await session.page(chain.link ?? initial, { prefer: [...spec.prefer ?? [], `odata.maxpagesize=${pageSize}`] });
        }
        catch (err) {
            if (syncStateLost(err) && spec.last) {
                logger.warn(`Graph no longer has the change-tracking state of ${spec.label} (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}): its last round is skipped, so a deletion made there in the moments the new window started may go unreported`);
                return { ...result, lost: true };
            }
            if (syncStateLost(err) && result.resynced < MAX_RESYNCS) {
                result.resynced += 1;
                const since = (0, deltaState_1.resynchronise)(chain);
                logger.warn(`Graph no longer has the change-tracking state of ${spec.label} (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}): reading it afresh; ${since === undefined
                    ? 'its first read starts over, emitting what it would have'
                    : `only what arrived or changed since ${(0, odata_1.dateTimeLiteral)(since * 1000)} is emitted, the rest is not repeated${spec.kind === 'deleted' ? ' (deletions in between cannot be reported)' : ''}`}`);
                await handlers.persist();
                continue;
            }
            if (pageSize > MIN_PAGE_SIZE && err instanceof errors_1.GraphRequestError && (err.statusCode === 504 || err.code === 'timeout')) {
                pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
                logger.warn(`A page of ${spec.label} took too long; asking for ${pageSize} at a time`);
                continue;
            }
            if (deltaUnavailable(err)) {
                throw new errors_1.GraphRequestError(`Microsoft Graph does not offer change tracking (delta queries) for ${spec.label} on this mailbox in the ${session.cloud.label} cloud (HTTP ${err.statusCode ?? '?'}${err.code ? ` ${err.code}` : ''}). Use the time-based trigger (Poll for New Mail, Poll for New and Updated Events, Poll for New and Updated Contacts) instead.`, err.statusCode, err.code, err.requestId);
            }
            throw err;
        }
        result.pages += 1;
        (0, deltaState_1.pageAnswered)(spec.kind, chain, page.serverTime, firstOfRound, handlers.knownSecond?.(), handlers.clockSecond?.());
        handlers.page?.(page);
        // A poll that died on this page saved how far it got: those items, if Graph lists them again
        // first, were handled (their emissions may be older than the hashes the snapshot kept).
        const entries = page.items.map((item) => (0, deltaState_1.pageEntry)(item));
        const skip = (0, deltaState_1.handledBefore)(chain, entries);
        for (const [index, item] of page.items.entries()) {
            let emitted;
            try {
                emitted = index >= skip && await handlers.item(item, chain);
            }
            catch (err) {
                // A look an item needed failed (its retries spent): what this page emitted before it is
                // saved first, so the next poll does not emit it again. The item's own error is what counts.
                if (unsaved > 0) {
                    chain.progress = { done: index, fingerprint: (0, deltaState_1.pageFingerprint)(entries.slice(0, index)) };
                    await handlers.persist().catch(() => undefined);
                }
                throw err;
            }
            if (!emitted)
                continue;
            result.emitted += 1;
            unsaved += 1;
            if (unsaved >= poll_1.PERSIST_EVERY) {
                chain.progress = { done: index + 1, fingerprint: (0, deltaState_1.pageFingerprint)(entries.slice(0, index + 1)) };
                await handlers.persist();
                unsaved = 0;
            }
        }
        if (page.nextLink) {
            (0, deltaState_1.roundContinues)(chain, page.nextLink);
            await handlers.persist();
            unsaved = 0;
            continue;
        }
        if (!page.deltaLink) {
            throw new errors_1.GraphRequestError(`Outlook answered a page of ${spec.label} with neither a next link nor a delta link; the last saved link is used again at the next poll.`, 200, undefined, undefined);
        }
        (0, deltaState_1.roundComplete)(chain, page.deltaLink);
        await handlers.persist();
        return result;
    }
}
