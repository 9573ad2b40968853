"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isObject = void 0;
exports.enumValue = enumValue;
exports.param = param;
/** Narrowing and checks for untyped JSON input. */
const errors_1 = require("./errors");
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
exports.isObject = isObject;
/**
 * Enum values match case-insensitively and come back in Graph's spelling; absent -> fallback.
 * Not the component's oneOf: Graph neither trims nor takes '' as absent, and answers with its own 400.
 */
function enumValue(value, members, fallback) {
    if (value === undefined || value === null)
        return fallback;
    const found = members.find((m) => typeof value === 'string' && m.toLowerCase() === value.toLowerCase());
    if (!found)
        throw (0, errors_1.badRequest)(`Requested value '${String(value)}' was not found.`);
    return found;
}
/** Action parameters and body properties match case-insensitively (`Message`, `SaveToSentItems`). */
function param(json, name) {
    const key = Object.keys(json).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : json[key];
}
