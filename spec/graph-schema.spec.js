'use strict';

// Everything the component selects, filters on, orders by or sends, checked offline against
// Microsoft's published Graph v1.0 metadata (shared/graph-schema/outlook-v1.0.json, a sibling of
// the component root). The file is not part of the component, so without it these specs skip.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const {
  SCHEMA_PATH, loadGraphSchema, members, derivesFrom, enumMembers, isEnumMember, checkValue, operation,
} = require('./helpers/graphSchema');
const { MAIL_FIELDS, mailPollSpec, getFolders, process: pollMail } = require('../lib/mail/getNewMail');
const { EVENT_FIELDS, eventPollSpec, getCalendars, process: pollEvents } = require('../lib/calendar/getNewAndUpdatedEvents');
const { buildSendMailRequest } = require('../lib/graph/outgoingMail');
const { parseMailInput } = require('../lib/validation/mailInput');
const { mailChangesSpec } = require('../lib/mail/getMailFolderChanges');
const { eventChangesSpec } = require('../lib/calendar/getEventChanges');
const { contactChangesSpec } = require('../lib/contacts/getContactChanges');
const { buildEvent } = require('../lib/calendar/createEvent');
const verifyCredentials = require('../verifyCredentials');
const { stepDef, readSchema } = require('./helpers/metadata');

const schema = loadGraphSchema();

/** The query options of the one request nock saw, decoded. */
function queryOf(uri) {
  return Object.fromEntries(new URL(uri, GRAPH).searchParams);
}

/** Property names an OData $filter / $orderby expression refers to (identifiers before an operator). */
function filterProperties(expression) {
  return [...expression.matchAll(/([A-Za-z][\w/]*)\s+(?:eq|ne|gt|ge|lt|le|asc|desc)\b/g)].map((m) => m[1]);
}

function expectProperty(typeName, property) {
  expect(members(schema, typeName), `${property} is not a property of ${typeName} in Graph v1.0`).to.have.property(property);
}

  /** Problems with a step schema's properties read as members of Graph type `typeName`, nested ones included. */
  function missingMembers(node, typeName, where) {
    const known = members(schema, typeName);
    return Object.entries(node.properties || {}).flatMap(([name, prop]) => {
      const def = known[name];
      if (!def) return [`${where}.${name} is not a property of ${typeName}`];
      const inner = prop.items || prop;
      return inner.properties ? missingMembers(inner, def.type, `${where}.${name}`) : [];
    });
  }

describe('Graph v1.0 schema conformance', function graphSchema() {
  before(function needSchema() {
    if (!schema) {
      // eslint-disable-next-line no-console
      console.log(`      (skipped: ${SCHEMA_PATH} not found; the Graph schema extract lives outside the component)`);
      this.skip();
    }
  });

  describe('the checker itself', () => {
    it('walks base types: message has the members of outlookItem and entity', () => {
      const message = members(schema, 'message');
      for (const inherited of ['id', 'categories', 'changeKey', 'createdDateTime', 'lastModifiedDateTime']) expect(message).to.have.property(inherited);
      expect(derivesFrom(schema, 'fileAttachment', 'attachment')).to.equal(true);
      expect(derivesFrom(schema, 'attachment', 'fileAttachment')).to.equal(false);
    });

    it('reports unknown properties, bad enum values, wrong types and foreign @odata.type values', () => {
      const problems = checkValue(schema, 'message', {
        subject: 'x',
        importance: 'urgent',
        toRecipients: [{ emailAddress: { address: 'a@example.com', displayName: 'A' } }],
        isRead: 'no',
        attachments: [{ '@odata.type': '#microsoft.graph.event', name: 'x' }],
        fooBar: 1,
      });
      expect(problems).to.have.length(5);
      expect(problems.join('\n')).to.include('importance').and.include('displayName').and.include('isRead')
        .and.include('does not derive from attachment').and.include('fooBar');
    });
  });

  describe('what the triggers read', () => {
    it('every MAIL_FIELDS entry is a message property', () => {
      expect(MAIL_FIELDS.length).to.be.above(5);
      for (const field of MAIL_FIELDS) expectProperty('message', field);
    });

    it('every EVENT_FIELDS entry is an event property', () => {
      expect(EVENT_FIELDS.length).to.be.above(5);
      for (const field of EVENT_FIELDS) expectProperty('event', field);
    });

    it('the cursor and filter fields exist with the types the cursor needs', () => {
      const message = members(schema, 'message');
      const event = members(schema, 'event');
      expect(message.receivedDateTime.type).to.equal('Edm.DateTimeOffset');
      expect(message.isRead.type).to.equal('Edm.Boolean');
      expect(event.lastModifiedDateTime.type).to.equal('Edm.DateTimeOffset');
      expect(event.changeKey.type).to.equal('Edm.String');
    });

    it('the mail poll spec filters and orders on message properties only', () => {
      const spec = mailPollSpec({ pollOnlyUnreadMail: true }, '/me');
      expect(spec.timeField).to.equal('receivedDateTime');
      expectProperty('message', spec.timeField);
      const filtered = filterProperties(spec.extraFilter);
      expect(filtered).to.deep.equal(['isRead']);
      for (const field of spec.select) expectProperty('message', field);
    });

    it('the event poll spec filters and orders on event properties only', () => {
      const spec = eventPollSpec({}, '/me');
      expect(spec.timeField).to.equal('lastModifiedDateTime');
      expectProperty('event', spec.timeField);
      for (const field of spec.select) expectProperty('event', field);
    });

    it('the mail request really sent: $select, $filter and $orderby name message properties', async () => {
      let query;
      nock(GRAPH).get('/v1.0/me/mailFolders/inbox/messages').query(true).reply((uri) => { query = queryOf(uri); return [200, { value: [] }]; });
      await pollMail.call(createContext(), {}, cfgWith({ pollOnlyUnreadMail: true, startTime: '2026-01-01T00:00:00Z' }), {});
      const selected = query.$select.split(',');
      expect(selected).to.have.members([...MAIL_FIELDS]);
      for (const field of selected) expectProperty('message', field);
      const used = [...filterProperties(query.$filter), ...filterProperties(query.$orderby)];
      expect(used).to.include.members(['receivedDateTime', 'isRead']);
      for (const field of used) expectProperty('message', field);
      // Graph wants the $orderby property first in $filter (else 400 InefficientFilter).
      expect(filterProperties(query.$filter)[0]).to.equal(filterProperties(query.$orderby)[0]);
    });

    it('the event request really sent: $select, $filter and $orderby name event properties', async () => {
      let query;
      nock(GRAPH).get('/v1.0/me/calendar/events').query(true).reply((uri) => { query = queryOf(uri); return [200, { value: [] }]; });
      await pollEvents.call(createContext(), {}, cfgWith({ startTime: '2026-01-01T00:00:00Z' }), {});
      for (const field of query.$select.split(',')) expectProperty('event', field);
      const used = [...filterProperties(query.$filter), ...filterProperties(query.$orderby)];
      expect(used).to.include('lastModifiedDateTime');
      for (const field of used) expectProperty('event', field);
      expect(filterProperties(query.$filter)[0]).to.equal(filterProperties(query.$orderby)[0]);
    });

    it('the folder dropdown selects mailFolder properties', async () => {
      const selects = [];
      nock(GRAPH)
        .get('/v1.0/me/mailFolders').query(true).reply((uri) => { selects.push(queryOf(uri).$select); return [200, { value: [{ id: 'f1', displayName: 'Inbox', childFolderCount: 1 }] }]; })
        .get('/v1.0/me/mailFolders/f1/childFolders').query(true).reply((uri) => { selects.push(queryOf(uri).$select); return [200, { value: [] }]; });
      await getFolders.call(createContext(), cfgWith());
      expect(selects).to.have.length(2);
      for (const select of selects) {
        expect(select.split(',')).to.have.members(['id', 'displayName', 'childFolderCount']);
        for (const field of select.split(',')) expectProperty('mailFolder', field);
      }
      expect(members(schema, 'mailFolder')).to.have.property('childFolders');
    });

    it('the calendar dropdown selects calendar properties', async () => {
      let select;
      nock(GRAPH).get('/v1.0/me/calendars').query(true).reply((uri) => { select = queryOf(uri).$select; return [200, { value: [] }]; });
      await getCalendars.call(createContext(), cfgWith());
      expect(select.split(',')).to.have.members(['id', 'name', 'isDefaultCalendar', 'canEdit']);
      for (const field of select.split(',')) expectProperty('calendar', field);
    });
  });

  describe('what the contact steps read, filter on, send and emit', () => {
    const { CONTACT_FIELDS, MARKER_PROPERTY } = require('../lib/graph/contacts');
    const { contactPollSpec } = require('../lib/contacts/getNewAndUpdatedContacts');
    const { parseContactFields, parseClearFields, CONTACT_INPUT_FIELDS } = require('../lib/validation/contact');
    const { parseUpsert } = require('../lib/contacts/upsertContact');
    const FULL = {
      givenName: 'Pavel', middleName: 'J.', surname: 'Bansky', displayName: 'Pavel Bansky', nickName: 'Pav',
      emailAddresses: 'Pavel <pavelb@fabrikam.example>, pavel@home.example', businessPhones: '+1 555 0102; +1 555 0103', homePhones: '+1 555 0104',
      mobilePhone: '+1 555 0105', companyName: 'Fabrikam', jobTitle: 'Buyer', department: 'Purchasing',
      businessAddress: { street: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', countryOrRegion: 'USA' },
      homeAddress: { city: 'Seattle' }, otherAddress: { countryOrRegion: 'Canada' }, birthday: '1974-07-22', categories: 'Customers', personalNotes: 'Notes',
    };

    it('every CONTACT_FIELDS entry is a contact property, and the poll spec filters and orders on one', () => {
      for (const field of CONTACT_FIELDS) expectProperty('contact', field);
      const spec = contactPollSpec('/me', undefined);
      expectProperty('contact', spec.timeField);
      expect(members(schema, 'contact').lastModifiedDateTime.type).to.equal('Edm.DateTimeOffset');
      expect(members(schema, 'contact').changeKey.type).to.equal('Edm.String');
    });

    it('every input property a contact step takes is a contact property, and a full contact fits the schema', () => {
      for (const field of CONTACT_INPUT_FIELDS) expectProperty('contact', field);
      const contact = parseContactFields(FULL);
      expect(Object.keys(contact)).to.have.members([...CONTACT_INPUT_FIELDS]);
      expect(checkValue(schema, 'contact', contact)).to.deep.equal([]);
      for (const address of ['businessAddress', 'homeAddress', 'otherAddress']) expect(members(schema, 'contact')[address].type).to.equal('physicalAddress');
      expect(members(schema, 'contact').emailAddresses).to.include({ type: 'emailAddress', collection: true });
    });

    it('what Update Contact clears and Create or Update Contact sends fit the schema too', () => {
      const cleared = parseClearFields(CONTACT_INPUT_FIELDS.join(','), {});
      expect(checkValue(schema, 'contact', cleared)).to.deep.equal([]);
      const { fields } = parseUpsert({ ...FULL, emailAddress: 'key@fabrikam.example', emailAddresses: 'pavel@home.example' });
      expect(checkValue(schema, 'contact', fields)).to.deep.equal([]);
    });

    it('the marker is a single-value extended property the contact type has, in the named-property id format', () => {
      expect(members(schema, 'contact').singleValueExtendedProperties).to.include({ type: 'singleValueLegacyExtendedProperty', collection: true });
      for (const key of ['id', 'value']) expectProperty('singleValueLegacyExtendedProperty', key);
      expect(MARKER_PROPERTY).to.match(/^String \{[0-9a-f-]{36}\} Name \w+$/);
    });

    it('the requests really sent select, filter and order on contact properties', async () => {
      const queries = [];
      nock(GRAPH).persist().get(/\/v1\.0\/me\/(contacts|contactFolders)/).query(true).reply((uri) => { queries.push(queryOf(uri)); return [200, { value: [] }]; });
      const { process: poll } = require('../lib/contacts/getNewAndUpdatedContacts');
      const { process: lookup } = require('../lib/contacts/lookupContact');
      await poll.call(createContext(), {}, cfgWith({ contactFolderId: 'contacts', startTime: '2026-01-01T00:00:00Z' }), {});
      await lookup.call(createContext(), { body: { emailAddress: 'ann@example.com' } }, cfgWith());
      await lookup.call(createContext(), { body: { name: 'Ann' } }, cfgWith());
      nock.cleanAll();
      expect(queries).to.have.length(3);
      for (const query of queries) {
        for (const field of query.$select.split(',')) expectProperty('contact', field);
        // A lambda names a collection property, and a property of its members: emailAddresses/any(a:a/address eq ...).
        const lambdas = [...(query.$filter || '').matchAll(/(\w+)\/any\((\w+):\s*\2\/(\w+)/g)];
        for (const [, collection, , member] of lambdas) {
          expectProperty('contact', collection);
          expectProperty(members(schema, 'contact')[collection].type, member);
        }
        const plain = (query.$filter || '').replace(/\w+\/any\([^)]*\)/g, '');
        for (const field of [...filterProperties(plain), ...filterProperties(query.$orderby || '')]) expectProperty('contact', field);
      }
      expect(queries[1].$filter).to.match(/^emailAddresses\/any\(a:a\/address eq /);
      expect(filterProperties(queries[0].$filter)[0]).to.equal(filterProperties(queries[0].$orderby)[0]);
    });

    it('the contact folder dropdown selects contactFolder properties, and walks childFolders', async () => {
      const selects = [];
      nock(GRAPH)
        .get('/v1.0/me/contactFolders').query(true).reply((uri) => { selects.push(queryOf(uri).$select); return [200, { value: [{ id: 'f1', displayName: 'Suppliers' }] }]; })
        .get('/v1.0/me/contactFolders/f1/childFolders').query(true).reply((uri) => { selects.push(queryOf(uri).$select); return [200, { value: [] }]; });
      await require('../lib/contacts/createContact').getContactFolders.call(createContext(), cfgWith());
      for (const select of selects) for (const field of select.split(',')) expectProperty('contactFolder', field);
      expect(members(schema, 'contactFolder').childFolders.type).to.equal('contactFolder');
      for (const [owner, segment, target] of [['user', 'contacts', 'contact'], ['user', 'contactFolders', 'contactFolder'], ['contactFolder', 'contacts', 'contact']]) {
        expect(members(schema, owner)[segment].type, `${owner}/${segment}`).to.equal(target);
      }
    });

    it('every contact property of the contact steps\' out schemas is a contact property; the step flags are the only others', () => {
      const flags = { createContact: ['alreadyCreated'], updateContact: ['changed'], upsertContact: ['action'], lookupContact: ['found', 'matchCount'], getNewAndUpdatedContacts: [] };
      for (const [step, own] of Object.entries(flags)) {
        const properties = { ...readSchema(stepDef(step).metadata.out).properties };
        for (const flag of own) delete properties[flag];
        expect(missingMembers({ properties }, 'contact', step)).to.deep.equal([]);
      }
    });
  });

  describe('what the event steps read, send and emit', () => {
    const { answerEventSteps } = require('./helpers/graphAnswers');
    const { EVENT_DETAIL_FIELDS } = require('../lib/graph/events');
    const lowerFirst = (name) => name[0].toLowerCase() + name.slice(1);

    /** Runs `step` on `body` against answers shaped like Graph's, and returns every request it made. */
    async function requestsOf(step, body, { isOrganizer = true } = {}) {
      const seen = [];
      const scope = answerEventSteps(nock, GRAPH, { isOrganizer });
      scope.on('request', (req, interceptor, requestBody) => {
        seen.push({ method: req.method, url: new URL(req.path, GRAPH), body: requestBody ? JSON.parse(requestBody) : undefined });
      });
      try {
        await require(`../lib/calendar/${step}`).process.call(createContext(), { id: 'schema-1', body, headers: {} }, cfgWith(), {});
      } finally {
        nock.cleanAll();
      }
      return seen;
    }

    it('every EVENT_DETAIL_FIELDS entry is an event property', () => {
      for (const field of EVENT_DETAIL_FIELDS) expectProperty('event', field);
    });

    it('the requests of Update, Cancel, Respond, Get and Find Events select and order on event properties, and walk event navigation', async () => {
      const runs = [
        await requestsOf('updateEvent', { eventId: 'AAMkSeries1=', occurrenceStart: '2026-03-17', subject: 'Moved' }),
        await requestsOf('cancelEvent', { eventId: 'AAMkSeries1=', comment: 'Sorry' }),
        await requestsOf('respondToEvent', { eventId: 'AAMkSeries1=', response: 'accept' }, { isOrganizer: false }),
        await requestsOf('getEvent', { eventId: 'AAMkSeries1=' }),
        await requestsOf('lookupEvents', { windowStart: '2026-03-01', windowEnd: '2026-04-01' }),
      ];
      const reads = runs.flat().filter((r) => r.method === 'GET');
      expect(reads.length).to.be.at.least(5);
      for (const { url } of reads) {
        const query = Object.fromEntries(url.searchParams);
        for (const field of (query.$select || '').split(',').filter(Boolean)) expectProperty('event', field);
        for (const field of filterProperties(query.$orderby || '')) expectProperty('event', field.split('/')[0]);
        const segment = url.pathname.split('/').pop();
        if (['instances', 'attachments'].includes(segment)) expect(members(schema, 'event')[segment], segment).to.be.an('object');
        if (segment === 'calendarView') expect(members(schema, 'calendar').calendarView.type).to.equal('event');
      }
    });

    it('Update Event\'s PATCH fits the event type, recurrence and places included', async () => {
      const [patch] = (await requestsOf('updateEvent', {
        eventId: 'AAMkSeries1=', subject: 'Renamed', start: '2026-03-10T10:00:00', end: '2026-03-10T11:00:00', timeZone: 'Europe/Berlin',
        recurrence: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6', locations: [{ name: 'HQ', street: '1 Main St', city: 'Berlin' }, 'Room 2'],
        allowNewTimeProposals: false, requiredAttendees: 'ann@example.com', attendeesMode: 'add', showAs: 'busy', categories: 'Blue',
      })).filter((r) => r.method === 'PATCH');
      expect(patch.body).to.include.keys('subject', 'start', 'end', 'recurrence', 'locations', 'allowNewTimeProposals', 'attendees');
      expect(checkValue(schema, 'event', patch.body)).to.deep.equal([]);
    });

    it('cancel, accept, tentativelyAccept and decline are actions bound to event; each body holds only their parameters, in their types', async () => {
      const bodies = [
        ...(await requestsOf('cancelEvent', { eventId: 'AAMkSeries1=', comment: 'Sorry' })),
        ...(await requestsOf('respondToEvent', { eventId: 'AAMkSeries1=', response: 'accept', comment: 'Yes' }, { isOrganizer: false })),
        ...(await requestsOf('respondToEvent', { eventId: 'AAMkSeries1=', response: 'tentativelyAccept', proposedStart: '2026-03-18T09:00:00Z' }, { isOrganizer: false })),
        ...(await requestsOf('respondToEvent', { eventId: 'AAMkSeries1=', response: 'decline', comment: 'No', sendResponse: false }, { isOrganizer: false })),
      ].filter((r) => r.method === 'POST');
      expect(bodies.map((r) => r.url.pathname.split('/').pop())).to.deep.equal(['cancel', 'accept', 'tentativelyAccept', 'decline']);
      for (const { url, body } of bodies) {
        const op = operation(schema, url.pathname.split('/').pop(), 'event');
        expect(op, url.pathname).to.be.an('object');
        // Graph takes action parameters in any letter case; the schema spells them PascalCase.
        const params = Object.fromEntries(Object.entries(op.parameters).map(([name, def]) => [lowerFirst(name), def]));
        for (const [key, value] of Object.entries(body)) {
          expect(params, `${url.pathname}: ${key}`).to.have.property(key);
          if (params[key].type === 'timeSlot') expect(checkValue(schema, 'timeSlot', value)).to.deep.equal([]);
        }
      }
    });

    it('every property of the event steps\' out schemas is an event property, besides the step\'s own flags; a proposed time is a timeSlot', () => {
      const flags = { updateEvent: ['attachments'], getEvent: [], lookupEvents: ['results', 'page'] };
      for (const [step, own] of Object.entries(flags)) {
        const properties = { ...readSchema(stepDef(step).metadata.out).properties };
        for (const flag of own) delete properties[flag];
        expect(properties, step).to.include.keys('id', 'start', 'end', 'attendees', 'recurrence', 'locations');
        expect(missingMembers({ properties }, 'event', step)).to.deep.equal([]);
      }
      const { proposedNewTime } = readSchema(stepDef('respondToEvent').metadata.out).properties;
      expect(missingMembers(proposedNewTime, 'timeSlot', 'proposedNewTime')).to.deep.equal([]);
    });
  });

  describe('what the mail toolbox reads, filters on and sends', () => {
    const { answerToolbox, platformStorage } = require('./helpers/mailToolbox');
    const { loadStep } = require('./helpers/sailor');
    /** Every request the steps make while `work` runs: method, path, decoded query, JSON body. */
    async function recorded(work) {
      const seen = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = async (input, init = {}) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        const text = request.body ? await request.clone().text() : '';
        if (url.origin === GRAPH) seen.push({ method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: text ? JSON.parse(text) : undefined });
        return realFetch(request);
      };
      const undo = [answerToolbox({ hasAttachments: true }), platformStorage()];
      try {
        await work();
      } finally {
        globalThis.fetch = realFetch;
        undo.forEach((fn) => fn());
      }
      return seen;
    }
    const runStep = (step, body, cfg = {}) => loadStep(step).process.call(createContext(), { id: 'm-1', body, headers: {} }, cfgWith(cfg), {});
    /** The Graph type a request's path lists or reads. */
    const typeOf = (path) => (/\/attachments(\/[^/]+)?$/.test(path) ? 'fileAttachment' : /\/(mailFolders|childFolders)(\/[^/]+)?$/.test(path) ? 'mailFolder' : 'message');

    it('every property each step selects, filters on (in functions and lambdas too) or orders by is one of the type it reads', async () => {
      const seen = await recorded(async () => {
        await runStep('getMail', { messageId: 'AAMkMail1' }, { storeAttachments: true });
        await runStep('getMail', { internetMessageId: '<a@b.example>' });
        await runStep('lookupMails', { from: 'ann@example.com', subjectContains: 'Q1', receivedAfter: '2026-01-01', receivedBefore: '2026-02-01', isRead: false, hasAttachments: true, importance: 'high', categories: 'Red' });
        await runStep('lookupMails', { searchQuery: 'invoice', isRead: true });
        await runStep('moveMail', { messageId: 'AAMkMail1', destinationFolderPath: 'Inbox/Projects' });
        await runStep('copyMail', { messageId: 'AAMkMail1', destinationFolderId: 'archive' });
        await runStep('updateMail', { messageId: 'AAMkMail1', categories: 'Red', categoriesMode: 'add' });
        await runStep('deleteMail', { messageId: 'AAMkMail1' });
        await runStep('lookupFolder', { path: 'Inbox/Projects/Alpha' }, { createMissing: true });
      });
      const reads = seen.filter((r) => r.method === 'GET' && !r.path.endsWith('/$value'));
      expect(reads.length).to.be.above(10);
      const filters = [];
      for (const { path, query } of reads) {
        const type = typeOf(path);
        for (const field of (query.$select || '').split(',').filter(Boolean)) {
          // A cast (microsoft.graph.fileAttachment/contentId) names the derived type's member.
          const cast = /^microsoft\.graph\.(\w+)\/(\w+)$/.exec(field);
          if (cast) expectProperty(cast[1], cast[2]);
          else expectProperty(type, field);
        }
        const filter = query.$filter || '';
        filters.push(filter);
        for (const [, collection] of filter.matchAll(/(\w+)\/any\(/gi)) expect(members(schema, type)[collection], `${collection} of ${type}`).to.include({ collection: true });
        for (const [, property] of filter.matchAll(/(?:contains|startswith)\((\w+),/g)) expectProperty(type, property);
        const plain = filter.replace(/\w+\/any\([^)]*\)/gi, '');
        for (const field of [...filterProperties(plain), ...filterProperties(query.$orderby || '')]) {
          const [head, ...rest] = field.split('/');
          expectProperty(type, head);
          // from/emailAddress/address: each step of the path a member of the one before.
          rest.reduce((owner, member) => { expectProperty(owner, member); return members(schema, owner)[member].type; }, members(schema, type)[head].type);
        }
      }
      expect(filters.join(' ')).to.match(/contains\(subject,/).and.match(/categories\/any\(/).and.match(/from\/emailAddress\/address eq/).and.match(/internetMessageId eq/);
    });

    it('what the writes send: move and copy take DestinationId, a folder is a mailFolder, an update a message', async () => {
      // The one folder not found, so that it is created.
      nock(GRAPH).get(/\/childFolders$/).query(true).reply(200, { value: [] });
      const seen = await recorded(async () => {
        await runStep('moveMail', { messageId: 'AAMkMail1', destinationFolderId: 'AAMkFolder9' });
        await runStep('copyMail', { messageId: 'AAMkMail1', destinationFolderId: 'AAMkFolder9' });
        await runStep('updateMail', { messageId: 'AAMkMail1', isRead: true, flagDueDate: '2026-03-10', importance: 'high', categories: 'Red, Blue' });
        await runStep('updateMail', { messageId: 'AAMkMail1', flagStatus: 'complete' });
        await runStep('deleteMail', { messageId: 'AAMkMail1', permanent: true });
        await runStep('lookupFolder', { path: 'Inbox/New one' }, { createMissing: true });
      });
      const writes = seen.filter((r) => r.method !== 'GET');
      for (const action of ['move', 'copy']) {
        const op = operation(schema, action, 'message');
        const sent = writes.find((r) => r.path.endsWith(`/${action}`));
        expect(Object.keys(sent.body).map((k) => k.toLowerCase())).to.deep.equal(Object.keys(op.parameters).map((k) => k.toLowerCase()));
      }
      expect(operation(schema, 'permanentDelete', 'message')).to.be.an('object');
      expect(writes.some((r) => r.path.endsWith('/permanentDelete'))).to.equal(true);
      // The copy's mark (its duplicate check's key), then the two updates.
      const patches = writes.filter((r) => r.method === 'PATCH').map((r) => r.body);
      expect(patches).to.have.length(3);
      for (const body of patches) expect(checkValue(schema, 'message', body)).to.deep.equal([]);
      expect(Object.keys(patches[0])).to.deep.equal(['singleValueExtendedProperties']);
      expect(patches[1].flag).to.include.keys('flagStatus', 'startDateTime', 'dueDateTime');
      const folder = writes.find((r) => r.method === 'POST' && /\/childFolders$/.test(r.path)).body;
      expect(checkValue(schema, 'mailFolder', folder)).to.deep.equal([]);
    });
  });

  describe('what the out schemas promise', () => {

    it('every property of the mail trigger\'s out schema, nested ones included, is a message property in Graph v1.0; the stored attachments\' Graph properties are fileAttachment\'s', () => {
      // attachments is the component's list of stored files, results and page the emitPage wrapper.
      const { attachments, results, page, ...mail } = readSchema(stepDef('getNewMail').metadata.out).properties;
      expect(missingMembers({ properties: mail }, 'message', '$')).to.deep.equal([]);
      expect(results.items.properties).to.deep.equal({ ...mail, attachments });
      const { url, kind, skipped, ...fromGraph } = attachments.items.properties;
      expect([url, kind, skipped, page].every((p) => p && p.type)).to.equal(true);
      expect(missingMembers({ properties: fromGraph }, 'fileAttachment', '$.attachments')).to.deep.equal([]);
    });

    it('Mail Changes in Folder: its message is a Graph message, nested properties included', () => {
      const { message } = readSchema(stepDef('getMailFolderChanges').metadata.out).properties;
      expect(missingMembers(message, 'message', '$.message')).to.deep.equal([]);
    });

    it('Contact Changes: its contact is a Graph contact, nested properties included', () => {
      const { contact } = readSchema(stepDef('getContactChanges').metadata.out).properties;
      expect(missingMembers(contact, 'contact', '$.contact')).to.deep.equal([]);
    });

    it('Calendar Changes: its event is a Graph event, nested properties included', () => {
      const { event } = readSchema(stepDef('getEventChanges').metadata.out).properties;
      expect(missingMembers(event, 'event', '$.event')).to.deep.equal([]);
    });

    it('every property of the events trigger\'s out schema, nested ones included, is an event property in Graph v1.0', () => {
      expect(missingMembers(readSchema(stepDef('getNewAndUpdatedEvents').metadata.out), 'event', '$')).to.deep.equal([]);
    });

    it('Create Event\'s output takes its properties from Graph\'s event, joinUrl from onlineMeeting', () => {
      const { joinUrl, ...fromEvent } = readSchema(stepDef('createEvent').metadata.out).properties;
      expect(missingMembers({ properties: fromEvent }, 'event', '$')).to.deep.equal([]);
      expect(members(schema, 'onlineMeetingInfo')).to.have.property('joinUrl');
      expect(joinUrl.type).to.equal('string');
    });
  });

  describe('the delta queries', () => {
    it('Mail Changes in Folder calls delta bound to a message collection, selecting message properties only', () => {
      expect(operation(schema, 'delta', 'message'), 'delta bound to message').to.include({ kind: 'function', bindingCollection: true });
      const { chains } = mailChangesSpec({ changeTypes: ['created', 'updated', 'deleted'] }, '/me');
      for (const chain of chains) {
        expect(chain.initialPath).to.match(/\/mailFolders\/inbox\/messages\/delta\?/);
        const select = new URL(chain.initialPath, GRAPH).searchParams.get('$select');
        for (const field of select.split(',')) expectProperty('message', field);
      }
    });

    it('Calendar Changes calls delta bound to an event collection on calendarView (the user\'s, or a calendar\'s), with the window and no other option', () => {
      expect(operation(schema, 'delta', 'event'), 'delta bound to event').to.include({ kind: 'function', bindingCollection: true });
      for (const nav of [['user', 'calendarView'], ['calendar', 'calendarView']]) expect(members(schema, nav[0])[nav[1]].type, nav.join('/')).to.equal('event');
      const window = { start: Date.parse('2026-10-28T00:00:00Z') / 1000, end: Date.parse('2027-11-28T00:00:00Z') / 1000 };
      for (const [calendarId, path] of [[undefined, '/me/calendarView/delta'], ['AAMkCal=', '/me/calendars/AAMkCal%3D/calendarView/delta']]) {
        const [chain] = eventChangesSpec({ calendarId }, '/me').chains;
        const url = new URL(`${GRAPH}/v1.0${chain.initialPath({ window })}`);
        expect(url.pathname).to.equal(`/v1.0${path}`);
        expect([...url.searchParams.keys()]).to.deep.equal(['startDateTime', 'endDateTime']);
      }
    });
  });

  describe('the contact delta query', () => {
    it('Contact Changes calls delta bound to a contact collection under a contact folder (the default by its well-known name), selecting contact properties only', () => {
      expect(operation(schema, 'delta', 'contact'), 'delta bound to contact').to.include({ kind: 'function', bindingCollection: true });
      expect(members(schema, 'contactFolder').contacts.type).to.equal('contact');
      for (const [contactFolderId, path] of [[undefined, '/me/contactFolders/contacts/contacts/delta'], ['AAMkF=', '/me/contactFolders/AAMkF%3D/contacts/delta']]) {
        const [chain] = contactChangesSpec({ contactFolderId }, '/me').chains;
        const url = new URL(`${GRAPH}/v1.0${chain.initialPath}`);
        expect(url.pathname).to.equal(`/v1.0${path}`);
        expect([...url.searchParams.keys()]).to.deep.equal(['$select']);
        for (const field of url.searchParams.get('$select').split(',')) expectProperty('contact', field);
      }
    });
  });

  describe('the paths the component walks', () => {
    it('verifyCredentials selects user properties from /me', async () => {
      let select;
      nock(GRAPH).get('/v1.0/me').query(true).reply((uri) => { select = queryOf(uri).$select; return [200, { id: 'u1' }]; });
      await verifyCredentials.call(createContext(), cfgWith());
      expect(select.split(',')).to.include('id');
      for (const field of select.split(',')) expectProperty('user', field);
    });

    it('every navigation segment used is a navigation property of the type it hangs off', () => {
      const segments = [
        ['user', 'mailFolders', 'mailFolder'], ['mailFolder', 'messages', 'message'], ['mailFolder', 'childFolders', 'mailFolder'],
        ['user', 'calendar', 'calendar'], ['user', 'calendars', 'calendar'], ['calendar', 'events', 'event'],
      ];
      for (const [owner, segment, target] of segments) {
        const nav = members(schema, owner)[segment];
        expect(nav, `${owner}/${segment}`).to.be.an('object');
        expect(nav.type, `${owner}/${segment}`).to.equal(target);
      }
    });
  });

  describe('what Send Mail sends', () => {
    const draft = parseMailInput({
      to: 'Ann <ann@example.com>, bob@example.com',
      cc: 'carol@example.com',
      bcc: [{ address: 'dan@example.com', name: 'Dan' }],
      replyTo: 'replies@example.com',
      subject: 'Report',
      body: '<p>Hi</p>',
      bodyContentType: 'html',
      importance: 'high',
      saveToSentItems: false,
    });
    const files = [{ name: 'a.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7') }];
    const request = buildSendMailRequest(draft, files);

    it('the sendMail action takes Message and SaveToSentItems (case-insensitive), and nothing else is sent', () => {
      const op = operation(schema, 'sendMail', 'user');
      expect(op, 'sendMail bound to user').to.be.an('object');
      const params = Object.keys(op.parameters).map((p) => p.toLowerCase());
      expect(params).to.include.members(['message', 'savetosentitems']);
      for (const key of Object.keys(request)) expect(params, key).to.include(key.toLowerCase());
      const message = Object.entries(op.parameters).find(([p]) => p.toLowerCase() === 'message')[1];
      expect(message.type).to.equal('message');
    });

    it('every key of message is a message property, and the whole body fits the schema', () => {
      expect(Object.keys(request.message)).to.include.members(['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'importance', 'attachments']);
      for (const key of Object.keys(request.message)) expectProperty('message', key);
      expect(checkValue(schema, 'message', request.message)).to.deep.equal([]);
    });

    it('recipients are {emailAddress: {address, name}}', () => {
      for (const list of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo']) {
        expect(members(schema, 'message')[list]).to.include({ type: 'recipient', collection: true });
        for (const recipient of request.message[list]) {
          expect(Object.keys(recipient)).to.deep.equal(['emailAddress']);
          for (const key of Object.keys(recipient)) expectProperty('recipient', key);
          for (const key of Object.keys(recipient.emailAddress)) expectProperty('emailAddress', key);
        }
      }
    });

    it('importance and body.contentType are enum members, for every value the action accepts', () => {
      expect(members(schema, 'message').importance.type).to.equal('importance');
      expect(members(schema, 'itemBody').contentType.type).to.equal('bodyType');
      for (const importance of ['low', 'normal', 'high']) {
        const { message } = buildSendMailRequest(parseMailInput({ to: 'a@example.com', importance }), []);
        expect(isEnumMember(schema, 'importance', message.importance), message.importance).to.equal(true);
      }
      for (const type of ['text', 'html', 'TEXT', 'Html']) {
        const { message } = buildSendMailRequest(parseMailInput({ to: 'a@example.com', bodyContentType: type }), []);
        expect(isEnumMember(schema, 'bodyType', message.body.contentType), message.body.contentType).to.equal(true);
      }
    });

    it("attachments name fileAttachment in '@odata.type', and carry only its properties", () => {
      expect(members(schema, 'message').attachments).to.include({ type: 'attachment', collection: true });
      for (const attachment of request.message.attachments) {
        expect(attachment['@odata.type']).to.equal('#microsoft.graph.fileAttachment');
        expect(derivesFrom(schema, attachment['@odata.type'].replace('#microsoft.graph.', ''), 'attachment')).to.equal(true);
        for (const key of Object.keys(attachment).filter((k) => !k.startsWith('@'))) expectProperty('fileAttachment', key);
      }
      expect(members(schema, 'fileAttachment').contentBytes.type).to.equal('Edm.Binary');
    });
  });

  describe('what the sending steps send and read (drafts, replies, forwards, the duplicate check)', () => {
    /** Every request of one run of `step`, with Graph answering as for a new draft. */
    async function wire(step, body) {
      const seen = [];
      const draft = { id: 'AAMkDraft=', isDraft: true, parentFolderId: 'AAMkDrafts=', subject: 'RE: Order', body: { contentType: 'html', content: '<html><body><p>q</p></body></html>' }, toRecipients: [] };
      const scope = nock(GRAPH).persist();
      for (const method of ['GET', 'POST', 'PATCH']) {
        scope.intercept(/.*/, method).query(true).reply((uri, sent) => {
          const url = new URL(uri, GRAPH);
          seen.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: sent });
          if (method === 'GET') return url.pathname.endsWith('/messages') ? [200, { value: [] }] : [200, draft];
          if (url.pathname.endsWith('/send')) return [202, ''];
          return [method === 'PATCH' ? 200 : 201, draft];
        });
      }
      try {
        await require(`../lib/mail/${step}`).process.call(createContext(), { id: `schema-${step}`, body, headers: {} }, cfgWith(), {});
      } finally {
        nock.cleanAll();
      }
      return seen;
    }

    it('the look-up selects message properties and filters on the key, a singleValueLegacyExtendedProperty of message', async () => {
      const [lookup] = await wire('sendMail', { to: 'ann@example.com', subject: 'Report' });
      expect(lookup).to.include({ method: 'GET', path: '/v1.0/me/messages' });
      for (const field of lookup.query.$select.split(',')) expectProperty('message', field);
      expect(lookup.query.$filter).to.match(/^singleValueExtendedProperties\/Any\(ep: ep\/id eq 'String \{[0-9a-f-]{36}\} Name \w+' and ep\/value eq '[0-9a-z-]+'\)$/);
      expect(members(schema, 'message').singleValueExtendedProperties).to.include({ type: 'singleValueLegacyExtendedProperty', collection: true });
      for (const key of ['id', 'value']) expectProperty('singleValueLegacyExtendedProperty', key);
    });

    it('Send Mail and Create Draft post a message that fits the schema, key included; send is an action of message', async () => {
      for (const step of ['sendMail', 'createDraft']) {
        const seen = await wire(step, { to: 'Ann <ann@example.com>', cc: 'bob@example.com', subject: 'Report', body: '<p>Hi</p>', bodyContentType: 'html', importance: 'high', replyTo: 'r@example.com' });
        const created = seen.find((r) => r.method === 'POST' && r.path === '/v1.0/me/messages');
        expect(checkValue(schema, 'message', created.body), step).to.deep.equal([]);
        expect(created.body.singleValueExtendedProperties).to.have.length(1);
      }
      expect(operation(schema, 'send', 'message'), 'send bound to message').to.be.an('object');
    });

    it('Reply to Mail and Forward Mail use createReply(All)/createForward with their parameters, and PATCH a message that fits the schema', async () => {
      for (const [step, body, action] of [
        ['replyToMail', { messageId: 'AAMkM=', body: 'Thanks', cc: 'ops@example.com' }, 'createReply'],
        ['replyToMail', { messageId: 'AAMkM=', replyAll: true, body: 'Thanks' }, 'createReplyAll'],
        ['forwardMail', { messageId: 'AAMkM=', to: 'bob@example.com', body: 'FYI' }, 'createForward'],
      ]) {
        const seen = await wire(step, body);
        const create = seen.find((r) => r.path.endsWith(`/${action}`));
        const op = operation(schema, action, 'message');
        expect(op, `${action} bound to message`).to.be.an('object');
        const params = Object.keys(op.parameters).map((p) => p.toLowerCase());
        for (const key of Object.keys(create.body || {})) expect(params, `${action} ${key}`).to.include(key.toLowerCase());
        if (create.body && create.body.message) expect(checkValue(schema, 'message', create.body.message)).to.deep.equal([]);
        const patch = seen.find((r) => r.method === 'PATCH');
        expect(checkValue(schema, 'message', patch.body), `${step} PATCH`).to.deep.equal([]);
      }
    });
  });

  describe('what Create Event sends', () => {
    const event = buildEvent({
      subject: 'Planning',
      body: 'Agenda',
      start: '2026-03-10T09:00:00',
      end: '2026-03-10T10:00:00',
      timeZone: 'Europe/Berlin',
      location: 'Room 1',
      requiredAttendees: 'Dora <dora@example.com>; "Doe, John" <john@example.com>',
      optionalAttendees: 'eve@example.com',
      resourceAttendees: 'Hall <hall@example.com>',
      attendees: [{ address: 'ann@example.com', name: 'Ann', type: 'optional' }, { address: 'room@example.com', type: 'resource' }, 'bob@example.com'],
      isOnlineMeeting: true,
      importance: 'low',
      showAs: 'tentative',
      sensitivity: 'private',
      reminderMinutesBeforeStart: 30,
      categories: 'Blue',
    });
    event.transactionId = '0a1b2c3d-0000-4000-8000-000000000000';

    it('sends the keys the action is expected to send', () => {
      expect(Object.keys(event)).to.include.members(['subject', 'body', 'start', 'end', 'isAllDay', 'attendees', 'importance', 'showAs',
        'sensitivity', 'categories', 'location', 'isOnlineMeeting', 'onlineMeetingProvider', 'isReminderOn', 'reminderMinutesBeforeStart', 'transactionId']);
    });

    it('every key is an event property, transactionId included, and the whole event fits the schema', () => {
      for (const key of Object.keys(event)) expectProperty('event', key);
      expectProperty('event', 'transactionId');
      expect(checkValue(schema, 'event', event)).to.deep.equal([]);
    });

    it('the typed attendee fields and attendees all reach Graph, each with an attendeeType', () => {
      expect(event.attendees.map((a) => `${a.emailAddress.address} ${a.type}`)).to.deep.equal([
        'dora@example.com required', 'john@example.com required', 'eve@example.com optional', 'hall@example.com resource',
        'ann@example.com optional', 'room@example.com resource', 'bob@example.com required',
      ]);
    });

    it('start/end are dateTimeTimeZone, location is a location, attendees are attendee with an attendeeType', () => {
      const props = members(schema, 'event');
      expect(props.start.type).to.equal('dateTimeTimeZone');
      for (const key of Object.keys(event.start)) expectProperty('dateTimeTimeZone', key);
      expect(props.location.type).to.equal('location');
      for (const key of Object.keys(event.location)) expectProperty('location', key);
      expect(props.attendees).to.include({ type: 'attendee', collection: true });
      expect(members(schema, 'attendee').type.type).to.equal('attendeeType');
      for (const attendee of event.attendees) {
        for (const key of Object.keys(attendee)) expectProperty('attendee', key);
        expect(isEnumMember(schema, 'attendeeType', attendee.type), attendee.type).to.equal(true);
      }
    });

    it('every showAs, sensitivity, importance and attendee type the action accepts is an enum member', () => {
      const base = { subject: 's', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' };
      for (const showAs of enumMembers(schema, 'freeBusyStatus')) {
        expect(buildEvent({ ...base, showAs }).showAs).to.equal(showAs);
      }
      for (const sensitivity of enumMembers(schema, 'sensitivity')) {
        expect(buildEvent({ ...base, sensitivity }).sensitivity).to.equal(sensitivity);
      }
      for (const type of enumMembers(schema, 'attendeeType')) {
        expect(buildEvent({ ...base, attendees: [{ address: 'a@example.com', type }] }).attendees[0].type).to.equal(type);
      }
      expect(members(schema, 'event').showAs.type).to.equal('freeBusyStatus');
      expect(members(schema, 'event').sensitivity.type).to.equal('sensitivity');
      expect(isEnumMember(schema, 'importance', buildEvent(base).importance)).to.equal(true);
    });

    it('onlineMeetingProvider teamsForBusiness is an onlineMeetingProviderType member', () => {
      expect(members(schema, 'event').onlineMeetingProvider.type).to.equal('onlineMeetingProviderType');
      expect(isEnumMember(schema, 'onlineMeetingProviderType', event.onlineMeetingProvider)).to.equal(true);
      expect(event.onlineMeetingProvider).to.equal('teamsForBusiness');
    });

    it('a series with several places and proposals off fits the schema: patternedRecurrence, locations, allowNewTimeProposals', () => {
      const series = buildEvent({
        subject: 's', start: '2026-03-10T09:00:00', end: '2026-03-10T10:00:00', timeZone: 'Europe/Berlin', recurrence: 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231',
        locations: [{ name: 'HQ', street: '1 Main St', city: 'Berlin', countryOrRegion: 'DE', email: 'hq@example.com' }, 'Room 2'], allowNewTimeProposals: false,
      });
      expect(series).to.include.keys('recurrence', 'locations', 'allowNewTimeProposals');
      expect(checkValue(schema, 'event', series)).to.deep.equal([]);
    });

    it('an all-day event in UTC fits the schema too', () => {
      const allDay = buildEvent({ subject: 's', start: '2026-03-10', end: '2026-03-11', isAllDay: true });
      expect(checkValue(schema, 'event', allDay)).to.deep.equal([]);
    });
  });
  describe('what the scheduling steps read and send (Events Starting Soon, Check Availability, Find Meeting Times)', () => {
    const upcoming = require('../lib/calendar/getUpcomingEvents');
    const availability = require('../lib/calendar/checkAvailability');
    const meeting = require('../lib/calendar/findMeetingTimes');
    /** Parameters of a bound action, lower-cased (Graph takes them in any case). */
    const params = (name, binding) => Object.fromEntries(Object.entries(operation(schema, name, binding).parameters).map(([k, v]) => [k.toLowerCase(), v]));

    it('Events Starting Soon selects event properties from calendar/calendarView, ordered by start', async () => {
      for (const field of upcoming.UPCOMING_FIELDS) expectProperty('event', field);
      expect(members(schema, 'calendar').calendarView).to.include({ type: 'event', collection: true });
      let query;
      nock(GRAPH).get('/v1.0/me/calendar').query(true).reply(200, { id: 'c' }, { Date: new Date().toUTCString() });
      nock(GRAPH).get('/v1.0/me/calendar/calendarView').query(true).reply((uri) => { query = queryOf(uri); return [200, { value: [] }, { Date: new Date().toUTCString() }]; });
      await upcoming.process.call(createContext(), {}, cfgWith(), {});
      for (const field of query.$select.split(',')) expectProperty('event', field);
      expect(filterProperties(query.$orderby)).to.deep.equal([]);
      expect(query.$orderby).to.equal('start/dateTime');
      expect(members(schema, 'event').start.type).to.equal('dateTimeTimeZone');
      expectProperty('dateTimeTimeZone', 'dateTime');
    });

    it("Events Starting Soon's out schema: event properties, besides the times it computes", () => {
      const { startsAt, endsAt, minutesToStart, late, ...fromEvent } = readSchema(stepDef('getUpcomingEvents').metadata.out).properties;
      for (const computed of [startsAt, endsAt, minutesToStart, late]) expect(computed).to.be.an('object');
      for (const name of Object.keys(fromEvent)) expectProperty('event', name);
      expect(members(schema, 'event').responseStatus.type).to.equal('responseStatus');
      for (const name of Object.keys(fromEvent.responseStatus.properties)) expectProperty('responseStatus', name);
    });

    it('Check Availability sends getSchedule its parameters, of their types; what it reads is scheduleInformation', () => {
      const body = availability.scheduleRequestBody(availability.parseAvailabilityInput({ schedules: 'a@example.com, b@example.com', start: '2026-03-10T09:00:00', end: '2026-03-10T17:00:00', timeZone: 'Europe/Berlin', intervalMinutes: 60 }));
      const getSchedule = params('getSchedule', 'calendar');
      for (const [key, value] of Object.entries(body)) {
        expect(getSchedule, key).to.have.property(key.toLowerCase());
        const { type } = getSchedule[key.toLowerCase()];
        if (type === 'dateTimeTimeZone') expect(checkValue(schema, type, value), key).to.deep.equal([]);
        else if (type === 'Edm.Int32') expect(Number.isInteger(value), key).to.equal(true);
        else expect(value.every((v) => typeof v === 'string'), key).to.equal(true);
      }
      expect(operation(schema, 'getSchedule', 'calendar').returnType).to.include({ type: 'scheduleInformation', collection: true });
      for (const name of ['scheduleId', 'availabilityView', 'scheduleItems', 'workingHours', 'error']) expectProperty('scheduleInformation', name);
      for (const name of ['status', 'subject', 'location', 'isPrivate', 'start', 'end']) expectProperty('scheduleItem', name);
      for (const name of ['message', 'responseCode']) expectProperty('freeBusyError', name);
      for (const name of ['daysOfWeek', 'startTime', 'endTime', 'timeZone']) expectProperty('workingHours', name);
      for (const status of availability.VIEW_STATUSES) expect(isEnumMember(schema, 'freeBusyStatus', status), status).to.equal(true);
    });

    it('Find Meeting Times sends findMeetingTimes its parameters, of their types; what it reads is meetingTimeSuggestionsResult', () => {
      const body = meeting.meetingRequestBody(meeting.parseMeetingInput({
        requiredAttendees: 'Ann <ann@example.com>', optionalAttendees: 'bob@example.com', resourceAttendees: 'room@example.com',
        start: '2026-03-10T09:00:00Z', end: '2026-03-11T17:00:00Z', durationMinutes: 90, activityDomain: 'personal', maxCandidates: 5, minimumAttendeePercentage: 80, isOrganizerOptional: true,
      }));
      const find = params('findMeetingTimes', 'user');
      for (const key of Object.keys(body)) expect(find, key).to.have.property(key.toLowerCase());
      for (const attendee of body.attendees) expect(checkValue(schema, 'attendeeBase', attendee)).to.deep.equal([]);
      expect(checkValue(schema, 'timeConstraint', body.timeConstraint)).to.deep.equal([]);
      for (const domain of meeting.ACTIVITY_DOMAINS) expect(isEnumMember(schema, 'activityDomain', domain), domain).to.equal(true);
      expect(find.meetingduration.type).to.equal('Edm.Duration');
      expect(operation(schema, 'findMeetingTimes', 'user').returnType.type).to.equal('meetingTimeSuggestionsResult');
      for (const name of ['emptySuggestionsReason', 'meetingTimeSuggestions']) expectProperty('meetingTimeSuggestionsResult', name);
      for (const name of ['confidence', 'order', 'organizerAvailability', 'attendeeAvailability', 'locations', 'meetingTimeSlot', 'suggestionReason']) expectProperty('meetingTimeSuggestion', name);
      for (const name of ['attendee', 'availability']) expectProperty('attendeeAvailability', name);
      for (const name of ['start', 'end']) expectProperty('timeSlot', name);
    });
  });
});
