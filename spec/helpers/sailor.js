'use strict';

// Runs a step through the real sailor executor (elasticio-sailor-nodejs/lib/executor TaskExec), in
// process and without a broker: the same `this`, emit, return-value and end semantics the platform
// gives a step. Sailor's own bunyan output is silenced; its records are captured instead, so specs
// can check what a step logged.
const path = require('path');
const { TaskExec } = require('elasticio-sailor-nodejs/lib/executor');

const ROOT = path.resolve(__dirname, '../..');
const EVENTS = ['data', 'error', 'snapshot', 'updateSnapshot', 'updateKeys', 'rebound', 'httpReply'];

/** The module of a trigger or action, loaded the way sailor loads it: root + component.json `main`. */
function loadStep(name) {
  const component = require(path.join(ROOT, 'component.json'));
  const def = (component.triggers || {})[name] || (component.actions || {})[name];
  if (!def) throw new Error(`component.json has no trigger or action named ${name}`);
  return require(path.join(ROOT, def.main));
}

/**
 * Calls `TaskExec.process(module, msg, cfg, snapshot)` and resolves once `end` is emitted, with
 * every event in order and sailor's log records. Rejects if `end` never comes.
 */
function runStep(module, msg, cfg, snapshot = {}, { timeoutMs = 15000 } = {}) {
  const logs = [];
  const exec = new TaskExec({
    loggerOptions: {
      // `level` silences the inherited stdout stream; the raw stream below still gets everything.
      level: 'fatal',
      streams: [{ type: 'raw', level: 'trace', stream: { write: (record) => { logs.push(record); } } }],
    },
    variables: {},
    services: { apiClient: {}, amqp: {}, config: {} },
  });
  const events = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no end event within ${timeoutMs} ms; events so far: ${events.map((e) => e.event).join(', ')}`)), timeoutMs);
    for (const name of EVENTS) exec.on(name, (payload) => { events.push({ event: name, payload }); });
    exec.on('end', () => {
      clearTimeout(timer);
      events.push({ event: 'end' });
      resolve({
        events,
        logs,
        names: events.map((e) => e.event),
        of: (name) => events.filter((e) => e.event === name).map((e) => e.payload),
      });
    });
    exec.process(module, msg, cfg, snapshot);
  });
}

module.exports = { ROOT, loadStep, runStep };
