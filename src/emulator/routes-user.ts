/** The user object itself (/me, /users/{id}) and contacts. */
import { CONTACT } from './entity-contact';
import { USER } from './entity-user';
import { graphJson } from './http';
import { render } from './entity';
import { itemResponse, listResponse, lookup } from './graph-request';
import type { GraphHandler, GraphRoute } from './graph-request';
import { parseSelect } from './odata';

const getUser: GraphHandler = (req) => {
  const select = parseSelect(USER, req.params.get('$select'));
  return graphJson(200, {
    '@odata.context': `${req.world.baseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
    ...render(USER, req.mailbox.user, req.render, select),
  });
};

const listContacts: GraphHandler = (req) => listResponse(req, CONTACT, req.mailbox.contacts, 'contacts');

const getContact: GraphHandler = (req, { contactId }) =>
  itemResponse(req, CONTACT, lookup(contactId, (id) => req.mailbox.contact(id)), 'contacts');

export const USER_ROUTES: readonly GraphRoute[] = [
  { method: 'GET', pattern: '', handler: getUser, permission: 'User' },
  { method: 'GET', pattern: '/contacts', handler: listContacts, permission: 'Contacts.Read' },
  { method: 'GET', pattern: '/contacts/{contactId}', handler: getContact, permission: 'Contacts.Read' },
];
