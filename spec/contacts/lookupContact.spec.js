'use strict';

// Find Contact on the wire: the $filter sent, what is emitted when one, several or none match
// (an empty result or an error, as configured), a name and an address together, and Graph
// answering more than an exact match.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { contactGraph, graphContact } = require('../helpers/contactGraph');
const { outErrors } = require('../helpers/metadata');
const lookupContact = require('../../lib/contacts/lookupContact');

async function run(body, cfg = cfgWith()) {
  const ctx = createContext();
  try {
    return { out: await lookupContact.process.call(ctx, { id: 'l-1', body, headers: {} }, cfg), ctx };
  } catch (error) {
    return { error, ctx };
  }
}

const older = graphContact({ id: 'AAMkOlder=', displayName: 'Garth Fort', createdDateTime: '2025-01-01T10:00:00Z' });
const newer = graphContact({ id: 'AAMkNewer=', displayName: 'Garth F.', createdDateTime: '2026-01-01T10:00:00Z' });

describe('Find Contact', () => {
  it('asks Graph for the address with emailAddresses/any, and emits the contact with found and matchCount', async () => {
    const graph = contactGraph({ contacts: [older] });
    const { out } = await run({ emailAddress: 'GARTH@contoso.example' });
    const [request] = graph.requests;
    const query = new URL(request.slice(4), GRAPH).searchParams;
    expect(query.get('$filter')).to.equal("emailAddresses/any(a:a/address eq 'GARTH@contoso.example')");
    expect(query.get('$select').split(',')).to.include.members(['id', 'emailAddresses', 'personalNotes', 'createdDateTime']);
    expect(out.body).to.include({ found: true, matchCount: 1, id: 'AAMkOlder=', displayName: 'Garth Fort' });
    expect(outErrors('lookupContact', out.body)).to.deep.equal([]);
  });

  it('several matching: the oldest, and how many matched', async () => {
    contactGraph({ contacts: [newer, older] });
    const { out, ctx } = await run({ emailAddress: 'garth@contoso.example' });
    expect(out.body).to.include({ found: true, matchCount: 2, id: 'AAMkOlder=' });
    expect(ctx.logs.map((l) => l.message)).to.include('2 contact(s) found');
  });

  it('the same second: the smaller id, which every run picks alike', async () => {
    contactGraph({ contacts: [graphContact({ id: 'AAMkB=', createdDateTime: '2026-01-01T10:00:00Z' }), graphContact({ id: 'AAMkA=', createdDateTime: '2026-01-01T10:00:00Z' })] });
    expect((await run({ emailAddress: 'garth@contoso.example' })).out.body.id).to.equal('AAMkA=');
  });

  it('by display name (letter case aside); with an address too, both must match', async () => {
    const graph = contactGraph({ contacts: [older, newer] });
    const byName = await run({ name: 'garth fort' });
    expect(new URL(graph.requests[0].slice(4), GRAPH).searchParams.get('$filter')).to.equal("displayName eq 'garth fort'");
    expect(byName.out.body).to.include({ matchCount: 1, id: 'AAMkOlder=' });
    const both = await run({ emailAddress: 'garth@contoso.example', name: 'Garth F.' });
    expect(both.out.body).to.include({ matchCount: 1, id: 'AAMkNewer=' });
  });

  it('nothing found: an empty result by default, or an error saying what was looked for', async () => {
    contactGraph({ contacts: [older] });
    const empty = await run({ emailAddress: 'nobody@contoso.example' });
    expect(empty.out.body).to.deep.equal({ found: false, matchCount: 0 });
    expect(outErrors('lookupContact', empty.out.body)).to.deep.equal([]);
    const failed = await run({ emailAddress: 'nobody@contoso.example' }, cfgWith({ notFound: 'ERROR' }));
    expect(failed.error.message).to.equal('No contact with email address nobody@contoso.example in this folder. To go on with an empty result instead, set "When nothing is found" to emit an empty result.');
  });

  it('counts only exact matches of what Graph answered (letter case aside)', async () => {
    nock(GRAPH).get('/v1.0/me/contacts').query(true).reply(200, { value: [graphContact({ emailAddresses: [{ name: 'x', address: 'garth.fort@contoso.example' }] }), older] });
    expect((await run({ emailAddress: 'garth@contoso.example' })).out.body).to.include({ matchCount: 1, id: 'AAMkOlder=' });
  });

  it('pages through every match, and waits out throttling', async () => {
    nock(GRAPH)
      .get('/v1.0/me/contacts').query(true).reply(429, { error: { code: 'ApplicationThrottled' } }, { 'Retry-After': '0' })
      .get('/v1.0/me/contacts').query(true).reply(200, { value: [newer], '@odata.nextLink': `${GRAPH}/v1.0/me/contacts?$skip=1` })
      .get('/v1.0/me/contacts').query({ $skip: '1' }).reply(200, { value: [older] });
    expect((await run({ emailAddress: 'garth@contoso.example' })).out.body).to.include({ matchCount: 2, id: 'AAMkOlder=' });
    expect(nock.pendingMocks()).to.deep.equal([]);
  });
});
