'use strict';

// Every step and dropdown on another mailbox, on the wire (nock on graph.microsoft.com): the paths
// it uses (`/users/{mailbox}` instead of `/me`, encoded), for a delegated credential with rights on a
// shared mailbox, without them (the error that says which right is missing), and app-only.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, LOGIN, cfgWith, jwt } = require('./helpers/setup');
const { createContext } = require('./helpers/context');
const { createdEvent } = require('./helpers/graphAnswers');
const { graphContact } = require('./helpers/contactGraph');
const { loadStep } = require('./helpers/sailor');

const SHARED = 'Info+Billing@Contoso.com';
const ROOT = '/v1.0/users/Info%2BBilling@Contoso.com';
const TENANT = 'contoso.onmicrosoft.com';
const START = '2026-01-01T00:00:00Z';
const ROLES = ['Mail.ReadWrite', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite', 'MailboxSettings.Read'];
const DENIED = [403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } }];

/** Each step: how to run it, and the requests it makes (method and path) on a mailbox root. */
const STEPS = {
  getNewMail: {
    run: (cfg) => loadStep('getNewMail').process.call(createContext(), {}, { ...cfg, startTime: START }, {}),
    requests: (root) => [`GET ${root}/mailFolders/inbox/messages`],
  },
  getNewAndUpdatedEvents: {
    run: (cfg) => loadStep('getNewAndUpdatedEvents').process.call(createContext(), {}, { ...cfg, startTime: START, calendarId: 'AAMkCal=' }, {}),
    requests: (root) => [`GET ${root}/calendars/AAMkCal%3D/events`],
  },
  sendMail: {
    run: (cfg) => loadStep('sendMail').process.call(createContext(), { id: 'm-1', body: { to: 'ann@example.com', subject: 'Hi' }, headers: {} }, cfg, {}),
    requests: (root) => [`POST ${root}/sendMail`],
  },
  createEvent: {
    run: (cfg) => loadStep('createEvent').process.call(createContext(), { id: 'm-2', body: { subject: 'Plan', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' }, headers: {} }, cfg, {}),
    requests: (root) => [`POST ${root}/calendar/events`],
  },
  getNewAndUpdatedContacts: {
    run: (cfg) => loadStep('getNewAndUpdatedContacts').process.call(createContext(), {}, { ...cfg, startTime: START, contactFolderId: 'AAMkCf=' }, {}),
    requests: (root) => [`GET ${root}/contactFolders/AAMkCf%3D/contacts`],
  },
  updateContact: {
    // The contact has this job title already: read, nothing sent (the PATCH is in contacts/updateContact.spec.js).
    run: (cfg) => loadStep('updateContact').process.call(createContext(), { id: 'm-3', body: { contactId: 'AAMkC=', jobTitle: 'Web Marketing Manager' }, headers: {} }, cfg, {}),
    requests: (root) => [`GET ${root}/contacts/AAMkC%3D`],
  },
  lookupContact: {
    run: (cfg) => loadStep('lookupContact').process.call(createContext(), { id: 'm-4', body: { emailAddress: 'ann@example.com' }, headers: {} }, cfg, {}),
    requests: (root) => [`GET ${root}/contacts`],
  },
  deleteContact: {
    run: (cfg) => loadStep('deleteContact').process.call(createContext(), { id: 'm-5', body: { contactId: 'AAMkC=' }, headers: {} }, cfg, {}),
    requests: (root) => [`DELETE ${root}/contacts/AAMkC%3D`],
  },
  'getContactFolders (dropdown)': {
    run: (cfg) => loadStep('upsertContact').getContactFolders.call(createContext(), cfg),
    requests: (root) => [`GET ${root}/contactFolders`],
  },
  'getFolders (dropdown)': {
    run: (cfg) => loadStep('getNewMail').getFolders.call(createContext(), cfg),
    requests: (root) => [`GET ${root}/mailFolders`],
  },
  'getCalendars (dropdown)': {
    run: (cfg) => loadStep('createEvent').getCalendars.call(createContext(), cfg),
    requests: (root) => [`GET ${root}/calendars`],
  },
};

/** Graph as nock: records method and path of each request, answers like Graph, or `refuse` for all. */
function graph(refuse) {
  const seen = [];
  const scope = nock(GRAPH).persist();
  for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
    scope.intercept(/.*/, method).query(true).reply((uri) => {
      const path = uri.split('?')[0];
      seen.push(`${method} ${path}`);
      if (refuse) return refuse;
      if (path.endsWith('/sendMail')) return [202, ''];
      if (method === 'DELETE') return [204, ''];
      if (/\/contacts\/[^/]+$/.test(path)) return [200, graphContact()];
      if (method === 'POST') return [201, createdEvent()];
      if (path.endsWith('/mailFolders') || path.endsWith('/calendars')) return [200, { value: [{ id: 'AAMkF=', displayName: 'Inbox', name: 'Calendar', childFolderCount: 0 }] }];
      return [200, { value: [] }, { Date: new Date().toUTCString() }];
    });
  }
  return seen;
}

async function failureOf(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('did not fail');
}

describe('every step and dropdown on another mailbox', () => {
  Object.entries(STEPS).forEach(([name, step]) => {
    describe(name, () => {
      it('delegated, without a mailbox: /me, as before', async () => {
        const seen = graph();
        await step.run(cfgWith());
        expect(seen).to.deep.equal(step.requests('/v1.0/me'));
      });

      it('delegated, on a shared mailbox the user has rights on: /users/{mailbox}, encoded', async () => {
        const seen = graph();
        await step.run(cfgWith({ mailbox: ` ${SHARED} ` }));
        expect(seen).to.deep.equal(step.requests(ROOT));
      });

      it('delegated, on a shared mailbox without rights: one request, and an error that says which right is missing', async () => {
        const seen = graph(DENIED);
        const err = await failureOf(step.run(cfgWith({ mailbox: SHARED })));
        expect(seen).to.deep.equal(step.requests(ROOT));
        const right = name === 'sendMail'
          ? /may not send from mailbox Info\+Billing@Contoso\.com: that needs Full Access on it plus Send As or Send on Behalf, and the credential's consent to Mail\.Send\.Shared/
          : /Contact/.test(name)
            ? /has no Full Access on mailbox Info\+Billing@Contoso\.com \(or no permission on this contact folder\).*an Exchange administrator grants Full Access; reconnect the credential to consent to Contacts\.ReadWrite\.Shared\./
            : /has no Full Access on mailbox Info\+Billing@Contoso\.com .*an Exchange administrator grants Full Access; reconnect the credential to consent to Mail\.ReadWrite\.Shared/;
        expect(err.message).to.match(right);
        expect(err.message).to.match(/HTTP 403 ErrorAccessDenied/);
      });

      it('delegated, a mailbox that does not exist (404 ErrorInvalidUser): the address is wrong or not a mailbox', async () => {
        graph([404, { error: { code: 'ErrorInvalidUser', message: "The requested user 'x' is invalid." } }]);
        const err = await failureOf(step.run(cfgWith({ mailbox: SHARED })));
        expect(err.message).to.match(/Mailbox Info\+Billing@Contoso\.com was not found: check the mailbox field .*a distribution list, a guest or a contact has no mailbox/);
      });

      it('application: a client-credentials token, then /users/{mailbox}', async () => {
        const token = nock(LOGIN).post(`/${TENANT}/oauth2/v2.0/token`).reply(200, { expires_in: 3600, access_token: jwt({ roles: ROLES }) });
        const seen = graph();
        await step.run({ authType: 'application', tenantId: TENANT, mailbox: SHARED });
        token.done();
        expect(seen).to.deep.equal(step.requests(ROOT));
      });

      it('application without a mailbox: refused naming the field, before any request', async () => {
        const seen = graph();
        const err = await failureOf(step.run({ authType: 'application', tenantId: TENANT }));
        expect(err).to.include({ name: 'InputError', field: 'mailbox' });
        expect(seen).to.deep.equal([]);
      });
    });
  });
});

describe('Send Mail: from whom, and where the copy is kept', () => {
  const send = async (cfg, body) => {
    const requests = [];
    nock(GRAPH).post(/\/sendMail$/).reply((uri, sent) => {
      requests.push({ path: uri, sent });
      return [202, ''];
    });
    const out = await loadStep('sendMail').process.call(createContext(), { id: 's-1', body: { to: 'ann@example.com', subject: 'Hi', ...body }, headers: {} }, cfg, {});
    return { requests, out: out.body };
  };

  it('with a mailbox: sent through /users/{mailbox} (Send As that mailbox, its Sent Items), with no From set', async () => {
    const { requests, out } = await send(cfgWith({ mailbox: 'info@contoso.com' }), {});
    expect(requests[0].path).to.equal('/v1.0/users/info@contoso.com/sendMail');
    expect(requests[0].sent.message).to.not.have.property('from');
    expect(requests[0].sent.saveToSentItems).to.equal(true);
    expect(out).to.include({ mailbox: 'info@contoso.com' }).and.not.have.property('from');
  });

  it('with From and no mailbox: sent from the signed-in user\'s mailbox on behalf of (or as) From', async () => {
    const { requests, out } = await send(cfgWith(), { from: 'Sales Team <Sales@Contoso.com>' });
    expect(requests[0].path).to.equal('/v1.0/me/sendMail');
    expect(requests[0].sent.message.from).to.deep.equal({ emailAddress: { address: 'Sales@Contoso.com', name: 'Sales Team' } });
    expect(out).to.include({ from: 'Sales@Contoso.com' }).and.not.have.property('mailbox');
  });

  it('From refused by Exchange (403 ErrorSendAsDenied): names the address and both rights', async () => {
    nock(GRAPH).post('/v1.0/me/sendMail').reply(403, { error: { code: 'ErrorSendAsDenied', message: 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.' } });
    const err = await failureOf(loadStep('sendMail').process.call(createContext(), { id: 's-2', body: { to: 'ann@example.com', from: 'ceo@contoso.com' }, headers: {} }, cfgWith(), {}));
    expect(err.message).to.match(/The signed-in user has neither Send As nor Send on Behalf on ceo@contoso\.com: an Exchange administrator grants either one/);
  });

  it('a shared mailbox without Send As or Send on Behalf (403 ErrorSendAsDenied): names the mailbox', async () => {
    nock(GRAPH).post('/v1.0/users/info@contoso.com/sendMail').reply(403, { error: { code: 'ErrorSendAsDenied', message: 'x' } });
    const err = await failureOf(loadStep('sendMail').process.call(createContext(), { id: 's-3', body: { to: 'ann@example.com' }, headers: {} }, cfgWith({ mailbox: 'info@contoso.com' }), {}));
    expect(err.message).to.match(/The signed-in user \(sending through mailbox info@contoso\.com\) has neither Send As nor Send on Behalf on info@contoso\.com/);
  });

  it('From takes one address only, and refuses what is not one before any request', async () => {
    for (const from of ['a@contoso.com, b@contoso.com', 'sales', ['a@contoso.com', 'b@contoso.com']]) {
      const err = await failureOf(loadStep('sendMail').process.call(createContext(), { id: 's-4', body: { to: 'ann@example.com', from }, headers: {} }, cfgWith(), {}));
      expect(err, JSON.stringify(from)).to.include({ name: 'InputError' });
      expect(err.field).to.match(/^from/);
    }
  });
});
