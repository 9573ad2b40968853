'use strict';
const { expect } = require('chai');
const { withEmulator } = require('./helpers');

const recipient = (address) => ({ emailAddress: { address } });

describe('emulator: sendMail', () => {
  let emu;
  let graph;

  withEmulator({ clock: Date.UTC(2026, 10, 27, 9, 30, 12, 345) }, (env) => ({ emu, graph } = env));

  const inboxOf = (mailbox, subject) => graph(`/users/${mailbox}/mailFolders/inbox/messages?$filter=${encodeURIComponent(`subject eq '${subject}'`)}`)
    .then((r) => r.body.value);

  it('answers 202 with no body, delivers to emulator mailboxes and saves to Sent Items', async () => {
    const res = await graph('/me/sendMail', {
      method: 'POST',
      body: {
        message: {
          subject: 'Hello Megan',
          body: { contentType: 'HTML', content: '<p>Hi</p>' },
          toRecipients: [recipient(emu.mailboxes.secondary)],
          ccRecipients: [recipient('outside@fabrikam.example')],
          bccRecipients: [recipient(emu.mailboxes.primary)],
          attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentType: 'text/plain', contentBytes: Buffer.from('hello').toString('base64') }],
        },
      },
    });
    expect(res.status).to.equal(202);
    expect(res.body).to.equal(undefined);
    const [delivered] = await inboxOf(emu.mailboxes.secondary, 'Hello Megan');
    expect(delivered.from.emailAddress.address).to.equal(emu.mailboxes.primary);
    expect(delivered.bccRecipients).to.deep.equal([]);
    expect(delivered.hasAttachments).to.equal(true);
    expect(delivered.receivedDateTime).to.equal('2026-11-27T09:30:12Z');
    // receivedDateTime is stored at full precision: .345 is after .3 but not after .4
    const after = (iso) => graph(`/users/${emu.mailboxes.secondary}/mailFolders/inbox/messages?$filter=${encodeURIComponent(`receivedDateTime gt ${iso}`)}`)
      .then((r) => r.body.value.map((m) => m.subject));
    expect(await after('2026-11-27T09:30:12.3Z')).to.deep.equal(['Hello Megan']);
    expect(await after('2026-11-27T09:30:12.4Z')).to.deep.equal([]);
    expect(await inboxOf(emu.mailboxes.primary, 'Hello Megan')).to.have.length(1); // bcc'd herself
    const sentItems = await graph(`/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'Hello Megan'")}`);
    expect(sentItems.body.value).to.have.length(1);
    expect(sentItems.body.value[0].bccRecipients[0].emailAddress.address).to.equal(emu.mailboxes.primary);
    const [record] = emu.control.sent();
    expect(record).to.deep.include({ subject: 'Hello Megan', saveToSentItems: true, bodyContentType: 'html' });
    expect(record.attachments).to.deep.equal([{ name: 'a.txt', contentType: 'text/plain', size: 5 }]);
    expect(record.deliveredTo).to.have.members([emu.mailboxes.secondary, emu.mailboxes.primary]);
  });

  it('does not save to Sent Items when saveToSentItems is false (parameter names in any case)', async () => {
    const before = (await graph('/me/mailFolders/sentitems')).body.totalItemCount;
    const res = await graph('/me/sendMail', {
      method: 'POST',
      body: { Message: { subject: 'No copy', toRecipients: [recipient('someone@fabrikam.example')] }, SaveToSentItems: false },
    });
    expect(res.status).to.equal(202);
    expect((await graph('/me/mailFolders/sentitems')).body.totalItemCount).to.equal(before);
    expect(emu.control.sent()[0]).to.deep.include({ subject: 'No copy', saveToSentItems: false });
  });

  it('sends as another mailbox through /users/{upn}/sendMail', async () => {
    const res = await graph(`/users/${emu.mailboxes.secondary}/sendMail`, {
      method: 'POST', body: { message: { subject: 'From Megan', toRecipients: [recipient(emu.mailboxes.primary)] } },
    });
    expect(res.status).to.equal(202);
    expect((await inboxOf(emu.mailboxes.primary, 'From Megan'))[0].from.emailAddress.address).to.equal(emu.mailboxes.secondary);
    expect(emu.control.sent(emu.mailboxes.secondary)).to.have.length(1);
  });

  it('rejects missing or invalid recipients, malformed JSON and bodies over 4 MB', async () => {
    const none = await graph('/me/sendMail', { method: 'POST', body: { message: { subject: 'x' } } });
    expect(none.status).to.equal(400);
    expect(none.body.error.code).to.equal('ErrorInvalidRecipients');
    const invalid = await graph('/me/sendMail', { method: 'POST', body: { message: { subject: 'x', toRecipients: [recipient('not-an-address')] } } });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.error.code).to.equal('ErrorInvalidRecipients');
    const malformed = await graph('/me/sendMail', { method: 'POST', body: '{"message": ', headers: { 'Content-Type': 'application/json' } });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.code).to.equal('BadRequest');
    const big = Buffer.alloc(3.2 * 1024 * 1024, 7).toString('base64');
    const tooLarge = await graph('/me/sendMail', {
      method: 'POST',
      body: { message: { subject: 'big', toRecipients: [recipient('a@fabrikam.example')], attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'big.bin', contentBytes: big }] } },
    });
    expect(tooLarge.status).to.equal(413);
    expect(tooLarge.body.error.code).to.equal('ErrorRequestEntityTooLarge');
    expect(emu.control.sent()).to.deep.equal([]);
  });
});
