"use strict";
/**
 * The claims of a Microsoft access token, read without validating it (Graph validates; a client
 * must not rely on a token's format, and personal-account tokens are opaque). Read only to explain
 * a refusal (the application permissions an admin consented to: `roles`) and to tell which mailbox
 * `/me` is (`oid`, `upn`). Never logged: claims name people.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.readClaims = readClaims;
/** The payload of a JWT access token; undefined for an opaque token or anything unreadable. */
function readClaims(token) {
    const parts = token?.split('.');
    if (!parts || parts.length !== 3)
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        if (!payload || typeof payload !== 'object' || Array.isArray(payload))
            return undefined;
        const claims = payload;
        const text = (key) => (typeof claims[key] === 'string' ? claims[key] : undefined);
        const roles = Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === 'string') : undefined;
        return { oid: text('oid'), tid: text('tid'), upn: text('upn'), unique_name: text('unique_name'), roles, scp: text('scp'), aud: text('aud') };
    }
    catch {
        return undefined;
    }
}
