"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startKey = exports.retiredName = exports.STARTING_CHANGES = exports.STARTING_ITEMS = void 0;
exports.restoreDeltaState = restoreDeltaState;
exports.remember = remember;
exports.forget = forget;
exports.emissionKey = emissionKey;
exports.listedAtStart = listedAtStart;
exports.classify = classify;
exports.roundStarting = roundStarting;
exports.pageAnswered = pageAnswered;
exports.itemListed = itemListed;
exports.roundContinues = roundContinues;
exports.pageEntry = pageEntry;
exports.pageFingerprint = pageFingerprint;
exports.handledBefore = handledBefore;
exports.roundComplete = roundComplete;
exports.rollWindow = rollWindow;
exports.resynchronise = resynchronise;
exports.packDeltaState = packDeltaState;
exports.itemFacts = itemFacts;
/**
 * What a delta trigger remembers between polls and what it emits: the pure half of the delta
 * triggers (graph/delta.ts follows the links, platform/deltaTrigger.ts wires them to the platform).
 *
 * A trigger follows one delta chain per kind of change it emits (Graph's `changeType` for mail, one
 * chain for a calendar view), each a link: the `@odata.deltaLink` of its last completed round, or
 * the `@odata.nextLink` where the round in progress stopped. A crashed poll resumes from that link;
 * what it emitted again is recognised by the hashes of the latest emissions the snapshot keeps.
 *
 * Graph's links are opaque references to a sync state it keeps (a 410 names the state's
 * "generation"), about 250 to 420 characters whatever the folder holds, so they live in the
 * snapshot, with the hashes filling what the budget leaves.
 *
 * When Graph has lost the state (410, syncStateNotFound, resyncRequired) the chain reads the folder
 * afresh, and only what changed since its last completed round began (by Graph's clock, less the
 * look-back for replication) counts: the folder's old content is not emitted again. Soon after the
 * start that look-back reaches before it, where what arrived may or may not have been replicated
 * by the first round: the chain's `starting` record tells the starting state from what showed later.
 *
 * A calendar view's chain covers a window of days, fixed by its first request; to move it on, the
 * chain starts over on the new window like a resync (`rollWindow`), where what starts at or after
 * the old window's end has just come into view and counts as created; the old chain follows one
 * last round (kept as `{name}~`), so nothing that changed while the new one started is missed.
 */
const cursor_1 = require("./cursor");
const odata_1 = require("./odata");
const HASH = 8;
/** The most items a starting-state record keeps: 32 x 15 characters of the snapshot budget. */
exports.STARTING_ITEMS = 32;
/** The most it keeps of those changed in the second that dates the first round (16 x 15 characters). */
exports.STARTING_CHANGES = 16;
const AT36 = 7;
/** The name a chain's previous window goes by while it follows its last round. */
const retiredName = (name) => `${name}~`;
exports.retiredName = retiredName;
const PHASES = ['initial', 'tracking', 'resync'];
const toIso = (second) => (second === undefined ? undefined : (0, odata_1.dateTimeLiteral)(second * 1000));
const fromIso = (iso) => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? Math.floor(Date.parse(iso) / 1000) : undefined);
function newChain(from) {
    return { phase: 'initial', from };
}
/** The hash an item is kept by in a starting-state record. */
const startKey = (id) => (0, cursor_1.itemKey)(`starting|${id}`);
exports.startKey = startKey;
function packItems(items) {
    return items && items.map((i) => `${i.key}${i.at.toString(36).padStart(AT36, '0')}`).join('');
}
function unpackItems(packed) {
    if (typeof packed !== 'string')
        return undefined;
    const items = [];
    for (let i = 0; i + HASH + AT36 <= packed.length; i += HASH + AT36) {
        const at = parseInt(packed.slice(i + HASH, i + HASH + AT36), 36);
        if (Number.isFinite(at))
            items.push({ key: packed.slice(i, i + HASH), at });
    }
    return items;
}
function unpackStarting(packed, floor, changed) {
    const items = unpackItems(packed);
    return items && { floor: fromIso(floor), items, changed: unpackItems(changed) };
}
function unpackChain(chain) {
    if (!chain || !PHASES.includes(chain.phase))
        return undefined;
    const start = fromIso(chain.windowStart);
    const end = fromIso(chain.windowEnd);
    return {
        link: typeof chain.link === 'string' && chain.link ? chain.link : undefined,
        phase: chain.phase,
        from: fromIso(chain.from),
        mark: fromIso(chain.mark),
        began: fromIso(chain.began),
        pending: fromIso(chain.pending),
        latest: fromIso(chain.latest),
        since: fromIso(chain.since),
        window: start !== undefined && end !== undefined && start < end ? { start, end } : undefined,
        entering: fromIso(chain.entering),
        progress: Number.isInteger(chain.done) && chain.done > 0 && typeof chain.fingerprint === 'string'
            ? { done: chain.done, fingerprint: chain.fingerprint } : undefined,
        starting: unpackStarting(chain.starting, chain.startingFloor, chain.startingChanged),
    };
}
function asSnapshot(value) {
    const saved = value;
    if (!saved || saved.delta !== 1 || typeof saved.scope !== 'string' || typeof saved.chains !== 'object' || saved.chains === null)
        return undefined;
    return saved;
}
/**
 * The state to go on from: the snapshot's chains for this scope, a new chain for each kind not
 * followed yet (it emits nothing of what exists before it starts), none for kinds no longer asked
 * for. Without a usable snapshot every chain starts at `startSecond` (the configured start time;
 * undefined: Graph's clock at its first page). A snapshot of another scope (the folder or mailbox
 * was changed) keeps its place in time: the new scope's chains start where the old ones had got to.
 * A chain's previous window still following its last round (`{name}~`) is kept.
 */
function restoreDeltaState(snapshot, scope, chainNames, startSecond) {
    const saved = asSnapshot(snapshot);
    const state = { scope, chains: {}, seen: [], seenSet: new Set() };
    if (saved && saved.scope === scope) {
        for (const name of chainNames) {
            state.chains[name] = unpackChain(saved.chains[name]) ?? newChain(undefined);
            const retired = unpackChain(saved.chains[(0, exports.retiredName)(name)]);
            if (retired?.link && retired.phase === 'tracking')
                state.chains[(0, exports.retiredName)(name)] = retired;
        }
        const packed = typeof saved.seen === 'string' ? saved.seen : '';
        for (let i = 0; i + HASH <= packed.length; i += HASH)
            remember(state, packed.slice(i, i + HASH));
        return state;
    }
    const reached = saved ? Math.max(...Object.values(saved.chains).map((c) => fromIso(c?.mark) ?? fromIso(c?.from) ?? -Infinity)) : -Infinity;
    const from = reached > -Infinity ? reached : startSecond;
    for (const name of chainNames)
        state.chains[name] = newChain(from);
    return state;
}
function remember(state, key) {
    if (state.seenSet.has(key))
        return;
    state.seen.push(key);
    state.seenSet.add(key);
}
/** Drops a remembered emission: what it stood for is over (an item that left came back, or the reverse). */
function forget(state, key) {
    if (!state.seenSet.delete(key))
        return;
    state.seen.splice(state.seen.indexOf(key), 1);
}
/** The key an emission is remembered by: one per item for arrivals and removals, one per version for updates. */
function emissionKey(type, facts) {
    return (0, cursor_1.itemKey)(`${type}|${facts.id}`, type === 'updated' ? facts.version ?? String(facts.changedAt ?? '') : '');
}
/**
 * Whether an item that arrived at `arrived` was part of the chain's starting state, as far as a
 * resync can tell: it arrived before the start and the first round found it (or, past what the
 * record keeps, before its floor). Without a record (a snapshot from before it was kept) what
 * arrived before the start counts as starting state.
 */
function inStartingState(chain, id, arrived) {
    if (chain.from !== undefined && arrived >= chain.from)
        return false;
    const { starting } = chain;
    if (!starting)
        return chain.from !== undefined;
    if (arrived < (starting.floor ?? -Infinity))
        return true;
    return listedAtStart(chain, id);
}
/** Whether the chain's first round listed the item among those that arrived shortly before the start (its starting-state record). */
function listedAtStart(chain, id) {
    const key = (0, exports.startKey)(id);
    return chain.starting?.items.some((i) => i.key === key) ?? false;
}
/** Listed by the first round as changed in the second that dates it, and not changed since. */
function changedAtStart(chain, facts) {
    const changed = chain.starting?.changed;
    if (!changed || facts.changedAt === undefined)
        return false;
    const key = (0, exports.startKey)(facts.id);
    return changed.some((i) => i.key === key && i.at === facts.changedAt);
}
/**
 * Whether an item a chain reported is emitted, and as what (undefined: not emitted). Replays and
 * what a crashed poll emitted already are left out by the caller through `emissionKey`.
 */
function classify(kind, chain, facts) {
    const { phase } = chain;
    if (facts.removed)
        return (kind === 'deleted' || kind === 'changes') && phase === 'tracking' ? 'deleted' : undefined;
    const arrived = facts.arrivedAt ?? -Infinity;
    const changed = facts.changedAt ?? -Infinity;
    const since = chain.since ?? -Infinity;
    const isNew = () => {
        if (phase === 'initial')
            return chain.from !== undefined && arrived >= chain.from;
        if (phase === 'tracking')
            return true;
        // Resync: arrived since the last completed round began and not part of the starting state
        // (mail stamped before the start but replicated after the first round is new), or moved in
        // since then, which Graph shows only as a change after its arrival (moving touches
        // lastModifiedDateTime; a mail merely delivered then shows no change after it arrived), and not
        // before the chain's first round, which took what was there as its starting state (nor in the
        // second that dates that round, if the round listed it changed then).
        return (arrived >= since && !inStartingState(chain, facts.id, arrived))
            || (changed >= Math.max(since, chain.began ?? -Infinity) && changed > arrived && !changedAtStart(chain, facts));
    };
    switch (kind) {
        case 'created':
            return isNew() ? 'created' : undefined;
        case 'updated':
            if (phase === 'initial')
                return undefined;
            return phase === 'tracking' || (changed >= since && arrived < since) ? 'updated' : undefined;
        case 'deleted':
            return undefined;
        case 'changes':
            // One chain for all three: what arrived since the round's watermark is new, the rest changed.
            // Initially, what arrived or changed from the start on (nothing, without a start time).
            if (phase === 'initial') {
                if (chain.from === undefined)
                    return undefined;
                return arrived >= chain.from ? 'created' : changed >= chain.from ? 'updated' : undefined;
            }
            if (phase === 'resync') {
                // A window that moved on: what starts where the old one ended has just come into view.
                if (chain.entering !== undefined && facts.startsAt !== undefined && facts.startsAt >= chain.entering)
                    return 'created';
                return isNew() ? (arrived >= since ? 'created' : 'updated') : undefined;
            }
            return chain.mark !== undefined && arrived >= chain.mark - cursor_1.LOOKBACK_SECONDS ? 'created' : 'updated';
    }
}
// ---- transitions of a chain ----
/** Whether the next page answered is the first of a round (nothing has dated the round in progress yet). */
function roundStarting(chain) {
    return chain.pending === undefined && chain.latest === undefined;
}
/**
 * A page answered: the first of a round fixes when the round began (and, initially, what is new).
 * Without Graph's Date header, `knownSecond` stands in: the latest Graph time the trigger has seen
 * (an earlier round, another chain's answer, a timestamp it listed), which is no later than the
 * round began; it is a floor the round's own listing may raise (see roundComplete), not its time.
 * A first round of a chain that emits arrivals starts its record of the starting state here, so a
 * round begun before the record existed (a snapshot of an older version) goes on without one.
 */
function pageAnswered(kind, chain, serverTimeMs, firstOfRound, knownSecond, clockSecond) {
    if (!firstOfRound)
        return;
    if (chain.phase === 'initial' && (kind === 'created' || kind === 'changes'))
        chain.starting ??= { items: [], changed: [] };
    if (serverTimeMs === undefined) {
        if (knownSecond !== undefined)
            chain.latest = Math.max(chain.latest ?? -Infinity, knownSecond);
        // A first round dated by another answer of the same poll: without it, a later restart of the
        // first read (Graph lost the state) would take what arrived in between for the starting state.
        if (chain.phase === 'initial' && chain.from === undefined && clockSecond !== undefined)
            chain.from = clockSecond;
        return;
    }
    const second = Math.floor(serverTimeMs / 1000);
    chain.pending = second;
    if (chain.phase === 'initial' && chain.from === undefined)
        chain.from = second;
}
/**
 * An item the round listed: its timestamps stand in for Graph's clock where the Date header is
 * missing; a first round keeping a record of the starting state (see pageAnswered) keeps it there
 * (the newest STARTING_ITEMS arrivals).
 */
function itemListed(chain, facts) {
    const stamp = Math.max(facts.changedAt ?? -Infinity, facts.arrivedAt ?? -Infinity);
    if (Number.isFinite(stamp))
        chain.latest = Math.max(chain.latest ?? -Infinity, stamp);
    const { starting } = chain;
    const at = facts.arrivedAt;
    if (chain.phase !== 'initial' || !starting || facts.removed || at === undefined)
        return;
    if (chain.from !== undefined && at >= chain.from)
        return;
    const key = (0, exports.startKey)(facts.id);
    noteChanged(chain, starting, facts, key);
    if (at < (starting.floor ?? -Infinity) || starting.items.some((i) => i.key === key))
        return;
    starting.items.push({ at, key });
    if (starting.items.length <= exports.STARTING_ITEMS)
        return;
    const dropped = Math.min(...starting.items.map((i) => i.at));
    starting.floor = dropped + 1;
    starting.items = starting.items.filter((i) => i.at >= dropped + 1);
}
/**
 * A first round's item changed after it arrived, no earlier than the second the round is dated by so
 * far (its Date header, else the newest time it has listed): kept in `changed`, which the end of the
 * round narrows to the second that dates it (see StartingState).
 */
function noteChanged(chain, starting, facts, key) {
    const changed = facts.changedAt;
    const dated = chain.pending ?? chain.latest;
    if (!starting.changed || changed === undefined || dated === undefined || changed < dated || changed <= (facts.arrivedAt ?? -Infinity))
        return;
    starting.changed = starting.changed.filter((i) => i.at >= dated && i.key !== key);
    starting.changed.push({ at: changed, key });
    if (starting.changed.length > exports.STARTING_CHANGES)
        starting.changed = undefined;
}
/**
 * After a round: the record of the first round's starting state keeps what a resync's boundary (the
 * mark less the look-back, the first round's at the earliest) can reach, and goes once the boundary
 * has passed the start: from then on nothing before the start can count as new. Its list of items
 * changed in the second that dates the first round goes once the boundary has passed that second.
 */
function settleStarting(chain, first) {
    const { starting } = chain;
    if (!starting || chain.mark === undefined)
        return;
    const reach = chain.mark - cursor_1.LOOKBACK_SECONDS;
    const began = chain.began ?? -Infinity;
    if (first && starting.changed)
        starting.changed = starting.changed.filter((i) => i.at >= began);
    const newest = Math.max(starting.floor ?? -Infinity, ...starting.items.map((i) => i.at + 1));
    const arrivalsPassed = reach >= (chain.from ?? newest);
    if (arrivalsPassed && (!starting.changed?.length || reach > began)) {
        chain.starting = undefined;
    }
    else if (first && !arrivalsPassed) {
        starting.items = starting.items.filter((i) => i.at >= reach);
        starting.floor = Math.max(starting.floor ?? -Infinity, reach);
    }
}
/** The round goes on at `nextLink`. */
function roundContinues(chain, nextLink) {
    chain.link = nextLink;
    chain.progress = undefined;
}
/** What identifies a listed item on a page: its id, its version, whether it was removed. */
function pageEntry(item) {
    const version = item['@odata.etag'] ?? item.changeKey ?? '';
    return `${String(item.id)}|${String(version)}|${item['@removed'] === undefined ? '' : 'removed'}`;
}
/** The hash of the first items of a page, as `progress` keeps it. */
function pageFingerprint(entries) {
    return (0, cursor_1.itemKey)(entries.join('\n'), String(entries.length));
}
/** How many items at the start of the page were handled before (0: none, or the page is not the same). */
function handledBefore(chain, entries) {
    const { progress } = chain;
    if (!progress || progress.done > entries.length)
        return 0;
    return pageFingerprint(entries.slice(0, progress.done)) === progress.fingerprint ? progress.done : 0;
}
/** The round is complete: the delta link is what the next round starts from. */
function roundComplete(chain, deltaLink) {
    const first = chain.phase === 'initial';
    chain.link = deltaLink;
    chain.progress = undefined;
    const listed = chain.latest === undefined ? chain.mark : Math.max(chain.mark ?? -Infinity, chain.latest);
    chain.mark = chain.pending ?? listed;
    if (chain.phase === 'initial' && chain.began === undefined)
        chain.began = chain.mark;
    chain.pending = undefined;
    chain.latest = undefined;
    chain.phase = 'tracking';
    chain.since = undefined;
    chain.entering = undefined;
    settleStarting(chain, first);
}
/**
 * A windowed chain moves on to `window`: its link is kept as the previous window's chain, which
 * follows one last round (after the new one's first, so what changed in between is seen by one or
 * the other); the chain itself starts over on the new window as after a lost state, what changed
 * since its last round began counting, and what starts at or after the old end counting as created.
 */
function rollWindow(state, name, window) {
    const chain = state.chains[name];
    if (chain.link && chain.phase === 'tracking')
        state.chains[(0, exports.retiredName)(name)] = { ...chain, window: chain.window && { ...chain.window }, starting: undefined };
    chain.entering = chain.window?.end;
    chain.window = window;
    chain.link = undefined;
    chain.progress = undefined;
    chain.pending = undefined;
    chain.latest = undefined;
    const since = chain.mark === undefined ? chain.from : chain.mark - cursor_1.LOOKBACK_SECONDS;
    if (since === undefined) {
        chain.phase = 'initial';
        return;
    }
    chain.phase = 'resync';
    chain.since = since;
}
/**
 * Graph lost the chain's sync state: read afresh, emitting only what changed since the round behind
 * the lost link began (less the look-back). Returns that second, undefined when it is not known
 * (the initial round starts over instead, with the same notion of what is new).
 */
function resynchronise(chain) {
    chain.link = undefined;
    chain.progress = undefined;
    chain.pending = undefined;
    chain.latest = undefined;
    if (chain.phase === 'initial')
        return undefined;
    const since = chain.phase === 'resync' ? chain.since : chain.mark === undefined ? chain.from : chain.mark - cursor_1.LOOKBACK_SECONDS;
    if (since === undefined) {
        chain.phase = 'initial';
        return undefined;
    }
    chain.phase = 'resync';
    chain.since = since;
    return since;
}
// ---- the snapshot ----
function packChains(state) {
    const chains = {};
    for (const [name, chain] of Object.entries(state.chains)) {
        chains[name] = JSON.parse(JSON.stringify({
            link: chain.link, phase: chain.phase, from: toIso(chain.from), mark: toIso(chain.mark), began: toIso(chain.began), pending: toIso(chain.pending), latest: toIso(chain.latest), since: toIso(chain.since),
            windowStart: toIso(chain.window?.start), windowEnd: toIso(chain.window?.end), entering: toIso(chain.entering),
            done: chain.progress?.done, fingerprint: chain.progress?.fingerprint,
            starting: packItems(chain.starting?.items), startingFloor: toIso(chain.starting?.floor), startingChanged: packItems(chain.starting?.changed),
        }));
    }
    return chains;
}
/**
 * The snapshot within the budget: the links and times always, and as many of the latest hashes as
 * fit (the oldest are forgotten first; `state.seen` is trimmed to match). `over`: the links alone do
 * not fit, which no link Graph is known to return comes near; the snapshot is then saved whole
 * rather than losing the state.
 */
function packDeltaState(state, budget = cursor_1.SNAPSHOT_BUDGET_BYTES) {
    const base = { delta: 1, scope: state.scope, chains: packChains(state), seen: '' };
    const room = budget - JSON.stringify(base).length;
    const keep = Math.max(0, Math.min(state.seen.length, Math.floor(room / HASH)));
    const forgotten = state.seen.length - keep;
    if (forgotten > 0) {
        for (const key of state.seen.splice(0, forgotten))
            state.seenSet.delete(key);
    }
    return { snapshot: { ...base, seen: state.seen.join('') }, forgotten, over: room < 0 };
}
/** Facts of a Graph item from its timestamps: `arrivedField` (receivedDateTime or createdDateTime), lastModifiedDateTime and the etag. */
function itemFacts(item, arrivedField) {
    const time = (value) => (typeof value === 'string' && value ? (0, cursor_1.toSecond)(value) : undefined);
    const etag = item['@odata.etag'];
    return {
        id: String(item.id),
        removed: item['@removed'] !== undefined,
        arrivedAt: time(item[arrivedField]),
        changedAt: time(item.lastModifiedDateTime),
        version: typeof etag === 'string' ? etag : typeof item.changeKey === 'string' ? item.changeKey : undefined,
    };
}
