"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stringLiteral = stringLiteral;
exports.dateTimeLiteral = dateTimeLiteral;
exports.instantLiteral = instantLiteral;
exports.idSegment = idSegment;
exports.queryString = queryString;
/**
 * Safe pieces of Graph URLs. The SDK puts `.filter()` and path strings on the wire as given, so a
 * `+`, `&`, `#` or quote taken from user data would change the request. Everything that comes
 * from a user or from Graph data goes through these.
 */
const errors_1 = require("../errors");
const echo_1 = require("../validation/echo");
const text_1 = require("../validation/text");
/** An OData string literal, single quotes doubled; `queryString` percent-encodes it with the rest. */
function stringLiteral(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** A DateTimeOffset literal at whole seconds, e.g. 2026-11-27T07:01:37Z (no characters needing encoding). */
function dateTimeLiteral(epochMs) {
    return instantLiteral(Math.floor(epochMs / 1000) * 1000);
}
/**
 * A DateTimeOffset literal to the millisecond. Graph returns times in whole seconds but compares
 * at full precision, so a crowded second can be sliced by the milliseconds it does not show.
 */
function instantLiteral(epochMs) {
    if (!Number.isFinite(epochMs))
        throw new RangeError('a DateTimeOffset literal needs a finite time');
    return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
/**
 * A path segment taken from configuration or input (a folder, calendar or message id). Graph ids
 * are base64 with `-`, `_`, `=` and sometimes `+` or `/`; anything that could step out of the
 * segment (`..`, `?`, `#`, control characters) is refused rather than encoded into surprises.
 */
function idSegment(value, field) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new errors_1.InputError(field, 'is required: pick a value from the dropdown or map an Outlook id');
    }
    const id = value.trim();
    if (id.length > 512 || /^\.{1,2}$/.test(id) || /[\s?#%\\]/.test(id) || text_1.CONTROL_CHARS.test(id) || id.includes('..')) {
        throw new errors_1.InputError(field, `${(0, echo_1.quote)(id.length > 40 ? `${id.slice(0, 40)}…` : id)} is not an Outlook id or well-known folder name: pick a value from the dropdown or map an id Outlook returned`);
    }
    return encodeURIComponent(id);
}
/** The query string for a path: the one place values are percent-encoded. */
function queryString(query) {
    const parts = [];
    if (query.select?.length)
        parts.push(`$select=${query.select.map(encodeURIComponent).join(',')}`);
    if (query.filter)
        parts.push(`$filter=${encodeURIComponent(query.filter)}`);
    if (query.orderby)
        parts.push(`$orderby=${encodeURIComponent(query.orderby)}`);
    if (query.top !== undefined)
        parts.push(`$top=${query.top}`);
    return parts.length ? `?${parts.join('&')}` : '';
}
