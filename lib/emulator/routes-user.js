"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER_ROUTES = void 0;
/** The user object itself (/me, /users/{id}) and contacts. */
const entity_contact_1 = require("./entity-contact");
const entity_user_1 = require("./entity-user");
const http_1 = require("./http");
const entity_1 = require("./entity");
const graph_request_1 = require("./graph-request");
const odata_1 = require("./odata");
const getUser = (req) => {
    const select = (0, odata_1.parseSelect)(entity_user_1.USER, req.params.get('$select'));
    return (0, http_1.graphJson)(200, {
        '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
        ...(0, entity_1.render)(entity_user_1.USER, req.mailbox.user, req.render, select),
    });
};
const listContacts = (req) => (0, graph_request_1.listResponse)(req, entity_contact_1.CONTACT, req.mailbox.contacts, 'contacts');
const getContact = (req, { contactId }) => (0, graph_request_1.itemResponse)(req, entity_contact_1.CONTACT, (0, graph_request_1.lookup)(contactId, (id) => req.mailbox.contact(id)), 'contacts');
exports.USER_ROUTES = [
    { method: 'GET', pattern: '', handler: getUser, permission: 'User' },
    { method: 'GET', pattern: '/contacts', handler: listContacts, permission: 'Contacts.Read' },
    { method: 'GET', pattern: '/contacts/{contactId}', handler: getContact, permission: 'Contacts.Read' },
];
