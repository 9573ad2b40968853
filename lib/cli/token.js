"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
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
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
const node_path_1 = __importDefault(require("node:path"));
const endpoints_1 = require("../graph/endpoints");
const credential_1 = require("../graph/credential");
const runStep_1 = require("./runStep");
const usage_1 = require("./usage");
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
const component = require(node_path_1.default.join(runStep_1.COMPONENT_ROOT, 'component.json'));
function parsePort(argv) {
    let port = DEFAULT_PORT;
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h')
            throw new usage_1.UsageError('');
        if (arg !== '--port')
            throw new usage_1.UsageError(`Unknown argument ${arg}`);
        const value = argv[++i] ?? '';
        // 0 (any free port) only serves tests: Microsoft would not know where to send the user.
        if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
            throw new usage_1.UsageError('--port needs a port number, e.g. --port 8400');
        port = Number(value);
    }
    return port;
}
function listen(server, port) {
    return new Promise((resolve, reject) => {
        server.once('error', (err) => {
            reject(err.code === 'EADDRINUSE' ? new usage_1.UsageError(`port ${port} is in use: pick another with --port N and register http://localhost:N/ with the app`) : err);
        });
        // Loopback only: the code must not be offered to the network.
        server.listen(port, '127.0.0.1', () => resolve(server.address().port));
    });
}
function answer(res, status, text) {
    // Plain text: Microsoft's error description is shown as it is, never interpreted as HTML.
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`${text}\n`);
}
/** Resolves with the code of the redirect that carries our state; a redirect with an error rejects. */
function waitForCode(server, state) {
    return new Promise((resolve, reject) => {
        server.on('request', (req, res) => {
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
                const reason = `${error ?? 'no code'}${params.get('error_description') ? `: ${firstLine(params.get('error_description'))}` : ''}`;
                answer(res, 400, `Sign-in failed (${reason}). See the terminal.`);
                reject(new Error(`Microsoft did not sign the mailbox in (${reason})`));
                return;
            }
            answer(res, 200, 'Signed in. Close this tab and go back to the terminal.');
            resolve(code);
        });
    });
}
function firstLine(text) {
    return text.split(/\r?\n/)[0];
}
async function redeem(tokenUrl, form) {
    const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
        throw new Error(`Microsoft refused the code (${body.error ?? `HTTP ${response.status}`})${body.error_description ? `: ${firstLine(body.error_description)}` : ''}`);
    }
    if (typeof body.refresh_token !== 'string' || !body.refresh_token) {
        throw new Error('Microsoft answered without a refresh token: the app must be allowed the offline_access scope');
    }
    return body.refresh_token;
}
async function main() {
    const port = parsePort(process.argv.slice(2));
    const { MSAPP_CLIENT_ID: clientId, MSAPP_CLIENT_SECRET: clientSecret } = process.env;
    if (!clientId || !clientSecret)
        throw new usage_1.UsageError('set MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET to the app registration\'s client id and secret value');
    const tenant = (0, credential_1.normaliseTenant)(process.env.OUTLOOK_TENANT_ID);
    const identity = `${(0, endpoints_1.endpointsFor)((0, credential_1.parseCloud)(process.env.OUTLOOK_CLOUD)).login}/${tenant}/oauth2/v2.0`;
    const state = (0, node_crypto_1.randomBytes)(16).toString('base64url');
    const server = (0, node_http_1.createServer)();
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
    }
    finally {
        server.closeAllConnections();
        server.close();
    }
}
main().catch((err) => {
    if ((0, usage_1.reportUsageError)(err, USAGE))
        return;
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
});
