"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getContactFolders = void 0;
exports.parseUpsert = parseUpsert;
exports.process = processAction;
const messages_1 = require("elasticio-node/lib/messages");
const errors_1 = require("../errors");
const contacts_1 = require("../graph/contacts");
const contactWrites_1 = require("../graph/contactWrites");
const errors_2 = require("../graph/errors");
const session_1 = require("../graph/session");
const addresses_1 = require("../validation/addresses");
const contact_1 = require("../validation/contact");
const fields_1 = require("../validation/fields");
function parseUpsert(input) {
    const body = (0, fields_1.inputObject)(input);
    const [key] = (0, addresses_1.parseMailboxes)(body.emailAddress, 'emailAddress', { required: true, max: 1 });
    const fields = (0, contact_1.parseContactFields)(body);
    if (fields.emailAddresses) {
        // The key stays among the addresses, or the next run would not find this contact again.
        const has = fields.emailAddresses.some((e) => e.address.toLowerCase() === key.address.toLowerCase());
        if (!has)
            fields.emailAddresses = [key.name === undefined ? { address: key.address } : { address: key.address, name: key.name }, ...fields.emailAddresses];
        if (fields.emailAddresses.length > contact_1.MAX_EMAIL_ADDRESSES) {
            throw new errors_1.InputError('emailAddresses', `has ${fields.emailAddresses.length - 1} addresses besides emailAddress, which the contact keeps too; an Outlook contact holds at most ${contact_1.MAX_EMAIL_ADDRESSES}, so give at most ${contact_1.MAX_EMAIL_ADDRESSES - 1} others`);
        }
    }
    return { key, fields };
}
async function upsertOnce(session, context, collection, { key, fields }) {
    const marker = (0, contacts_1.markerValue)('upsert', collection, key.address.toLowerCase());
    const result = await (0, contactWrites_1.createOnce)({
        session,
        logger: context.logger,
        collection,
        body: { ...fields, emailAddresses: fields.emailAddresses ?? [key.name === undefined ? { address: key.address } : { address: key.address, name: key.name }] },
        marker,
        candidates: () => (0, contacts_1.findByAddress)(session, collection, key.address),
        // Only contacts this step created for this address may go; contacts people made never do.
        ours: async () => new Set((await (0, contacts_1.findByMarker)(session, collection, marker, ['id'])).contacts.map((c) => c.id)),
    });
    if (result.created)
        return { contact: result.contact, action: 'created', removed: result.removed };
    const changes = (0, contactWrites_1.changesFor)(result.contact, fields);
    if (!changes)
        return { contact: result.contact, action: 'unchanged', removed: result.removed };
    const { body } = await session.patch((0, contacts_1.contactPath)(session.root, result.contact.id), changes, { idempotent: true });
    return { contact: body, action: 'updated', removed: result.removed };
}
async function processAction(msg, cfg) {
    const upsert = parseUpsert(msg.body);
    const session = (0, session_1.createSession)(cfg, this);
    const collection = (0, contacts_1.contactsPath)(session.root, cfg.contactFolderId);
    let outcome;
    try {
        outcome = await upsertOnce(session, this, collection, upsert);
    }
    catch (err) {
        // The contact found was deleted before it could be updated (by a concurrent run removing a duplicate, or a person): once more.
        if (!(err instanceof errors_2.GraphRequestError && err.statusCode === 404 && err.code === 'ErrorItemNotFound'))
            throw err;
        outcome = await upsertOnce(session, this, collection, upsert);
    }
    this.logger.info(`Contact ${outcome.action}${outcome.removed ? `; ${outcome.removed} duplicate(s) removed` : ''}`);
    return (0, messages_1.newMessageWithBody)({ ...(0, contacts_1.contactOutput)(outcome.contact), action: outcome.action });
}
var dropdowns_1 = require("../platform/dropdowns");
Object.defineProperty(exports, "getContactFolders", { enumerable: true, get: function () { return dropdowns_1.getContactFolders; } });
