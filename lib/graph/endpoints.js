"use strict";
/**
 * Where Microsoft Graph and the Microsoft identity platform live. The only place that knows:
 * national clouds and the offline emulator change these two URLs and nothing else.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.GRAPH_VERSION = void 0;
exports.endpointsFromEnv = endpointsFromEnv;
exports.graphRoot = graphRoot;
exports.relativeGraphPath = relativeGraphPath;
exports.GRAPH_VERSION = 'v1.0';
const DEFAULTS = {
    graph: 'https://graph.microsoft.com',
    login: 'https://login.microsoftonline.com',
};
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
/** Reads OUTLOOK_GRAPH_BASE_URL and OUTLOOK_LOGIN_BASE_URL; both default to Microsoft's global cloud. */
function endpointsFromEnv(env = process.env) {
    return {
        graph: env.OUTLOOK_GRAPH_BASE_URL ? origin(env.OUTLOOK_GRAPH_BASE_URL, 'OUTLOOK_GRAPH_BASE_URL') : DEFAULTS.graph,
        login: env.OUTLOOK_LOGIN_BASE_URL ? origin(env.OUTLOOK_LOGIN_BASE_URL, 'OUTLOOK_LOGIN_BASE_URL') : DEFAULTS.login,
    };
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
