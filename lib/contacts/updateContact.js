"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseUpdate = parseUpdate;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const contacts_1 = require("../graph/contacts");
const contactWrites_1 = require("../graph/contactWrites");
const errors_2 = require("../graph/errors");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const contact_1 = require("../validation/contact");
const fields_1 = require("../validation/fields");
function parseUpdate(input) {
    const body = (0, fields_1.inputObject)(input);
    // Checked now, so a bad id is refused before any request; contactPath encodes it later.
    (0, odata_1.idSegment)(body.contactId, 'contactId');
    const contactId = String(body.contactId).trim();
    const given = (0, contact_1.parseContactFields)(body);
    const wanted = { ...given, ...(0, contact_1.parseClearFields)(body.clearFields, given) };
    if (!Object.keys(wanted).length) {
        throw new errors_1.InputError('clearFields', 'nothing to change: give at least one contact property to set, or name properties to clear in clearFields');
    }
    return { contactId, wanted };
}
/** A 404 on the contact, said in the designer's terms. */
function notFound(err, session) {
    const where = session.mailbox ? `mailbox ${session.mailbox}` : "the signed-in user's mailbox";
    return new errors_2.GraphRequestError(`contactId: no contact with this id in ${where} (deleted, or an id from another mailbox): ${err.message}`, err.statusCode, err.code, err.requestId);
}
async function processAction(msg, cfg) {
    const { contactId, wanted } = parseUpdate(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    const path = (0, contacts_1.contactPath)(session.root, contactId);
    let current;
    let changed = false;
    try {
        current = (await session.get(`${path}${(0, odata_1.queryString)({ select: contacts_1.CONTACT_FIELDS })}`)).body;
        const changes = (0, contactWrites_1.changesFor)(current, wanted);
        if (changes) {
            current = (await session.patch(path, changes, { idempotent: true })).body;
            changed = true;
        }
    }
    catch (err) {
        throw err instanceof errors_2.GraphRequestError && err.statusCode === 404 ? notFound(err, session) : err;
    }
    this.logger.info(changed ? 'Contact updated' : 'The contact already had these values; nothing sent');
    return (0, messages_1.newMessageWithBody)({ ...(0, contacts_1.contactOutput)(current), changed });
}
