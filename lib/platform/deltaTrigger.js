"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runDeltaTrigger = runDeltaTrigger;
/**
 * What the delta triggers do on the platform: validate the start time, follow each chain of the
 * trigger to the end of its round, emit each change as a data message (once: replays, and what a
 * crashed poll emitted already, are recognised by the hashes the snapshot keeps), and save the
 * state as the snapshot after every page and every PERSIST_EVERY emissions. Chains are followed in
 * the spec's order (Mail Changes in Folder: removals first); a chain of removals reads one more
 * round after arrivals were emitted, so that it knows them. A windowed chain (calendar views) whose
 * window is due to move on starts over on the new window in the same poll, then follows the old
 * window's last round (deltaState.rollWindow).
 */
const messages_1 = require("elasticio-node/lib/messages");
const cursor_1 = require("../graph/cursor");
const odata_1 = require("../graph/odata");
const delta_1 = require("../graph/delta");
const errors_1 = require("../graph/errors");
const deltaState_1 = require("../graph/deltaState");
const session_1 = require("../graph/session");
const datetime_1 = require("../validation/datetime");
const fields_1 = require("../validation/fields");
/** A refusal that asking again will not change (not throttling, a time-out or the token). */
function lastingRefusal(err) {
    const status = err instanceof errors_1.GraphRequestError ? err.statusCode : undefined;
    return status !== undefined && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
}
async function runDeltaTrigger(context, cfg, snapshot, specFor) {
    const startTime = (0, fields_1.isAbsent)(cfg.startTime) ? undefined : (0, datetime_1.parseInstant)(cfg.startTime, 'startTime');
    const session = (0, session_1.createSession)(cfg, context);
    const spec = specFor(session.root);
    // Links are only valid on the Graph host that gave them: another host (a cloud changed) is another scope.
    const scope = (0, cursor_1.itemKey)(`${session.endpoints.graph}|${spec.scope}`);
    const state = (0, deltaState_1.restoreDeltaState)(snapshot, scope, spec.chains.map((c) => c.name), startTime === undefined ? undefined : Math.floor(startTime / 1000));
    // A version emitted as created needs no update of its own (a resync cannot tell a move in from a change).
    const versionsMatter = spec.chains.some((c) => c.kind === 'updated' || c.kind === 'changes');
    const { logger } = context;
    // Compared with what was handed in, so a first poll always saves where it stands.
    let lastSaved = JSON.stringify(snapshot ?? null);
    let warnedOver = false;
    const persist = async () => {
        const { snapshot: next, over } = (0, deltaState_1.packDeltaState)(state);
        if (over && !warnedOver) {
            warnedOver = true;
            logger.warn(`The change-tracking links alone take ${JSON.stringify(next).length} bytes, more than the snapshot budget: saving them whole, without the memory of recent emissions`);
        }
        const json = JSON.stringify(next);
        if (json === lastSaved)
            return;
        await context.emit('snapshot', next);
        lastSaved = json;
    };
    const counts = { created: 0, updated: 0, deleted: 0 };
    // Graph's clock as far as this poll has seen it (Date headers, timestamps listed), for chains whose
    // answers come without a Date header (a proxy dropped it) and list nothing with a time.
    let graphSecond;
    const saw = (second) => {
        if (second !== undefined && Number.isFinite(second))
            graphSecond = Math.max(graphSecond ?? -Infinity, second);
    };
    // The rounds of earlier polls come first: a chain followed first that lists nothing with a time
    // (removals carry only ids) is then dated by them rather than left where its first round was.
    for (const chain of Object.values(state.chains))
        saw(chain.mark);
    // The latest Date header this poll has had: Graph's clock now, as far as it is known.
    let dated;
    const clockAt = (ms) => {
        if (ms !== undefined)
            dated = Math.max(dated ?? -Infinity, Math.floor(ms / 1000));
    };
    const emits = new Set(spec.emits ?? ['created', 'updated', 'deleted']);
    /** What a reported removal is (see DeltaTriggerSpec.recheck): the item still there, and whether it is out of `view`'s window. */
    const recheck = async (listed, listedFacts, chain, view) => {
        const unchanged = { item: listed, facts: listedFacts, outside: false };
        if (!listedFacts.removed || !spec.recheck || chain.phase !== 'tracking')
            return unchanged;
        let now;
        try {
            now = await spec.recheck(session, listedFacts);
        }
        catch (err) {
            if (!lastingRefusal(err))
                throw err;
            // Asked again, it would be refused again and every poll would stop at this item: it is reported
            // removed, as Graph listed it.
            logger.warn(`Looking up an item Graph listed as removed was refused (HTTP ${err.statusCode}${err.code ? ` ${err.code}` : ''}): it is reported deleted`);
            return unchanged;
        }
        if (!now)
            return unchanged;
        const facts = spec.facts(now);
        return { item: now, facts, outside: view.window !== undefined && spec.inView !== undefined && !spec.inView(facts, view.window) };
    };
    // `view`: the chain whose window is watched (the previous window's last round reports against the new one).
    const follow = (chainSpec, chain, view = chain) => (0, delta_1.followChain)(session, chainSpec, chain, {
        knownSecond: () => graphSecond,
        clockSecond: () => dated,
        page: (page) => {
            clockAt(page.serverTime);
            saw(page.serverTime === undefined ? undefined : Math.floor(page.serverTime / 1000));
        },
        item: async (listed) => {
            const listedFacts = spec.facts(listed);
            (0, deltaState_1.itemListed)(chain, listedFacts);
            saw(Math.max(listedFacts.arrivedAt ?? -Infinity, listedFacts.changedAt ?? -Infinity));
            const { item, facts, outside } = await recheck(listed, listedFacts, chain, view);
            const classified = (0, deltaState_1.classify)(chainSpec.kind, chain, facts);
            if (!classified)
                return false;
            // Out of the window and new since the last round: it was never in view (unless the trigger
            // emitted it, or its first round found it); it is emitted once it comes into view.
            if (outside && classified === 'created' && !state.seenSet.has((0, deltaState_1.emissionKey)('created', facts)) && !(0, deltaState_1.listedAtStart)(view, facts.id))
                return false;
            let type = spec.retype ? spec.retype(classified, item) : classified;
            // One chain for all kinds: an item reported as new again (a replay) may carry an update.
            if (type === 'created' && chainSpec.kind === 'changes' && state.seenSet.has((0, deltaState_1.emissionKey)('created', facts)))
                type = 'updated';
            if (!emits.has(type))
                return false;
            const key = (0, deltaState_1.emissionKey)(type, facts);
            if (state.seenSet.has(key))
                return false;
            // A version emitted as updated (a round without Graph's clock could not call it new) is not
            // emitted again when a resync calls it created: each version once, whatever it was called.
            if (type === 'created' && versionsMatter && state.seenSet.has((0, deltaState_1.emissionKey)('updated', facts)))
                return false;
            await context.emit('data', (0, messages_1.newMessageWithBody)(spec.output(type, item, facts)));
            (0, deltaState_1.remember)(state, key);
            // An item moved out and back in (a mail, an event leaving and re-entering the window) keeps
            // its id: its arrival and its removal are new each time, not replays of the earlier ones.
            if (type === 'deleted')
                (0, deltaState_1.forget)(state, (0, deltaState_1.emissionKey)('created', facts));
            if (type === 'created')
                (0, deltaState_1.forget)(state, (0, deltaState_1.emissionKey)('deleted', facts));
            if (type === 'created' && versionsMatter)
                (0, deltaState_1.remember)(state, (0, deltaState_1.emissionKey)('updated', facts));
            counts[type] += 1;
            return true;
        },
        persist,
    }, logger);
    // Whether a windowed chain moves on is decided by Graph's clock: this poll's Date headers, else a
    // look for it (a proxy stripped them: the last round's own start would keep the window on its old
    // day for as long as the proxy does), else what the rounds showed of it.
    const windowDue = async (chain) => {
        if (!spec.nextWindow || chain.window === undefined || chain.phase !== 'tracking')
            return undefined;
        if (dated === undefined && spec.clock)
            clockAt(await spec.clock(session));
        const now = Math.max(dated ?? -Infinity, graphSecond ?? -Infinity, chain.mark ?? -Infinity);
        return Number.isFinite(now) ? spec.nextWindow(chain, now) : undefined;
    };
    clockAt(await spec.prepare?.(session, state));
    // Arrivals emitted by the time the chain of removals ended its round (undefined: no such chain).
    let arrivedBefore;
    for (const chainSpec of spec.chains) {
        const chain = state.chains[chainSpec.name];
        await follow(chainSpec, chain);
        if (chainSpec.kind === 'deleted')
            arrivedBefore = counts.created;
        const window = await windowDue(chain);
        if (window) {
            (0, deltaState_1.rollWindow)(state, chainSpec.name, window);
            logger.info(`The window of ${chainSpec.label} moves on to ${(0, odata_1.dateTimeLiteral)(window.start * 1000)} – ${(0, odata_1.dateTimeLiteral)(window.end * 1000)}: events coming into view are emitted as created`);
            await persist();
            await follow(chainSpec, chain);
        }
        // The previous window's last round (also one a crashed poll left): then it is done with.
        const retired = state.chains[(0, deltaState_1.retiredName)(chainSpec.name)];
        if (retired) {
            await follow({ ...chainSpec, name: (0, deltaState_1.retiredName)(chainSpec.name), label: `${chainSpec.label} (previous window)`, last: true }, retired, chain);
            delete state.chains[(0, deltaState_1.retiredName)(chainSpec.name)];
            await persist();
        }
    }
    // A round of removals reports only what was there when it was fixed: mail that arrived after it
    // (emitted by a later round of this poll) and is gone by its next round counts to Graph as come and
    // gone. One more round now makes it known, so a removal before the next poll is reported then.
    const removals = spec.chains.find((c) => c.kind === 'deleted');
    if (removals && arrivedBefore !== undefined && counts.created > arrivedBefore)
        await follow(removals, state.chains[removals.name]);
    // A quiet poll with nothing new still saves, so the next one starts where this one stood.
    await persist();
    logger.info(`Poll finished: ${counts.created} created, ${counts.updated} updated, ${counts.deleted} deleted`);
}
