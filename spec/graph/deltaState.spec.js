'use strict';

// The pure half of the delta triggers: what a chain emits in each phase, how its state moves, and
// what the snapshot keeps within its budget. Times are epoch seconds.
const { expect } = require('chai');
const {
  classify, emissionKey, handledBefore, itemFacts, itemListed, packDeltaState, pageAnswered, pageEntry, pageFingerprint, remember, restoreDeltaState, resynchronise, roundStarting,
  rollWindow, roundComplete, roundContinues, STARTING_CHANGES, STARTING_ITEMS,
} = require('../../lib/graph/deltaState');
const { LOOKBACK_SECONDS, SNAPSHOT_BUDGET_BYTES } = require('../../lib/graph/cursor');

const T = (iso) => Date.parse(iso) / 1000;
const facts = (arrived, changed = arrived, extra = {}) => ({ id: 'm', removed: false, arrivedAt: T(arrived), changedAt: T(changed), ...extra });
const removed = { id: 'm', removed: true };

describe('graph/deltaState: what a delta chain emits and remembers', () => {
  describe('classify', () => {
    it('initial round: only what arrived from the start on, as created; nothing of the other kinds', () => {
      const chain = { phase: 'initial', from: T('2026-11-27T07:00:00Z') };
      expect(classify('created', chain, facts('2026-11-27T07:00:00Z'))).to.equal('created');
      expect(classify('created', chain, facts('2026-11-27T06:59:59Z', '2026-11-27T07:30:00Z'))).to.equal(undefined);
      expect(classify('created', { phase: 'initial' }, facts('2026-11-27T09:00:00Z')), 'no start known: nothing').to.equal(undefined);
      expect(classify('updated', chain, facts('2026-11-27T07:30:00Z'))).to.equal(undefined);
      expect(classify('deleted', chain, removed)).to.equal(undefined);
    });

    it('tracking: whatever the chain of a kind reports is that kind; removals only in the deleted chain', () => {
      const chain = { phase: 'tracking', mark: T('2026-11-27T08:00:00Z') };
      expect(classify('created', chain, facts('2020-01-01T00:00:00Z'))).to.equal('created');
      expect(classify('updated', chain, facts('2020-01-01T00:00:00Z'))).to.equal('updated');
      expect(classify('deleted', chain, removed)).to.equal('deleted');
      expect(classify('created', chain, removed)).to.equal(undefined);
      expect(classify('deleted', chain, facts('2026-11-27T08:00:00Z'))).to.equal(undefined);
    });

    it('resync: arrivals since the boundary and the trigger\'s start, moves in since the boundary and the first round; never what was merely delivered before', () => {
      const chain = { phase: 'resync', since: T('2026-11-27T08:00:00Z'), from: T('2026-11-27T07:00:00Z'), began: T('2026-11-27T07:10:00Z') };
      const created = (f) => classify('created', chain, f);
      expect(created(facts('2026-11-27T08:00:00Z')), 'delivered in the gap').to.equal('created');
      expect(created(facts('2025-01-01T00:00:00Z', '2026-11-27T08:05:00Z')), 'old mail moved in during the gap').to.equal('created');
      expect(created(facts('2026-11-27T07:59:59Z')), 'delivered before the boundary').to.equal(undefined);
      expect(created(facts('2026-11-27T07:59:00Z', '2026-11-27T07:59:00Z')), 'delivered, never changed').to.equal(undefined);
      const early = { ...chain, since: T('2026-11-27T07:05:00Z') };
      expect(classify('created', early, facts('2026-11-27T06:59:00Z', '2026-11-27T06:59:00Z')), 'delivered before the start, within the look-back').to.equal(undefined);
      expect(classify('created', early, facts('2025-01-01T00:00:00Z', '2026-11-27T07:06:00Z')), 'moved in before the first round').to.equal(undefined);
      expect(classify('created', early, facts('2025-01-01T00:00:00Z', '2026-11-27T07:11:00Z')), 'moved in after it').to.equal('created');
      // Found by the chaos run: a lost state soon after the start re-emitted mail delivered, or filed, just before it.
      const soon = { phase: 'resync', since: T('2026-11-27T07:58:00Z'), from: T('2026-11-27T08:00:00Z'), began: T('2026-11-27T08:00:08Z') };
      expect(classify('created', soon, facts('2026-11-27T07:59:57Z')), 'delivered just before the start').to.equal(undefined);
      expect(classify('created', soon, facts('2025-06-01T00:00:00Z', '2026-11-27T08:00:00Z')), 'filed just before the first round').to.equal(undefined);
      expect(classify('created', soon, facts('2025-06-01T00:00:00Z', '2026-11-27T08:00:09Z')), 'filed after it').to.equal('created');
      expect(classify('updated', chain, facts('2026-11-20T00:00:00Z', '2026-11-27T08:01:00Z')), 'changed in the gap').to.equal('updated');
      expect(classify('updated', chain, facts('2026-11-27T08:01:00Z')), 'new, not an update').to.equal(undefined);
      expect(classify('deleted', chain, removed), 'removals in the gap are gone').to.equal(undefined);
    });

    it('one chain for all kinds (calendar views): new since the last round began is created, the rest updated, removals deleted', () => {
      const chain = { phase: 'tracking', mark: T('2026-11-27T08:00:00Z') };
      expect(classify('changes', chain, facts(new Date((T('2026-11-27T08:00:00Z') - LOOKBACK_SECONDS) * 1000).toISOString()))).to.equal('created');
      expect(classify('changes', chain, facts('2026-11-27T07:00:00Z', '2026-11-27T08:30:00Z'))).to.equal('updated');
      expect(classify('changes', chain, removed)).to.equal('deleted');
    });

    it('one chain for all kinds, first round: created or changed from the start on; with no start, nothing; removals never', () => {
      const chain = { phase: 'initial', from: T('2026-11-27T07:00:00Z') };
      expect(classify('changes', chain, facts('2026-11-27T07:00:00Z'))).to.equal('created');
      expect(classify('changes', chain, facts('2026-01-01T00:00:00Z', '2026-11-27T07:00:00Z'))).to.equal('updated');
      expect(classify('changes', chain, facts('2026-01-01T00:00:00Z', '2026-11-27T06:59:59Z'))).to.equal(undefined);
      expect(classify('changes', chain, removed)).to.equal(undefined);
      expect(classify('changes', { phase: 'initial' }, facts('2026-11-27T09:00:00Z'))).to.equal(undefined);
    });

    it('one chain for all kinds, a window that moved on: what starts at or after the old end came into view (created), the rest only if changed since', () => {
      const chain = {
        phase: 'resync', since: T('2026-11-28T07:58:00Z'), from: T('2026-11-27T07:00:00Z'), began: T('2026-11-27T07:00:00Z'), entering: T('2027-11-28T00:00:00Z'),
      };
      const old = (startsAt) => facts('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', { startsAt: T(startsAt) });
      expect(classify('changes', chain, old('2027-11-28T00:00:00Z'))).to.equal('created');
      expect(classify('changes', chain, old('2027-11-27T23:59:59Z'))).to.equal(undefined);
      expect(classify('changes', chain, facts('2026-01-01T00:00:00Z', '2026-11-28T08:00:00Z', { startsAt: T('2026-12-01T00:00:00Z') }))).to.equal('updated');
      expect(classify('changes', chain, facts('2026-11-28T08:00:00Z', '2026-11-28T08:00:00Z', { startsAt: T('2026-12-01T00:00:00Z') }))).to.equal('created');
    });
  });

  describe('transitions', () => {
    it('a round: the first page fixes its time (and, initially, what is new); its end makes that the mark and the first round the start', () => {
      const chain = { phase: 'initial' };
      pageAnswered('created', chain, Date.parse('2026-11-27T08:00:00.900Z'), true);
      pageAnswered('created', chain, Date.parse('2026-11-27T08:00:05Z'), false);
      expect(chain).to.include({ pending: T('2026-11-27T08:00:00Z'), from: T('2026-11-27T08:00:00Z') });
      roundComplete(chain, 'https://graph.example/delta?$deltatoken=a');
      expect(chain).to.deep.include({ link: 'https://graph.example/delta?$deltatoken=a', phase: 'tracking', mark: T('2026-11-27T08:00:00Z'), began: T('2026-11-27T08:00:00Z'), pending: undefined });
      pageAnswered('created', chain, Date.parse('2026-11-27T09:00:00Z'), true);
      roundComplete(chain, 'b');
      expect(chain).to.include({ mark: T('2026-11-27T09:00:00Z'), began: T('2026-11-27T08:00:00Z') });
    });

    it('without a Date header the latest time known stands in, never the container\'s clock', () => {
      const chain = { phase: 'tracking', mark: T('2026-11-27T08:00:00Z') };
      pageAnswered('created', chain, undefined, true, T('2026-11-27T08:10:00Z'));
      roundComplete(chain, 'c');
      expect(chain.mark).to.equal(T('2026-11-27T08:10:00Z'));
      pageAnswered('created', chain, undefined, true, undefined);
      roundComplete(chain, 'd');
      expect(chain.mark, 'nothing known: the old mark stays').to.equal(T('2026-11-27T08:10:00Z'));
      // A floor, not the round's time: what the round lists itself may be later (the time known came
      // from an earlier round), and once dated the round's later pages are not its first.
      pageAnswered('created', chain, undefined, roundStarting(chain), T('2026-11-27T08:10:00Z'));
      expect(roundStarting(chain)).to.equal(false);
      itemListed(chain, { id: 'x', removed: false, arrivedAt: T('2026-11-27T08:20:00Z'), changedAt: T('2026-11-27T08:20:00Z') });
      pageAnswered('created', chain, Date.parse('2026-11-27T08:30:00Z'), roundStarting(chain));
      roundComplete(chain, 'e');
      expect(chain.mark).to.equal(T('2026-11-27T08:20:00Z'));
      expect(roundStarting(chain)).to.equal(true);
    });

    it('resynchronise: the look-back before the mark; a second loss keeps that boundary; an initial round just starts over', () => {
      const chain = { phase: 'tracking', link: 'x', mark: T('2026-11-27T08:00:00Z'), pending: T('2026-11-27T08:30:00Z') };
      expect(resynchronise(chain)).to.equal(T('2026-11-27T08:00:00Z') - LOOKBACK_SECONDS);
      expect(chain).to.include({ phase: 'resync', link: undefined, pending: undefined });
      expect(resynchronise(chain)).to.equal(T('2026-11-27T08:00:00Z') - LOOKBACK_SECONDS);
      const first = { phase: 'initial', link: 'y', from: 5 };
      expect(resynchronise(first)).to.equal(undefined);
      expect(first).to.include({ phase: 'initial', from: 5, link: undefined });
      const unknown = { phase: 'tracking', link: 'z' };
      expect(resynchronise(unknown)).to.equal(undefined);
      expect(unknown.phase, 'no time known at all: a first read again').to.equal('initial');
    });
  });

  // Found by the chaos run (seed 2): a lost state soon after the start refused mail stamped just
  // before it that Exchange replicated only after the first round, so it was never emitted.
  describe('the starting state near the start (a resync whose look-back reaches before it)', () => {
    const S = T('2026-11-27T08:00:00Z');
    const at = (id, second, extra = {}) => ({ id, removed: false, arrivedAt: second, changedAt: second, ...extra });
    /** A first round fixed 60 s after the start (Graph's clock), listing `items`. */
    const firstRound = (kind, items, from = S, serverMs = (S + 60) * 1000) => {
      const chain = { phase: 'initial', from };
      pageAnswered(kind, chain, serverMs, true);
      for (const item of items) itemListed(chain, item);
      roundComplete(chain, 'link-1');
      return chain;
    };

    for (const kind of ['created', 'changes']) {
      it(`${kind}: emits what arrived within the look-back before the start unless the first round found it; the starting state, and what arrived before the boundary, not`, () => {
        const chain = firstRound(kind, [at('old', S - 3600), at('near', S - 50), at('new', S + 10)]);
        expect(chain.starting.items.map((i) => i.at), 'only what a resync can reach is kept').to.deep.equal([S - 50]);
        expect(resynchronise(chain)).to.equal(S + 60 - LOOKBACK_SECONDS);
        expect(classify(kind, chain, at('late', S - 2)), 'stamped before the start, replicated after the first round').to.equal('created');
        expect(classify(kind, chain, at('near', S - 50)), 'starting state').to.equal(undefined);
        expect(classify(kind, chain, at('old', S - 3600))).to.equal(undefined);
        expect(classify(kind, chain, at('before', S - 61)), 'before the boundary').to.equal(undefined);
        expect(classify(kind, chain, at('new', S + 10))).to.equal('created');
      });
    }

    it('kept only by chains that emit arrivals, and only until the look-back has passed the start', () => {
      expect(firstRound('updated', [at('near', S - 50)]).starting).to.equal(undefined);
      expect(firstRound('created', [at('near', S - 50)], S - 3600).starting, 'a start long before the first round: nothing to tell').to.equal(undefined);
      const chain = firstRound('created', [at('near', S - 50)]);
      pageAnswered('created', chain, (S + 100) * 1000, true);
      roundComplete(chain, 'link-2');
      expect(chain.starting.items).to.have.length(1);
      pageAnswered('created', chain, (S + 120) * 1000, true);
      roundComplete(chain, 'link-3');
      expect(chain.starting).to.equal(undefined);
      resynchronise(chain);
      expect(classify('created', chain, at('late', S - 2)), 'the boundary is past the start').to.equal(undefined);
    });

    it(`a crowded start (more than ${STARTING_ITEMS}): the newest are kept and what arrived before them counts as starting state, as before the record`, () => {
      const crowd = Array.from({ length: STARTING_ITEMS + 8 }, (_, i) => at(`m${i}`, S - 40 + i));
      const chain = firstRound('created', crowd);
      expect(chain.starting.items).to.have.length(STARTING_ITEMS);
      expect(chain.starting.floor).to.equal(S - 32);
      resynchronise(chain);
      expect(classify('created', chain, at('unseen early', S - 35)), 'the documented fallback').to.equal(undefined);
      expect(classify('created', chain, at('unseen', S - 20))).to.equal('created');
      expect(classify('created', chain, at('m20', S - 20))).to.equal(undefined);
    });

    it('without a start time or a Date header the whole first round is the starting state: a resync does not emit it again', () => {
      const chain = { phase: 'initial' };
      pageAnswered('created', chain, undefined, true, undefined);
      for (const item of [at('a', S - 100), at('b', S - 5)]) itemListed(chain, item);
      roundComplete(chain, 'link-1');
      expect([chain.from, chain.mark]).to.deep.equal([undefined, S - 5]);
      resynchronise(chain);
      expect(classify('created', chain, at('b', S - 5))).to.equal(undefined);
      expect(classify('created', chain, at('a', S - 100))).to.equal(undefined);
      expect(classify('created', chain, at('late', S - 3))).to.equal('created');
    });

    it('a snapshot from before the record: what arrived before the start is starting state, as it was', () => {
      const chain = { phase: 'resync', from: S, since: S - 60, began: S + 60 };
      expect(classify('created', chain, at('late', S - 2))).to.equal(undefined);
      expect(classify('created', chain, at('new', S))).to.equal('created');
      // A first round that began before the record existed goes on without one (its first pages were not kept).
      const midRound = { phase: 'initial', from: S, pending: S + 60, link: 'next-page' };
      pageAnswered('created', midRound, (S + 70) * 1000, false);
      itemListed(midRound, at('near', S - 50));
      roundComplete(midRound, 'link-1');
      expect(midRound.starting).to.equal(undefined);
    });

    // Found by the chaos run (seed 1, scenario 166): old mail filed in moments before the first poll was
    // the newest thing that poll listed, so it dated the round, and a resync took it for mail moved in after.
    it('what the first round listed as changed (filed in, read) in the second that dates it is starting state to a resync; changed since, or another mail changed then, is new', () => {
      for (const serverMs of [(S + 60) * 1000 + 400, undefined]) {
        const filed = at('filed', S - 86400, { changedAt: S + 60 });
        const read = at('read', S - 3600, { changedAt: S + 60 });
        const chain = firstRound('created', [at('filed long ago', S - 7200, { changedAt: S - 3000 }), filed, read, at('delivered then', S + 60)], S, serverMs);
        expect(chain.began, serverMs ? 'the Date header' : 'the newest time listed').to.equal(S + 60);
        expect(chain.starting.changed.map((i) => i.at)).to.deep.equal([S + 60, S + 60]);
        resynchronise(chain);
        expect(classify('created', chain, filed)).to.equal(undefined);
        expect(classify('created', chain, read)).to.equal(undefined);
        expect(classify('created', chain, at('filed just after', S - 86400, { changedAt: S + 60 }))).to.equal('created');
        expect(classify('created', chain, { ...filed, changedAt: S + 61 }), 'moved out and back since').to.equal('created');
      }
    });

    it(`that list lasts until the look-back has passed the second that dates the first round; more than ${STARTING_CHANGES} in it, a resync emits them (the documented bound)`, () => {
      const chain = firstRound('created', [at('filed', S - 86400, { changedAt: S + 60 })], S - 3600);
      pageAnswered('created', chain, (S + 180) * 1000, true);
      roundComplete(chain, 'link-2');
      expect(chain.starting.changed).to.have.length(1);
      pageAnswered('created', chain, (S + 181) * 1000, true);
      roundComplete(chain, 'link-3');
      expect(chain.starting).to.equal(undefined);
      const crowd = Array.from({ length: STARTING_CHANGES + 1 }, (_, i) => at(`f${i}`, S - 86400, { changedAt: S + 60 }));
      const crowded = firstRound('created', crowd);
      expect(crowded.starting.changed).to.equal(undefined);
      resynchronise(crowded);
      expect(classify('created', crowded, crowd[0])).to.equal('created');
    });

    it(`survives the snapshot whole, within the ${SNAPSHOT_BUDGET_BYTES}-byte budget beside three of the longest links`, () => {
      const state = restoreDeltaState({}, 'scope', ['created', 'updated', 'deleted'], S);
      const crowd = Array.from({ length: STARTING_ITEMS }, (_, i) => at(`m${i}`, S - 40 + i));
      const filed = Array.from({ length: STARTING_CHANGES }, (_, i) => at(`f${i}`, S - 86400, { changedAt: S + 60 }));
      state.chains.created = firstRound('created', [...crowd, ...filed]);
      expect(state.chains.created.starting.changed).to.have.length(STARTING_CHANGES);
      for (const name of ['updated', 'deleted']) state.chains[name] = firstRound(name, crowd);
      // About 620 bytes each, the longest the README's measure allows.
      for (const chain of Object.values(state.chains)) chain.link = `https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=${'t'.repeat(540)}`;
      for (let i = 0; i < 1000; i += 1) remember(state, emissionKey('created', { id: `e${i}` }));
      const { snapshot, over } = packDeltaState(state);
      expect(over).to.equal(false);
      expect(JSON.stringify(snapshot).length).to.be.at.most(SNAPSHOT_BUDGET_BYTES);
      expect(snapshot.seen.length / 8, 'hashes of recent emissions still fit beside it').to.be.above(150);
      const again = restoreDeltaState(JSON.parse(JSON.stringify(snapshot)), 'scope', ['created', 'updated', 'deleted'], S);
      expect(again.chains.created.starting).to.deep.equal(state.chains.created.starting);
      expect(again.chains.updated.starting).to.equal(undefined);
    });
  });

  describe('windows and pages', () => {
    const link = 'https://graph.microsoft.com/v1.0/me/calendarView/delta?$deltatoken=old';
    const window = (start, end) => ({ start: T(start), end: T(end) });

    it('rollWindow: the old link follows one last round as {name}~; the chain starts over on the new window from its mark less the look-back; the round\'s end clears what was entering', () => {
      const state = restoreDeltaState({}, 'scope', ['changes'], undefined);
      Object.assign(state.chains.changes, {
        link, phase: 'tracking', from: T('2026-11-27T07:00:00Z'), mark: T('2026-11-28T08:00:00Z'), began: T('2026-11-27T07:00:00Z'),
        window: window('2026-10-28T00:00:00Z', '2027-11-28T00:00:00Z'), progress: { done: 3, fingerprint: 'abcdefgh' },
      });
      rollWindow(state, 'changes', window('2026-10-29T00:00:00Z', '2027-11-29T00:00:00Z'));
      expect(state.chains['changes~']).to.deep.include({ link, phase: 'tracking', mark: T('2026-11-28T08:00:00Z'), window: window('2026-10-28T00:00:00Z', '2027-11-28T00:00:00Z') });
      expect(state.chains.changes).to.deep.include({
        link: undefined, phase: 'resync', since: T('2026-11-28T08:00:00Z') - LOOKBACK_SECONDS, entering: T('2027-11-28T00:00:00Z'), window: window('2026-10-29T00:00:00Z', '2027-11-29T00:00:00Z'), progress: undefined,
      });
      // Saved and restored mid-way: both chains, the window and what is entering.
      const { snapshot } = packDeltaState(state);
      expect(snapshot.chains.changes).to.include({ windowStart: '2026-10-29T00:00:00Z', windowEnd: '2027-11-29T00:00:00Z', entering: '2027-11-28T00:00:00Z', phase: 'resync' });
      const again = restoreDeltaState(JSON.parse(JSON.stringify(snapshot)), 'scope', ['changes'], undefined);
      expect(Object.keys(again.chains)).to.deep.equal(['changes', 'changes~']);
      expect(again.chains.changes).to.deep.include({ entering: T('2027-11-28T00:00:00Z'), window: window('2026-10-29T00:00:00Z', '2027-11-29T00:00:00Z') });
      roundComplete(again.chains.changes, `${link}-new`);
      expect(again.chains.changes).to.deep.include({ phase: 'tracking', entering: undefined });
      // A retired chain of a kind no longer followed, or without a link, is not kept.
      expect(Object.keys(restoreDeltaState(snapshot, 'scope', ['other'], undefined).chains)).to.deep.equal(['other']);
    });

    it('progress within a page: the items handled are skipped only when the page starts with exactly them again; a new page or round forgets it', () => {
      const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, '@odata.etag': `W/"${id}"` }));
      const entries = items.map(pageEntry);
      const chain = { phase: 'tracking', link, progress: { done: 2, fingerprint: pageFingerprint(entries.slice(0, 2)) } };
      expect(handledBefore(chain, entries)).to.equal(2);
      expect(handledBefore(chain, [entries[1], entries[0], ...entries.slice(2)]), 'another order').to.equal(0);
      expect(handledBefore(chain, [pageEntry({ ...items[0], '@odata.etag': 'W/"a2"' }), ...entries.slice(1)]), 'another version').to.equal(0);
      expect(handledBefore(chain, entries.slice(0, 1)), 'a shorter page').to.equal(0);
      expect(pageEntry({ id: 'x', '@removed': { reason: 'deleted' } })).to.not.equal(pageEntry({ id: 'x' }));
      const { snapshot } = packDeltaState({ scope: 's', chains: { changes: chain }, seen: [], seenSet: new Set() });
      expect(restoreDeltaState(snapshot, 's', ['changes'], undefined).chains.changes.progress).to.deep.equal(chain.progress);
      roundContinues(chain, `${link}-2`);
      expect(chain.progress).to.equal(undefined);
    });
  });

  describe('the snapshot', () => {
    const link = (n) => `https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$deltatoken=${'t'.repeat(n)}`;

    it('round-trips its chains and hashes; another scope keeps its place in time; unknown shapes start afresh', () => {
      const state = restoreDeltaState({}, 'scope-a', ['created', 'deleted'], T('2026-11-27T07:00:00Z'));
      expect(state.chains.created).to.deep.equal({ phase: 'initial', from: T('2026-11-27T07:00:00Z') });
      Object.assign(state.chains.created, { link: link(170), phase: 'tracking', mark: T('2026-11-27T08:00:00Z'), began: T('2026-11-27T07:00:00Z') });
      remember(state, emissionKey('created', facts('2026-11-27T08:00:00Z')));
      const { snapshot } = packDeltaState(state);
      const again = restoreDeltaState(JSON.parse(JSON.stringify(snapshot)), 'scope-a', ['created', 'updated'], undefined);
      expect(again.chains.created).to.deep.include({ link: link(170), phase: 'tracking', mark: T('2026-11-27T08:00:00Z') });
      expect(again.chains.updated).to.deep.equal({ phase: 'initial', from: undefined });
      expect(again.chains).to.not.have.property('deleted');
      expect([...again.seenSet]).to.deep.equal(state.seen);
      const moved = restoreDeltaState(snapshot, 'scope-b', ['created'], T('2026-01-01T00:00:00Z'));
      expect(moved.chains.created).to.deep.equal({ phase: 'initial', from: T('2026-11-27T08:00:00Z') });
      expect(restoreDeltaState({ v: 1, from: 'x' }, 'scope-a', ['created'], undefined).chains.created).to.deep.equal({ phase: 'initial', from: undefined });
    });

    it(`fills the ${SNAPSHOT_BUDGET_BYTES}-byte budget exactly as far as whole hashes go, forgetting the oldest first`, () => {
      const state = restoreDeltaState({}, 'scope', ['created'], 0);
      Object.assign(state.chains.created, { link: link(600), phase: 'tracking', mark: T('2026-11-27T08:00:00Z') });
      for (let i = 0; i < 1000; i += 1) remember(state, emissionKey('created', { id: `m${i}` }));
      const { snapshot, forgotten, over } = packDeltaState(state);
      const size = JSON.stringify(snapshot).length;
      expect(size).to.be.at.most(SNAPSHOT_BUDGET_BYTES).and.above(SNAPSHOT_BUDGET_BYTES - 8);
      expect(over).to.equal(false);
      expect(forgotten).to.equal(1000 - snapshot.seen.length / 8);
      expect(snapshot.seen.endsWith(emissionKey('created', { id: 'm999' }))).to.equal(true);
      expect(state.seenSet.has(emissionKey('created', { id: 'm0' }))).to.equal(false);
    });

    it('links longer than the whole budget are kept whole, with no hashes, and said to be over', () => {
      const state = restoreDeltaState({}, 'scope', ['created'], 0);
      Object.assign(state.chains.created, { link: link(SNAPSHOT_BUDGET_BYTES), phase: 'tracking' });
      remember(state, 'abcdefgh');
      const { snapshot, over } = packDeltaState(state);
      expect(over).to.equal(true);
      expect(snapshot.chains.created.link).to.equal(link(SNAPSHOT_BUDGET_BYTES));
      expect(snapshot.seen).to.equal('');
    });
  });

  it('itemFacts reads Graph\'s timestamps, @removed and the etag', () => {
    expect(itemFacts({ id: 'a', receivedDateTime: '2026-11-27T08:00:00Z', lastModifiedDateTime: '2026-11-27T08:01:00Z', '@odata.etag': 'W/"x"' }, 'receivedDateTime'))
      .to.deep.equal({ id: 'a', removed: false, arrivedAt: T('2026-11-27T08:00:00Z'), changedAt: T('2026-11-27T08:01:00Z'), version: 'W/"x"' });
    expect(itemFacts({ id: 'b', '@removed': { reason: 'deleted' } }, 'receivedDateTime')).to.deep.include({ id: 'b', removed: true, arrivedAt: undefined });
  });
});
