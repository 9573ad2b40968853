'use strict';

// A fault plan: the faults a caller (a bug check in spec/chaos.spec.js) forces on a scenario, at
// moments it names, instead of the random ones. A random fault lands wherever the seed's draws put
// it, and every change to what a step asks Graph for moves those draws; a planned one lands on the
// moment it names whatever the draws are. With a plan the scenario draws no fault of its own (no
// Graph fault rules, token-endpoint faults, lost sync states or crashes); its world (arrivals,
// moves, clocks, the parts' messages) still comes from the seed.
//
// Each entry names one moment and what happens there; `nth` (default 1) picks the nth such moment
// of the scenario, counted over all its step runs, the drain's included:
//   { request: { method, path, step, message }, do: 'lose answer' | 'crash after', redeliver }
//       a Graph request of a step run (every given field must match: `path` a RegExp tested on the
//       URL path, `message` a RegExp tested on the message id, `step` the step's name). 'lose
//       answer': Graph does the work and the connection drops before its answer is read; 'crash
//       after': the process dies after Graph did the work, before the answer is read. `redeliver`:
//       when the run does not succeed, its message is delivered again at once (as the broker does
//       to a message whose process died).
//   { emit: 'data' | 'snapshot' | 'updateKeys', step, match: (payload, scenario) => boolean, do: 'crash' | (scenario, payload) => void }
//       an emit of a step run (those `match` accepts, when given): 'crash' kills the process inside
//       it (nothing delivered); a function runs after it was delivered.
//   { run: step, do: 'lose sync states' | (scenario) => void }
//       before a run of the step: 'lose sync states' makes Graph forget every delta sync state of
//       the mailbox (the next round of each delta trigger answers 410); a function changes the world.
const DOES = {
  request: ['lose answer', 'crash after'],
  emit: ['crash'],
  run: ['lose sync states'],
};

function whenOf(entry) {
  const kinds = Object.keys(DOES).filter((kind) => entry[kind] !== undefined);
  if (kinds.length !== 1) throw new Error(`chaos plan: an entry names one of ${Object.keys(DOES).join(', ')}, got ${JSON.stringify(Object.keys(entry))}`);
  const [kind] = kinds;
  if (typeof entry.do !== 'function' && !DOES[kind].includes(entry.do)) {
    throw new Error(`chaos plan: a ${kind} entry does ${DOES[kind].map((d) => `'${d}'`).join(', ')}${kind === 'request' ? '' : ' or a function'}, got ${JSON.stringify(entry.do)}`);
  }
  if (kind === 'request' && typeof entry.do === 'function') throw new Error('chaos plan: a request entry does a named fault, not a function');
  if (entry.nth !== undefined && !(Number.isInteger(entry.nth) && entry.nth >= 1)) throw new Error(`chaos plan: nth must be a whole number from 1, got ${entry.nth}`);
  return kind;
}

function describe(entry, kind) {
  const what = typeof entry.do === 'function' ? (entry.do.name || 'a hook') : entry.do;
  const where = kind === 'request'
    ? `${entry.request.method || 'any'} ${entry.request.path || 'request'}${entry.request.step ? ` of ${entry.request.step}` : ''}${entry.request.message ? ` for ${entry.request.message}` : ''}`
    : kind === 'emit' ? `emit(${entry.emit})${entry.step ? ` of ${entry.step}` : ''}` : `run of ${entry.run}`;
  return `${what} at ${where} #${entry.nth || 1}`;
}

class FaultPlan {
  /** @param {object[]} entries see above; each scenario counts its moments afresh */
  constructor(entries) {
    this.entries = entries.map((entry) => {
      const kind = whenOf(entry);
      return { entry, kind, nth: entry.nth || 1, seen: 0, firings: [], label: describe(entry, kind) };
    });
  }

  /** The entries whose moment this is (each fires once: at its nth match). */
  due(kind, matches, firing) {
    const due = [];
    for (const e of this.entries) {
      if (e.kind !== kind || !matches(e.entry)) continue;
      e.seen += 1;
      if (e.seen !== e.nth) continue;
      e.firings.push(firing);
      due.push(e.entry);
    }
    return due;
  }

  /** The entry forcing a fault on this Graph request of `run`, if any. */
  onRequest(run, method, path) {
    const [entry] = this.due('request', ({ request: r }) => (!r.method || r.method.toUpperCase() === method)
      && (!r.path || new RegExp(r.path).test(path)) && (!r.step || r.step === run.step.name) && (!r.message || new RegExp(r.message).test(run.message)),
    { step: run.step.name, message: run.message, request: `${method} ${path}` });
    return entry;
  }

  /** Entries due at this emit of `run`. */
  onEmit(run, event, payload, scenario) {
    return this.due('emit', (e) => e.emit === event && (!e.step || e.step === run.step.name) && (!e.match || e.match(payload, scenario)),
      { step: run.step.name, message: run.message, emit: event });
  }

  /** Entries due before this run of `step`. */
  beforeRun(step, message) {
    return this.due('run', (e) => e.run === step.name, { step: step.name, message });
  }

  /** What each entry did: how often it fired (0 when its moment never came) and where. */
  report() {
    return this.entries.map((e) => ({ label: e.label, fired: e.firings.length, firings: e.firings }));
  }
}

module.exports = { FaultPlan };
