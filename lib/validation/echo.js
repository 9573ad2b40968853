"use strict";
/**
 * How user input may appear in an error message: error texts end up in execution logs and
 * notification mails, so a value is only ever shown shortened, and arrays or objects never in full.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.quote = quote;
exports.describe = describe;
const MAX_ECHO = 100;
/** The value in double quotes, cut to about 100 characters; JSON escaping makes line breaks and other invisible characters visible. */
function quote(value) {
    const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
    return JSON.stringify(shown);
}
/** What kind of thing was given, for "expected X, got Y" messages that must not print the value. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    switch (typeof value) {
        case 'string': return 'text';
        case 'number': return Number.isNaN(value) ? 'NaN' : 'a number';
        case 'boolean': return `the boolean ${String(value)}`;
        case 'object': return 'an object';
        case 'undefined': return 'nothing';
        default: return `a ${typeof value}`;
    }
}
