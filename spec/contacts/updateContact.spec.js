'use strict';

// Update Contact on the wire: the contact is read, only what differs is PATCHed, clearFields
// empties in Graph's way, a display name set on purpose survives a name change, a replay sends
// nothing, a lost PATCH answer is repeated, and a contact that is not there is said so.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { contactGraph, graphContact } = require('../helpers/contactGraph');
const { outErrors } = require('../helpers/metadata');
const updateContact = require('../../lib/contacts/updateContact');

const ID = 'AAMkContact1=';
const PATH = '/v1.0/me/contacts/AAMkContact1%3D';

async function run(body, cfg = cfgWith()) {
  const ctx = createContext();
  try {
    return { out: await updateContact.process.call(ctx, { id: 'u-1', body: { contactId: ID, ...body }, headers: {} }, cfg), ctx };
  } catch (error) {
    return { error, ctx };
  }
}

/** The fake with one contact, and the PATCH requests it got. */
function withContact(overrides = {}) {
  const graph = contactGraph({ contacts: [graphContact({ id: ID, ...overrides })] });
  return { graph, patches: () => graph.requests.filter((r) => r.startsWith('PATCH ')) };
}

describe('Update Contact', () => {
  it('reads the contact and PATCHes only the properties given that differ; the output is the contact now', async () => {
    const { graph, patches } = withContact();
    const { out } = await run({ jobTitle: 'CEO', companyName: 'Contoso, Inc.', mobilePhone: '+1 555 0100', homeAddress: { city: 'Seattle' } });
    expect(graph.requests[0]).to.match(new RegExp(`^GET ${PATH.replace(/[.]/g, '\\.')}\\?\\$select=`));
    expect(patches()).to.deep.equal([`PATCH ${PATH}`]);
    const [contact] = graph.contacts;
    expect(contact).to.include({ jobTitle: 'CEO', mobilePhone: '+1 555 0100', companyName: 'Contoso, Inc.' });
    expect(out.body).to.include({ id: ID, jobTitle: 'CEO', changed: true });
    expect(outErrors('updateContact', out.body)).to.deep.equal([]);
  });

  it('sends exactly the changed properties', async () => {
    const { graph } = withContact();
    await run({ jobTitle: 'CEO', department: 'Sales & Marketing', businessPhones: '+1 918 555 0101', birthday: '1974-07-22' });
    expect(graph.patched).to.deep.equal([{ jobTitle: 'CEO' }]);
  });

  it('clears what clearFields names: null for a value or an address, [] for a list; nothing for what is empty already', async () => {
    const { graph } = withContact();
    await run({ clearFields: 'jobTitle, businessAddress, businessPhones, birthday, mobilePhone' });
    expect(graph.patched).to.deep.equal([{ jobTitle: null, businessAddress: null, businessPhones: [], birthday: null }]);
  });

  it('a replay, or values the contact has: no PATCH, changed false, the change key as it was', async () => {
    const { graph, patches } = withContact();
    const first = await run({ jobTitle: 'CEO' });
    const replay = await run({ jobTitle: 'CEO' });
    expect(patches()).to.have.length(1);
    expect(replay.out.body).to.include({ changed: false, changeKey: first.out.body.changeKey });
    expect(replay.ctx.logs.map((l) => l.message)).to.include('The contact already had these values; nothing sent');
    expect(graph.contacts).to.have.length(1);
  });

  it('compares as Outlook stores: addresses in any letter case, a birthday by its date, an address by its parts', async () => {
    const { patches } = withContact({ emailAddresses: [{ name: 'Garth', address: 'Garth@Contoso.example' }], birthday: '1974-07-22T11:59:00Z' });
    const { out } = await run({ emailAddresses: 'garth@contoso.example', birthday: '1974-07-22', businessAddress: { postalCode: '98075', countryOrRegion: 'USA', state: 'WA', city: 'Redmond', street: '10 Contoso Way' } });
    expect(out.body.changed).to.equal(false);
    expect(patches()).to.deep.equal([]);
  });

  it('keeps a display name set on purpose when the names change; lets Outlook make one it had made', async () => {
    const custom = withContact({ displayName: 'Dr. Fort' }).graph;
    await run({ givenName: 'Gareth' });
    nock.cleanAll();
    const made = withContact({ displayName: 'Garth Fort' }).graph;
    await run({ givenName: 'Gareth' });
    expect([...custom.patched, ...made.patched]).to.deep.equal([{ givenName: 'Gareth', displayName: 'Dr. Fort' }, { givenName: 'Gareth' }]);
  });

  it('a contact that is not there (404 on the read or on the PATCH): an error naming contactId and the mailbox', async () => {
    nock(GRAPH).get(PATH).query(true).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    const gone = await run({ jobTitle: 'CEO' });
    expect(gone.error.message).to.match(/^contactId: no contact with this id in the signed-in user's mailbox \(deleted, or an id from another mailbox\): Outlook GET \/me\/contacts\/AAMkContact1%3D failed: HTTP 404 ErrorItemNotFound/);
    nock(GRAPH).get(PATH.replace('/me/', '/users/info@contoso.com/')).query(true).reply(200, graphContact({ id: ID }))
      .patch(PATH.replace('/me/', '/users/info@contoso.com/')).reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });
    const meanwhile = await run({ jobTitle: 'CEO' }, cfgWith({ mailbox: 'info@contoso.com' }));
    expect(meanwhile.error.message).to.match(/^contactId: no contact with this id in mailbox info@contoso\.com/);
  });

  it('a PATCH whose answer was lost is sent again (setting values is idempotent); a 400 is not', async () => {
    let tries = 0;
    nock(GRAPH).get(PATH).query(true).reply(200, graphContact({ id: ID }))
      .patch(PATH).reply(() => { tries += 1; return [503, { error: { code: 'ServiceUnavailable' } }, { 'Retry-After': '0' }]; })
      .patch(PATH).reply(() => { tries += 1; return [200, graphContact({ id: ID, jobTitle: 'CEO' })]; });
    const { out } = await run({ jobTitle: 'CEO' });
    expect(tries).to.equal(2);
    expect(out.body.jobTitle).to.equal('CEO');
    nock(GRAPH).get(PATH).query(true).reply(200, graphContact({ id: ID }))
      .patch(PATH).reply(400, { error: { code: 'ErrorInvalidArgument', message: 'The multi value property BusinessPhones has 3 entries, that exceeds the max allowed value of 2' } });
    const refused = await run({ jobTitle: 'CEO' });
    expect(refused.error.statusCode).to.equal(400);
    expect(nock.pendingMocks()).to.deep.equal([]);
  });
});
