// The delta trigger (Mail Changes in Folder) against the time-cursor trigger (Poll for New Mail)
// on the same folder of the same mailbox, in one pair of fresh processes: the first poll of a
// folder that already holds mail, a batch of new mail, an idle poll, old mail moved in and mail
// read. Requests come from the emulator's own counters; the emulator runs on a clock the bench
// moves (advance), so new mail arrives after the first polls at the rate of the mail scenarios.
'use strict';

const DAY = 24 * 3600 * 1000;
const MAIL_EVERY_MS = 250;

/** The three contenders: the time cursor, the delta trigger for arrivals, and for every kind of change. */
const TRIGGERS = {
  cursor: { step: 'getNewMail', fields: {} },
  delta: { step: 'getMailFolderChanges', fields: { changeTypes: ['created'] } },
  deltaAll: { step: 'getMailFolderChanges', fields: { changeTypes: ['created', 'updated', 'deleted'] } },
};

/**
 * @param {object} o
 * @param {(name: string, emulatorOptions: object, run: Function) => Promise} o.withProcesses
 * @param {{changesBase: number, changes: number, changesMoved: number}} o.sizes
 */
async function changesScenario({ withProcesses, sizes }) {
  return withProcesses(`mail changes ${sizes.changes}`, {}, async ({ emulator, component }) => {
    const start = await emulator.call('now');
    // The folder already holds mail, received over the past weeks.
    const base = await emulator.call('addMails', sizes.changesBase, { folder: 'Reports', startAt: start - 30 * DAY, stepMs: Math.floor((29 * DAY) / sizes.changesBase) });
    const oauth = await emulator.call('issueTokens');
    const state = {};
    const results = {};
    for (const name of Object.keys(TRIGGERS)) {
      state[name] = { snapshot: {}, largestSnapshotBytes: 0 };
      results[name] = {};
    }
    /** One poll of each trigger from its last snapshot, with the requests it took. */
    const pollAll = async (phase) => {
      for (const [name, trigger] of Object.entries(TRIGGERS)) {
        await emulator.call('resetStats');
        const cfg = { oauth, tenantId: 'common', folderId: base.containerId, ...trigger.fields };
        const run = await component.call('poll', trigger.step, cfg, state[name].snapshot);
        const stats = await emulator.call('stats');
        state[name].snapshot = run.snapshot;
        state[name].largestSnapshotBytes = Math.max(state[name].largestSnapshotBytes, run.largestSnapshotBytes);
        results[name][phase] = { emitted: run.emitted, counts: run.counts, requests: stats.requests, ms: run.ms, maxInFlightPerMailbox: stats.maxInFlightPerMailbox };
      }
    };
    await pollAll('first');
    await emulator.call('advance', 60_000);
    // New mail, delivered after the first polls, four a second.
    const now = await emulator.call('now');
    await emulator.call('addMails', sizes.changes, { folder: base.containerId, startAt: now + 1000, stepMs: MAIL_EVERY_MS });
    await emulator.call('advance', sizes.changes * MAIL_EVERY_MS + 2000);
    await pollAll('newMail');
    await pollAll('idle');
    // Old mail filed into the folder, and mail of the folder read.
    const moved = [];
    for (let i = 0; i < sizes.changesMoved; i += 1) {
      const old = await emulator.call('addMail', { folder: 'archive', subject: `Filed ${i}`, from: 'orders@fabrikam.example', receivedAt: now - (100 + i) * DAY });
      moved.push(old.id);
    }
    for (const id of moved) await emulator.call('updateMail', id, { moveTo: base.containerId });
    await emulator.call('advance', 1000);
    await pollAll('movedIn');
    for (const id of await emulator.call('folderMessageIds', base.containerId, sizes.changesMoved)) await emulator.call('updateMail', id, { isRead: true });
    await emulator.call('advance', 1000);
    await pollAll('read');
    for (const name of Object.keys(TRIGGERS)) results[name].largestSnapshotBytes = state[name].largestSnapshotBytes;
    return { base: sizes.changesBase, changes: sizes.changes, moved: sizes.changesMoved, triggers: results };
  });
}

/** The figures of the scenario, added through the bench's `add`. */
function changesFigures(r, { add, exactly, max, requestsAim, round }) {
  if (!r) return;
  const { cursor, delta, deltaAll } = r.triggers;
  const n = r.changes.toLocaleString('en-US');
  const per1000 = (t) => round((t.newMail.requests / t.newMail.emitted) * 1000, 3);
  add('changes.firstRequests.cursor', `changes: first poll of a folder of ${r.base.toLocaleString('en-US')} mails, no start time: requests, Poll for New Mail`, cursor.first.requests, '');
  add('changes.firstRequests.delta', '... Mail Changes in Folder, created (reads the folder once)', delta.first.requests, '');
  add('changes.firstRequests.deltaAll', '... Mail Changes in Folder, created, updated, deleted (once per kind)', deltaAll.first.requests, '');
  add('changes.emitted.cursor', `changes: ${n} new mails: emitted, Poll for New Mail`, cursor.newMail.emitted, '', exactly(r.changes));
  add('changes.emitted.delta', '... emitted, Mail Changes in Folder (created)', delta.newMail.emitted, '', exactly(r.changes));
  add('changes.requestsPer1000.cursor', `changes: ${n} new mails: requests per 1,000, Poll for New Mail`, per1000(cursor), '', requestsAim(r.changes));
  add('changes.requestsPer1000.delta', '... requests per 1,000, Mail Changes in Folder (created)', per1000(delta), '', requestsAim(r.changes));
  add('changes.requestsPer1000.deltaAll', '... requests per 1,000, Mail Changes in Folder (all three kinds)', per1000(deltaAll), '');
  add('changes.idleRequests.cursor', 'changes: idle poll, requests, Poll for New Mail', cursor.idle.requests, '', exactly(1));
  add('changes.idleRequests.delta', '... idle poll, requests, Mail Changes in Folder (created)', delta.idle.requests, '', exactly(1));
  add('changes.idleRequests.deltaAll', '... idle poll, requests, Mail Changes in Folder (all three kinds)', deltaAll.idle.requests, '', exactly(3));
  add('changes.movedIn.cursor', `changes: ${r.moved} old mails moved in: emitted, Poll for New Mail (goes by time received)`, cursor.movedIn.emitted, '', exactly(0));
  add('changes.movedIn.delta', '... emitted, Mail Changes in Folder', delta.movedIn.emitted, '', exactly(r.moved));
  add('changes.read.delta', `changes: ${r.moved} mails read: emitted, Mail Changes in Folder (created only: none)`, delta.read.emitted, '', exactly(0));
  add('changes.read.deltaAll', '... emitted, Mail Changes in Folder (all three kinds: updated)', deltaAll.read.emitted, '', exactly(r.moved));
  add('changes.snapshotBytes.cursor', 'changes: largest snapshot, Poll for New Mail', cursor.largestSnapshotBytes, 'B', max(4500));
  add('changes.snapshotBytes.delta', '... largest snapshot, Mail Changes in Folder (created)', delta.largestSnapshotBytes, 'B', max(4500));
  add('changes.snapshotBytes.deltaAll', '... largest snapshot, Mail Changes in Folder (all three kinds)', deltaAll.largestSnapshotBytes, 'B', max(4500));
  const inFlight = Math.max(...Object.values(r.triggers).flatMap((t) => ['first', 'newMail', 'idle', 'movedIn', 'read'].map((phase) => t[phase].maxInFlightPerMailbox)));
  return inFlight;
}

module.exports = { changesScenario, changesFigures };
