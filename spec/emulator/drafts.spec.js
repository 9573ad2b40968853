'use strict';

// The emulator's drafts, responses, sending and extended properties (src/emulator/drafts.ts,
// transport.ts, extended-properties.ts): a submitted draft waits in the Outbox for the send delay,
// then is the same item (same immutable id) in Sent Items and a copy in each recipient's Inbox;
// properties set on it stay through that, are found by the Any filter and shown by $expand.
const { expect } = require('chai');
const { withEmulator } = require('./helpers');

const PROP = 'String {b4c1e8a2-6f3d-4d7e-9a51-3c2f7e0d8b96} Name ElasticioOutlookSendKey';
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const anyFilter = (id, value, op = 'eq') => encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value ${op} '${value}')`);

describe('emulator: drafts, sending and extended properties', () => {
  let emu;
  let graph;
  let clock;
  withEmulator({ clock: true, mailCount: 5, sendDelayMs: 4000 }, (env) => ({ emu, graph, clock } = env));

  const folderId = async (name) => (await graph(`/me/mailFolders/${name}?$select=id`)).body.id;
  const draft = (body) => graph('/me/messages', { method: 'POST', headers: IMMUTABLE, body: { subject: 'Draft', toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }], ...body } });
  const where = async (id) => (await graph(`/me/messages/${encodeURIComponent(id)}?$select=isDraft,parentFolderId`, { headers: IMMUTABLE })).body;
  const inboxOf = async (mailbox) => {
    const token = emu.control.issueTokens({ mailbox }).access_token;
    return (await graph(`/users/${mailbox}/mailFolders/inbox/messages?$top=50&$select=subject`, { token })).body.value.map((m) => m.subject);
  };

  it('a draft is created in Drafts, with its recipients, body and properties, and is found by them', async () => {
    const created = await draft({ subject: 'Numbers', body: { contentType: 'HTML', content: '<p>1</p>' }, singleValueExtendedProperties: [{ id: PROP, value: 'v1-abc' }] });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ isDraft: true, subject: 'Numbers', parentFolderId: await folderId('drafts') });
    expect(created.body).to.not.have.property('singleValueExtendedProperties');
    // Name exactly, GUID and type in any case, value in any case.
    const spelled = PROP.replace('b4c1e8a2', 'B4C1E8A2').replace('String', 'string');
    expect((await graph(`/me/messages?$filter=${anyFilter(spelled, 'V1-ABC')}&$select=id`, { headers: IMMUTABLE })).body.value.map((m) => m.id)).to.deep.equal([created.body.id]);
    expect((await graph(`/me/messages?$filter=${anyFilter(PROP.replace('Name Elasticio', 'Name elasticio'), 'v1-abc')}&$select=id`)).body.value).to.deep.equal([]);
    expect((await graph(`/me/mailFolders/drafts/messages?$filter=${anyFilter(PROP, 'v1-ab', 'ne')}&$select=id`)).body.value).to.have.length(1);
    const contains = encodeURIComponent(`singleValueExtendedProperties/any(ep:ep/Id eq '${PROP}' and contains(ep/Value, 'ABC'))`);
    expect((await graph(`/me/messages?$filter=${contains}&$select=id`)).body.value).to.have.length(1);
    expect((await graph(`/me/mailFolders/inbox/messages?$filter=${anyFilter(PROP, 'v1-abc')}`)).body.value).to.deep.equal([]);
  });

  it('$expand shows the asked-for properties (an empty list when the item has none); a malformed id is 400', async () => {
    const created = await draft({ singleValueExtendedProperties: [{ id: PROP, value: 'v1-x' }] });
    const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${PROP}')`);
    const item = await graph(`/me/messages/${encodeURIComponent(created.body.id)}?$expand=${expand}&$select=subject`);
    expect(item.body.singleValueExtendedProperties).to.deep.equal([{ id: PROP, value: 'v1-x' }]);
    expect(item.body['singleValueExtendedProperties@odata.context']).to.match(/\/singleValueExtendedProperties$/);
    const listed = await graph(`/me/mailFolders/inbox/messages?$top=2&$expand=${expand}&$select=subject`);
    expect(listed.body.value.map((m) => m.singleValueExtendedProperties)).to.deep.equal([[], []]);
    const bad = await draft({ singleValueExtendedProperties: [{ id: 'String Name NoGuid', value: 'x' }] });
    expect(bad.status).to.equal(400);
    expect((await graph(`/me/events?$expand=${expand}`)).status).to.equal(400);
  });

  it('PATCH sets a property on a draft and on a received mail; only a draft takes subject and recipients', async () => {
    const created = await draft({});
    const patched = await graph(`/me/messages/${encodeURIComponent(created.body.id)}`, { method: 'PATCH', body: { subject: 'Changed', ccRecipients: [{ emailAddress: { address: 'cc@fabrikam.example' } }], singleValueExtendedProperties: [{ id: PROP, value: 'v1-p' }] } });
    expect(patched.status).to.equal(200);
    expect(patched.body.subject).to.equal('Changed');
    expect(patched.body.ccRecipients.map((r) => r.emailAddress.address)).to.deep.equal(['cc@fabrikam.example']);
    const [received] = (await graph('/me/mailFolders/inbox/messages?$top=1&$select=id')).body.value;
    expect((await graph(`/me/messages/${received.id}`, { method: 'PATCH', body: { singleValueExtendedProperties: [{ id: PROP, value: 'v1-r' }], isRead: true } })).status).to.equal(200);
    expect((await graph(`/me/messages?$filter=${anyFilter(PROP, 'v1-r')}&$select=id`)).body.value).to.have.length(1);
    expect((await graph(`/me/messages/${received.id}`, { method: 'PATCH', body: { subject: 'x' } })).body.error.code).to.equal('ErrorInvalidPropertyUpdateSentMessage');
  });

  it('/send: 202, the draft waits in the Outbox (still a draft) for the send delay, then is the same item in Sent Items, delivered, its properties kept', async () => {
    const created = await draft({ subject: 'Later', singleValueExtendedProperties: [{ id: PROP, value: 'v1-later' }] });
    const { id } = created.body;
    const sent = await graph(`/me/messages/${encodeURIComponent(id)}/send`, { method: 'POST' });
    expect(sent.status).to.equal(202);
    expect(sent.body).to.equal(undefined);
    expect(await where(id)).to.include({ isDraft: true, parentFolderId: await folderId('outbox') });
    expect(await inboxOf(emu.mailboxes.secondary)).to.not.include('Later');
    expect((await graph(`/me/messages?$filter=${anyFilter(PROP, 'v1-later')}&$select=id`, { headers: IMMUTABLE })).body.value.map((m) => m.id)).to.deep.equal([id]);
    const again = await graph(`/me/messages/${encodeURIComponent(id)}/send`, { method: 'POST' });
    expect(again.status).to.equal(400);
    clock.advance(4000);
    expect(await where(id)).to.include({ isDraft: false, parentFolderId: await folderId('sentitems') });
    expect(await inboxOf(emu.mailboxes.secondary)).to.include('Later');
    expect((await graph(`/me/messages?$filter=${anyFilter(PROP, 'v1-later')}&$select=id,isDraft`, { headers: IMMUTABLE })).body.value).to.deep.equal([{ '@odata.etag': (await graph(`/me/messages/${encodeURIComponent(id)}?$select=id`)).body['@odata.etag'], id, isDraft: false }]);
    const record = emu.control.sent().find((r) => r.subject === 'Later');
    expect(record).to.include({ id, saveToSentItems: true });
  });

  it('a lookup by its own property sees the item at once; a time-ordered list waits out the replication delay', async () => {
    const { emu: delayed, graph: g } = await require('./helpers').start({ mailCount: 0, visibilityDelayMs: 60000 });
    try {
      await g('/me/messages', { method: 'POST', body: { subject: 'Mine', singleValueExtendedProperties: [{ id: PROP, value: 'v1-mine' }] } });
      expect((await g(`/me/messages?$filter=${anyFilter(PROP, 'v1-mine')}&$select=id`)).body.value).to.have.length(1);
      expect((await g('/me/mailFolders/drafts/messages?$select=id')).body.value).to.have.length(0);
    } finally {
      await delayed.close();
    }
  });

  it('/send needs a recipient, Mail.Send, and the right to send as the draft\'s From (403 ErrorSendAsDenied)', async () => {
    const bare = await graph('/me/messages', { method: 'POST', body: { subject: 'Nobody' } });
    expect((await graph(`/me/messages/${bare.body.id}/send`, { method: 'POST' })).body.error.code).to.equal('ErrorInvalidRecipients');
    const foreign = await draft({ from: { emailAddress: { address: 'someone.else@contoso.example' } } });
    const refused = await graph(`/me/messages/${foreign.body.id}/send`, { method: 'POST' });
    expect(refused.status).to.equal(403);
    expect(refused.body.error.code).to.equal('ErrorSendAsDenied');
    // A token with every permission but Mail.Send: the user consented to no more.
    emu.control.setUserConsent({ mailbox: emu.mailboxes.primary, scopes: ['offline_access', 'Mail.ReadWrite'] });
    const readWriteOnly = emu.control.issueTokens({ scope: 'offline_access Mail.ReadWrite' }).access_token;
    const ok = await draft({});
    const denied = await graph(`/me/messages/${ok.body.id}/send`, { method: 'POST', token: readWriteOnly });
    expect(denied.status).to.equal(403);
    expect(denied.body.error.code).to.equal('ErrorAccessDenied');
  });

  it('a draft of a shared mailbox is sent as it with Send As, and kept in its Sent Items; delegated large attachments there are refused (403)', async () => {
    const shared = emu.tenants[0].sharedMailboxes[0];
    emu.control.setSendDelay(0);
    const created = await graph(`/users/${shared}/messages`, { method: 'POST', headers: IMMUTABLE, body: { subject: 'From info', toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }] } });
    expect(created.status).to.equal(201);
    const session = await graph(`/users/${shared}/messages/${encodeURIComponent(created.body.id)}/attachments/createUploadSession`, { method: 'POST', body: { AttachmentItem: { attachmentType: 'file', name: 'big.bin', size: 5 * 1024 * 1024 } } });
    expect(session.status).to.equal(403);
    expect((await graph(`/users/${shared}/messages/${encodeURIComponent(created.body.id)}/send`, { method: 'POST' })).status).to.equal(202);
    const record = emu.control.sent(shared).find((r) => r.subject === 'From info');
    expect(record.from.address).to.equal(shared);
    expect((await graph(`/users/${shared}/messages/${encodeURIComponent(created.body.id)}?$select=parentFolderId`, { headers: IMMUTABLE })).body.parentFolderId)
      .to.equal((await graph(`/users/${shared}/mailFolders/sentitems?$select=id`)).body.id);
  });

  it('sendMail is delivered after the same delay', async () => {
    const res = await graph('/me/sendMail', { method: 'POST', body: { message: { subject: 'Direct', toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }] } } });
    expect(res.status).to.equal(202);
    expect(await inboxOf(emu.mailboxes.secondary)).to.not.include('Direct');
    clock.advance(4000);
    expect(await inboxOf(emu.mailboxes.secondary)).to.include('Direct');
  });

  describe('responses to a mail', () => {
    let original;
    beforeEach(async () => {
      emu.control.setSendDelay(0);
      original = emu.control.addMail({ subject: 'Budget', from: 'Ann <ann@fabrikam.example>', to: [emu.mailboxes.primary, 'bob@fabrikam.example'], cc: ['carl@fabrikam.example'], body: '<p>Numbers</p>', attachments: [{ name: 'q1.pdf', size: 1200, contentType: 'application/pdf' }] });
    });

    it('createReply: RE: subject, to the sender, in the conversation, quoting the original; createReplyAll adds everyone but the mailbox', async () => {
      const reply = await graph(`/me/messages/${original.id}/createReply`, { method: 'POST' });
      expect(reply.status).to.equal(201);
      expect(reply.body).to.include({ subject: 'RE: Budget', isDraft: true, hasAttachments: false, conversationId: original.conversationId });
      expect(reply.body.toRecipients.map((r) => r.emailAddress.address)).to.deep.equal(['ann@fabrikam.example']);
      expect(reply.body.body.content).to.include('Numbers').and.include('<b>From:</b>');
      const all = await graph(`/me/messages/${original.id}/createReplyAll`, { method: 'POST', body: {} });
      expect(all.body.toRecipients.map((r) => r.emailAddress.address)).to.deep.equal(['ann@fabrikam.example', 'bob@fabrikam.example']);
      expect(all.body.ccRecipients.map((r) => r.emailAddress.address)).to.deep.equal(['carl@fabrikam.example']);
    });

    it('createForward: FW:, the original\'s attachments, the recipients given; a comment and a message body together are 400', async () => {
      const forward = await graph(`/me/messages/${original.id}/createForward`, { method: 'POST', body: { message: { toRecipients: [{ emailAddress: { address: 'dan@fabrikam.example' } }] }, comment: 'FYI' } });
      expect(forward.status).to.equal(201);
      expect(forward.body).to.include({ subject: 'FW: Budget', hasAttachments: true });
      expect(forward.body.body.content).to.include('FYI');
      const listed = await graph(`/me/messages/${encodeURIComponent(forward.body.id)}/attachments?$select=name,size`);
      expect(listed.body.value.map((a) => a.name)).to.deep.equal(['q1.pdf']);
      const both = await graph(`/me/messages/${original.id}/createReply`, { method: 'POST', body: { comment: 'x', message: { body: { content: 'y' } } } });
      expect(both.status).to.equal(400);
      const twice = await graph(`/me/messages/${original.id}/forward`, { method: 'POST', body: { toRecipients: [{ emailAddress: { address: 'a@fabrikam.example' } }], message: { toRecipients: [{ emailAddress: { address: 'b@fabrikam.example' } }] } } });
      expect(twice.status).to.equal(400);
      const none = await graph(`/me/messages/${original.id}/forward`, { method: 'POST', body: { comment: 'x' } });
      expect(none.status).to.equal(400);
    });

    it('reply, replyAll and forward send at once (202) and keep a copy in Sent Items', async () => {
      for (const [action, body] of [['reply', { comment: 'Thanks' }], ['replyAll', {}], ['forward', { toRecipients: [{ emailAddress: { address: emu.mailboxes.secondary } }] }]]) {
        const res = await graph(`/me/messages/${original.id}/${action}`, { method: 'POST', body });
        expect(res.status, action).to.equal(202);
      }
      const subjects = emu.control.sent().map((r) => r.subject);
      expect(subjects).to.include.members(['RE: Budget', 'FW: Budget']);
      expect(await inboxOf(emu.mailboxes.secondary)).to.include('FW: Budget');
      const sentItems = (await graph('/me/mailFolders/sentitems/messages?$select=subject,isDraft')).body.value;
      expect(sentItems.filter((m) => /Budget/.test(m.subject)).every((m) => m.isDraft === false)).to.equal(true);
    });

    it('a response to a mail of another mailbox is 404 there', async () => {
      const theirs = emu.control.addMail({ mailbox: emu.mailboxes.secondary, subject: 'Not yours', from: 'ann@fabrikam.example' });
      const res = await graph(`/me/messages/${theirs.id}/createReply`, { method: 'POST' });
      expect(res.status).to.equal(404);
      expect(res.body.error.code).to.equal('ErrorItemNotFound');
    });
  });

  it('a send whose answer is lost (applyThenFail) was still submitted: the draft is in the Outbox, then Sent Items', async () => {
    const created = await draft({ subject: 'Lost answer' });
    emu.control.setFaults([{ match: { method: 'POST', path: '/send$' }, kind: 'status', status: 504, applyThenFail: true, times: 1 }]);
    expect((await graph(`/me/messages/${encodeURIComponent(created.body.id)}/send`, { method: 'POST' })).status).to.equal(504);
    expect((await where(created.body.id)).parentFolderId).to.equal(await folderId('outbox'));
    clock.advance(5000);
    expect((await where(created.body.id)).isDraft).to.equal(false);
  });
});
