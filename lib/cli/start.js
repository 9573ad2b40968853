"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseArgs = parseArgs;
/**
 * `npm start`: the component's steps run by the real sailor executor, against the offline Graph
 * emulator (default) or, with credentials in the environment, against Microsoft Graph.
 *
 *   npm start                                   the whole loop on the emulator
 *   npm start -- <stepId> [--body JSON] [--cfg JSON|FILE] [--snapshot JSON] [--verbose]
 */
const node_fs_1 = require("node:fs");
const node_http_1 = require("node:http");
const emulator_1 = require("../emulator");
const clouds_1 = require("../graph/clouds");
const credential_1 = require("../graph/credential");
const endpoints_1 = require("../graph/endpoints");
const summary_1 = require("./summary");
const runStep_1 = require("./runStep");
const usage_1 = require("./usage");
const USAGE = `Usage: npm start -- [<stepId>] [--body JSON] [--cfg JSON|FILE] [--snapshot JSON] [--verbose]
  no stepId   run the whole loop on the offline Graph emulator (own mailbox, shared mailbox, app-only)
  stepId      one of: ${(0, runStep_1.stepIds)().join(', ')}
  --body      the incoming message body (JSON) for an action
  --cfg       step fields (and credentials) to merge into cfg: inline JSON, or a file holding it
  --snapshot  the trigger snapshot to start from (JSON)
  --verbose   show the component's own log lines
Against Microsoft Graph instead of the emulator: set MSAPP_CLIENT_ID, MSAPP_CLIENT_SECRET,
OUTLOOK_REFRESH_TOKEN (npm run token gets one) and optionally OUTLOOK_TENANT_ID (default common);
app-only instead: OUTLOOK_AUTH_TYPE=application and OUTLOOK_TENANT_ID (no refresh token), each step
with --cfg '{"mailbox": "..."}'. OUTLOOK_CLOUD picks a national cloud (usgov, usgovdod, china).`;
/** A valid value for each JSON flag, shown when the one given is not; times lie before any seeded mail, whatever the clock says. */
const EXAMPLES = {
    '--body': `'{"to": "megan.bowen@contoso.example", "subject": "Hi"}'`,
    '--cfg': `'{"startTime": "2020-01-01T00:00:00Z"}'`,
    '--snapshot': `'{"v": 1, "from": "2020-01-01T00:00:00Z"}'`,
};
/** A step emitted errors; report() has printed them already. */
class StepFailed extends Error {
}
/** `source` names where the text came from: the flag, or the flag and its file. */
function parseJson(flag, text, source = flag) {
    if (text === undefined)
        throw new usage_1.UsageError(`${flag} needs a value`);
    try {
        return JSON.parse(text);
    }
    catch {
        throw new usage_1.UsageError(`${source} must be valid JSON, e.g. ${flag} ${EXAMPLES[flag]}`);
    }
}
/** Inline JSON when the value starts with `{` or `[`, else the name of a file holding it. */
function parseCfg(value) {
    if (value === undefined)
        throw new usage_1.UsageError('--cfg needs a value');
    let text = value;
    let source = '--cfg';
    if (!/^\s*[{[]/.test(value)) {
        source = `--cfg ${value}`;
        try {
            text = (0, node_fs_1.readFileSync)(value, 'utf8');
        }
        catch {
            throw new usage_1.UsageError(`--cfg: cannot read the file ${value}; give the fields inline instead, e.g. --cfg ${EXAMPLES['--cfg']}`);
        }
    }
    const cfg = parseJson('--cfg', text, source);
    if (!cfg || typeof cfg !== 'object' || Array.isArray(cfg))
        throw new usage_1.UsageError(`${source} must be a JSON object of step fields, e.g. --cfg ${EXAMPLES['--cfg']}`);
    return cfg;
}
function parseArgs(argv) {
    const options = { cfg: {}, verbose: false };
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--body')
            options.body = parseJson(arg, argv[++i]);
        else if (arg === '--snapshot')
            options.snapshot = parseJson(arg, argv[++i]);
        else if (arg === '--cfg')
            options.cfg = parseCfg(argv[++i]);
        else if (arg === '--verbose')
            options.verbose = true;
        else if (arg === '--help' || arg === '-h')
            throw new usage_1.UsageError('');
        else if (arg.startsWith('-'))
            throw new usage_1.UsageError(`Unknown option ${arg}`);
        else if (!options.stepId) {
            if (!(0, runStep_1.stepIds)().includes(arg))
                throw new usage_1.UsageError(`Unknown step "${arg}"`);
            options.stepId = arg;
        }
        else
            throw new usage_1.UsageError(`Unexpected argument "${arg}"`);
    }
    if (!options.stepId && (options.body !== undefined || options.snapshot !== undefined))
        throw new usage_1.UsageError('--body and --snapshot need a stepId');
    return options;
}
/** A setting of the environment read like the credential field it stands for, its errors naming the variable. */
function fromEnv(variable, parse) {
    try {
        return parse(process.env[variable]);
    }
    catch (err) {
        throw new usage_1.UsageError(`${variable}: ${err.message.replace(/^\w+: /, '')}`);
    }
}
/**
 * Real Graph when a refresh token (delegated) or OUTLOOK_AUTH_TYPE=application (app-only) is in the
 * environment, in the cloud OUTLOOK_CLOUD names; else a fresh emulator.
 */
async function openTarget() {
    const { OUTLOOK_REFRESH_TOKEN: refreshToken, MSAPP_CLIENT_ID: clientId, MSAPP_CLIENT_SECRET: secret } = process.env;
    const authType = fromEnv('OUTLOOK_AUTH_TYPE', credential_1.parseAuthType);
    if (refreshToken || authType === 'application') {
        if (!clientId || !secret)
            throw new usage_1.UsageError(`${refreshToken ? 'OUTLOOK_REFRESH_TOKEN' : 'OUTLOOK_AUTH_TYPE'} is set: MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET are needed too`);
        const cloud = fromEnv('OUTLOOK_CLOUD', credential_1.parseCloud);
        const where = { cloud: cloud.name, loginHost: (0, clouds_1.loginHostOf)(cloud) };
        const label = `Microsoft Graph at ${(0, endpoints_1.endpointsFor)(cloud).graph}`;
        if (authType === 'application') {
            if (!process.env.OUTLOOK_TENANT_ID)
                throw new usage_1.UsageError('OUTLOOK_AUTH_TYPE=application needs OUTLOOK_TENANT_ID: the tenant id or a verified domain');
            return { label: `${label}, app-only`, cfg: { authType, tenantId: process.env.OUTLOOK_TENANT_ID, ...where } };
        }
        // A placeholder access token marked expired makes the first request refresh it (an empty one
        // reads as a credential that was never connected).
        const oauth = { access_token: 'expired', refresh_token: refreshToken, expires_at: new Date(0).toISOString() };
        return { label, cfg: { tenantId: process.env.OUTLOOK_TENANT_ID || 'common', oauth, ...where } };
    }
    const emulator = await (0, emulator_1.startEmulator)({ seed: 1 });
    process.env.OUTLOOK_GRAPH_BASE_URL = emulator.url;
    process.env.OUTLOOK_LOGIN_BASE_URL = emulator.url;
    process.env.MSAPP_CLIENT_ID = 'emulator-client-id';
    process.env.MSAPP_CLIENT_SECRET = 'emulator-client-secret';
    return { label: `the offline Graph emulator at ${emulator.url} (mailbox ${emulator.mailboxes.primary})`, cfg: { tenantId: 'common', oauth: emulator.control.issueTokens() }, emulator };
}
function report(stepId, run, emptyText) {
    for (const message of run.data)
        console.log((0, summary_1.lineFor)(stepId, message.body));
    if (!run.data.length && !run.errors.length)
        console.log(`  ${emptyText}`);
    for (const err of run.errors)
        console.log(`  ✖ ${err.message}`);
    if (run.snapshots.length)
        console.log((0, summary_1.snapshotLine)(run.snapshots[run.snapshots.length - 1]));
    if (run.updateKeys.length)
        console.log('  credential: the access token was refreshed and the new token persisted (updateKeys)');
}
/** Runs a step, keeping its cfg's token current the way the platform does after updateKeys. */
async function step(target, title, stepId, msg, fields, snapshot, emptyText) {
    console.log(`\n▶ ${title}`);
    const run = await (0, runStep_1.runStep)(stepId, msg, { ...target.cfg, ...fields }, snapshot);
    const keys = run.updateKeys[run.updateKeys.length - 1];
    if (keys?.oauth)
        target.cfg.oauth = keys.oauth;
    report(stepId, run, emptyText);
    if (run.errors.length)
        throw new StepFailed();
    return run;
}
/**
 * The Mailbox field and an application credential: the signed-in user sends as a shared mailbox it
 * holds Full Access and Send As on; then the app alone (client credentials, no user, no sign-in)
 * polls the recipient's mailbox and finds the mail.
 */
async function sharedAndAppOnly(target, emulator) {
    const [shared] = emulator.tenants[0].sharedMailboxes;
    const megan = emulator.mailboxes.secondary;
    const from = new Date(Date.now() - 1000).toISOString();
    await step(target, `Send Mail as the shared mailbox ${shared} (Mailbox field; Adele holds Full Access and Send As on it)`, 'sendMail', {
        body: { to: megan, subject: 'Hello from the shared mailbox', body: 'Sent as info@ by npm start.' },
    }, { mailbox: shared }, undefined, '');
    await step(target, `Poll for New Mail as the app alone (application credential, no user) on ${megan}: new mail, the one from ${shared} among it`, 'getNewMail', {}, {
        authType: 'application', tenantId: emulator.tenants[0].domains[0], mailbox: megan, startTime: from,
    }, {}, 'no new mail');
}
/**
 * Reply to Mail with a file, delivered twice as the platform may: the file comes from a local
 * server standing in for the platform's storage (allowed by OUTLOOK_ATTACHMENT_ALLOWED_HOSTS, as
 * an installation with storage on its own network would); the second delivery finds the reply.
 */
async function replyWithFile(target, messageId, subject) {
    const text = 'Agenda: 1. Welcome 2. Figures 3. Questions\n';
    const server = (0, node_http_1.createServer)((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }).end(text); });
    await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
    const saved = process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS;
    process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS = '127.0.0.1';
    try {
        const { port } = server.address();
        const msg = { id: 'demo-reply-1', body: { messageId, body: 'Thanks, the agenda is attached.' }, attachments: { 'agenda.txt': { url: `http://127.0.0.1:${port}/agenda.txt`, size: Buffer.byteLength(text) } } };
        await step(target, `Reply to Mail: answers "${subject}" with agenda.txt attached`, 'replyToMail', msg, {}, undefined, '');
        await step(target, 'Reply to Mail, the same message delivered again: found, not sent twice', 'replyToMail', msg, {}, undefined, '');
    }
    finally {
        if (saved === undefined)
            delete process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS;
        else
            process.env.OUTLOOK_ATTACHMENT_ALLOWED_HOSTS = saved;
        server.close();
    }
}
/** Files a mail: a folder found or made by its path, the mail moved there (twice: the replay moves nothing), then marked done. */
async function fileMail(target, messageId) {
    const path = 'Inbox/Filed by npm start';
    const folder = await step(target, `Find or Create Folder: ${path}`, 'lookupFolder', { body: { path } }, { createMissing: true }, undefined, '');
    const folderId = folder.data[0].body.id;
    const move = { id: 'demo-move-1', body: { messageId, destinationFolderId: folderId } };
    await step(target, 'Move Mail: the mail just received into that folder', 'moveMail', move, {}, undefined, '');
    await step(target, 'Move Mail: the same message delivered again', 'moveMail', move, {}, undefined, '');
    await step(target, 'Update Mail: read, flag completed, category "Filed" added', 'updateMail', {
        body: { messageId, isRead: true, flagStatus: 'complete', categories: 'Filed', categoriesMode: 'add' },
    }, {}, undefined, '');
}
async function demo(target) {
    const { emulator } = target;
    if (!emulator)
        throw new usage_1.UsageError('The whole loop runs on the emulator only: name a step to run against Microsoft Graph');
    const me = emulator.mailboxes.primary;
    const since = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const first = await step(target, `Poll for New Mail: the Inbox since ${(0, summary_1.utcTime)(since)}`, 'getNewMail', {}, { startTime: since }, {}, 'no new mail');
    let snapshot = first.snapshots[first.snapshots.length - 1];
    const again = await step(target, 'Poll for New Mail again, from the snapshot: nothing is repeated', 'getNewMail', {}, {}, snapshot, 'no new mail (nothing repeated)');
    snapshot = again.snapshots[again.snapshots.length - 1] ?? snapshot;
    const mail = { to: `Adele Vance <${me}>`, cc: emulator.mailboxes.secondary, subject: 'Hello from the elastic.io Outlook component', body: '<p>Sent by <b>npm start</b>.</p>', bodyContentType: 'html' };
    await step(target, `Send Mail to ${mail.to}, cc ${mail.cc}`, 'sendMail', { body: mail }, {}, undefined, '');
    const arrived = await step(target, 'Poll for New Mail: the mail just sent arrives', 'getNewMail', {}, {}, snapshot, 'no new mail');
    const received = arrived.data.map((message) => message.body).find((body) => body.subject === mail.subject);
    if (received?.id) {
        await replyWithFile(target, received.id, received.subject ?? '');
        await fileMail(target, received.id);
    }
    const eventsFrom = new Date(Date.now() - 1000).toISOString();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    await step(target, 'Create Event: tomorrow 10:00 Berlin time, with a Teams meeting', 'createEvent', {
        id: 'demo-message-1',
        body: { subject: 'Integration review', start: `${tomorrow}T10:00:00`, end: `${tomorrow}T10:30:00`, timeZone: 'Europe/Berlin', attendees: emulator.mailboxes.secondary, isOnlineMeeting: true, location: 'Room 4' },
    }, {}, undefined, '');
    await step(target, 'Poll for New and Updated Events: the event just created is reported', 'getNewAndUpdatedEvents', {}, { startTime: eventsFrom, timeZone: 'Europe/Berlin' }, {}, 'no new or changed events');
    await sharedAndAppOnly(target, emulator);
    const stats = emulator.control.stats();
    console.log(`\n✔ Done: ${stats.requests} Graph requests, at most ${stats.maxInFlightPerMailbox} in flight per mailbox.`);
}
async function main() {
    const options = parseArgs(process.argv.slice(2));
    if (!options.verbose && !process.env.LOG_LEVEL)
        process.env.LOG_LEVEL = 'fatal';
    const target = await openTarget();
    Object.assign(target.cfg, options.cfg);
    console.log(`Outlook component on ${target.label}`);
    try {
        if (!options.stepId)
            await demo(target);
        else
            await step(target, options.stepId, options.stepId, { body: options.body }, {}, options.snapshot ?? {}, 'nothing emitted');
    }
    finally {
        await target.emulator?.close();
    }
}
main().then(() => { process.exitCode = 0; }, (err) => {
    if (err instanceof StepFailed) {
        process.exitCode = 1;
        return;
    }
    if ((0, usage_1.reportUsageError)(err, USAGE))
        return;
    console.error(`\n✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
});
