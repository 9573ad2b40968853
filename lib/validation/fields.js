"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isAbsent = isAbsent;
exports.parseFlag = parseFlag;
exports.optionalText = optionalText;
exports.requiredText = requiredText;
exports.oneOf = oneOf;
exports.optionalInteger = optionalInteger;
exports.stringList = stringList;
exports.inputObject = inputObject;
/**
 * Checks for plain input fields. Each returns the clean value or throws an InputError that names
 * the field and what it accepts; none echoes more than a short excerpt of what it was given.
 */
const errors_1 = require("../errors");
const echo_1 = require("./echo");
function excerpt(value) {
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    return (0, echo_1.visible)(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
/** Not given: undefined, null or ''. Other falsy values (0, false) are given, and wrong where text is expected. */
function isAbsent(value) {
    return value === undefined || value === null || value === '';
}
/** A checkbox value: the platform sends booleans, mappings may send "true"/"false". */
function parseFlag(value, field, fallback = false) {
    if (isAbsent(value))
        return fallback;
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
    throw new errors_1.InputError(field, `must be true or false, got ${excerpt(value)}`);
}
function optionalText(value, field, maxLength) {
    if (isAbsent(value))
        return undefined;
    if (typeof value !== 'string')
        throw new errors_1.InputError(field, `must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
    if (value.length > maxLength)
        throw new errors_1.InputError(field, `is ${value.length} characters long; at most ${maxLength} are accepted`);
    return value;
}
function requiredText(value, field, maxLength) {
    const text = optionalText(value, field, maxLength);
    if (text === undefined || text.trim() === '')
        throw new errors_1.InputError(field, 'is required');
    return text;
}
function oneOf(value, field, allowed, fallback) {
    if (isAbsent(value))
        return fallback;
    const match = typeof value === 'string' ? allowed.find((option) => option.toLowerCase() === value.trim().toLowerCase()) : undefined;
    if (!match)
        throw new errors_1.InputError(field, `must be one of ${allowed.join(', ')}, got ${excerpt(value)}`);
    return match;
}
function optionalInteger(value, field, min, max) {
    if (isAbsent(value))
        return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
        throw new errors_1.InputError(field, `must be a whole number from ${min} to ${max}, got ${excerpt(value)}`);
    }
    return number;
}
/** A list of short strings, given as an array or as comma-separated text. */
function stringList(value, field, limits) {
    if (isAbsent(value))
        return [];
    const items = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(items))
        throw new errors_1.InputError(field, 'must be a list of text values or comma-separated text');
    const clean = items.map((item, index) => {
        if (typeof item !== 'string')
            throw new errors_1.InputError(`${field}[${index}]`, 'must be text');
        return item.trim();
    }).filter(Boolean);
    if (clean.length > limits.maxItems)
        throw new errors_1.InputError(field, `has ${clean.length} entries; at most ${limits.maxItems} are accepted`);
    clean.forEach((item, index) => {
        if (item.length > limits.maxLength)
            throw new errors_1.InputError(`${field}[${index}]`, `is longer than ${limits.maxLength} characters`);
    });
    return clean;
}
/** The incoming message body must be an object of fields. */
function inputObject(value) {
    if (value === undefined || value === null)
        return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.InputError('body', 'the incoming message must be an object of fields (map the step input), not a list or plain value');
    }
    return value;
}
