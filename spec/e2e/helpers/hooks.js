'use strict';

// Root hooks of the e2e run: one private RabbitMQ for all spec files, stopped at the end.
// Spec files reach it through `e2e.broker()`.
const fs = require('node:fs');
const path = require('node:path');
const { startBroker } = require('./broker');
const { COMPONENT_ROOT } = require('./sailor');

const BROKER_START_TIMEOUT_MS = 60000;
let broker;

function assertCompiled() {
  const needed = ['lib/mail/getNewMail.js', 'lib/calendar/getNewAndUpdatedEvents.js', 'lib/mail/sendMail.js',
    'lib/calendar/createEvent.js', 'lib/verifyCredentials.js', 'lib/emulator/index.js'];
  const missing = needed.filter((file) => !fs.existsSync(path.join(COMPONENT_ROOT, file)));
  if (missing.length) throw new Error(`Compiled files missing (${missing.join(', ')}): run  npx tsc -p .  first`);
}

exports.mochaHooks = {
  async beforeAll() {
    this.timeout(BROKER_START_TIMEOUT_MS + 15000);
    assertCompiled();
    const started = Date.now();
    broker = await startBroker({ startTimeoutMs: BROKER_START_TIMEOUT_MS });
    if (process.env.E2E_VERBOSE) console.log(`      [e2e] RabbitMQ ${broker.nodeName} up in ${Date.now() - started} ms`);
  },
  async afterAll() {
    this.timeout(30000);
    if (broker) await broker.stop();
    broker = undefined;
  },
};

exports.e2e = {
  broker() {
    if (!broker) throw new Error('The e2e broker is not running: run the specs with  npx mocha --config spec/e2e/.mocharc.js');
    return broker;
  },
};
