"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseArgs = parseArgs;
/**
 * `npm start`: the component's steps run by the real sailor executor, against the offline Graph
 * emulator (default) or, with credentials in the environment, against Microsoft Graph.
 *
 *   npm start                                   the whole loop on the emulator
 *   npm start -- <stepId> [--body JSON] [--cfg FILE] [--snapshot JSON] [--verbose]
 */
const node_fs_1 = require("node:fs");
const emulator_1 = require("../emulator");
const summary_1 = require("./summary");
const runStep_1 = require("./runStep");
const USAGE = `Usage: npm start -- [<stepId>] [--body JSON] [--cfg FILE] [--snapshot JSON] [--verbose]
  no stepId   run the whole loop on the offline Graph emulator
  stepId      one of: ${(0, runStep_1.stepIds)().join(', ')}
  --body      the incoming message body (JSON) for an action
  --cfg       a JSON file with step fields (and credentials) to merge into cfg
  --snapshot  the trigger snapshot to start from (JSON)
  --verbose   show the component's own log lines
Against Microsoft Graph instead of the emulator: set MSAPP_CLIENT_ID, MSAPP_CLIENT_SECRET,
OUTLOOK_REFRESH_TOKEN and optionally OUTLOOK_TENANT_ID (default common).`;
class UsageError extends Error {
}
function parseJson(flag, text) {
    if (text === undefined)
        throw new UsageError(`${flag} needs a value`);
    try {
        return JSON.parse(text);
    }
    catch {
        throw new UsageError(`${flag} must be valid JSON, e.g. ${flag} '{"to": "megan.bowen@contoso.example"}'`);
    }
}
function parseArgs(argv) {
    const options = { cfg: {}, verbose: false };
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--body')
            options.body = parseJson(arg, argv[++i]);
        else if (arg === '--snapshot')
            options.snapshot = parseJson(arg, argv[++i]);
        else if (arg === '--cfg') {
            const file = argv[++i];
            if (!file)
                throw new UsageError('--cfg needs a file name');
            let text;
            try {
                text = (0, node_fs_1.readFileSync)(file, 'utf8');
            }
            catch {
                throw new UsageError(`--cfg: cannot read ${file}`);
            }
            options.cfg = parseJson(`--cfg ${file}`, text);
        }
        else if (arg === '--verbose')
            options.verbose = true;
        else if (arg === '--help' || arg === '-h')
            throw new UsageError('');
        else if (arg.startsWith('-'))
            throw new UsageError(`Unknown option ${arg}`);
        else if (!options.stepId) {
            if (!(0, runStep_1.stepIds)().includes(arg))
                throw new UsageError(`Unknown step "${arg}"`);
            options.stepId = arg;
        }
        else
            throw new UsageError(`Unexpected argument "${arg}"`);
    }
    if (!options.stepId && (options.body !== undefined || options.snapshot !== undefined))
        throw new UsageError('--body and --snapshot need a stepId');
    return options;
}
/** Real Graph when a refresh token is in the environment, else a fresh emulator. */
async function openTarget() {
    const { OUTLOOK_REFRESH_TOKEN: refreshToken, MSAPP_CLIENT_ID: clientId, MSAPP_CLIENT_SECRET: secret } = process.env;
    if (refreshToken) {
        if (!clientId || !secret)
            throw new UsageError('OUTLOOK_REFRESH_TOKEN is set: MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET are needed too');
        // An already expired access token makes the first request refresh it.
        return { label: 'Microsoft Graph', cfg: { tenantId: process.env.OUTLOOK_TENANT_ID || 'common', oauth: { access_token: '', refresh_token: refreshToken, expires_at: new Date(0).toISOString() } } };
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
        throw new Error(`${stepId} failed`);
    return run;
}
async function demo(target) {
    const { emulator } = target;
    if (!emulator)
        throw new UsageError('The whole loop runs on the emulator only: name a step to run against Microsoft Graph');
    const me = emulator.mailboxes.primary;
    const since = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const first = await step(target, `Poll for New Mail: the Inbox since ${since.slice(0, 16)}Z`, 'getNewMail', {}, { startTime: since }, {}, 'no new mail');
    let snapshot = first.snapshots[first.snapshots.length - 1];
    const again = await step(target, 'Poll for New Mail again, from the snapshot: nothing is repeated', 'getNewMail', {}, {}, snapshot, 'no new mail (nothing repeated)');
    snapshot = again.snapshots[again.snapshots.length - 1] ?? snapshot;
    await step(target, `Send Mail to ${me}`, 'sendMail', { body: { to: `Adele Vance <${me}>`, cc: emulator.mailboxes.secondary, subject: 'Hello from the elastic.io Outlook component', body: '<p>Sent by <b>npm start</b>.</p>', bodyContentType: 'html' } }, {}, undefined, '');
    await step(target, 'Poll for New Mail: the mail just sent arrives', 'getNewMail', {}, {}, snapshot, 'no new mail');
    const eventsFrom = new Date(Date.now() - 1000).toISOString();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    await step(target, 'Create Event: tomorrow 10:00 Berlin time, with a Teams meeting', 'createEvent', {
        id: 'demo-message-1',
        body: { subject: 'Integration review', start: `${tomorrow}T10:00:00`, end: `${tomorrow}T10:30:00`, timeZone: 'Europe/Berlin', attendees: emulator.mailboxes.secondary, isOnlineMeeting: true, location: 'Room 4' },
    }, {}, undefined, '');
    await step(target, 'Poll for New and Updated Events: the event just created is reported', 'getNewAndUpdatedEvents', {}, { startTime: eventsFrom, timeZone: 'Europe/Berlin' }, {}, 'no new or changed events');
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
    if (err instanceof UsageError) {
        if (err.message)
            console.error(`Error: ${err.message}\n`);
        console.error(USAGE);
        process.exitCode = err.message ? 2 : 0;
        return;
    }
    console.error(`\n✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
});
