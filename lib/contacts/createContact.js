"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactFolders = void 0;
exports.buildContact = buildContact;
exports.createMarker = createMarker;
exports.process = processAction;
/**
 * Create Contact. The input is checked in full before any request. One message makes one contact:
 * the contact carries a marker derived from the message, its folder and its content, so a
 * redelivered message, or our own retry after a lost answer, finds the contact the first run made
 * instead of making another (graph/contactWrites.ts says how, Graph's replication delay included).
 */
const node_crypto_1 = require("node:crypto");
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const contacts_1 = require("../graph/contacts");
const contactWrites_1 = require("../graph/contactWrites");
const session_1 = require("../graph/session");
const contact_1 = require("../validation/contact");
const fields_1 = require("../validation/fields");
/** The contact to create; refused without anything that names the contact. */
function buildContact(input) {
    const contact = (0, contact_1.parseContactFields)((0, fields_1.inputObject)(input));
    if (!contact.givenName && !contact.surname && !contact.displayName && !contact.emailAddresses && !contact.companyName) {
        throw new errors_1.InputError('givenName', 'a contact needs something to show it by: give givenName, surname, displayName, emailAddresses or companyName');
    }
    return contact;
}
/**
 * Which create this is: the same for a redelivery of the message (or our retry of it), different
 * for another message, or the same message carrying another contact (a step that re-emits its
 * message per item). Without a message id nothing tells a redelivery from a second contact, so a
 * nonce drawn per run stands in: the retries within the run still share it.
 */
function createMarker(msgId, collection, contact, stepId = process.env.ELASTICIO_STEP_ID ?? '') {
    const source = typeof msgId === 'string' && msgId ? `message:${msgId}` : `run:${(0, node_crypto_1.randomUUID)()}`;
    return (0, contacts_1.markerValue)('create', stepId, collection, source, contact);
}
async function processAction(msg, cfg) {
    const contact = buildContact(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    const collection = (0, contacts_1.contactsPath)(session.root, cfg.contactFolderId);
    const marker = createMarker(msg.id, collection, contact);
    const result = await (0, contactWrites_1.createOnce)({
        session,
        logger: this.logger,
        collection,
        body: contact,
        marker,
        candidates: () => (0, contacts_1.findByMarker)(session, collection, marker),
        // Every contact with this marker was made for this very message.
        ours: async (contacts) => new Set(contacts.map((c) => c.id)),
    });
    this.logger.info(result.created ? 'Contact created' : 'The contact this message created before was found; not created again');
    return (0, messages_1.newMessageWithBody)({ ...(0, contacts_1.contactOutput)(result.contact), alreadyCreated: !result.created });
}
// The Contact folder field's dropdown: sailor looks its model up on this module.
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getContactFolders", { enumerable: true, get: function () { return dropdowns_1.getContactFolders; } });
