/**
 * `npm run token`: a refresh token for OUTLOOK_REFRESH_TOKEN, so that `npm start -- <stepId>` can
 * run one step against a real mailbox. It is the authorization-code flow the platform's credential
 * goes through, with Microsoft redirecting to this machine instead of to elastic.io:
 *
 *   npm run token [-- --port N]
 *
 * It prints the sign-in URL for the app in MSAPP_CLIENT_ID (tenant OUTLOOK_TENANT_ID, default
 * common; cloud OUTLOOK_CLOUD, default global; the scopes of component.json's credential), waits on http://localhost:PORT/ for the
 * redirect, redeems the code with MSAPP_CLIENT_SECRET, and prints one line to stdout:
 * `export OUTLOOK_REFRESH_TOKEN='...'`. Everything else goes to stderr, so
 * `eval "$(npm run --silent token)"` sets the variable; the token is written nowhere else.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { endpointsFor } from '../graph/endpoints';
import { normaliseTenant, parseCloud } from '../graph/credential';
import { COMPONENT_ROOT } from './runStep';
import { reportUsageError, UsageError } from './usage';

/** Fixed, because the redirect URI has to be registered with the app beforehand. */
const DEFAULT_PORT = 8400;
const TOKEN_TIMEOUT_MS = 30_000;

const USAGE = `Usage: npm run token [-- --port N]
  Signs in a mailbox through the app in MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET (tenant
  OUTLOOK_TENANT_ID, default common; cloud OUTLOOK_CLOUD: global, usgov, usgovdod or china) and prints export OUTLOOK_REFRESH_TOKEN='...' for
  npm start -- <stepId> against Microsoft Graph.
  --port  where to wait for Microsoft's redirect (default ${DEFAULT_PORT}); register
          http://localhost:<port>/ as a Web redirect URI of the app first`;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const component = require(path.join(COMPONENT_ROOT, 'component.json')) as { credentials: { oauth2: { scopes: string[] } } };

function parsePort(argv: string[]): number {
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg !== '--port') throw new UsageError(`Unknown argument ${arg}`);
    const value = argv[++i] ?? '';
    // 0 (any free port) only serves tests: Microsoft would not know where to send the user.
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError('--port needs a port number, e.g. --port 8400');
    port = Number(value);
  }
  return port;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use: pick another with --port N and register http://localhost:N/ with the app`) : err);
    });
    // Loopback only: the code must not be offered to the network.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function answer(res: ServerResponse, status: number, text: string): void {
  // Plain text: Microsoft's error description is shown as it is, never interpreted as HTML.
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

/** Resolves with the code of the redirect that carries our state; a redirect with an error rejects. */
function waitForCode(server: Server, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const { pathname, searchParams: params } = new URL(req.url ?? '/', 'http://localhost');
      if (pathname !== '/') {
        answer(res, 404, 'Not found');
        return;
      }
      // Another tab or an old sign-in: not ours, keep waiting for the one we started.
      if (params.get('state') !== state) {
        answer(res, 400, 'This sign-in was not started by the running npm run token: open the URL it printed.');
        return;
      }
      const error = params.get('error');
      const code = params.get('code');
      if (error || !code) {
        const reason = `${error ?? 'no code'}${params.get('error_description') ? `: ${firstLine(params.get('error_description')!)}` : ''}`;
        answer(res, 400, `Sign-in failed (${reason}). See the terminal.`);
        reject(new Error(`Microsoft did not sign the mailbox in (${reason})`));
        return;
      }
      answer(res, 200, 'Signed in. Close this tab and go back to the terminal.');
      resolve(code);
    });
  });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0];
}

async function redeem(tokenUrl: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  });
  const body = await response.json().catch(() => ({})) as { refresh_token?: unknown; error?: string; error_description?: string };
  if (!response.ok) {
    throw new Error(`Microsoft refused the code (${body.error ?? `HTTP ${response.status}`})${body.error_description ? `: ${firstLine(body.error_description)}` : ''}`);
  }
  if (typeof body.refresh_token !== 'string' || !body.refresh_token) {
    throw new Error('Microsoft answered without a refresh token: the app must be allowed the offline_access scope');
  }
  return body.refresh_token;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  const { MSAPP_CLIENT_ID: clientId, MSAPP_CLIENT_SECRET: clientSecret } = process.env;
  if (!clientId || !clientSecret) throw new UsageError('set MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET to the app registration\'s client id and secret value');
  const tenant = normaliseTenant(process.env.OUTLOOK_TENANT_ID);
  const identity = `${endpointsFor(parseCloud(process.env.OUTLOOK_CLOUD)).login}/${tenant}/oauth2/v2.0`;
  const state = randomBytes(16).toString('base64url');
  const server = createServer();
  try {
    const redirectUri = `http://localhost:${await listen(server, port)}/`;
    const code = waitForCode(server, state);
    const authorize = new URL(`${identity}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: component.credentials.oauth2.scopes.join(' '),
      state,
      prompt: 'select_account',
    }).toString();
    console.error(`The app must list ${redirectUri} as a redirect URI (Azure portal > App registrations > Authentication > Web).
Open this URL in a browser and sign in with the mailbox to use:

  ${authorize.toString()}

Waiting for Microsoft's redirect to ${redirectUri} (Ctrl+C to stop) ...`);
    const refreshToken = await redeem(`${identity}/token`, {
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: 'authorization_code',
      code: await code,
      redirect_uri: redirectUri,
    });
    console.log(`export OUTLOOK_REFRESH_TOKEN='${refreshToken}'`);
    console.error(`Signed in. With that variable set, npm start -- <stepId> runs the step on this mailbox${tenant === 'common' ? '' : ` (keep OUTLOOK_TENANT_ID=${tenant})`}.`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

main().catch((err: unknown) => {
  if (reportUsageError(err, USAGE)) return;
  console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
