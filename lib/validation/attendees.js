"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ATTENDEES = exports.TYPED_ATTENDEE_FIELDS = void 0;
exports.parseAttendees = parseAttendees;
const errors_1 = require("../errors");
const addresses_1 = require("./addresses");
const echo_1 = require("./echo");
const fields_1 = require("./fields");
const ATTENDEE_TYPES = ['required', 'optional', 'resource'];
/** One plain field per attendee type, so a designer maps addresses without building objects. */
exports.TYPED_ATTENDEE_FIELDS = [['requiredAttendees', 'required'], ['optionalAttendees', 'optional'], ['resourceAttendees', 'resource']];
exports.MAX_ATTENDEES = 500;
/**
 * The attendees of requiredAttendees, optionalAttendees and resourceAttendees (addresses as Send
 * Mail's `to` takes them), then those of `attendees`, the field earlier versions had and existing
 * mappings still fill: the same text (all required) or a list of {address, name, type}.
 * The limit (500, Outlook's for an event) counts all four fields together.
 */
function parseAttendees(body, max = exports.MAX_ATTENDEES) {
    const mentions = [];
    for (const [field, type] of exports.TYPED_ATTENDEE_FIELDS) {
        const mailboxes = (0, addresses_1.parseMailboxes)(body[field], field, { max: max - mentions.length });
        mentions.push(...mailboxes.map((mailbox) => ({ mailbox, type, place: field })));
    }
    mentions.push(...listedAttendees(body.attendees, max - mentions.length));
    return withoutRepeats(mentions);
}
function listedAttendees(value, max) {
    // The whole list first, so every bad address is reported with its own path (attendees[2]).
    (0, addresses_1.parseMailboxes)(value, 'attendees', { max });
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((entry, index) => {
        const place = Array.isArray(value) ? `attendees[${index}]` : 'attendees';
        const type = entry && typeof entry === 'object' ? (0, fields_1.oneOf)(entry.type, `${place}.type`, ATTENDEE_TYPES, 'required') : 'required';
        return (0, addresses_1.parseMailboxes)(entry, place).map((mailbox) => ({ mailbox, type, place }));
    });
}
/**
 * An address given twice with the same type is harmless (one list mapped into two fields) and is
 * invited once, with its first name; given with two types, nobody can tell which was meant, so
 * the step refuses rather than guess.
 */
function withoutRepeats(mentions) {
    const first = new Map();
    for (const mention of mentions) {
        const key = mention.mailbox.address.toLowerCase();
        const earlier = first.get(key);
        if (!earlier)
            first.set(key, mention);
        else if (earlier.type !== mention.type) {
            throw new errors_1.InputError(mention.place, `${(0, echo_1.quote)(mention.mailbox.address)} is already a ${earlier.type} attendee in ${earlier.place}; give each attendee in one field only, with one type`);
        }
    }
    const kept = [...first.values()];
    return (0, addresses_1.toRecipients)(kept.map((mention) => mention.mailbox)).map((recipient, i) => ({ ...recipient, type: kept[i].type }));
}
