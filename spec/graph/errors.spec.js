'use strict';

// The request id a Graph failure reports for Microsoft support: the response's request-id header
// first, then the error body, which Microsoft's pages spell both innerError['request-id']
// (concepts/auth-limit-mailbox-access.md) and innerError.requestId (concepts/errors.md).
const { expect } = require('chai');
const { errorFromResponse } = require('../../lib/graph/errors');

const failure = (body, header) => errorFromResponse('GET', '/me/messages', 404, body, header);
const notFound = (innerError) => ({ error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.', innerError } });

describe('Graph errors: the request id', () => {
  it('comes from the request-id header when there is one', () => {
    const err = failure(notFound({ 'request-id': 'from-body', requestId: 'from-body-too' }), 'from-header');
    expect(err.requestId).to.equal('from-header');
    expect(err.message).to.match(/request-id: from-header$/);
  });

  it("else from the body's innerError['request-id']", () => {
    expect(failure(notFound({ 'request-id': 'dashed', date: '2019-05-24T10:16:21' })).requestId).to.equal('dashed');
  });

  it('else from the body\'s innerError.requestId', () => {
    const err = failure(notFound({ requestId: 'camel', date: '2026-11-27T07:00:00' }));
    expect(err.requestId).to.equal('camel');
    expect(err.message).to.match(/request-id: camel$/);
  });

  it('skips an empty header and values that are not text', () => {
    expect(failure(notFound({ 'request-id': 42, requestId: 'camel' }), '').requestId).to.equal('camel');
  });

  it('is absent, and not mentioned, when neither header nor body has one', () => {
    const err = failure({ error: { code: 'ErrorItemNotFound' } }, undefined);
    expect(err.requestId).to.equal(undefined);
    expect(err.message).to.not.match(/request-id/);
    expect(failure(undefined, undefined).requestId).to.equal(undefined);
  });
});
