"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ControlError = exports.DEFAULT_APP_ROLES = exports.CONSENTED_SCOPES = exports.CLOUD_NAMES = exports.CLOUDS = void 0;
exports.startEmulator = startEmulator;
const control_1 = require("./control");
const faults_1 = require("./faults");
const rng_1 = require("./rng");
const seed_1 = require("./seed");
const server_1 = require("./server");
const stats_1 = require("./stats");
const token_1 = require("./token");
var clouds_1 = require("./clouds");
Object.defineProperty(exports, "CLOUDS", { enumerable: true, get: function () { return clouds_1.CLOUDS; } });
Object.defineProperty(exports, "CLOUD_NAMES", { enumerable: true, get: function () { return clouds_1.CLOUD_NAMES; } });
var scopes_1 = require("./scopes");
Object.defineProperty(exports, "CONSENTED_SCOPES", { enumerable: true, get: function () { return scopes_1.CONSENTED_SCOPES; } });
Object.defineProperty(exports, "DEFAULT_APP_ROLES", { enumerable: true, get: function () { return scopes_1.DEFAULT_APP_ROLES; } });
var control_2 = require("./control");
Object.defineProperty(exports, "ControlError", { enumerable: true, get: function () { return control_2.ControlError; } });
function resolveOptions(options) {
    return {
        port: options.port ?? 0,
        seed: options.seed ?? 1,
        now: options.now ?? Date.now,
        mailCount: options.mailCount ?? 300,
        clientId: options.clientId ?? seed_1.DEFAULT_APP.clientId,
        clientSecret: options.clientSecret ?? seed_1.DEFAULT_APP.clientSecret,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
        visibilityDelayMs: options.visibilityDelayMs ?? 0,
        maxConcurrentPerMailbox: options.maxConcurrentPerMailbox ?? 4,
        sendDelayMs: options.sendDelayMs ?? 0,
        uploadSessionLifetimeMs: options.uploadSessionLifetimeMs ?? 100 * 60_000,
    };
}
async function startEmulator(options = {}) {
    const resolved = resolveOptions(options);
    const now = () => resolved.now();
    const stats = new stats_1.Stats();
    const world = {
        options: resolved,
        now,
        baseUrl: '',
        directory: (0, seed_1.seedDirectory)(resolved.seed, now(), resolved.mailCount, { clientId: resolved.clientId, clientSecret: resolved.clientSecret }),
        tokens: new token_1.TokenService({ accessTokenTtlSeconds: resolved.accessTokenTtlSeconds, now }),
        // Its own stream, so arming faults never changes the seeded data.
        faults: new faults_1.FaultEngine((0, rng_1.createRng)(resolved.seed ^ 0x5eed)),
        stats,
        gate: new stats_1.ConcurrencyGate(resolved.maxConcurrentPerMailbox, stats),
    };
    const control = (0, control_1.createControl)(world);
    const server = (0, server_1.createEmulatorServer)(world, control);
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(resolved.port, '127.0.0.1', () => resolve());
    });
    world.baseUrl = `http://127.0.0.1:${server.address().port}`;
    const [primary, secondary] = world.directory.mailboxes;
    return {
        url: world.baseUrl,
        tenantId: world.directory.tenantId,
        mailboxes: { primary: primary.address, secondary: secondary.address },
        tenants: control.tenants(),
        control,
        close: () => new Promise((resolve, reject) => {
            server.close((err) => (err ? reject(err) : resolve()));
            // Keep-alive sockets (fetch keeps them) would hold close() open.
            server.closeAllConnections();
        }),
    };
}
