"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactFolders = exports.NOT_FOUND_CHOICES = void 0;
exports.parseLookup = parseLookup;
exports.process = processAction;
/**
 * Find Contact: by email address (Graph's `emailAddresses/any(a:a/address eq ...)`) or by display
 * name, in one contact folder. Nothing found: an empty result or an error, as configured. Several
 * found: the oldest one, with how many matched, so a flow can tell.
 */
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const contacts_1 = require("../graph/contacts");
const session_1 = require("../graph/session");
const addresses_1 = require("../validation/addresses");
const fields_1 = require("../validation/fields");
const text_1 = require("../validation/text");
exports.NOT_FOUND_CHOICES = ['emptyResult', 'error'];
function parseLookup(input) {
    const body = (0, fields_1.inputObject)(input);
    const lookup = {};
    if (!(0, fields_1.isAbsent)(body.emailAddress)) {
        const [mailbox] = (0, addresses_1.parseMailboxes)(body.emailAddress, 'emailAddress', { max: 1 });
        if (mailbox)
            lookup.emailAddress = mailbox.address;
    }
    const name = (0, fields_1.optionalText)(body.name, 'name', 255)?.trim();
    if (name && text_1.CONTROL_CHARS.test(name))
        throw new errors_1.InputError('name', 'must be one line of text, without line breaks or other control characters');
    if (name)
        lookup.name = name;
    if (!lookup.emailAddress && !lookup.name)
        throw new errors_1.InputError('emailAddress', 'give the email address (or the display name, in name) of the contact to find');
    return lookup;
}
async function processAction(msg, cfg) {
    const lookup = parseLookup(msg.body);
    const notFound = (0, fields_1.oneOf)(cfg.notFound, 'notFound', exports.NOT_FOUND_CHOICES, 'emptyResult');
    const session = (0, session_1.createSession)(cfg, this);
    const collection = (0, contacts_1.contactsPath)(session.root, cfg.contactFolderId);
    const { contacts } = lookup.emailAddress
        ? await (0, contacts_1.findByAddress)(session, collection, lookup.emailAddress)
        : await (0, contacts_1.findByDisplayName)(session, collection, lookup.name);
    // Found by address and a name given too: the name must match as well.
    const matches = lookup.emailAddress && lookup.name ? contacts.filter((c) => (c.displayName ?? '').toLowerCase() === lookup.name.toLowerCase()) : contacts;
    const what = [lookup.emailAddress && `email address ${lookup.emailAddress}`, lookup.name && `display name "${lookup.name}"`].filter(Boolean).join(' and ');
    if (!matches.length) {
        if (notFound === 'error')
            throw new Error(`No contact with ${what} in this folder. To go on with an empty result instead, set "When nothing is found" to emit an empty result.`);
        this.logger.info('No contact found');
        return (0, messages_1.newMessageWithBody)({ found: false, matchCount: 0 });
    }
    this.logger.info(`${matches.length} contact(s) found`);
    return (0, messages_1.newMessageWithBody)({ found: true, matchCount: matches.length, ...(0, contacts_1.contactOutput)(matches[0]) });
}
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getContactFolders", { enumerable: true, get: function () { return dropdowns_1.getContactFolders; } });
