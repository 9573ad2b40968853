'use strict';
// npm run bench's command line: mistakes get the usage, not a stack trace (no benchmark is run).
const { expect } = require('chai');
const { STACK_LINE, killRunning, runNode } = require('./helpers');

const BENCH = 'scripts/bench.js';

describe('npm run bench: command line', () => {
  afterEach(killRunning);

  it('--help prints the usage to stdout and exits 0', async () => {
    const { code, stdout, stderr } = await runNode(BENCH, ['--help']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^Usage: node scripts\/bench\.js \[--quick\]/);
    expect(stderr).to.equal('');
  });

  it('a bad option prints the reason and the usage, no stack trace, and exits 2', async () => {
    const cases = [
      [['--bogus'], 'unknown option --bogus'],
      [['--only', 'mail,nope'], '--only: unknown scenario(s) nope; known: mail, events, upcoming, send, burst, load, attach'],
      [['--reps', '0'], '--reps needs a whole number of 1 or more'],
      [['--out'], '--out needs a file name'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runNode(BENCH, args);
      expect(code, args.join(' ')).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.equal(`Error: ${message}\n\nUsage: node scripts/bench.js [--quick] [--out FILE] [--only mail,events,upcoming,send,burst,load,attach] [--reps N] [--component-node-options OPTS]\n`);
      expect(stderr).not.to.match(STACK_LINE);
    }
  });
});
