"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.graphJson = graphJson;
exports.plainJson = plainJson;
exports.readBody = readBody;
exports.parseJsonObject = parseJsonObject;
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const PLAIN_JSON = 'application/json; charset=utf-8';
function graphJson(status, body, headers = {}) {
    return { status, body, headers: { 'Content-Type': GRAPH_JSON, 'OData-Version': '4.0', ...headers } };
}
function plainJson(status, body, headers = {}) {
    return { status, body, headers: { 'Content-Type': PLAIN_JSON, ...headers } };
}
/**
 * Reads the request body up to `limit` bytes. Past the limit the rest is drained, not kept, so
 * the client finishes sending and can read our 413 instead of seeing a reset connection.
 */
function readBody(req, limit) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size <= limit)
                chunks.push(chunk);
        });
        req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > limit }));
        req.on('error', reject);
    });
}
function parseJsonObject(body) {
    try {
        const value = JSON.parse(body.toString('utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
