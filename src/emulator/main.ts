/** CLI: node lib/emulator/main.js [--port N] [--seed N] [--mail-count N] [--visibility-delay-ms N] */
import { CONTROL_ROUTES } from './control-routes';
import { startEmulator } from './index';
import type { EmulatorOptions } from './index';

const FLAGS: Record<string, keyof EmulatorOptions> = {
  '--port': 'port',
  '--seed': 'seed',
  '--mail-count': 'mailCount',
  '--visibility-delay-ms': 'visibilityDelayMs',
  '--max-concurrent': 'maxConcurrentPerMailbox',
};

function parseArgs(argv: readonly string[]): EmulatorOptions {
  const options: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = FLAGS[argv[i]];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value)) {
      throw new Error(`usage: main.js ${Object.keys(FLAGS).map((f) => `[${f} N]`).join(' ')}`);
    }
    options[key] = value;
    i += 1;
  }
  return options;
}

async function main(): Promise<void> {
  const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
  const { url, tenantId, mailboxes, tenants } = emulator;
  console.log(`Graph emulator listening on ${url}
  Graph:      ${url}/v1.0   (e.g. GET ${url}/v1.0/me/messages)
  Identity:   ${url}/${tenantId}/oauth2/v2.0/authorize and /token   (tenant id, contoso.example or common)
  Client:     emulator-client-id / emulator-client-secret (registered in every cloud, admin-consented in every tenant)
  Mailboxes:  ${mailboxes.primary}, ${mailboxes.secondary}
  Tenants:
${tenants.map((t) => `    ${t.domains[0].padEnd(22)} ${t.cloud.padEnd(9)} ${t.id}  scope ${t.graphHost}/.default  users ${t.users.join(', ')}; shared ${t.sharedMailboxes.join(', ')}`).join('\n')}
  First tokens (as after consent):  curl -X POST ${url}/_emulator/tokens   (app-only: POST ${url}/_emulator/tokens/app)
  Control routes:
${CONTROL_ROUTES.map((r) => `    ${r.method.padEnd(6)} ${url}/_emulator${r.pattern}`).join('\n')}`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
