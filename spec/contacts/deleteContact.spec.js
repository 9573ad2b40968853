'use strict';

// Delete Contact on the wire: deleted, already gone (a replay, or the retry of a DELETE whose
// answer was lost), and the errors that are not "gone".
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { outErrors } = require('../helpers/metadata');
const deleteContact = require('../../lib/contacts/deleteContact');

const ID = 'AAMkAGI2/THk0+AAA=';
const PATH = '/v1.0/me/contacts/AAMkAGI2%2FTHk0%2BAAA%3D';
const NOT_FOUND = [404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }];

async function run(cfg = cfgWith()) {
  const ctx = createContext();
  try {
    return { out: await deleteContact.process.call(ctx, { id: 'd-1', body: { contactId: ` ${ID} ` }, headers: {} }, cfg), ctx };
  } catch (error) {
    return { error, ctx };
  }
}

describe('Delete Contact', () => {
  it('deletes by id, encoded into one path segment: alreadyDeleted false', async () => {
    nock(GRAPH).delete(PATH).reply(204);
    const { out, ctx } = await run();
    expect(out.body).to.deep.equal({ id: ID, alreadyDeleted: false });
    expect(outErrors('deleteContact', out.body)).to.deep.equal([]);
    expect(ctx.logs.map((l) => l.message)).to.include('Contact deleted');
  });

  it('a contact already gone (a replay) is success: alreadyDeleted true', async () => {
    nock(GRAPH).delete(PATH).reply(...NOT_FOUND);
    expect((await run()).out.body).to.deep.equal({ id: ID, alreadyDeleted: true });
  });

  it('a DELETE whose answer was lost is repeated; finding it gone then is success', async () => {
    nock(GRAPH).delete(PATH).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .delete(PATH).reply(...NOT_FOUND);
    expect((await run()).out.body.alreadyDeleted).to.equal(true);
    nock(GRAPH).delete(PATH).reply(503, { error: { code: 'ServiceUnavailable' } }, { 'Retry-After': '0' }).delete(PATH).reply(204);
    expect((await run()).out.body.alreadyDeleted).to.equal(false);
  });

  it('other refusals are errors: no rights on the mailbox (403), a malformed id (400), an unknown mailbox (404 ErrorInvalidUser)', async () => {
    nock(GRAPH).delete(PATH.replace('/me/', '/users/info@contoso.com/')).reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
    const denied = await run(cfgWith({ mailbox: 'info@contoso.com' }));
    expect(denied.error.message).to.match(/HTTP 403 ErrorAccessDenied.*no Full Access on mailbox info@contoso\.com \(or no permission on this contact folder\)/);
    nock(GRAPH).delete(PATH).reply(400, { error: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } });
    expect((await run()).error.code).to.equal('ErrorInvalidIdMalformed');
    nock(GRAPH).delete(PATH.replace('/me/', '/users/nobody@contoso.com/')).reply(404, { error: { code: 'ErrorInvalidUser', message: "The requested user 'nobody@contoso.com' is invalid." } });
    const nobody = await run(cfgWith({ mailbox: 'nobody@contoso.com' }));
    expect(nobody.error.message).to.match(/Mailbox nobody@contoso\.com was not found/);
  });
});
