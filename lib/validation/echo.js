"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.quote = quote;
exports.visible = visible;
exports.describe = describe;
/**
 * How user input may appear in an error message: error texts end up in execution logs and
 * notification mails, so a value is only ever shown shortened, and arrays or objects never in full.
 */
const text_1 = require("./text");
const MAX_ECHO = 100;
/** The value in double quotes, cut to about 100 characters; JSON escaping makes line breaks and other invisible characters visible. */
function quote(value) {
    const shown = value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
    // JSON.stringify escapes U+0000-U+001F but not DEL.
    return JSON.stringify(shown).replace(/\u007f/g, '\\u007f');
}
const CONTROL_CHAR = new RegExp(text_1.CONTROL_CHARS.source, 'g');
/** Text with its control characters written as escapes (\n, \u0000), for echoes that are not quoted. */
function visible(text) {
    return text.replace(CONTROL_CHAR, (ch) => (ch === '\u007f' ? '\\u007f' : JSON.stringify(ch).slice(1, -1)));
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
