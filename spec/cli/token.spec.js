'use strict';
// npm run token (lib/cli/token.js) against the emulator's identity endpoints: the test plays the
// browser, following the sign-in URL the command prints to the redirect it waits for.
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { cleanEnv, killRunning, runNode, startNode, STACK_LINE } = require('./helpers');

const TOKEN = 'lib/cli/token.js';
const AUTHORIZE_URL = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/common\/oauth2\/v2\.0\/authorize\?\S+)$/m;
const EXPORT_LINE = /^export OUTLOOK_REFRESH_TOKEN='([^']+)'\n$/;

/** The browser's view of http://localhost:PORT/: loopback, spelt 127.0.0.1 for the suite's network guard. */
const loopback = (url) => url.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:');

describe('npm run token', function () {
  this.slow(5000);
  let emulator;
  let env;

  beforeEach(async () => {
    emulator = await startEmulator({ seed: 1 });
    env = cleanEnv({ MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret', OUTLOOK_LOGIN_BASE_URL: emulator.url });
  });

  afterEach(async () => {
    killRunning();
    await emulator.close();
  });

  /** Starts the command and returns it with the sign-in URL it printed. */
  async function signInUrl(environment = env) {
    const command = startNode(TOKEN, ['--port', '0'], environment);
    const [, url] = await command.waitForStderr(AUTHORIZE_URL);
    return { command, url: new URL(url) };
  }

  /** What the browser does: the sign-in page redirects to the command, which answers the browser. */
  async function signIn(url) {
    const consent = await fetch(url, { redirect: 'manual' });
    expect(consent.status).to.equal(302);
    return fetch(loopback(consent.headers.get('location')));
  }

  it('asks for the credential\'s scopes, offline_access among them, with a localhost redirect and a state', async () => {
    const { url } = await signInUrl();
    const params = url.searchParams;
    expect(params.get('client_id')).to.equal('emulator-client-id');
    expect(params.get('response_type')).to.equal('code');
    expect(params.get('redirect_uri')).to.match(/^http:\/\/localhost:\d+\/$/);
    expect(params.get('scope').split(' ')).to.deep.equal(require('../../component.json').credentials.oauth2.scopes).and.include('offline_access');
    expect(params.get('state')).to.match(/^[\w-]{20,}$/);
  });

  it('signs in at the login host of OUTLOOK_CLOUD (without the emulator override)', async () => {
    const usgov = cleanEnv({ MSAPP_CLIENT_ID: 'emulator-client-id', MSAPP_CLIENT_SECRET: 'emulator-client-secret', OUTLOOK_CLOUD: 'usgovdod', OUTLOOK_TENANT_ID: 'contoso.onmicrosoft.us' });
    const command = startNode(TOKEN, ['--port', '0'], usgov);
    const [url] = await command.waitForStderr(/https:\/\/\S+\/authorize\?\S+/);
    expect(new URL(url).origin + new URL(url).pathname).to.equal('https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/authorize');
  });

  it('prints only the export line, with a refresh token that npm start then runs a step with', async () => {
    const { command, url } = await signInUrl();
    const page = await signIn(url);
    expect(page.status).to.equal(200);
    const { code, stdout, stderr } = await command.result;
    expect(code, stderr).to.equal(0);
    expect(stdout).to.match(EXPORT_LINE);
    const refreshToken = EXPORT_LINE.exec(stdout)[1];
    expect(stderr).not.to.include(refreshToken);
    expect(await page.text()).not.to.include(refreshToken);

    const startTime = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const step = await runNode('lib/cli/start.js', ['getNewMail', '--cfg', JSON.stringify({ startTime })], {
      ...env, OUTLOOK_GRAPH_BASE_URL: emulator.url, OUTLOOK_REFRESH_TOKEN: refreshToken,
    });
    expect(step.code, step.stdout + step.stderr).to.equal(0);
    expect(step.stdout).to.include(`Outlook component on Microsoft Graph at ${emulator.url}`);
    expect(step.stdout.split('\n').filter((line) => line.includes('✉'))).to.have.length.above(1);
  });

  it('ignores a redirect that does not carry its state, and keeps waiting for its own', async () => {
    const { command, url } = await signInUrl();
    const forged = await fetch(loopback(`${url.searchParams.get('redirect_uri')}?code=stolen&state=someone-else`));
    expect(forged.status).to.equal(400);
    const page = await signIn(url);
    expect(page.status).to.equal(200);
    const { code, stdout } = await command.result;
    expect(code).to.equal(0);
    expect(stdout).to.match(EXPORT_LINE);
  });

  it('reports a sign-in Microsoft refused, and prints no token', async () => {
    const { command, url } = await signInUrl();
    const redirect = new URL(loopback(url.searchParams.get('redirect_uri')));
    redirect.search = new URLSearchParams({ error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.\r\nTrace ID: 1', state: url.searchParams.get('state') });
    expect((await fetch(redirect)).status).to.equal(400);
    const { code, stdout, stderr } = await command.result;
    expect(code).to.equal(1);
    expect(stdout).to.equal('');
    expect(stderr).to.include('✖ Microsoft did not sign the mailbox in (access_denied: AADSTS65004: User declined to consent to access the app.)');
  });

  it('reports a wrong client secret as Microsoft words it, without the secret', async () => {
    const wrongSecret = 'not-the-secret-value-123';
    const { command, url } = await signInUrl({ ...env, MSAPP_CLIENT_SECRET: wrongSecret });
    await signIn(url);
    const { code, stdout, stderr } = await command.result;
    expect(code).to.equal(1);
    expect(stdout).to.equal('');
    expect(stderr).to.match(/✖ Microsoft refused the code \(invalid_client\): AADSTS7000215: Invalid client secret provided/);
    expect(stderr).not.to.include(wrongSecret);
  });

  it('without the app registration or with a bad port: the reason and the usage, exit 2', async () => {
    const cases = [
      [cleanEnv({ MSAPP_CLIENT_SECRET: 's' }), [], 'set MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET'],
      [env, ['--port', 'http'], '--port needs a port number'],
      [env, ['--port', '70000'], '--port needs a port number'],
      [env, ['--verbose'], 'Unknown argument --verbose'],
    ];
    for (const [environment, args, message] of cases) {
      const { code, stdout, stderr } = await runNode(TOKEN, args, environment);
      expect(code, message).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.include(`Error: ${message}`).and.include('Usage: npm run token');
      expect(stderr).not.to.match(STACK_LINE);
    }
  });
});
