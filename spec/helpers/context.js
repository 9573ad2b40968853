'use strict';

// A stand-in for the sailor's `this`: records every emitted event and log line, so specs can
// assert on what a step emitted and prove that nothing secret was logged.
function createContext() {
  const events = [];
  const logs = [];
  const log = (level) => (message) => { logs.push({ level, message: String(message) }); };
  return {
    events,
    logs,
    emit(event, payload) {
      events.push({ event, payload });
      return Promise.resolve();
    },
    logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') },
    emitted(event) {
      return events.filter((e) => e.event === event).map((e) => e.payload);
    },
  };
}

module.exports = { createContext };
