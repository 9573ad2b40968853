"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isEmailAddress = void 0;
exports.parseMailboxes = parseMailboxes;
exports.toRecipients = toRecipients;
/**
 * Recipient lists as flow designers write them: a comma/semicolon separated string (what people
 * paste from Outlook), a list of strings, or a list of objects (what a mapping from another step
 * produces), turned into one shape for Graph. Entry indexes in messages count from 0, like JSONata.
 */
const errors_1 = require("../errors");
const echo_1 = require("./echo");
const emailAddress_1 = require("./emailAddress");
const text_1 = require("./text");
var emailAddress_2 = require("./emailAddress");
Object.defineProperty(exports, "isEmailAddress", { enumerable: true, get: function () { return emailAddress_2.isEmailAddress; } });
/** Graph's limit for the recipients of one message (to, cc and bcc together). */
const GRAPH_MAX_RECIPIENTS = 500;
const FORM = 'write it as name@example.com or Display Name <name@example.com>';
/**
 * Parses and validates recipients. Empty input (undefined, null, '', blank entries, an empty list)
 * gives [] unless `required`; anything malformed throws an InputError naming the entry.
 * `max` defaults to Graph's 500 per message; a caller filling several recipient fields passes what is left.
 */
function parseMailboxes(value, field, opts = {}) {
    const max = opts.max ?? GRAPH_MAX_RECIPIENTS;
    const entries = rawEntries(value, field);
    if (entries.length === 0 && opts.required) {
        throw new errors_1.InputError(field, 'at least one email address is required, e.g. name@example.com');
    }
    if (entries.length > max) {
        throw new errors_1.InputError(field, `has ${entries.length} addresses but at most ${max} are allowed here (Microsoft Graph accepts at most ${GRAPH_MAX_RECIPIENTS} recipients per message); split the message or shorten the list`);
    }
    return entries.map(parseEntry);
}
/** The Graph `recipient` shape; a missing name is left out rather than sent empty, so Outlook shows the address. */
function toRecipients(list) {
    return list.map(({ address, name }) => ({ emailAddress: name === undefined ? { address } : { address, name } }));
}
function rawEntries(value, field) {
    if (value === undefined || value === null)
        return [];
    if (typeof value === 'string')
        return splitList(value).map((text, i) => ({ path: `${field}[${i}]`, value: text }));
    if (Array.isArray(value))
        return value.flatMap((item, i) => arrayItemEntries(item, `${field}[${i}]`));
    if (typeof value === 'object' && hasAddressKey(value))
        return [{ path: field, value }];
    throw new errors_1.InputError(field, `expected email addresses as text (separated by , or ;) or a list of addresses, got ${(0, echo_1.describe)(value)}${typeof value === 'object' ? ' without an "address"' : ''}`);
}
/** A list item may itself hold several addresses ('a@x.example; b@y.example'); they share the item's path. */
function arrayItemEntries(item, path) {
    if (item === undefined || item === null)
        return [];
    if (typeof item === 'string')
        return splitList(item).map((text) => ({ path, value: text }));
    if (typeof item === 'object' && !Array.isArray(item))
        return [{ path, value: item }];
    throw new errors_1.InputError(path, `expected an email address as text or an object with an "address", got ${(0, echo_1.describe)(item)}`);
}
function hasAddressKey(value) {
    return 'address' in value || 'email' in value || 'emailAddress' in value;
}
/**
 * Calls `visit` for each character outside double-quoted text (backslash escapes honoured), so that
 * separators and brackets inside a quoted display name are ignored. Returns false when a quote is left open.
 */
function forEachUnquoted(text, visit) {
    let inQuotes = false;
    for (let i = 0; i < text.length; i += 1) {
        const ch = text[i];
        if (inQuotes) {
            if (ch === '\\')
                i += 1;
            else if (ch === '"')
                inQuotes = false;
        }
        else if (ch === '"')
            inQuotes = true;
        else
            visit(ch, i);
    }
    return !inQuotes;
}
/**
 * Splits at , and ; outside quotes and angle brackets, so '"Doe, John" <j@x.example>' stays whole.
 * A comma right after a bare name does not separate either when the name goes on to an address in
 * angle brackets: directories write people as "Last, First", and Outlook copies them as
 * 'Doe, John <john@example.com>; Smith, Jane <jane@example.com>'. Such a name fragment alone is no
 * valid entry, so joining it never changes the meaning of a list that was valid before; a semicolon
 * always separates. Blank pieces (a trailing comma, ';;') are dropped. An unclosed quote swallows
 * the rest of the text into one piece, which parseText then reports.
 */
function splitList(text) {
    const pieces = [];
    let start = 0;
    let inAngle = false;
    forEachUnquoted(text, (ch, i) => {
        if (ch === '<')
            inAngle = true;
        else if (ch === '>')
            inAngle = false;
        else if ((ch === ',' || ch === ';') && !inAngle) {
            pieces.push({ start, end: i, comma: ch === ',' });
            start = i + 1;
        }
    });
    pieces.push({ start, end: text.length, comma: false });
    const entries = [];
    for (let i = 0; i < pieces.length; i += 1) {
        let last = i;
        while (pieces[last].comma && last + 1 < pieces.length && isNameFragment(slice(text, pieces[last])))
            last += 1;
        if (last > i && !hasAngleBrackets(slice(text, pieces[last])))
            last = i;
        entries.push(text.slice(pieces[i].start, pieces[last].end).trim());
        i = last;
    }
    return entries.filter((entry) => entry.length > 0);
}
function slice(text, piece) {
    return text.slice(piece.start, piece.end);
}
/** Words that can only be part of a display name: no @ and no angle brackets outside quotes. */
function isNameFragment(piece) {
    let address = false;
    forEachUnquoted(piece, (ch) => { if (ch === '@' || ch === '<' || ch === '>')
        address = true; });
    return !address && piece.trim().length > 0;
}
function hasAngleBrackets(piece) {
    let angle = false;
    forEachUnquoted(piece, (ch) => { if (ch === '<')
        angle = true; });
    return angle;
}
function parseEntry({ path, value }) {
    if (typeof value === 'string')
        return parseText(value, path);
    return parseObject(value, path);
}
function parseObject(value, path) {
    const record = value;
    // Graph's own recipient shape, so that recipients read from one message can be mapped into another.
    if (typeof record.emailAddress === 'object' && record.emailAddress !== null) {
        return parseObject(record.emailAddress, path);
    }
    const address = record.address ?? record.email;
    if (typeof address !== 'string' || address.trim() === '') {
        const got = address === undefined ? 'it has none' : `got ${(0, echo_1.describe)(address)}`;
        throw new errors_1.InputError(path, `an object entry needs "address" (or "email") as text, e.g. { "address": "name@example.com", "name": "Jane Doe" }; ${got}`);
    }
    const mailbox = checkedAddress(address.trim(), path);
    const name = record.name;
    if (name === undefined || name === null)
        return mailbox;
    if (typeof name !== 'string')
        throw new errors_1.InputError(`${path}.name`, `the display name must be text, got ${(0, echo_1.describe)(name)}`);
    return withName(mailbox, name, `${path}.name`);
}
/** One entry of text: a bare address, 'Name <address>', '"Quoted, Name" <address>' or '<address>'. */
function parseText(text, path) {
    const angles = anglePositions(text, path);
    if (angles === undefined)
        return checkedAddress(text, path);
    const mailbox = checkedAddress(text.slice(angles.open + 1, angles.close).trim(), path);
    return withName(mailbox, decodeDisplayName(text.slice(0, angles.open)), path);
}
/**
 * Where the address's < and > are, if any. Quoted text is skipped, as a display name may contain
 * brackets in quotes; outside quotes exactly one pair may appear and must end the entry.
 */
function anglePositions(text, path) {
    const opens = [];
    const closes = [];
    const balanced = forEachUnquoted(text, (ch, i) => {
        if (ch === '<')
            opens.push(i);
        else if (ch === '>')
            closes.push(i);
    });
    if (!balanced)
        throw new errors_1.InputError(path, `${(0, echo_1.quote)(text)} has a double quote that is never closed; ${FORM}`);
    if (opens.length === 0 && closes.length === 0)
        return undefined;
    if (opens.length !== 1 || closes.length !== 1 || opens[0] > closes[0] || closes[0] !== text.length - 1) {
        throw new errors_1.InputError(path, `${(0, echo_1.quote)(text)} has < or > in the wrong place; ${FORM}`);
    }
    return { open: opens[0], close: closes[0] };
}
/**
 * Removes the quoting of a display name ('"Doe, John"' -> 'Doe, John', '\\"' -> '"'), keeping unquoted
 * words as written. anglePositions has already rejected unclosed quotes.
 */
function decodeDisplayName(raw) {
    let name = '';
    let inQuotes = false;
    for (let i = 0; i < raw.length; i += 1) {
        const ch = raw[i];
        if (inQuotes && ch === '\\' && i + 1 < raw.length) {
            i += 1;
            name += raw[i];
        }
        else if (ch === '"')
            inQuotes = !inQuotes;
        else
            name += ch;
    }
    return name;
}
function checkedAddress(address, path) {
    const checked = (0, emailAddress_1.checkEmailAddress)(address);
    if (checked.problem === undefined)
        return { address: checked.address };
    // A name cut off at a semicolon leaves a piece without @: say how to keep it together.
    const hint = address.includes('@') ? '' : ' (a display name containing ; must be in double quotes: "Doe; John" <john@example.com>)';
    throw new errors_1.InputError(path, `${(0, echo_1.quote)(address)} is not a valid email address: ${checked.problem}${hint}; ${FORM}`);
}
function withName(mailbox, rawName, path) {
    if (text_1.CONTROL_CHARS.test(rawName))
        throw new errors_1.InputError(path, `the display name contains a control character such as a line break; ${FORM}`);
    const name = rawName.trim();
    return name === '' ? mailbox : { ...mailbox, name };
}
