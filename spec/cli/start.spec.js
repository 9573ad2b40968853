'use strict';
// npm start (lib/cli/start.js) as a user runs it: output and exit code.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { expect } = require('chai');
const { startEmulator } = require('../../lib/emulator');
const { STACK_LINE, cleanEnv, killRunning, runNode } = require('./helpers');

const START = 'lib/cli/start.js';
const mailLines = (stdout) => stdout.split('\n').filter((line) => line.includes('✉'));
const failureLines = (output) => output.split('\n').filter((line) => line.includes('✖'));
const threeDaysAgo = () => new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();

describe('npm start', function () {
  this.slow(5000);
  afterEach(killRunning);

  describe('the whole loop on the emulator', () => {
    let run;
    before(async () => { run = await runNode(START); });

    it('ends with success', () => {
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stdout).to.include('✔ Done');
    });

    it('names every recipient of the mail it sends in the headline', () => {
      const headline = run.stdout.split('\n').find((line) => line.startsWith('▶ Send Mail'));
      expect(headline).to.equal('▶ Send Mail to Adele Vance <adele.vance@contoso.example>, cc megan.bowen@contoso.example');
    });

    it('sends as the shared mailbox info@ (Mailbox field), then polls the recipient as the app alone, which finds that mail', () => {
      expect(run.stdout).to.match(/^▶ Send Mail as the shared mailbox info@contoso\.example/m);
      expect(run.stdout).to.match(/➜ {2}sent "Hello from the shared mailbox" from info@contoso\.example to megan\.bowen@contoso\.example/);
      const appOnly = run.stdout.split('\n▶ ').find((part) => part.startsWith('Poll for New Mail as the app alone'));
      expect(appOnly, 'the app-only poll').to.be.a('string');
      expect(appOnly).to.match(/✉ .*Hello from the shared mailbox/);
      expect(appOnly).to.not.include('credential: the access token was refreshed');
    });

    it('files the mail it received: a folder made by its path, the mail moved there, the replayed move moving nothing, the mail marked done', () => {
      const filing = run.stdout.slice(run.stdout.indexOf('▶ Find or Create Folder'), run.stdout.indexOf('▶ Create Event'));
      expect(filing.split('\n').filter((line) => line.startsWith('▶ ') || line.startsWith('  '))).to.deep.equal([
        '▶ Find or Create Folder: Inbox/Filed by npm start',
        '  📁 Inbox/Filed by npm start created',
        '▶ Move Mail: the mail just received into that folder',
        '  ➜  filed (the mail keeps its id)',
        '▶ Move Mail: the same message delivered again',
        '  ➜  filed: it was there already, nothing moved (the mail keeps its id)',
        '▶ Update Mail: read, flag completed, category "Filed" added',
        '  ✎  read, flag complete, categories Filed',
      ]);
    });

    it('labels every time Graph gave in UTC as UTC', () => {
      expect(run.stdout).to.match(/^▶ Poll for New Mail: the Inbox since \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
      expect(mailLines(run.stdout)).to.have.length.above(1);
      for (const line of mailLines(run.stdout)) expect(line).to.match(/^ {2}✉ {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}/);
      expect(run.stdout).to.match(/➜ {2}sent ".+" to .+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
      expect(run.stdout).to.match(/📅 .+ \(Europe\/Berlin\) .+ changed \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    });
  });

  describe('--cfg', () => {
    it('takes the step fields as inline JSON', async () => {
      const { code, stdout } = await runNode(START, ['getNewMail', '--cfg', JSON.stringify({ startTime: threeDaysAgo() })]);
      expect(code).to.equal(0);
      // Without the start time the trigger begins at the first poll and finds nothing.
      expect(mailLines(stdout)).to.have.length.above(1);
    });

    it('still takes a file', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cfg-')), 'cfg.json');
      fs.writeFileSync(file, JSON.stringify({ startTime: threeDaysAgo() }));
      const { code, stdout } = await runNode(START, ['getNewMail', '--cfg', file]);
      fs.rmSync(path.dirname(file), { recursive: true });
      expect(code).to.equal(0);
      expect(mailLines(stdout)).to.have.length.above(1);
    });

    it('refuses JSON that is not an object, a file it cannot read, and broken JSON, with an example of step fields', async () => {
      const cases = [
        [['[1]'], '--cfg must be a JSON object of step fields'],
        [['no-such-file.json'], '--cfg: cannot read the file no-such-file.json'],
        [['{"startTime": '], '--cfg must be valid JSON'],
      ];
      for (const [args, message] of cases) {
        const { code, stdout, stderr } = await runNode(START, ['getNewMail', '--cfg', ...args]);
        expect(code, args[0]).to.equal(2);
        expect(stdout).to.equal('');
        expect(stderr).to.include(`Error: ${message}`).and.include('e.g. --cfg \'{"startTime": ').and.include('Usage: npm start');
        expect(stderr).not.to.include('megan.bowen');
      }
    });
  });

  describe('each JSON flag\'s error shows an example the flag accepts', () => {
    const flags = [
      ['--body', 'sendMail', /➜ {2}sent "Hi" to megan\.bowen@contoso\.example/],
      ['--cfg', 'getNewMail', /✉/],
      // The example snapshot holds a start, so mail since then is emitted; an ignored one would start now.
      ['--snapshot', 'getNewMail', /✉/],
    ];
    for (const [flag, stepId, output] of flags) {
      it(flag, async () => {
        const refused = await runNode(START, [stepId, flag, '{oops']);
        expect(refused.code).to.equal(2);
        expect(refused.stderr).not.to.match(STACK_LINE);
        const example = new RegExp(`^Error: ${flag} must be valid JSON, e\\.g\\. ${flag} '([^']+)'$`, 'm').exec(refused.stderr);
        expect(example, refused.stderr).not.to.equal(null);
        const accepted = await runNode(START, [stepId, flag, example[1]]);
        expect(accepted.code, accepted.stdout).to.equal(0);
        expect(accepted.stdout).to.match(output);
      });
    }
  });

  describe('against Graph, with a refresh token in the environment', () => {
    let emulator;
    before(async () => { emulator = await startEmulator({ seed: 1 }); });
    after(() => emulator.close());

    it('refreshes the access token first, then runs the step', async () => {
      const { refresh_token: refreshToken } = emulator.control.issueTokens();
      const env = cleanEnv({
        MSAPP_CLIENT_ID: 'emulator-client-id',
        MSAPP_CLIENT_SECRET: 'emulator-client-secret',
        OUTLOOK_REFRESH_TOKEN: refreshToken,
        OUTLOOK_GRAPH_BASE_URL: emulator.url,
        OUTLOOK_LOGIN_BASE_URL: emulator.url,
      });
      const { code, stdout } = await runNode(START, ['getNewMail', '--cfg', JSON.stringify({ startTime: threeDaysAgo() })], env);
      expect(code, stdout).to.equal(0);
      expect(stdout).to.include(`Outlook component on Microsoft Graph at ${emulator.url}`);
      expect(mailLines(stdout)).to.have.length.above(1);
      expect(stdout).to.include('credential: the access token was refreshed');
    });
  });

  describe('against Graph, app-only (OUTLOOK_AUTH_TYPE=application)', () => {
    let emulator;
    before(async () => { emulator = await startEmulator({ seed: 1 }); });
    after(() => emulator.close());
    const appEnv = (extra = {}) => cleanEnv({
      MSAPP_CLIENT_ID: 'emulator-client-id',
      MSAPP_CLIENT_SECRET: 'emulator-client-secret',
      OUTLOOK_AUTH_TYPE: 'application',
      OUTLOOK_TENANT_ID: emulator.tenantId,
      OUTLOOK_GRAPH_BASE_URL: emulator.url,
      OUTLOOK_LOGIN_BASE_URL: emulator.url,
      ...extra,
    });

    it('gets an app token (no refresh token, nothing persisted) and polls the mailbox --cfg names', async () => {
      const cfg = { mailbox: emulator.mailboxes.primary, startTime: threeDaysAgo() };
      const { code, stdout } = await runNode(START, ['getNewMail', '--cfg', JSON.stringify(cfg)], appEnv());
      expect(code, stdout).to.equal(0);
      expect(stdout).to.include(`Outlook component on Microsoft Graph at ${emulator.url}, app-only`);
      expect(mailLines(stdout)).to.have.length.above(1);
      expect(stdout).to.not.include('credential: the access token was refreshed');
    });

    it('without a mailbox, or without a tenant, or with an unknown cloud: says what to set', async () => {
      const noMailbox = await runNode(START, ['getNewMail'], appEnv());
      expect(noMailbox.code).to.equal(1);
      expect(failureLines(noMailbox.stdout + noMailbox.stderr)[0]).to.match(/mailbox: is required with an application credential/);
      const noTenant = await runNode(START, ['getNewMail'], appEnv({ OUTLOOK_TENANT_ID: '' }));
      expect(noTenant.code).to.equal(2);
      expect(noTenant.stderr).to.include('Error: OUTLOOK_AUTH_TYPE=application needs OUTLOOK_TENANT_ID');
      const badCloud = await runNode(START, ['getNewMail'], appEnv({ OUTLOOK_CLOUD: 'gcchigh' }));
      expect(badCloud.code).to.equal(2);
      expect(badCloud.stderr).to.include('Error: OUTLOOK_CLOUD: choose global, usgov, usgovdod or china, got "gcchigh"');
      expect(badCloud.stderr).not.to.match(STACK_LINE);
    });
  });

  describe('a step that fails', () => {
    it('prints its error once, and exits 1', async () => {
      const { code, stdout, stderr } = await runNode(START, ['sendMail', '--body', '{}']);
      expect(code).to.equal(1);
      expect(failureLines(stdout + stderr)).to.deep.equal(['  ✖ to: at least one recipient is required in to, cc or bcc (an address, "Name <address>", or a list of them)']);
    });

    it('an all-day event ending the day it starts: says that end is the day after the last day', async () => {
      const body = { subject: 'Offsite', start: '2026-03-10', end: '2026-03-10', isAllDay: true };
      const { code, stdout, stderr } = await runNode(START, ['createEvent', '--body', JSON.stringify(body)]);
      expect(code).to.equal(1);
      expect(failureLines(stdout + stderr)).to.deep.equal([
        '  ✖ end: must be after start; for an all-day event, end is the day after the last day (start 2026-03-10, end 2026-03-11 for one day)',
      ]);
    });
  });

  describe('command-line mistakes', () => {
    it('print the reason and the usage, no stack trace, and exit 2', async () => {
      const cases = [
        [['--bogus'], 'Unknown option --bogus'],
        [['noSuchStep'], 'Unknown step "noSuchStep"'],
        [['sendMail', '--body'], '--body needs a value'],
        [['--snapshot', '{}'], '--body and --snapshot need a stepId'],
      ];
      for (const [args, message] of cases) {
        const { code, stdout, stderr } = await runNode(START, args);
        expect(code, args.join(' ')).to.equal(2);
        expect(stdout).to.equal('');
        expect(stderr).to.match(new RegExp(`^Error: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n\nUsage: npm start`));
        expect(stderr).not.to.match(STACK_LINE);
      }
    });

    it('--help prints the usage to stdout and exits 0', async () => {
      const { code, stdout, stderr } = await runNode(START, ['--help']);
      expect(code).to.equal(0);
      expect(stdout).to.match(/^Usage: npm start -- \[<stepId>\] \[--body JSON\] \[--cfg JSON\|FILE\]/);
      expect(stderr).to.equal('');
    });
  });
});
