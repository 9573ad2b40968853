"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseContactId = parseContactId;
exports.process = processAction;
/**
 * Delete Contact: a contact already gone is success (`alreadyDeleted: true`), so a replayed
 * message, or the retry of a DELETE whose answer was lost, ends as the first run did.
 */
const messages_1 = require("elasticio-node/lib/messages");
const contacts_1 = require("../graph/contacts");
const errors_1 = require("../graph/errors");
const odata_1 = require("../graph/odata");
const session_1 = require("../graph/session");
const fields_1 = require("../validation/fields");
function parseContactId(input) {
    const body = (0, fields_1.inputObject)(input);
    (0, odata_1.idSegment)(body.contactId, 'contactId');
    return String(body.contactId).trim();
}
async function processAction(msg, cfg) {
    const contactId = parseContactId(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    let alreadyDeleted = false;
    try {
        await session.delete((0, contacts_1.contactPath)(session.root, contactId));
    }
    catch (err) {
        // ErrorItemNotFound: deleted before (by this message's earlier run, or by anyone), or never in this mailbox.
        if (!(err instanceof errors_1.GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound'))
            throw err;
        alreadyDeleted = true;
    }
    this.logger.info(alreadyDeleted ? 'The contact was already gone' : 'Contact deleted');
    return (0, messages_1.newMessageWithBody)({ id: contactId, alreadyDeleted });
}
