// The calendar and contact delta triggers (Calendar Changes, Contact Changes) against their
// time-cursor triggers (Poll for New and Updated Events, Poll for New and Updated Contacts) on the
// same calendar or folder of the same mailbox, in one pair of fresh processes: the first poll of a
// calendar or folder that already holds items, a batch of new items, an idle poll, items changed,
// items deleted. Requests come from the emulator's own counters, on the clock the bench moves.
'use strict';

const DAY = 24 * 3600 * 1000;
const EVERY_MS = 250;

/** Per kind: the two contenders, and how the bench makes, changes and deletes an item of it. */
const KINDS = {
  events: {
    cursor: { step: 'getNewAndUpdatedEvents', fields: {} },
    delta: { step: 'getEventChanges', fields: { pastDays: 30, futureDays: 365 } },
    label: { cursor: 'Poll for New and Updated Events', delta: 'Calendar Changes', items: 'events' },
  },
  contacts: {
    cursor: { step: 'getNewAndUpdatedContacts', fields: { contactFolderId: 'contacts' } },
    delta: { step: 'getContactChanges', fields: {} },
    label: { cursor: 'Poll for New and Updated Contacts', delta: 'Contact Changes', items: 'contacts' },
  },
};

/**
 * @param {object} o
 * @param {(name: string, emulatorOptions: object, run: Function) => Promise} o.withProcesses
 * @param {{changesBase: number, changes: number, changesMoved: number}} o.sizes
 */
async function itemChangesScenario({ withProcesses, sizes }) {
  const results = {};
  for (const [kind, spec] of Object.entries(KINDS)) {
    results[kind] = await withProcesses(`${kind} changes ${sizes.changes}`, {}, async ({ emulator, component }) => {
      const start = await emulator.call('now');
      // Already there: created over the past weeks (events: each starting as it was made, inside the window).
      await emulator.call('addItems', kind, sizes.changesBase, { startAt: start - 20 * DAY, stepMs: Math.floor((19 * DAY) / sizes.changesBase) });
      const oauth = await emulator.call('issueTokens');
      const state = { cursor: { snapshot: {}, largestSnapshotBytes: 0 }, delta: { snapshot: {}, largestSnapshotBytes: 0 } };
      const phases = { cursor: {}, delta: {} };
      const pollBoth = async (phase) => {
        for (const side of ['cursor', 'delta']) {
          await emulator.call('resetStats');
          const cfg = { oauth, tenantId: 'common', ...spec[side].fields };
          const run = await component.call('poll', spec[side].step, cfg, state[side].snapshot);
          const stats = await emulator.call('stats');
          state[side].snapshot = run.snapshot;
          state[side].largestSnapshotBytes = Math.max(state[side].largestSnapshotBytes, run.largestSnapshotBytes);
          phases[side][phase] = { emitted: run.emitted, requests: stats.requests, maxInFlightPerMailbox: stats.maxInFlightPerMailbox };
        }
      };
      await pollBoth('first');
      await emulator.call('advance', 60_000);
      const now = await emulator.call('now');
      const added = await emulator.call('addItems', kind, sizes.changes, { startAt: now + 1000, stepMs: EVERY_MS });
      await emulator.call('advance', sizes.changes * EVERY_MS + 2000);
      await pollBoth('created');
      await pollBoth('idle');
      await emulator.call('changeItems', kind, added.ids.slice(0, sizes.changesMoved), 'update');
      await emulator.call('advance', 1000);
      await pollBoth('updated');
      await emulator.call('changeItems', kind, added.ids.slice(sizes.changesMoved, 2 * sizes.changesMoved), 'delete');
      await emulator.call('advance', 1000);
      await pollBoth('deleted');
      for (const side of ['cursor', 'delta']) phases[side].largestSnapshotBytes = state[side].largestSnapshotBytes;
      return { base: sizes.changesBase, changes: sizes.changes, changed: sizes.changesMoved, triggers: phases };
    });
  }
  return results;
}

/** The figures of the scenario, added through the bench's `add`; returns the most requests in flight seen. */
function itemChangesFigures(results, { add, exactly, max, round }) {
  if (!results) return undefined;
  let inFlight = 0;
  for (const [kind, r] of Object.entries(results)) {
    const { label } = KINDS[kind];
    const { cursor, delta } = r.triggers;
    const n = r.changes.toLocaleString('en-US');
    const per1000 = (t) => round((t.created.requests / Math.max(1, t.created.emitted)) * 1000, 3);
    const key = (what, side) => `itemChanges.${kind}.${what}.${side}`;
    add(key('firstRequests', 'cursor'), `${kind} changes: first poll of ${r.base.toLocaleString('en-US')} ${label.items}, no start time: requests, ${label.cursor}`, cursor.first.requests, '');
    add(key('firstRequests', 'delta'), `... ${label.delta} (reads them all once)`, delta.first.requests, '');
    add(key('emitted', 'cursor'), `${kind} changes: ${n} new ${label.items}: emitted, ${label.cursor}`, cursor.created.emitted, '', exactly(r.changes));
    add(key('emitted', 'delta'), `... emitted, ${label.delta}`, delta.created.emitted, '', exactly(r.changes));
    add(key('requestsPer1000', 'cursor'), `${kind} changes: requests per 1,000 new, ${label.cursor}`, per1000(cursor), '');
    add(key('requestsPer1000', 'delta'), `... requests per 1,000 new, ${label.delta}`, per1000(delta), '');
    add(key('idleRequests', 'cursor'), `${kind} changes: idle poll, requests, ${label.cursor}`, cursor.idle.requests, '');
    add(key('idleRequests', 'delta'), `... idle poll, requests, ${label.delta}`, delta.idle.requests, '', exactly(1));
    add(key('updated', 'cursor'), `${kind} changes: ${r.changed} changed: emitted, ${label.cursor}`, cursor.updated.emitted, '', exactly(r.changed));
    add(key('updated', 'delta'), `... emitted, ${label.delta}`, delta.updated.emitted, '', exactly(r.changed));
    add(key('deleted', 'cursor'), `${kind} changes: ${r.changed} deleted: emitted, ${label.cursor} (reports no deletions)`, cursor.deleted.emitted, '', exactly(0));
    add(key('deleted', 'delta'), `... emitted, ${label.delta}`, delta.deleted.emitted, '', exactly(r.changed));
    add(key('snapshotBytes', 'cursor'), `${kind} changes: largest snapshot, ${label.cursor}`, cursor.largestSnapshotBytes, 'B', max(4500));
    add(key('snapshotBytes', 'delta'), `... largest snapshot, ${label.delta}`, delta.largestSnapshotBytes, 'B', max(4500));
    for (const t of [cursor, delta]) {
      for (const phase of ['first', 'created', 'idle', 'updated', 'deleted']) inFlight = Math.max(inFlight, t[phase].maxInFlightPerMailbox);
    }
  }
  return inFlight;
}

module.exports = { itemChangesScenario, itemChangesFigures };
