'use strict';

// Graph's contacts as nock, for specs that run the contact steps on the wire without the emulator:
// an in-memory folder of contacts shaped like Microsoft's published examples (contact-get.md),
// answering the requests the steps make (lists filtered by address, display name, the marker or
// lastModifiedDateTime; POST, PATCH, DELETE, GET by id; the folder lists), every answer with a Date
// header from a clock that moves 3 s per request, so a step confirming its create is done after
// one wait. Everything is visible at once: the replication delay is the emulator's business.
const nock = require('nock');
const { GRAPH } = require('./setup');

const START = Date.parse('2026-03-10T09:00:00Z');
const MARKER = /singleValueExtendedProperties\/any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/i;

/** A contact as Graph returns one (contact-get.md), with the properties the steps read. */
function graphContact(overrides = {}) {
  return {
    '@odata.etag': 'W/"EQAAABYAAACd9nJ/tVysQos2hTfspaWRAAADTIa4"',
    id: 'AAMkAGI2THk0AAA=',
    changeKey: 'EQAAABYAAACd9nJ/tVysQos2hTfspaWRAAADTIa4',
    parentFolderId: 'AAMkAGI2AAEOAAA=',
    displayName: 'Garth Fort',
    givenName: 'Garth',
    middleName: null,
    surname: 'Fort',
    nickName: 'Garth',
    emailAddresses: [{ name: 'Garth', address: 'garth@contoso.example' }],
    businessPhones: ['+1 918 555 0101'],
    homePhones: [],
    mobilePhone: null,
    companyName: 'Contoso, Inc.',
    jobTitle: 'Web Marketing Manager',
    department: 'Sales & Marketing',
    businessAddress: { street: '10 Contoso Way', city: 'Redmond', state: 'WA', countryOrRegion: 'USA', postalCode: '98075' },
    homeAddress: {},
    otherAddress: {},
    birthday: '1974-07-22T11:59:00Z',
    categories: [],
    personalNotes: null,
    createdDateTime: '2026-01-19T23:08:24Z',
    lastModifiedDateTime: '2026-01-19T23:08:24Z',
    ...overrides,
  };
}

/**
 * Starts the fake on every mailbox root (/v1.0/me and /v1.0/users/{x}). `contacts` seeds it;
 * returns {contacts, requests, posted, folders, postFaults}: the live list, every request as "METHOD
 * path?query", the bodies POSTed (and PATCHed: `patched`), the folder list to answer, and faults for the next POSTs, in
 * order: 'lost' (the contact is created, the answer is a 504) or a status (nothing created, that
 * status answered).
 */
function contactGraph({ contacts = [], folders = [] } = {}) {
  const state = { contacts: contacts.map((c) => ({ marker: undefined, ...c })), requests: [], folders, postFaults: [], posted: [], patched: [] };
  let now = START;
  let serial = 0;
  const date = () => { now += 3000; return { Date: new Date(now).toUTCString() }; };
  const stamp = () => new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  // The marker stays on the fake's side, as Graph shows extended properties only when asked.
  const publicOf = (c) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== 'marker'));
  const scope = nock(GRAPH).persist();
  const root = '/v1\\.0/(?:me|users/[^/]+)';
  const collection = new RegExp(`^${root}/(contacts|contactFolders/[^/]+/contacts)(\\?|$)`);
  const one = new RegExp(`^${root}/contacts/([^/?]+)`);
  const folderList = new RegExp(`^${root}/contactFolders$`);

  scope.get(/.*/).query(true).reply((uri) => {
    state.requests.push(`GET ${uri}`);
    const url = new URL(uri, GRAPH);
    if (folderList.test(url.pathname)) return [200, { value: state.folders }, date()];
    if (url.pathname.endsWith('/childFolders')) return [200, { value: [] }, date()];
    const byId = one.exec(url.pathname);
    if (byId) {
      const found = state.contacts.find((c) => c.id === decodeURIComponent(byId[1]));
      return found ? [200, publicOf(found), date()] : [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }, date()];
    }
    if (!collection.test(url.pathname)) return [404, { error: { code: 'UnexpectedRequest', message: uri } }];
    const filter = url.searchParams.get('$filter') || '';
    const address = /emailAddresses\/any\(a:a\/address eq '([^']*)'\)/.exec(filter);
    const marker = MARKER.exec(filter);
    const name = /^displayName eq '(.*)'$/.exec(filter);
    const since = /lastModifiedDateTime ge (\S+)/.exec(filter);
    const value = state.contacts.filter((c) => {
      if (address) return c.emailAddresses.some((e) => e.address.toLowerCase() === address[1].replace(/''/g, "'").toLowerCase());
      if (marker) return c.marker === marker[2];
      if (name) return (c.displayName || '').toLowerCase() === name[1].replace(/''/g, "'").toLowerCase();
      if (since) return Date.parse(c.lastModifiedDateTime) >= Date.parse(since[1]);
      return true;
    }).map(publicOf);
    return [200, { value }, date()];
  });

  scope.post(collection).reply((uri, body) => {
    state.requests.push(`POST ${uri}`);
    state.posted.push(body);
    const fault = state.postFaults.shift();
    if (typeof fault === 'number') return [fault, { error: { code: fault === 429 ? 'ApplicationThrottled' : 'ServiceUnavailable', message: 'Injected.' } }, { ...date(), 'Retry-After': '0' }];
    serial += 1;
    const { singleValueExtendedProperties: marks = [], ...fields } = body;
    const contact = graphContact({
      id: `AAMkContact${String(serial).padStart(40, '0')}=`,
      createdDateTime: stamp(),
      lastModifiedDateTime: stamp(),
      displayName: [fields.givenName, fields.middleName, fields.surname].filter(Boolean).join(' ') || null,
      givenName: null, surname: null, nickName: null, emailAddresses: [], businessPhones: [], companyName: null, jobTitle: null, department: null, businessAddress: {}, birthday: null,
      ...fields,
    });
    contact.emailAddresses = contact.emailAddresses.map((e) => ({ name: e.name || e.address, address: e.address }));
    state.contacts.push({ ...contact, marker: marks[0] && marks[0].value });
    if (fault === 'lost') return [504, { error: { code: 'GatewayTimeout', message: 'Injected after the create.' } }, date()];
    return [201, contact, date()];
  });

  scope.patch(one).reply((uri, body) => {
    state.requests.push(`PATCH ${uri}`);
    state.patched.push(body);
    const found = state.contacts.find((c) => c.id === decodeURIComponent(one.exec(uri.split('?')[0])[1]));
    if (!found) return [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }, date()];
    Object.assign(found, body, { changeKey: `CK${state.requests.length}`, lastModifiedDateTime: stamp() });
    return [200, publicOf(found), date()];
  });

  scope.delete(one).reply((uri) => {
    state.requests.push(`DELETE ${uri}`);
    const at = state.contacts.findIndex((c) => c.id === decodeURIComponent(one.exec(uri)[1]));
    if (at < 0) return [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }, date()];
    state.contacts.splice(at, 1);
    return [204, '', date()];
  });
  return state;
}

module.exports = { contactGraph, graphContact };
