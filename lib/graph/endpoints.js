"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GRAPH_VERSION = void 0;
exports.endpointsFor = endpointsFor;
exports.endpointsFromEnv = endpointsFromEnv;
exports.graphRoot = graphRoot;
exports.relativeGraphPath = relativeGraphPath;
/**
 * Where Microsoft Graph and the Microsoft identity platform live for a request: the credential's
 * cloud (clouds.ts) unless OUTLOOK_GRAPH_BASE_URL / OUTLOOK_LOGIN_BASE_URL point elsewhere (the
 * offline emulator, a test). National clouds and the emulator change these two URLs and nothing else.
 */
const clouds_1 = require("./clouds");
exports.GRAPH_VERSION = 'v1.0';
function origin(value, variable) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Error(`${variable} must be an absolute http(s) URL such as https://graph.microsoft.com, got "${value}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new Error(`${variable} must use https (or http for a local emulator), got "${url.protocol}"`);
    }
    return url.origin;
}
/**
 * The cloud's hosts, each overridden by OUTLOOK_GRAPH_BASE_URL or OUTLOOK_LOGIN_BASE_URL when set.
 * An override replaces the host a request goes to, never the cloud: `.default` scopes still name
 * the cloud's own Graph host (an emulator tells clouds apart by it, as Azure AD does).
 */
function endpointsFor(cloud, env = process.env) {
    return {
        graph: env.OUTLOOK_GRAPH_BASE_URL ? origin(env.OUTLOOK_GRAPH_BASE_URL, 'OUTLOOK_GRAPH_BASE_URL') : cloud.graph,
        login: env.OUTLOOK_LOGIN_BASE_URL ? origin(env.OUTLOOK_LOGIN_BASE_URL, 'OUTLOOK_LOGIN_BASE_URL') : cloud.login,
    };
}
/** The global cloud's endpoints with the overrides: for tools that have no credential (npm run token). */
function endpointsFromEnv(env = process.env) {
    return endpointsFor(clouds_1.CLOUDS.global, env);
}
/** The versioned root every Graph path hangs off, e.g. https://graph.microsoft.com/v1.0/ */
function graphRoot(endpoints) {
    return `${endpoints.graph}/${exports.GRAPH_VERSION}/`;
}
/**
 * Turns an absolute link Graph handed back (`@odata.nextLink`) into a path relative to the Graph
 * root. Links that point anywhere else are refused: following them would send our token to a
 * host we do not know.
 */
function relativeGraphPath(link, endpoints) {
    const root = graphRoot(endpoints);
    if (!link.startsWith(root)) {
        throw new Error(`Graph returned a paging link outside ${root}; refusing to follow it`);
    }
    return `/${link.slice(root.length)}`;
}
