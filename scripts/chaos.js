#!/usr/bin/env node
'use strict';

// npm run chaos -- [--seed N] [--scenarios N] [--quiet]
//
// Polls both triggers and runs both actions many times against the offline Graph emulator while
// mail and events arrive, faults and crashes happen and tokens expire and rotate; then checks that
// nothing was lost, nothing emitted twice without a crash to explain it, no mail sent twice and
// no event booked twice. Prints one summary line; exits 1 if anything failed. Needs lib/ (npm run build).
const { runChaos, summaryLine, verdict, detailLines } = require('./chaos/engine');

const DEFAULT_SCENARIOS = 300;

function parseArgs(argv) {
  const options = { seed: 1, scenarios: DEFAULT_SCENARIOS, quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = (name) => {
      const value = Number(argv[i += 1]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, got "${argv[i]}"`);
      return value;
    };
    if (arg === '--seed') options.seed = number('--seed');
    else if (arg === '--scenarios') options.scenarios = Math.max(1, number('--scenarios'));
    else if (arg === '--quiet') options.quiet = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument "${arg}" (use --seed N, --scenarios N, --quiet)`);
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`chaos: ${err.message}`);
    return 2;
  }
  if (options.help) {
    console.log('usage: node scripts/chaos.js [--seed N] [--scenarios N] [--quiet]');
    return 0;
  }
  const started = Date.now();
  const totals = await runChaos({
    seed: options.seed,
    scenarios: options.scenarios,
    onScenario: (result, sofar) => {
      if (options.quiet) return;
      const every = Math.max(1, Math.round(options.scenarios / 10));
      if (sofar.scenarios % every === 0 || sofar.scenarios === options.scenarios) {
        process.stderr.write(`chaos: ${sofar.scenarios}/${options.scenarios} scenarios, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
    },
  });
  console.log(summaryLine(totals));
  const problems = verdict(totals);
  if (!options.quiet) {
    for (const line of detailLines(totals)) process.stderr.write(`chaos: ${line}\n`);
    process.stderr.write(`chaos: seed ${options.seed}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  if (problems.length) {
    console.error(`chaos: FAILED: ${problems.join('; ')}`);
    for (const line of totals.details.slice(0, 20)) console.error(`  ${line}`);
    for (const issue of totals.issues.slice(0, 20)) console.error(`  scenario ${issue.scenario} ${issue.kind}: ${issue.detail}`);
    return 1;
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`chaos: harness error: ${err && err.stack ? err.stack : err}`);
  process.exitCode = 2;
});
