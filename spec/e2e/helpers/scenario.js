'use strict';

// What every e2e spec file needs, set up in its own `before` and torn down in `after`: a fake
// platform API, a Graph emulator, and a log book of every sailor process it starts.
// Call inside a `describe`:  const s = useScenario();
const { expect } = require('chai');
const { e2e } = require('./hooks');
const { LogBook } = require('./leaks');
const { startGraph } = require('./graph');
const { startPlatform } = require('./platform');
const { SailorStep, runService } = require('./sailor');

const ACCOUNT_ID = 'acc-1';

function useScenario({ emulator = {} } = {}) {
  const s = {
    accountId: ACCOUNT_ID,
    platform: undefined,
    graph: undefined,
    logs: new LogBook(),
    steps: [],
  };

  before(async function setUp() {
    this.timeout(30000);
    s.platform = await startPlatform();
    s.graph = await startGraph(emulator);
  });

  after(async function tearDown() {
    this.timeout(30000);
    for (const step of s.steps) await step.kill();
    if (s.graph) await s.graph.close();
    if (s.platform) await s.platform.close();
  });

  /** One sailor process (container) for `func`, listening and ready for input. */
  s.startStep = async (func, cfg, { snapshot } = {}) => {
    const step = await SailorStep.start({ broker: e2e.broker(), platform: s.platform, func, cfg, snapshot, env: s.graph.env, accountId: ACCOUNT_ID });
    s.steps.push(step);
    s.logs.add(`sailor run.js ${func} (${step.stepId})`, () => step.logLines());
    return step;
  };

  /** SIGTERM, as the platform stops a container: exit code 0 and nothing left in the input queue. */
  s.stopCleanly = async (step) => {
    const exit = await step.stop();
    expect(exit, `sailor exit of ${step.func}`).to.include({ code: 0, signal: null });
    expect(exit.inputLeft, 'input messages left unacknowledged in the queue').to.equal(0);
  };

  /** runService.js verifyCredentials|getMetaModel|selectModel; expects a clean exit. */
  s.service = async (method, options) => {
    const outcome = await runService(method, { platform: s.platform, env: s.graph.env, ...options });
    s.logs.add(`sailor runService.js ${method} ${options.modelMethod || ''}`.trim(), () => outcome.lines);
    expect(outcome.exit, `runService.js ${method} exit`).to.include({ code: 0 });
    expect(outcome.result, `runService.js ${method} posted no result; output:\n${outcome.lines.join('\n')}`).to.be.an('object');
    return outcome.result;
  };

  /** The updateKeys calls sailor made for the credential, i.e. PUT /v1/accounts/acc-1 bodies. */
  s.accountUpdates = () => s.platform.accountUpdates(ACCOUNT_ID);

  /**
   * The final check of every spec file: no token or secret in any line any sailor printed.
   * A describe of its own, so mocha runs it after the spec file's other describes.
   */
  s.itPrintedNoSecrets = () => describe('sailor logs', () => {
    it('hold no access token, refresh token or client secret in any line sailor printed', () => {
      for (const update of s.accountUpdates()) s.graph.rememberTokens(update && update.keys && update.keys.oauth);
      expect(s.logs.lineCount(), 'log lines captured').to.be.greaterThan(0);
      expect(s.logs.leaks(s.graph.secrets)).to.deep.equal([]);
      expect(s.platform.unexpectedRequests(), 'requests the fake platform does not serve').to.deep.equal([]);
    });
  });

  return s;
}

module.exports = { useScenario, ACCOUNT_ID };
