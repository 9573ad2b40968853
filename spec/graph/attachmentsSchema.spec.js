'use strict';

// What the attachment modules send to and select from Graph, checked offline against Microsoft's
// published v1.0 metadata (shared/graph-schema/outlook-v1.0.json; skipped without it): the
// createUploadSession action and its AttachmentItem, the fileAttachment posted or sent inline,
// the properties the listing selects (contentId only through the fileAttachment cast), and the
// uploadSession answer the upload reads.
const { expect } = require('chai');
const nock = require('nock');
const { GRAPH, cfgWith } = require('../helpers/setup');
const { createContext } = require('../helpers/context');
const { loadGraphSchema, members, checkValue, operation, derivesFrom } = require('../helpers/graphSchema');
const { fileAttachmentBody } = require('../../lib/graph/attachments');
const { createSession } = require('../../lib/graph/session');
const { uploadLargeAttachment } = require('../../lib/graph/uploadSession');

const schema = loadGraphSchema();

describe('Graph v1.0 schema conformance: attachments', function attachmentsSchema() {
  before(function needSchema() {
    if (!schema) this.skip();
  });

  it('createUploadSession is an action bound to an item\'s attachments, taking AttachmentItem and answering an uploadSession', () => {
    const op = operation(schema, 'createUploadSession', 'attachment');
    expect(op).to.include({ kind: 'action', bindingCollection: true });
    expect(Object.keys(op.parameters)).to.deep.equal(['AttachmentItem']);
    expect(op.parameters.AttachmentItem.type).to.equal('attachmentItem');
    expect(op.returnType.type).to.equal('uploadSession');
    expect(Object.keys(members(schema, 'uploadSession'))).to.include.members(['uploadUrl', 'expirationDateTime', 'nextExpectedRanges']);
    expect(members(schema, 'message').attachments).to.include({ type: 'attachment', collection: true });
  });

  it('the AttachmentItem really sent fits attachmentItem, with every property the module may set', async () => {
    let sent;
    nock(GRAPH).post('/v1.0/me/messages/d1/attachments/createUploadSession', (body) => { sent = body; return true; })
      .reply(400, { error: { code: 'ErrorInvalidRequest', message: 'stop here' } });
    const session = createSession(cfgWith(), createContext());
    const file = { name: 'video.mp4', size: 146800640, contentType: 'video/mp4', isInline: true, contentId: 'clip1' };
    await uploadLargeAttachment(session, '/me/messages/d1', file, async () => { throw new Error('not read'); }).catch(() => {});
    expect(Object.keys(sent)).to.deep.equal(['AttachmentItem']);
    expect(Object.keys(sent.AttachmentItem)).to.have.members(['attachmentType', 'name', 'size', 'contentType', 'isInline', 'contentId']);
    expect(checkValue(schema, 'attachmentItem', sent.AttachmentItem)).to.deep.equal([]);
  });

  it('a posted or inline fileAttachment fits fileAttachment, inline image properties included', () => {
    const body = fileAttachmentBody({ name: 'logo.png', contentType: 'image/png', isInline: true, contentId: 'logo@contoso' }, Buffer.from('png'));
    expect(checkValue(schema, 'attachment', body)).to.deep.equal([]);
    expect(derivesFrom(schema, 'fileAttachment', 'attachment')).to.equal(true);
  });

  it('the listing selects attachment properties, and contentId through the fileAttachment cast only', () => {
    for (const field of ['id', 'name', 'contentType', 'size', 'isInline']) expect(members(schema, 'attachment'), field).to.have.property(field);
    expect(members(schema, 'attachment')).not.to.have.property('contentId');
    expect(members(schema, 'fileAttachment')).to.have.property('contentId');
    for (const type of ['fileAttachment', 'itemAttachment', 'referenceAttachment']) expect(derivesFrom(schema, type, 'attachment'), type).to.equal(true);
    expect(schema.types.fileAttachment.hasStream, 'fileAttachment has a $value').to.equal(true);
  });
});
