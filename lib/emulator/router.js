"use strict";
/** Path templates like `/mailFolders/{folderId}/messages`; literal segments match case-insensitively, as in Graph. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.matchRoute = matchRoute;
exports.splitPath = splitPath;
function matchPattern(pattern, segments) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length)
        return undefined;
    const params = {};
    for (let i = 0; i < parts.length; i += 1) {
        const part = parts[i];
        if (part.startsWith('{'))
            params[part.slice(1, -1)] = segments[i];
        else if (part.toLowerCase() !== segments[i].toLowerCase())
            return undefined;
    }
    return params;
}
/** `segments` are already percent-decoded. */
function matchRoute(routes, method, segments) {
    let pathKnown = false;
    for (const route of routes) {
        const params = matchPattern(route.pattern, segments);
        if (!params)
            continue;
        if (route.method === method)
            return { route, params };
        pathKnown = true;
    }
    return pathKnown ? { methodNotAllowed: true } : undefined;
}
function splitPath(path) {
    return path.split('/').filter(Boolean).map((s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            return s;
        }
    });
}
